/**
 * Reads a worksheet's cells from its XML: values (as the engine sees them) and number formats,
 * exactly as exceljs's model read them before (test/cli/exceljs-grid.ts, `readSheetGrid`), but by
 * scanning the text once with indexOf/charCodeAt: no DOM, no SAX events, no object per cell.
 *
 * What exceljs decides and this reader copies (node_modules/exceljs/lib/xlsx/xform/sheet/cell-xform.js,
 * doc/row.js, doc/worksheet.js, xlsx/xform/style/styles-xform.js):
 * - a cell with a formula (`<f>` with text, or with a `t` attribute: shared, array) gives its cached
 *   `<v>` (null without one): `t="str"` text, `t="b"` boolean, `t="e"` the error text, else a number;
 * - without a formula: `t="s"` shared string, `t="str"`/`t="inlineStr"` text, `t="b"` boolean
 *   (`parseInt(v) !== 0`), `t="e"` error text, anything else `parseFloat(v)`;
 * - a number (or any formula result) whose style's number format is a date format (exceljs's
 *   `isDateFmt`) is a date: serial → UTC (1900 or 1904 system) → `yyyy-mm-dd`, '' when invalid;
 * - the grid is `rowCount` × `columnCount` as exceljs counts them: the last `<row>` element (or
 *   merge), and the widest row that has a value, where a row's width counts cells exceljs creates
 *   (a value, a formula, a style other than 0, an external hyperlink) and merges over it;
 * - cells a merge covers (not its top-left) are null with no format; a merge's top-left cell the
 *   XML does not hold takes its row's, else its column's, number format;
 * - a cell's number format: `s` → `<cellXfs>` → numFmtId → `<numFmt>` (backslash escapes removed)
 *   or exceljs's built-in table; `s="0"`, numFmtId 0 and ids exceljs does not know give null.
 * Deliberate differences (exceljs is wrong or crashes there): a formula's cached result of 0,
 * false or '' is that value (exceljs's formula value keeps only truthy fields, so reads null), and
 * so is a data-table formula's or an orphan shared formula's (exceljs: null); `t="d"` (ISO date text) reads as its
 * date part, not `parseFloat('2021-…')`; every text is decoded once with decodeOoxmlText (exceljs
 * decodes `t="str"` entities twice and leaves `_xHHHH_` in `t="str"` and plain inline strings, and
 * only knows upper-case hex); phonetic runs (`<rPh>`) are left out of inline strings too; a `<row>`
 * without `r` follows the previous row and a `<c>` without `r` the previous `<c>` (exceljs throws or
 * skips); an empty `<si/>` reads as '' (exceljs: null); a shared-string index out of range as null.
 */
import type { CellValue } from '../../engine';
import { MalformedPartError, attr, decodeEntities, decodeOoxmlText } from './xml';

/** A sheet's values and number formats, parallel, row 1 / column A at [0][0]. */
export interface SheetGrid {
  grid: CellValue[][];
  formats: (string | null)[][];
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
  /**
   * Reads only the first rows (the scan stops there). The grid is then as wide as those rows
   * need, which can be narrower than the whole sheet's grid.
   */
  maxRows?: number;
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

// ---------------------------------------------------------------------------------------------
// Small scanning helpers. Positions are indexes into the XML text; nothing is sliced until a value
// is needed.

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const QUOTE = 34; // "
const APOS = 39; // '
const EQ = 61; // =

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** Whether the tag at `lt` (pointing at `<`) has exactly this name. */
function isTag(xml: string, lt: number, name: string): boolean {
  if (!xml.startsWith(name, lt + 1)) return false;
  const after = xml.charCodeAt(lt + 1 + name.length);
  return after === GT || after === SLASH || isSpace(after);
}

/** The end (`>`) of the start tag at `lt` (cell data: no attribute value there holds a `>`). */
function tagEnd(xml: string, lt: number): number {
  const gt = xml.indexOf('>', lt);
  return gt < 0 ? xml.length : gt;
}

/** The end (`>`) of the start tag at `lt`, a `>` inside a quoted attribute value skipped (`formatCode="[>=100]0"`). */
function quotedTagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let i = lt; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (quote !== 0) {
      if (ch === quote) quote = 0;
    } else if (ch === QUOTE || ch === APOS) quote = ch;
    else if (ch === GT) return i;
  }
  return xml.length;
}

