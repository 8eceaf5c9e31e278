/**
 * Every column of a scoring table's header gets a role (header-words.ts names them): the header
 * may span up to four rows, with titles merged over sub-columns ("Lĩnh vực 1" over "Tự chấm |
 * Thẩm định"). A column whose role is uncertain is listed with its candidates, never guessed.
 */
import { columnIndex, columnLetter } from './address';
import { fill } from './format';
import { messages } from './i18n';
import { foldHeader, headerRole, roleFromText, type ColumnRole } from './header-words';
import { isOutputHeader } from './output';
import { cellText } from './text';
import type { CellValue, Lang } from './types';

type Grid = readonly (readonly CellValue[])[];

/** Roles a sub-column under a field's title may have. */
const SUB_ROLES: readonly ColumnRole[] = ['selfAssessed', 'appraised', 'survey', 'total', 'max', 'authorityIndex'];

/** A title over several columns: the cell it is written in. */
export interface GroupTitle {
  row: number;
  col: number;
  text: string;
}

/** One column of the header as read. */
export interface HeaderColumn {
  col: number;
  /** The lowest text of the column's header (its own title). */
  leaf: string;
  /** The title over it, when it sits under a merged title. */
  group: GroupTitle | null;
  role: ColumnRole;
  /** When the role is uncertain: the roles it could have (the first is the one proposed). */
  candidates: ColumnRole[];
  /** Whether the role came from the user's mapping. */
  confirmed: boolean;
}

/** Roles the user gave, by grid column (`--map E=appraised`, or a stored mapping). */
export type RoleOverrides = ReadonlyMap<number, ColumnRole>;

/**
 * The header texts of each column, row by row from `top` to `bottom`, with a title merged over
 * several columns carried right over the columns that have a sub-title under it.
 */
function headerCells(grid: Grid, top: number, bottom: number, width: number): { text: string; from: number }[][] {
  const rows: { text: string; from: number }[][] = [];
  for (let h = top; h <= bottom; h++) {
    const row: { text: string; from: number }[] = [];
    let carried: { text: string; from: number } | null = null;
    for (let c = 0; c < width; c++) {
      const own = cellText(grid[h]?.[c]);
      if (own !== '') carried = { text: own, from: c };
      else if (carried && !hasTextBelow(grid, h, bottom, c)) carried = null;
      row.push(own !== '' ? { text: own, from: c } : (carried ?? { text: '', from: -1 }));
    }
    rows.push(row);
  }
  return rows;
}

function hasTextBelow(grid: Grid, h: number, bottom: number, c: number): boolean {
  for (let r = h + 1; r <= bottom; r++) if (cellText(grid[r]?.[c]) !== '') return true;
  return false;
}

/** A column's own title (its lowest text) and the title above it, if any. */
function columnTitles(
  cells: { text: string; from: number }[][],
  top: number,
  c: number,
): { leaf: string; group: GroupTitle | null } {
  let leafAt = -1;
  for (let h = cells.length - 1; h >= 0; h--) {
    if (cells[h][c].from === c) {
      leafAt = h;
      break;
    }
  }
  if (leafAt < 0) return { leaf: '', group: null };
  for (let h = leafAt - 1; h >= 0; h--) {
    const above = cells[h][c];
    if (above.text !== '')
      return { leaf: cells[leafAt][c].text, group: { row: top + h, col: above.from, text: above.text } };
  }
  return { leaf: cells[leafAt][c].text, group: null };
}

/** The header's columns right of the name column, up to the first column without a title or the scorer's own output block. */
export interface HeaderRead {
  columns: HeaderColumn[];
  /** First column of the scorer's own output block, if a previous run left it. */
  outputCol: number | null;
  /** The first column after the input columns. */
  endCol: number;
}

