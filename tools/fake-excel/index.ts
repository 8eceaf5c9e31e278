/**
 * Faithful fake Excel host for tests and the browser workbench (pure TypeScript, no Node APIs).
 *
 *   const { Excel, OfficeExtension, host } = createFakeExcel({ sheets: [{ name: 'Sheet1', cells: [[1, 'a']] }] });
 *   await Excel.run(async (ctx) => { const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1'); r.load('values'); await ctx.sync(); });
 *
 * See model.ts for the object model, state.ts for cell semantics.
 */
import { MAX_COLS, MAX_ROWS, Rect, parseA1, qualifiedAddress, rectToA1, splitSheet } from './a1';
import { ErrorCodes, FakeOfficeExtensionError, Messages, officeError } from './errors';
import {
  ChartTypeValues,
  DEFAULT_FONT,
  FakeClientObject,
  FakeClientResult,
  FakeRequestContext,
  HostCounters,
  HostLike,
  WorkbookState,
} from './model';
import {
  CellInput,
  CellValue,
  ChartState,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  Layer,
  PageState,
  SheetState,
  applyParsed,
  fakeGuid,
  parseInput,
  readFormula,
  readValue,
} from './state';

export * from './model';
export { FakeOfficeExtensionError, ErrorCodes } from './errors';
export type { FakeDebugInfo } from './errors';
export {
  quoteSheetName,
  qualifiedAddress,
  parseA1,
  rectToA1,
  colToLetters,
  lettersToCol,
  MAX_ROWS,
  MAX_COLS,
} from './a1';
export type { Rect } from './a1';
export { jsonBytes, parseInput } from './state';
export type { CellInput, CellValue, ChartState, PageState } from './state';

// ---------------------------------------------------------------------------------------------
// Seed data
// ---------------------------------------------------------------------------------------------

export interface FakeSheetData {
  name: string;
  /** Literal cell values, row-major, starting at `origin` (default A1). null/'' = empty. Strings are stored verbatim (no formula parsing). */
  cells?: CellInput[][];
  /** Formulas (e.g. '=SUM(A1:A3)'), same layout as cells; null = none. Formula cells read back value "" (not evaluated). */
  formulas?: (string | null)[][];
  /** Number formats, same layout; null = General. */
  numberFormats?: (string | null)[][];
  /** Fill colours ('#RRGGBB'), same layout; null = no fill. */
  fills?: (string | null)[][];
  /** Top-left cell of the grids above. Default 'A1'. */
  origin?: string;
  protected?: boolean;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  id?: string;
}

export interface FakeWorkbookData {
  sheets: FakeSheetData[];
  /** Name of the active sheet (default: first sheet). */
  activeSheet?: string;
  /** Selected range, 'B3' or 'B3:C4' (on the active sheet) or "'Sheet 2'!B3". Default A1 of the active sheet. */
  selection?: string;
  /** Workbook file name reported by workbook.name. */
  name?: string;
  tables?: { sheet: string; address: string; name?: string }[];
  settings?: Record<string, unknown>;
  customXmlParts?: string[];
  calculationMode?: 'Automatic' | 'AutomaticExceptTables' | 'Manual';
}

// ---------------------------------------------------------------------------------------------
// Host (test-side view and fault injection)
// ---------------------------------------------------------------------------------------------

export interface FakeCellInfo {
  value: CellValue | '';
  formula: string | null;
  numberFormat: string;
  quotePrefix: boolean;
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  /** Font size in points (11 unless set). */
  fontSize: number;
  /** Font name (Calibri unless set). */
  fontName: string;
  indentLevel: number;
  /** Colour of the cell's borders, or null when no edge has a line. */
  border: string | null;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
}

