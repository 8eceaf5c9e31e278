/**
 * Column mappings the user confirmed (issue 15 item 8), kept in the workbook on a sheet the
 * add-in owns (MAPPING_SHEET, like the rules sheet): one row per confirmed column, with the
 * sheet, the column, the role and the column's header when it was confirmed. The add-in and the
 * CLI read it alike; a mapping whose headers no longer match the table is not used (never a
 * silent guess). Pure: mapping ↔ rows.
 */
import { headerLabel, type HeaderColumn, type RoleOverrides } from './header-roles';
import { COLUMN_ROLES, type ColumnRole } from './header-words';
import { detectLayout, type Origin } from './layout';
import { MAPPING_SHEET } from './rules-io';
import { cellAddress, columnIndex, columnLetter, qualifiedAddress } from './address';
import { cellText } from './text';
import type { CellValue, Finding } from './types';

/** A1 of the mapping sheet: tells the sheet is ours and which layout its rows follow. */
export const MAPPING_MARKER = 'PAR-COLUMNS';
export const MAPPING_FORMAT_VERSION = 1;

/** One confirmed column: its sheet column letter, its role, its header text when confirmed. */
export interface StoredColumn {
  column: string;
  role: ColumnRole;
  header: string;
}

/** The confirmed columns of one sheet's table. */
export interface StoredMapping {
  sheet: string;
  columns: StoredColumn[];
}

/** A row of the mapping sheet that cannot be read: its cell and what it holds. */
export interface MappingProblem {
  cell: string;
  value: string;
}

export type MappingRead = { ok: true; mappings: StoredMapping[] } | { ok: false; problems: MappingProblem[] };

/** Row 2: what each column holds, for a person who unhides the sheet (Vietnamese: the sheet is shared). */
const TITLES = ['# Trang tính', 'Cột', 'Vai trò', 'Tiêu đề cột khi xác nhận'];

/** The mappings as the sheet holds them, from A1. */
export function mappingToRows(mappings: readonly StoredMapping[]): CellValue[][] {
  const rows: CellValue[][] = [[MAPPING_MARKER, MAPPING_FORMAT_VERSION, '', ''], TITLES];
  for (const m of mappings) for (const c of m.columns) rows.push([m.sheet, c.column, c.role, c.header]);
  return rows;
}

/** The mappings the sheet's grid holds; every row that cannot be read is a problem naming its cell. */
export function mappingFromRows(grid: readonly (readonly CellValue[])[], sheet = MAPPING_SHEET): MappingRead {
  const at = (r: number, c: number) => cellText(grid[r]?.[c] ?? null);
  const cell = (r: number, c: number) => qualifiedAddress(sheet, cellAddress(r + 1, c));
  if (at(0, 0) !== MAPPING_MARKER) return { ok: false, problems: [{ cell: cell(0, 0), value: at(0, 0) }] };
  const problems: MappingProblem[] = [];
  const bySheet = new Map<string, StoredColumn[]>();
  for (let r = 1; r < grid.length; r++) {
    const [name, letter, role, header] = [0, 1, 2, 3].map((c) => at(r, c));
    if (name === '' && letter === '' && role === '') continue;
    if (name.startsWith('#')) continue;
    if (name === '') problems.push({ cell: cell(r, 0), value: name });
    else if (!/^[A-Z]{1,3}$/.test(letter)) problems.push({ cell: cell(r, 1), value: letter });
    else if (!COLUMN_ROLES.includes(role as ColumnRole)) problems.push({ cell: cell(r, 2), value: role });
    else bySheet.set(name, [...(bySheet.get(name) ?? []), { column: letter, role: role as ColumnRole, header }]);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, mappings: [...bySheet].map(([s, columns]) => ({ sheet: s, columns })) };
}

/**
 * The mapping to store for a sheet: the columns the user confirmed (`roles`, by grid column),
 * each with its header as the table heads it (`columns`, what detection read with those roles).
 */
export function mappingOf(
  sheet: string,
  roles: RoleOverrides,
  columns: readonly HeaderColumn[],
  originCol: number,
): StoredMapping {
  const header = (col: number) => {
    const c = columns.find((x) => x.col === col);
    return c ? headerLabel(c) : '';
  };
  return {
    sheet,
    columns: [...roles]
      .sort(([a], [b]) => a - b)
      .map(([col, role]) => ({ column: columnLetter(originCol + col), role, header: header(col) })),
  };
}

/** The stored mappings with `mapping` in place of the sheet's earlier one. */
export function withMapping(mappings: readonly StoredMapping[], mapping: StoredMapping): StoredMapping[] {
  return [...mappings.filter((m) => m.sheet !== mapping.sheet), mapping];
}

/** A stored mapping, applied: the roles by grid column, and the columns whose header changed since (then it is not used). */
export interface StoredRoles {
  roles: RoleOverrides;
  /** Column letters whose header is not the one confirmed: the mapping does not fit the table any more. */
  stale: string[];
  /** The mapping as `--map` writes it (E=appraised,F=selfAssessed). */
  text: string;
}

/**
 * The stored mapping of `sheet`, checked against the table in `grid`: every confirmed column must
 * still carry the header it had when confirmed. Null when the sheet has none.
 */
export function storedRolesFor(
  mappings: readonly StoredMapping[],
  sheet: string,
  grid: readonly (readonly CellValue[])[],
  origin: Origin,
): StoredRoles | null {
  const m = mappings.find((x) => x.sheet === sheet);
  if (!m) return null;
  const roles = new Map<number, ColumnRole>();
  for (const c of m.columns)
    if (columnIndex(c.column) >= origin.col) roles.set(columnIndex(c.column) - origin.col, c.role);
  const d = detectLayout(grid, undefined, origin, roles);
  const columns = d.ok ? d.columns : d.reason === 'uncertain' ? d.proposal.columns : [];
  const stale = m.columns
    .filter((c) => {
      const col = columns.find((x) => origin.col + x.col === columnIndex(c.column));
      return !col || headerLabel(col) !== c.header;
    })
    .map((c) => c.column);
  return { roles, stale, text: m.columns.map((c) => `${c.column}=${c.role}`).join(',') };
}

/** The roles a stored mapping gives `sheet`'s table, when it still fits it (undefined otherwise: read from the headers). */
export function rolesFromStore(
  mappings: readonly StoredMapping[] | undefined,
  sheet: string,
  grid: readonly (readonly CellValue[])[],
  origin: Origin,
): RoleOverrides | undefined {
  const found = mappings ? storedRolesFor(mappings, sheet, grid, origin) : null;
  return found && found.stale.length === 0 ? found.roles : undefined;
}

/** A warning at the first stale column's header (sheet row `headerRow`): the stored mapping was not used, and why. */
export function staleMappingFinding(sheet: string, stale: readonly string[], headerRow: number): Finding {
  const address = `${stale[0]}${headerRow}`;
  return {
    severity: 'warning',
    sheet,
    address,
    cell: qualifiedAddress(sheet, address),
    code: 'storedMappingStale',
    params: { store: MAPPING_SHEET, columns: stale.join(', ') },
  };
}
