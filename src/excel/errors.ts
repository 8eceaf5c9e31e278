/** Office errors turned into messages a user can act on. */
import { fill, messages, type Lang } from '../engine';

/** An error whose message is ready for the task pane. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

interface OfficeLikeError {
  code?: string;
  message?: string;
}

/** The message for an Office.js error (OfficeExtension.Error or any error with a `code`). */
export function officeErrorMessage(error: unknown, lang: Lang, sheet = ''): string {
  if (error instanceof UserFacingError) return error.message;
  const m = messages(lang).excel;
  const e = (error ?? {}) as OfficeLikeError;
  switch (e.code) {
    case 'AccessDenied':
      return fill(m.accessDenied, { sheet });
    case 'InvalidOperationInCellEditMode':
      return m.cellEditMode;
    case 'Conflict':
    case 'InsertDeleteConflict':
      return m.conflict;
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return m.payloadTooLarge;
    case 'ItemNotFound':
      return m.itemNotFound;
    default:
      return fill(m.generic, { code: e.code ?? 'Error', message: e.message ?? String(error) });
  }
}
