/**
 * Reading the scoring table a layout points at (layout.ts finds it), row by row, into a
 * ScoringTable, with a finding for every cell that is wrong. Every finding names its cell;
 * findings come in row order, and within a row in the order of its cells.
 */
import { cellAddress, columnLetter, qualifiedAddress } from './address';
import { unitFigures } from './classify';
import { parseNumberText, toScaled } from './decimal';
import type { RoleOverrides } from './header-roles';
import { SHEET_ORIGIN, headerText, unitRowsOf, type Grid, type Layout, type Origin } from './layout';
import { cellText, fold } from './text';
import { turnTable } from './transpose';
import type {
  BandCode,
  CellValue,
  FieldDef,
  FieldScore,
  Finding,
  FindingCode,
  RuleSet,
  ScoringTable,
  UnitInput,
} from './types';

/** Cell texts (folded) that mark a field as not applicable to a unit. */
export const NOT_APPLICABLE = ['kad', 'khong ap dung', 'n/a', 'na', 'k/ad'];

/** Options for reading a table. */
export interface ReadOptions {
  origin?: Origin;
  /** Number formats parallel to the grid; a '%' format marks a cell holding a fraction (0.8 = 80%). */
  formats?: readonly (readonly (string | null | undefined)[])[];
  /** The rule set, to recognise last year's band labels. */
  rules?: RuleSet;
  /** Column roles the user confirmed, by grid column (`--map`, or a stored mapping). */
  roles?: RoleOverrides;
}

export interface TableRead {
  table: ScoringTable;
  findings: Finding[];
}

/** What reading needs at every cell, and the findings so far. */
interface Reader {
  grid: Grid;
  layout: Layout;
  sheet: string;
  origin: Origin;
  options: ReadOptions;
  findings: Finding[];
  /** A transposed table, read turned: the sheet grid's cell of each turned cell. */
  cellAt?: (r: number, c: number) => { row: number; col: number };
}

function at(rd: Reader, r: number, c: number): CellValue {
  return rd.grid[r]?.[c] ?? null;
}

/** The sheet address of grid cell (r, c). */
function addr(rd: Reader, r: number, c: number): string {
  const at = rd.cellAt ? rd.cellAt(r, c) : { row: r, col: c };
  return cellAddress(rd.origin.row + at.row, rd.origin.col + at.col);
}

/**
 * The column letter of a column of the table as read: the sheet's; for a transposed table, the
 * turned table's own (a field is a row of the sheet: `table.transposed` maps it back).
 */
function colLetter(rd: Reader, c: number): string {
  return rd.cellAt ? columnLetter(c) : columnLetter(rd.origin.col + c);
}

function report(
  rd: Reader,
  severity: Finding['severity'],
  address: string,
  code: FindingCode,
  params: Finding['params'] = {},
): void {
  rd.findings.push({ severity, sheet: rd.sheet, address, cell: qualifiedAddress(rd.sheet, address), code, params });
}

function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function isPercentFormat(rd: Reader, r: number, c: number): boolean {
  return /%/.test(rd.options.formats?.[r]?.[c] ?? '');
}

/** Reads and checks the table the layout points at. */
export function readTable(sheetGrid: Grid, layout: Layout, sheet: string, sheetOptions: ReadOptions = {}): TableRead {
  const rd = readerOf(sheetGrid, layout, sheet, sheetOptions);
  const { grid, options } = rd;
  const fields = layout.fieldCols.map((c, i) => readField(rd, c, i));
  const unitRows = unitRowsOf(layout);
  if (unitRows.length === 0) report(rd, 'error', addr(rd, layout.firstUnitRow, layout.nameCol), 'noUnits');
  const units: UnitInput[] = [];
  const rowOfName = new Map<string, number>();
  const row: RowReader = {
    fields,
    bandByText: bandsByText(options.rules),
    lastYearFractions: columnOfFractions(rd, layout.lastYearIndexCol, unitRows, true),
    authorityFractions: columnOfFractions(rd, layout.authorityIndexCol ?? null, unitRows, false),
    indexFractions: columnOfFractions(rd, layout.resultsOnly ? layout.fieldCols[0] : null, unitRows, false),
    rowOfName,
  };
  for (const r of unitRows) units.push(readUnit(rd, row, r));
  const table: ScoringTable = { sheet, fields, units };
  if (layout.resultsOnly) table.resultsOnly = true;
  const letter = (c: number | null | undefined) => (c === null || c === undefined ? null : colLetter(rd, c));
  if (rd.cellAt) table.transposed = turnedRows(rd, grid[0]?.length ?? 0);
  if (hasAuthority(layout))
    table.authorityColumns = {
      index: letter(layout.authorityIndexCol),
      rank: letter(layout.authorityRankCol),
      band: letter(layout.authorityBandCol),
    };
  return { table, findings: rd.findings };
}

