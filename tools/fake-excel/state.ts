/** In-memory workbook state of the fake Excel host (pure TypeScript, no Node APIs). */
import { MAX_COLS, MAX_ROWS, Rect } from './a1';
import { ErrorCodes, officeError } from './errors';

export type CellValue = string | number | boolean;
export type CellInput = string | number | boolean | null;

/**
 * A sparse 2D layer: an array of row arrays (rows materialised on first write) plus optional
 * whole-column / whole-row defaults (used when a format is applied to entire columns/rows).
 */
export class Layer<T> {
  rows: (T[] | undefined)[] = [];
  colDefault = new Map<number, T>();
  rowDefault = new Map<number, T>();

  get(r: number, c: number): T | undefined {
    const row = this.rows[r];
    if (row !== undefined) {
      const v = row[c];
      if (v !== undefined) return v;
    }
    if (this.rowDefault.size !== 0) {
      const d = this.rowDefault.get(r);
      if (d !== undefined) return d;
    }
    if (this.colDefault.size !== 0) return this.colDefault.get(c);
    return undefined;
  }

  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (row === undefined) {
      if (v === undefined) return;
      row = this.rows[r] = [];
    }
    row[c] = v as T;
  }

  /** Sets every cell of rect; entire columns/rows become column/row defaults. */
  fill(rect: Rect, v: T | undefined): void {
    const rEnd = rect.r0 + rect.rows,
      cEnd = rect.c0 + rect.cols;
    if (rect.rows === MAX_ROWS) {
      for (let c = rect.c0; c < cEnd; c++) {
        if (v === undefined) this.colDefault.delete(c);
        else this.colDefault.set(c, v);
      }
      for (let r = 0; r < this.rows.length; r++) {
        const row = this.rows[r];
        if (row) for (let c = rect.c0; c < Math.min(cEnd, row.length); c++) row[c] = undefined as unknown as T;
      }
      return;
    }
    if (rect.cols === MAX_COLS) {
      for (let r = rect.r0; r < rEnd; r++) {
        if (v === undefined) this.rowDefault.delete(r);
        else this.rowDefault.set(r, v);
        if (this.rows[r]) this.rows[r] = undefined;
      }
      return;
    }
    for (let r = rect.r0; r < rEnd; r++) {
      if (v === undefined && this.rows[r] === undefined) continue;
      for (let c = rect.c0; c < cEnd; c++) this.set(r, c, v);
    }
  }

  /** Bounding box of cell-level entries (defaults ignored), or null. */
  bounds(): Rect | null {
    let r0 = -1,
      r1 = -1,
      c0 = Infinity,
      c1 = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      let any = false;
      for (let c = 0; c < row.length; c++) {
        if (row[c] !== undefined) {
          any = true;
          if (c < c0) c0 = c;
          if (c > c1) c1 = c;
        }
      }
      if (any) {
        if (r0 < 0) r0 = r;
        r1 = r;
      }
    }
    if (r0 < 0) return null;
    return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** The single value shared by all cells of rect, `mixed` if they differ. */
  uniform(rect: Rect, dflt: T): T | typeof MIXED {
    let first: T | undefined;
    let seen = false;
    const check = (v: T | undefined): boolean => {
      const x = v === undefined ? dflt : v;
      if (!seen) {
        first = x;
        seen = true;
        return true;
      }
      return x === first;
    };
    const rEnd = rect.r0 + rect.rows,
      cEnd = rect.c0 + rect.cols;
    const materialisedEnd = Math.min(rEnd, this.rows.length);
    for (let r = rect.r0; r < materialisedEnd; r++) {
      const row = this.rows[r];
      if (!row && !this.rowDefault.size && !this.colDefault.size) {
        if (!check(undefined)) return MIXED;
        continue;
      }
      for (let c = rect.c0; c < cEnd; c++) if (!check(this.get(r, c))) return MIXED;
      if (cEnd - rect.c0 > 4096 && !row) continue;
    }
    if (rEnd > materialisedEnd) {
      // rows past the materialised area: only defaults apply
      const rep = Math.max(materialisedEnd, rect.r0);
      const cLimit = Math.min(cEnd, rect.c0 + 4096);
      for (let c = rect.c0; c < cLimit; c++) if (!check(this.colDefault.get(c))) return MIXED;
      for (const [r, v] of this.rowDefault) if (r >= rep && r < rEnd && !check(v)) return MIXED;
      if (cEnd > cLimit && !check(undefined)) return MIXED;
    }
    return first as T;
  }

  insertCells(rect: Rect, shift: 'Down' | 'Right'): void {
    if (shift === 'Down') {
      if (rect.cols === MAX_COLS) {
        if (rect.r0 < this.rows.length) this.rows.splice(rect.r0, 0, ...new Array<undefined>(rect.rows));
        return;
      }
      const last = this.rows.length - 1;
      for (let r = last; r >= rect.r0; r--) {
        const src = this.rows[r];
        for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
          const v = src ? src[c] : undefined;
          if (v !== undefined || this.rows[r + rect.rows]) this.set(r + rect.rows, c, v);
          if (src) src[c] = undefined as unknown as T;
        }
      }
    } else {
      for (let r = rect.r0; r < Math.min(rect.r0 + rect.rows, this.rows.length); r++) {
        const row = this.rows[r];
        if (row && rect.c0 < row.length) row.splice(rect.c0, 0, ...new Array<T>(rect.cols));
      }
    }
  }

  deleteCells(rect: Rect, shift: 'Up' | 'Left'): void {
    if (shift === 'Up') {
      if (rect.cols === MAX_COLS) {
        this.rows.splice(rect.r0, rect.rows);
        return;
      }
      const last = this.rows.length - 1;
      for (let r = rect.r0; r <= last; r++) {
        const srcRow = this.rows[r + rect.rows];
        for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
          const v = srcRow ? srcRow[c] : undefined;
          this.set(r, c, v);
        }
      }
    } else {
      for (let r = rect.r0; r < Math.min(rect.r0 + rect.rows, this.rows.length); r++) {
        const row = this.rows[r];
        if (row && rect.c0 < row.length) row.splice(rect.c0, rect.cols);
      }
    }
  }

  clone(): Layer<T> {
    const l = new Layer<T>();
    l.rows = this.rows.map((row) => (row ? row.slice() : undefined));
    l.colDefault = new Map(this.colDefault);
    l.rowDefault = new Map(this.rowDefault);
    return l;
  }
}

