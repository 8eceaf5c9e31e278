/**
 * The rule set as it is kept outside the engine: as rows of the sheet the add-in owns
 * (RULES_SHEET, read by the add-in and by the headless scorer alike) and as JSON (the same shape
 * the CLI's --rules file takes). Both readers name the cell or the JSON path of every problem,
 * and hand the semantic checks (gaps, overlaps, bounds) to validateRuleSet. Pure: no Office, no DOM.
 * The formats are documented in docs/rules-store.md.
 */
import { cellAddress, qualifiedAddress } from './address';
import { parseNumberText } from './decimal';
import { fill, formatBound } from './format';
import { messages } from './i18n';
import { describeRuleProblem } from './describe';
import {
  fnv1a,
  idFromDecision,
  nameFromDecision,
  ruleSetFingerprint,
  validateRuleSet,
  type RuleProblem,
} from './rules';
import { cellText } from './text';
import { checkRuleSetData, normaliseRuleSet, shownValue } from './rules-json';
import { RULES_SHEET_VERSION_2, ruleSetFromRowsV2, ruleSetToRowsV2 } from './rules-sheet';
import type { BandRule, CellValue, Lang, RuleDecision, RuleSet } from './types';

/** The sheet the add-in keeps the rule set in force on (VeryHidden in Excel, hidden in the CLI's copy). */
export const RULES_SHEET = '_TieuChiCCHC';
/** The sheet the add-in appends its audit log to. */
export const AUDIT_SHEET = '_NhatKyCCHC';
/** The sheet the add-in records what it last wrote (for the hand-edit check). */
export const STATE_SHEET = '_TrangThaiCCHC';
/** The sheet the add-in keeps the column mappings the user confirmed on (mapping-sheet.ts). */
export const MAPPING_SHEET = '_CotCCHC';
/** Sheets the add-in owns: never a scoring table. */
export const OWNED_SHEETS: readonly string[] = [RULES_SHEET, AUDIT_SHEET, STATE_SHEET, MAPPING_SHEET];

/** A1 of the rules sheet: tells the sheet is ours and which layout it follows. */
export const RULES_MARKER = 'PAR-RULES';
export const RULES_FORMAT_VERSION = 1;

/** Row 2 of the rules sheet: what each column holds (for a person who unhides the sheet). */
export const RULES_COLUMNS = [
  'Mã mức (code)',
  'Tên mức (vi)',
  'Tên mức (en)',
  'Từ % (min)',
  'Tính cả ngưỡng dưới (min inclusive)',
  'Đến % (max)',
  'Tính cả ngưỡng trên (max inclusive)',
  'Mỗi lĩnh vực đạt ít nhất % (field floor)',
] as const;

/** Rows of the rules sheet before the first band. */
export const RULES_HEADER_ROWS = 2;

/**
 * The rule set as the rules sheet holds it, from A1:
 * row 1: marker, format version, id, name (vi), name (en), fingerprint (informative);
 * row 2: column titles; rows 3…: one band per row, highest first.
 */
export function ruleSetToRows(rules: RuleSet): CellValue[][] {
  return ruleSetToRowsV2(rules);
}

/** The version-1 layout (bands only), kept for reading and for tests of the version-1 reader. */
export function ruleSetToRowsV1(rules: RuleSet): CellValue[][] {
  const rows: CellValue[][] = [
    [RULES_MARKER, RULES_FORMAT_VERSION, rules.id, rules.name.vi, rules.name.en, ruleSetFingerprint(rules), '', ''],
    [...RULES_COLUMNS],
  ];
  for (const b of rules.bands) {
    rows.push([
      b.code,
      b.label.vi,
      b.label.en,
      b.min.pct,
      b.min.inclusive,
      b.max.pct,
      b.max.inclusive,
      b.fieldFloorPct === null ? '' : b.fieldFloorPct,
    ]);
  }
  return rows;
}

/** Structural problems of a stored or typed rule set (before the rules themselves are checked). */
export type RuleSourceCode =
  | 'noMarker'
  | 'badVersion'
  | 'notJson'
  | 'notAnObject'
  | 'missing'
  | 'notText'
  | 'notANumber'
  | 'notABoolean'
  | 'notAList'
  | 'unknownKey';

/**
 * A problem with a rule set read from the sheet or from JSON: where it is (a sheet-qualified
 * cell, or a JSON path such as `bands[1].min.pct`), the band concerned when known, and either a
 * structural code or a rule problem from validateRuleSet.
 */
export type RuleSourceProblem =
  | { kind: 'source'; code: RuleSourceCode; where: string; band?: string; value?: string }
  | { kind: 'rule'; where: string | null; problem: RuleProblem };

export type RuleSetRead = { ok: true; rules: RuleSet } | { ok: false; problems: RuleSourceProblem[] };

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A percentage typed in a cell: a number, or text in either notation ("82,5"); a trailing % is allowed in text. */
export function cellNumber(v: CellValue | undefined): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const parsed = parseNumberText(v.replace(/%\s*$/, ''));
    if (parsed.kind === 'number') return parsed.value;
  }
  return null;
}