export interface FakeSheetView {
  readonly name: string;
  readonly id: string;
  readonly protected: boolean;
  readonly visibility: string;
  /** Sheet-qualified used-range address, or null when the sheet is blank. */
  usedAddress(valuesOnly?: boolean): string | null;
  /** Grids for an address (default: A1 to the bottom-right used cell, so [r][c] = zero-based row/column). */
  values(address?: string): (CellValue | '')[][];
  /** Formula text where a cell has a formula, else its value (like range.formulas). */
  formulas(address?: string): (CellValue | '')[][];
  numberFormats(address?: string): string[][];
  /** Fill colour or null (no fill). */
  fills(address?: string): (string | null)[][];
  /** The fill each cell shows, conditional formats applied (what a user sees). */
  displayedFills(address?: string): (string | null)[][];
  /** Conditional formats on the sheet. */
  conditionalFormats(): { address: string; type: string; operator?: string; formula1?: string; fill?: string }[];
  fontBold(address?: string): boolean[][];
  fontColors(address?: string): string[][];
  cell(address: string): FakeCellInfo;
  /** Column width in points; column as letter ('B') or zero-based index. */
  columnWidth(column: string | number): number;
  /** Row height in points; zero-based row index. */
  rowHeight(row: number): number;
  /** Merged areas as local A1 addresses ('A1:E1'). */
  merges(): string[];
  charts(): ChartState[];
  /** Page setup: print area (local A1 or null), orientation, paper, margins (points), zoom. */
  pageLayout(): PageState;
}

export interface FakeTableInfo {
  id: number;
  name: string;
  sheet: string;
  address: string;
  columns: string[];
}

export interface FakeWorkbookSnapshot {
  name: string;
  activeSheet: string;
  selection: string;
  calculationMode: string;
  sheets: {
    name: string;
    id: string;
    position: number;
    visibility: string;
    protected: boolean;
    values: (CellValue | '')[][];
    formulas: (CellValue | '')[][];
    numberFormats: string[][];
    fills: (string | null)[][];
    fontBold: boolean[][];
    fontColors: string[][];
    quotePrefix: boolean[][];
    wrapText: boolean[][];
    horizontalAlignment: string[][];
    verticalAlignment: string[][];
    columnWidths: Record<string, number>;
    rowHeights: Record<string, number>;
    charts: ChartState[];
  }[];
  tables: FakeTableInfo[];
  customXmlParts: { id: string; namespaceUri: string; xml: string }[];
  settings: Record<string, unknown>;
}

