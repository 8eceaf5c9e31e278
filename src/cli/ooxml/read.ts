/**
 * A worksheet's cells read from its XML into the engine's grid: values and number formats,
 * through the XML tokenizer (parse.ts), so any well-formed SpreadsheetML reads alike: Excel's,
 * LibreOffice's, a prefixed (`<x:c>`) or Strict part, CDATA, comments, character references.
 *
 * The grid holds only the cells present: `grid[r]` is undefined for a row without a value and a
 * row's array has holes where it has no cell, so a value at XFD1048576, a merged range running to
 * the sheet's end or a formatted row near the limit costs nothing. Readers use `grid[r]?.[c] ?? null`.
 *
 * The values are exceljs's (test/cli/exceljs-grid.ts, the reader the scorer used before):
 * - a cell with a formula (`<f>` with text, or with a `t` attribute: shared, array) gives its cached
 *   `<v>`: `t="str"` text, `t="b"` boolean, `t="e"` the error text, else a number. A formula without
 *   a cached value is null, and listed in `uncomputed` (the workbook was never recalculated);
 * - without a formula: `t="s"` shared string, `t="str"`/`t="inlineStr"` text, `t="b"` boolean,
 *   `t="e"` error text, `t="d"` its ISO date, anything else a number;
 * - a number in a date-formatted style is a date: serial → `yyyy-mm-dd` (1900 or 1904 system);
 * - cells a merge covers (not its top-left) are empty; a row written twice keeps the later one;
 * - a `<row>` without `r` follows the previous row, a `<c>` without `r` the previous cell;
 * - text is the XML text with `_xHHHH_` escapes decoded; phonetic runs (`<rPh>`) are left out.
 */
import type { CellValue } from '../../engine';
import { StopReading, parseXml, type XmlHandler } from './parse';

/** A sheet's values and number formats, parallel, row 1 / column A at [0][0]; sparse (see above). */
export interface SheetGrid {
  grid: CellValue[][];
  formats: (string | null)[][];
  /** Cells (0-based row, column) holding a formula with no cached value. */
  uncomputed?: { row: number; col: number }[];
}

/** Number formats of a workbook's cell styles (`<cellXfs>` entries, by a cell's `s`). */
export interface StyleFormats {
  /** The number format code of a cell style, null for General (or none, or style 0). */
  formatOf(styleIndex: number): string | null;
  /** Whether a number in this style is a date (exceljs's rule). */
  isDate(styleIndex: number): boolean;
}

export interface ReadSheetOptions {
  /** Serial numbers count from 1904 (`<workbookPr date1904="1"/>`). */
  date1904?: boolean;
  /** Reads only the first rows (the read stops there). */
  maxRows?: number;
  /** The part's name, for messages. */
  part?: string;
}

/** exceljs's built-in number formats (lib/xlsx/defaultnumformats.js, the entries with a code). */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs's `utils.isDateFmt`: a y/m/d/h/M/s/b outside `[...]` and `"..."`. */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** SpreadsheetML's escapes for characters XML cannot carry: `_x000D_`, `_x005F_` for `_`. */
export function decodeEscapes(text: string): string {
  return text.indexOf('_x') < 0
    ? text
    : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The text of string items (`<si>`, `<is>`): `<t>` runs joined, phonetic runs (`<rPh>`) left out.
 * Fed the events under the item's element.
 */
class StringItem {
  text = '';
  hadText = false;
  private inT = false;
  private phonetic = 0;

  open(local: string): void {
    if (local === 'rPh') this.phonetic++;
    else if (local === 't' && this.phonetic === 0) this.inT = true;
    // A rich-text run, even an empty one, makes the item text (exceljs).
    else if (local === 'r' && this.phonetic === 0) this.hadText = true;
  }

  onText(t: string): void {
    if (!this.inT || t === '') return;
    this.text += t;
    this.hadText = true;
  }

  close(local: string): void {
    if (local === 'rPh') this.phonetic--;
    else if (local === 't') this.inT = false;
  }

  value(): string {
    return decodeEscapes(this.text);
  }
}

/** The shared strings (`xl/sharedStrings.xml`) in order, rich text joined, phonetic runs left out. */
export function parseSharedStrings(xml: string | null, part = 'xl/sharedStrings.xml'): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let item: StringItem | null = null;
  parseXml(xml, part, {
    open(local) {
      if (local === 'si') item = new StringItem();
      else item?.open(local);
    },
    text: (t) => item?.onText(t),
    close(local) {
      if (local === 'si' && item) {
        out.push(item.value());
        item = null;
      } else item?.close(local);
    },
  });
  return out;
}

const NO_FORMATS: StyleFormats = { formatOf: () => null, isDate: () => false };