/** TRUE/FALSE as Excel stores it, or as a co-author may type it (text, 1/0, vi "có"/"không"). */
export function cellBoolean(v: CellValue | undefined): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (['true', 'có', 'co', 'x', '1'].includes(t)) return true;
    if (['false', 'không', 'khong', '0'].includes(t)) return false;
  }
  return null;
}

/** The rules sheet's column a problem points at, when the problem's kind alone says: label, lower bound, upper bound, floor. */
const PROBLEM_COLUMN: Partial<Record<RuleProblem['code'], number>> = {
  floorOutOfRange: 7,
  topNot100: 5,
  bottomNot0: 3,
  gap: 3,
  overlap: 3,
  notDescending: 3,
};

/** The column of a problem about a value or a label: the label missing (B or C), else the bound or floor holding the value (D, F or H); A otherwise. */
function valueColumn(p: RuleProblem, band: BandRule | undefined): number {
  if (p.code === 'missingLabel') return band && !band.label.vi?.trim() ? 1 : 2;
  if (!['emptyRange', 'outOfRange', 'tooManyDecimals', 'notANumber'].includes(p.code)) return 0;
  if (band && p.value === band.max.pct && p.value !== band.min.pct) return 5;
  return band && p.value === band.fieldFloorPct ? 7 : 3;
}

/** Where a rule problem sits on the sheet: the band's row and the column of the value named. */
function ruleProblemCell(p: RuleProblem, rules: RuleSet, bandRow: Map<string, number>, sheet: string): string | null {
  const row = bandRow.get(p.band);
  if (row === undefined) return null;
  const band = rules.bands.find((b) => b.code === p.band);
  const col = PROBLEM_COLUMN[p.code] ?? valueColumn(p, band);
  return qualifiedAddress(sheet, cellAddress(row, col));
}

/** An optional number cell (a band's field floor): null when blank, a problem when it is not a number. */
function optionalNumber(
  v: CellValue | undefined,
  where: string,
  band: string,
  problems: RuleSourceProblem[],
): number | null {
  if (isBlank(v)) return null;
  const n = cellNumber(v);
  if (n === null) problems.push({ kind: 'source', code: 'notANumber', where, band, value: shownValue(v) });
  return n;
}

/**
 * Reads the rules sheet's grid (row 1 / column A at [0][0]) back into a rule set, or lists what
 * is wrong, each problem with its cell. Rows after the last band that are blank are ignored.
 */
export function ruleSetFromRows(grid: readonly (readonly CellValue[])[], sheet: string = RULES_SHEET): RuleSetRead {
  const at = (r: number, c: number) => qualifiedAddress(sheet, cellAddress(r + 1, c));
  const head = grid[0] ?? [];
  if (cellText(head[0]) !== RULES_MARKER)
    return { ok: false, problems: [{ kind: 'source', code: 'noMarker', where: at(0, 0), value: shownValue(head[0]) }] };
  const version = cellNumber(head[1]);
  if (version === RULES_SHEET_VERSION_2) return ruleSetFromRowsV2(grid, sheet);
  if (version !== RULES_FORMAT_VERSION)
    return {
      ok: false,
      problems: [{ kind: 'source', code: 'badVersion', where: at(0, 1), value: shownValue(head[1]) }],
    };
  return ruleSetFromRowsV1(grid, sheet);
}

/** A version-1 rules sheet (row 1 already checked): one band per row from row 3. */
function ruleSetFromRowsV1(grid: readonly (readonly CellValue[])[], sheet: string): RuleSetRead {
  const problems: RuleSourceProblem[] = [];
  const at = (r: number, c: number) => qualifiedAddress(sheet, cellAddress(r + 1, c));
  const text = (r: number, c: number, band?: string): string => {
    const v = grid[r]?.[c];
    if (isBlank(v)) {
      problems.push({ kind: 'source', code: 'missing', where: at(r, c), band });
      return '';
    }
    return cellText(v);
  };
  const id = text(0, 2);
  const name = { vi: text(0, 3), en: text(0, 4) };

  const bands: BandRule[] = [];
  const bandRow = new Map<string, number>();
  for (let r = RULES_HEADER_ROWS; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.slice(0, RULES_COLUMNS.length).every(isBlank)) continue;
    const code = text(r, 0);
    const band = code || `#${bands.length + 1}`;
    const num = (c: number): number => {
      const v = row[c];
      const n = cellNumber(v);
      if (n === null)
        problems.push({
          kind: 'source',
          code: isBlank(v) ? 'missing' : 'notANumber',
          where: at(r, c),
          band,
          value: shownValue(v),
        });
      return n ?? Number.NaN;
    };
    const bool = (c: number): boolean => {
      const v = row[c];
      const b = cellBoolean(v);
      if (b === null)
        problems.push({
          kind: 'source',
          code: isBlank(v) ? 'missing' : 'notABoolean',
          where: at(r, c),
          band,
          value: shownValue(v),
        });
      return b ?? false;
    };
    const floor = optionalNumber(row[7], at(r, 7), band, problems);
    bands.push({
      code,
      label: { vi: text(r, 1, band), en: text(r, 2, band) },
      min: { pct: num(3), inclusive: bool(4) },
      max: { pct: num(5), inclusive: bool(6) },
      fieldFloorPct: floor,
    });
    if (code && !bandRow.has(code)) bandRow.set(code, r + 1);
  }
  if (problems.length > 0) return { ok: false, problems };
  const rules: RuleSet = { id, name, bands };
  const ruleProblems = validateRuleSet(rules);
  if (ruleProblems.length > 0) {
    return {
      ok: false,
      problems: ruleProblems.map((p) => ({
        kind: 'rule',
        where: p.code === 'noBands' ? at(RULES_HEADER_ROWS, 0) : ruleProblemCell(p, rules, bandRow, sheet),
        problem: p,
      })),
    };
  }
  return { ok: true, rules: normaliseRuleSet(rules) };
}