export const DEFAULT_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export class FakeHost implements HostLike {
  /** @internal */ readonly _wb: WorkbookState;
  /** @internal */ readonly _c: HostCounters = {
    syncCount: 0,
    syncCalls: 0,
    requestBytes: [],
    responseBytes: [],
    cellsRead: [],
    requestLimitBytes: DEFAULT_REQUEST_LIMIT_BYTES,
    responseLimitBytes: undefined,
    screenUpdatingSuspensions: 0,
    apiCalculationSuspensions: 0,
    calculateCalls: 0,
    editMode: false,
    pendingFailure: null,
  };

  constructor(data: FakeWorkbookData) {
    this._wb = buildWorkbook(data);
  }

  /** Round trips: context.sync() calls (incl. the implicit one at the end of Excel.run) that had queued actions. */
  get syncCount(): number {
    return this._c.syncCount;
  }
  /** All context.sync() calls, including empty ones that send nothing (like Office.js). */
  get syncCalls(): number {
    return this._c.syncCalls;
  }
  /** One entry per round trip: UTF-8 JSON byte length of that request (payloads + per-action overhead). */
  get requestBytes(): number[] {
    return this._c.requestBytes;
  }
  /** One entry per round trip: UTF-8 JSON byte length of loaded data returned by that sync. */
  get responseBytes(): number[] {
    return this._c.responseBytes;
  }
  /** One entry per round trip: cells it read (values, formulas, formats, text: one per cell per property loaded). */
  get cellsRead(): number[] {
    return this._c.cellsRead;
  }
  /** Cells read over all round trips since the last resetCounters(). */
  get totalCellsRead(): number {
    return this._c.cellsRead.reduce((a, b) => a + b, 0);
  }
  get maxRequestBytes(): number {
    return this._c.requestBytes.reduce((a, b) => Math.max(a, b), 0);
  }
  get maxResponseBytes(): number {
    return this._c.responseBytes.reduce((a, b) => Math.max(a, b), 0);
  }
  /** Request size limit (default 5 MiB); a larger request throws RequestPayloadSizeLimitExceeded and applies nothing. */
  get requestLimitBytes(): number {
    return this._c.requestLimitBytes;
  }
  set requestLimitBytes(v: number) {
    this._c.requestLimitBytes = v;
  }
  /** Response size limit; undefined = same as requestLimitBytes. */
  get responseLimitBytes(): number | undefined {
    return this._c.responseLimitBytes;
  }
  set responseLimitBytes(v: number | undefined) {
    this._c.responseLimitBytes = v;
  }
  get screenUpdatingSuspensions(): number {
    return this._c.screenUpdatingSuspensions;
  }
  get apiCalculationSuspensions(): number {
    return this._c.apiCalculationSuspensions;
  }
  get calculateCalls(): number {
    return this._c.calculateCalls;
  }
  get calculationMode(): string {
    return this._wb.calculationMode;
  }
  set calculationMode(v: string) {
    this._wb.calculationMode = v;
  }
  get workbookName(): string {
    return this._wb.name;
  }
  get activeSheet(): string {
    return this._wb.activeSheet.name;
  }
  /** Sheet-qualified address of the selection, e.g. "Sheet1!B3:C4". */
  get selection(): string {
    return qualifiedAddress(this._wb.selection.sheet.name, this._wb.selection.rect);
  }
  get sheetNames(): string[] {
    return this._wb.liveSheets().map((s) => s.name);
  }
  /** Handlers registered through worksheets.onActivated and not removed. */
  get activatedHandlerCount(): number {
    return this._wb.activatedHandlers.size;
  }

  resetCounters(): void {
    this._c.syncCount = 0;
    this._c.syncCalls = 0;
    this._c.requestBytes = [];
    this._c.responseBytes = [];
    this._c.cellsRead = [];
    this._c.screenUpdatingSuspensions = 0;
    this._c.apiCalculationSuspensions = 0;
    this._c.calculateCalls = 0;
  }

  protectSheet(name: string): void {
    this._sheet(name).protected = true;
  }
  unprotectSheet(name: string): void {
    this._sheet(name).protected = false;
  }

  /** The next round trip fails with this error and applies nothing. */
  failNextSync(code: string, message?: string): void {
    this._c.pendingFailure = { code, message: message ?? Messages[code] };
  }

  /** While on, every round trip throws InvalidOperationInCellEditMode and applies nothing. */
  setEditMode(on: boolean): void {
    this._c.editMode = on;
  }

  /** Simulates a co-author / user typing into one cell (parsed like typed input: '=..' formula, "'" prefix text, '@' format keeps text). */
  setCell(sheet: string, address: string, value: CellInput): void {
    const s = this._sheet(sheet);
    const rect = this._rect(address);
    for (let r = rect.r0; r < rect.r0 + rect.rows; r++) {
      for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
        const p = parseInput(value === null ? '' : value, s.numberFormat.get(r, c) ?? 'General', 'host.setCell');
        if (p) applyParsed(s, r, c, p);
      }
    }
  }

  /** Co-author edit of a block of cells starting at `address`'s top-left cell. */
  setCells(sheet: string, address: string, values: CellInput[][]): void {
    const s = this._sheet(sheet);
    const rect = this._rect(address);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = rect.r0 + i,
          c = rect.c0 + j;
        const p = parseInput(v === null ? '' : v, s.numberFormat.get(r, c) ?? 'General', 'host.setCells');
        if (p) applyParsed(s, r, c, p);
      }),
    );
  }

  /** Simulates the user selecting a range (and activating its sheet). */
  select(address: string): void {
    const { sheet, local } = splitSheet(address);
    const s = sheet !== undefined ? this._sheet(sheet) : this._wb.activeSheet;
    this._wb.activate(s, this._rect(local));
  }

  sheet(name: string): FakeSheetView {
    const s = this._sheet(name);
    const area = (address?: string): Rect | null => {
      if (address !== undefined) return this._rect(address);
      const u = s.usedRect(false);
      return u ? { r0: 0, c0: 0, rows: u.r0 + u.rows, cols: u.c0 + u.cols } : null;
    };
    const grid = <T>(address: string | undefined, f: (r: number, c: number) => T): T[][] => {
      const rect = area(address);
      if (!rect) return [];
      const rows = Math.min(rect.rows, MAX_ROWS),
        cols = Math.min(rect.cols, 2000);
      const out: T[][] = [];
      for (let i = 0; i < rows; i++) {
        const row: T[] = [];
        for (let j = 0; j < cols; j++) row.push(f(rect.r0 + i, rect.c0 + j));
        out.push(row);
      }
      return out;
    };
    const host = this;
    return {
      get name() {
        return s.name;
      },
      get id() {
        return s.id;
      },
      get protected() {
        return s.protected;
      },
      get visibility() {
        return s.visibility;
      },
      usedAddress: (valuesOnly?: boolean) => {
        const u = s.usedRect(!!valuesOnly);
        return u ? qualifiedAddress(s.name, u) : null;
      },
      values: (a) => grid(a, (r, c) => readValue(s, r, c)),
      formulas: (a) => grid(a, (r, c) => readFormula(s, r, c)),
      numberFormats: (a) => grid(a, (r, c) => s.numberFormat.get(r, c) ?? 'General'),
      fills: (a) => grid(a, (r, c) => s.fill.get(r, c) ?? null),
      displayedFills: (a) => grid(a, (r, c) => s.effectiveFill(r, c, readValue(s, r, c)) ?? null),
      conditionalFormats: () =>
        s.conditionalFormats.map((cf) => ({
          address: qualifiedAddress(s.name, cf.rect),
          type: cf.type,
          operator: cf.operator,
          formula1: cf.formula1,
          fill: cf.fill,
        })),
      fontBold: (a) => grid(a, (r, c) => s.fontBold.get(r, c) ?? false),
      fontColors: (a) => grid(a, (r, c) => s.fontColor.get(r, c) ?? '#000000'),
      cell: (address: string) => {
        const rect = host._rect(address);
        return cellInfo(s, rect.r0, rect.c0);
      },
      columnWidth: (column: string | number) => {
        const c = typeof column === 'number' ? column : host._rect(`${column}1`).c0;
        return s.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
      },
      rowHeight: (row: number) => s.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT,
      merges: () => s.merges.map((m) => rectToA1(m)),
      charts: () => s.charts.map((c) => ({ ...c, position: c.position ? { ...c.position } : null })),
      pageLayout: () => ({ ...s.page, zoom: { ...s.page.zoom } }),
    };
  }

  charts(): ChartState[] {
    return this._wb.liveSheets().flatMap((s) => this.sheet(s.name).charts());
  }

  tables(): FakeTableInfo[] {
    return this._wb.tables.map((t) => ({
      id: t.id,
      name: t.name,
      sheet: t.sheet.name,
      address: qualifiedAddress(t.sheet.name, t.rect),
      columns: Array.from({ length: t.rect.cols }, (_, j) => String(readValue(t.sheet, t.rect.r0, t.rect.c0 + j))),
    }));
  }

  customXmlParts(): { id: string; namespaceUri: string; xml: string }[] {
    return this._wb.customXmlParts.map((p) => ({ ...p }));
  }

  settings(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._wb.settings) out[k] = JSON.parse(v);
    return out;
  }

  /** Deep, plain-data copy of the whole workbook for before/after comparisons (toEqual). */
  snapshot(): FakeWorkbookSnapshot {
    const wb = this._wb;
    return {
      name: wb.name,
      activeSheet: wb.activeSheet.name,
      selection: this.selection,
      calculationMode: wb.calculationMode,
      sheets: wb.liveSheets().map((s, position) => {
        const v = this.sheet(s.name);
        const u = s.usedRect(false);
        const area = u
          ? `A1:${rectToA1({ r0: u.r0 + u.rows - 1, c0: u.c0 + u.cols - 1, rows: 1, cols: 1 })}`
          : undefined;
        const g = <T>(f: (a: string) => T[][]): T[][] => (area ? f(area) : []);
        const layerGrid = <T>(l: Layer<T>, d: T): T[][] =>
          g((a) => {
            const rect = this._rect(a);
            return Array.from({ length: rect.rows }, (_, i) =>
              Array.from({ length: rect.cols }, (_, j) => l.get(i, j) ?? d),
            );
          });
        return {
          name: s.name,
          id: s.id,
          position,
          visibility: s.visibility,
          protected: s.protected,
          values: g(v.values),
          formulas: g(v.formulas),
          numberFormats: g(v.numberFormats),
          fills: g(v.fills),
          fontBold: g(v.fontBold),
          fontColors: g(v.fontColors),
          quotePrefix: layerGrid(s.quotePrefix, false),
          wrapText: layerGrid(s.wrapText, false),
          horizontalAlignment: layerGrid(s.hAlign, 'General'),
          verticalAlignment: layerGrid(s.vAlign, 'Bottom'),
          columnWidths: Object.fromEntries(
            [...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([k, w]) => [String(k), w]),
          ),
          rowHeights: Object.fromEntries([...s.rowHeights].sort((a, b) => a[0] - b[0]).map(([k, h]) => [String(k), h])),
          charts: v.charts(),
        };
      }),
      tables: this.tables(),
      customXmlParts: this.customXmlParts(),
      settings: this.settings(),
    };
  }

  /** @internal */
  _sheet(name: string): SheetState {
    const s = this._wb.findSheet(name);
    if (!s) throw new Error(`fake-excel host: no sheet named '${name}'`);
    return s;
  }

  /** @internal */
  _rect(address: string): Rect {
    const rect = parseA1(splitSheet(address).local);
    if (!rect) throw new Error(`fake-excel host: bad address '${address}'`);
    return rect;
  }
}

