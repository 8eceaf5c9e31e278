/**
 * Print-ready output (issue 17, item 3), add-in side:
 * - the scoring sheet's print area, when the workbook has one, is extended over the output
 *   columns (else Excel prints the used range, which holds them already);
 * - rows whose notes wrap get their heights (autofitRows);
 * - the report sheet gets a page setup: A4 portrait, one page wide, the margins Decree 30/2020
 *   sets for administrative documents (top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman.
 * Page layout is ExcelApi 1.9: where the host lacks it, only the row heights are set. Every call
 * here only queues: the caller's next sync carries it (no round trip of its own).
 */
import { cellAddress, parseCellAddress } from '../engine';
import { supportsExcelApi } from './host';

/** Points per millimetre. */
const PT_PER_MM = 72 / 25.4;

/** Decree 30/2020/NĐ-CP, appendix I: margins of an administrative document, in millimetres (the low end of each range). */
export const ND30_MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

export interface Box {
  /** 1-based rows, 0-based columns, inclusive. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** "'Tổng hợp'!$A$1:$K$29" (or "A1:K29", or one cell) as a box; null when unreadable or several areas. */
export function boxOf(address: string): Box | null {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  if (local.includes(',')) return null;
  const [a, b = a] = local.replace(/\$/g, '').split(':');
  if (!/^[A-Z]+\d+$/.test(a) || !/^[A-Z]+\d+$/.test(b)) return null;
  const p = parseCellAddress(a);
  const q = parseCellAddress(b);
  return { top: Math.min(p.row, q.row), bottom: Math.max(p.row, q.row), left: Math.min(p.col, q.col), right: Math.max(p.col, q.col) };
}

export function addressOf(box: Box): string {
  return `${cellAddress(box.top, box.left)}:${cellAddress(box.bottom, box.right)}`;
}

/** The print area grown to cover `output`, or null when it covers it already (or is not one rectangle). */
export function extendedPrintArea(printArea: string, output: Box): string | null {
  const box = boxOf(printArea);
  if (!box) return null;
  const grown = { top: Math.min(box.top, output.top), bottom: Math.max(box.bottom, output.bottom), left: Math.min(box.left, output.left), right: Math.max(box.right, output.right) };
  return addressOf(grown) === addressOf(box) ? null : addressOf(grown);
}

/**
 * After the output block is queued: its rows' heights, and the print area over it. `printArea` is
 * the area read with the table (null: none, or the host cannot tell).
 */
export function queueScoringPrint(sheet: Excel.Worksheet, output: Box, printArea: string | null): void {
  sheet.getRange(addressOf({ ...output, left: 0 })).format.autofitRows();
  if (printArea === null || !supportsExcelApi('1.9')) return;
  const grown = extendedPrintArea(printArea, output);
  if (grown) sheet.pageLayout.setPrintArea(grown);
}

/** The report sheet's page setup (ExcelApi 1.9) and its font; `used` is the sheet's written block. */
export function queueReportPage(sheet: Excel.Worksheet, used: Box): void {
  sheet.getRange(addressOf(used)).format.font.name = 'Times New Roman';
  if (!supportsExcelApi('1.9')) return;
  const page = sheet.pageLayout;
  page.orientation = Excel.PageOrientation.portrait;
  page.paperSize = Excel.PaperType.a4;
  page.topMargin = ND30_MARGINS_MM.top * PT_PER_MM;
  page.bottomMargin = ND30_MARGINS_MM.bottom * PT_PER_MM;
  page.leftMargin = ND30_MARGINS_MM.left * PT_PER_MM;
  page.rightMargin = ND30_MARGINS_MM.right * PT_PER_MM;
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.setPrintArea(addressOf(used));
}

