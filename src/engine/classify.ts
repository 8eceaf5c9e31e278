/**
 * Classification: a unit takes the highest band whose index bound and field floor both hold,
 * falling down band by band; the last band takes whoever is left.
 */
import { comparePct, roundedPct } from './decimal';
import type { CompiledBand } from './rules';
import type { BandCode, DemotionStep, FieldDef, FieldScore, UnitFieldResult } from './types';

/** The exact figures the classifier needs for one unit. */
export interface UnitFigures {
  /** Total points (fields + bonus − deduction, kept within 0..max), scaled. */
  totalScaled: number;
  /** Sum of the applicable fields' max points, scaled. */
  maxScaled: number;
}

/** A unit's total and applicable max: not-applicable fields leave the max, bonus and deduction adjust only the total. */
export function unitFigures(scores: readonly FieldScore[], fields: readonly FieldDef[], bonusScaled: number, deductionScaled: number): UnitFigures {
  let total = 0;
  let max = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s.kind === 'notApplicable') continue;
    max += fields[i].maxScaled ?? 0;
    if (s.kind === 'points') total += s.scaled;
  }
  total += bonusScaled - deductionScaled;
  return { totalScaled: Math.min(Math.max(total, 0), max), maxScaled: max };
}

/** The band by index alone: the first band whose lower bound the index reaches. */
export function bandIndexByIndex(totalScaled: number, maxScaled: number, bands: readonly CompiledBand[]): number {
  for (let i = 0; i < bands.length - 1; i++) {
    const cmp = comparePct(totalScaled, maxScaled, bands[i].minScaled);
    if (cmp > 0 || (cmp === 0 && bands[i].minInclusive)) return i;
  }
  return bands.length - 1;
}

/** The fields under a floor, with their percentages. */
export function fieldsUnderFloor(scores: readonly FieldScore[], fields: readonly FieldDef[], floorScaled: number, floorPct: number) {
  const failing = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    const max = fields[i].maxScaled;
    if (s.kind !== 'points' || max === null) continue;
    if (comparePct(s.scaled, max, floorScaled) < 0) failing.push({ label: fields[i].label, pct: roundedPct(s.scaled, max), floorPct });
  }
  return failing;
}

export interface Classification {
  indexBand: BandCode;
  band: BandCode;
  demotedFrom: BandCode | null;
  demotion: DemotionStep[];
}

/**
 * Classifies one unit and explains it: the band by index alone, the band given, and for each
 * band refused on the way down the fields that missed its floor.
 */
export function classifyUnit(scores: readonly FieldScore[], fields: readonly FieldDef[], figures: UnitFigures, bands: readonly CompiledBand[]): Classification {
  const start = figures.maxScaled > 0 ? bandIndexByIndex(figures.totalScaled, figures.maxScaled, bands) : bands.length - 1;
  const demotion: DemotionStep[] = [];
  let i = start;
  for (; i < bands.length - 1; i++) {
    const b = bands[i];
    if (b.floorScaled === null) break;
    const failing = fieldsUnderFloor(scores, fields, b.floorScaled, b.rule.fieldFloorPct as number);
    if (failing.length === 0) break;
    demotion.push({ band: b.rule.code, failingFields: failing });
  }
  return {
    indexBand: bands[start].rule.code,
    band: bands[i].rule.code,
    demotedFrom: i === start ? null : bands[start].rule.code,
    demotion,
  };
}

/**
 * Per-field figures of one unit for display and JSON. With a cache (one map per field, kept
 * across the units of a table), equal points in a field share one result object: results are
 * never mutated, and a large table then holds one object per distinct score, not per cell.
 */
export function unitFieldResults(scores: readonly FieldScore[], fields: readonly FieldDef[], cache?: Map<number, UnitFieldResult>[]): UnitFieldResult[] {
  return scores.map((s, i) => {
    if (!cache || s.kind !== 'points') return unitFieldResult(s, fields[i]);
    const byScore = cache[i] ?? (cache[i] = new Map());
    let r = byScore.get(s.scaled);
    if (r === undefined) byScore.set(s.scaled, (r = unitFieldResult(s, fields[i])));
    return r;
  });
}

function unitFieldResult(s: FieldScore, field: FieldDef): UnitFieldResult {
  const max = field.maxScaled ?? 0;
  if (s.kind === 'points') return { label: field.label, score: s.scaled / 1e4, max: max / 1e4, pct: max > 0 ? roundedPct(s.scaled, max) : null, notApplicable: false };
  return { label: field.label, score: null, max: max / 1e4, pct: null, notApplicable: s.kind === 'notApplicable' };
}