function cellInfo(s: SheetState, r: number, c: number): FakeCellInfo {
  const f = s.formula.get(r, c);
  return {
    value: readValue(s, r, c),
    formula: f ?? null,
    numberFormat: s.numberFormat.get(r, c) ?? 'General',
    quotePrefix: s.quotePrefix.get(r, c) ?? false,
    fill: s.fill.get(r, c) ?? null,
    bold: s.fontBold.get(r, c) ?? false,
    italic: s.fontItalic.get(r, c) ?? false,
    fontColor: s.fontColor.get(r, c) ?? '#000000',
    fontSize: s.fontSize.get(r, c) ?? 11,
    fontName: s.fontName.get(r, c) ?? DEFAULT_FONT,
    indentLevel: s.indent.get(r, c) ?? 0,
    border: s.border.get(r, c) ?? null,
    wrapText: s.wrapText.get(r, c) ?? false,
    horizontalAlignment: s.hAlign.get(r, c) ?? 'General',
    verticalAlignment: s.vAlign.get(r, c) ?? 'Bottom',
  };
}

function buildWorkbook(data: FakeWorkbookData): WorkbookState {
  const wb = new WorkbookState();
  if (data.name) wb.name = data.name;
  if (data.calculationMode) wb.calculationMode = data.calculationMode;
  if (!data.sheets || data.sheets.length === 0) throw new Error('fake-excel: a workbook needs at least one sheet');
  for (const sd of data.sheets) {
    if (wb.findSheet(sd.name)) throw new Error(`fake-excel: duplicate sheet name '${sd.name}'`);
    const s = new SheetState(sd.name, sd.id ?? fakeGuid());
    const origin = parseA1(sd.origin ?? 'A1');
    if (!origin) throw new Error(`fake-excel: bad origin '${sd.origin}'`);
    const each = <T>(grid: T[][] | undefined, f: (r: number, c: number, v: T) => void): void => {
      if (!grid) return;
      for (let i = 0; i < grid.length; i++) {
        const row = grid[i];
        if (!row) continue;
        for (let j = 0; j < row.length; j++) f(origin.r0 + i, origin.c0 + j, row[j]);
      }
    };
    each(sd.cells, (r, c, v) => {
      if (v !== null && v !== undefined && v !== '') s.value.set(r, c, v);
    });
    each(sd.formulas, (r, c, v) => {
      if (v) {
        s.formula.set(r, c, v);
        s.value.set(r, c, undefined);
      }
    });
    each(sd.numberFormats, (r, c, v) => {
      if (v && v !== 'General') s.numberFormat.set(r, c, v);
    });
    each(sd.fills, (r, c, v) => {
      if (v) s.fill.set(r, c, v.toUpperCase());
    });
    s.protected = !!sd.protected;
    s.visibility = sd.visibility ?? 'Visible';
    wb.sheets.push(s);
  }
  const active = data.activeSheet ? wb.findSheet(data.activeSheet) : wb.sheets.find((s) => s.visibility === 'Visible');
  if (!active) throw new Error(`fake-excel: no active sheet '${data.activeSheet}'`);
  wb.activeSheet = active;
  wb.selection = { sheet: active, rect: { r0: 0, c0: 0, rows: 1, cols: 1 } };
  if (data.selection) {
    const { sheet, local } = splitSheet(data.selection);
    const s = sheet !== undefined ? wb.findSheet(sheet) : active;
    const rect = parseA1(local);
    if (!s || !rect) throw new Error(`fake-excel: bad selection '${data.selection}'`);
    wb.activeSheet = s;
    wb.selection = { sheet: s, rect };
  }
  for (const t of data.tables ?? []) {
    const s = wb.findSheet(t.sheet);
    const rect = parseA1(splitSheet(t.address).local);
    if (!s || !rect) throw new Error(`fake-excel: bad table ${t.sheet}!${t.address}`);
    const state = { id: wb.nextTableId++, name: t.name ?? `Table${wb.nextTableId - 1}`, sheet: s, rect };
    wb.tables.push(state);
    wb.tableColumnIds.set(
      state,
      Array.from({ length: rect.cols }, () => wb.nextColumnId++),
    );
  }
  for (const [k, v] of Object.entries(data.settings ?? {})) wb.settings.set(k, JSON.stringify(v));
  for (const xml of data.customXmlParts ?? []) {
    const m = /xmlns\s*=\s*["']([^"']*)["']/.exec(xml);
    wb.customXmlParts.push({ id: fakeGuid(), xml, namespaceUri: m ? m[1] : '' });
  }
  return wb;
}

