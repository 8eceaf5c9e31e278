/**
 * The report sheet in the CLI's output workbook (exceljs): finds the sheet an earlier run made
 * (by its marker cells, see report-sheet.ts), replaces it in place, or adds a new one under a
 * name no user sheet holds. A sheet without the marker is never touched.
 */
import type ExcelJS from 'exceljs';
import { BAND_FILL, type Lang, type ScoringResult } from '../engine';
import {
  MARKER_COLUMN,
  REPORT_MARKER,
  defaultReportSheetName,
  isOurReport,
  pickReportSheetName,
  type ReportRow,
  type ReportSheetModel,
} from './report-sheet';
import { toCellValue } from './xlsx';

/** AZ1:AZ3 of a sheet as text (AZ4, the source sheet, matters to the add-in only). */
function markerOf(ws: ExcelJS.Worksheet): string[] {
  return [1, 2, 3].map((r) => {
    const v = toCellValue(ws.getRow(r).findCell(MARKER_COLUMN + 1)?.value ?? null);
    return v === null ? '' : String(v);
  });
}

/** Whether the sheet carries the report marker at all (any year): not a scoring table to look into. */
export function isReportSheet(ws: ExcelJS.Worksheet): boolean {
  const [tag, , name] = markerOf(ws);
  return tag === REPORT_MARKER && name === ws.name;
}

/** The report sheet of that year an earlier run made, or null. */
export function findReportSheet(wb: ExcelJS.Workbook, year: number): ExcelJS.Worksheet | null {
  return wb.worksheets.find((ws) => isOurReport(markerOf(ws), year, ws.name)) ?? null;
}

export interface ReportSheetOutcome {
  sheet: string;
  /** An earlier run's sheet was replaced. */
  replaced: boolean;
  /** The default name was held by a user's sheet, so the report went under another. */
  nameTaken: string | null;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFD9D9D9' } };
/** Points per wrapped line at the default 11 pt font. */
const LINE_HEIGHT = 15;

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Lines a text takes in a wrapped column `width` characters wide (a generous estimate: clipping is worse than space). */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.05));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / perLine)), 0);
}

/** The style of a report cell, built once per look and shared by every cell that has it (see shareStyles). */
function cellStyle(spec: ReportRow, c: number, value: ReportRow['cells'][number], bandCodes: Map<string, string>, looks: Map<string, Partial<ExcelJS.Style>>): Partial<ExcelJS.Style> {
  const table = spec.kind === 'tableRow' || spec.kind === 'tableTotal';
  const bandColumn = spec.cells.length === 3 ? 0 : 3; // band table: label; ranking table: band
  const code = table && c === bandColumn && typeof value === 'string' ? bandCodes.get(value) : undefined;
  const numFmt = spec.formats[c] ?? 'General';
  const key = `${spec.kind}|${c}|${typeof value}|${numFmt}|${code ?? ''}`;
  const known = looks.get(key);
  if (known) return known;
  const style: Partial<ExcelJS.Style> = { numFmt };
  const wrap = spec.kind !== 'tableRow' || typeof value === 'string';
  style.alignment = { vertical: 'top', wrapText: wrap, horizontal: typeof value === 'number' ? 'right' : undefined };
  switch (spec.kind) {
    case 'title':
      if (c === 0) style.font = { bold: true, size: 14 };
      break;
    case 'heading':
    case 'caption':
      if (c === 0) style.font = { bold: true };
      break;
    case 'bullet':
      if (c === 0) style.alignment = { ...style.alignment, indent: 1 };
      break;
    case 'tableHeader':
      style.font = { bold: true };
      style.fill = HEADER_FILL;
      style.border = BORDER;
      style.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      break;
    case 'tableRow':
    case 'tableTotal':
      style.border = BORDER;
      if (spec.kind === 'tableTotal') style.font = { bold: true };
      if (code && BAND_FILL[code]) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(BAND_FILL[code]) } };
      break;
    default:
      break;
  }
  looks.set(key, style);
  return style;
}

function styleRow(ws: ExcelJS.Worksheet, index: number, spec: ReportRow, model: ReportSheetModel, bandCodes: Map<string, string>, looks: Map<string, Partial<ExcelJS.Style>>): void {
  const row = ws.getRow(index + 1);
  if (spec.cells.length === 0) row.getCell(1); // a blank row is kept as an (empty) row of the sheet, as it always was
  let lines = 1;
  spec.cells.forEach((value, c) => {
    const cell = row.getCell(c + 1);
    cell.value = value === '' ? null : value;
    cell.style = cellStyle(spec, c, value, bandCodes, looks);
    // The title is set in 14 pt: fewer characters to a line.
    const width = (model.columnWidths[c] ?? 10) * (spec.kind === 'title' ? 11 / 14 : 1);
    if (typeof value === 'string' && value !== '') lines = Math.max(lines, wrappedLines(value, width));
  });
  if (lines > 1) row.height = lines * LINE_HEIGHT * (spec.kind === 'title' ? 14 / 11 : 1) + 2;
}

/**
 * Writes the report sheet into the workbook: replaces this year's report sheet an earlier run
 * made (same position), else adds one at the end under the default name, or "… (2)" when a
 * user's sheet has it.
 */
export function writeReportSheet(wb: ExcelJS.Workbook, model: ReportSheetModel, result: ScoringResult, year: number, lang: Lang): ReportSheetOutcome {
  const ours = findReportSheet(wb, year);
  const base = defaultReportSheetName(year, lang);
  const existing = wb.worksheets.map((ws) => ws.name);
  const name = pickReportSheetName(base, existing, ours?.name ?? null);
  const nameTaken = name === base ? null : base;
  // exceljs orders sheets by orderNo (not in its typings): the replacement takes the old one's place.
  type Ordered = ExcelJS.Worksheet & { orderNo: number };
  let orderNo: number | null = null;
  if (ours) {
    orderNo = (ours as Ordered).orderNo;
    wb.removeWorksheet(ours.id);
  }
  const ws = wb.addWorksheet(name);
  if (orderNo !== null) (ws as Ordered).orderNo = orderNo;

  model.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  const bandCodes = new Map(result.rules.bands.map((b) => [b.label[lang], b.code]));
  const looks = new Map<string, Partial<ExcelJS.Style>>();
  model.rows.forEach((spec, i) => styleRow(ws, i, spec, model, bandCodes, looks));

  const markerCol = ws.getColumn(MARKER_COLUMN + 1);
  model.marker(name).forEach((v, i) => {
    const cell = ws.getRow(i + 1).getCell(MARKER_COLUMN + 1);
    cell.value = v;
    cell.numFmt = '@';
  });
  markerCol.hidden = true;
  return { sheet: name, replaced: ours !== null, nameTaken };
}
