/**
 * Finding the scoring table in a sheet's grid of values: the header row (by the name column's
 * aliases), the max-points row under it, each column's role, and the rows of the units.
 * Reading the cells is read-table.ts. Both shells (the xlsx scorer and the Excel add-in) hand
 * over a plain grid.
 */
import { cellAddress } from './address';
import { parseNumberText } from './decimal';
import {
  fieldsOf,
  headerLabel,
  isSubColumn,
  readHeader,
  type FieldColumns,
  type HeaderColumn,
  type RoleOverrides,
  type UncertainColumn,
} from './header-roles';
import { foldHeader, headerRole, isMaxRowLabel, isNameHeader, isSummaryText, type ColumnRole } from './header-words';
import { cellText, fold } from './text';
import { findTransposition, turnTable, type Transposition } from './transpose';
import type { CellValue } from './types';

/** A sheet's values, row by row. `grid[0][0]` is the cell at `origin`. */
export type Grid = readonly (readonly CellValue[])[];

/** Where the grid sits in the sheet (1-based row, 0-based column of its top-left cell). */
export interface Origin {
  row: number;
  col: number;
}

export const SHEET_ORIGIN: Origin = { row: 1, col: 0 };

export type { ColumnRole };

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
  // What real tables add (issue 15); absent on a plain table.
  /** The unit rows, when they are not every row from firstUnitRow to endRow (block titles, subtotals between them). */
  unitRows?: number[];
  /** Block title rows inside the table ("I. KHỐI PHƯỜNG"): a unit belongs to the block above it. */
  blockTitles?: { row: number; name: string }[];
  blockCol?: number | null;
  /** Per field (parallel to fieldCols), its label when it is not the column's header text (a title over sub-columns). */
  fieldLabels?: string[];
  /** Per field, the self-assessed points column ("Tự chấm"), kept and compared, never scored. */
  selfCols?: (number | null)[];
  /** Per field, survey points under it ("ĐTXHH"), part of the field's points. */
  surveySubCols?: (number | null)[];
  /** Per field, where its maximum is, when not in the max row under its column. */
  maxSources?: MaxSource[];
  /** Per field, whether it is the survey component (a survey column scored as a field of its own). */
  surveyFields?: boolean[];
  authorityIndexCol?: number | null;
  authorityRankCol?: number | null;
  authorityBandCol?: number | null;
  /**
   * A results-only table (issue 15 item 7): no field points, an index column ("Chỉ số CCHC (%)")
   * that fieldCols[0] points at; units are banded and ranked from that index as given.
   */
  resultsOnly?: boolean;
  /**
   * A transposed table (issue 15 item 6): every other index of this layout is of the table turned
   * into the usual shape (transpose.ts turnTable); this says where the table is in the sheet.
   */
  transposed?: Transposition;
}

/** Where a field's maximum points are. */
export type MaxSource =
  | { kind: 'row'; row: number; col: number }
  | { kind: 'header'; row: number; col: number; value: number }
  | { kind: 'column'; col: number }
  | { kind: 'none'; row: number; col: number };

export type LayoutResult =
  | {
      ok: true;
      layout: Layout;
      /** Each column's role, left of the output block (the mapping shown, and confirmed by `--map`). */ columns: HeaderColumn[];
    }
  | { ok: false; reason: 'noHeader' | 'noMaxRow' | 'noFields' | 'transposed'; detail: string }
  | { ok: false; reason: 'uncertain'; detail: string; proposal: MappingProposal };

/** The mapping the scorer would use, column by column, and the columns it is unsure of. */
export interface MappingProposal {
  columns: HeaderColumn[];
  uncertain: UncertainColumn[];
  /** The grid's first column in the sheet (0-based), for column letters. */
  originCol: number;
}

/** The layout key of each column role read once per table. */
const ROLE_KEYS = {
  bonus: 'bonusCol',
  penalty: 'deductionCol',
  total: 'totalCol',
  lastYearIndex: 'lastYearIndexCol',
  lastYearBand: 'lastYearBandCol',
  block: 'blockCol',
  authorityIndex: 'authorityIndexCol',
  authorityRank: 'authorityRankCol',
  authorityBand: 'authorityBandCol',
} as const;
type KeyedRole = keyof typeof ROLE_KEYS;