/** The reader of a table; a transposed table's is of the table turned (transpose.ts), each cell named as in the sheet. */
function readerOf(sheetGrid: Grid, layout: Layout, sheet: string, sheetOptions: ReadOptions): Reader {
  const origin = sheetOptions.origin ?? SHEET_ORIGIN;
  if (!layout.transposed) return { grid: sheetGrid, layout, sheet, origin, options: sheetOptions, findings: [] };
  const turned = turnTable(sheetGrid, layout.transposed, sheetOptions.formats);
  return {
    grid: turned.grid,
    layout,
    sheet,
    origin,
    options: { ...sheetOptions, formats: turned.formats },
    findings: [],
    cellAt: turned.cell,
  };
}

/** A transposed table's rows: the sheet row (1-based) of each column of the table as read, by its letter. */
function turnedRows(rd: Reader, width: number): NonNullable<ScoringTable['transposed']> {
  const rows: Record<string, number> = {};
  for (let c = 0; c < width; c++) rows[columnLetter(c)] = rd.origin.row + (rd.cellAt?.(0, c).row ?? 0);
  return { rows };
}

function hasAuthority(layout: Layout): boolean {
  return [layout.authorityIndexCol, layout.authorityRankCol, layout.authorityBandCol].some(
    (c) => c !== null && c !== undefined,
  );
}

/** A field column: its label, its companion columns and its max points (from the max row, the field's title or a max column). */
function readField(rd: Reader, c: number, i: number): FieldDef {
  const { layout, grid } = rd;
  const label = layout.fieldLabels?.[i] ?? headerText(grid, layout, c);
  const field: FieldDef = {
    label,
    maxScaled: null,
    column: colLetter(rd, c),
    maxAddress: '',
    ...companionColumns(rd, i),
  };
  const source = layout.maxSources?.[i] ?? { kind: 'row', row: layout.maxRow, col: c };
  if (source.kind === 'column') return readMaxColumn(rd, field, source.col);
  field.maxAddress = addr(rd, source.row, source.col);
  field.maxScaled = checkedMax(
    rd,
    source.kind === 'header' ? source.value : source.kind === 'row' ? at(rd, source.row, source.col) : null,
    field.maxAddress,
    label,
  );
  return field;
}

/** What sits beside a field: its role when it is the survey, its self-assessed and survey sub-columns. */
function companionColumns(rd: Reader, i: number): Pick<FieldDef, 'role' | 'selfColumn' | 'surveyColumn'> {
  const { layout } = rd;
  const out: Pick<FieldDef, 'role' | 'selfColumn' | 'surveyColumn'> = {};
  if (layout.surveyFields?.[i]) out.role = 'survey';
  const self = layout.selfCols?.[i];
  if (self !== null && self !== undefined) out.selfColumn = colLetter(rd, self);
  const survey = layout.surveySubCols?.[i];
  if (survey !== null && survey !== undefined) out.surveyColumn = colLetter(rd, survey);
  return out;
}

/** A field whose maximum is a column beside it: the first unit's cell is the maximum, every other row must agree. */
function readMaxColumn(rd: Reader, field: FieldDef, col: number): FieldDef {
  const rows = unitRowsOf(rd.layout);
  field.maxAddress = addr(rd, rows[0], col);
  field.maxScaled = checkedMax(rd, at(rd, rows[0], col), field.maxAddress, field.label);
  for (const r of rows.slice(1)) {
    const n = isEmpty(at(rd, r, col)) ? null : readNumber(rd, at(rd, r, col), addr(rd, r, col), true);
    if (n !== null && n !== field.maxScaled)
      report(rd, 'error', addr(rd, r, col), 'maxColumnVaries', {
        field: field.label,
        value: n / 1e4,
        first: (field.maxScaled ?? 0) / 1e4,
        firstCell: field.maxAddress,
      });
  }
  return field;
}

/** A maximum as given: missing, negative and zero are errors at its cell. */
function checkedMax(rd: Reader, raw: CellValue, address: string, field: string): number | null {
  if (isEmpty(raw)) {
    report(rd, 'error', address, 'missingMax', { field });
    return null;
  }
  const n = readNumber(rd, raw, address, true);
  if (n !== null && n < 0) report(rd, 'error', address, 'negative', { value: n / 1e4 });
  else if (n === 0) report(rd, 'error', address, 'zeroMax', { field });
  else return n;
  return null;
}

