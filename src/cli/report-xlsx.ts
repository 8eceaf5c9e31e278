/**
 * The report sheet in the CLI's output workbook: finds the sheet an earlier run made (by its
 * marker cells, see report-sheet.ts), replaces it in place, or adds a new one under a name no
 * user sheet holds. A sheet without the marker is never touched. The sheet is written as
 * worksheet XML (src/cli/ooxml), its looks added to the workbook's styles.
 */
import { BAND_FILL, columnLetter, type Lang, type ScoringResult } from '../engine';
import type { SheetRef, XlsxBook } from './ooxml/book';
import { ByteText } from './ooxml/byte-text';
import { cellXml, type CellWrite } from './ooxml/sheet-xml';
import type { Alignment, Look, StyleBook } from './ooxml/styles';
import {
  MARKER_COLUMN,
  REPORT_MARKER,
  defaultReportSheetName,
  isOurReport,
  pickReportSheetName,
  type ReportRow,
  type ReportSheetModel,
} from './report-sheet';

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

const BORDER = '#808080';
const HEADER_FILL = '#D9D9D9';
/** Excel's limit on a row's height, in points. */
export const MAX_ROW_HEIGHT = 409;
/** Points per wrapped line at the default 11 pt font. */
const LINE_HEIGHT = 15;

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

/** The look of a report cell. */
function cellLook(spec: ReportRow, c: number, value: ReportRow['cells'][number], bandCodes: Map<string, string>): Look {
  const table = spec.kind === 'tableRow' || spec.kind === 'tableTotal';
  const bandColumn = spec.cells.length === 3 ? 0 : 3; // band table: label; ranking table: band
  const code = table && c === bandColumn && typeof value === 'string' ? bandCodes.get(value) : undefined;
  const look: Look = { numFmt: spec.formats[c] ?? 'General' };
  const wrap = spec.kind !== 'tableRow' || typeof value === 'string';
  let alignment: Alignment = { vertical: 'top', ...(wrap ? { wrapText: true } : {}), ...(typeof value === 'number' ? { horizontal: 'right' as const } : {}) };
  switch (spec.kind) {
    case 'title':
      if (c === 0) look.font = { bold: true, size: 14 };
      break;
    case 'heading':
    case 'caption':
      if (c === 0) look.font = { bold: true };
      break;
    case 'bullet':
      if (c === 0) alignment = { ...alignment, indent: 1 };
      break;
    case 'tableHeader':
      look.font = { bold: true };
      look.fill = HEADER_FILL;
      look.border = BORDER;
      alignment = { vertical: 'center', horizontal: 'center', wrapText: true };
      break;
    case 'tableRow':
    case 'tableTotal':
      look.border = BORDER;
      if (spec.kind === 'tableTotal') look.font = { bold: true };
      if (code && BAND_FILL[code]) look.fill = BAND_FILL[code];
      break;
    default:
      break;
  }
  look.alignment = alignment;
  return look;
}

/** The report sheet's worksheet XML, as UTF-8 bytes. */
function reportSheetXml(model: ReportSheetModel, name: string, styles: StyleBook, bandCodes: Map<string, string>): Buffer {
  // Looks by row kind, column, value type, number format and band: a few dozen in a report.
  // Keyed by a number made of small ids for the kind, format and band: 5 × 10^4 cells would
  // otherwise build and hash as many key strings.
  const ids = new Map<string, number>();
  const idOf = (text: string) => {
    let id = ids.get(text);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(text, id);
    }
    return id;
  };
  const memo = new Map<number, number>();
  const styleOf = (spec: ReportRow, c: number, value: ReportRow['cells'][number]) => {
    const band = typeof value === 'string' ? bandCodes.get(value) : undefined;
    const key = (((idOf(spec.kind) * 1024 + c) * 2 + (typeof value === 'number' ? 1 : 0)) * 1024 + idOf(spec.formats[c] ?? '')) * 1024 + (band === undefined ? 0 : idOf(band));
    let s = memo.get(key);
    if (s === undefined) {
      s = styles.xf(cellLook(spec, c, value, bandCodes));
      memo.set(key, s);
    }
    return s;
  };
  const marker = model.marker(name);
  const markerStyle = styles.xf({ numFmt: '@' });
  const rowCount = Math.max(model.rows.length, marker.length);
  const cols = model.columnWidths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`);
  cols.push(`<col min="${MARKER_COLUMN + 1}" max="${MARKER_COLUMN + 1}" width="9.140625" hidden="1"/>`);
  // A row is written when it has a cell: a model row with cells, or a row of the marker.
  const anyRow = marker.length > 0 || model.rows.some((spec) => spec.cells.length > 0);
  const lastRow = anyRow ? Math.max(1, rowCount) : 1;
  // Encoded as it is built: a 10^4-unit ranking table is 5 × 10^4 cells, never one string.
  const rows = new ByteText(rowCount * 256 + 4096);
  rows.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<dimension ref="A1:${columnLetter(MARKER_COLUMN)}${lastRow}"/>` +
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${cols.join('')}</cols>` +
      '<sheetData>',
  );
  const cell: CellWrite = { col: 0, style: 0, value: null };
  for (let i = 0; i < rowCount; i++) {
    const spec = model.rows[i];
    let cells = '';
    let lines = 1;
    if (spec) {
      const titleScale = spec.kind === 'title' ? 11 / 14 : 1; // the title is set in 14 pt: fewer characters to a line
      for (let c = 0; c < spec.cells.length; c++) {
        const value = spec.cells[c];
        cell.col = c;
        cell.style = styleOf(spec, c, value);
        cell.value = value === '' ? null : value;
        cells += cellXml(i, cell);
        if (typeof value === 'string' && value !== '') lines = Math.max(lines, wrappedLines(value, (model.columnWidths[c] ?? 10) * titleScale));
      }
    }
    if (i < marker.length) {
      cell.col = MARKER_COLUMN;
      cell.style = markerStyle;
      cell.value = marker[i];
      cells += cellXml(i, cell);
    }
    if (cells === '') continue;
    // Excel's tallest row is 409 points; a paragraph naming hundreds of units is longer, and scrolls in its cell.
    const height = lines > 1 ? ` ht="${Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT * (spec?.kind === 'title' ? 14 / 11 : 1) + 2)}" customHeight="1"` : '';
    rows.push(`<row r="${i + 1}"${height}>${cells}</row>`);
  }
  rows.push('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return rows.toBuffer();
}

/**
 * Writes the report sheet into the workbook: replaces this year's report sheet an earlier run
 * made (same position), else adds one at the end under the default name, or "… (2)" when a
 * user's sheet has it.
 */
export function writeReportSheet(book: XlsxBook, model: ReportSheetModel, result: ScoringResult, year: number, lang: Lang): ReportSheetOutcome {
  const ours = findReportSheet(book, year);
  const base = defaultReportSheetName(year, lang);
  const existing = book.sheetNames;
  const name = pickReportSheetName(base, existing, ours?.name ?? null);
  const nameTaken = name === base ? null : base;
  const bandCodes = new Map(result.rules.bands.map((b) => [b.label[lang], b.code]));
  const xml = reportSheetXml(model, name, book.styles, bandCodes);
  let sheet: SheetRef;
  if (ours) {
    book.replaceSheet(ours, name, xml);
    sheet = ours;
  } else sheet = book.addSheet(name, xml);
  // The sheet is final: it deflates on the thread pool beside the scoring sheet.
  book.compressAhead(sheet);
  return { sheet: name, replaced: ours !== null, nameTaken };
}
