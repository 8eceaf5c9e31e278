/**
 * Proxy object model of the fake Excel host: request context, client objects, collections.
 * Semantics follow Office.js: properties are unreadable until load() + sync(); writes and
 * methods are queued and run in order at sync(); a failing action rejects the sync with an
 * OfficeExtension.Error and drops the rest of the batch (earlier actions stay applied).
 * Pure TypeScript, no Node APIs.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  intersect,
  overlaps,
  parseA1,
  qualifiedAddress,
  rectInBounds,
  rectToA1,
  splitSheet,
} from './a1';
import { ErrorCodes, FakeOfficeExtensionError, Messages, officeError, propertyNotLoaded } from './errors';
import type { ConditionalFormatState } from './state';
import {
  ChartState,
  CustomXmlPartState,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  Layer,
  MIXED,
  SheetState,
  TableState,
  applyParsed,
  fakeGuid,
  formatText,
  jsonBytes,
  parseInput,
  readFormula,
  readValue,
  valueType,
} from './state';

// ---------------------------------------------------------------------------------------------
// Workbook state + batch execution
// ---------------------------------------------------------------------------------------------

export interface ExecState {
  responseBytes: number;
  deliveries: Array<() => void>;
}

export interface Op {
  loc: string;
  bytes: () => number;
  run: (x: ExecState) => void;
}

/** Per-action overhead in the request JSON (object path id, action type, name). */
export const OP_OVERHEAD_BYTES = 48;

export class WorkbookState {
  name = 'Book1.xlsx';
  sheets: SheetState[] = [];
  activeSheet!: SheetState;
  selection!: { sheet: SheetState; rect: Rect };
  tables: TableState[] = [];
  tableColumnIds = new Map<TableState, number[]>();
  nextTableId = 1;
  nextColumnId = 1;
  chartCounter = 0;
  customXmlParts: CustomXmlPartState[] = [];
  settings = new Map<string, string>(); // JSON text
  calculationMode = 'Automatic';
  /** Handlers registered by worksheets.onActivated.add (applied at sync, like Office.js). */
  activatedHandlers = new Set<(args: WorksheetActivatedEventArgs) => unknown>();

  /**
   * Makes `s` the active sheet. When that changes the active sheet, the registered onActivated
   * handlers run later (a macrotask), as Office.js delivers events after the request that caused them.
   */
  activate(s: SheetState, selection?: Rect): void {
    const changed = this.activeSheet !== s;
    this.activeSheet = s;
    if (selection) this.selection = { sheet: s, rect: selection };
    else if (changed) this.selection = { sheet: s, rect: { r0: 0, c0: 0, rows: 1, cols: 1 } };
    if (!changed || this.activatedHandlers.size === 0) return;
    const args: WorksheetActivatedEventArgs = { type: 'WorksheetActivated', worksheetId: s.id };
    for (const h of [...this.activatedHandlers]) {
      setTimeout(() => {
        if (this.activatedHandlers.has(h)) void Promise.resolve(h(args)).catch(() => undefined);
      }, 0);
    }
  }

  liveSheets(): SheetState[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  findSheet(key: string): SheetState | undefined {
    const k = key.toLowerCase();
    return this.liveSheets().find((s) => s.name.toLowerCase() === k || s.id === key);
  }
}

/** Office.js `Excel.WorksheetActivatedEventArgs`. */
export interface WorksheetActivatedEventArgs {
  type: 'WorksheetActivated';
  worksheetId: string;
}

/** Office.js `OfficeExtension.EventHandlerResult`: `remove()` is queued and applies at the next sync of its context. */
export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly _remove: () => void,
  ) {}
  remove(): void {
    this.context._queue(
      'EventHandlerResult.remove',
      () => OP_OVERHEAD_BYTES,
      () => this._remove(),
    );
  }
}

/** Office.js `OfficeExtension.EventHandlers`: `add()` is queued and the handler registered at the next sync. */
export class FakeEventHandlers<A> {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly set: Set<(args: A) => unknown>,
    private readonly loc: string,
  ) {}
  add(handler: (args: A) => unknown): FakeEventHandlerResult {
    if (typeof handler !== 'function') throw officeError(ErrorCodes.invalidArgument, `${this.loc}.add`);
    this.context._queue(
      `${this.loc}.add`,
      () => OP_OVERHEAD_BYTES,
      () => {
        this.set.add(handler);
      },
    );
    return new FakeEventHandlerResult(this.context, () => {
      this.set.delete(handler);
    });
  }
}

export interface HostCounters {
  syncCount: number;
  syncCalls: number;
  requestBytes: number[];
  responseBytes: number[];
  /** Per round trip: cells whose values, formulas or formats it sent back (one per cell per property loaded). */
  cellsRead: number[];
  requestLimitBytes: number;
  responseLimitBytes: number | undefined;
  screenUpdatingSuspensions: number;
  apiCalculationSuspensions: number;
  calculateCalls: number;
  editMode: boolean;
  pendingFailure: { code: string; message?: string } | null;
}

export interface HostLike {
  readonly _wb: WorkbookState;
  readonly _c: HostCounters;
}

async function executeSync(host: HostLike, ops: Op[]): Promise<void> {
  const c = host._c;
  c.syncCount++;
  c.cellsRead.push(0);
  let req = 2 + Math.max(0, ops.length - 1);
  for (const op of ops) req += op.bytes();
  c.requestBytes.push(req);
  if (c.editMode) {
    c.responseBytes.push(0);
    throw officeError(ErrorCodes.invalidOperationInCellEditMode, undefined, Messages.InvalidOperationInCellEditMode);
  }
  if (c.pendingFailure) {
    const f = c.pendingFailure;
    c.pendingFailure = null;
    c.responseBytes.push(0);
    throw officeError(f.code, undefined, f.message);
  }
  if (req > c.requestLimitBytes) {
    c.responseBytes.push(0);
    throw officeError(ErrorCodes.requestPayloadSizeLimitExceeded);
  }
  const x: ExecState = { responseBytes: 2, deliveries: [] };
  for (const op of ops) {
    try {
      op.run(x);
    } catch (e) {
      c.responseBytes.push(x.responseBytes);
      if (e instanceof FakeOfficeExtensionError) {
        if (!e.debugInfo.errorLocation) e.debugInfo.errorLocation = op.loc;
        throw e;
      }
      const err = officeError(
        ErrorCodes.generalException,
        op.loc,
        `Fake host bug in ${op.loc}: ${(e as Error)?.message ?? String(e)}`,
      );
      throw err;
    }
  }
  c.responseBytes.push(x.responseBytes);
  const respLimit = c.responseLimitBytes ?? c.requestLimitBytes;
  if (x.responseBytes > respLimit) throw officeError(ErrorCodes.responsePayloadSizeLimitExceeded);
  for (const d of x.deliveries) d();
}

// ---------------------------------------------------------------------------------------------
// Request context
// ---------------------------------------------------------------------------------------------

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly trackedObjects = {
    add: (_obj: unknown): void => undefined,
    remove: (_obj: unknown): void => undefined,
  };
  readonly debugInfo: Record<string, unknown> = {};
  readonly requestHeaders: Record<string, string> = {};
  /** @internal */ _ops: Op[] = [];

  constructor(/** @internal */ readonly _host: HostLike) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  /** @internal */
  _queue(loc: string, bytes: () => number, run: (x: ExecState) => void): void {
    this._ops.push({ loc, bytes, run });
  }

  load<T extends FakeClientObject>(object: T, option?: LoadOption): T {
    object.load(option);
    return object;
  }

  trace(_message: string): void {
    /* no-op */
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    await Promise.resolve();
    this._host._c.syncCalls++;
    const ops = this._ops;
    this._ops = [];
    if (ops.length > 0) await executeSync(this._host, ops);
    return passThroughValue as T;
  }
}

// ---------------------------------------------------------------------------------------------
// Client objects
// ---------------------------------------------------------------------------------------------

export type LoadOption =
  string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown> | undefined;