export const MIXED: unique symbol = Symbol('mixed');

export interface TableState {
  id: number;
  name: string;
  sheet: SheetState;
  rect: Rect; // includes the header row
}

export interface ChartState {
  id: string;
  name: string;
  chartType: string;
  sheetName: string;
  sourceAddress: string;
  seriesBy: string;
  title: string;
  position: { startCell: string; endCell?: string } | null;
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface CustomXmlPartState {
  id: string;
  xml: string;
  namespaceUri: string;
}

export interface PageState {
  printArea: string | null;
  orientation: string;
  paperSize: string;
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  zoom: { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null };
}

export class SheetState {
  value = new Layer<CellValue>();
  formula = new Layer<string>();
  quotePrefix = new Layer<boolean>();
  numberFormat = new Layer<string>();
  fill = new Layer<string>();
  fontBold = new Layer<boolean>();
  fontItalic = new Layer<boolean>();
  fontColor = new Layer<string>();
  fontSize = new Layer<number>();
  /** Font name where set (Calibri, the default, is stored as unset). */
  fontName = new Layer<string>();
  indent = new Layer<number>();
  /** Border colour of a cell any edge of which was given a line (the fake does not tell edges apart). */
  border = new Layer<string>();
  wrapText = new Layer<boolean>();
  hAlign = new Layer<string>();
  vAlign = new Layer<string>();
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  /** Merged areas (Range.merge), in the order made. */
  merges: Rect[] = [];
  protected = false;
  visibility = 'Visible';
  deleted = false;
  charts: ChartState[] = [];
  /** Cell-value conditional formats (EqualTo a literal), in the order added. */
  conditionalFormats: ConditionalFormatState[] = [];
  /** Page setup (worksheet.pageLayout, ExcelApi 1.9): print area as a local A1 address (null: none), margins in points. */
  page: PageState = {
    printArea: null,
    orientation: 'Portrait',
    paperSize: 'Letter',
    topMargin: 54,
    bottomMargin: 54,
    leftMargin: 50.4,
    rightMargin: 50.4,
    zoom: { scale: 100 },
  };

  /** The fill a cell shows: the first matching conditional format's, else its own fill. */
  effectiveFill(r: number, c: number, value: unknown): string | undefined {
    for (const cf of this.conditionalFormats) {
      const { rect } = cf;
      if (r < rect.r0 || r >= rect.r0 + rect.rows || c < rect.c0 || c >= rect.c0 + rect.cols) continue;
      if (cf.fill && conditionMatches(cf, value)) return cf.fill;
    }
    return this.fill.get(r, c);
  }

  constructor(
    public name: string,
    public readonly id: string,
  ) {}