/** Folded band codes and labels (both languages) of the rule set, for last year's band column. */
function bandsByText(rules: RuleSet | undefined): Map<string, BandCode> {
  const byText = new Map<string, BandCode>();
  for (const b of rules?.bands ?? []) {
    byText.set(fold(b.code), b.code);
    byText.set(fold(b.label.vi), b.code);
    byText.set(fold(b.label.en), b.code);
  }
  return byText;
}

/**
 * Whether an index column (last year's, or the authority's) holds fractions (0,8 = 80%): numbers
 * all within 0..1, one above 0, and no % format. Last year's is warned once, at its header.
 */
function columnOfFractions(rd: Reader, c: number | null, rows: readonly number[], warn: boolean): boolean {
  if (c === null) return false;
  const numbers: number[] = [];
  for (const r of rows) {
    if (isPercentFormat(rd, r, c)) return false;
    const v = at(rd, r, c);
    if (typeof v === 'number' && Number.isFinite(v)) numbers.push(v);
  }
  const fractions = numbers.some((v) => v > 0) && numbers.every((v) => v >= 0 && v <= 1);
  if (fractions && warn) report(rd, 'warning', addr(rd, rd.layout.headerRow, c), 'lastYearAsFraction');
  return fractions;
}

/** What reading a unit's row needs beyond the Reader. */
interface RowReader {
  fields: FieldDef[];
  bandByText: Map<string, BandCode>;
  lastYearFractions: boolean;
  authorityFractions: boolean;
  /** A results-only table's index column holds fractions (0,865 = 86,5%). */
  indexFractions: boolean;
  /** The first row of each name read so far (folded), for the duplicate check. */
  rowOfName: Map<string, number>;
}

function readUnit(rd: Reader, row: RowReader, r: number): UnitInput {
  const { layout } = rd;
  const name = cellText(at(rd, r, layout.nameCol));
  const key = fold(name);
  const first = row.rowOfName.get(key);
  if (first === undefined) row.rowOfName.set(key, r);
  else
    report(rd, 'error', addr(rd, r, layout.nameCol), 'duplicateName', { name, first: addr(rd, first, layout.nameCol) });
  const scores = layout.resultsOnly
    ? [readGivenIndex(rd, r, layout.fieldCols[0], row, name)]
    : layout.fieldCols.map((c, i) => readScore(rd, r, c, row.fields[i], name));
  // No field applies: there is no index to compute (not the lowest band at 0%).
  if (scores.length > 0 && scores.every((s) => s.kind === 'notApplicable'))
    report(rd, 'error', addr(rd, r, layout.nameCol), 'allNotApplicable', { unit: name });
  const bonusScaled = readOptionalPoints(rd, r, layout.bonusCol);
  const deductionScaled = readOptionalPoints(rd, r, layout.deductionCol);
  const unit: UnitInput = {
    name,
    // A transposed table's unit is a column: its row is its name's, and its column is given.
    row: rd.origin.row + (rd.cellAt ? rd.cellAt(r, layout.nameCol).row : r),
    nameAddress: addr(rd, r, layout.nameCol),
    scores,
    bonusScaled,
    deductionScaled,
    statedTotalScaled: readStatedTotal(rd, r, scores, row.fields, bonusScaled, deductionScaled),
    lastYearIndexScaled: readLastYearIndex(rd, r, layout.lastYearIndexCol, row.lastYearFractions),
    lastYearBand: readLastYearBand(rd, r, row.bandByText),
  };
  addRealTableParts(rd, row, r, unit);
  if (rd.cellAt) unit.column = columnLetter(rd.origin.col + rd.cellAt(r, layout.nameCol).col);
  return unit;
}

/** What a real table adds to a unit: its block, self-assessed points, survey points, the authority's results. */
function addRealTableParts(rd: Reader, row: RowReader, r: number, unit: UnitInput): void {
  const { layout } = rd;
  if (layout.blockCol !== undefined && layout.blockCol !== null)
    unit.block = cellText(at(rd, r, layout.blockCol)) || null;
  else if (layout.blockTitles) unit.block = [...layout.blockTitles].reverse().find((t) => t.row < r)?.name ?? null;
  const selfCols = layout.selfCols;
  if (selfCols)
    unit.selfAssessedScores = selfCols.map((c, i) =>
      c === null || isEmpty(at(rd, r, c)) ? { kind: 'invalid' } : readScore(rd, r, c, row.fields[i], unit.name),
    );
  const surveyCols = [
    ...(layout.surveySubCols ?? []),
    ...layout.fieldCols.filter((_, i) => layout.surveyFields?.[i]),
  ].filter((c): c is number => c !== null);
  if (surveyCols.length > 0)
    unit.surveyScaled = surveyCols.reduce((sum, c) => sum + (readQuietNumber(at(rd, r, c)) ?? 0), 0);
  if (hasAuthority(layout)) unit.authority = readAuthority(rd, row, r);
}

