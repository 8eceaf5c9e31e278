/**
 * OfficeExtension.Error look-alike. Messages for client-side errors are copied from the
 * real Office.js runtime (node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js);
 * host-side messages are paraphrases (the host's strings are not shipped in Office.js).
 * Pure TypeScript: no Node APIs.
 */

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
  fullStatements?: string[];
  innerError?: FakeDebugInfo | string;
}

/** Error codes used by the fake (values as in Excel.ErrorCodes / OfficeExtension.ErrorCodes). */
export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  insertDeleteConflict: 'InsertDeleteConflict',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  invalidReference: 'InvalidReference',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  notImplemented: 'NotImplemented',
  propertyNotLoaded: 'PropertyNotLoaded',
  valueNotLoaded: 'ValueNotLoaded',
  runMustReturnPromise: 'RunMustReturnPromise',
  cannotUpdateReadOnlyProperty: 'CannotUpdateReadOnlyProperty',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
} as const;

export const Messages: Record<string, string> = {
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  CannotUpdateReadOnlyProperty: "The property '{0}' is read-only and it cannot be updated.",
  AccessDenied: 'You cannot perform the requested operation.',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'The resource being created already exists.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  GeneralException: 'There was an internal error while processing the request.',
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins',
};

/** Same shape as OfficeExtension.Error: name, code, message, debugInfo, traceMessages, innerError. */
export class FakeOfficeExtensionError extends Error {
  override name = 'RichApi.Error';
  code: string;
  debugInfo: FakeDebugInfo;
  traceMessages: string[] = [];
  innerError: FakeOfficeExtensionError | null = null;
  httpStatusCode?: number;

  constructor(code: string, message?: string, errorLocation?: string) {
    const msg = message ?? Messages[code] ?? code;
    super(msg);
    this.code = code;
    this.debugInfo = { code, message: msg };
    if (errorLocation !== undefined) this.debugInfo.errorLocation = errorLocation;
    Object.setPrototypeOf(this, FakeOfficeExtensionError.prototype);
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function officeError(code: string, location?: string, message?: string): FakeOfficeExtensionError {
  return new FakeOfficeExtensionError(code, message, location);
}

export function propertyNotLoaded(entity: string | null, prop: string): FakeOfficeExtensionError {
  return new FakeOfficeExtensionError(
    ErrorCodes.propertyNotLoaded,
    Messages.PropertyNotLoaded.replace('{0}', prop),
    entity ? `${entity}.${prop}` : undefined,
  );
}

export function readOnlyProperty(entity: string, prop: string): FakeOfficeExtensionError {
  return new FakeOfficeExtensionError(
    ErrorCodes.cannotUpdateReadOnlyProperty,
    Messages.CannotUpdateReadOnlyProperty.replace('{0}', prop),
    `${entity}.${prop}`,
  );
}