  /** Whether cell (r, c) lies in a merged area. */
  isMerged(r: number, c: number): boolean {
    return this.merges.some((m) => r >= m.r0 && r < m.r0 + m.rows && c >= m.c0 && c < m.c0 + m.cols);
  }

  formatLayers(): Layer<unknown>[] {
    return [
      this.numberFormat,
      this.fill,
      this.fontBold,
      this.fontItalic,
      this.fontColor,
      this.fontSize,
      this.fontName,
      this.indent,
      this.border,
      this.wrapText,
      this.hAlign,
      this.vAlign,
    ];
  }

  allLayers(): Layer<unknown>[] {
    return [this.value, this.formula, this.quotePrefix, ...this.formatLayers()];
  }

  usedRect(valuesOnly: boolean): Rect | null {
    const layers: Layer<unknown>[] = valuesOnly
      ? [this.value, this.formula]
      : [this.value, this.formula, ...this.formatLayers()];
    let acc: Rect | null = null;
    for (const l of layers) {
      const b = l.bounds();
      if (!b) continue;
      if (!acc) acc = b;
      else {
        const r0 = Math.min(acc.r0, b.r0),
          c0 = Math.min(acc.c0, b.c0);
        const r1 = Math.max(acc.r0 + acc.rows, b.r0 + b.rows),
          c1 = Math.max(acc.c0 + acc.cols, b.c0 + b.cols);
        acc = { r0, c0, rows: r1 - r0, cols: c1 - c0 };
      }
    }
    return acc;
  }

  clone(): SheetState {
    const s = new SheetState(this.name, this.id);
    s.value = this.value.clone();
    s.formula = this.formula.clone();
    s.quotePrefix = this.quotePrefix.clone();
    s.numberFormat = this.numberFormat.clone();
    s.fill = this.fill.clone();
    s.fontBold = this.fontBold.clone();
    s.fontItalic = this.fontItalic.clone();
    s.fontColor = this.fontColor.clone();
    s.fontSize = this.fontSize.clone();
    s.fontName = this.fontName.clone();
    s.indent = this.indent.clone();
    s.border = this.border.clone();
    s.wrapText = this.wrapText.clone();
    s.hAlign = this.hAlign.clone();
    s.vAlign = this.vAlign.clone();
    s.columnWidths = new Map(this.columnWidths);
    s.rowHeights = new Map(this.rowHeights);
    s.merges = this.merges.map((m) => ({ ...m }));
    s.protected = this.protected;
    s.visibility = this.visibility;
    s.charts = this.charts.map((c) => ({ ...c, position: c.position ? { ...c.position } : null }));
    return s;
  }
}

export const DEFAULT_COLUMN_WIDTH = 48; // points (8.43 characters of Calibri 11)
export const DEFAULT_ROW_HEIGHT = 15; // points

// ---------------------------------------------------------------------------------------------
// Cell input interpretation (what Excel does with a value typed or written through `values`)
// ---------------------------------------------------------------------------------------------

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

export interface ParsedInput {
  value?: CellValue;
  formula?: string;
  quotePrefix?: boolean;
  clear?: boolean;
}

/**
 * Interprets one input cell like Excel does for `range.values` / `range.formulas`:
 * - null: leave the cell unchanged (returns null)
 * - '': clear contents
 * - "'text": quote-prefixed text, stored as "text"
 * - any string when the cell's number format is '@' (Text): stored verbatim as text
 * - "=...": formula; "+x"/"-x" that are not numbers: formula "=+x"/"=-x" (Excel docs for Range.values)
 * - numeric strings become numbers, "TRUE"/"FALSE" booleans
 */
export function parseInput(v: unknown, numberFormat: string, location: string): ParsedInput | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw officeError(ErrorCodes.invalidArgument, location);
    return { value: v };
  }
  if (typeof v === 'boolean') return { value: v };
  if (typeof v !== 'string') throw officeError(ErrorCodes.invalidArgument, location);
  if (v === '') return { clear: true };
  if (v.startsWith("'")) return { value: v.slice(1), quotePrefix: true };
  if (numberFormat === '@') return { value: v };
  if (v.length > 1 && v.startsWith('=')) return { formula: v };
  if (NUMERIC.test(v)) return { value: Number(v) };
  if (v.length > 1 && (v.startsWith('+') || v.startsWith('-'))) return { formula: '=' + v };
  if (/^(true|false)$/i.test(v)) return { value: v.toUpperCase() === 'TRUE' };
  return { value: v };
}

