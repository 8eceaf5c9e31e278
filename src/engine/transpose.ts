/**
 * Transposed tables (issue 15 item 6): units as columns, fields as rows, with a "Điểm tối đa"
 * column. Found here, and turned into the usual shape (a unit per row) by a pure function, with
 * the sheet cell of every turned cell kept, so every finding still names the cell the user sees.
 */
import { cellText } from './text';
import { foldHeader, headerRole, isMaxRowLabel, isSummaryText } from './header-words';
import type { CellValue } from './types';

type Grid = readonly (readonly CellValue[])[];

/** Where a transposed table is in its grid (0-based grid indexes). */
export interface Transposition {
  /** The row of the unit names (and of the "Điểm tối đa" title). */
  headerRow: number;
  /** The column of the field labels. */
  labelCol: number;
  /** The "Điểm tối đa" column. */
  maxCol: number;
  /** The rows of the fields (and of the other rows the table has: total, bonus, penalty), in order. */
  fieldRows: number[];
  /** The units' columns, in order. */
  unitCols: number[];
}

/** Starts of a unit's name (folded) as a column title of a transposed table. */
const UNIT_NAME_STARTS = ['xa ', 'phuong ', 'thi tran ', 'ubnd ', 'huyen ', 'thi xa ', 'thanh pho ', 'quan '];

/** The header the turned table's name column gets (it has none in the sheet). */
export const TURNED_NAME_HEADER = 'Tên đơn vị';
/** The label the turned table's max row gets when the sheet's "Điểm tối đa" cell is not one. */
const TURNED_MAX_LABEL = 'Điểm tối đa';

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * A transposed table in the first `rows` rows: a header row with a "Điểm tối đa" cell, a number
 * under it, and at least two unit names right of it ("Xã …", "Phường …"). Null if none.
 */
export function findTransposition(grid: Grid, rows: number): Transposition | null {
  for (let r = 0; r < rows; r++) {
    const row = grid[r] ?? [];
    const maxCol = row.findIndex((v) => isMaxRowLabel(foldHeader(cellText(v))));
    if (maxCol < 0) continue;
    const named = row.filter(
      (v, c) => c > maxCol && UNIT_NAME_STARTS.some((w) => foldHeader(cellText(v)).startsWith(w)),
    ).length;
    if (named < 2 || typeof grid[r + 1]?.[maxCol] !== 'number') continue;
    return {
      headerRow: r,
      labelCol: labelColumn(grid, r, maxCol),
      maxCol,
      fieldRows: fieldRows(grid, r, maxCol),
      unitCols: unitColumns(row, maxCol),
    };
  }
  return null;
}

/** The field labels' column: left of the maximum column, the one with the most text under the header (the nearest on a tie). */
function labelColumn(grid: Grid, header: number, maxCol: number): number {
  let best = maxCol - 1;
  let bestCount = -1;
  for (let c = maxCol - 1; c >= 0; c--) {
    let count = 0;
    for (let r = header + 1; r < grid.length && !isBlank(grid[r]?.[maxCol]); r++)
      if (typeof grid[r]?.[c] === 'string' && !isBlank(grid[r]?.[c])) count++;
    if (count > bestCount) [best, bestCount] = [c, count];
  }
  return Math.max(best, 0);
}

/** The rows under the header, up to the first without a label and a maximum or a unit's points. */
function fieldRows(grid: Grid, header: number, maxCol: number): number[] {
  const rows: number[] = [];
  for (let r = header + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.slice(0, maxCol).every(isBlank)) break;
    rows.push(r);
  }
  return rows;
}

/** The units' columns: right of the maximum column, up to the first empty title, a notes or a totals column. */
function unitColumns(row: readonly CellValue[], maxCol: number): number[] {
  const cols: number[] = [];
  for (let c = maxCol + 1; c < row.length; c++) {
    const folded = foldHeader(cellText(row[c]));
    if (folded === '' || isSummaryText(folded) || headerRole(cellText(row[c])).role === 'notes') break;
    cols.push(c);
  }
  return cols;
}

/** A transposed table turned into the usual shape, and where each of its cells is in the sheet's grid. */
export interface TurnedTable {
  /** Row 0: the name header and the field labels; row 1: the maxima; then a row per unit. */
  grid: CellValue[][];
  /** Number formats, turned the same way. */
  formats?: (string | null | undefined)[][];
  /** The grid cell (0-based row, column) a turned cell came from. */
  cell: (r: number, c: number) => { row: number; col: number };
}

/** Turns a transposed table into the usual shape (pure: the grid is not changed). */
export function turnTable(
  grid: Grid,
  t: Transposition,
  formats?: readonly (readonly (string | null | undefined)[])[],
): TurnedTable {
  const rowOf = (r: number) => (r === 0 ? null : r === 1 ? 'max' : t.unitCols[r - 2]);
  const cell = (r: number, c: number) => {
    const src = rowOf(r);
    const row = c === 0 ? t.headerRow : (t.fieldRows[c - 1] ?? t.headerRow);
    const col = src === null ? t.labelCol : src === 'max' ? t.maxCol : src;
    return { row, col };
  };
  const width = t.fieldRows.length + 1;
  const height = t.unitCols.length + 2;
  const at = (r: number, c: number): CellValue => {
    const { row, col } = cell(r, c);
    return grid[row]?.[col] ?? null;
  };
  const turned = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => at(r, c)));
  turned[0][0] = TURNED_NAME_HEADER;
  if (!isMaxRowLabel(foldHeader(cellText(turned[1][0])))) turned[1][0] = TURNED_MAX_LABEL;
  const out: TurnedTable = { grid: turned, cell };
  if (formats) {
    out.formats = Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => {
        const { row, col } = cell(r, c);
        return formats[row]?.[col];
      }),
    );
  }
  return out;
}