function parseLoadOption(opt: LoadOption): string[] | undefined {
  if (opt === undefined || opt === null) return undefined;
  const split = (s: string): string[] =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  if (typeof opt === 'string') return split(opt);
  if (Array.isArray(opt)) return opt.flatMap((s) => split(String(s)));
  if (typeof opt === 'object') {
    const o = opt as Record<string, unknown>;
    if ('select' in o || 'expand' in o) {
      const sel = o.select === undefined ? [] : (parseLoadOption(o.select as LoadOption) ?? []);
      const exp = o.expand === undefined ? [] : (parseLoadOption(o.expand as LoadOption) ?? []);
      return [...sel, ...exp];
    }
    const out: string[] = [];
    const walk = (obj: Record<string, unknown>, prefix: string): void => {
      for (const [k, v] of Object.entries(obj)) {
        if (v && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}/`);
        else if (v) out.push(prefix + k);
      }
    };
    walk(o, '');
    return out;
  }
  return undefined;
}

const deepCopy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

export abstract class FakeClientObject {
  /** @internal */ _loaded: Record<string, unknown> = Object.create(null);
  /** @internal */ _isNull: boolean | undefined = undefined;

  constructor(
    readonly context: FakeRequestContext,
    /** @internal */ readonly _typeName: string,
  ) {}

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(null, 'isNullObject');
    return this._isNull;
  }

  /** @internal scalar properties loaded by an empty load() */
  abstract _scalarProps(): string[];
  /** @internal navigation properties usable in 'a/b' load paths */
  _navProps(): Record<string, () => FakeClientObject> {
    return {};
  }
  /** @internal reads the named properties at sync time; null when this is a null object */
  abstract _readProps(names: string[]): Record<string, unknown> | null;

  /** @internal */
  _get<T>(name: string): T {
    if (name in this._loaded) return this._loaded[name] as T;
    if (this._isNull === true) return null as unknown as T;
    throw propertyNotLoaded(this._typeName, name);
  }

  /** @internal property set: readable locally at once (like Office.js), applied at sync. */
  _setProp(name: string, value: unknown, apply: () => void): void {
    this._loaded[name] = value;
    this.context._queue(
      `${this._typeName}.${name}`,
      () => OP_OVERHEAD_BYTES + name.length + jsonBytes(value),
      () => apply(),
    );
  }

  /** @internal queued method call */
  _method(name: string, args: unknown, apply: (x: ExecState) => void): void {
    this.context._queue(`${this._typeName}.${name}`, () => OP_OVERHEAD_BYTES + name.length + jsonBytes(args), apply);
  }

  /** @internal queues the existence check that resolves isNullObject at the next sync */
  _queueNullCheck(loc: string, exists: () => boolean): void {
    this.context._queue(
      loc,
      () => OP_OVERHEAD_BYTES,
      (x) => {
        const ok = exists();
        x.responseBytes += 16;
        x.deliveries.push(() => {
          this._isNull = !ok;
        });
      },
    );
  }

  load(option?: LoadOption): this {
    const names = parseLoadOption(option);
    const own: string[] = [];
    const nav = this._navProps();
    const scalar = this._scalarProps();
    for (const n of names ?? scalar) {
      const slash = n.indexOf('/');
      if (slash > 0) {
        const head = n.slice(0, slash);
        const f = nav[head];
        if (!f)
          throw officeError(
            ErrorCodes.invalidArgument,
            `${this._typeName}.load`,
            `The property '${head}' does not exist on ${this._typeName}.`,
          );
        f().load(n.slice(slash + 1));
      } else if (nav[n] && !scalar.includes(n)) {
        nav[n]().load();
      } else {
        own.push(n);
      }
    }
    for (const n of own) {
      if (!scalar.includes(n) && !this._extraLoadable().includes(n)) {
        throw officeError(
          ErrorCodes.invalidArgument,
          `${this._typeName}.load`,
          `The property '${n}' does not exist on ${this._typeName}.`,
        );
      }
    }
    this.context._queue(
      `${this._typeName}.load`,
      () => OP_OVERHEAD_BYTES + jsonBytes(own),
      (x) => {
        const snap = this._readProps(own);
        if (snap === null) {
          x.responseBytes += 20;
          x.deliveries.push(() => {
            this._isNull = true;
          });
          return;
        }
        x.responseBytes += jsonBytes(snap);
        x.deliveries.push(() => {
          Object.assign(this._loaded, snap);
          this._isNull = false;
        });
      },
    );
    return this;
  }

  /** @internal loadable but not part of an empty load() */
  _extraLoadable(): string[] {
    return [];
  }

  toJSON(): Record<string, unknown> {
    return { ...this._loaded };
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

export class FakeClientResult<T> {
  /** @internal */ _set = false;
  /** @internal */ _value: T | undefined;

  get value(): T {
    if (!this._set) throw officeError(ErrorCodes.valueNotLoaded, undefined, Messages.ValueNotLoaded);
    return this._value as T;
  }

  /** @internal */
  _deliver(x: ExecState, v: T): void {
    x.responseBytes += jsonBytes(v);
    x.deliveries.push(() => {
      this._value = v;
      this._set = true;
    });
  }
}

/** Base for collections: `items` readable after load(); load('items/name') or load('name'). */
export abstract class FakeCollection<TItem extends FakeClientObject, TState> extends FakeClientObject {
  /** @internal */ _items: TItem[] | undefined;

  /** @internal */ abstract _enumerate(): TState[];
  /** @internal */ abstract _makeItem(s: TState): TItem;
  /** @internal */ abstract _itemScalarProps(): string[];

  get items(): TItem[] {
    if (this._items === undefined) throw propertyNotLoaded(this._typeName, 'items');
    return this._items;
  }

  override _scalarProps(): string[] {
    return [];
  }

  override _readProps(): Record<string, unknown> {
    return {};
  }

  override load(option?: LoadOption): this {
    const names = parseLoadOption(option) ?? ['items'];
    const itemNames: string[] = [];
    let wantItems = false;
    let wantCount = false;
    for (const n of names) {
      if (n === 'items') wantItems = true;
      else if (n === 'count') wantCount = true;
      else if (n.startsWith('items/')) {
        wantItems = true;
        itemNames.push(n.slice(6));
      } else {
        wantItems = true;
        itemNames.push(n);
      }
    }
    const useNames = itemNames.length ? itemNames : this._itemScalarProps();
    for (const n of useNames) {
      if (!n.includes('/') && !this._itemScalarProps().includes(n)) {
        throw officeError(
          ErrorCodes.invalidArgument,
          `${this._typeName}.load`,
          `The property '${n}' does not exist on the items of ${this._typeName}.`,
        );
      }
    }
    const flat = useNames.filter((n) => !n.includes('/'));
    this.context._queue(
      `${this._typeName}.load`,
      () => OP_OVERHEAD_BYTES + jsonBytes(names),
      (x) => {
        const states = this._enumerate();
        if (wantCount) {
          x.responseBytes += 12;
          const n = states.length;
          x.deliveries.push(() => {
            this._loaded.count = n;
          });
        }
        if (!wantItems) return;
        const items = states.map((s) => this._makeItem(s));
        const snaps = items.map((it) => it._readProps(flat) ?? {});
        x.responseBytes += jsonBytes(snaps);
        x.deliveries.push(() => {
          this._isNull = false;
          this._items = items;
          items.forEach((it, i) => {
            Object.assign(it._loaded, snaps[i]);
            it._isNull = false;
          });
        });
      },
    );
    return this;
  }

  get count(): number {
    return this._get<number>('count');
  }

  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this._method('getCount', [], (x) => r._deliver(x, this._enumerate().length));
    return r;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type RangeTarget = { sheet: SheetState; rect: Rect };

function notFound(loc?: string): FakeOfficeExtensionError {
  return officeError(ErrorCodes.itemNotFound, loc);
}

function invalidArg(loc?: string, msg?: string): FakeOfficeExtensionError {
  return officeError(ErrorCodes.invalidArgument, loc, msg);
}

function checkWritable(sheet: SheetState, loc?: string): void {
  if (sheet.protected)
    throw officeError(
      ErrorCodes.accessDenied,
      loc,
      "The cell or chart you're trying to change is on a protected sheet.",
    );
}

const COLOR_NAMES: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
  pink: '#FFC0CB',
  lightgreen: '#90EE90',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  lightblue: '#ADD8E6',
  lightyellow: '#FFFFE0',
  darkred: '#8B0000',
  darkgreen: '#006400',
  darkblue: '#00008B',
  brown: '#A52A2A',
  cyan: '#00FFFF',
  magenta: '#FF00FF',
  navy: '#000080',
};

export function normalizeColor(v: unknown, loc: string): string {
  if (typeof v !== 'string') throw invalidArg(loc);
  const s = v.trim();
  let m = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (m) return '#' + m[1].toUpperCase();
  m = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(s);
  if (m) return ('#' + m[1] + m[1] + m[2] + m[2] + m[3] + m[3]).toUpperCase();
  const named = COLOR_NAMES[s.toLowerCase()];
  if (named) return named;
  throw invalidArg(loc, `The color '${v}' is not valid.`);
}

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

function cellGrid<T>(t: RangeTarget, fn: (r: number, c: number) => T, host: HostLike): T[][] {
  const { rect } = t;
  const limit = host._c.responseLimitBytes ?? host._c.requestLimitBytes;
  if (rect.rows * rect.cols * 3 > limit) throw officeError(ErrorCodes.responsePayloadSizeLimitExceeded);
  const read = host._c.cellsRead;
  if (read.length > 0) read[read.length - 1] += rect.rows * rect.cols;
  const out: T[][] = new Array(rect.rows);
  for (let i = 0; i < rect.rows; i++) {
    const row: T[] = new Array(rect.cols);
    const r = rect.r0 + i;
    for (let j = 0; j < rect.cols; j++) row[j] = fn(r, rect.c0 + j);
    out[i] = row;
  }
  return out;
}

/** Returns an accessor for input cell (i, j) after validating the input's shape against rect. */
function inputAccessor(input: unknown, rect: Rect, loc: string): (i: number, j: number) => unknown {
  if (!Array.isArray(input)) {
    if (input === null || input === undefined) throw invalidArg(loc, 'null is not a valid value for a whole property.');
    return () => input;
  }
  if (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1) {
    const v = input[0][0];
    return () => v;
  }
  if (input.length !== rect.rows || input.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw invalidArg(
      loc,
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
  return (i, j) => (input as unknown[][])[i][j];
}

function writeCells(t: RangeTarget, input: unknown, loc: string): void {
  const { sheet, rect } = t;
  const get = inputAccessor(input, rect, loc);
  for (let i = 0; i < rect.rows; i++) {
    const r = rect.r0 + i;
    for (let j = 0; j < rect.cols; j++) {
      const c = rect.c0 + j;
      const p = parseInput(get(i, j), sheet.numberFormat.get(r, c) ?? 'General', loc);
      if (p) applyParsed(sheet, r, c, p);
    }
  }
}

function writeNumberFormat(t: RangeTarget, input: unknown, loc: string): void {
  const { sheet, rect } = t;
  const norm = (v: unknown): string | undefined => {
    if (typeof v !== 'string') throw invalidArg(loc);
    return v === '' || v === 'General' ? undefined : v;
  };
  if (!Array.isArray(input) || (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1)) {
    const v = Array.isArray(input) ? (input[0] as unknown[])[0] : input;
    if (v === null) {
      if (!Array.isArray(input)) throw invalidArg(loc);
      return;
    }
    sheet.numberFormat.fill(rect, norm(v));
    return;
  }
  const get = inputAccessor(input, rect, loc);
  for (let i = 0; i < rect.rows; i++) {
    for (let j = 0; j < rect.cols; j++) {
      const v = get(i, j);
      if (v === null) continue;
      sheet.numberFormat.set(rect.r0 + i, rect.c0 + j, norm(v));
    }
  }
}

function uniformOrNull<T>(layer: Layer<T>, rect: Rect, dflt: T): T | null {
  const u = layer.uniform(rect, dflt);
  return u === MIXED ? null : (u as T);
}

function uniformMap(map: Map<number, number>, start: number, count: number, dflt: number): number | null {
  let first: number | undefined;
  const n = Math.min(count, 20000);
  for (let k = start; k < start + n; k++) {
    const v = map.get(k) ?? dflt;
    if (first === undefined) first = v;
    else if (v !== first) return null;
  }
  return first ?? dflt;
}

function resolveTarget(
  rng: FakeRange | string,
  ctx: FakeRequestContext,
  defaultSheet: () => SheetState,
  loc: string,
): RangeTarget {
  if (typeof rng !== 'string') {
    if (rng.context !== ctx)
      throw officeError('InvalidRequestContext', loc, 'Cannot use the object across different request contexts.');
    const t = rng._target();
    if (!t) throw notFound(loc);
    return t;
  }
  const { sheet: sheetName, local } = splitSheet(rng);
  const sheet = sheetName !== undefined ? ctx._host._wb.findSheet(sheetName) : defaultSheet();
  if (!sheet) throw notFound(loc);
  const rect = parseA1(local);
  if (!rect) throw invalidArg(loc, `The address '${rng}' is not valid.`);
  return { sheet, rect };
}

function shiftAllLayers(sheet: SheetState, rect: Rect, kind: 'insert' | 'delete', dir: string): void {
  for (const l of sheet.allLayers()) {
    if (kind === 'insert') l.insertCells(rect, dir as 'Down' | 'Right');
    else l.deleteCells(rect, dir as 'Up' | 'Left');
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, application
// ---------------------------------------------------------------------------------------------

export class FakeApplication extends FakeClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'Application');
    this._isNull = false;
  }

  override _scalarProps(): string[] {
    return ['calculationMode'];
  }

  override _readProps(names: string[]): Record<string, unknown> {
    const wb = this.context._host._wb;
    const out: Record<string, unknown> = {};
    for (const n of names) if (n === 'calculationMode') out[n] = wb.calculationMode;
    return out;
  }

  get calculationMode(): string {
    return this._get('calculationMode');
  }

  set calculationMode(v: string) {
    this._setProp('calculationMode', v, () => {
      if (!['Automatic', 'AutomaticExceptTables', 'Manual'].includes(v))
        throw invalidArg('Application.calculationMode');
      this.context._host._wb.calculationMode = v;
    });
  }

  calculate(calculationType: string): void {
    this._method('calculate', [calculationType], () => {
      this.context._host._c.calculateCalls++;
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this._method('suspendApiCalculationUntilNextSync', [], () => {
      this.context._host._c.apiCalculationSuspensions++;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._method('suspendScreenUpdatingUntilNextSync', [], () => {
      this.context._host._c.screenUpdatingSuspensions++;
    });
  }
}

export class FakeWorkbook extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly settings: FakeSettingCollection;

  constructor(ctx: FakeRequestContext) {
    super(ctx, 'Workbook');
    this._isNull = false;
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.customXmlParts = new FakeCustomXmlPartCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
  }

  get application(): FakeApplication {
    return this.context.application;
  }

  get name(): string {
    return this._get('name');
  }

  override _scalarProps(): string[] {
    return ['name'];
  }

  override _readProps(names: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const n of names) if (n === 'name') out.name = this.context._host._wb.name;
    return out;
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.context._host._wb.selection;
      return { sheet: s.sheet, rect: { ...s.rect } };
    });
  }

  getActiveCell(): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.context._host._wb.selection;
      return { sheet: s.sheet, rect: { r0: s.rect.r0, c0: s.rect.c0, rows: 1, cols: 1 } };
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets
// ---------------------------------------------------------------------------------------------

const SHEET_PROPS = ['name', 'id', 'position', 'visibility', 'tabColor', 'standardWidth', 'standardHeight'];

function validateSheetName(name: unknown, loc: string): string {
  if (
    typeof name !== 'string' ||
    name.trim() === '' ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history'
  ) {
    throw invalidArg(loc, `The worksheet name '${String(name)}' is not valid.`);
  }
  return name;
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet, SheetState> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'WorksheetCollection');
    this._isNull = false;
  }

  override _enumerate(): SheetState[] {
    return this.context._host._wb.liveSheets();
  }

  override _makeItem(s: SheetState): FakeWorksheet {
    return new FakeWorksheet(this.context, () => s);
  }

  override _itemScalarProps(): string[] {
    return SHEET_PROPS;
  }

  /** Fires when a worksheet becomes the active one (ExcelApi 1.7). */
  get onActivated(): FakeEventHandlers<WorksheetActivatedEventArgs> {
    return new FakeEventHandlers(
      this.context,
      this.context._host._wb.activatedHandlers as Set<(args: WorksheetActivatedEventArgs) => unknown>,
      'WorksheetCollection.onActivated',
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context._host._wb.activeSheet);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const s = this.context._host._wb.findSheet(key);
      if (!s) throw notFound('WorksheetCollection.getItem');
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, () => this.context._host._wb.findSheet(key) ?? null);
    ws._queueNullCheck('WorksheetCollection.getItemOrNullObject', () => ws._target() !== null);
    return ws;
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const list = this.context._host._wb.liveSheets().filter((s) => !visibleOnly || s.visibility === 'Visible');
      if (!list.length) throw notFound('WorksheetCollection.getFirst');
      return list[0];
    });
  }

  getLast(visibleOnly?: boolean): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const list = this.context._host._wb.liveSheets().filter((s) => !visibleOnly || s.visibility === 'Visible');
      if (!list.length) throw notFound('WorksheetCollection.getLast');
      return list[list.length - 1];
    });
  }

  add(name?: string): FakeWorksheet {
    let created: SheetState | null = null;
    this._method('add', [name ?? null], () => {
      const wb = this.context._host._wb;
      let n = name;
      if (n === undefined || n === null) {
        let k = 1;
        while (wb.findSheet(`Sheet${k}`)) k++;
        n = `Sheet${k}`;
      }
      validateSheetName(n, 'WorksheetCollection.add');
      if (wb.findSheet(n))
        throw officeError(
          ErrorCodes.itemAlreadyExists,
          'WorksheetCollection.add',
          'A worksheet with the same name already exists.',
        );
      created = new SheetState(n, fakeGuid());
      wb.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw notFound('WorksheetCollection.add');
      return created;
    });
  }
}

export class FakeWorksheetProtection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly _ws: FakeWorksheet,
  ) {
    super(ctx, 'WorksheetProtection');
  }

  override _scalarProps(): string[] {
    return ['protected'];
  }

  override _readProps(names: string[]): Record<string, unknown> | null {
    const s = this._ws._target();
    if (!s) return null;
    const out: Record<string, unknown> = {};
    for (const n of names) if (n === 'protected') out.protected = s.protected;
    return out;
  }

  get protected(): boolean {
    return this._get('protected');
  }

  protect(_options?: unknown, _password?: string): void {
    this._method('protect', [], () => {
      const s = this._ws._targetOrThrow('WorksheetProtection.protect');
      if (s.protected)
        throw officeError(
          ErrorCodes.invalidOperation,
          'WorksheetProtection.protect',
          'The worksheet is already protected.',
        );
      s.protected = true;
    });
  }

  unprotect(_password?: string): void {
    this._method('unprotect', [], () => {
      this._ws._targetOrThrow('WorksheetProtection.unprotect').protected = false;
    });
  }
}

const PAGE_PROPS = [
  'orientation',
  'paperSize',
  'topMargin',
  'bottomMargin',
  'leftMargin',
  'rightMargin',
  'zoom',
] as const;

/** The print area as Office.js gives it: RangeAreas with a sheet-qualified `address`. */
export class FakePrintArea extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly _ws: FakeWorksheet,
  ) {
    super(ctx, 'RangeAreas');
  }
  override _scalarProps(): string[] {
    return ['address'];
  }
  override _readProps(names: string[]): Record<string, unknown> | null {
    const s = this._ws._target();
    if (!s || s.page.printArea === null) return null;
    const rect = parseA1(s.page.printArea);
    return names.includes('address') && rect ? { address: qualifiedAddress(s.name, rect) } : {};
  }
  get address(): string {
    return this._get('address');
  }
}

/** worksheet.pageLayout (ExcelApi 1.9): orientation, paper, margins, zoom and the print area. */
export class FakePageLayout extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly _ws: FakeWorksheet,
  ) {
    super(ctx, 'PageLayout');
  }
  override _scalarProps(): string[] {
    return [...PAGE_PROPS];
  }
  override _readProps(names: string[]): Record<string, unknown> | null {
    const s = this._ws._target();
    if (!s) return null;
    const out: Record<string, unknown> = {};
    for (const n of names) out[n] = deepCopy((s.page as unknown as Record<string, unknown>)[n]);
    return out;
  }
  private _setPage(name: (typeof PAGE_PROPS)[number], v: unknown): void {
    this._setProp(name, v, () => {
      const s = this._ws._targetOrThrow(`PageLayout.${name}`);
      if (name === 'zoom') {
        if (!v || typeof v !== 'object') throw invalidArg('PageLayout.zoom');
        s.page.zoom = { ...(v as PageZoom) };
      } else if (name.endsWith('Margin')) {
        if (typeof v !== 'number' || v < 0) throw invalidArg(`PageLayout.${name}`);
        (s.page as unknown as Record<string, unknown>)[name] = v;
      } else (s.page as unknown as Record<string, unknown>)[name] = String(v);
    });
  }
  get orientation(): string {
    return this._get('orientation');
  }
  set orientation(v: string) {
    this._setPage('orientation', v);
  }
  get paperSize(): string {
    return this._get('paperSize');
  }
  set paperSize(v: string) {
    this._setPage('paperSize', v);
  }
  get topMargin(): number {
    return this._get('topMargin');
  }
  set topMargin(v: number) {
    this._setPage('topMargin', v);
  }
  get bottomMargin(): number {
    return this._get('bottomMargin');
  }
  set bottomMargin(v: number) {
    this._setPage('bottomMargin', v);
  }
  get leftMargin(): number {
    return this._get('leftMargin');
  }
  set leftMargin(v: number) {
    this._setPage('leftMargin', v);
  }
  get rightMargin(): number {
    return this._get('rightMargin');
  }
  set rightMargin(v: number) {
    this._setPage('rightMargin', v);
  }
  get zoom(): PageZoom {
    return this._get('zoom');
  }
  set zoom(v: PageZoom) {
    this._setPage('zoom', v);
  }

  getPrintAreaOrNullObject(): FakePrintArea {
    const area = new FakePrintArea(this.context, this._ws);
    area._queueNullCheck('PageLayout.getPrintAreaOrNullObject', () => this._ws._target()?.page.printArea != null);
    return area;
  }

  /** A range, or an address ("A1:O29", "'Tổng hợp'!A1:O29"); one rectangle (the fake keeps no multi-area print areas). */
  setPrintArea(printArea: string | FakeRange): void {
    this._method('setPrintArea', [typeof printArea === 'string' ? printArea : 'range'], () => {
      const s = this._ws._targetOrThrow('PageLayout.setPrintArea');
      const rect =
        typeof printArea === 'string'
          ? parseA1(splitSheet(printArea).local)
          : printArea._targetOrThrow('PageLayout.setPrintArea').rect;
      if (!rect) throw invalidArg('PageLayout.setPrintArea');
      s.page.printArea = rectToA1(rect);
    });
  }
}

type PageZoom = { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null };

export class FakeWorksheet extends FakeClientObject {
  private _cache: SheetState | null = null;
  readonly protection: FakeWorksheetProtection;
  readonly pageLayout: FakePageLayout;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;

  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => SheetState | null,
  ) {
    super(ctx, 'Worksheet');
    this.protection = new FakeWorksheetProtection(ctx, this);
    this.pageLayout = new FakePageLayout(ctx, this);
    this.tables = new FakeTableCollection(ctx, this);
    this.charts = new FakeChartCollection(ctx, this);
  }

  /** @internal */
  _target(): SheetState | null {
    if (this._cache) {
      if (this._cache.deleted) throw notFound(`${this._typeName}`);
      return this._cache;
    }
    const s = this._resolver();
    if (s && s.deleted) throw notFound(`${this._typeName}`);
    if (s) this._cache = s;
    return s;
  }

  /** @internal */
  _targetOrThrow(loc: string): SheetState {
    const s = this._target();
    if (!s) throw notFound(loc);
    return s;
  }

  override _scalarProps(): string[] {
    return SHEET_PROPS;
  }

  override _navProps(): Record<string, () => FakeClientObject> {
    return {
      protection: () => this.protection,
      pageLayout: () => this.pageLayout,
      tables: () => this.tables,
      charts: () => this.charts,
    };
  }

  override _readProps(names: string[]): Record<string, unknown> | null {
    const s = this._target();
    if (!s) return null;
    const wb = this.context._host._wb;
    const out: Record<string, unknown> = {};
    for (const n of names) {
      switch (n) {
        case 'name':
          out.name = s.name;
          break;
        case 'id':
          out.id = s.id;
          break;
        case 'position':
          out.position = wb.liveSheets().indexOf(s);
          break;
        case 'visibility':
          out.visibility = s.visibility;
          break;
        case 'tabColor':
          out.tabColor = '';
          break;
        case 'standardWidth':
          out.standardWidth = 8.43;
          break;
        case 'standardHeight':
          out.standardHeight = DEFAULT_ROW_HEIGHT;
          break;
      }
    }
    return out;
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, () => {
      const s = this._targetOrThrow('Worksheet.name');
      validateSheetName(v, 'Worksheet.name');
      const other = this.context._host._wb.findSheet(v);
      if (other && other !== s) throw officeError(ErrorCodes.itemAlreadyExists, 'Worksheet.name');
      s.name = v;
    });
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._setProp('position', v, () => {
      const s = this._targetOrThrow('Worksheet.position');
      const wb = this.context._host._wb;
      const live = wb.liveSheets();
      if (!Number.isInteger(v) || v < 0 || v >= live.length) throw invalidArg('Worksheet.position');
      const rest = live.filter((x) => x !== s);
      rest.splice(v, 0, s);
      wb.sheets = [...rest, ...wb.sheets.filter((x) => x.deleted)];
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._setProp('visibility', v, () => {
      const s = this._targetOrThrow('Worksheet.visibility');
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw invalidArg('Worksheet.visibility');
      if (
        v !== 'Visible' &&
        this.context._host._wb.liveSheets().filter((x) => x !== s && x.visibility === 'Visible').length === 0
      ) {
        throw officeError(
          ErrorCodes.invalidOperation,
          'Worksheet.visibility',
          'A workbook must contain at least one visible worksheet.',
        );
      }
      s.visibility = v;
    });
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  get standardWidth(): number {
    return this._get('standardWidth');
  }
  get standardHeight(): number {
    return this._get('standardHeight');
  }

  activate(): void {
    this._method('activate', [], () => {
      const s = this._targetOrThrow('Worksheet.activate');
      const wb = this.context._host._wb;
      if (s.visibility !== 'Visible') throw officeError(ErrorCodes.invalidOperation, 'Worksheet.activate');
      wb.activate(s);
    });
  }

  delete(): void {
    this._method('delete', [], () => {
      const s = this._targetOrThrow('Worksheet.delete');
      const wb = this.context._host._wb;
      const visibleOthers = wb.liveSheets().filter((x) => x !== s && x.visibility === 'Visible');
      if (visibleOthers.length === 0)
        throw officeError(
          ErrorCodes.invalidOperation,
          'Worksheet.delete',
          'A workbook must contain at least one visible worksheet.',
        );
      if (s.protected) throw officeError(ErrorCodes.accessDenied, 'Worksheet.delete');
      const idx = wb.liveSheets().indexOf(s);
      s.deleted = true;
      wb.tables = wb.tables.filter((t) => t.sheet !== s);
      if (wb.activeSheet === s) {
        const live = wb.liveSheets().filter((x) => x.visibility === 'Visible');
        const next = live[Math.min(idx, live.length - 1)];
        wb.activate(next);
      } else if (wb.selection.sheet === s) {
        wb.selection = { sheet: wb.activeSheet, rect: { r0: 0, c0: 0, rows: 1, cols: 1 } };
      }
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this._targetOrThrow('Worksheet.getRange');
      if (address === undefined || address === '')
        return { sheet: s, rect: { r0: 0, c0: 0, rows: MAX_ROWS, cols: MAX_COLS } };
      const { sheet: sheetName, local } = splitSheet(address);
      if (sheetName !== undefined && sheetName.toLowerCase() !== s.name.toLowerCase())
        throw invalidArg('Worksheet.getRange', `The address '${address}' is not on this worksheet.`);
      const rect = parseA1(local);
      if (!rect) throw invalidArg('Worksheet.getRange', `The address '${address}' is not valid.`);
      return { sheet: s, rect };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this._targetOrThrow('Worksheet.getRangeByIndexes');
      const rect = { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount };
      if (!rectInBounds(rect)) throw invalidArg('Worksheet.getRangeByIndexes');
      return { sheet: s, rect };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this._targetOrThrow('Worksheet.getUsedRange');
      return { sheet: s, rect: s.usedRect(!!valuesOnly) ?? { r0: 0, c0: 0, rows: 1, cols: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(this.context, () => {
      const s = this._targetOrThrow('Worksheet.getUsedRangeOrNullObject');
      const rect = s.usedRect(!!valuesOnly);
      return rect ? { sheet: s, rect } : null;
    });
    r._queueNullCheck('Worksheet.getUsedRangeOrNullObject', () => r._target() !== null);
    return r;
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------------

const RANGE_PROPS = [
  'address',
  'addressLocal',
  'cellCount',
  'columnCount',
  'columnIndex',
  'rowCount',
  'rowIndex',
  'values',
  'formulas',
  'formulasLocal',
  'numberFormat',
  'text',
  'valueTypes',
  'isEntireColumn',
  'isEntireRow',
];

export class FakeRange extends FakeClientObject {
  private _cache: RangeTarget | null = null;
  private _format: FakeRangeFormat | undefined;

  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => RangeTarget | null,
  ) {
    super(ctx, 'Range');
  }

  /** @internal */
  _target(): RangeTarget | null {
    if (this._cache) {
      if (this._cache.sheet.deleted) throw notFound('Range');
      return this._cache;
    }
    const t = this._resolver();
    if (t && t.sheet.deleted) throw notFound('Range');
    if (t) this._cache = t;
    return t;
  }

  /** @internal */
  _targetOrThrow(loc: string): RangeTarget {
    const t = this._target();
    if (!t) throw notFound(loc);
    return t;
  }

  /** @internal */
  _writable(loc: string): RangeTarget {
    const t = this._targetOrThrow(loc);
    checkWritable(t.sheet, loc);
    return t;
  }

  private _derive(loc: string, f: (t: RangeTarget) => Rect | null): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._targetOrThrow(loc);
      const rect = f(t);
      if (!rect) return null;
      if (!rectInBounds(rect)) throw invalidArg(loc);
      return { sheet: t.sheet, rect };
    });
  }

  override _scalarProps(): string[] {
    return RANGE_PROPS;
  }

  override _navProps(): Record<string, () => FakeClientObject> {
    return { format: () => this.format, worksheet: () => this.worksheet };
  }

  override _readProps(names: string[]): Record<string, unknown> | null {
    const t = this._target();
    if (!t) return null;
    const { sheet, rect } = t;
    const host = this.context._host;
    const out: Record<string, unknown> = {};
    for (const n of names) {
      switch (n) {
        case 'address':
        case 'addressLocal':
          out[n] = qualifiedAddress(sheet.name, rect);
          break;
        case 'cellCount':
          out.cellCount = rect.rows * rect.cols;
          break;
        case 'columnCount':
          out.columnCount = rect.cols;
          break;
        case 'columnIndex':
          out.columnIndex = rect.c0;
          break;
        case 'rowCount':
          out.rowCount = rect.rows;
          break;
        case 'rowIndex':
          out.rowIndex = rect.r0;
          break;
        case 'isEntireColumn':
          out.isEntireColumn = rect.r0 === 0 && rect.rows === MAX_ROWS;
          break;
        case 'isEntireRow':
          out.isEntireRow = rect.c0 === 0 && rect.cols === MAX_COLS;
          break;
        case 'values':
          out.values = cellGrid(t, (r, c) => readValue(sheet, r, c), host);
          break;
        case 'formulas':
        case 'formulasLocal':
          out[n] = cellGrid(t, (r, c) => readFormula(sheet, r, c), host);
          break;
        case 'numberFormat':
          out.numberFormat = cellGrid(t, (r, c) => sheet.numberFormat.get(r, c) ?? 'General', host);
          break;
        case 'valueTypes':
          out.valueTypes = cellGrid(t, (r, c) => valueType(sheet, r, c), host);
          break;
        case 'text':
          out.text = cellGrid(
            t,
            (r, c) => formatText(readValue(sheet, r, c), sheet.numberFormat.get(r, c) ?? 'General'),
            host,
          );
          break;
      }
    }
    return out;
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }
  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get values(): any[][] {
    return this._get('values');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set values(v: any[][]) {
    this._setProp('values', v, () => writeCells(this._writable('Range.values'), v, 'Range.values'));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formulas(): any[][] {
    return this._get('formulas');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formulas(v: any[][]) {
    this._setProp('formulas', v, () => writeCells(this._writable('Range.formulas'), v, 'Range.formulas'));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formulasLocal(): any[][] {
    return this._get('formulasLocal');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formulasLocal(v: any[][]) {
    this._setProp('formulasLocal', v, () =>
      writeCells(this._writable('Range.formulasLocal'), v, 'Range.formulasLocal'),
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get numberFormat(): any[][] {
    return this._get('numberFormat');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set numberFormat(v: any[][]) {
    this._setProp('numberFormat', v, () =>
      writeNumberFormat(this._writable('Range.numberFormat'), v, 'Range.numberFormat'),
    );
  }

  get format(): FakeRangeFormat {
    if (!this._format) this._format = new FakeRangeFormat(this.context, this);
    return this._format;
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.context, this);
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this._targetOrThrow('Range.worksheet').sheet);
  }

  getCell(row: number, column: number): FakeRange {
    return this._derive('Range.getCell', ({ rect }) => ({ r0: rect.r0 + row, c0: rect.c0 + column, rows: 1, cols: 1 }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._derive('Range.getOffsetRange', ({ rect }) => ({
      ...rect,
      r0: rect.r0 + rowOffset,
      c0: rect.c0 + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this._derive('Range.getResizedRange', ({ rect }) => ({
      ...rect,
      rows: rect.rows + deltaRows,
      cols: rect.cols + deltaColumns,
    }));
  }

  getRow(row: number): FakeRange {
    return this._derive('Range.getRow', ({ rect }) => ({ r0: rect.r0 + row, c0: rect.c0, rows: 1, cols: rect.cols }));
  }

  getColumn(column: number): FakeRange {
    return this._derive('Range.getColumn', ({ rect }) => ({
      r0: rect.r0,
      c0: rect.c0 + column,
      rows: rect.rows,
      cols: 1,
    }));
  }

  getRowsAbove(count = 1): FakeRange {
    return this._derive('Range.getRowsAbove', ({ rect }) => ({
      r0: rect.r0 - count,
      c0: rect.c0,
      rows: count,
      cols: rect.cols,
    }));
  }

  getRowsBelow(count = 1): FakeRange {
    return this._derive('Range.getRowsBelow', ({ rect }) => ({
      r0: rect.r0 + rect.rows,
      c0: rect.c0,
      rows: count,
      cols: rect.cols,
    }));
  }

  getColumnsBefore(count = 1): FakeRange {
    return this._derive('Range.getColumnsBefore', ({ rect }) => ({
      r0: rect.r0,
      c0: rect.c0 - count,
      rows: rect.rows,
      cols: count,
    }));
  }

  getColumnsAfter(count = 1): FakeRange {
    return this._derive('Range.getColumnsAfter', ({ rect }) => ({
      r0: rect.r0,
      c0: rect.c0 + rect.cols,
      rows: rect.rows,
      cols: count,
    }));
  }

  getEntireColumn(): FakeRange {
    return this._derive('Range.getEntireColumn', ({ rect }) => ({
      r0: 0,
      c0: rect.c0,
      rows: MAX_ROWS,
      cols: rect.cols,
    }));
  }

  getEntireRow(): FakeRange {
    return this._derive('Range.getEntireRow', ({ rect }) => ({ r0: rect.r0, c0: 0, rows: rect.rows, cols: MAX_COLS }));
  }

  getLastRow(): FakeRange {
    return this._derive('Range.getLastRow', ({ rect }) => ({
      r0: rect.r0 + rect.rows - 1,
      c0: rect.c0,
      rows: 1,
      cols: rect.cols,
    }));
  }

  getLastColumn(): FakeRange {
    return this._derive('Range.getLastColumn', ({ rect }) => ({
      r0: rect.r0,
      c0: rect.c0 + rect.cols - 1,
      rows: rect.rows,
      cols: 1,
    }));
  }

  getLastCell(): FakeRange {
    return this._derive('Range.getLastCell', ({ rect }) => ({
      r0: rect.r0 + rect.rows - 1,
      c0: rect.c0 + rect.cols - 1,
      rows: 1,
      cols: 1,
    }));
  }

  getIntersection(anotherRange: FakeRange | string): FakeRange {
    return this._derive('Range.getIntersection', (t) => {
      const o = resolveTarget(anotherRange, this.context, () => t.sheet, 'Range.getIntersection');
      const i = o.sheet === t.sheet ? intersect(t.rect, o.rect) : null;
      if (!i) throw notFound('Range.getIntersection');
      return i;
    });
  }

  getIntersectionOrNullObject(anotherRange: FakeRange | string): FakeRange {
    const r = this._derive('Range.getIntersectionOrNullObject', (t) => {
      const o = resolveTarget(anotherRange, this.context, () => t.sheet, 'Range.getIntersectionOrNullObject');
      return o.sheet === t.sheet ? intersect(t.rect, o.rect) : null;
    });
    r._queueNullCheck('Range.getIntersectionOrNullObject', () => r._target() !== null);
    return r;
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._derive('Range.getUsedRange', ({ sheet, rect }) => {
      const u = sheet.usedRect(!!valuesOnly);
      const i = u ? intersect(u, rect) : null;
      if (!i) throw notFound('Range.getUsedRange');
      return i;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const r = this._derive('Range.getUsedRangeOrNullObject', ({ sheet, rect }) => {
      const u = sheet.usedRect(!!valuesOnly);
      return u ? intersect(u, rect) : null;
    });
    r._queueNullCheck('Range.getUsedRangeOrNullObject', () => r._target() !== null);
    return r;
  }

  select(): void {
    this._method('select', [], () => {
      const t = this._targetOrThrow('Range.select');
      const wb = this.context._host._wb;
      wb.activate(t.sheet, { ...t.rect });
    });
  }

  /** Merges the range into one cell (`across`: each row on its own, as Excel does). An area overlapping a merged one is refused. */
  merge(across = false): void {
    this._method('merge', [across], () => {
      const { sheet, rect } = this._writable('Range.merge');
      const areas = across
        ? Array.from({ length: rect.rows }, (_, i) => ({ ...rect, r0: rect.r0 + i, rows: 1 }))
        : [rect];
      for (const area of areas) {
        const overlaps = sheet.merges.some(
          (m) =>
            m.r0 < area.r0 + area.rows &&
            area.r0 < m.r0 + m.rows &&
            m.c0 < area.c0 + area.cols &&
            area.c0 < m.c0 + m.cols,
        );
        if (overlaps) throw invalidArg('Range.merge');
        if (area.rows * area.cols > 1) sheet.merges.push(area);
      }
    });
  }

  clear(applyTo: string = 'All'): void {
    this._method('clear', [applyTo], () => {
      const { sheet, rect } = this._writable('Range.clear');
      const contents = applyTo === 'All' || applyTo === 'Contents';
      const formats = applyTo === 'All' || applyTo === 'Formats';
      if (!contents && !formats && !['Hyperlinks', 'RemoveHyperlinks', 'ResetContents'].includes(applyTo))
        throw invalidArg('Range.clear');
      if (contents || applyTo === 'ResetContents') {
        sheet.value.fill(rect, undefined);
        sheet.formula.fill(rect, undefined);
        sheet.quotePrefix.fill(rect, undefined);
      }
      if (formats) for (const l of sheet.formatLayers()) l.fill(rect, undefined);
    });
  }

  delete(shift: string): void {
    this._method('delete', [shift], () => {
      const { sheet, rect } = this._writable('Range.delete');
      if (shift !== 'Up' && shift !== 'Left') throw invalidArg('Range.delete');
      if ((shift === 'Up' && rect.rows === MAX_ROWS) || (shift === 'Left' && rect.cols === MAX_COLS)) {
        // deleting entire columns shifted up (or rows shifted left) just clears them
        for (const l of sheet.allLayers()) l.fill(rect, undefined);
        return;
      }
      shiftAllLayers(sheet, rect, 'delete', shift);
    });
  }

  insert(shift: string): FakeRange {
    this._method('insert', [shift], () => {
      const { sheet, rect } = this._writable('Range.insert');
      if (shift !== 'Down' && shift !== 'Right') throw invalidArg('Range.insert');
      if ((shift === 'Down' && rect.rows === MAX_ROWS) || (shift === 'Right' && rect.cols === MAX_COLS)) {
        throw officeError(ErrorCodes.insertDeleteConflict, 'Range.insert');
      }
      shiftAllLayers(sheet, rect, 'insert', shift);
    });
    return this._derive('Range.insert', ({ rect }) => ({ ...rect }));
  }
}

export class FakeRangeFormat extends FakeClientObject {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeRangeBorderCollection;

  constructor(
    ctx: FakeRequestContext,
    /** @internal */ readonly _range: FakeRange,
  ) {
    super(ctx, 'RangeFormat');
    this.fill = new FakeRangeFill(ctx, _range);
    this.font = new FakeRangeFont(ctx, _range);
    this.borders = new FakeRangeBorderCollection(ctx, _range);
  }

  override _scalarProps(): string[] {
    return ['columnWidth', 'rowHeight', 'wrapText', 'horizontalAlignment', 'verticalAlignment', 'indentLevel'];
  }

  override _navProps(): Record<string, () => FakeClientObject> {
    return { fill: () => this.fill, font: () => this.font };
  }

  override _readProps(names: string[]): Record<string, unknown> | null {
    const t = this._range._target();
    if (!t) return null;
    const { sheet, rect } = t;
    const out: Record<string, unknown> = {};
    for (const n of names) {
      switch (n) {
        case 'columnWidth':
          out.columnWidth = uniformMap(sheet.columnWidths, rect.c0, rect.cols, DEFAULT_COLUMN_WIDTH);
          break;
        case 'rowHeight':
          out.rowHeight = uniformMap(sheet.rowHeights, rect.r0, rect.rows, DEFAULT_ROW_HEIGHT);
          break;
        case 'wrapText':
          out.wrapText = uniformOrNull(sheet.wrapText, rect, false);
          break;
        case 'horizontalAlignment':
          out.horizontalAlignment = uniformOrNull(sheet.hAlign, rect, 'General');
          break;
        case 'verticalAlignment':
          out.verticalAlignment = uniformOrNull(sheet.vAlign, rect, 'Bottom');
          break;
        case 'indentLevel':
          out.indentLevel = uniformOrNull(sheet.indent, rect, 0);
          break;
      }
    }
    return out;
  }

  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._setProp('columnWidth', v, () => {
      const { sheet, rect } = this._range._writable('RangeFormat.columnWidth');
      if (typeof v !== 'number' || !(v >= 0)) throw invalidArg('RangeFormat.columnWidth');
      for (let c = rect.c0; c < rect.c0 + rect.cols; c++) sheet.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(v: number) {
    this._setProp('rowHeight', v, () => {
      const { sheet, rect } = this._range._writable('RangeFormat.rowHeight');
      if (typeof v !== 'number' || !(v >= 0) || v > 409) throw invalidArg('RangeFormat.rowHeight');
      for (let r = rect.r0; r < rect.r0 + rect.rows; r++) sheet.rowHeights.set(r, v);
    });
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._setProp('wrapText', v, () => {
      const { sheet, rect } = this._range._writable('RangeFormat.wrapText');
      if (typeof v !== 'boolean') throw invalidArg('RangeFormat.wrapText');
      sheet.wrapText.fill(rect, v ? true : undefined);
    });
  }
  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this._setProp('horizontalAlignment', v, () => {
      const { sheet, rect } = this._range._writable('RangeFormat.horizontalAlignment');
      if (!H_ALIGN.includes(v)) throw invalidArg('RangeFormat.horizontalAlignment');
      sheet.hAlign.fill(rect, v === 'General' ? undefined : v);
    });
  }
  get indentLevel(): number {
    return this._get('indentLevel');
  }
  set indentLevel(v: number) {
    this._setProp('indentLevel', v, () => {
      const { sheet, rect } = this._range._writable('RangeFormat.indentLevel');
      if (!Number.isInteger(v) || v < 0 || v > 250) throw invalidArg('RangeFormat.indentLevel');
      sheet.indent.fill(rect, v === 0 ? undefined : v);
    });
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this._setProp('verticalAlignment', v, () => {
      const { sheet, rect } = this._range._writable('RangeFormat.verticalAlignment');
      if (!V_ALIGN.includes(v)) throw invalidArg('RangeFormat.verticalAlignment');
      sheet.vAlign.fill(rect, v === 'Bottom' ? undefined : v);
    });
  }

  autofitColumns(): void {
    this._method('autofitColumns', [], () => {
      const { sheet, rect } = this._range._writable('RangeFormat.autofitColumns');
      const used = sheet.usedRect(true);
      for (let c = rect.c0; c < rect.c0 + Math.min(rect.cols, 1000); c++) {
        let maxLen = 0;
        if (used) {
          const r1 = Math.min(rect.r0 + rect.rows, used.r0 + used.rows);
          for (let r = Math.max(rect.r0, used.r0); r < r1; r++) {
            const v = readValue(sheet, r, c);
            const len = formatText(v, sheet.numberFormat.get(r, c) ?? 'General').length;
            if (len > maxLen) maxLen = len;
          }
        }
        sheet.columnWidths.set(c, maxLen === 0 ? DEFAULT_COLUMN_WIDTH : Math.min(409, Math.round(maxLen * 5.25 + 6)));
      }
    });
  }

  /**
   * Rows as tall as their wrapped text needs: per row, the most lines any wrapped text cell takes
   * at about 5.5 points a character in its column's width, 15 points a line (no wrapped text: the
   * default height). An estimate of Excel's font metrics, enough to tell a one-line row from a tall one.
   * A merged cell is left out, as Excel leaves it out.
   */
  autofitRows(): void {
    this._method('autofitRows', [], () => {
      const { sheet, rect } = this._range._writable('RangeFormat.autofitRows');
      const used = sheet.usedRect(false);
      const lastCol = used ? used.c0 + used.cols : 0;
      for (let r = rect.r0; r < rect.r0 + rect.rows; r++) {
        let lines = 1;
        for (let c = 0; c < lastCol; c++) {
          const v = readValue(sheet, r, c);
          if (!sheet.wrapText.get(r, c) || typeof v !== 'string' || v === '' || sheet.isMerged(r, c)) continue;
          const perLine = Math.max(1, Math.floor((sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH) / 5.5));
          lines = Math.max(
            lines,
            v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0),
          );
        }
        sheet.rowHeights.set(r, DEFAULT_ROW_HEIGHT * lines);
      }
    });
  }
}

export class FakeRangeFill extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly _range: FakeRange,
  ) {
    super(ctx, 'RangeFill');
  }

  override _scalarProps(): string[] {
    return ['color'];
  }

  override _readProps(names: string[]): Record<string, unknown> | null {
    const t = this._range._target();
    if (!t) return null;
    const out: Record<string, unknown> = {};
    for (const n of names) if (n === 'color') out.color = uniformOrNull(t.sheet.fill, t.rect, '#FFFFFF');
    return out;
  }

  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setProp('color', v, () => {
      const { sheet, rect } = this._range._writable('RangeFill.color');
      sheet.fill.fill(rect, v === '' ? undefined : normalizeColor(v, 'RangeFill.color'));
    });
  }

  clear(): void {
    this._method('clear', [], () => {
      const { sheet, rect } = this._range._writable('RangeFill.clear');
      sheet.fill.fill(rect, undefined);
    });
  }
}

const BORDER_INDEX = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];
const BORDER_STYLE = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];

/** range.format.borders: getItem(edge) only. */
export class FakeRangeBorderCollection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly _range: FakeRange,
  ) {
    super(ctx, 'RangeBorderCollection');
  }

  override _scalarProps(): string[] {
    return [];
  }

  override _readProps(): Record<string, unknown> | null {
    return this._range._target() ? {} : null;
  }

  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEX.includes(index)) throw invalidArg('RangeBorderCollection.getItem');
    return new FakeRangeBorder(this.context, this._range);
  }
}

/**
 * One edge's line. The fake records, per cell, the colour of a line on any of its edges (black
 * when only a style was set), not which edge: enough to tell a bordered table from plain cells.
 */
export class FakeRangeBorder extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly _range: FakeRange,
  ) {
    super(ctx, 'RangeBorder');
  }

  override _scalarProps(): string[] {
    return [];
  }

  override _readProps(): Record<string, unknown> | null {
    return this._range._target() ? {} : null;
  }

  set style(v: string) {
    this._setProp('style', v, () => {
      const { sheet, rect } = this._range._writable('RangeBorder.style');
      if (!BORDER_STYLE.includes(v)) throw invalidArg('RangeBorder.style');
      if (v === 'None') sheet.border.fill(rect, undefined);
      else
        for (let r = rect.r0; r < rect.r0 + rect.rows; r++)
          for (let c = rect.c0; c < rect.c0 + rect.cols; c++)
            if (sheet.border.get(r, c) === undefined) sheet.border.set(r, c, '#000000');
    });
  }
  set color(v: string) {
    this._setProp('color', v, () => {
      const { sheet, rect } = this._range._writable('RangeBorder.color');
      sheet.border.fill(rect, normalizeColor(v, 'RangeBorder.color'));
    });
  }
}

/** The font of a cell nobody set one on (Excel's default body font). */
export const DEFAULT_FONT = 'Calibri';

export class FakeRangeFont extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly _range: FakeRange,
  ) {
    super(ctx, 'RangeFont');
  }

  override _scalarProps(): string[] {
    return ['bold', 'italic', 'color', 'size', 'name'];
  }

  override _readProps(names: string[]): Record<string, unknown> | null {
    const t = this._range._target();
    if (!t) return null;
    const out: Record<string, unknown> = {};
    for (const n of names) {
      if (n === 'bold') out.bold = uniformOrNull(t.sheet.fontBold, t.rect, false);
      if (n === 'italic') out.italic = uniformOrNull(t.sheet.fontItalic, t.rect, false);
      if (n === 'color') out.color = uniformOrNull(t.sheet.fontColor, t.rect, '#000000');
      if (n === 'size') out.size = uniformOrNull(t.sheet.fontSize, t.rect, 11);
      if (n === 'name') out.name = uniformOrNull(t.sheet.fontName, t.rect, DEFAULT_FONT);
    }
    return out;
  }

  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._setProp('bold', v, () => {
      const { sheet, rect } = this._range._writable('RangeFont.bold');
      if (typeof v !== 'boolean') throw invalidArg('RangeFont.bold');
      sheet.fontBold.fill(rect, v ? true : undefined);
    });
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._setProp('size', v, () => {
      const { sheet, rect } = this._range._writable('RangeFont.size');
      if (typeof v !== 'number' || !(v >= 1 && v <= 409)) throw invalidArg('RangeFont.size');
      sheet.fontSize.fill(rect, v === 11 ? undefined : v);
    });
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, () => {
      const { sheet, rect } = this._range._writable('RangeFont.name');
      if (typeof v !== 'string' || v.trim() === '' || v.length > 31) throw invalidArg('RangeFont.name');
      sheet.fontName.fill(rect, v === DEFAULT_FONT ? undefined : v);
    });
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._setProp('italic', v, () => {
      const { sheet, rect } = this._range._writable('RangeFont.italic');
      if (typeof v !== 'boolean') throw invalidArg('RangeFont.italic');
      sheet.fontItalic.fill(rect, v ? true : undefined);
    });
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setProp('color', v, () => {
      const { sheet, rect } = this._range._writable('RangeFont.color');
      const col = normalizeColor(v, 'RangeFont.color');
      sheet.fontColor.fill(rect, col === '#000000' ? undefined : col);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

const TABLE_PROPS = ['name', 'id', 'showHeaders', 'showTotals', 'style'];

function headerNames(t: TableState): string[] {
  const out: string[] = [];
  for (let j = 0; j < t.rect.cols; j++) out.push(String(readValue(t.sheet, t.rect.r0, t.rect.c0 + j)));
  return out;
}

/** Makes header cells non-empty and unique (Excel's "Column1", "Name2" rule). */
function normalizeHeaders(t: TableState): void {
  const seen = new Set<string>();
  for (let j = 0; j < t.rect.cols; j++) {
    const r = t.rect.r0,
      c = t.rect.c0 + j;
    let name = String(readValue(t.sheet, r, c));
    if (name === '') name = `Column${j + 1}`;
    let candidate = name;
    let k = 2;
    while (seen.has(candidate.toLowerCase())) candidate = `${name}${k++}`;
    seen.add(candidate.toLowerCase());
    if (candidate !== readValue(t.sheet, r, c)) {
      t.sheet.value.set(r, c, candidate);
      t.sheet.formula.set(r, c, undefined);
    }
  }
}

export class FakeTableCollection extends FakeCollection<FakeTable, TableState> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _ws: FakeWorksheet | null,
  ) {
    super(ctx, 'TableCollection');
    this._isNull = false;
  }

  override _enumerate(): TableState[] {
    const wb = this.context._host._wb;
    if (!this._ws) return wb.tables.slice();
    const s = this._ws._targetOrThrow('TableCollection');
    return wb.tables.filter((t) => t.sheet === s);
  }

  override _makeItem(s: TableState): FakeTable {
    return new FakeTable(this.context, () => s);
  }

  override _itemScalarProps(): string[] {
    return TABLE_PROPS;
  }

  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: TableState | null = null;
    const payload = typeof address === 'string' ? [address, hasHeaders] : ['<range>', hasHeaders];
    this._method('add', payload, () => {
      const wb = this.context._host._wb;
      const defaultSheet = (): SheetState =>
        this._ws ? this._ws._targetOrThrow('TableCollection.add') : wb.activeSheet;
      const t = resolveTarget(address, this.context, defaultSheet, 'TableCollection.add');
      if (this._ws && t.sheet !== this._ws._target()) throw invalidArg('TableCollection.add');
      checkWritable(t.sheet, 'TableCollection.add');
      let rect = { ...t.rect };
      if (rect.rows === MAX_ROWS || rect.cols === MAX_COLS) throw invalidArg('TableCollection.add');
      if (!hasHeaders) {
        shiftAllLayers(t.sheet, { r0: rect.r0, c0: rect.c0, rows: 1, cols: rect.cols }, 'insert', 'Down');
        rect = { ...rect, rows: rect.rows + 1 };
        for (let j = 0; j < rect.cols; j++) applyParsed(t.sheet, rect.r0, rect.c0 + j, { value: `Column${j + 1}` });
      }
      if (wb.tables.some((o) => o.sheet === t.sheet && overlaps(o.rect, rect))) {
        throw officeError(ErrorCodes.invalidOperation, 'TableCollection.add', "A table can't overlap another table.");
      }
      let k = 1;
      while (wb.tables.some((o) => o.name.toLowerCase() === `table${k}`)) k++;
      created = { id: wb.nextTableId++, name: `Table${k}`, sheet: t.sheet, rect };
      normalizeHeaders(created);
      wb.tableColumnIds.set(
        created,
        Array.from({ length: rect.cols }, () => wb.nextColumnId++),
      );
      wb.tables.push(created);
    });
    return new FakeTable(this.context, () => {
      if (!created) throw notFound('TableCollection.add');
      return created;
    });
  }

  private _find(key: string): TableState | undefined {
    const k = key.toLowerCase();
    return this._enumerate().find((t) => t.name.toLowerCase() === k || String(t.id) === key);
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this.context, () => {
      const t = this._find(key);
      if (!t) throw notFound('TableCollection.getItem');
      return t;
    });
  }

  getItemOrNullObject(key: string): FakeTable {
    const tb = new FakeTable(this.context, () => this._find(key) ?? null);
    tb._queueNullCheck('TableCollection.getItemOrNullObject', () => tb._target() !== null);
    return tb;
  }

  getItemAt(index: number): FakeTable {
    return new FakeTable(this.context, () => {
      const t = this._enumerate()[index];
      if (!t) throw notFound('TableCollection.getItemAt');
      return t;
    });
  }
}

export class FakeTable extends FakeClientObject {
  private _cache: TableState | null = null;
  readonly columns: FakeTableColumnCollection;
  readonly rows: FakeTableRowCollection;

  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => TableState | null,
  ) {
    super(ctx, 'Table');
    this.columns = new FakeTableColumnCollection(ctx, this);
    this.rows = new FakeTableRowCollection(ctx, this);
  }

  /** @internal */
  _target(): TableState | null {
    const wb = this.context._host._wb;
    if (this._cache) {
      if (!wb.tables.includes(this._cache)) throw notFound('Table');
      return this._cache;
    }
    const t = this._resolver();
    if (t && !wb.tables.includes(t)) throw notFound('Table');
    if (t) this._cache = t;
    return t;
  }

  /** @internal */
  _targetOrThrow(loc: string): TableState {
    const t = this._target();
    if (!t) throw notFound(loc);
    return t;
  }

  override _scalarProps(): string[] {
    return TABLE_PROPS;
  }

  override _navProps(): Record<string, () => FakeClientObject> {
    return { columns: () => this.columns, rows: () => this.rows, worksheet: () => this.worksheet };
  }

  override _readProps(names: string[]): Record<string, unknown> | null {
    const t = this._target();
    if (!t) return null;
    const out: Record<string, unknown> = {};
    for (const n of names) {
      if (n === 'name') out.name = t.name;
      if (n === 'id') out.id = String(t.id);
      if (n === 'showHeaders') out.showHeaders = true;
      if (n === 'showTotals') out.showTotals = false;
      if (n === 'style') out.style = 'TableStyleMedium2';
    }
    return out;
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, () => {
      const t = this._targetOrThrow('Table.name');
      if (typeof v !== 'string' || !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(v) || /^[A-Za-z]{1,3}[0-9]+$/.test(v))
        throw invalidArg('Table.name');
      const wb = this.context._host._wb;
      if (wb.tables.some((o) => o !== t && o.name.toLowerCase() === v.toLowerCase()))
        throw officeError(ErrorCodes.itemAlreadyExists, 'Table.name');
      t.name = v;
    });
  }
  get id(): string {
    return this._get('id');
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  get showTotals(): boolean {
    return this._get('showTotals');
  }
  get style(): string {
    return this._get('style');
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this._targetOrThrow('Table.worksheet').sheet);
  }

  private _rangeOf(loc: string, f: (t: TableState) => Rect | null): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._targetOrThrow(loc);
      const rect = f(t);
      if (!rect) throw notFound(loc);
      return { sheet: t.sheet, rect };
    });
  }

  getRange(): FakeRange {
    return this._rangeOf('Table.getRange', (t) => ({ ...t.rect }));
  }

  getHeaderRowRange(): FakeRange {
    return this._rangeOf('Table.getHeaderRowRange', (t) => ({ ...t.rect, rows: 1 }));
  }

  getDataBodyRange(): FakeRange {
    // An empty table still has one (blank) data row in Excel.
    return this._rangeOf('Table.getDataBodyRange', (t) => ({
      ...t.rect,
      r0: t.rect.r0 + 1,
      rows: Math.max(1, t.rect.rows - 1),
    }));
  }

  delete(): void {
    this._method('delete', [], () => {
      const t = this._targetOrThrow('Table.delete');
      checkWritable(t.sheet, 'Table.delete');
      const wb = this.context._host._wb;
      wb.tables = wb.tables.filter((x) => x !== t);
      for (const l of t.sheet.allLayers()) l.fill(t.rect, undefined);
    });
  }

  convertToRange(): FakeRange {
    this._method('convertToRange', [], () => {
      const t = this._targetOrThrow('Table.convertToRange');
      const wb = this.context._host._wb;
      wb.tables = wb.tables.filter((x) => x !== t);
    });
    const r = this._cache;
    return new FakeRange(this.context, () => {
      const t = r ?? this._resolver();
      if (!t) throw notFound('Table.convertToRange');
      return { sheet: t.sheet, rect: { ...t.rect } };
    });
  }
}

type ColumnRef = { table: TableState; id: number };

export class FakeTableColumnCollection extends FakeCollection<FakeTableColumn, ColumnRef> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _table: FakeTable,
  ) {
    super(ctx, 'TableColumnCollection');
  }

  override _enumerate(): ColumnRef[] {
    const t = this._table._targetOrThrow('TableColumnCollection');
    return (this.context._host._wb.tableColumnIds.get(t) ?? []).map((id) => ({ table: t, id }));
  }

  override _makeItem(s: ColumnRef): FakeTableColumn {
    return new FakeTableColumn(this.context, () => s);
  }

  override _itemScalarProps(): string[] {
    return ['id', 'index', 'name', 'values'];
  }

  add(index?: number | null, values?: unknown, name?: string): FakeTableColumn {
    let created: ColumnRef | null = null;
    this._method('add', [index ?? null, values ?? null, name ?? null], () => {
      const t = this._table._targetOrThrow('TableColumnCollection.add');
      checkWritable(t.sheet, 'TableColumnCollection.add');
      const wb = this.context._host._wb;
      const at = index === undefined || index === null ? t.rect.cols : index;
      if (!Number.isInteger(at) || at < 0 || at > t.rect.cols) throw invalidArg('TableColumnCollection.add');
      const c = t.rect.c0 + at;
      if (c >= MAX_COLS) throw invalidArg('TableColumnCollection.add');
      shiftAllLayers(t.sheet, { r0: t.rect.r0, c0: c, rows: t.rect.rows, cols: 1 }, 'insert', 'Right');
      t.rect = { ...t.rect, cols: t.rect.cols + 1 };
      const ids = wb.tableColumnIds.get(t) ?? [];
      const id = wb.nextColumnId++;
      ids.splice(at, 0, id);
      wb.tableColumnIds.set(t, ids);
      if (values !== undefined && values !== null) {
        const rows = Array.isArray(values) ? (values as unknown[][]) : null;
        if (rows && rows.length !== t.rect.rows && rows.length !== t.rect.rows - 1) {
          throw invalidArg(
            'TableColumnCollection.add',
            "The number of rows in the input array doesn't match the table.",
          );
        }
        const start = rows && rows.length === t.rect.rows - 1 ? t.rect.r0 + 1 : t.rect.r0;
        const n = rows ? rows.length : t.rect.rows;
        for (let i = 0; i < n; i++) {
          const v = rows ? (Array.isArray(rows[i]) ? rows[i][0] : rows[i]) : values;
          const p = parseInput(v, t.sheet.numberFormat.get(start + i, c) ?? 'General', 'TableColumnCollection.add');
          if (p) applyParsed(t.sheet, start + i, c, p);
        }
      }
      if (name !== undefined && name !== null) applyParsed(t.sheet, t.rect.r0, c, { value: String(name) });
      normalizeHeaders(t);
      created = { table: t, id };
    });
    return new FakeTableColumn(this.context, () => {
      if (!created) throw notFound('TableColumnCollection.add');
      return created;
    });
  }

  private _find(key: string | number): ColumnRef | undefined {
    const list = this._enumerate();
    if (typeof key === 'number') return list.find((c) => c.id === key);
    const names = headerNames(list[0]?.table ?? this._table._targetOrThrow('TableColumnCollection'));
    const i = names.findIndex((n) => n.toLowerCase() === key.toLowerCase());
    if (i >= 0) return list[i];
    return list.find((c) => String(c.id) === key);
  }

  getItem(key: string | number): FakeTableColumn {
    return new FakeTableColumn(this.context, () => {
      const c = this._find(key);
      if (!c) throw notFound('TableColumnCollection.getItem');
      return c;
    });
  }

  getItemOrNullObject(key: string | number): FakeTableColumn {
    const col = new FakeTableColumn(this.context, () => this._find(key) ?? null);
    col._queueNullCheck('TableColumnCollection.getItemOrNullObject', () => col._target() !== null);
    return col;
  }

  getItemAt(index: number): FakeTableColumn {
    return new FakeTableColumn(this.context, () => {
      const c = this._enumerate()[index];
      if (!c) throw notFound('TableColumnCollection.getItemAt');
      return c;
    });
  }
}

export class FakeTableColumn extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => ColumnRef | null,
  ) {
    super(ctx, 'TableColumn');
  }

  /** @internal */
  _target(): (ColumnRef & { index: number }) | null {
    const ref = this._resolver();
    if (!ref) return null;
    const wb = this.context._host._wb;
    const ids = wb.tableColumnIds.get(ref.table);
    const index = ids ? ids.indexOf(ref.id) : -1;
    if (!wb.tables.includes(ref.table) || index < 0) throw notFound('TableColumn');
    return { ...ref, index };
  }

  override _scalarProps(): string[] {
    return ['id', 'index', 'name', 'values'];
  }

  override _readProps(names: string[]): Record<string, unknown> | null {
    const t = this._target();
    if (!t) return null;
    const out: Record<string, unknown> = {};
    const c = t.table.rect.c0 + t.index;
    for (const n of names) {
      if (n === 'id') out.id = t.id;
      if (n === 'index') out.index = t.index;
      if (n === 'name') out.name = String(readValue(t.table.sheet, t.table.rect.r0, c));
      if (n === 'values') {
        out.values = cellGrid(
          { sheet: t.table.sheet, rect: { r0: t.table.rect.r0, c0: c, rows: t.table.rect.rows, cols: 1 } },
          (r, cc) => readValue(t.table.sheet, r, cc),
          this.context._host,
        );
      }
    }
    return out;
  }

  get id(): number {
    return this._get('id');
  }
  get index(): number {
    return this._get('index');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, () => {
      const t = this._target();
      if (!t) throw notFound('TableColumn.name');
      checkWritable(t.table.sheet, 'TableColumn.name');
      applyParsed(t.table.sheet, t.table.rect.r0, t.table.rect.c0 + t.index, { value: String(v) });
      normalizeHeaders(t.table);
    });
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get values(): any[][] {
    return this._get('values');
  }

  private _rangeOf(loc: string, f: (t: TableState, c: number) => Rect): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._target();
      if (!t) throw notFound(loc);
      return { sheet: t.table.sheet, rect: f(t.table, t.table.rect.c0 + t.index) };
    });
  }

  getRange(): FakeRange {
    return this._rangeOf('TableColumn.getRange', (t, c) => ({ r0: t.rect.r0, c0: c, rows: t.rect.rows, cols: 1 }));
  }

  getHeaderRowRange(): FakeRange {
    return this._rangeOf('TableColumn.getHeaderRowRange', (t, c) => ({ r0: t.rect.r0, c0: c, rows: 1, cols: 1 }));
  }

  getDataBodyRange(): FakeRange {
    return this._rangeOf('TableColumn.getDataBodyRange', (t, c) => ({
      r0: t.rect.r0 + 1,
      c0: c,
      rows: Math.max(1, t.rect.rows - 1),
      cols: 1,
    }));
  }
}

export class FakeTableRowCollection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly _table: FakeTable,
  ) {
    super(ctx, 'TableRowCollection');
  }

  override _scalarProps(): string[] {
    return ['count'];
  }

  override _readProps(names: string[]): Record<string, unknown> | null {
    const t = this._table._target();
    if (!t) return null;
    const out: Record<string, unknown> = {};
    if (names.includes('count')) out.count = t.rect.rows - 1;
    return out;
  }

  get count(): number {
    return this._get('count');
  }

  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this._method('getCount', [], (x) =>
      r._deliver(x, this._table._targetOrThrow('TableRowCollection.getCount').rect.rows - 1),
    );
    return r;
  }

  add(index?: number | null, values?: unknown[][]): void {
    this._method('add', [index ?? null, values ?? null], () => {
      const t = this._table._targetOrThrow('TableRowCollection.add');
      checkWritable(t.sheet, 'TableRowCollection.add');
      const dataRows = t.rect.rows - 1;
      const at = index === undefined || index === null ? dataRows : index;
      if (!Number.isInteger(at) || at < 0 || at > dataRows) throw invalidArg('TableRowCollection.add');
      const n = values ? values.length : 1;
      if (values && values.some((row) => !Array.isArray(row) || row.length !== t.rect.cols)) {
        throw invalidArg('TableRowCollection.add', "The number of columns in the input array doesn't match the table.");
      }
      const r = t.rect.r0 + 1 + at;
      shiftAllLayers(t.sheet, { r0: r, c0: t.rect.c0, rows: n, cols: t.rect.cols }, 'insert', 'Down');
      t.rect = { ...t.rect, rows: t.rect.rows + n };
      if (values)
        writeCells(
          { sheet: t.sheet, rect: { r0: r, c0: t.rect.c0, rows: n, cols: t.rect.cols } },
          values,
          'TableRowCollection.add',
        );
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------------

export const ChartTypeValues = [
  'Invalid',
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  '3DColumnClustered',
  '3DColumnStacked',
  '3DColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  '3DBarClustered',
  '3DBarStacked',
  '3DBarStacked100',
  'LineStacked',
  'LineStacked100',
  'LineMarkers',
  'LineMarkersStacked',
  'LineMarkersStacked100',
  'PieOfPie',
  'PieExploded',
  '3DPieExploded',
  'BarOfPie',
  'XYScatterSmooth',
  'XYScatterSmoothNoMarkers',
  'XYScatterLines',
  'XYScatterLinesNoMarkers',
  'AreaStacked',
  'AreaStacked100',
  '3DAreaStacked',
  '3DAreaStacked100',
  'DoughnutExploded',
  'RadarMarkers',
  'RadarFilled',
  'Surface',
  'SurfaceWireframe',
  'SurfaceTopView',
  'SurfaceTopViewWireframe',
  'Bubble',
  'Bubble3DEffect',
  'StockHLC',
  'StockOHLC',
  'StockVHLC',
  'StockVOHLC',
  'CylinderColClustered',
  'CylinderColStacked',
  'CylinderColStacked100',
  'CylinderBarClustered',
  'CylinderBarStacked',
  'CylinderBarStacked100',
  'CylinderCol',
  'ConeColClustered',
  'ConeColStacked',
  'ConeColStacked100',
  'ConeBarClustered',
  'ConeBarStacked',
  'ConeBarStacked100',
  'ConeCol',
  'PyramidColClustered',
  'PyramidColStacked',
  'PyramidColStacked100',
  'PyramidBarClustered',
  'PyramidBarStacked',
  'PyramidBarStacked100',
  'PyramidCol',
  '3DColumn',
  'Line',
  '3DLine',
  '3DPie',
  'Pie',
  'XYScatter',
  '3DArea',
  'Area',
  'Doughnut',
  'Radar',
  'Histogram',
  'Boxwhisker',
  'Pareto',
  'RegionMap',
  'Treemap',
  'Waterfall',
  'Sunburst',
  'Funnel',
];

export class FakeChartCollection extends FakeCollection<FakeChart, ChartState> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _ws: FakeWorksheet,
  ) {
    super(ctx, 'ChartCollection');
    this._isNull = false;
  }

  override _enumerate(): ChartState[] {
    return this._ws._targetOrThrow('ChartCollection').charts.slice();
  }

  override _makeItem(s: ChartState): FakeChart {
    return new FakeChart(this.context, this._ws, () => s);
  }

  override _itemScalarProps(): string[] {
    return ['name', 'id', 'chartType', 'top', 'left', 'width', 'height'];
  }

  add(type: string, sourceData: FakeRange, seriesBy: string = 'Auto'): FakeChart {
    let created: ChartState | null = null;
    this._method('add', [type, '<range>', seriesBy], () => {
      const s = this._ws._targetOrThrow('ChartCollection.add');
      checkWritable(s, 'ChartCollection.add');
      if (!ChartTypeValues.includes(type) || type === 'Invalid')
        throw invalidArg('ChartCollection.add', `The chart type '${type}' is not valid.`);
      if (!['Auto', 'Columns', 'Rows'].includes(seriesBy)) throw invalidArg('ChartCollection.add');
      const src = resolveTarget(sourceData, this.context, () => s, 'ChartCollection.add');
      const wb = this.context._host._wb;
      wb.chartCounter++;
      created = {
        id: fakeGuid(),
        name: `Chart ${wb.chartCounter}`,
        chartType: type,
        sheetName: s.name,
        sourceAddress: qualifiedAddress(src.sheet.name, src.rect),
        seriesBy,
        title: '',
        position: null,
        top: 0,
        left: 0,
        width: 360,
        height: 216,
      };
      s.charts.push(created);
    });
    return new FakeChart(this.context, this._ws, () => {
      if (!created) throw notFound('ChartCollection.add');
      return created;
    });
  }

  getItem(name: string): FakeChart {
    return new FakeChart(this.context, this._ws, () => {
      const c = this._enumerate().find((x) => x.name === name || x.id === name);
      if (!c) throw notFound('ChartCollection.getItem');
      return c;
    });
  }

  getItemOrNullObject(name: string): FakeChart {
    const ch = new FakeChart(
      this.context,
      this._ws,
      () => this._enumerate().find((x) => x.name === name || x.id === name) ?? null,
    );
    ch._queueNullCheck('ChartCollection.getItemOrNullObject', () => ch._target() !== null);
    return ch;
  }
}

export class FakeChartTitle extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly _chart: FakeChart,
  ) {
    super(ctx, 'ChartTitle');
  }

  override _scalarProps(): string[] {
    return ['text', 'visible'];
  }

  override _readProps(names: string[]): Record<string, unknown> | null {
    const c = this._chart._target();
    if (!c) return null;
    const out: Record<string, unknown> = {};
    if (names.includes('text')) out.text = c.title;
    if (names.includes('visible')) out.visible = c.title !== '';
    return out;
  }

  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this._setProp('text', v, () => {
      this._chart._writableTarget('ChartTitle.text').title = String(v);
    });
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._setProp('visible', v, () => {
      this._chart._writableTarget('ChartTitle.visible');
    });
  }
}

export class FakeChart extends FakeClientObject {
  readonly title: FakeChartTitle;

  constructor(
    ctx: FakeRequestContext,
    private readonly _ws: FakeWorksheet,
    private readonly _resolver: () => ChartState | null,
  ) {
    super(ctx, 'Chart');
    this.title = new FakeChartTitle(ctx, this);
  }

  /** @internal */
  _target(): ChartState | null {
    const c = this._resolver();
    if (!c) return null;
    const sheet = this.context._host._wb.liveSheets().find((s) => s.charts.includes(c));
    if (!sheet) throw notFound('Chart');
    return c;
  }

  /** @internal */
  _writableTarget(loc: string): ChartState {
    const c = this._target();
    if (!c) throw notFound(loc);
    const sheet = this.context._host._wb.liveSheets().find((s) => s.charts.includes(c));
    if (sheet) checkWritable(sheet, loc);
    return c;
  }

  override _scalarProps(): string[] {
    return ['name', 'id', 'chartType', 'top', 'left', 'width', 'height'];
  }

  override _navProps(): Record<string, () => FakeClientObject> {
    return { title: () => this.title, worksheet: () => this.worksheet };
  }

  override _readProps(names: string[]): Record<string, unknown> | null {
    const c = this._target();
    if (!c) return null;
    const out: Record<string, unknown> = {};
    for (const n of names) if (n in c) out[n] = (c as unknown as Record<string, unknown>)[n];
    return out;
  }

  get worksheet(): FakeWorksheet {
    return this._ws;
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, () => {
      this._writableTarget('Chart.name').name = String(v);
    });
  }
  get id(): string {
    return this._get('id');
  }
  get chartType(): string {
    return this._get('chartType');
  }
  set chartType(v: string) {
    this._setProp('chartType', v, () => {
      if (!ChartTypeValues.includes(v)) throw invalidArg('Chart.chartType');
      this._writableTarget('Chart.chartType').chartType = v;
    });
  }
  get top(): number {
    return this._get('top');
  }
  set top(v: number) {
    this._setProp('top', v, () => {
      this._writableTarget('Chart.top').top = v;
    });
  }
  get left(): number {
    return this._get('left');
  }
  set left(v: number) {
    this._setProp('left', v, () => {
      this._writableTarget('Chart.left').left = v;
    });
  }
  get width(): number {
    return this._get('width');
  }
  set width(v: number) {
    this._setProp('width', v, () => {
      this._writableTarget('Chart.width').width = v;
    });
  }
  get height(): number {
    return this._get('height');
  }
  set height(v: number) {
    this._setProp('height', v, () => {
      this._writableTarget('Chart.height').height = v;
    });
  }

  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this._method(
      'setPosition',
      [
        typeof startCell === 'string' ? startCell : '<range>',
        typeof endCell === 'string' ? endCell : endCell ? '<range>' : null,
      ],
      () => {
        const c = this._writableTarget('Chart.setPosition');
        const sheet = this._ws._targetOrThrow('Chart.setPosition');
        const a = resolveTarget(startCell, this.context, () => sheet, 'Chart.setPosition');
        const pos: { startCell: string; endCell?: string } = { startCell: qualifiedAddress(a.sheet.name, a.rect) };
        if (endCell !== undefined) {
          const b = resolveTarget(endCell, this.context, () => sheet, 'Chart.setPosition');
          pos.endCell = qualifiedAddress(b.sheet.name, b.rect);
        }
        c.position = pos;
        c.top = a.rect.r0 * DEFAULT_ROW_HEIGHT;
        c.left = a.rect.c0 * DEFAULT_COLUMN_WIDTH;
      },
    );
  }

  delete(): void {
    this._method('delete', [], () => {
      const c = this._writableTarget('Chart.delete');
      for (const s of this.context._host._wb.sheets) s.charts = s.charts.filter((x) => x !== c);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Custom XML parts
// ---------------------------------------------------------------------------------------------

function rootNamespace(xml: string, loc: string): string {
  const body = xml
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^<\?xml[^>]*\?>\s*/, '')
    .replace(/^(<!--[\s\S]*?-->\s*)*/, '');
  const m = /^<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?([^>]*)>/.exec(body);
  if (!m || !/<\/[^>]+>\s*$|\/>\s*$/.test(body)) throw invalidArg(loc, 'The XML is not well-formed.');
  const prefix = m[2] ? m[1] : null;
  const attrs = m[3];
  const re = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*["']([^"']*)["']`) : /xmlns\s*=\s*["']([^"']*)["']/;
  const ns = re.exec(attrs);
  return ns ? ns[1] : '';
}

abstract class FakeCustomXmlPartCollectionBase extends FakeCollection<FakeCustomXmlPart, CustomXmlPartState> {
  override _makeItem(s: CustomXmlPartState): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => s);
  }

  override _itemScalarProps(): string[] {
    return ['id', 'namespaceUri'];
  }

  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => {
      const p = this._enumerate().find((x) => x.id === id);
      if (!p) throw notFound(`${this._typeName}.getItem`);
      return p;
    });
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    const part = new FakeCustomXmlPart(this.context, () => this._enumerate().find((x) => x.id === id) ?? null);
    part._queueNullCheck(`${this._typeName}.getItemOrNullObject`, () => part._target() !== null);
    return part;
  }
}