// ---------------------------------------------------------------------------------------------
// Excel / OfficeExtension namespaces
// ---------------------------------------------------------------------------------------------

function enumFrom(
  values: string[],
  keyOf: (v: string) => string = (v) => v.charAt(0).toLowerCase() + v.slice(1),
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) out[keyOf(v)] = v;
  return out;
}

const chartKey = (v: string): string => {
  if (/^[0-9]/.test(v)) return '_' + v;
  if (v.startsWith('XY')) return 'xy' + v.slice(2).charAt(0).toLowerCase() + v.slice(3);
  return v.charAt(0).toLowerCase() + v.slice(1);
};

export const ChartType = enumFrom(ChartTypeValues, chartKey);
export const ChartSeriesBy = enumFrom(['Auto', 'Columns', 'Rows']);
export const CalculationMode = enumFrom(['Automatic', 'AutomaticExceptTables', 'Manual']);
export const CalculationType = enumFrom(['Recalculate', 'Full', 'FullRebuild']);
export const InsertShiftDirection = enumFrom(['Down', 'Right']);
export const DeleteShiftDirection = enumFrom(['Up', 'Left']);
export const ClearApplyTo = enumFrom(['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents']);
export const SheetVisibility = enumFrom(['Visible', 'Hidden', 'VeryHidden']);
export const HorizontalAlignment = enumFrom([
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
]);
export const VerticalAlignment = enumFrom(['Top', 'Center', 'Bottom', 'Justify', 'Distributed']);
export const ConditionalFormatType = enumFrom([
  'Custom',
  'DataBar',
  'ColorScale',
  'IconSet',
  'TopBottom',
  'PresetCriteria',
  'ContainsText',
  'CellValue',
]);
export const ConditionalCellValueOperator = enumFrom([
  'Invalid',
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqual',
  'LessThanOrEqual',
]);
export const RangeValueType = enumFrom([
  'Unknown',
  'Empty',
  'String',
  'Integer',
  'Double',
  'Boolean',
  'Error',
  'RichValue',
]);
export const PageOrientation = enumFrom(['Portrait', 'Landscape']);
export const PaperType = enumFrom([
  'Letter',
  'LetterSmall',
  'Tabloid',
  'Ledger',
  'Legal',
  'Statement',
  'Executive',
  'A3',
  'A4',
  'A4Small',
  'A5',
  'B4',
  'B5',
]);

