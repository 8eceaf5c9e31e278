/**
 * The scoring sheet's side of the headless scorer: where the output block would land, and the
 * output block written into the sheet's XML (src/cli/ooxml): headers on the header row, the max
 * row's cells styled like its name cell, one row per unit. No scoring happens here.
 */
import { BAND_FILL, INDEX_NUMBER_FORMAT, OUTPUT_COLUMN_COUNT, cellAddress, isOwnOutputRow, type CellValue, type Layout, type OutputBlock, type RuleSet } from '../engine';
import type { SheetRef, XlsxBook } from './ooxml/book';
import { editRows, setColumns, widenDimension, type CellWrite } from './ooxml/sheet-xml';
import type { Look } from './ooxml/styles';

export type { SheetGrid } from './ooxml/read';

/** Widths of the four output columns (index, rank, band, note), in characters. */
export const OUTPUT_COLUMN_WIDTHS = [11, 9, 28, 70];

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The A1 addresses of non-empty cells where a first run would write (the input has something right of the table). */
export function occupiedTargetCells(grid: readonly (readonly CellValue[])[], layout: Layout): string[] {
  if (layout.outputCol !== null) return [];
  const out: string[] = [];
  for (let r = layout.headerRow; r < layout.endRow; r++) {
    for (let i = 0; i < OUTPUT_COLUMN_COUNT; i++) {
      const c = layout.outputTargetCol + i;
      if (!isBlank(grid[r]?.[c])) out.push(cellAddress(r + 1, c));
    }
  }
  return out;
}

/**
 * Writes the output block into the scoring sheet: headers on the header row (the name header's
 * look, centred and wrapped), the max row's cells emptied in the max row's look, one row per unit
 * (the name cell's font and border; the index as the exact fraction shown 0.00%, the band on its
 * band's fill), at the previous run's columns when there are some or right of the input columns.
 * Rows an earlier, longer run left right below are cleared in these columns only: rows that look
 * exactly like output of `rules` (isOwnOutputRow), up to the first that does not. On a first run
 * a cell in these columns that holds anything (a formula whose result is empty, say) stops the
 * write (OccupiedCellError). Text cells are strings, never formulas.
 */
export function writeOutputBlock(book: XlsxBook, sheet: SheetRef, grid: readonly (readonly CellValue[])[], layout: Layout, block: OutputBlock, rules: RuleSet): void {
  const first = layout.outputCol ?? layout.outputTargetCol;
  const last = first + OUTPUT_COLUMN_COUNT - 1;
  const styles = book.styles;
  const look = (l: Look) => styles.xf(l);

  const edits = new Map<number, (styleAt: (col: number) => number) => CellWrite[]>();
  edits.set(layout.headerRow, (styleAt) => {
    const style = look({ from: styleAt(layout.nameCol), whole: true, alignment: { wrapText: true, vertical: 'center', horizontal: 'center' } });
    return block.headers.map((h, i) => ({ col: first + i, style, value: h }));
  });
  edits.set(layout.maxRow, (styleAt) => {
    const style = look({ from: styleAt(layout.nameCol), whole: true });
    return [0, 1, 2, 3].map((i) => ({ col: first + i, style, value: null }));
  });
  // The four looks of a unit row, by the name cell's look and the band: a handful in a workbook.
  const unitLooks = new Map<string, number[]>();
  const unitStyles = (from: number, bandCode: string): number[] => {
    const key = `${from}|${bandCode}`;
    let styles = unitLooks.get(key);
    if (!styles) {
      const fill = BAND_FILL[bandCode];
      styles = [
        look({ from, numFmt: INDEX_NUMBER_FORMAT, alignment: { horizontal: 'right', vertical: 'top' } }),
        look({ from, alignment: { horizontal: 'center', vertical: 'top' } }),
        look({ from, alignment: { vertical: 'top', wrapText: true }, ...(fill ? { fill } : {}) }),
        look({ from, alignment: { vertical: 'top', wrapText: true } }),
      ];
      unitLooks.set(key, styles);
    }
    return styles;
  };
  block.rows.forEach((values, k) => {
    edits.set(layout.firstUnitRow + k, (styleAt) => {
      const styles = unitStyles(styleAt(layout.nameCol), block.bands[k]);
      const [index, rank, band, note] = values;
      return [
        { col: first, style: styles[0], value: index },
        { col: first + 1, style: styles[1], value: rank },
        { col: first + 2, style: styles[2], value: band },
        { col: first + 3, style: styles[3], value: note === '' ? null : note },
      ];
    });
  });
  // A previous run may have had more units: clear its rows left right below, in these columns
  // only, stopping at the first row that is not one of ours (a signature, a note typed there).
  if (layout.outputCol !== null) {
    for (let r = layout.firstUnitRow + block.rows.length; r < grid.length; r++) {
      const cells = [0, 1, 2, 3].map((i) => grid[r]?.[first + i] ?? null);
      if (!isOwnOutputRow(cells, rules)) break;
      edits.set(r, () => []);
    }
  }

  const rows = [...edits.keys()].sort((a, b) => a - b);
  // Column widths and the dimension live before the rows: that head is edited on its own.
  const editHead = (head: string) => widenDimension(setColumns(head, new Map(OUTPUT_COLUMN_WIDTHS.map((width, i) => [first + i, { width }]))), last, layout.firstUnitRow + block.rows.length - 1);
  const options = { from: first, to: last, mustBeEmpty: layout.outputCol === null, editHead };
  const editOf = (row0: number, styleAt: (col: number) => number) => (edits.get(row0) as (s: typeof styleAt) => CellWrite[])(styleAt);
  book.setSheetXml(sheet, editRows(book.sheetXml(sheet), rows, options, editOf));
}
