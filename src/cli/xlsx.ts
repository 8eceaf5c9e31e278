/**
 * The scoring sheet's side of the headless scorer: where the output block would land, and the
 * output block written into the sheet's XML (src/cli/ooxml): headers on the header row, the max
 * row's cells styled like its name cell, one row per unit. No scoring happens here.
 */
import {
  BAND_FILL,
  OUTPUT_COLUMNS,
  OUTPUT_HEADER_LOOK,
  OUTPUT_UNIT_VERTICAL,
  planOutputWrite,
  unitRowsOf,
  type CellValue,
  type Layout,
  type OutputBlock,
  type OutputColumn,
  type OutputPlan,
  type RuleSet,
  extendedPrintArea,
  wrappedHeight,
} from '../engine';
import type { SheetRef, XlsxBook } from './ooxml/book';
import { editRows, setColumns, widenDimension, type CellWrite } from './ooxml/sheet-xml';
import type { Alignment, Look } from './ooxml/styles';

export type { SheetGrid } from './ooxml/read';

/** What the write of the block would do on this sheet: the engine's guards (occupied cells, rows to clear). */
export function outputPlan(grid: readonly (readonly CellValue[])[], layout: Layout, rules: RuleSet): OutputPlan {
  return planOutputWrite(grid, layout, rules);
}

/** A unit cell's look in `column` (the spec's), on top of the name cell's look `from`. */
function unitLook(from: number, column: OutputColumn, bandCode: string): Look {
  const alignment: Alignment = { vertical: OUTPUT_UNIT_VERTICAL };
  if (column.horizontal !== 'general') alignment.horizontal = column.horizontal;
  if (column.wrap) alignment.wrapText = true;
  const fill = column.fill === 'band' ? BAND_FILL[bandCode] : undefined;
  return { from, numFmt: column.numberFormat, alignment, ...(fill ? { fill } : {}) };
}

/**
 * Writes the output block into the scoring sheet: headers on the header row (the name header's
 * look with the spec's header look), the max row's cells emptied in the max row's look, one row
 * per unit (the name cell's font and border, each column's format, alignment and band fill from
 * the engine's OUTPUT_COLUMNS), at `plan.col`. Rows an earlier, longer run left (plan.clearEnd)
 * are cleared in these columns only. On a first run a cell in these columns that holds anything
 * the grid did not show (a formula whose result is empty, say) stops the write
 * (OccupiedCellError). Text cells are strings, never formulas. The caller checks plan.occupied first.
 */
export function writeOutputBlock(
  book: XlsxBook,
  sheet: SheetRef,
  layout: Layout,
  block: OutputBlock,
  plan: OutputPlan,
): void {
  const first = plan.col;
  const last = first + OUTPUT_COLUMNS.length - 1;
  const styles = book.styles;
  const look = (l: Look) => styles.xf(l);

  const edits = new Map<number, (styleAt: (col: number) => number) => CellWrite[]>();
  edits.set(layout.headerRow, (styleAt) => {
    const h = OUTPUT_HEADER_LOOK;
    const style = look({
      from: styleAt(layout.nameCol),
      whole: true,
      numFmt: h.numberFormat,
      font: { bold: h.bold },
      alignment: { wrapText: h.wrap, vertical: h.vertical, horizontal: h.horizontal },
    });
    return block.headers.map((text, i) => ({ col: first + i, style, value: text }));
  });
  // The rows under the header that are not units (the max row, a numbering row, block titles, subtotals): blank.
  for (let r = layout.headerRow + 1; r < layout.endRow; r++) {
    edits.set(r, (styleAt) => {
      const style = look({ from: styleAt(layout.nameCol), whole: true });
      return OUTPUT_COLUMNS.map((_, i) => ({ col: first + i, style, value: null }));
    });
  }
  // The looks of a unit row, by the name cell's look and the band: a handful in a workbook.
  const unitLooks = new Map<string, number[]>();
  const unitStyles = (from: number, bandCode: string): number[] => {
    const key = `${from}|${bandCode}`;
    let found = unitLooks.get(key);
    if (!found) {
      found = OUTPUT_COLUMNS.map((column) => look(unitLook(from, column, bandCode)));
      unitLooks.set(key, found);
    }
    return found;
  };
  const unitRows = unitRowsOf(layout);
  // The height each unit row needs for its wrapped text (the note), found as its cells are made.
  const heights = new Map<number, number>();
  block.rows.forEach((values, k) => {
    edits.set(unitRows[k], (styleAt) => {
      const rowStyles = unitStyles(styleAt(layout.nameCol), block.bands[k]);
      const height = wrappedRowHeight(values, (i) => styles.fontSize(rowStyles[i]));
      if (height !== null) heights.set(unitRows[k], height);
      return values.map((value, i) => ({ col: first + i, style: rowStyles[i], value: value === '' ? null : value }));
    });
  });
  // Rows an earlier, longer run left right below the table: cleared in these columns only.
  for (let r = layout.endRow; r < plan.clearEnd; r++) edits.set(r, () => []);

  const rows = [...edits.keys()].sort((a, b) => a - b);
  // Column widths and the dimension live before the rows: that head is edited on its own.
  const widths = new Map(OUTPUT_COLUMNS.map((column, i) => [first + i, { width: column.width }]));
  const editHead = (head: string) =>
    widenDimension(setColumns(head, widths), last, Math.max(layout.endRow, layout.headerRow + 1) - 1);
  const options = {
    from: first,
    to: last,
    mustBeEmpty: layout.outputCol === null,
    editHead,
    rowHeight: (row0: number) => heights.get(row0) ?? null,
  };
  const editOf = (row0: number, styleAt: (col: number) => number) =>
    (edits.get(row0) as (s: typeof styleAt) => CellWrite[])(styleAt);
  book.setSheetXml(sheet, editRows(book.sheetXml(sheet), rows, options, editOf));
  extendPrintArea(book, sheet, {
    top: layout.headerRow + 1,
    bottom: Math.max(layout.endRow, layout.headerRow + 1),
    left: first,
    right: last,
  });
}

/** The height a unit row needs for the text of the output's wrapping columns (null: one line is enough). */
function wrappedRowHeight(values: readonly CellValue[], fontSize: (i: number) => number): number | null {
  let height: number | null = null;
  OUTPUT_COLUMNS.forEach((column, i) => {
    const value = values[i];
    if (!column.wrap || typeof value !== 'string' || value === '') return;
    const needed = wrappedHeight(value, column.width, fontSize(i));
    if (needed !== null) height = Math.max(height ?? 0, needed);
  });
  return height;
}

/**
 * The sheet's print area, when the workbook names one, grown over the output block (issue 17,
 * item 3): else the printed page leaves out the results. A sheet without one prints its used
 * range, which holds them; a print area of several ranges is left as it is.
 */
function extendPrintArea(
  book: XlsxBook,
  sheet: SheetRef,
  output: { top: number; bottom: number; left: number; right: number },
): void {
  const area = book.printArea(sheet);
  const grown = area === null ? null : extendedPrintArea(area, output);
  if (grown !== null) book.setPrintArea(sheet, grown);
}