/** The number format of each cell style in `xl/styles.xml` (null: the workbook has none). */
export function parseStyleFormats(stylesXml: string | null, part = 'xl/styles.xml'): StyleFormats {
  if (!stylesXml) return NO_FORMATS;
  const custom = new Map<number, string>();
  const ids: number[] = [];
  const stack: string[] = [];
  parseXml(stylesXml, part, {
    open(local, attrs) {
      const parent = stack[stack.length - 1];
      stack.push(local);
      // exceljs (numfmt-xform.js) drops format-code backslash escapes: `0\ "đ"` → `0 "đ"`.
      if (local === 'numFmt' && parent === 'numFmts' && attrs.formatCode !== undefined)
        custom.set(parseInt(attrs.numFmtId ?? '', 10), attrs.formatCode.replace(/[\\](.)/g, '$1'));
      else if (local === 'xf' && parent === 'cellXfs') ids.push(parseInt(attrs.numFmtId ?? '', 10));
    },
    close: () => void stack.pop(),
  });
  // exceljs: `if (style.numFmtId)`, then the custom code, else the built-in one, if any.
  const formats = ids.map((id) => (id ? custom.get(id) || BUILT_IN_FORMATS[id] || null : null));
  const dates = formats.map(isDateFormat);
  return {
    // exceljs gives a cell a style only when `s` is truthy: style 0 never has a number format.
    formatOf: (i) => (i ? (formats[i] ?? null) : null),
    isDate: (i) => (i ? (dates[i] ?? false) : false),
  };
}

/** Whether the workbook (`xl/workbook.xml`) counts dates from 1904 (`date1904` true). */
export function isDate1904(workbookXml: string, part = 'xl/workbook.xml'): boolean {
  let out = false;
  parseXml(workbookXml, part, {
    open(local, attrs) {
      if (local === 'workbookPr') {
        const v = attrs.date1904;
        out = v === '1' || v === 'true';
        throw new StopReading();
      }
    },
  });
  return out;
}