/** Reads the header between rows `top` and `bottom` (0-based, inclusive). */
export function readHeader(
  grid: Grid,
  top: number,
  bottom: number,
  nameCol: number,
  overrides: RoleOverrides = new Map(),
): HeaderRead {
  let width = 0;
  for (let h = top; h <= bottom; h++) width = Math.max(width, grid[h]?.length ?? 0);
  const cells = headerCells(grid, top, bottom, width);
  const titles = Array.from({ length: width }, (_, c) => columnTitles(cells, top, c));
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < nameCol; c++) columns.push(leftColumn(c, titles[c].leaf, overrides));
  columns.push({
    col: nameCol,
    leaf: titles[nameCol]?.leaf ?? '',
    group: null,
    role: 'name',
    candidates: [],
    confirmed: overrides.get(nameCol) === 'name',
  });
  let c = nameCol + 1;
  let outputCol: number | null = null;
  for (; c < width && titles[c].leaf !== ''; c++) {
    if (isOutputHeader(titles.slice(c, c + 4).map((t) => t.leaf))) {
      outputCol = c;
      break;
    }
    columns.push(rightColumn(c, titles[c], overrides));
  }
  placeSubColumns(columns, overrides);
  return { columns, outputCol, endCol: c };
}

/** A column left of the name: its number (STT), its block, or nothing the scorer reads. */
function leftColumn(c: number, leaf: string, overrides: RoleOverrides): HeaderColumn {
  const given = overrides.get(c);
  if (given) return { col: c, leaf, group: null, role: given, candidates: [], confirmed: true };
  const { role } = headerRole(leaf);
  return {
    col: c,
    leaf,
    group: null,
    role: role === 'stt' || role === 'block' ? role : 'ignored',
    candidates: [],
    confirmed: false,
  };
}

function rightColumn(
  c: number,
  titles: { leaf: string; group: GroupTitle | null },
  overrides: RoleOverrides,
): HeaderColumn {
  const given = overrides.get(c);
  if (given) return { col: c, ...titles, role: given, candidates: [], confirmed: true };
  const { role, candidates } = headerRole(titles.leaf);
  // A second unit-name header: which one names the units is the user's to say.
  if (role === 'name') return { col: c, ...titles, role: 'ignored', candidates: ['ignored', 'name'], confirmed: false };
  return { col: c, ...titles, role, candidates, confirmed: false };
}

/** Sub-columns titled only "Điểm …" / "Kết quả …" under one field: which one scores is not for the scorer to guess. */
function allPointsWords(members: readonly HeaderColumn[]): boolean {
  return members.length > 1 && members.every((m) => m.role === 'field' && /^(diem|ket qua)\b/.test(foldHeader(m.leaf)));
}

/** Whether a column is a sub-column of a field (under a field's title, with a sub-column role): read with its field. */
export function isSubColumn(c: HeaderColumn): boolean {
  return c.group !== null && isFieldTitle(c.group) && SUB_ROLES.includes(c.role);
}

/** Whether a title over sub-columns names a field (not a group of other things, like "Điểm cộng"). */
function isFieldTitle(group: GroupTitle): boolean {
  return headerRole(group.text).role === 'field';
}

/**
 * Sub-columns under a field's title: when some of them are self-assessed or appraised points (or
 * the like), every column under that title must be one of those; a column that is not is
 * uncertain (a sub-column the scorer cannot place).
 */
