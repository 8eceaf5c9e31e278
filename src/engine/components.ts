/**
 * The index made of components (issue 16, item 2): the appraised fields scaled to the appraisal's
 * points (e.g. 70) plus the survey's points (e.g. 30), over the whole scale. A unit without a
 * survey has its appraisal converted to the whole scale when the rules say so; otherwise its
 * survey counts 0. A component is not a field: a band's floors reach it only when the rules say so.
 */
import { unitFigures, type FloorCheck, type UnitFigures } from './classify';
import { fromScaled, roundedPct } from './decimal';
import type { CompiledRules } from './rules';
import type { FieldDef, UnitComponents, UnitInput } from './types';

export interface IndexFigures {
  /** The index as a fraction (total/max × 100 %), exact. */
  figures: UnitFigures;
  components: UnitComponents | null;
  /** Components the bands' floors apply to (the rules say so). */
  floorChecks: FloorCheck[];
}

/** A unit's index figures under the rules: the fields alone, or the components. */
export function indexFigures(u: UnitInput, fields: readonly FieldDef[], compiled: CompiledRules): IndexFigures {
  const appraisal = unitFigures(u.scores, fields, u.bonusScaled, u.deductionScaled);
  const c = compiled.components;
  // A table that keeps the survey among its fields (a survey column, or ĐTXHH inside a field's
  // total) is already on the whole scale: adding the survey component again would count it twice.
  if (c === null || surveyInFields(fields)) return { figures: appraisal, components: null, floorChecks: [] };
  const T = appraisal.totalScaled;
  const M = appraisal.maxScaled;
  const survey = u.surveyScaled ?? null;
  const appraisalPct = M > 0 ? roundedPct(T, M) : 0;
  const appraisalPoints = M > 0 ? fromScaled(Math.round((T * c.appraisalScaled) / M)) : 0;
  const floorChecks: FloorCheck[] = [];
  if (c.appraisalFloor) floorChecks.push({ label: c.rule.appraisal.label.vi, pointsScaled: T, maxScaled: M });
  if (survey === null && c.convert) {
    return {
      figures: appraisal,
      components: { appraisalPct, appraisalPoints, surveyPct: null, surveyPoints: null, converted: true },
      floorChecks,
    };
  }
  const S = Math.min(Math.max(survey ?? 0, 0), c.surveyScaled);
  // A survey that counts 0 (none, not converted) meets a survey floor as 0 would: no survey is
  // never better than a low one.
  if (c.surveyFloor) floorChecks.push({ label: c.rule.survey.label.vi, pointsScaled: S, maxScaled: c.surveyScaled });
  const figures: UnitFigures =
    M > 0
      ? { totalScaled: T * c.appraisalScaled + S * M, maxScaled: M * (c.appraisalScaled + c.surveyScaled) }
      : { totalScaled: 0, maxScaled: 0 };
  return {
    figures,
    components: {
      appraisalPct,
      appraisalPoints,
      surveyPct: survey === null ? null : roundedPct(S, c.surveyScaled),
      surveyPoints: survey === null ? null : fromScaled(S),
      converted: false,
    },
    floorChecks,
  };
}

/** Whether the table's fields already hold the survey points (so the index needs no survey component added). */
export function surveyInFields(fields: readonly FieldDef[]): boolean {
  return fields.some((f) => f.role === 'survey' || f.surveyColumn !== undefined);
}