// Attribute positions found by scanAttrs (value start and end, -1 when absent), for single-letter
// names r, s, t only: what `<row>`, `<c>` and `<f>` need.
let attrR0 = -1;
let attrR1 = -1;
let attrS0 = -1;
let attrS1 = -1;
let attrT0 = -1;
let attrT1 = -1;

/** Finds the one-letter attributes r, s, t of the start tag between `from` and `gt`. */
function scanAttrs(xml: string, from: number, gt: number): void {
  attrR0 = attrR1 = attrS0 = attrS1 = attrT0 = attrT1 = -1;
  let i = from;
  while (i < gt) {
    let ch = xml.charCodeAt(i);
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < gt && (ch = xml.charCodeAt(i)) !== EQ && !isSpace(ch)) i++;
    const nameEnd = i;
    while (i < gt && xml.charCodeAt(i) !== EQ) i++;
    i++;
    while (i < gt && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== QUOTE && quote !== APOS) {
      i++;
      continue;
    }
    const valueStart = i + 1;
    let valueEnd = xml.indexOf(quote === QUOTE ? '"' : "'", valueStart);
    if (valueEnd < 0) valueEnd = gt;
    i = valueEnd + 1;
    if (nameEnd - nameStart !== 1) continue;
    noteAttr(xml.charCodeAt(nameStart), valueStart, valueEnd);
  }
}

/** Notes the value [start, end) of attribute r, s or t (by its name's code); false for any other name. */
function noteAttr(name: number, start: number, end: number): boolean {
  if (name === 114 /* r */) {
    attrR0 = start;
    attrR1 = end;
  } else if (name === 115 /* s */) {
    attrS0 = start;
    attrS1 = end;
  } else if (name === 116 /* t */) {
    attrT0 = start;
    attrT1 = end;
  } else return false;
  return true;
}

/**
 * scanAttrs for a start tag written the usual way (each attribute one space, a one-letter name
 * r, s or t, `="`, a value without `"`): false, with nothing to rely on, for any other, which
 * scanAttrs then reads. Most cells of a sheet take this: no loop over the names' characters.
 */
function scanCellAttrs(xml: string, from: number, gt: number): boolean {
  attrR0 = attrR1 = attrS0 = attrS1 = attrT0 = attrT1 = -1;
  let i = from;
  while (i < gt) {
    if (xml.charCodeAt(i) !== 32 || xml.charCodeAt(i + 2) !== EQ || xml.charCodeAt(i + 3) !== QUOTE) return false;
    const name = xml.charCodeAt(i + 1);
    const v0 = i + 4;
    const v1 = xml.indexOf('"', v0);
    if (v1 < 0 || v1 >= gt) return false;
    if (!noteAttr(name, v0, v1)) return false;
    i = v1 + 1;
  }
  return true;
}

/** The first `<` from `from` (a cell's value is a few characters: a loop, not a search); -1 if none. */
function valueEnd(xml: string, from: number): number {
  const n = xml.length;
  for (let i = from; i < n; i++) if (xml.charCodeAt(i) === LT) return i;
  return -1;
}

/** Whether `</v></c>` starts at `at`. */
function isValueCellEnd(xml: string, at: number): boolean {
  return (
    xml.charCodeAt(at + 1) === SLASH &&
    xml.charCodeAt(at + 2) === 118 /* v */ &&
    xml.charCodeAt(at + 3) === GT &&
    xml.charCodeAt(at + 4) === LT &&
    xml.charCodeAt(at + 5) === SLASH &&
    xml.charCodeAt(at + 6) === 99 /* c */ &&
    xml.charCodeAt(at + 7) === GT
  );
}

