/**
 * The guards of an output write, as pure functions over a plain grid, so that the CLI and the
 * add-in give the same answer on the same workbook:
 *  - on a first run, the cells the block will cover (the header row to the last unit row, in the
 *    four target columns) must be empty; a cell below the table is not in the way;
 *  - on a re-run, the rows an earlier, longer run left right below the table are cleared, in the
 *    output columns only: rows that look exactly like output (isOwnOutputRow), up to the first
 *    that does not (a signature, a note typed there is left alone).
 * What counts as filled is decided once, in `isFilledCell`: anything but an empty cell. A cell
 * holding only spaces is filled: someone typed it, and the scorer never overwrites what it did
 * not write.
 */
import { cellAddress } from './address';
import type { Layout, Origin } from './layout';
import { OUTPUT_COLUMNS, OUTPUT_COLUMN_COUNT, isOutputHeader } from './output';
import type { CellValue, RuleSet } from './types';

type Grid = readonly (readonly (CellValue | undefined)[] | undefined)[];

/** Whether a cell holds anything (a string of spaces does; '' and null do not). */
export function isFilledCell(value: CellValue | undefined): boolean {
  return value !== null && value !== undefined && value !== '';
}

/**
 * Whether the four output cells of a row (index, rank, band, note, in that order) look exactly
 * like a row the scorer writes (each column's `isOwn` in OUTPUT_COLUMNS): the index a number
 * within 0..1 (or empty), the rank a positive integer, the band one of the rule set's band labels
 * (Vietnamese or English), the note anything. "Ký tên" under the note column, or an empty row,
 * is not an output row.
 */
export function isOwnOutputRow(cells: readonly (CellValue | undefined)[], rules: RuleSet): boolean {
  return OUTPUT_COLUMNS.every((col, i) => col.isOwn(cells[i], rules));
}

/** The grid column where the block goes: the earlier run's, else right of the input. */
export function outputColumn(layout: Pick<Layout, 'outputCol' | 'outputTargetCol'>): number {
  return layout.outputCol ?? layout.outputTargetCol;
}

/**
 * The grid column of an output block an earlier run wrote further right than the input's end
 * (the "write further right" choice, taken when cells right of the table were in use): its four
 * headers, exactly as the scorer writes them, in the header row, at or right of
 * layout.outputTargetCol. Null when there is none, or when the header reader already found the
 * block (layout.outputCol). A re-run replaces that block instead of writing a second copy.
 */
export function ownBlockFurtherRight(grid: Grid, layout: Layout): number | null {
  if (layout.outputCol !== null) return null;
  const header = grid[layout.headerRow] ?? [];
  for (let c = layout.outputTargetCol; c + OUTPUT_COLUMN_COUNT <= header.length; c++) {
    if (isOutputHeader(header.slice(c, c + OUTPUT_COLUMN_COUNT))) return c;
  }
  return null;
}

/** The layout with an earlier run's block further right taken as the output block (ownBlockFurtherRight). */
export function withOwnBlockFurtherRight(grid: Grid, layout: Layout): Layout {
  const col = ownBlockFurtherRight(grid, layout);
  return col === null ? layout : { ...layout, outputCol: col, outputTargetCol: col };
}

/** The filled cells of a block of values, as A1 addresses; `topLeft` is the block's first cell (1-based row, 0-based column). */
export function filledCells(values: Grid, topLeft: Origin): string[] {
  const out: string[] = [];
  values.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (isFilledCell(v)) out.push(cellAddress(topLeft.row + r, topLeft.col + c));
    }),
  );
  return out;
}

/**
 * The cells in the way of a first run: filled cells where the block will go (the header row to
 * the last unit row, four columns from the output target), as A1 addresses in the sheet (`origin`:
 * where the grid starts, 1-based row, 0-based column). None on a re-run: the block is ours.
 */
export function occupiedOutputCells(grid: Grid, layout: Layout, origin: Origin = { row: 1, col: 0 }): string[] {
  if (layout.outputCol !== null) return [];
  const col = outputColumn(layout);
  const block = grid
    .slice(layout.headerRow, layout.endRow)
    .map((row) => Array.from({ length: OUTPUT_COLUMN_COUNT }, (_, i) => row?.[col + i]));
  return filledCells(block, { row: origin.row + layout.headerRow, col: origin.col + col });
}

/**
 * One past the last row an earlier, longer run left right below the table (grid rows, from
 * layout.endRow): layout.endRow when there is none, or on a first run.
 */
export function earlierRunEnd(grid: Grid, layout: Layout, rules: RuleSet): number {
  if (layout.outputCol === null) return layout.endRow;
  const col = layout.outputCol;
  let r = layout.endRow;
  while (
    r < grid.length &&
    isOwnOutputRow(
      Array.from({ length: OUTPUT_COLUMN_COUNT }, (_, i) => grid[r]?.[col + i]),
      rules,
    )
  )
    r++;
  return r;
}

export interface OutputPlan {
  /** Grid column of the block's first column. */
  col: number;
  /** Grid rows the block covers: the header row to the last unit row (end exclusive). */
  firstRow: number;
  endRow: number;
  /** Rows from endRow to here were written by an earlier, longer run: cleared. */
  clearEnd: number;
  /** Cells in the way (A1, sheet coordinates): the write must not happen when there are any. */
  occupied: string[];
}

/** Everything a writer needs to decide before writing the block: where, what to clear, what stops it. */
export function planOutputWrite(
  grid: Grid,
  layout: Layout,
  rules: RuleSet,
  origin: Origin = { row: 1, col: 0 },
): OutputPlan {
  return {
    col: outputColumn(layout),
    firstRow: layout.headerRow,
    endRow: layout.endRow,
    clearEnd: earlierRunEnd(grid, layout, rules),
    occupied: occupiedOutputCells(grid, layout, origin),
  };
}
