/**
 * What the task pane shows of a table's reading (issue 15 item 9): every column with its role
 * (the uncertain ones marked, with their candidates first), and a small preview of the table as
 * read: the first units, their block and their points per field. Pure.
 */
import { columnLetter } from './address';
import { COLUMN_ROLES, type ColumnRole } from './header-words';
import { headerLabel, type HeaderColumn, type RoleOverrides, type UncertainColumn } from './header-roles';
import type { ScoringTable } from './types';

/** A column as the pane lists it. */
export interface ColumnRoleRow {
  /** Grid column. */
  col: number;
  /** Sheet column letter. */
  letter: string;
  header: string;
  /** The role in force (the proposed one when uncertain). */
  role: ColumnRole;
  /** The roles offered: the candidates first when uncertain, then every other role. */
  choices: ColumnRole[];
  uncertain: boolean;
}

/** Every column of the header with its role; `uncertain` columns carry their candidates first. */
export function columnRoleRows(
  columns: readonly HeaderColumn[],
  uncertain: readonly UncertainColumn[],
  originCol: number,
): ColumnRoleRow[] {
  const unsure = new Map(uncertain.map((u) => [u.col, u]));
  return columns.map((c) => {
    const u = unsure.get(c.col);
    const first = u ? u.candidates : [c.role];
    return {
      col: c.col,
      letter: columnLetter(originCol + c.col),
      header: headerLabel(c),
      role: first[0],
      choices: [...first, ...COLUMN_ROLES.filter((r) => !first.includes(r))],
      uncertain: u !== undefined,
    };
  });
}

/** The roles the user set that differ from what was read, plus the uncertain ones (which must be confirmed): the override to read with. */
export function confirmedRoles(rows: readonly ColumnRoleRow[], chosen: ReadonlyMap<number, ColumnRole>): RoleOverrides {
  const out = new Map<number, ColumnRole>();
  for (const r of rows) {
    const role = chosen.get(r.col) ?? r.role;
    if (r.uncertain || role !== r.role) out.set(r.col, role);
  }
  return out;
}

/** One unit of the preview. */
export interface PreviewUnit {
  name: string;
  block: string | null;
  /** Points per field (null: not applicable or invalid), in field order. */
  points: (number | null)[];
}

/** The table as read, in small: its fields' labels and the first `count` units. */
export function tablePreview(table: ScoringTable, count = 3): { fields: string[]; units: PreviewUnit[]; more: number } {
  return {
    fields: table.fields.map((f) => f.label),
    units: table.units.slice(0, count).map((u) => ({
      name: u.name,
      block: u.block ?? null,
      points: u.scores.map((s) => (s.kind === 'points' ? s.scaled / 1e4 : null)),
    })),
    more: Math.max(0, table.units.length - count),
  };
}