/** parseInt of a decimal run (NaN when it does not start with a digit), without slicing. */
function intAt(xml: string, start: number, end: number): number {
  let i = start;
  while (i < end && isSpace(xml.charCodeAt(i))) i++;
  let sign = 1;
  const first = xml.charCodeAt(i);
  if (first === 45 /* - */ || first === 43 /* + */) {
    if (first === 45) sign = -1;
    i++;
  }
  let n = 0;
  let digits = 0;
  for (; i < end; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
    digits++;
  }
  return digits === 0 ? NaN : sign * n;
}

/** The 1-based column of an A1 reference's letters (0 when it has none). */
function columnAt(xml: string, start: number, end: number): number {
  let col = 0;
  for (let i = start; i < end; i++) {
    let ch = xml.charCodeAt(i);
    if (ch === 36 /* $ */) continue;
    if (ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  return col;
}

/** Row and column (1-based) of an A1 reference like `B7` or `$B$7`; null when it is not one. */
function decodeRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnAt(m[1], 0, m[1].length) };
}

/** `A1:B2` (or one cell) as 1-based bounds. */
function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b = a] = ref.split(':');
  const p = decodeRef(a);
  const q = decodeRef(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

// ---------------------------------------------------------------------------------------------
// Strings

/**
 * Element text as an XML parser hands it over: line ends normalized (a raw CR LF or CR is LF; a
 * CR written `&#13;` or `_x000D_` stays), then entities and `_xHHHH_` escapes decoded.
 */
function xmlText(raw: string): string {
  return decodeOoxmlText(raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n'));
}

/** Set by stringItem: whether the item had a rich-text run (`<r>`), and whether it had any `<t>`. */
let itemHadRun = false;
let itemHadText = false;

/**
 * The text of a string item (`<si>` or `<is>` content between `start` and `end`): its `<t>`
 * elements (plain, or one per rich-text run) decoded and joined, phonetic runs (`<rPh>`) left out.
 */
function stringItem(xml: string, start: number, end: number): string {
  itemHadRun = false;
  itemHadText = false;
  // The common case: <t>text</t> or <t xml:space="preserve">text</t> and nothing else.
  if (xml.charCodeAt(start) === LT && isTag(xml, start, 't')) {
    const gt = xml.indexOf('>', start);
    if (xml.charCodeAt(gt - 1) !== SLASH) {
      const close = xml.indexOf('</t>', gt);
      if (close >= 0 && close + 4 === end) {
        itemHadText = close > gt + 1;
        return xmlText(xml.slice(gt + 1, close));
      }
    }
  }
  let text = '';
  let pos = start;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0 || lt >= end) break;
    const gt = tagEnd(xml, lt);
    const selfClosing = xml.charCodeAt(gt - 1) === SLASH;
    if (isTag(xml, lt, 't')) {
      pos = gt + 1;
      if (selfClosing) continue;
      const close = xml.indexOf('</t>', gt);
      if (close < 0 || close > end) break;
      if (close > gt + 1) {
        itemHadText = true;
        text += xmlText(xml.slice(gt + 1, close));
      }
      pos = close + 4;
    } else if (isTag(xml, lt, 'rPh')) {
      const close = selfClosing ? gt : xml.indexOf('</rPh>', gt);
      pos = close < 0 ? end : close + 1;
    } else {
      if (isTag(xml, lt, 'r')) itemHadRun = true;
      pos = gt + 1;
    }
  }
  return text;
}