export class FakeCustomXmlPartCollection extends FakeCustomXmlPartCollectionBase {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'CustomXmlPartCollection');
    this._isNull = false;
  }

  override _enumerate(): CustomXmlPartState[] {
    return this.context._host._wb.customXmlParts.slice();
  }

  add(xml: string): FakeCustomXmlPart {
    let created: CustomXmlPartState | null = null;
    this._method('add', [xml], () => {
      if (typeof xml !== 'string') throw invalidArg('CustomXmlPartCollection.add');
      const ns = rootNamespace(xml, 'CustomXmlPartCollection.add');
      created = { id: fakeGuid(), xml, namespaceUri: ns };
      this.context._host._wb.customXmlParts.push(created);
    });
    return new FakeCustomXmlPart(this.context, () => {
      if (!created) throw notFound('CustomXmlPartCollection.add');
      return created;
    });
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.context, namespaceUri);
  }
}

export class FakeCustomXmlPartScopedCollection extends FakeCustomXmlPartCollectionBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly _ns: string,
  ) {
    super(ctx, 'CustomXmlPartScopedCollection');
    this._isNull = false;
  }

  override _enumerate(): CustomXmlPartState[] {
    return this.context._host._wb.customXmlParts.filter((p) => p.namespaceUri === this._ns);
  }

  getOnlyItem(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => {
      const list = this._enumerate();
      if (list.length !== 1)
        throw officeError(
          list.length === 0 ? ErrorCodes.itemNotFound : ErrorCodes.invalidOperation,
          'CustomXmlPartScopedCollection.getOnlyItem',
        );
      return list[0];
    });
  }

  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    const part = new FakeCustomXmlPart(this.context, () => {
      const list = this._enumerate();
      return list.length === 1 ? list[0] : null;
    });
    part._queueNullCheck('CustomXmlPartScopedCollection.getOnlyItemOrNullObject', () => part._target() !== null);
    return part;
  }
}