/** A column's role by its header alone (header-words.ts); any header no role names is a field. */
export function columnKind(header: string): ColumnRole {
  return headerRole(header).role;
}

/**
 * Finds the scoring table: a header (up to four rows, titles merged over sub-columns) whose name
 * column says "Tên đơn vị" or another unit-name header; maxima from a "Điểm tối đa" row between
 * the header and the first unit, from the field's title ("(11 điểm)"), or from a maximum column;
 * then the units, block titles and subtotal rows skipped, until an empty name or a totals row.
 * Looks at the first `scanRows` rows. `origin`: where the grid sits in the sheet (a selection at
 * D6), for the cell a failure names. `overrides`: roles the user confirmed, by grid column.
 */
export function detectLayout(
  grid: Grid,
  scanRows = 50,
  origin: Origin = SHEET_ORIGIN,
  overrides: RoleOverrides = new Map(),
): LayoutResult {
  let headerSeen = false;
  for (let r = 0; r < Math.min(grid.length, scanRows); r++) {
    const nameCol = nameColumnIn(grid[r] ?? [], overrides);
    if (nameCol < 0) continue;
    headerSeen = true;
    const found = layoutAt(grid, r, nameCol, origin, overrides);
    if (found.ok || found.reason !== 'noMaxRow') return found;
  }
  if (headerSeen) return { ok: false, reason: 'noMaxRow', detail: 'Điểm tối đa' };
  return (
    transposedLayout(grid, Math.min(grid.length, scanRows), origin) ?? {
      ok: false,
      reason: 'noHeader',
      detail: 'Tên đơn vị',
    }
  );
}

/**
 * A transposed table (units as columns, fields as rows with a maximum-points column), read
 * turned into the usual shape (transpose.ts): the layout is the turned table's, with
 * `transposed` saying where it is in the sheet. When even turned it cannot be read, it is
 * refused, naming its "Điểm tối đa" cell, never misread.
 */
function transposedLayout(grid: Grid, rows: number, origin: Origin): LayoutResult | null {
  const t = findTransposition(grid, rows);
  if (!t) return null;
  const turned = turnTable(grid, t);
  const found = t.unitCols.length > 0 && t.fieldRows.length > 0 ? layoutAt(turned.grid, 0, 0, origin, new Map()) : null;
  if (found?.ok) return { ok: true, layout: { ...found.layout, transposed: t }, columns: found.columns };
  return { ok: false, reason: 'transposed', detail: cellAddress(origin.row + t.headerRow, origin.col + t.maxCol) };
}

/** The unit-name column of a header row: the one the user named, else the first unit-name header; -1 if none. */
function nameColumnIn(row: readonly CellValue[], overrides: RoleOverrides): number {
  const first = row.findIndex((v) => isNameHeader(foldHeader(cellText(v))));
  for (const [col, role] of overrides) {
    if (
      role === 'name' &&
      cellText(row[col]) !== '' &&
      (first >= 0 || row.filter((v) => cellText(v) !== '').length > 2)
    )
      return col;
  }
  return first;
}

/**
 * A column's header text: the header row's, or for a header over several rows, the lowest text
 * above it (a column whose title is merged down).
 */
export function headerText(grid: Grid, layout: HeaderRows, col: number): string {
  const text = cellText(grid[layout.headerRow]?.[col] ?? null);
  if (text !== '' || layout.topHeaderRow === undefined) return text;
  for (let r = layout.headerRow - 1; r >= layout.topHeaderRow; r--) {
    const above = cellText(grid[r]?.[col] ?? null);
    if (above !== '') return above;
  }
  return '';
}

type HeaderRows = Pick<Layout, 'headerRow' | 'topHeaderRow'>;

/** The last header row: rows under the name's title with the name cell empty (merged down) and sub-titles in them, up to four rows in all. */
function headerBottom(grid: Grid, top: number, nameCol: number): number {
  let bottom = top;
  for (let r = top + 1; r <= top + 3 && r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (cellText(row[nameCol]) !== '' || isMaxRowAt(row, nameCol) || isNumberingRow(row, nameCol)) break;
    const titles = row.filter(
      (v, c) =>
        c > nameCol && typeof v === 'string' && cellText(v) !== '' && parseNumberText(cellText(v)).kind === 'none',
    );
    if (titles.length === 0) break;
    bottom = r;
  }
  return bottom;
}