export function applyParsed(sheet: SheetState, r: number, c: number, p: ParsedInput): void {
  if (p.clear) {
    sheet.value.set(r, c, undefined);
    sheet.formula.set(r, c, undefined);
    sheet.quotePrefix.set(r, c, undefined);
    return;
  }
  if (p.formula !== undefined) {
    sheet.value.set(r, c, undefined);
    sheet.formula.set(r, c, p.formula);
    sheet.quotePrefix.set(r, c, undefined);
    return;
  }
  sheet.value.set(r, c, p.value);
  sheet.formula.set(r, c, undefined);
  sheet.quotePrefix.set(r, c, p.quotePrefix ? true : undefined);
}

/** Value as returned by `range.values` (formulas are not evaluated: ""). */
export function readValue(sheet: SheetState, r: number, c: number): CellValue {
  const v = sheet.value.get(r, c);
  return v === undefined ? '' : v;
}

/** Value as returned by `range.formulas` (formula text, or the constant; quote prefix dropped like Excel). */
export function readFormula(sheet: SheetState, r: number, c: number): CellValue {
  const f = sheet.formula.get(r, c);
  if (f !== undefined) return f;
  return readValue(sheet, r, c);
}

export function valueType(sheet: SheetState, r: number, c: number): string {
  const v = sheet.value.get(r, c);
  if (v === undefined) return 'Empty';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
  if (/^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/.test(v)) return 'Error';
  return 'String';
}

/** A small subset of Excel number formatting for `range.text`. */
export function formatText(v: CellValue, fmt: string): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (fmt === '@' || fmt === 'General' || fmt === '') {
    if (Number.isInteger(v) || Math.abs(v) >= 1e-9) return String(Number(v.toPrecision(11)));
    return String(v);
  }
  const pct = fmt.endsWith('%');
  const core = pct ? fmt.slice(0, -1) : fmt;
  const m = /^(#,##)?0(\.(0+))?$/.exec(core);
  if (!m) return String(v);
  const decimals = m[3] ? m[3].length : 0;
  const x = pct ? v * 100 : v;
  let s = x.toFixed(decimals);
  if (m[1]) {
    const [ip, fp] = s.split('.');
    const neg = ip.startsWith('-');
    const digits = neg ? ip.slice(1) : ip;
    s = (neg ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fp !== undefined ? '.' + fp : '');
  }
  return pct ? s + '%' : s;
}

// ---------------------------------------------------------------------------------------------
// JSON byte length (UTF-8) without building the JSON string
// ---------------------------------------------------------------------------------------------

export function jsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) n += 2;
    else if (code < 0x20) n += code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6;
    else if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6;
    } else if (code >= 0xdc00 && code <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

/** Byte length of JSON.stringify(value) encoded as UTF-8 (exact for plain data). */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return jsonStringBytes(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'object': {
      if (Array.isArray(value)) {
        let n = 2 + Math.max(0, value.length - 1);
        for (let i = 0; i < value.length; i++) {
          const x = value[i];
          n += x === undefined ? 4 : jsonBytes(x);
        }
        return n;
      }
      let n = 2;
      let first = true;
      for (const k of Object.keys(value as object)) {
        const x = (value as Record<string, unknown>)[k];
        if (x === undefined || typeof x === 'function') continue;
        if (!first) n += 1;
        first = false;
        n += jsonStringBytes(k) + 1 + jsonBytes(x);
      }
      return n;
    }
    default:
      return 4;
  }
}

let guidCounter = 0;
export function fakeGuid(): string {
  guidCounter++;
  const hex = guidCounter.toString(16).toUpperCase().padStart(12, '0');
  return `{00000000-0000-4000-8000-${hex}}`;
}

/** A conditional format of type cellValue with a literal operand (`="text"` or `=12`). */
export interface ConditionalFormatState {
  rect: Rect;
  type: string;
  operator?: string;
  formula1?: string;
  fill?: string;
}

function literal(formula: string | undefined): string | number | undefined {
  if (formula === undefined) return undefined;
  const f = formula.startsWith('=') ? formula.slice(1) : formula;
  const m = /^"((?:[^"]|"")*)"$/.exec(f);
  if (m) return m[1].replace(/""/g, '"');
  const n = Number(f);
  return Number.isFinite(n) ? n : f;
}

/** Excel compares text case-insensitively. Only EqualTo and NotEqualTo are modelled. */
export function conditionMatches(cf: ConditionalFormatState, value: unknown): boolean {
  if (cf.type !== 'CellValue') return false;
  const operand = literal(cf.formula1);
  const norm = (v: unknown) => (typeof v === 'string' ? v.toLocaleLowerCase() : v);
  const equal = norm(value) === norm(operand);
  if (cf.operator === 'EqualTo') return equal;
  if (cf.operator === 'NotEqualTo') return !equal;
  return false;
}
