/**
 * The report sheet in the CLI's output workbook: finds the sheet an earlier run made (by its
 * marker cells, see src/engine/report-sheet.ts), replaces it in place, or adds a new one under a name no
 * user sheet holds. A sheet without the marker is never touched. The sheet is written as
 * worksheet XML (src/cli/ooxml), each cell's look (the engine's REPORT_LOOK for its role) added to
 * the workbook's styles.
 */
import {
  MARKER_COLUMN,
  REPORT_BORDER_COLOR,
  REPORT_LOOK,
  REPORT_MARKER,
  columnLetter,
  defaultReportSheetName,
  isOurReport,
  pickReportSheetName,
  reportCellLook,
  reportLookKey,
  type Lang,
  type ReportCell,
  type ReportSheetModel,
} from '../engine';
import type { SheetRef, XlsxBook } from './ooxml/book';
import { ByteText } from './ooxml/byte-text';
import { cellXml, type CellWrite } from './ooxml/sheet-xml';
import type { Alignment, Look, StyleBook } from './ooxml/styles';

/** AZ1:AZ3 of a sheet as text (AZ4, the source sheet, matters to the add-in only). */
function markerOf(book: XlsxBook, sheet: SheetRef): string[] {
  const { grid } = book.head(sheet, 3);
  return [0, 1, 2].map((r) => {
    const v = grid[r]?.[MARKER_COLUMN] ?? null;
    return v === null ? '' : String(v);
  });
}

/** Whether the sheet carries the report marker at all (any year): not a scoring table to look into. */
export function isReportSheet(book: XlsxBook, sheet: SheetRef): boolean {
  const [tag, , name] = markerOf(book, sheet);
  return tag === REPORT_MARKER && name === sheet.name;
}

/** The report sheet of that year an earlier run made, or null. */
export function findReportSheet(book: XlsxBook, year: number): SheetRef | null {
  return book.sheets.find((ws) => isOurReport(markerOf(book, ws), year, ws.name)) ?? null;
}

export interface ReportSheetOutcome {
  sheet: string;
  /** An earlier run's sheet was replaced. */
  replaced: boolean;
  /** The default name was held by a user's sheet, so the report went under another. */
  nameTaken: string | null;
}

/** Excel's limit on a row's height, in points. */
export const MAX_ROW_HEIGHT = 409;
/** Points per wrapped line at the default 11 pt font. */
const LINE_HEIGHT = 15;
const DEFAULT_FONT_SIZE = 11;

/** Lines a text takes in a wrapped column `width` characters wide (a generous estimate: clipping is worse than space). */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.05));
  // Most cells fit on one line: no need to count characters.
  if (text.length <= perLine && text.indexOf('\n') < 0) return 1;
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(codePoints(line) / perLine)), 0);
}

/** Characters as a reader counts them (a surrogate pair is one). */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) n--;
    }
  }
  return n;
}

/** The engine's look of a report cell as a styles.xml look. */
function xlsxLook(cell: ReportCell): Look {
  const look = reportCellLook(cell);
  const alignment: Alignment = { vertical: look.vertical };
  if (look.horizontal !== 'general') alignment.horizontal = look.horizontal;
  if (look.wrap) alignment.wrapText = true;
  if (look.indent > 0) alignment.indent = look.indent;
  const out: Look = { numFmt: look.numberFormat, alignment };
  if (look.bold || look.size !== null) out.font = { ...(look.bold ? { bold: true } : {}), ...(look.size !== null ? { size: look.size } : {}) };
  if (look.fill !== null) out.fill = look.fill;
  if (look.border) out.border = REPORT_BORDER_COLOR;
  return out;
}

/** A row's cells as XML and the row's height in points (null: the default), the marker cell appended. */
function rowXml(i: number, cells: readonly ReportCell[], widths: readonly number[], styleOf: (cell: ReportCell) => number): { xml: string; height: number | null } {
  const write: CellWrite = { col: 0, style: 0, value: null };
  let xml = '';
  let height = LINE_HEIGHT;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    write.col = c;
    write.style = styleOf(cell);
    write.value = cell.value === '' ? null : cell.value;
    xml += cellXml(i, write);
    if (typeof cell.value !== 'string' || cell.value === '') continue;
    // A larger font fits fewer characters to a line, and each line is taller.
    const scale = (REPORT_LOOK[cell.role].size ?? DEFAULT_FONT_SIZE) / DEFAULT_FONT_SIZE;
    const lines = wrappedLines(cell.value, (widths[c] ?? 10) / scale);
    if (lines > 1) height = Math.max(height, lines * LINE_HEIGHT * scale + 2);
  }
  // Excel's tallest row is 409 points; a paragraph naming hundreds of units is longer, and scrolls in its cell.
  return { xml, height: height > LINE_HEIGHT ? Math.min(MAX_ROW_HEIGHT, height) : null };
}

/** The report sheet's worksheet XML, as UTF-8 bytes. */
function reportSheetXml(model: ReportSheetModel, name: string, styles: StyleBook): Buffer {
  // Looks by role and band: a few dozen in a report, each made into a style once.
  const memo = new Map<string, number>();
  const styleOf = (cell: ReportCell) => {
    const key = reportLookKey(cell);
    let s = memo.get(key);
    if (s === undefined) {
      s = styles.xf(xlsxLook(cell));
      memo.set(key, s);
    }
    return s;
  };
  const marker = model.marker(name);
  const rowCount = Math.max(model.rows.length, marker.length);
  const cols = model.columnWidths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`);
  cols.push(`<col min="${MARKER_COLUMN + 1}" max="${MARKER_COLUMN + 1}" width="9.140625" hidden="1"/>`);
  // Encoded as it is built: a 10^4-unit ranking table is 5 × 10^4 cells, never one string.
  const out = new ByteText(rowCount * 256 + 4096);
  out.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<dimension ref="A1:${columnLetter(MARKER_COLUMN)}${Math.max(1, rowCount)}"/>` +
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${cols.join('')}</cols>` +
      '<sheetData>',
  );
  for (let i = 0; i < rowCount; i++) {
    const { xml, height } = rowXml(i, model.rows[i] ?? [], model.columnWidths, styleOf);
    const markerXml = i < marker.length ? cellXml(i, { col: MARKER_COLUMN, style: styleOf({ value: marker[i], role: 'marker' }), value: marker[i] }) : '';
    if (xml === '' && markerXml === '') continue;
    const ht = height === null ? '' : ` ht="${height}" customHeight="1"`;
    out.push(`<row r="${i + 1}"${ht}>${xml}${markerXml}</row>`);
  }
  out.push('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return out.toBuffer();
}

/**
 * Writes the report sheet into the workbook: replaces this year's report sheet an earlier run
 * made (same position), else adds one at the end under the default name, or "… (2)" when a
 * user's sheet has it.
 */
export function writeReportSheet(book: XlsxBook, model: ReportSheetModel, year: number, lang: Lang): ReportSheetOutcome {
  const ours = findReportSheet(book, year);
  const base = defaultReportSheetName(year, lang);
  const existing = book.sheetNames;
  const name = pickReportSheetName(base, existing, ours?.name ?? null);
  const nameTaken = name === base ? null : base;
  const xml = reportSheetXml(model, name, book.styles);
  let sheet: SheetRef;
  if (ours) {
    book.replaceSheet(ours, name, xml);
    sheet = ours;
  } else sheet = book.addSheet(name, xml);
  // The sheet is final: it deflates on the thread pool beside the scoring sheet.
  book.compressAhead(sheet);
  return { sheet: name, replaced: ours !== null, nameTaken };
}