/** The shared strings (`xl/sharedStrings.xml`) in order, rich text joined, phonetic runs left out. */
export function parseSharedStrings(xml: string | null): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf('<si', pos);
    if (lt < 0) break;
    const after = xml.charCodeAt(lt + 3);
    if (after !== GT && after !== SLASH && !isSpace(after)) {
      pos = lt + 3;
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (xml.charCodeAt(gt - 1) === SLASH) {
      out.push('');
      pos = gt + 1;
      continue;
    }
    const close = xml.indexOf('</si>', gt);
    if (close < 0) break;
    out.push(stringItem(xml, gt + 1, close));
    pos = close + 5;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Styles and workbook

const NO_FORMATS: StyleFormats = { formatOf: () => null, isDate: () => false };

/** The number format of each cell style in `xl/styles.xml` (null: the workbook has none). */
export function parseStyleFormats(stylesXml: string | null): StyleFormats {
  if (!stylesXml) return NO_FORMATS;
  const xml = stylesXml;
  const custom = new Map<number, string>();
  const numFmtsAt = xml.indexOf('<numFmts');
  if (numFmtsAt >= 0) {
    const end = xml.indexOf('</numFmts>', numFmtsAt);
    let pos = numFmtsAt + 8;
    for (;;) {
      const lt = xml.indexOf('<numFmt', pos);
      if (lt < 0 || (end >= 0 && lt > end)) break;
      const gt = quotedTagEnd(xml, lt);
      pos = gt + 1;
      if (!isTag(xml, lt, 'numFmt')) continue;
      const tag = xml.slice(lt, gt + 1);
      const id = parseInt(attr(tag, 'numFmtId') ?? '', 10);
      const code = attr(tag, 'formatCode');
      // exceljs (numfmt-xform.js) drops format-code backslash escapes: `0\ "đ"` → `0 "đ"`.
      if (code !== null) custom.set(id, code.replace(/[\\](.)/g, '$1'));
    }
  }
  const formats: (string | null)[] = [];
  const cellXfsAt = xml.indexOf('<cellXfs');
  if (cellXfsAt >= 0) {
    const end = xml.indexOf('</cellXfs>', cellXfsAt);
    let pos = tagEnd(xml, cellXfsAt) + 1;
    for (;;) {
      const lt = xml.indexOf('<xf', pos);
      if (lt < 0 || end < 0 || lt > end) break;
      const gt = tagEnd(xml, lt);
      pos = gt + 1;
      if (!isTag(xml, lt, 'xf')) continue;
      const id = parseInt(attr(xml.slice(lt, gt + 1), 'numFmtId') ?? '', 10);
      // exceljs: `if (style.numFmtId)`, then the custom code, else the built-in one, if any.
      formats.push(id ? custom.get(id) || BUILT_IN_FORMATS[id] || null : null);
    }
  }
  const dates = formats.map(isDateFormat);
  return {
    // exceljs gives a cell a style only when `s` is truthy: style 0 never has a number format.
    formatOf: (i) => (i ? (formats[i] ?? null) : null),
    isDate: (i) => (i ? (dates[i] ?? false) : false),
  };
}

/** Whether the workbook (`xl/workbook.xml`) counts dates from 1904 (exceljs: `date1904="1"` only). */
export function isDate1904(workbookXml: string): boolean {
  let at = workbookXml.indexOf('<workbookPr');
  while (at >= 0 && !isTag(workbookXml, at, 'workbookPr')) at = workbookXml.indexOf('<workbookPr', at + 1);
  if (at < 0) return false;
  return attr(workbookXml.slice(at, quotedTagEnd(workbookXml, at) + 1), 'date1904') === '1';
}

// ---------------------------------------------------------------------------------------------
// Values

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

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * A number as exceljs reads `<v>`: parseFloat. Plain decimals of up to 15 digits are read without
 * slicing: the digits as an exact integer divided by an exact power of ten is one correctly rounded
 * operation, so it is the same double parseFloat gives (Clinger's fast path).
 */
function numberAt(xml: string, start: number, end: number): number {
  let i = start;
  const neg = xml.charCodeAt(i) === 45;
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let frac = 0;
  let dot = false;
  for (; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (dot) frac++;
    } else if (c === 46 && !dot) dot = true;
    else break;
  }
  if (i === end && digits > 0 && digits <= 15) {
    const v = frac === 0 ? m : m / POW10[frac];
    return neg ? -v : v;
  }
  return parseFloat(xml.slice(start, end));
}

// Cell type codes from `t`.
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

function typeAt(xml: string, start: number, end: number): number {
  const len = end - start;
  const c0 = xml.charCodeAt(start);
  if (len === 1) {
    if (c0 === 115) return T_SHARED; // s
    if (c0 === 98) return T_BOOL; // b
    if (c0 === 101) return T_ERROR; // e
    if (c0 === 100) return T_DATE; // d
    return T_NUMBER;
  }
  if (len === 3 && xml.startsWith('str', start)) return T_STR;
  if (len === 9 && xml.startsWith('inlineStr', start)) return T_INLINE;
  return T_NUMBER;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A worksheet's cells (`xl/worksheets/sheetN.xml`) as the engine's grid and their number formats.
 * `sharedStrings` from parseSharedStrings, `styles` from parseStyleFormats.
 */
export function readSheetXml(xml: string, sharedStrings: readonly string[], styles: StyleFormats, options: ReadSheetOptions = {}): SheetGrid {
  const date1904 = options.date1904 === true;
  const maxRows = options.maxRows ?? Infinity;

  const dataAt = xml.indexOf('<sheetData');
  const dataOpenEnd = dataAt < 0 ? -1 : tagEnd(xml, dataAt);
  const selfClosed = dataAt >= 0 && xml.charCodeAt(dataOpenEnd - 1) === SLASH;
  const dataEnd = dataAt < 0 || selfClosed ? -1 : xml.lastIndexOf('</sheetData>');
  const tailFrom = dataEnd >= 0 ? dataEnd : dataOpenEnd >= 0 ? dataOpenEnd : 0;

  // What follows the cells and changes them: merges, and external hyperlinks (exceljs makes a cell
  // holding one a hyperlink cell, which counts as a value for the grid's width).
  const merges = readMerges(xml, tailFrom, maxRows);
  const links = readLinks(xml, tailFrom);
  let mastersByRow: Map<number, number[]> | null = null;
  if (merges.length > 0) {
    mastersByRow = new Map();
    for (const m of merges) {
      const list = mastersByRow.get(m.top);
      if (list) list.push(m.left);
      else mastersByRow.set(m.top, [m.left]);
    }
  }
  const createdMasters = new Set<number>();
  const rowStyles = new Map<number, number>();

  const grid: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const hasValues: boolean[] = [];
  let rowCount = 0;

  if (dataEnd >= 0) {
    let pos = dataOpenEnd + 1;
    let rowNumber = 0;
    let values: CellValue[] = [];
    let fmts: (string | null)[] = [];
    let rowHasValue = false;
    let inRow = false;
    let col = 0;
    let rowMasters: number[] | undefined;
    for (;;) {
      // Cells and rows follow each other with nothing between: no search for the next tag.
      const lt = xml.charCodeAt(pos) === LT ? pos : xml.indexOf('<', pos);
      if (lt < 0 || lt >= dataEnd) break;
      const c1 = xml.charCodeAt(lt + 1);
      if (c1 === 99 /* c */ && inRow) {
        const c2 = xml.charCodeAt(lt + 2);
        if (c2 !== 32 && c2 !== GT && c2 !== SLASH && !isSpace(c2)) {
          pos = lt + 2;
          continue;
        }
        const gt = tagEnd(xml, lt);
        const attrsEnd = xml.charCodeAt(gt - 1) === SLASH ? gt - 1 : gt;
        if (!scanCellAttrs(xml, lt + 2, attrsEnd)) scanAttrs(xml, lt + 2, attrsEnd);
        const hasRef = attrR0 >= 0;
        col = hasRef ? columnAt(xml, attrR0, attrR1) || col + 1 : col + 1;
        const style = attrS0 >= 0 ? intAt(xml, attrS0, attrS1) : 0;
        const type = attrT0 >= 0 ? typeAt(xml, attrT0, attrT1) : T_NUMBER;
        // The cell's content: <f>, <v>, <is>.
        let formula = false;
        let v0 = -1;
        let v1 = -1;
        let isFrom = -1;
        let isTo = -1;
        const selfClosing = xml.charCodeAt(gt - 1) === SLASH;
        // The common case: <c ...><v>text</v></c>; `close`: where its text ends.
        const close = !selfClosing && xml.charCodeAt(gt + 1) === LT && xml.charCodeAt(gt + 2) === 118 /* v */ && xml.charCodeAt(gt + 3) === GT ? valueEnd(xml, gt + 4) : -1;
        if (selfClosing) {
          pos = gt + 1;
        } else if (close >= 0 && isValueCellEnd(xml, close)) {
          if (close > gt + 4) {
            v0 = gt + 4;
            v1 = close;
          }
          pos = close + 8;
        } else {
          const cellEnd = xml.indexOf('</c>', gt);
          const end = cellEnd < 0 ? dataEnd : cellEnd;
          let p = gt + 1;
          for (;;) {
            const clt = xml.indexOf('<', p);
            if (clt < 0 || clt >= end) break;
            const ch = xml.charCodeAt(clt + 1);
            const cgt = tagEnd(xml, clt);
            const empty = xml.charCodeAt(cgt - 1) === SLASH;
            if (ch === 118 /* v */ && isTag(xml, clt, 'v')) {
              if (empty) {
                p = cgt + 1;
                continue;
              }
              const close = xml.indexOf('</v>', cgt);
              if (close < 0 || close > end) break;
              if (close > cgt + 1) {
                v0 = cgt + 1;
                v1 = close;
              }
              p = close + 4;
            } else if (ch === 102 /* f */ && isTag(xml, clt, 'f')) {
              scanAttrs(xml, clt + 2, empty ? cgt - 1 : cgt);
              if (attrT0 >= 0) formula = true;
              if (empty) {
                p = cgt + 1;
                continue;
              }
              const close = xml.indexOf('</f>', cgt);
              if (close < 0 || close > end) break;
              if (close > cgt + 1) formula = true;
              p = close + 4;
            } else if (ch === 105 /* i */ && isTag(xml, clt, 'is')) {
              if (empty) {
                p = cgt + 1;
                continue;
              }
              const close = xml.indexOf('</is>', cgt);
              if (close < 0 || close > end) break;
              isFrom = cgt + 1;
              isTo = close;
              p = close + 5;
            } else {
              p = cgt + 1;
            }
          }
          pos = cellEnd < 0 ? dataEnd : cellEnd + 4;
        }

        // The value, as exceljs's cell-xform parseClose + reconcile, then toCellValue.
        let value: CellValue = null;
        let present = true; // exceljs: the cell has a value (or is a formula)
        if (formula) {
          if (v0 >= 0) {
            let result: CellValue;
            if (type === T_STR) result = xmlText(xml.slice(v0, v1));
            else if (type === T_BOOL) result = intAt(xml, v0, v1) !== 0;
            else if (type === T_ERROR) result = decodeEntities(xml.slice(v0, v1));
            else result = numberAt(xml, v0, v1);
            if (style !== 0 && styles.isDate(style)) {
              // exceljs converts whatever result it has: `v - 25569` (a string coerced, an error NaN).
              result = serialToIso(type === T_ERROR ? NaN : Number(result), date1904);
            }
            value = result;
          }
        } else if (type === T_INLINE && isFrom >= 0) {
          const text = stringItem(xml, isFrom, isTo);
          if (itemHadRun || itemHadText) value = text;
          else if (v0 >= 0) value = xmlText(xml.slice(v0, v1));
          else present = false;
        } else if (v0 < 0) {
          present = false;
        } else if (type === T_NUMBER) {
          const n = numberAt(xml, v0, v1);
          value = style !== 0 && styles.isDate(style) ? serialToIso(n, date1904) : n;
        } else if (type === T_SHARED) {
          value = sharedStrings[intAt(xml, v0, v1)] ?? null;
        } else if (type === T_STR || type === T_INLINE) {
          value = xmlText(xml.slice(v0, v1));
        } else if (type === T_BOOL) {
          value = intAt(xml, v0, v1) !== 0;
        } else if (type === T_ERROR) {
          value = decodeEntities(xml.slice(v0, v1));
        } else {
          value = isoDateText(decodeEntities(xml.slice(v0, v1)));
        }

        // exceljs creates the cell when it has a value, a style other than 0, or an external link.
        const linked = links !== null && hasRef && links.has(rowNumber * 16384 + col);
        if (present || linked || (style !== 0 && !Number.isNaN(style))) {
          while (values.length < col - 1) {
            values.push(null);
            fmts.push(null);
          }
          const fmt = style !== 0 && !Number.isNaN(style) ? styles.formatOf(style) : null;
          if (values.length === col - 1) {
            values.push(value);
            fmts.push(fmt);
          } else {
            values[col - 1] = value;
            fmts[col - 1] = fmt;
          }
          if (present || linked) rowHasValue = true;
          if (rowMasters !== undefined && rowMasters.includes(col)) createdMasters.add(rowNumber * 16384 + col);
        }
        continue;
      }
      if (c1 === 114 /* r */ && isTag(xml, lt, 'row')) {
        // exceljs's XML parser stops here too; the writer could not splice such a row.
        if (inRow) throw new MalformedPartError(`worksheet part: row ${rowNumber} is not closed`);
        const gt = tagEnd(xml, lt);
        const empty = xml.charCodeAt(gt - 1) === SLASH;
        scanAttrs(xml, lt + 4, empty ? gt - 1 : gt);
        const n = attrR0 >= 0 ? intAt(xml, attrR0, attrR1) : NaN;
        rowNumber = Number.isNaN(n) ? rowNumber + 1 : n;
        if (rowNumber > maxRows) {
          // The sheet goes on past the rows asked for: they are all in the grid.
          rowCount = maxRows;
          break;
        }
        if (mastersByRow !== null && attrS0 >= 0) {
          const s = intAt(xml, attrS0, attrS1);
          if (s) rowStyles.set(rowNumber, s);
        }
        // A row number written twice: exceljs keeps the later row only.
        values = [];
        fmts = [];
        grid[rowNumber - 1] = values;
        formats[rowNumber - 1] = fmts;
        hasValues[rowNumber - 1] = false;
        if (rowNumber > rowCount) rowCount = rowNumber;
        rowMasters = mastersByRow?.get(rowNumber);
        col = 0;
        rowHasValue = false;
        inRow = !empty;
        pos = gt + 1;
        continue;
      }
      if (c1 === SLASH && xml.startsWith('row>', lt + 2)) {
        hasValues[rowNumber - 1] = rowHasValue;
        inRow = false;
        pos = lt + 6;
        continue;
      }
      pos = tagEnd(xml, lt) + 1;
    }
    if (inRow) throw new MalformedPartError(`worksheet part: row ${rowNumber} is not closed`);
  }

  // Merges: exceljs creates every cell of the range (the rows too); those but the top-left become
  // merge cells (a value, for the width) and read as empty; a top-left not in the XML is a new
  // cell with its row's or else its column's number format.
  let columnStyles: number[] | null = null;
  for (const m of merges) {
    const bottom = Math.min(m.bottom, maxRows);
    if (bottom > rowCount) rowCount = bottom;
    for (let r = m.top; r <= bottom; r++) {
      let values = grid[r - 1];
      let fmts = formats[r - 1];
      if (values === undefined) {
        values = grid[r - 1] = [];
        fmts = formats[r - 1] = [];
        hasValues[r - 1] = false;
      }
      while (values.length < m.right) {
        values.push(null);
        fmts.push(null);
      }
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) {
          if (!createdMasters.has(r * 16384 + c)) {
            columnStyles ??= readColumnStyles(xml, dataAt < 0 ? xml.length : dataAt);
            const rowStyle = rowStyles.get(r);
            values[c - 1] = null;
            fmts[c - 1] = (rowStyle ? styles.formatOf(rowStyle) : null) || (columnStyles[c] ? styles.formatOf(columnStyles[c]) : null);
          }
          continue;
        }
        values[c - 1] = null;
        fmts[c - 1] = null;
        hasValues[r - 1] = true;
      }
    }
  }

  const rows = Math.min(rowCount, maxRows);
  grid.length = rows;
  formats.length = rows;
  let width = 0;
  for (let r = 0; r < rows; r++) {
    if (grid[r] === undefined) {
      grid[r] = [];
      formats[r] = [];
    } else if (hasValues[r] && grid[r].length > width) width = grid[r].length;
  }
  for (let r = 0; r < rows; r++) {
    const values = grid[r];
    const fmts = formats[r];
    if (values.length > width) {
      values.length = width;
      fmts.length = width;
    }
    while (values.length < width) {
      values.push(null);
      fmts.push(null);
    }
  }
  return { grid, formats };
}

