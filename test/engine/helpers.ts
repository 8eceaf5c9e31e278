/** Builders shared by the engine tests: small tables and grids written the way people type them. */
import { toScaled } from '../../src/engine/decimal';
import { HAI_DUONG_2018 } from '../../src/engine/rules';
import { scoreTable } from '../../src/engine/score';
import type {
  BandRule,
  FieldDef,
  FieldScore,
  RuleSet,
  ScoringResult,
  ScoringTable,
  UnitInput,
} from '../../src/engine/types';

export const RULES = HAI_DUONG_2018;

/** Points → scaled integer; fails the test on more than 4 decimals. */
export function sc(points: number): number {
  const r = toScaled(points);
  if (!r.ok || r.rounded) throw new Error(`bad test points ${points}`);
  return r.scaled;
}

export type Pts = number | 'na' | 'invalid';

export function fieldDefs(maxes: readonly number[], labels?: readonly string[]): FieldDef[] {
  return maxes.map((m, i) => ({
    label: labels?.[i] ?? `LV${i + 1}`,
    maxScaled: sc(m),
    column: String.fromCharCode(67 + i),
    maxAddress: `${String.fromCharCode(67 + i)}2`,
  }));
}

export interface UnitSpec {
  name: string;
  scores: readonly Pts[];
  bonus?: number;
  deduction?: number;
  lastYearIndex?: number | null;
  lastYearBand?: string | null;
}

export function toScore(p: Pts): FieldScore {
  if (p === 'na') return { kind: 'notApplicable' };
  if (p === 'invalid') return { kind: 'invalid' };
  return { kind: 'points', scaled: sc(p) };
}

export function unitInput(u: UnitSpec, k: number): UnitInput {
  return {
    name: u.name,
    row: k + 3,
    nameAddress: `B${k + 3}`,
    scores: u.scores.map(toScore),
    bonusScaled: u.bonus === undefined ? 0 : sc(u.bonus),
    deductionScaled: u.deduction === undefined ? 0 : sc(u.deduction),
    statedTotalScaled: null,
    lastYearIndexScaled: u.lastYearIndex == null ? null : sc(u.lastYearIndex),
    lastYearBand: u.lastYearBand ?? null,
  };
}

export function makeTable(
  maxes: readonly number[],
  units: readonly UnitSpec[],
  labels?: readonly string[],
): ScoringTable {
  return { sheet: 'Tổng hợp', fields: fieldDefs(maxes, labels), units: units.map(unitInput) };
}

/** Scores units against the default rules (or `rules`). */
export function score(
  maxes: readonly number[],
  units: readonly UnitSpec[],
  rules: RuleSet = RULES,
  labels?: readonly string[],
): ScoringResult {
  return scoreTable(makeTable(maxes, units, labels), rules);
}

/** One unit, one result. */
export function scoreOne(
  maxes: readonly number[],
  scores: readonly Pts[],
  rules: RuleSet = RULES,
  labels?: readonly string[],
) {
  return score(maxes, [{ name: 'Xã A', scores }], rules, labels).units[0];
}

/** A deep copy of a rule set with edits applied to the bands. */
export function editRules(edit: (bands: BandRule[]) => void, base: RuleSet = RULES): RuleSet {
  const copy: RuleSet = JSON.parse(JSON.stringify(base));
  edit(copy.bands);
  return copy;
}

export function band(rules: RuleSet, code: string): BandRule {
  const b = rules.bands.find((x) => x.code === code);
  if (!b) throw new Error(`no band ${code}`);
  return b;
}