/** A number a cell holds, scaled, without findings (the cell is read and checked elsewhere). */
function readQuietNumber(value: CellValue): number | null {
  if (typeof value === 'number') return Math.round(value * 1e4);
  if (typeof value !== 'string') return null;
  const parsed = parseNumberText(cellText(value));
  return parsed.kind === 'number' ? Math.round(parsed.value * 1e4) : null;
}

/** The authority's own index (percent), rank and band for a unit, as the table states them. */
function readAuthority(rd: Reader, row: RowReader, r: number): NonNullable<UnitInput['authority']> {
  const { layout } = rd;
  const index = readLastYearIndex(rd, r, layout.authorityIndexCol ?? null, row.authorityFractions);
  const rankCol = layout.authorityRankCol;
  let rank: number | null = null;
  if (rankCol !== null && rankCol !== undefined && !isEmpty(at(rd, r, rankCol))) {
    const n = readRawNumber(rd, at(rd, r, rankCol), addr(rd, r, rankCol), false);
    rank = n !== null && Number.isInteger(n) && n > 0 ? n : null;
  }
  const bandCol = layout.authorityBandCol;
  const bandText = bandCol === null || bandCol === undefined ? '' : cellText(at(rd, r, bandCol));
  const band = bandText === '' ? null : (row.bandByText.get(fold(bandText)) ?? bandText);
  return { indexPct: index === null ? null : index / 1e4, rank, band };
}

/** One score cell: points within 0..max, not applicable (KAD), or invalid with its finding. */
function readScore(rd: Reader, r: number, c: number, field: FieldDef, unit: string): FieldScore {
  const value = at(rd, r, c);
  const address = addr(rd, r, c);
  if (isEmpty(value)) {
    report(rd, 'error', address, 'emptyScore', { unit, field: field.label });
    return { kind: 'invalid' };
  }
  if (typeof value === 'string' && NOT_APPLICABLE.includes(fold(value))) return { kind: 'notApplicable' };
  const scaled = readNumber(rd, value, address, true);
  if (scaled === null) return { kind: 'invalid' };
  if (scaled < 0) {
    report(rd, 'error', address, 'negative', { value: scaled / 1e4 });
    return { kind: 'invalid' };
  }
  if (field.maxScaled !== null && scaled > field.maxScaled) {
    report(rd, 'error', address, 'overMax', { value: scaled / 1e4, max: field.maxScaled / 1e4, field: field.label });
    return { kind: 'invalid' };
  }
  return { kind: 'points', scaled };
}

/**
 * A results-only table's index as given, as the points of its one "field" out of 100: a number
 * like 86,5, text like "86,5%", or a fraction (a %-formatted cell, or a column of fractions).
 */
function readGivenIndex(rd: Reader, r: number, c: number, row: RowReader, unit: string): FieldScore {
  if (isEmpty(at(rd, r, c))) {
    report(rd, 'error', addr(rd, r, c), 'emptyScore', { unit, field: row.fields[0].label });
    return { kind: 'invalid' };
  }
  const scaled = readLastYearIndex(rd, r, c, row.indexFractions);
  return scaled === null ? { kind: 'invalid' } : { kind: 'points', scaled };
}

/** Bonus or deduction points (0 when the column is absent or the cell empty); a deduction typed as −2 means 2 points off. */
function readOptionalPoints(rd: Reader, r: number, c: number | null): number {
  if (c === null || isEmpty(at(rd, r, c))) return 0;
  const address = addr(rd, r, c);
  const n = readNumber(rd, at(rd, r, c), address);
  if (n === null || n >= 0) return n ?? 0;
  if (c === rd.layout.deductionCol) {
    report(rd, 'warning', address, 'negativeDeduction', { value: n / 1e4, abs: -n / 1e4 });
    return -n;
  }
  report(rd, 'error', address, 'negative', { value: n / 1e4 });
  return 0;
}

/**
 * The workbook's own total, checked against the fields with bonus and deduction when every
 * score is valid. A total may be stated as the raw sum or as the sum kept within 0..max.
 */