/** exceljs's `excelToDate` then the engine's ISO text ('' for an invalid date). */
function serialToIso(serial: number, date1904: boolean): string {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** A `t="d"` cell's ISO 8601 text as `yyyy-mm-dd` ('' when it is not a date). */
function isoDateText(text: string): string {
  const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(text);
  return m ? m[1] : '';
}

/** The 1-based column of an A1 reference's letters (0 when it has none). */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    let ch = ref.charCodeAt(i);
    if (ch === 36 /* $ */) continue;
    if (ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  return col;
}

/** `A1:B2` (or one cell) as 1-based bounds, or null. */
function decodeRange(ref: string): Merge | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const [r1, c1, r2, c2] = [Number(m[2]), columnOf(m[1]), Number(m[4] ?? m[2]), columnOf(m[3] ?? m[1])];
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One `<c>` element as read: its attributes and the parts of its content. */
interface CellRead {
  col: number;
  style: number;
  type: string;
  formula: boolean;
  value: string | null;
  inline: StringItem | null;
}

/** A formula's cached result by its type; in a date-formatted style, a date (an error: ''). */
function formulaResult(cell: CellRead, value: string, styles: StyleFormats, date1904: boolean): CellValue {
  const { type } = cell;
  const result =
    type === 'str'
      ? decodeEscapes(value)
      : type === 'b'
        ? parseInt(value, 10) !== 0
        : type === 'e'
          ? value
          : parseFloat(value);
  return cell.style && styles.isDate(cell.style) ? serialToIso(type === 'e' ? NaN : Number(result), date1904) : result;
}

/** The cell's value as the engine sees it, or undefined when the cell holds none. */
function cellValue(
  cell: CellRead,
  strings: readonly string[],
  styles: StyleFormats,
  date1904: boolean,
): CellValue | undefined {
  const { type, value } = cell;
  if (cell.formula) return value === null ? null : formulaResult(cell, value, styles, date1904);
  if (type === 'inlineStr' && cell.inline?.hadText) return cell.inline.value();
  if (value === null) return undefined;
  if (type === 's') return strings[parseInt(value, 10)] ?? null;
  return typedValue(cell, value, styles, date1904);
}

/** A value written in the cell (not a shared string) by its type: text, boolean, error, ISO date, number. */
function typedValue(cell: CellRead, value: string, styles: StyleFormats, date1904: boolean): CellValue {
  switch (cell.type) {
    case 'str':
    case 'inlineStr':
      return decodeEscapes(value);
    case 'b':
      return parseInt(value, 10) !== 0;
    case 'e':
      return value;
    case 'd':
      return isoDateText(value);
  }
  const n = parseFloat(value);
  return cell.style && styles.isDate(cell.style) ? serialToIso(n, date1904) : n;
}

/** The events of a worksheet part, building the sparse grid. */
class SheetHandler implements XmlHandler {
  readonly grid: CellValue[][] = [];
  readonly formats: (string | null)[][] = [];
  readonly uncomputed: { row: number; col: number }[] = [];
  readonly merges: Merge[] = [];
  private row = 0;
  private inData = false;
  private cell: CellRead | null = null;
  private inValue = false;
  private inFormula = false;

  constructor(
    private readonly strings: readonly string[],
    private readonly styles: StyleFormats,
    private readonly date1904: boolean,
    private readonly maxRows: number,
  ) {}

  open(local: string, attrs: Readonly<Record<string, string>>): void {
    if (this.cell) return this.openInCell(local, attrs);
    if (local === 'c' && this.inData) return this.openCell(attrs);
    if (local === 'row' && this.inData) return this.openRow(attrs);
    if (local === 'sheetData') this.inData = true;
    else if (local === 'mergeCell' && attrs.ref !== undefined) {
      const range = decodeRange(attrs.ref);
      if (range) this.merges.push(range);
    }
  }

  private openRow(attrs: Readonly<Record<string, string>>): void {
    const n = attrs.r === undefined ? NaN : parseInt(attrs.r, 10);
    this.row = Number.isNaN(n) ? this.row + 1 : n;
    if (this.row > this.maxRows) throw new StopReading();
    // A row number written twice: the later row only.
    delete this.grid[this.row - 1];
    delete this.formats[this.row - 1];
    this.cellCol = 0;
  }

  private cellCol = 0;

  private openCell(attrs: Readonly<Record<string, string>>): void {
    const ref = attrs.r;
    this.cellCol = (ref === undefined ? 0 : columnOf(ref)) || this.cellCol + 1;
    const style = attrs.s === undefined ? 0 : parseInt(attrs.s, 10) || 0;
    this.cell = { col: this.cellCol, style, type: attrs.t ?? 'n', formula: false, value: null, inline: null };
  }

  private openInCell(local: string, attrs: Readonly<Record<string, string>>): void {
    const cell = this.cell as CellRead;
    if (cell.inline) cell.inline.open(local);
    else if (local === 'v') {
      this.inValue = true;
      cell.value ??= '';
    } else if (local === 'f') {
      this.inFormula = true;
      if (attrs.t !== undefined) cell.formula = true;
    } else if (local === 'is') cell.inline = new StringItem();
  }

  text(t: string): void {
    const cell = this.cell;
    if (!cell) return;
    if (this.inValue) cell.value += t;
    else if (this.inFormula) cell.formula ||= t !== '';
    else cell.inline?.onText(t);
  }

  close(local: string): void {
    const cell = this.cell;
    if (cell === null) {
      if (local === 'sheetData') this.inData = false;
      return;
    }
    if (local === 'c') return this.closeCell(cell);
    if (cell.inline && local !== 'is') cell.inline.close(local);
    else if (local === 'v') this.inValue = false;
    else if (local === 'f') this.inFormula = false;
  }

  private closeCell(cell: CellRead): void {
    this.cell = null;
    this.inValue = this.inFormula = false;
    if (cell.value === '') cell.value = null;
    const value = cellValue(cell, this.strings, this.styles, this.date1904);
    if (value === undefined) return;
    const r = this.row - 1;
    const c = cell.col - 1;
    if (cell.formula && cell.value === null) this.uncomputed.push({ row: r, col: c });
    const values = (this.grid[r] ??= []);
    const formats = (this.formats[r] ??= []);
    values[c] = value;
    formats[c] = cell.style ? this.styles.formatOf(cell.style) : null;
  }
}

/** Empties the cells merges cover (all but each range's top-left), looking only at rows present. */
function clearMerged(grid: CellValue[][], formats: (string | null)[][], merges: readonly Merge[]): void {
  if (merges.length === 0) return;
  const rows = Object.keys(grid).map(Number);
  for (const m of merges) {
    for (const r0 of rows) {
      const r = r0 + 1;
      if (r < m.top || r > m.bottom) continue;
      const values = grid[r0];
      if (values === undefined) continue;
      for (const key of Object.keys(values)) {
        const c = Number(key) + 1;
        if (c < m.left || c > m.right || (r === m.top && c === m.left)) continue;
        delete values[c - 1];
        delete formats[r0][c - 1];
      }
      if (Object.keys(values).length === 0) {
        delete grid[r0];
        delete formats[r0];
      }
    }
  }
}

/**
 * A worksheet's cells (`xl/worksheets/sheetN.xml`) as the engine's grid and their number formats.
 * `sharedStrings` from parseSharedStrings, `styles` from parseStyleFormats.
 */
export function readSheetXml(
  xml: string,
  sharedStrings: readonly string[],
  styles: StyleFormats,
  options: ReadSheetOptions = {},
): SheetGrid {
  const handler = new SheetHandler(sharedStrings, styles, options.date1904 === true, options.maxRows ?? Infinity);
  parseXml(xml, options.part ?? 'worksheet', handler);
  const { grid, formats, uncomputed } = handler;
  clearMerged(grid, formats, handler.merges);
  return { grid, formats, uncomputed: uncomputed.filter((u) => grid[u.row]?.[u.col] !== undefined) };
}
