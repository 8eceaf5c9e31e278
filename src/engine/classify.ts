/**
 * The classification rule, in one place: a unit takes the highest band whose index bound and
 * field floor both hold, falling down band by band; the last band takes whoever is left.
 * The summary, the rule preview, the narrative and both writers take bands from here.
 */
import { comparePct, roundedPct } from './decimal';
import type { CompiledBand } from './rules';
import type { BandCode, DemotionStep, FailingField, FieldDef, FieldScore, UnitFieldResult } from './types';

/** A percentage of 100 points, scaled: an index given in percent is total/HUNDRED_SCALED. */
const HUNDRED_SCALED = 100 * 1e4;

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
  scores.forEach((s, i) => {
    if (s.kind === 'notApplicable') return;
    max += fields[i].maxScaled ?? 0;
    if (s.kind === 'points') total += s.scaled;
  });
  total += bonusScaled - deductionScaled;
  return { totalScaled: Math.min(Math.max(total, 0), max), maxScaled: max };
}

/** Whether the index total/max reaches a lower bound (pctScaled, inclusive or not). */
export function reachesBound(totalScaled: number, maxScaled: number, pctScaled: number, inclusive: boolean): boolean {
  if (maxScaled <= 0) return false;
  const cmp = comparePct(totalScaled, maxScaled, pctScaled);
  return cmp > 0 || (cmp === 0 && inclusive);
}

/** The band by index alone (the score group), as an index into `bands`: the first whose lower bound the index reaches. */
export function bandIndexByIndex(totalScaled: number, maxScaled: number, bands: readonly CompiledBand[]): number {
  for (let i = 0; i < bands.length - 1; i++) {
    if (reachesBound(totalScaled, maxScaled, bands[i].minScaled, bands[i].minInclusive)) return i;
  }
  return bands.length - 1;
}

/** The band of an index given in percent, scaled (83.3% → 833000). */
export function bandOfIndexPct(indexScaled: number, bands: readonly CompiledBand[]): CompiledBand {
  return bands[bandIndexByIndex(indexScaled, HUNDRED_SCALED, bands)];
}

/** Whether a field's points meet a floor (a percentage of the field's max, scaled; inclusive). */
export function meetsFloor(pointsScaled: number, maxScaled: number, floorScaled: number): boolean {
  return comparePct(pointsScaled, maxScaled, floorScaled) >= 0;
}

/** The fields under a floor, with their percentages. */
export function fieldsUnderFloor(scores: readonly FieldScore[], fields: readonly FieldDef[], floorScaled: number, floorPct: number): FailingField[] {
  const failing: FailingField[] = [];
  scores.forEach((s, i) => {
    const max = fields[i].maxScaled;
    if (s.kind !== 'points' || max === null || meetsFloor(s.scaled, max, floorScaled)) return;
    failing.push({ label: fields[i].label, pct: roundedPct(s.scaled, max), floorPct });
  });
  return failing;
}

export interface Classification {
  indexBand: BandCode;
  band: BandCode;
  demotedFrom: BandCode | null;
  demotion: DemotionStep[];
}

/**
 * The cascade and its explanation: the band by index alone, the band given, and for each band
 * refused on the way down the fields that missed its floor.
 */
export function classifyUnit(scores: readonly FieldScore[], fields: readonly FieldDef[], figures: UnitFigures, bands: readonly CompiledBand[]): Classification {
  const start = bandIndexByIndex(figures.totalScaled, figures.maxScaled, bands);
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

/** A unit's band last year: the band the workbook gives, else the band last year's index alone gives; null when neither is known. */
export function lastYearBandOf(givenBand: BandCode | null, indexScaled: number | null, bands: readonly CompiledBand[]): BandCode | null {
  if (givenBand !== null) return givenBand;
  return indexScaled === null ? null : bandOfIndexPct(indexScaled, bands).rule.code;
}

/** Per-field figures of one unit for display and JSON. */
export function unitFieldResults(scores: readonly FieldScore[], fields: readonly FieldDef[]): UnitFieldResult[] {
  return scores.map((s, i) => unitFieldResult(s, fields[i]));
}

function unitFieldResult(s: FieldScore, field: FieldDef): UnitFieldResult {
  const max = field.maxScaled ?? 0;
  if (s.kind === 'points') return { label: field.label, score: s.scaled / 1e4, max: max / 1e4, pct: max > 0 ? roundedPct(s.scaled, max) : null, notApplicable: false };
  return { label: field.label, score: null, max: max / 1e4, pct: null, notApplicable: s.kind === 'notApplicable' };
}