function isMaxRowAt(row: readonly CellValue[], nameCol: number): boolean {
  for (let c = 0; c <= nameCol; c++) if (isMaxRowLabel(foldHeader(cellText(row[c])))) return true;
  return false;
}

/**
 * A row numbering the columns under the header: "(1) (2) (3)…", "A B 1 2…". The name cell is a
 * small number or a letter, and every other cell is too, the numbers increasing and no larger than
 * the columns could be numbered: a unit named "A" scoring 85 is a unit.
 */
function isNumberingRow(row: readonly CellValue[], nameCol: number): boolean {
  if (!isNumberingCell(row[nameCol])) return false;
  const numbers: number[] = [];
  for (const v of row) {
    if (isBlank(v)) continue;
    if (!isNumberingCell(v)) return false;
    const n = typeof v === 'number' ? v : Number(cellText(v).replace(/[()\s]/g, ''));
    if (Number.isFinite(n)) numbers.push(n);
  }
  return numbers.every((n, i) => n <= row.length + 5 && (i === 0 || n > numbers[i - 1]));
}

function isNumberingCell(v: CellValue | undefined): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v < 100;
  return /^\(?\s*(?:\d{1,2}|[a-z])\s*\)?$/i.test(cellText(v));
}

/** The rows between the header and the first unit: the max row, a numbering row. */
function preamble(grid: Grid, from: number, nameCol: number): { maxRow: number | null; firstUnitRow: number } {
  let maxRow: number | null = null;
  let r = from;
  for (; r < Math.min(grid.length, from + 4); r++) {
    const row = grid[r] ?? [];
    if (isMaxRowAt(row, nameCol)) maxRow ??= r;
    else if (!isNumberingRow(row, nameCol)) break;
  }
  return { maxRow, firstUnitRow: r };
}

/** What a row under the header is. */
type RowKind = { kind: 'unit' } | { kind: 'end' } | { kind: 'summary' } | { kind: 'title'; name: string };

const ROMAN_OR_LETTER = /^(?:[IVXLC]+|[A-Z])[.)]?$/;
const NUMBERED_TITLE = /^(?:[IVXLC]+|[A-Z]|\d{1,2})[.)]\s*(?=\S)/;
const TITLE_WORDS = [
  'khoi ',
  'nhom ',
  'cum ',
  'cac xa',
  'cac phuong',
  'cac thi tran',
  'cac don vi',
  'cac co quan',
  'cap xa',
  'cap huyen',
];

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * A row under the header: a unit, a block title, a subtotal/total/average row, or the end.
 * Cheap on a unit row (run once per row of the table): the title test is made only on a label
 * that reads like a title.
 */
function rowKind(
  row: readonly CellValue[],
  nameCol: number,
  sttCol: number | null,
  valueCols: readonly number[],
): RowKind {
  const name = cellText(row[nameCol]);
  const sttValue = sttCol === null ? null : row[sttCol];
  const stt = typeof sttValue === 'string' ? cellText(sttValue) : '';
  const label =
    name || stt || (name === '' && sttValue === null ? cellText(row.find((v, c) => c < nameCol && !isBlank(v))) : '');
  if (label === '') return { kind: 'end' };
  const folded = fold(label).replace(/[:.]$/, '');
  if (isSummaryText(folded)) return { kind: 'summary' };
  const titleLike =
    NUMBERED_TITLE.test(label) || ROMAN_OR_LETTER.test(stt) || TITLE_WORDS.some((w) => folded.startsWith(w));
  if (titleLike && valueCols.every((c) => isBlank(row[c])))
    return { kind: 'title', name: label.replace(NUMBERED_TITLE, '').trim() };
  return name === '' ? { kind: 'end' } : { kind: 'unit' };
}