function readStatedTotal(
  rd: Reader,
  r: number,
  scores: FieldScore[],
  fields: FieldDef[],
  bonusScaled: number,
  deductionScaled: number,
): number | null {
  const c = rd.layout.totalCol;
  if (c === null || isEmpty(at(rd, r, c))) return null;
  const stated = readNumber(rd, at(rd, r, c), addr(rd, r, c));
  if (stated === null || scores.some((s) => s.kind === 'invalid')) return stated;
  const points = scores.reduce((sum, s) => sum + (s.kind === 'points' ? s.scaled : 0), 0);
  const computed = points + bonusScaled - deductionScaled;
  const kept = unitFigures(scores, fields, bonusScaled, deductionScaled).totalScaled;
  if (stated !== computed && stated !== kept)
    report(rd, 'error', addr(rd, r, c), 'totalMismatch', { stated: stated / 1e4, computed: computed / 1e4 });
  return stated;
}

/**
 * Last year's index in percent, scaled: a number like 63,19, text like "63,19%", or a fraction
 * (a %-formatted cell, or a column of fractions). A reference figure, often computed with many
 * decimals: rounded to 4 decimals of the percentage, silently.
 */
function readLastYearIndex(rd: Reader, r: number, c: number | null, columnOfFractions: boolean): number | null {
  if (c === null || isEmpty(at(rd, r, c))) return null;
  const value = at(rd, r, c);
  const n = readRawNumber(rd, value, addr(rd, r, c), true);
  if (n === null) return null;
  const asFraction = typeof value === 'number' && (columnOfFractions || isPercentFormat(rd, r, c));
  const scaled = Math.round(n * (asFraction ? 100 * 1e4 : 1e4));
  if (scaled >= 0 && scaled <= 100 * 1e4) return scaled;
  report(rd, 'error', addr(rd, r, c), 'notANumber', { value: cellText(value) });
  return null;
}

/** Last year's band, by its code or label in either language; an unknown text is warned about. */
function readLastYearBand(rd: Reader, r: number, bandByText: Map<string, BandCode>): BandCode | null {
  const c = rd.layout.lastYearBandCol;
  if (c === null || isEmpty(at(rd, r, c))) return null;
  const text = cellText(at(rd, r, c));
  const band = bandByText.get(fold(text)) ?? null;
  if (band === null) report(rd, 'warning', addr(rd, r, c), 'unknownBand', { value: text });
  return band;
}

/**
 * A numeric cell as scaled points (null when there is none), reporting what readRawNumber
 * reports and numbers with more than 4 decimals (rounded, with a warning).
 */
function readNumber(rd: Reader, value: CellValue, address: string, pointsUnit = false): number | null {
  const n = readRawNumber(rd, value, address, false, pointsUnit);
  if (n === null) return null;
  const s = toScaled(n);
  if (!s.ok) {
    report(rd, 'error', address, 'notANumber', { value: String(value) });
    return null;
  }
  if (s.rounded) report(rd, 'warning', address, 'tooManyDecimals', { value: n, number: s.scaled / 1e4 });
  return s.scaled;
}

/** A unit of points written after the number: "10 điểm", "10đ", "10 đ.". */
const POINTS_UNIT = /\s*(?:điểm|đ\.?)$/iu;

/**
 * The number a cell holds, as given (not yet scaled), reporting text read as a number (warning),
 * ambiguous text, non-numbers and Excel error values; null when there is no number.
 * `percentText`: a trailing % on text is dropped ("83,3%" is 83.3); `pointsUnit`: a trailing
 * "điểm" / "đ" / "đ." is ("10 điểm" is 10).
 */
function readRawNumber(
  rd: Reader,
  value: CellValue,
  address: string,
  percentText: boolean,
  pointsUnit = false,
): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') {
    report(rd, 'error', address, 'notANumber', { value: String(value) });
    return null;
  }
  let t = cellText(value);
  if (t.startsWith('#')) {
    report(rd, 'error', address, 'cellError', { value: t });
    return null;
  }
  const given = t;
  if (percentText && t.endsWith('%')) t = t.slice(0, -1).trim();
  if (pointsUnit) t = t.replace(POINTS_UNIT, '');
  const parsed = parseNumberText(t);
  const shown = pointsUnit ? given : t;
  if (parsed.kind === 'ambiguous') {
    report(rd, 'error', address, 'ambiguousNumber', { value: shown, readings: parsed.readings.join(' | ') });
    return null;
  }
  if (parsed.kind === 'none') {
    report(rd, 'error', address, 'notANumber', { value: shown });
    return null;
  }
  report(rd, 'warning', address, 'numberFromText', { value: shown, number: parsed.value });
  return parsed.value;
}
