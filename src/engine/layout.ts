/**
 * Finding the scoring table in a sheet's grid of values: the header row (by the name column's
 * aliases), the max-points row under it, each column's role, and the rows of the units.
 * Reading the cells is read-table.ts. Both shells (the xlsx scorer and the Excel add-in) hand
 * over a plain grid.
 */
import { cellAddress } from './address';
import { isOutputHeader } from './output';
import { cellText, fold } from './text';
import type { CellValue } from './types';

/** A sheet's values, row by row. `grid[0][0]` is the cell at `origin`. */
export type Grid = readonly (readonly CellValue[])[];

/** Where the grid sits in the sheet (1-based row, 0-based column of its top-left cell). */
export interface Origin {
  row: number;
  col: number;
}

export const SHEET_ORIGIN: Origin = { row: 1, col: 0 };

/** Header texts (folded) that name the unit column. */
export const NAME_HEADERS = ['ten don vi', 'don vi', 'ten xa', 'unit', 'unit name', 'ten don vi, dia phuong'];
/** Name-cell texts (folded) of the max-points row. */
export const MAX_ROW_NAMES = ['diem toi da', 'max', 'max points', 'maximum'];
/** Name-cell texts (folded) of a totals or average row under the units: the units end there. */
export const SUMMARY_ROW_NAMES = ['tong', 'tong cong', 'cong', 'tong so', 'trung binh', 'trung binh chung', 'binh quan', 'chi so binh quan', 'total', 'sum', 'average', 'mean'];

export type ColumnKind = 'stt' | 'name' | 'field' | 'bonus' | 'deduction' | 'total' | 'lastYearIndex' | 'lastYearBand';

/** Where each part of the scoring table is, as 0-based grid indexes. */
export interface Layout {
  headerRow: number;
  /** For a header over two rows: the upper row (column titles merged down, group titles). Absent otherwise. */
  topHeaderRow?: number;
  maxRow: number;
  firstUnitRow: number;
  /** One past the last unit row. */
  endRow: number;
  nameCol: number;
  sttCol: number | null;
  fieldCols: number[];
  bonusCol: number | null;
  deductionCol: number | null;
  totalCol: number | null;
  lastYearIndexCol: number | null;
  lastYearBandCol: number | null;
  /** First column of the scorer's own output block, where a previous run left it. */
  outputCol: number | null;
  /** The first column after the input columns: where the output block goes. */
  outputTargetCol: number;
}

export type LayoutResult = { ok: true; layout: Layout } | { ok: false; reason: 'noHeader' | 'noMaxRow' | 'noFields'; detail: string };

/** The optional columns' roles, each with the folded headers that name it (exactly, or followed by more words). */
const COLUMN_ROLES: readonly { kind: ColumnKind; exact: readonly string[]; prefixes: readonly string[] }[] = [
  { kind: 'stt', exact: ['stt', 'tt', 'no.', 'no'], prefixes: [] },
  { kind: 'bonus', exact: [], prefixes: ['diem cong', 'bonus'] },
  { kind: 'deduction', exact: [], prefixes: ['diem tru', 'deduction'] },
  // "Tổng điểm", "Tổng cộng", "Tổng số điểm", "Điểm tổng", "Total"; with more words: "Tổng điểm đạt", "Tổng cộng (điểm)".
  {
    kind: 'total',
    exact: ['tong', 'tong diem', 'tong cong', 'tong so diem', 'diem tong', 'total', 'total points', 'total score'],
    prefixes: ['tong diem ', 'tong cong ', 'tong so diem ', 'diem tong ', 'total points '],
  },
  { kind: 'lastYearIndex', exact: [], prefixes: ['chi so nam truoc', "last year's index", 'last year index'] },
  { kind: 'lastYearBand', exact: [], prefixes: ['xep loai nam truoc', "last year's band", 'last year band'] },
];

/** A column's role by its folded header; any header no role names is a field. */
export function columnKind(folded: string): ColumnKind {
  const role = COLUMN_ROLES.find((r) => r.exact.includes(folded) || r.prefixes.some((p) => folded.startsWith(p)));
  return role?.kind ?? 'field';
}

/** The layout key of each optional column's role. */
const ROLE_KEYS = { bonus: 'bonusCol', deduction: 'deductionCol', total: 'totalCol', lastYearIndex: 'lastYearIndexCol', lastYearBand: 'lastYearBandCol' } as const;

/**
 * Finds the standard layout: a header row whose name column says "Tên đơn vị" (or an alias),
 * the "Điểm tối đa" row right under it, then one row per unit until an empty name or a totals
 * row. Looks at the first `scanRows` rows. `origin`: where the grid sits in the sheet (a
 * selection at D6), for the cell a failure names.
 */