export class FakeCustomXmlPart extends FakeClientObject {
  private _cache: CustomXmlPartState | null = null;

  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => CustomXmlPartState | null,
  ) {
    super(ctx, 'CustomXmlPart');
  }

  /** @internal */
  _target(): CustomXmlPartState | null {
    const wb = this.context._host._wb;
    if (this._cache) {
      if (!wb.customXmlParts.includes(this._cache)) throw notFound('CustomXmlPart');
      return this._cache;
    }
    const p = this._resolver();
    if (p && !wb.customXmlParts.includes(p)) throw notFound('CustomXmlPart');
    if (p) this._cache = p;
    return p;
  }

  private _targetOrThrow(loc: string): CustomXmlPartState {
    const p = this._target();
    if (!p) throw notFound(loc);
    return p;
  }

  override _scalarProps(): string[] {
    return ['id', 'namespaceUri'];
  }

  override _readProps(names: string[]): Record<string, unknown> | null {
    const p = this._target();
    if (!p) return null;
    const out: Record<string, unknown> = {};
    if (names.includes('id')) out.id = p.id;
    if (names.includes('namespaceUri')) out.namespaceUri = p.namespaceUri;
    return out;
  }

  get id(): string {
    return this._get('id');
  }
  get namespaceUri(): string {
    return this._get('namespaceUri');
  }

  getXml(): FakeClientResult<string> {
    const r = new FakeClientResult<string>();
    this._method('getXml', [], (x) => r._deliver(x, this._targetOrThrow('CustomXmlPart.getXml').xml));
    return r;
  }

  setXml(xml: string): void {
    this._method('setXml', [xml], () => {
      const p = this._targetOrThrow('CustomXmlPart.setXml');
      p.namespaceUri = rootNamespace(xml, 'CustomXmlPart.setXml');
      p.xml = xml;
    });
  }

  delete(): void {
    this._method('delete', [], () => {
      const p = this._targetOrThrow('CustomXmlPart.delete');
      const wb = this.context._host._wb;
      wb.customXmlParts = wb.customXmlParts.filter((x) => x !== p);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

export class FakeSettingCollection extends FakeCollection<FakeSetting, string> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'SettingCollection');
    this._isNull = false;
  }

  override _enumerate(): string[] {
    return [...this.context._host._wb.settings.keys()];
  }

  override _makeItem(key: string): FakeSetting {
    return new FakeSetting(this.context, key, false);
  }

  override _itemScalarProps(): string[] {
    return ['key', 'value'];
  }

  add(key: string, value: unknown): FakeSetting {
    this._method('add', [key, value], () => {
      if (typeof key !== 'string' || key === '') throw invalidArg('SettingCollection.add');
      const json = JSON.stringify(value === undefined ? null : value);
      this.context._host._wb.settings.set(key, json);
    });
    const s = new FakeSetting(this.context, key, false);
    return s;
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, key, false);
  }

  getItemOrNullObject(key: string): FakeSetting {
    const s = new FakeSetting(this.context, key, true);
    s._queueNullCheck('SettingCollection.getItemOrNullObject', () => this.context._host._wb.settings.has(key));
    return s;
  }
}

