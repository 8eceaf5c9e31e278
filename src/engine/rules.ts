/**
 * Rule sets as data, the default (Hải Dương Decision 29/2018/QĐ-UBND) and their validation.
 */
import { pctToScaled } from './decimal';
import type { BandRule, RuleSet } from './types';

/** The bands of Hải Dương Decision 29/2018/QĐ-UBND, as the 2021 Tứ Kỳ report applies them. */
export const HAI_DUONG_2018: RuleSet = {
  id: 'hai-duong-29-2018',
  name: {
    vi: 'Hải Dương, Quyết định 29/2018/QĐ-UBND',
    en: 'Hải Dương, Decision 29/2018/QĐ-UBND',
  },
  bands: [
    {
      code: 'excellent',
      label: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
      min: { pct: 90, inclusive: true },
      max: { pct: 100, inclusive: true },
      fieldFloorPct: 80,
    },
    {
      code: 'good',
      label: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
      min: { pct: 80, inclusive: true },
      max: { pct: 90, inclusive: false },
      fieldFloorPct: 70,
    },
    {
      code: 'complete',
      label: { vi: 'Hoàn thành nhiệm vụ', en: 'Complete' },
      min: { pct: 65, inclusive: true },
      max: { pct: 80, inclusive: false },
      fieldFloorPct: 50,
    },
    {
      code: 'incomplete',
      label: { vi: 'Không hoàn thành nhiệm vụ', en: 'Incomplete' },
      min: { pct: 0, inclusive: true },
      max: { pct: 65, inclusive: false },
      fieldFloorPct: null,
    },
  ],
};

/**
 * The same decision read as the seed's band list literally writes it: "Hoàn thành tốt nhiệm vụ …
 * đạt trên 80% đến dưới 90%" while "Hoàn thành nhiệm vụ" runs "từ 65% đến dưới 80%". Read
 * literally that leaves exactly 80% in no band; this variant closes the gap the only way the
 * words "trên 80%" allow, by counting exactly 80% in "Hoàn thành nhiệm vụ". Floors unchanged.
 */
export const HAI_DUONG_2018_ABOVE_80: RuleSet = {
  id: 'hai-duong-29-2018-tren-80',
  name: {
    vi: 'Hải Dương, Quyết định 29/2018/QĐ-UBND (đọc "trên 80%": đúng 80% xếp Hoàn thành nhiệm vụ)',
    en: 'Hải Dương, Decision 29/2018/QĐ-UBND (read as "above 80%": exactly 80% is Complete)',
  },
  bands: HAI_DUONG_2018.bands.map((b) => {
    if (b.code === 'good') return { ...b, min: { pct: 80, inclusive: false } };
    if (b.code === 'complete') return { ...b, max: { pct: 80, inclusive: true } };
    return b;
  }),
};

/** Presets a reviewer can pick. */
export const PRESETS: readonly RuleSet[] = [HAI_DUONG_2018, HAI_DUONG_2018_ABOVE_80];

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
    | 'floorOutOfRange';
  /** The band concerned (its code), and the neighbouring band for gaps and overlaps. */
  band: string;
  other?: string;
  /** The value concerned, in percent. */
  value?: number;
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
  const problems: RuleProblem[] = [];
  const bands: BandRule[] = Array.isArray(rules?.bands) ? rules.bands : [];
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
  if (!okMin || !okMax) return false;
  const lo = b.min.pct;
  const hi = b.max.pct;
  if (lo > hi || (lo === hi && !(b.min.inclusive && b.max.inclusive))) {
    problems.push({ code: 'emptyRange', band: code, value: lo, otherValue: hi });
    return false;
  }
  return okFloor;
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
  if (top.max.pct !== 100 || !top.max.inclusive) problems.push({ code: 'topNot100', band: top.code, value: top.max.pct });
  const bottom = bands[bands.length - 1];
  if (bottom.min.pct !== 0 || !bottom.min.inclusive) problems.push({ code: 'bottomNot0', band: bottom.code, value: bottom.min.pct });
}

/** Neighbouring bands descend and meet exactly: no gap, no overlap. */
function checkJoins(bands: readonly BandRule[], problems: RuleProblem[]): void {
  for (let i = 0; i + 1 < bands.length; i++) {
    const upper = bands[i];
    const lower = bands[i + 1];
    if (lower.min.pct > upper.min.pct) {
      problems.push({ code: 'notDescending', band: lower.code, other: upper.code, value: lower.min.pct, otherValue: upper.min.pct });
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

/** A rule set with its bounds pre-scaled for the classifier. */
export interface CompiledBand {
  rule: BandRule;
  minScaled: number;
  minInclusive: boolean;
  floorScaled: number | null;
}

export class InvalidRuleSetError extends Error {
  constructor(readonly problems: RuleProblem[], message: string) {
    super(message);
    this.name = 'InvalidRuleSetError';
  }
}

/** Validates and pre-scales a rule set; throws InvalidRuleSetError listing the problems. */
export function compileRuleSet(rules: RuleSet, describe: (p: RuleProblem) => string = defaultDescribe): CompiledBand[] {
  const problems = validateRuleSet(rules);
  if (problems.length > 0) throw new InvalidRuleSetError(problems, problems.map(describe).join('\n'));
  return rules.bands.map((rule) => ({
    rule,
    minScaled: pctToScaled(rule.min.pct),
    minInclusive: rule.min.inclusive,
    floorScaled: rule.fieldFloorPct === null ? null : pctToScaled(rule.fieldFloorPct),
  }));
}

function defaultDescribe(p: RuleProblem): string {
  return `${p.code}: ${p.band}${p.other ? `/${p.other}` : ''}${p.value !== undefined ? ` ${p.value}` : ''}`;
}

/** A short, stable fingerprint of a rule set's meaning (bounds, floors, codes, labels). */
export function ruleSetFingerprint(rules: RuleSet): string {
  const canonical = JSON.stringify(
    rules.bands.map((b) => [b.code, b.label.vi, b.label.en, b.min.pct, b.min.inclusive, b.max.pct, b.max.inclusive, b.fieldFloorPct]),
  );
  return fnv1a(canonical);
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
