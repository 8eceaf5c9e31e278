/**
 * The classification rule, in one place: a unit takes the highest band whose index bound and
 * field floor both hold, falling down band by band; the last band takes whoever is left.
 * The summary, the rule preview, the narrative and both writers take bands from here.
 */
import { comparePct, roundedPct } from './decimal';
import { floorFor, type CompiledBand } from './rules';
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
export function unitFigures(
  scores: readonly FieldScore[],
  fields: readonly FieldDef[],
  bonusScaled: number,
  deductionScaled: number,
): UnitFigures {
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
export function fieldsUnderFloor(
  scores: readonly FieldScore[],
  fields: readonly FieldDef[],
  floorScaled: number,
  floorPct: number,
): FailingField[] {
  const failing: FailingField[] = [];
  scores.forEach((s, i) => {
    const max = fields[i].maxScaled;
    if (s.kind !== 'points' || max === null || meetsFloor(s.scaled, max, floorScaled)) return;
    failing.push({ label: fields[i].label, pct: roundedPct(s.scaled, max), floorPct });
  });
  return failing;
}

/** Something besides the fields a band's floor is checked on (a component whose rules say so). */
export interface FloorCheck {
  label: string;
  pointsScaled: number;
  maxScaled: number;
}

/**
 * The fields (and the extra checks) under a band's floors, each against its own floor: the
 * band's per-field floor when it names the field, else the band's floor for every field.
 */
export function fieldsUnderBand(
  scores: readonly FieldScore[],
  fields: readonly FieldDef[],
  band: CompiledBand,
  extra: readonly FloorCheck[] = [],
): FailingField[] {
  const failing: FailingField[] = [];
  const check = (label: string, points: number, max: number) => {
    const floor = floorFor(band, label);
    if (floor === null || max <= 0 || meetsFloor(points, max, floor.scaled)) return;
    failing.push({ label, pct: roundedPct(points, max), floorPct: floor.pct });
  };
  scores.forEach((s, i) => {
    const max = fields[i].maxScaled;
    if (s.kind === 'points' && max !== null) check(fields[i].label, s.scaled, max);
  });
  for (const e of extra) check(e.label, e.pointsScaled, e.maxScaled);
  return failing;
}

export interface Classification {
  indexBand: BandCode;
  band: BandCode;
  demotedFrom: BandCode | null;
  demotion: DemotionStep[];
  /** The band cap that held the unit below the band its index reached. */
  capped: { band: BandCode; from: BandCode } | null;
}

/** What besides the index and fields decides a band: a cap (an index into the bands) and extra floor checks. */
export interface ClassifyExtras {
  capIndex?: number | null;
  floorChecks?: readonly FloorCheck[];
}

/**
 * The cascade and its explanation: the band by index alone, the band given, and for each band
 * refused on the way down the fields that missed its floor. A band cap starts the cascade at
 * the cap band when the index reached higher.
 */
export function classifyUnit(
  scores: readonly FieldScore[],
  fields: readonly FieldDef[],
  figures: UnitFigures,
  bands: readonly CompiledBand[],
  extras: ClassifyExtras = {},
): Classification {
  const start = bandIndexByIndex(figures.totalScaled, figures.maxScaled, bands);
  const capIndex = extras.capIndex ?? null;
  const from = capIndex !== null && capIndex > start ? capIndex : start;
  const demotion: DemotionStep[] = [];
  let i = from;
  for (; i < bands.length - 1; i++) {
    const failing = fieldsUnderBand(scores, fields, bands[i], extras.floorChecks);
    if (failing.length === 0) break;
    demotion.push({ band: bands[i].rule.code, failingFields: failing });
  }
  return {
    indexBand: bands[start].rule.code,
    band: bands[i].rule.code,
    demotedFrom: i === from ? null : bands[from].rule.code,
    demotion,
    capped: from === start ? null : { band: bands[from].rule.code, from: bands[start].rule.code },
  };
}

/**
 * The index as the rules compare it: exact (decimals null), or rounded half up to `decimals`
 * places as published, returned as a fraction of the same meaning (total/max × 100 %).
 */
export function comparedFigures(figures: UnitFigures, decimals: number | null): UnitFigures {
  if (decimals === null || figures.maxScaled <= 0) return figures;
  const factor = 10 ** decimals;
  return {
    totalScaled: Math.round(roundedPct(figures.totalScaled, figures.maxScaled, decimals) * factor),
    maxScaled: 100 * factor,
  };
}

/**
 * When the index shown (2 decimals) sits at or above the bound of the band above the unit's score
 * group while the compared index is below it ("89,995%, hiển thị 90,00%, chưa đạt 90%"): that
 * band, its bound, and the compared index cut (not rounded) to 4 decimals. Else null.
 */
export function shownAtBound(
  exact: UnitFigures,
  compared: UnitFigures,
  start: number,
  bands: readonly CompiledBand[],
): { band: BandCode; boundPct: number; exactPct: number } | null {
  if (start === 0 || exact.maxScaled <= 0) return null;
  const above = bands[start - 1];
  const shownScaled = Math.round(roundedPct(exact.totalScaled, exact.maxScaled) * 1e4);
  if (shownScaled < above.minScaled) return null;
  const cut = Number((BigInt(compared.totalScaled) * 1_000_000n) / BigInt(compared.maxScaled)) / 1e4;
  return { band: above.rule.code, boundPct: above.rule.min.pct, exactPct: cut };
}

/** A unit's band last year: the band the workbook gives, else the band last year's index alone gives; null when neither is known. */
export function lastYearBandOf(
  givenBand: BandCode | null,
  indexScaled: number | null,
  bands: readonly CompiledBand[],
): BandCode | null {
  if (givenBand !== null) return givenBand;
  return indexScaled === null ? null : bandOfIndexPct(indexScaled, bands).rule.code;
}

/** Per-field figures of one unit for display and JSON. */
export function unitFieldResults(scores: readonly FieldScore[], fields: readonly FieldDef[]): UnitFieldResult[] {
  return scores.map((s, i) => unitFieldResult(s, fields[i]));
}

function unitFieldResult(s: FieldScore, field: FieldDef): UnitFieldResult {
  const max = field.maxScaled ?? 0;
  if (s.kind === 'points')
    return {
      label: field.label,
      score: s.scaled / 1e4,
      max: max / 1e4,
      pct: max > 0 ? roundedPct(s.scaled, max) : null,
      notApplicable: false,
    };
  return { label: field.label, score: null, max: max / 1e4, pct: null, notApplicable: s.kind === 'notApplicable' };
}
