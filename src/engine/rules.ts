/**
 * Rule sets as data, the default (Hải Dương Decision 29/2018/QĐ-UBND) and their validation.
 */
import { pctToScaled } from './decimal';
import { fold } from './text';
import type { BandRule, IndexComponents, LocalisedText, RankMethod, RuleBlock, RuleDecision, RuleSet } from './types';

export { HAI_DUONG_2018, HAI_DUONG_2018_ABOVE_80, NATIONAL_GROUPS_2024, PRESETS, PRESET_FILES } from './presets';

/** What is wrong with a rule set, naming the band and the value. */
export interface RuleProblem {
  code:
    | 'noBands'
    | 'badCode'
    | 'duplicateCode'
    | 'missingLabel'
    | 'notANumber'
    | 'outOfRange'
    | 'tooManyDecimals'
    | 'emptyRange'
    | 'notDescending'
    | 'gap'
    | 'overlap'
    | 'topNot100'
    | 'bottomNot0'
    | 'floorOutOfRange'
    | 'badFloorField'
    | 'duplicateFloorField'
    | 'badDecimals'
    | 'badRankMethod'
    | 'capOutOfRange'
    | 'componentPoints'
    | 'badBlockCode'
    | 'duplicateBlock'
    | 'missingBlockLabel'
    | 'badDecisionNumber'
    | 'badDecisionDate';
  /** The band concerned (its code), and the neighbouring band for gaps and overlaps ('' for a setting). */
  band: string;
  /** The block whose own bands are concerned. */
  block?: string;
  /** The field of a per-field floor. */
  field?: string;
  /** The setting concerned (`indexDecimals`, `caps.bonusPoints`, `components.survey.points`, …). */
  key?: string;
  other?: string;
  /** The value concerned, in percent. */
  value?: number | string;
  otherValue?: number;
}

function checkPct(band: string, value: unknown, problems: RuleProblem[], floor = false): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push({ code: 'notANumber', band, value: value as number });
    return false;
  }
  if (value < 0 || value > 100) {
    problems.push({ code: floor ? 'floorOutOfRange' : 'outOfRange', band, value });
    return false;
  }
  try {
    pctToScaled(value);
  } catch {
    problems.push({ code: 'tooManyDecimals', band, value });
    return false;
  }
  return true;
}

/**
 * Checks a rule set: bands ordered from highest to lowest, ranges inside 0–100 that meet
 * exactly (one side inclusive, the other exclusive) with no gap and no overlap, the top
 * reaching 100% and the bottom 0%, floors inside 0–100. Returns every problem found.
 */
export function validateRuleSet(rules: RuleSet): RuleProblem[] {
  const problems = validateBands(Array.isArray(rules?.bands) ? rules.bands : []);
  problems.push(...validateSettings(rules));
  for (const b of Array.isArray(rules?.blocks) ? rules.blocks : []) {
    if (b?.bands !== undefined)
      problems.push(...validateBands(Array.isArray(b.bands) ? b.bands : []).map((p) => ({ ...p, block: b.code })));
  }
  return problems;
}