function placeSubColumns(columns: HeaderColumn[], overrides: RoleOverrides): void {
  const byGroup = new Map<string, HeaderColumn[]>();
  for (const col of columns) {
    if (!col.group || !isFieldTitle(col.group)) continue;
    const key = `${col.group.row}:${col.group.col}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), col]);
  }
  for (const members of byGroup.values()) {
    if (!members.some((m) => SUB_ROLES.includes(m.role)) && !allPointsWords(members)) continue;
    members.forEach((m, i) => {
      if (overrides.has(m.col) || SUB_ROLES.includes(m.role) || m.candidates.length > 0) return;
      // A pair is most often "self-assessed | appraised", in that order: proposed so, never taken so.
      m.candidates =
        members.length === 2 && i === 0
          ? ['selfAssessed', 'appraised', 'ignored']
          : ['appraised', 'selfAssessed', 'ignored'];
    });
  }
}

/** A field as the header defines it: where its points are, and where its other figures are. */
export interface FieldColumns {
  label: string;
  /** The column scored. */
  scoreCol: number;
  selfCol: number | null;
  /** A sub-column of survey points under the field (kept, not added: the scored column holds the field's points). */
  surveyCol: number | null;
  /** A maximum-points column for the field. */
  maxCol: number | null;
  /** Where the label (and a maximum written in it) is: the field's title cell. */
  titleRow: number;
  titleCol: number;
  /** A survey component scored as a field of its own. */
  survey: boolean;
}

/** A column the scorer is unsure of. */
export interface UncertainColumn {
  col: number;
  header: string;
  candidates: ColumnRole[];
}

/** The fields the columns make, in column order, and the columns still uncertain. */
export function fieldsOf(
  columns: readonly HeaderColumn[],
  headerRow: number,
): { fields: FieldColumns[]; uncertain: UncertainColumn[] } {
  const fields: FieldColumns[] = [];
  const uncertain: UncertainColumn[] = columns
    .filter((c) => c.candidates.length > 0)
    .map((c) => ({ col: c.col, header: headerLabel(c), candidates: c.candidates }));
  const seenGroups = new Set<string>();
  for (const col of columns) {
    if (col.candidates.length > 0) continue;
    const grouped = col.group !== null && isFieldTitle(col.group) && SUB_ROLES.includes(col.role);
    if (grouped && col.group) {
      const key = `${col.group.row}:${col.group.col}`;
      if (seenGroups.has(key)) continue;
      seenGroups.add(key);
      const members = columns.filter((m) => m.group?.row === col.group?.row && m.group?.col === col.group?.col);
      const field = groupField(col.group, members, uncertain);
      if (field) fields.push(field);
    } else if (col.role === 'field' || col.role === 'survey') {
      fields.push({
        label: col.leaf,
        scoreCol: col.col,
        selfCol: null,
        surveyCol: null,
        maxCol: null,
        titleRow: headerRow,
        titleCol: col.col,
        survey: col.role === 'survey',
      });
    }
  }
  return { fields, uncertain };
}

/** The header text shown for a column: its title under the title above it. */
export function headerLabel(c: HeaderColumn): string {
  return c.group ? `${c.group.text} › ${c.leaf}` : c.leaf;
}

/**
 * A field written as a title over sub-columns: the appraised points score ("Tự chấm | Thẩm
 * định"); with survey points beside them, the sub-total does ("ĐTXHH | Thẩm định | Tổng"). A
 * role written twice, or no column to score, leaves the sub-columns uncertain.
 */
function groupField(
  group: GroupTitle,
  members: readonly HeaderColumn[],
  uncertain: UncertainColumn[],
): FieldColumns | null {
  const one = (role: ColumnRole): number | null | 'twice' => {
    const cols = members.filter((m) => m.role === role && m.candidates.length === 0);
    return cols.length === 0 ? null : cols.length > 1 ? 'twice' : cols[0].col;
  };
  const self = one('selfAssessed');
  const appraised = one('appraised');
  const survey = one('survey');
  const total = one('total');
  const max = one('max');
  const doubled = [self, appraised, survey, total, max].some((x) => x === 'twice');
  const scoreCol = survey !== null ? total : (appraised ?? (self === null ? total : null));
  if (doubled || scoreCol === null || scoreCol === 'twice') {
    for (const m of members) {
      if (m.confirmed || uncertain.some((u) => u.col === m.col)) continue;
      uncertain.push({
        col: m.col,
        header: headerLabel(m),
        candidates: [m.role, ...(['appraised', 'selfAssessed', 'ignored'] as ColumnRole[]).filter((r) => r !== m.role)],
      });
    }
    return null;
  }
  const num = (x: number | null | 'twice') => (typeof x === 'number' ? x : null);
  return {
    label: group.text,
    scoreCol,
    selfCol: num(self),
    surveyCol: num(survey),
    maxCol: num(max),
    titleRow: group.row,
    titleCol: group.col,
    survey: false,
  };
}

/** The proposed mapping, column by column (`E=appraised`), as `--map` takes it. */
export function mappingText(columns: readonly HeaderColumn[], originCol: number): string {
  return columns.map((c) => `${columnLetter(originCol + c.col)}=${c.role}`).join(',');
}

/** A `--map` value read: the roles by grid column, or the item that is not `Column=role`. */
export type ParsedMap = { ok: true; roles: Map<number, ColumnRole> } | { ok: false; item: string };

/**
 * Reads a mapping written as `E=appraised,F=selfAssessed` (column letters of the sheet, a role
 * by its name in COLUMN_ROLES or in words: "thẩm định", "tự chấm") or as a JSON object
 * `{"E": "appraised", "F": "selfAssessed"}` (the `--print-map` format). `originCol`: the grid's
 * first sheet column.
 */
export function parseColumnMap(text: string, originCol = 0): ParsedMap {
  let pairs: [string, string][];
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const obj = JSON.parse(trimmed) as Record<string, unknown>;
      const inner = (obj.columns && typeof obj.columns === 'object' ? obj.columns : obj) as Record<string, unknown>;
      pairs = Object.entries(inner).map(([k, v]) => [k, String(v)]);
    } catch {
      return { ok: false, item: trimmed.slice(0, 40) };
    }
  } else {
    pairs = trimmed
      .split(/[,;\n]/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => {
        const eq = p.indexOf('=');
        return eq < 0 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)];
      });
  }
  const roles = new Map<number, ColumnRole>();
  for (const [letters, roleText] of pairs) {
    const role = roleFromText(roleText);
    const col = /^\s*[A-Za-z]{1,3}\s*$/.test(letters) ? columnIndex(letters.trim().toUpperCase()) - originCol : -1;
    if (role === null || col < 0) return { ok: false, item: `${letters}=${roleText}` };
    roles.set(col, role);
  }
  return { ok: true, roles };
}

/** A mapping as `--print-map` prints it (and `--map` reads it back): column letter → role. */
export function mappingJson(columns: readonly HeaderColumn[], originCol: number): Record<string, ColumnRole> {
  const out: Record<string, ColumnRole> = {};
  for (const c of columns) out[columnLetter(originCol + c.col)] = c.role;
  return out;
}

/**
 * The proposed mapping told column by column, the uncertain ones with their candidates, then how
 * to confirm it (`--map`), in the user's language.
 */
export function proposalLines(
  columns: readonly HeaderColumn[],
  uncertain: readonly UncertainColumn[],
  originCol: number,
  lang: Lang,
): string[] {
  const m = messages(lang).columns;
  const lines = [m.proposalTitle];
  const unsure = new Map(uncertain.map((u) => [u.col, u]));
  for (const c of columns) {
    const column = columnLetter(originCol + c.col);
    const u = unsure.get(c.col);
    const header = `“${headerLabel(c)}”`;
    if (u)
      lines.push(
        fill(m.proposalUncertain, {
          column,
          header,
          role: `${u.candidates[0]} (${m.roles[u.candidates[0]]})`,
          others: u.candidates.slice(1).join(', '),
        }),
      );
    else lines.push(fill(m.proposalLine, { column, header, role: `${c.role} (${m.roles[c.role]})` }));
  }
  const map = uncertain.map((u) => `${columnLetter(originCol + u.col)}=${u.candidates[0]}`).join(',');
  const json = JSON.stringify(
    Object.fromEntries(uncertain.map((u) => [columnLetter(originCol + u.col), u.candidates[0]])),
  );
  lines.push(fill(m.confirmHint, { map, json }));
  return lines;
}