/** The unit rows from `first`: block titles and subtotals between blocks skipped, up to an empty name or a final totals row. */
function unitSection(
  grid: Grid,
  first: number,
  nameCol: number,
  sttCol: number | null,
  valueCols: readonly number[],
): { rows: number[]; end: number; titles: { row: number; name: string }[] } {
  const rows: number[] = [];
  const titles: { row: number; name: string }[] = [];
  const kindAt = (r: number) => rowKind(grid[r] ?? [], nameCol, sttCol, valueCols);
  // The first summary row after the last unit: where the table ends if no unit follows.
  let pendingEnd: number | null = null;
  let r = first;
  for (; r < grid.length; r++) {
    const k = kindAt(r);
    if (k.kind === 'end') break;
    if (k.kind === 'summary') {
      pendingEnd ??= r;
      // A subtotal between blocks: the table goes on when a block title follows.
      let next = r + 1;
      while (next < grid.length && kindAt(next).kind === 'summary') next++;
      if (next >= grid.length || kindAt(next).kind !== 'title') break;
      r = next - 1;
      continue;
    }
    if (k.kind === 'title') titles.push({ row: r, name: k.name });
    else {
      rows.push(r);
      pendingEnd = null;
    }
  }
  let end = r;
  const lastUnit = rows[rows.length - 1] ?? first - 1;
  while (titles.length > 0 && titles[titles.length - 1].row > lastUnit) end = (titles.pop() as { row: number }).row;
  return { rows, end: pendingEnd === null ? end : Math.min(end, pendingEnd), titles };
}

/** A maximum written in a field's title: "Lĩnh vực 1 (11 điểm)", "tối đa 11", "11đ". */
const MAX_IN_TITLE =
  /[([]?\s*(?:t[ốo]i\s*đa\s*:?\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ\.?)?(?!\p{L})|(\d+(?:[.,]\d+)?)\s*(?:điểm|đ\.?)(?!\p{L}))\s*[)\]]?/iu;

/** The maximum a field's title states, or null. */
export function maxInTitle(title: string): number | null {
  const m = MAX_IN_TITLE.exec(title.normalize('NFC'));
  if (!m) return null;
  const parsed = parseNumberText(m[1] ?? m[2]);
  return parsed.kind === 'number' ? parsed.value : null;
}

/** A field's title without the maximum written in it, nor its number ("1. ", "II. "): "1. Cải cách thể chế (15 điểm)" → "Cải cách thể chế". */
export function titleWithoutMax(title: string): string {
  const t = title.normalize('NFC').replace(/^(?:\d{1,2}|[IVX]{1,4})[.)]\s+(?=\S)/, '');
  const m = MAX_IN_TITLE.exec(t);
  if (!m) return t;
  return (
    (t.slice(0, m.index) + t.slice(m.index + m[0].length))
      .replace(/\s*[-–:,]\s*$/, '')
      .replace(/\s+/g, ' ')
      .trim() || t
  );
}

function maxSourceOf(grid: Grid, f: FieldColumns, maxRow: number | null, firstUnit: number | undefined): MaxSource {
  if (maxRow !== null) {
    const cols = [f.scoreCol, f.selfCol, f.titleCol].filter((c): c is number => c !== null);
    const col = cols.find((c) => !isBlank(grid[maxRow]?.[c]));
    if (col !== undefined) return { kind: 'row', row: maxRow, col };
  }
  const stated = maxInTitle(f.label);
  if (stated !== null) return { kind: 'header', row: f.titleRow, col: f.titleCol, value: stated };
  if (f.maxCol !== null && firstUnit !== undefined) return { kind: 'column', col: f.maxCol };
  return maxRow !== null
    ? { kind: 'none', row: maxRow, col: f.scoreCol }
    : { kind: 'none', row: f.titleRow, col: f.titleCol };
}