/** The sheet's `<mergeCell ref>` ranges (after `from`), those starting past maxRows left out. */
function readMerges(xml: string, from: number, maxRows: number): Merge[] {
  const out: Merge[] = [];
  const at = xml.indexOf('<mergeCells', from);
  if (at < 0) return out;
  const end = xml.indexOf('</mergeCells>', at);
  let pos = at + 11;
  for (;;) {
    const lt = xml.indexOf('<mergeCell', pos);
    if (lt < 0 || (end >= 0 && lt > end)) break;
    const gt = tagEnd(xml, lt);
    pos = gt + 1;
    if (!isTag(xml, lt, 'mergeCell')) continue;
    const ref = attr(xml.slice(lt, gt + 1), 'ref');
    const range = ref === null ? null : decodeRange(ref);
    if (range && range.top <= maxRows) out.push(range);
  }
  return out;
}

/** Cells (row * 16384 + column) holding an external hyperlink (`<hyperlink ref r:id>`), or null. */
function readLinks(xml: string, from: number): Set<number> | null {
  const at = xml.indexOf('<hyperlinks', from);
  if (at < 0) return null;
  const end = xml.indexOf('</hyperlinks>', at);
  const out = new Set<number>();
  let pos = at + 11;
  for (;;) {
    const lt = xml.indexOf('<hyperlink', pos);
    if (lt < 0 || (end >= 0 && lt > end)) break;
    const gt = tagEnd(xml, lt);
    pos = gt + 1;
    if (!isTag(xml, lt, 'hyperlink')) continue;
    const tag = xml.slice(lt, gt + 1);
    const ref = attr(tag, 'ref');
    if (attr(tag, 'r:id') === null || ref === null || ref.includes(':')) continue;
    const cell = decodeRef(ref);
    if (cell) out.add(cell.row * 16384 + cell.col);
  }
  return out.size > 0 ? out : null;
}

/** Each column's style index from `<cols>` (before `<sheetData>`), as exceljs's Column.fromModel assigns them. */
function readColumnStyles(xml: string, before: number): number[] {
  const out: number[] = [];
  const at = xml.indexOf('<cols', 0);
  if (at < 0 || at > before) return out;
  const end = xml.indexOf('</cols>', at);
  const cols: { min: number; max: number; style: number }[] = [];
  let pos = at + 5;
  for (;;) {
    const lt = xml.indexOf('<col', pos);
    if (lt < 0 || (end >= 0 && lt > end) || lt > before) break;
    const gt = tagEnd(xml, lt);
    pos = gt + 1;
    if (!isTag(xml, lt, 'col')) continue;
    const tag = xml.slice(lt, gt + 1);
    cols.push({ min: parseInt(attr(tag, 'min') ?? '', 10), max: parseInt(attr(tag, 'max') ?? '', 10), style: parseInt(attr(tag, 'style') ?? '0', 10) || 0 });
  }
  cols.sort((a, b) => a.min - b.min);
  let count = 1;
  for (const c of cols) {
    while (count < c.min) count++;
    while (count <= c.max && count <= 16384) out[count++] = c.style;
  }
  return out;
}