export class FakeSetting extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly _key: string,
    private readonly _nullable: boolean,
  ) {
    super(ctx, 'Setting');
  }

  private _exists(loc: string): boolean {
    const has = this.context._host._wb.settings.has(this._key);
    if (!has && !this._nullable) throw notFound(loc);
    return has;
  }

  override _scalarProps(): string[] {
    return ['key', 'value'];
  }

  override _readProps(names: string[]): Record<string, unknown> | null {
    if (!this._exists('SettingCollection.getItem')) return null;
    const out: Record<string, unknown> = {};
    if (names.includes('key')) out.key = this._key;
    if (names.includes('value')) out.value = JSON.parse(this.context._host._wb.settings.get(this._key) as string);
    return out;
  }

  get key(): string {
    return this._get('key');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get value(): any {
    return this._get('value');
  }
  set value(v: unknown) {
    this._setProp('value', deepCopy(v), () => {
      if (!this._exists('Setting.value')) throw notFound('Setting.value');
      this.context._host._wb.settings.set(this._key, JSON.stringify(v === undefined ? null : v));
    });
  }

  delete(): void {
    this._method('delete', [], () => {
      if (!this._exists('Setting.delete')) throw notFound('Setting.delete');
      this.context._host._wb.settings.delete(this._key);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats (cellValue with a literal operand; what the adapter uses for band fills)
// ---------------------------------------------------------------------------------------------

export class FakeConditionalFormatCollection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly _range: FakeRange,
  ) {
    super(ctx, 'ConditionalFormatCollection');
  }
  override _scalarProps(): string[] {
    return [];
  }
  override _readProps(): Record<string, unknown> | null {
    return {};
  }

  /** Removes every conditional format that touches the range (as Excel's clearAll does). */
  clearAll(): void {
    this._method('clearAll', [], () => {
      const { sheet, rect } = this._range._writable('ConditionalFormatCollection.clearAll');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !overlaps(cf.rect, rect));
    });
  }

  add(type: string): FakeConditionalFormat {
    const state: ConditionalFormatState = { rect: { r0: 0, c0: 0, rows: 0, cols: 0 }, type };
    this._method('add', [type], () => {
      const { sheet, rect } = this._range._writable('ConditionalFormatCollection.add');
      if (type !== 'CellValue') throw officeError(ErrorCodes.invalidArgument, 'ConditionalFormatCollection.add');
      state.rect = { ...rect };
      sheet.conditionalFormats.push(state);
    });
    return new FakeConditionalFormat(this.context, state);
  }
}

export class FakeConditionalFormat extends FakeClientObject {
  readonly cellValue: FakeCellValueConditionalFormat;
  constructor(ctx: FakeRequestContext, state: ConditionalFormatState) {
    super(ctx, 'ConditionalFormat');
    this.cellValue = new FakeCellValueConditionalFormat(ctx, state);
  }
  override _scalarProps(): string[] {
    return [];
  }
  override _readProps(): Record<string, unknown> | null {
    return {};
  }
}

export class FakeCellValueConditionalFormat extends FakeClientObject {
  readonly format: { fill: { color: string } };
  constructor(
    ctx: FakeRequestContext,
    private readonly _state: ConditionalFormatState,
  ) {
    super(ctx, 'CellValueConditionalFormat');
    const self = this;
    const fill = {
      set color(v: string) {
        self._setProp('format.fill.color', v, () => {
          self._state.fill = normalizeColor(v, 'ConditionalRangeFill.color');
        });
      },
      get color(): string {
        return self._state.fill ?? '';
      },
    };
    this.format = { fill };
  }
  override _scalarProps(): string[] {
    return [];
  }
  override _readProps(): Record<string, unknown> | null {
    return {};
  }

  get rule(): { formula1: string; operator: string } {
    return this._get('rule');
  }
  set rule(v: { formula1: string; operator: string }) {
    this._setProp('rule', v, () => {
      if (!v || typeof v.formula1 !== 'string')
        throw officeError(ErrorCodes.invalidArgument, 'CellValueConditionalFormat.rule');
      this._state.formula1 = v.formula1;
      this._state.operator = v.operator;
    });
  }
}