/** The band checks of validateRuleSet, for the rule set's bands or a block's own. */
export function validateBands(bands: readonly BandRule[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (bands.length === 0) return [{ code: 'noBands', band: '' }];
  const seen = new Set<string>();
  let numericOk = true;
  bands.forEach((b, i) => {
    if (!checkBand(b, i, seen, problems)) numericOk = false;
  });
  if (!numericOk) return problems;
  checkEnds(bands, problems);
  checkJoins(bands, problems);
  return problems;
}

/** One band on its own: code, label, bounds and floor inside 0–100, a range that is not empty. False when its numbers are unusable. */
function checkBand(b: BandRule, i: number, seen: Set<string>, problems: RuleProblem[]): boolean {
  const code = checkBandNames(b, i, seen, problems);
  const okMin = checkPct(code, b?.min?.pct, problems);
  const okMax = checkPct(code, b?.max?.pct, problems);
  const okFloor = b?.fieldFloorPct === null || checkPct(code, b?.fieldFloorPct, problems, true);
  const okFieldFloors = checkFieldFloors(code, b?.fieldFloors, problems);
  if (!okMin || !okMax) return false;
  return checkRange(b, code, problems) && okFloor && okFieldFloors;
}

/** A band's range holds some value (from ≤ to, both ends inclusive when they are equal). */
function checkRange(b: BandRule, code: string, problems: RuleProblem[]): boolean {
  const lo = b.min.pct;
  const hi = b.max.pct;
  if (lo > hi || (lo === hi && !(b.min.inclusive && b.max.inclusive))) {
    problems.push({ code: 'emptyRange', band: code, value: lo, otherValue: hi });
    return false;
  }
  return true;
}

/** A band's code (or "#n" when it has none), once only, and its labels in both languages; returns the code problems are reported under. */
function checkBandNames(b: BandRule, i: number, seen: Set<string>, problems: RuleProblem[]): string {
  const code = typeof b?.code === 'string' && b.code.trim() !== '' ? b.code : `#${i + 1}`;
  if (code.startsWith('#')) problems.push({ code: 'badCode', band: code });
  if (seen.has(code)) problems.push({ code: 'duplicateCode', band: code });
  seen.add(code);
  if (!b?.label || !b.label.vi?.trim() || !b.label.en?.trim()) problems.push({ code: 'missingLabel', band: code });
  return code;
}

/** The top band reaches 100% and the bottom one 0%. */
function checkEnds(bands: readonly BandRule[], problems: RuleProblem[]): void {
  const top = bands[0];
  if (top.max.pct !== 100 || !top.max.inclusive)
    problems.push({ code: 'topNot100', band: top.code, value: top.max.pct });
  const bottom = bands[bands.length - 1];
  if (bottom.min.pct !== 0 || !bottom.min.inclusive)
    problems.push({ code: 'bottomNot0', band: bottom.code, value: bottom.min.pct });
}

/** Neighbouring bands descend and meet exactly: no gap, no overlap. */
function checkJoins(bands: readonly BandRule[], problems: RuleProblem[]): void {
  for (let i = 0; i + 1 < bands.length; i++) {
    const upper = bands[i];
    const lower = bands[i + 1];
    if (lower.min.pct > upper.min.pct) {
      problems.push({
        code: 'notDescending',
        band: lower.code,
        other: upper.code,
        value: lower.min.pct,
        otherValue: upper.min.pct,
      });
      continue;
    }
    const a = upper.min;
    const b = lower.max;
    if (a.pct > b.pct || (a.pct === b.pct && !a.inclusive && !b.inclusive)) {
      problems.push({ code: 'gap', band: upper.code, other: lower.code, value: a.pct, otherValue: b.pct });
    } else if (a.pct < b.pct || (a.pct === b.pct && a.inclusive && b.inclusive)) {
      problems.push({ code: 'overlap', band: upper.code, other: lower.code, value: a.pct, otherValue: b.pct });
    }
  }
}

/** A band's per-field floors: each names a field once, with a floor within 0–100 or null. */
function checkFieldFloors(band: string, floors: BandRule['fieldFloors'], problems: RuleProblem[]): boolean {
  if (floors === undefined) return true;
  let ok = true;
  const seen = new Set<string>();
  for (const f of Array.isArray(floors) ? floors : []) {
    const field = typeof f?.field === 'string' ? f.field.trim() : '';
    if (field === '') {
      problems.push({ code: 'badFloorField', band, value: String(f?.field ?? '') });
      ok = false;
      continue;
    }
    if (seen.has(fold(field))) problems.push({ code: 'duplicateFloorField', band, field });
    seen.add(fold(field));
    const before = problems.length;
    if (f.pct !== null && !checkPct(band, f.pct, problems, true)) {
      for (let i = before; i < problems.length; i++) problems[i].field = field;
      ok = false;
    }
  }
  return ok;
}

const MAX_INDEX_DECIMALS = 4;
const RANK_METHODS: readonly RankMethod[] = ['rankEq', 'dense'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A non-negative number of points with at most 4 decimals (a cap, a component's points). */
function checkPoints(
  value: unknown,
  key: string,
  code: 'capOutOfRange' | 'componentPoints',
  problems: RuleProblem[],
  positive = false,
): void {
  let ok = typeof value === 'number' && Number.isFinite(value) && value >= 0 && !(positive && value === 0);
  if (ok) {
    try {
      pctToScaled(value as number);
    } catch {
      ok = false;
    }
  }
  if (!ok) problems.push({ code, band: '', key, value: typeof value === 'number' ? value : String(value) });
}

/** The settings beside the bands: rounding, rank method, caps, components, blocks, the decision. */
function validateSettings(rules: RuleSet): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const d = rules.indexDecimals;
  if (d !== undefined && d !== null && !(Number.isInteger(d) && d >= 0 && d <= MAX_INDEX_DECIMALS))
    problems.push({ code: 'badDecimals', band: '', key: 'indexDecimals', value: String(d) });
  if (rules.rankMethod !== undefined && !RANK_METHODS.includes(rules.rankMethod))
    problems.push({ code: 'badRankMethod', band: '', key: 'rankMethod', value: String(rules.rankMethod) });
  if (rules.caps?.bonusPoints != null)
    checkPoints(rules.caps.bonusPoints, 'caps.bonusPoints', 'capOutOfRange', problems);
  if (rules.caps?.deductionPoints != null)
    checkPoints(rules.caps.deductionPoints, 'caps.deductionPoints', 'capOutOfRange', problems);
  if (rules.components) checkComponents(rules.components, problems);
  checkBlocks(rules.blocks, problems);
  if (rules.decision) checkDecision(rules.decision, problems);
  return problems;
}

function checkDecision(dec: RuleDecision, problems: RuleProblem[]): void {
  if (typeof dec.number !== 'string' || dec.number.trim() === '')
    problems.push({ code: 'badDecisionNumber', band: '', key: 'decision.number', value: String(dec.number ?? '') });
  if (typeof dec.date !== 'string' || (dec.date !== '' && !validIsoDate(dec.date)))
    problems.push({ code: 'badDecisionDate', band: '', key: 'decision.date', value: String(dec.date) });
}

function validIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function checkComponents(c: IndexComponents, problems: RuleProblem[]): void {
  checkPoints(c.appraisal?.points, 'components.appraisal.points', 'componentPoints', problems, true);
  checkPoints(c.survey?.points, 'components.survey.points', 'componentPoints', problems, true);
}

function checkBlocks(blocks: readonly RuleBlock[] | undefined, problems: RuleProblem[]): void {
  const seen = new Set<string>();
  (blocks ?? []).forEach((b, i) => {
    const code = typeof b?.code === 'string' ? b.code.trim() : '';
    if (code === '') {
      problems.push({ code: 'badBlockCode', band: '', key: `blocks[${i}].code`, block: `#${i + 1}` });
      return;
    }
    if (seen.has(fold(code))) problems.push({ code: 'duplicateBlock', band: '', block: code });
    seen.add(fold(code));
    if (!b.label || !b.label.vi?.trim() || !b.label.en?.trim())
      problems.push({ code: 'missingBlockLabel', band: '', block: code });
  });
}

/** A rule set with its bounds pre-scaled for the classifier. */
export interface CompiledBand {
  rule: BandRule;
  minScaled: number;
  minInclusive: boolean;
  floorScaled: number | null;
  /** Per-field floors by folded field label: the floor scaled, or null for no floor. */
  fieldFloors: ReadonlyMap<string, { scaled: number | null; pct: number | null }>;
}

/** A field's floor in a band: its own when the band names it, else the band's; null: no floor. */
export function floorFor(b: CompiledBand, fieldLabel: string): { scaled: number; pct: number } | null {
  // Most bands set no floor per field: no fold of the label for them.
  const own = b.fieldFloors.size > 0 ? b.fieldFloors.get(fold(fieldLabel)) : undefined;
  if (own !== undefined) return own.scaled === null ? null : { scaled: own.scaled, pct: own.pct as number };
  return b.floorScaled === null ? null : { scaled: b.floorScaled, pct: b.rule.fieldFloorPct as number };
}

/** Whether a band sets any floor at all (on every field or on some). */
export function hasAnyFloor(b: CompiledBand): boolean {
  return b.floorScaled !== null || [...b.fieldFloors.values()].some((f) => f.scaled !== null);
}

/** A block as the scorer uses it: the bands its units are classified with, and whether they are ranked. */
export interface CompiledBlock {
  code: string;
  label: LocalisedText;
  ranked: boolean;
  bands: CompiledBand[];
}

/** A rule set ready for scoring: every bound and setting pre-scaled. */
export interface CompiledRules {
  rules: RuleSet;
  bands: CompiledBand[];
  blocks: CompiledBlock[];
  indexDecimals: number | null;
  rankMethod: RankMethod;
  bonusCapScaled: number | null;
  deductionCapScaled: number | null;
  components: {
    appraisalScaled: number;
    surveyScaled: number;
    surveyFloor: boolean;
    appraisalFloor: boolean;
    convert: boolean;
    rule: IndexComponents;
  } | null;
}

/** The rule set's block a unit's block cell names (its code or a label, case and diacritics ignored). */
export function findBlock(compiled: CompiledRules, text: string): CompiledBlock | undefined {
  const key = fold(text);
  return compiled.blocks.find((b) => fold(b.code) === key || fold(b.label.vi) === key || fold(b.label.en) === key);
}

export class InvalidRuleSetError extends Error {
  constructor(
    readonly problems: RuleProblem[],
    message: string,
  ) {
    super(message);
    this.name = 'InvalidRuleSetError';
  }
}

/** Validates and pre-scales a rule set; throws InvalidRuleSetError listing the problems. */
export function compileRuleSet(rules: RuleSet, describe: (p: RuleProblem) => string = defaultDescribe): CompiledBand[] {
  const problems = validateRuleSet(rules);
  if (problems.length > 0) throw new InvalidRuleSetError(problems, problems.map(describe).join('\n'));
  return compileBands(rules.bands);
}

function compileBands(bands: readonly BandRule[]): CompiledBand[] {
  return bands.map((rule) => ({
    rule,
    minScaled: pctToScaled(rule.min.pct),
    minInclusive: rule.min.inclusive,
    floorScaled: rule.fieldFloorPct === null ? null : pctToScaled(rule.fieldFloorPct),
    fieldFloors: new Map(
      (rule.fieldFloors ?? []).map((f) => [
        fold(f.field),
        { scaled: f.pct === null ? null : pctToScaled(f.pct), pct: f.pct },
      ]),
    ),
  }));
}

const scaledOrNull = (v: number | null | undefined) => (v === null || v === undefined ? null : pctToScaled(v));

/** Validates and pre-scales a whole rule set (bands, blocks, settings); throws InvalidRuleSetError. */
export function compileRules(rules: RuleSet, describe: (p: RuleProblem) => string = defaultDescribe): CompiledRules {
  const bands = compileRuleSet(rules, describe);
  const c = rules.components ?? null;
  return {
    rules,
    bands,
    blocks: (rules.blocks ?? []).map((b) => ({
      code: b.code,
      label: b.label,
      ranked: b.ranked,
      bands: b.bands ? compileBands(b.bands) : bands,
    })),
    indexDecimals: rules.indexDecimals ?? null,
    rankMethod: rules.rankMethod ?? 'rankEq',
    bonusCapScaled: scaledOrNull(rules.caps?.bonusPoints),
    deductionCapScaled: scaledOrNull(rules.caps?.deductionPoints),
    components: c
      ? {
          appraisalScaled: pctToScaled(c.appraisal.points),
          surveyScaled: pctToScaled(c.survey.points),
          surveyFloor: c.survey.floorApplies,
          appraisalFloor: c.appraisal.floorApplies,
          convert: c.convertWithoutSurvey,
          rule: c,
        }
      : null,
  };
}

/** Every band code of a rule set, its own and its blocks', each once, in order. */
export function allBandCodes(rules: RuleSet): string[] {
  const codes: string[] = [];
  for (const b of [...rules.bands, ...(rules.blocks ?? []).flatMap((x) => x.bands ?? [])])
    if (!codes.includes(b.code)) codes.push(b.code);
  return codes;
}

function defaultDescribe(p: RuleProblem): string {
  return `${p.code}: ${p.band}${p.other ? `/${p.other}` : ''}${p.value !== undefined ? ` ${p.value}` : ''}`;
}

/** A short, stable fingerprint of a rule set's meaning (bounds, floors, codes, labels). */
export function ruleSetFingerprint(rules: RuleSet): string {
  const bandsOf = (bands: readonly BandRule[]) =>
    bands.map((b) => {
      const row: unknown[] = [
        b.code,
        b.label.vi,
        b.label.en,
        b.min.pct,
        b.min.inclusive,
        b.max.pct,
        b.max.inclusive,
        b.fieldFloorPct,
      ];
      if (b.fieldFloors && b.fieldFloors.length > 0) row.push(b.fieldFloors.map((f) => [f.field, f.pct]));
      return row;
    });
  const parts: unknown[] = bandsOf(rules.bands);
  // Settings at their defaults leave a version-1 rule set's fingerprint as it was.
  const extra: Record<string, unknown> = {};
  if (rules.indexDecimals !== undefined && rules.indexDecimals !== null) extra.d = rules.indexDecimals;
  if (rules.rankMethod !== undefined && rules.rankMethod !== 'rankEq') extra.r = rules.rankMethod;
  if (rules.caps && (rules.caps.bonusPoints !== null || rules.caps.deductionPoints !== null))
    extra.c = [rules.caps.bonusPoints, rules.caps.deductionPoints];
  if (rules.components) extra.k = rules.components;
  if (rules.blocks && rules.blocks.length > 0)
    extra.b = rules.blocks.map((b) => [b.code, b.label.vi, b.label.en, b.ranked, b.bands ? bandsOf(b.bands) : null]);
  if (Object.keys(extra).length > 0) parts.push(extra);
  return fnv1a(JSON.stringify(parts));
}

/** FNV-1a 32-bit hash as 8 hex digits; enough to tell two versions of a table apart. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A date as the report writes it: 2024-03-15 → 15/03/2024. */
function reportDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The name an amended rule set carries, from the decision a reviewer gives it: "UBND tỉnh X,
 * Quyết định số 12/2024/QĐ-UBND ngày 15/03/2024" (the report cites it; never "(đã sửa)").
 */
export function nameFromDecision(
  d: RuleDecision,
  templates: { vi: { dated: string; undated: string }; en: { dated: string; undated: string } },
): LocalisedText {
  const one = (lang: 'vi' | 'en') => {
    const t = templates[lang];
    const params: Record<string, string> = {
      number: d.number.trim(),
      date: d.date ? reportDate(d.date) : '',
      issuer: d.issuer[lang].trim(),
    };
    return (d.date ? t.dated : t.undated).replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  };
  return { vi: one('vi'), en: one('en') };
}

/** An id from a decision's number: "12/2024/QĐ-UBND" → "12-2024-qd-ubnd". */
export function idFromDecision(d: RuleDecision): string {
  return (
    fold(d.number)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'quyet-dinh'
  );
}