/**
 * Parses and checks a rule set in JSON (format version 2, or version 1; see docs/rules-store.md):
 * every key's type, no unknown keys, then the rules themselves. Problems name the JSON path and band.
 */
export function parseRuleSetJson(text: string): RuleSetRead {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      problems: [{ kind: 'source', code: 'notJson', where: '$', value: e instanceof Error ? e.message : String(e) }],
    };
  }
  return checkRuleSetData(data);
}

export { checkRuleSetData, normaliseRuleSet, ruleSetToJson, RULES_JSON_FORMAT_VERSION } from './rules-json';

/** One problem as a sentence: `'_TieuChiCCHC'!D4: mức "good": "tám mươi" không phải là số`. */
export function describeRuleSourceProblem(p: RuleSourceProblem, lang: Lang): string {
  // A setting's problem names its key itself: the JSON path would only repeat it.
  if (p.kind === 'rule')
    return `${p.where && p.where !== p.problem.key ? `${p.where}: ` : ''}${describeRuleProblem(p.problem, lang)}`;
  const m = messages(lang).review.source;
  const text = fill(m[p.code], {
    value: p.value ?? '',
    marker: RULES_MARKER,
    version: `${RULES_FORMAT_VERSION}, ${RULES_SHEET_VERSION_2}`,
  });
  const band = p.band ? fill(m.band, { band: p.band }) : '';
  return `${p.where}: ${band}${text}`;
}

/** A bound as a reviewer reads it (`80%`, `82,5%`), for messages. */
export function boundText(pct: number, lang: Lang): string {
  return formatBound(pct, lang);
}

/** The fingerprint of a grid's cells, for "has this block changed": types kept apart (1 ≠ "1"). */
export function gridFingerprint(grid: readonly (readonly CellValue[])[], columns?: (c: number) => boolean): string {
  const parts: string[] = [];
  grid.forEach((row, r) => {
    row.forEach((v, c) => {
      if (columns && !columns(c)) return;
      if (isBlank(v)) return;
      parts.push(`${r},${c}:${cellToken(v)}`);
    });
  });
  return fnv1a(parts.join('\u0001'));
}

/** A cell's value as a typed token: empty cells are '' whatever their type (Excel reads a blank as ''). */
export function cellToken(v: CellValue | undefined): string {
  if (isBlank(v)) return '';
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'boolean') return `b${v ? 1 : 0}`;
  return `s${v as string}`;
}

/**
 * An amended rule set named and numbered by the reviewer's decision: its id and name come from the
 * decision ("UBND tỉnh X, Quyết định số 12/2024/QĐ-UBND ngày 15/03/2024"), so the report cites it.
 */
export function amendRuleSet(rules: RuleSet, decision: RuleDecision): RuleSet {
  const t = (lang: Lang) => ({
    dated: messages(lang).ruleSets.decision,
    undated: messages(lang).ruleSets.decisionNoDate,
  });
  return {
    ...rules,
    id: idFromDecision(decision),
    name: nameFromDecision(decision, { vi: t('vi'), en: t('en') }),
    decision,
  };
}

/**
 * Whether an edited rule set still needs its own name and number before it is applied: its
 * meaning differs from every known set (the rules in force, the presets) and it carries no
 * decision of its own (none, or the decision of the set it was edited from). The report cites
 * the decision; an amended set is never called "(đã sửa)".
 */
export function needsDecision(rules: RuleSet, known: readonly RuleSet[], origin: RuleSet): boolean {
  const fp = ruleSetFingerprint(rules);
  if (known.some((k) => ruleSetFingerprint(k) === fp)) return false;
  const d = rules.decision;
  if (!d || d.number.trim() === '') return true;
  const o = origin.decision;
  return !!o && o.number.trim() === d.number.trim() && o.date === d.date;
}