export function detectLayout(grid: Grid, scanRows = 50, origin: Origin = SHEET_ORIGIN): LayoutResult {
  let headerSeen = false;
  for (let r = 0; r < Math.min(grid.length, scanRows); r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (!NAME_HEADERS.includes(fold(cellText(row[c])))) continue;
      headerSeen = true;
      const next = grid[r + 1] ?? [];
      if (MAX_ROW_NAMES.includes(fold(cellText(next[c])))) return layoutFrom(grid, { headerRow: r }, c, origin);
      // A header over two rows: "Tên đơn vị" merged down, the field names on the row under it.
      if (cellText(next[c]) === '' && MAX_ROW_NAMES.includes(fold(cellText(grid[r + 2]?.[c])))) return layoutFrom(grid, { headerRow: r + 1, topHeaderRow: r }, c, origin);
    }
  }
  return headerSeen ? { ok: false, reason: 'noMaxRow', detail: 'Điểm tối đa' } : { ok: false, reason: 'noHeader', detail: 'Tên đơn vị' };
}

type HeaderRows = Pick<Layout, 'headerRow' | 'topHeaderRow'>;

/**
 * A column's header text: the header row's, or for a header over two rows, the lower row's
 * where it has one, else the upper row's (a column whose title is merged down both rows).
 */
export function headerText(grid: Grid, layout: HeaderRows, col: number): string {
  const text = cellText(grid[layout.headerRow]?.[col] ?? null);
  if (text !== '' || layout.topHeaderRow === undefined) return text;
  return cellText(grid[layout.topHeaderRow]?.[col] ?? null);
}

/**
 * Gives each column right of the name its role, up to the first blank header or the output
 * block of an earlier run (layout.outputCol); returns where the output goes.
 */
function assignColumns(layout: Layout, header: readonly string[], folded: readonly string[]): number {
  let c = layout.nameCol + 1;
  for (; c < header.length && folded[c] !== ''; c++) {
    if (isOutputHeader(header.slice(c, c + 4))) {
      layout.outputCol = c;
      break;
    }
    const kind = columnKind(folded[c]);
    if (kind === 'field') layout.fieldCols.push(c);
    else if (kind !== 'stt' && kind !== 'name') layout[ROLE_KEYS[kind]] = c;
  }
  return layout.outputCol ?? c;
}

function layoutFrom(grid: Grid, rows: HeaderRows, nameCol: number, origin: Origin): LayoutResult {
  const { headerRow, topHeaderRow } = rows;
  const width = Math.max(grid[headerRow]?.length ?? 0, topHeaderRow === undefined ? 0 : (grid[topHeaderRow]?.length ?? 0));
  const header = Array.from({ length: width }, (_, c) => headerText(grid, rows, c));
  const folded = header.map(fold);
  let sttCol: number | null = null;
  for (let c = 0; c < nameCol; c++) if (columnKind(folded[c]) === 'stt') sttCol = c;
  const layout: Layout = {
    ...(topHeaderRow === undefined ? { headerRow } : { headerRow, topHeaderRow }),
    maxRow: headerRow + 1,
    firstUnitRow: headerRow + 2,
    endRow: unitsEnd(grid, headerRow + 2, nameCol),
    nameCol,
    sttCol,
    fieldCols: [],
    bonusCol: null,
    deductionCol: null,
    totalCol: null,
    lastYearIndexCol: null,
    lastYearBandCol: null,
    outputCol: null,
    outputTargetCol: nameCol + 1,
  };
  layout.outputTargetCol = assignColumns(layout, header, folded);
  if (layout.fieldCols.length === 0) return { ok: false, reason: 'noFields', detail: cellAddress(origin.row + headerRow, origin.col + nameCol) };
  return { ok: true, layout };
}

/** A totals or average row ("Tổng cộng", "Bình quân", "Total:"), which is not a unit. */
export function isSummaryRow(value: CellValue | undefined): boolean {
  return typeof value === 'string' && SUMMARY_ROW_NAMES.includes(fold(cellText(value)).replace(/[:.]$/, ''));
}

/** One past the last unit row from `firstUnitRow`: the first row whose name is blank or a totals row. */
function unitsEnd(grid: Grid, firstUnitRow: number, nameCol: number): number {
  let r = firstUnitRow;
  while (r < grid.length && cellText(grid[r]?.[nameCol]) !== '' && !isSummaryRow(grid[r]?.[nameCol])) r++;
  return r;
}