/** The columns read once per table (bonus, total, block…), and top-level columns the scorer will not place alone. */
function keyedColumns(
  columns: readonly HeaderColumn[],
  fields: readonly FieldColumns[],
  uncertain: UncertainColumn[],
): Partial<Record<KeyedRole, number>> {
  const keyed: Partial<Record<KeyedRole, number>> = {};
  const inField = new Set(fields.flatMap((f) => [f.scoreCol, f.selfCol, f.surveyCol, f.maxCol]));
  for (const c of columns) {
    if (c.candidates.length > 0 || inField.has(c.col) || isSubColumn(c)) continue;
    const role = c.role;
    if (role in ROLE_KEYS) {
      const key = role as KeyedRole;
      if (keyed[key] === undefined) keyed[key] = c.col;
      else if (!c.confirmed) uncertain.push({ col: c.col, header: headerLabel(c), candidates: [role, 'ignored'] });
    } else if ((role === 'selfAssessed' || role === 'appraised') && !c.confirmed) {
      // Self-assessed or appraised points that are no field's sub-column: a field, or a total kept aside?
      uncertain.push({ col: c.col, header: headerLabel(c), candidates: ['field', 'ignored'] });
    }
  }
  return keyed;
}

function layoutAt(grid: Grid, top: number, nameCol: number, origin: Origin, overrides: RoleOverrides): LayoutResult {
  const bottom = headerBottom(grid, top, nameCol);
  const header = readHeader(grid, top, bottom, nameCol, overrides);
  const { fields, uncertain } = fieldsOf(header.columns, bottom);
  const keyed = keyedColumns(header.columns, fields, uncertain);
  if (uncertain.length > 0) {
    const detail = uncertain.map((u) => cellAddress(origin.row + bottom, origin.col + u.col)).join(', ');
    return {
      ok: false,
      reason: 'uncertain',
      detail,
      proposal: { columns: header.columns, uncertain, originCol: origin.col },
    };
  }
  if (fields.length === 0) {
    if (keyed.authorityIndex === undefined)
      return { ok: false, reason: 'noFields', detail: cellAddress(origin.row + bottom, origin.col + nameCol) };
    return {
      ok: true,
      layout: resultsOnlyLayout(grid, {
        top,
        bottom,
        nameCol,
        columns: header.columns,
        keyed,
        outputCol: header.outputCol,
        endCol: header.endCol,
      }),
      columns: header.columns,
    };
  }
  const sttCol = header.columns.find((c) => c.col < nameCol && c.role === 'stt')?.col ?? null;
  const pre = preamble(grid, bottom + 1, nameCol);
  const units = unitSection(
    grid,
    pre.firstUnitRow,
    nameCol,
    sttCol,
    fields.map((f) => f.scoreCol),
  );
  const maxSources = fields.map((f) => maxSourceOf(grid, f, pre.maxRow, units.rows[0]));
  if (maxSources.every((m) => m.kind === 'none')) return { ok: false, reason: 'noMaxRow', detail: 'Điểm tối đa' };
  const layout: Layout = {
    ...(top < bottom ? { headerRow: bottom, topHeaderRow: top } : { headerRow: bottom }),
    maxRow: pre.maxRow ?? bottom,
    firstUnitRow: pre.firstUnitRow,
    endRow: units.end,
    nameCol,
    sttCol,
    fieldCols: fields.map((f) => f.scoreCol),
    bonusCol: keyed.bonus ?? null,
    deductionCol: keyed.penalty ?? null,
    totalCol: keyed.total ?? null,
    lastYearIndexCol: keyed.lastYearIndex ?? null,
    lastYearBandCol: keyed.lastYearBand ?? null,
    outputCol: header.outputCol,
    outputTargetCol: header.outputCol ?? header.endCol,
  };
  return { ok: true, layout: withExtras(grid, layout, { fields, maxSources, units, keyed }), columns: header.columns };
}

/** What a header read gives a results-only layout. */
interface IndexHeader {
  top: number;
  bottom: number;
  nameCol: number;
  columns: readonly HeaderColumn[];
  keyed: Partial<Record<KeyedRole, number>>;
  outputCol: number | null;
  endCol: number;
}

/**
 * A results-only table: a name column and an index column ("Chỉ số (%)", "Chỉ số CCHC"), no field
 * points at all. The index column is the one "field" (out of 100, its maximum at its header): the
 * index as given. Bonus, penalty and total columns are not read (the given index has them already);
 * the authority's rank and band stay compared with ours.
 */
