/**
 * The report sheet in the CLI's output workbook: finds the sheet an earlier run made (by its
 * marker cells, see src/engine/report-sheet.ts), replaces it in place, or adds a new one under a name no
 * user sheet holds. A sheet without the marker is never touched. The sheet is written as
 * worksheet XML (src/cli/ooxml), each cell's look (the engine's REPORT_LOOK for its role) added to
 * the workbook's styles.
 */
import {
  DEFAULT_FONT_SIZE,
  FIT_TO_PAGES,
  LINE_HEIGHT,
  MARKER_COLUMN,
  ND30_MARGINS_MM,
  PRINT_FONT,
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
  mmToInches,
  wrappedHeight,
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

/** The engine's look of a report cell as a styles.xml look. */
function xlsxLook(cell: ReportCell): Look {
  const look = reportCellLook(cell);
  const alignment: Alignment = { vertical: look.vertical };
  if (look.horizontal !== 'general') alignment.horizontal = look.horizontal;
  if (look.wrap) alignment.wrapText = true;
  if (look.indent > 0) alignment.indent = look.indent;
  // Every report cell in the administrative document's font (Decree 30/2020), as the add-in sets it.
  const out: Look = {
    numFmt: look.numberFormat,
    alignment,
    font: {
      name: PRINT_FONT,
      ...(look.bold ? { bold: true } : {}),
      ...(look.size !== null ? { size: look.size } : {}),
    },
  };
  if (look.fill !== null) out.fill = look.fill;
  if (look.border) out.border = REPORT_BORDER_COLOR;
  return out;
}

/** A row's cells as XML and the row's height in points (null: the default), the marker cell appended. */
function rowXml(
  i: number,
  cells: readonly ReportCell[],
  widths: readonly number[],
  styleOf: (cell: ReportCell) => number,
): { xml: string; height: number | null } {
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
    // Excel's tallest row is 409 points; a paragraph naming hundreds of units is longer, and scrolls in its cell.
    const needed = wrappedHeight(cell.value, widths[c] ?? 10, REPORT_LOOK[cell.role].size ?? DEFAULT_FONT_SIZE);
    if (needed !== null) height = Math.max(height, needed);
  }
  return { xml, height: height > LINE_HEIGHT ? height : null };
}

/** Inches as a page margin is written, to 0.1 mm or so. */
const inches = (mm: number) => String(Number(mmToInches(mm).toFixed(4)));

/**
 * The report sheet's page (issue 17, item 3; the values of src/engine/print-setup.ts, as the
 * add-in sets them): centred across the page, the Decree 30/2020 margins, A4 portrait, one page
 * wide and as many tall as it takes. CT_Worksheet's order: printOptions, pageMargins, pageSetup.
 */
const PAGE_SETUP_XML =
  '<printOptions horizontalCentered="1"/>' +
  `<pageMargins left="${inches(ND30_MARGINS_MM.left)}" right="${inches(ND30_MARGINS_MM.right)}" top="${inches(ND30_MARGINS_MM.top)}" bottom="${inches(ND30_MARGINS_MM.bottom)}" header="0.3" footer="0.3"/>` +
  // paperSize 9: A4.
  `<pageSetup paperSize="9" orientation="portrait" fitToWidth="${FIT_TO_PAGES.wide}" fitToHeight="${FIT_TO_PAGES.tall}"/>`;

/** The rows spanning the report's columns, merged (CT_Worksheet: mergeCells before printOptions). */
function mergeCellsXml(model: ReportSheetModel): string {
  const last = columnLetter(model.columnWidths.length - 1);
  const rows = model.spanRows.filter((r) => model.columnWidths.length > 1 && (model.rows[r]?.length ?? 0) > 0);
  if (rows.length === 0) return '';
  return `<mergeCells count="${rows.length}">${rows.map((r) => `<mergeCell ref="A${r + 1}:${last}${r + 1}"/>`).join('')}</mergeCells>`;
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
      // One page wide (fitToPage with pageSetup's fitToWidth/fitToHeight below).
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<dimension ref="A1:${columnLetter(MARKER_COLUMN)}${Math.max(1, rowCount)}"/>` +
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${cols.join('')}</cols>` +
      '<sheetData>',
  );
  // A row spanning the columns wraps its text in their whole width.
  const spanned = new Set(model.spanRows);
  const spanWidth = [model.columnWidths.reduce((a, b) => a + b, 0)];
  for (let i = 0; i < rowCount; i++) {
    const { xml, height } = rowXml(i, model.rows[i] ?? [], spanned.has(i) ? spanWidth : model.columnWidths, styleOf);
    const markerXml =
      i < marker.length
        ? cellXml(i, { col: MARKER_COLUMN, style: styleOf({ value: marker[i], role: 'marker' }), value: marker[i] })
        : '';
    if (xml === '' && markerXml === '') continue;
    const ht = height === null ? '' : ` ht="${height}" customHeight="1"`;
    out.push(`<row r="${i + 1}"${ht}>${xml}${markerXml}</row>`);
  }
  out.push(`</sheetData>${mergeCellsXml(model)}${PAGE_SETUP_XML}</worksheet>`);
  return out.toBuffer();
}

/**
 * Writes the report sheet into the workbook: replaces this year's report sheet an earlier run
 * made (same position), else adds one at the end under the default name, or "… (2)" when a
 * user's sheet has it.
 */
export function writeReportSheet(
  book: XlsxBook,
  model: ReportSheetModel,
  year: number,
  lang: Lang,
): ReportSheetOutcome {
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
  // Printed: the report's own columns, never the hidden marker column.
  book.setPrintArea(
    sheet,
    `A1:${columnLetter(Math.max(0, model.columnWidths.length - 1))}${Math.max(1, model.rows.length)}`,
  );
  // The sheet is final: it deflates on the thread pool beside the scoring sheet.
  book.compressAhead(sheet);
  return { sheet: name, replaced: ours !== null, nameTaken };
}