export interface FakeExcelNamespace {
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  ChartType: Record<string, string>;
  ChartSeriesBy: Record<string, string>;
  CalculationMode: Record<string, string>;
  CalculationType: Record<string, string>;
  InsertShiftDirection: Record<string, string>;
  DeleteShiftDirection: Record<string, string>;
  ClearApplyTo: Record<string, string>;
  SheetVisibility: Record<string, string>;
  HorizontalAlignment: Record<string, string>;
  VerticalAlignment: Record<string, string>;
  ConditionalFormatType: Record<string, string>;
  ConditionalCellValueOperator: Record<string, string>;
  RangeValueType: Record<string, string>;
  PageOrientation: Record<string, string>;
  PaperType: Record<string, string>;
  ErrorCodes: Record<string, string>;
}

export interface FakeOfficeExtensionNamespace {
  Error: typeof FakeOfficeExtensionError;
  ErrorCodes: Record<string, string>;
  ClientResult: typeof FakeClientResult;
  ClientObject: typeof FakeClientObject;
}

export interface FakeExcel {
  Excel: FakeExcelNamespace;
  OfficeExtension: FakeOfficeExtensionNamespace;
  host: FakeHost;
}

export function createFakeExcel(workbook: FakeWorkbookData): FakeExcel {
  const host = new FakeHost(workbook);
  const run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    if (typeof batch !== 'function') throw officeError(ErrorCodes.invalidArgument, 'Excel.run');
    const ctx = new FakeRequestContext(host);
    const ret = batch(ctx) as unknown;
    if (!ret || typeof (ret as Promise<T>).then !== 'function') {
      throw officeError(ErrorCodes.runMustReturnPromise, 'Excel.run', Messages.RunMustReturnPromise);
    }
    const result = await (ret as Promise<T>);
    // Like Office.js, run() flushes what is still queued with a final sync.
    return ctx.sync(result);
  };
  const errorCodes: Record<string, string> = { ...ErrorCodes };
  const Excel: FakeExcelNamespace = {
    run,
    ChartType,
    ChartSeriesBy,
    CalculationMode,
    CalculationType,
    InsertShiftDirection,
    DeleteShiftDirection,
    ClearApplyTo,
    SheetVisibility,
    HorizontalAlignment,
    VerticalAlignment,
    ConditionalFormatType,
    ConditionalCellValueOperator,
    RangeValueType,
    PageOrientation,
    PaperType,
    ErrorCodes: errorCodes,
  };
  const OfficeExtension: FakeOfficeExtensionNamespace = {
    Error: FakeOfficeExtensionError,
    ErrorCodes: errorCodes,
    ClientResult: FakeClientResult,
    ClientObject: FakeClientObject,
  };
  return { Excel, OfficeExtension, host };
}

/**
 * Installs fake.Excel / fake.OfficeExtension as globals (for code that uses the global `Excel`),
 * returns a function restoring the previous globals. Office.context is not touched.
 */
export function installFakeExcelGlobals(
  fake: FakeExcel,
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): () => void {
  const prevExcel = target.Excel;
  const prevExt = target.OfficeExtension;
  target.Excel = fake.Excel;
  target.OfficeExtension = fake.OfficeExtension;
  return () => {
    target.Excel = prevExcel;
    target.OfficeExtension = prevExt;
  };
}

export { MAX_ROWS as EXCEL_MAX_ROWS, MAX_COLS as EXCEL_MAX_COLS };
