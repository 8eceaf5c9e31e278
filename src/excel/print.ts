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
import {
  FIT_TO_PAGES,
  ND30_MARGINS_MM,
  PRINT_FONT,
  addressOf,
  extendedPrintArea,
  mmToPoints,
  type Box,
} from '../engine';
import { supportsExcelApi } from './host';

// The page setup's values and the print-area rule live in the engine (src/engine/print-setup.ts), shared with the CLI.
export { ND30_MARGINS_MM, addressOf, boxOf, extendedPrintArea, type Box } from '../engine';

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
  sheet.getRange(addressOf(used)).format.font.name = PRINT_FONT;
  if (!supportsExcelApi('1.9')) return;
  const page = sheet.pageLayout;
  page.orientation = Excel.PageOrientation.portrait;
  page.paperSize = Excel.PaperType.a4;
  page.topMargin = mmToPoints(ND30_MARGINS_MM.top);
  page.bottomMargin = mmToPoints(ND30_MARGINS_MM.bottom);
  page.leftMargin = mmToPoints(ND30_MARGINS_MM.left);
  page.rightMargin = mmToPoints(ND30_MARGINS_MM.right);
  page.zoom = { horizontalFitToPages: FIT_TO_PAGES.wide, verticalFitToPages: FIT_TO_PAGES.tall };
  page.setPrintArea(addressOf(used));
}