function resultsOnlyLayout(grid: Grid, h: IndexHeader): Layout {
  const indexCol = h.keyed.authorityIndex as number;
  const sttCol = h.columns.find((c) => c.col < h.nameCol && c.role === 'stt')?.col ?? null;
  const pre = preamble(grid, h.bottom + 1, h.nameCol);
  const units = unitSection(grid, pre.firstUnitRow, h.nameCol, sttCol, [indexCol]);
  const layout: Layout = {
    ...(h.top < h.bottom ? { headerRow: h.bottom, topHeaderRow: h.top } : { headerRow: h.bottom }),
    maxRow: pre.maxRow ?? h.bottom,
    firstUnitRow: pre.firstUnitRow,
    endRow: units.end,
    nameCol: h.nameCol,
    sttCol,
    fieldCols: [indexCol],
    bonusCol: null,
    deductionCol: null,
    totalCol: null,
    lastYearIndexCol: h.keyed.lastYearIndex ?? null,
    lastYearBandCol: h.keyed.lastYearBand ?? null,
    outputCol: h.outputCol,
    outputTargetCol: h.outputCol ?? h.endCol,
    resultsOnly: true,
    maxSources: [{ kind: 'header', row: h.bottom, col: indexCol, value: 100 }],
  };
  const contiguous =
    units.rows.length === layout.endRow - layout.firstUnitRow &&
    units.rows.every((r, i) => r === layout.firstUnitRow + i);
  if (!contiguous) layout.unitRows = units.rows;
  if (units.titles.length > 0) layout.blockTitles = units.titles;
  if (h.keyed.block !== undefined) layout.blockCol = h.keyed.block;
  if (h.keyed.authorityRank !== undefined) layout.authorityRankCol = h.keyed.authorityRank;
  if (h.keyed.authorityBand !== undefined) layout.authorityBandCol = h.keyed.authorityBand;
  return layout;
}

interface Extras {
  fields: FieldColumns[];
  maxSources: MaxSource[];
  units: { rows: number[]; end: number; titles: { row: number; name: string }[] };
  keyed: Partial<Record<KeyedRole, number>>;
}

/** What a real table adds to the plain layout; nothing is added for a plain table. */
function withExtras(grid: Grid, layout: Layout, x: Extras): Layout {
  const l: Layout = { ...layout };
  const contiguous =
    x.units.rows.length === layout.endRow - layout.firstUnitRow &&
    x.units.rows.every((r, i) => r === layout.firstUnitRow + i);
  if (!contiguous) l.unitRows = x.units.rows;
  if (x.units.titles.length > 0) l.blockTitles = x.units.titles;
  const labels = x.fields.map((f) => titleWithoutMax(f.label));
  if (labels.some((t, i) => t !== headerText(grid, layout, layout.fieldCols[i]))) l.fieldLabels = labels;
  if (x.fields.some((f) => f.selfCol !== null)) l.selfCols = x.fields.map((f) => f.selfCol);
  if (x.fields.some((f) => f.surveyCol !== null)) l.surveySubCols = x.fields.map((f) => f.surveyCol);
  if (x.fields.some((f) => f.survey)) l.surveyFields = x.fields.map((f) => f.survey);
  if (x.maxSources.some((m, i) => m.kind !== 'row' || m.row !== layout.maxRow || m.col !== layout.fieldCols[i]))
    l.maxSources = x.maxSources;
  if (x.keyed.block !== undefined) l.blockCol = x.keyed.block;
  if (x.keyed.authorityIndex !== undefined) l.authorityIndexCol = x.keyed.authorityIndex;
  if (x.keyed.authorityRank !== undefined) l.authorityRankCol = x.keyed.authorityRank;
  if (x.keyed.authorityBand !== undefined) l.authorityBandCol = x.keyed.authorityBand;
  return l;
}

/** A totals or average row ("Tổng cộng", "Bình quân", "Total:"), which is not a unit. */
export function isSummaryRow(value: CellValue | undefined): boolean {
  return typeof value === 'string' && isSummaryText(foldHeader(value));
}

/** The unit rows of a layout (0-based grid rows), in order. */
export function unitRowsOf(layout: Pick<Layout, 'endRow' | 'firstUnitRow' | 'unitRows'>): number[] {
  return (
    layout.unitRows ?? Array.from({ length: layout.endRow - layout.firstUnitRow }, (_, i) => layout.firstUnitRow + i)
  );
}
