/**
 * The engine's data model. Pure data: no Office, no DOM, no Node.
 *
 * Points and percentages are held as exact integers scaled by SCALE (10^4), so a score of
 * 30.1 is 301000 and a bound of 80% is 800000. Comparisons never touch binary fractions.
 */

/** Language of user-facing text. */
export type Lang = 'vi' | 'en';

/** A value as a workbook cell holds it, before validation. */
export type CellValue = string | number | boolean | null;

/** A value with where it came from (`address` is A1-style, without the sheet). */
export interface SourcedCell {
  value: CellValue;
  address: string;
}

/** Band codes of the default rule set; custom rule sets may add others. */
export type BandCode = 'excellent' | 'good' | 'complete' | 'incomplete' | (string & {});

export interface LocalisedText {
  vi: string;
  en: string;
}

/** One end of a band's index range, in percent (e.g. 80 or 82.5). */
export interface IndexBound {
  pct: number;
  inclusive: boolean;
}

/** A band (mức xếp loại): an index range and a floor every applicable field must reach. */
export interface BandRule {
  code: BandCode;
  label: LocalisedText;
  /** Lower end of the index range. */
  min: IndexBound;
  /** Upper end of the index range. */
  max: IndexBound;
  /** Every applicable field's index must be at least this percentage (inclusive); null: no floor. */
  fieldFloorPct: number | null;
}

/** A rule set: bands ordered from the highest to the lowest. The last band takes everyone left. */
export interface RuleSet {
  id: string;
  name: LocalisedText;
  bands: BandRule[];
}

/** A field (lĩnh vực) of the index as the table defines it. */
export interface FieldDef {
  label: string;
  /** Max points scaled by SCALE; null when the max cell is missing or invalid (an error is reported). */
  maxScaled: number | null;
  /** Column letter of the field in the sheet, and the address of its max cell. */
  column: string;
  maxAddress: string;
  /** 'survey': the survey component (ĐTXHH/SIPAS) scored as a field of its own; absent: a field. */
  role?: 'field' | 'survey';
  /** Column letter of the field's self-assessed points ("Tự chấm"), kept and compared, never scored. */
  selfColumn?: string;
}

/** A unit's points in one field. */
export type FieldScore =
  | { kind: 'points'; scaled: number }
  | { kind: 'notApplicable' }
  | { kind: 'invalid' };

export interface UnitInput {
  name: string;
  /** 1-based sheet row. */
  row: number;
  nameAddress: string;
  scores: FieldScore[];
  /** Points scaled by SCALE; 0 when the column is absent or empty. */
  bonusScaled: number;
  deductionScaled: number;
  /** The workbook's own total, if it has a total column (checked against the sum). */
  statedTotalScaled: number | null;
  /** Last year's index in percent scaled by SCALE (83.3% → 833000), if given. */
  lastYearIndexScaled: number | null;
  /** Last year's band code, if given. */
  lastYearBand: BandCode | null;
  /** Block (khối) from a block column or a title row above the unit ("I. KHỐI PHƯỜNG"). */
  block?: string | null;
  /** Self-assessed points per field, same order as scores; kept, never scored. */
  selfAssessedScores?: FieldScore[];
  /** Survey component (ĐTXHH/SIPAS) points, scaled: already part of `scores` (a survey field or a field's sub-total). */
  surveyScaled?: number | null;
  bandCap?: { band: string; reason: string } | null;
  unranked?: boolean;
  /** The authority's own results in the table (read and compared, never scored); band: a band code when recognised, else the text. */
  authority?: { indexPct: number | null; rank: number | null; band: string | null };
}

/** The validated scoring table. */
export interface ScoringTable {
  sheet: string;
  fields: FieldDef[];
  units: UnitInput[];
  /** Column letters of the authority's own results, when the table carries them. */
  authorityColumns?: { index: string | null; rank: string | null; band: string | null };
}

export type Severity = 'error' | 'warning';

/** A validation finding, tied to a cell. `code` and `params` let any language render it. */
export interface Finding {
  severity: Severity;
  /** Sheet-qualified address, e.g. `Tổng hợp!D7` (quoted as Excel does when needed: `'Tổng hợp'!D7`). */
  cell: string;
  sheet: string;
  address: string;
  code: FindingCode;
  params: Record<string, string | number>;
}

export type FindingCode =
  | 'notANumber'
  | 'numberFromText'
  | 'ambiguousNumber'
  | 'negative'
  | 'overMax'
  | 'emptyScore'
  | 'missingMax'
  | 'zeroMax'
  | 'duplicateName'
  | 'totalMismatch'
  | 'tooManyDecimals'
  | 'cellError'
  | 'unknownBand'
  | 'noUnits'
  | 'noFields'
  | 'allNotApplicable'
  | 'lastYearAsFraction'
  | 'negativeDeduction'
  | 'maxColumnVaries';

/** A field as one unit scored in it. */
export interface UnitFieldResult {
  label: string;
  score: number | null;
  max: number;
  /** Field index in percent, rounded to 2 decimals for display; null when not applicable. */
  pct: number | null;
  notApplicable: boolean;
}

/** A field that kept a unit out of a band. */
export interface FailingField {
  label: string;
  /** The field's index in percent (2 decimals). */
  pct: number;
  /** The floor it missed, in percent. */
  floorPct: number;
}

/** One step down the cascade: the band refused and the fields responsible. */
export interface DemotionStep {
  band: BandCode;
  failingFields: FailingField[];
}

export interface UnitResult {
  name: string;
  row: number;
  /** Index in percent rounded half-up to 2 decimals (83.3 for 83,30%). */
  indexPct: number;
  /** Exact index as a fraction of scaled integers: numerator / denominator × 100 %. */
  totalScaled: number;
  maxScaled: number;
  /** Band by index alone (the score group). */
  indexBand: BandCode;
  band: BandCode;
  /** The band the index alone would give, when fields held the unit back; else null. */
  demotedFrom: BandCode | null;
  /** Each band refused on the way down, with the fields under its floor. */
  demotion: DemotionStep[];
  rank: number;
  fields: UnitFieldResult[];
  lastYearIndexPct: number | null;
  lastYearBand: BandCode | null;
}

export interface FieldStat {
  label: string;
  /** Average field index over units where the field applies, percent, 2 decimals; null if none. */
  averagePct: number | null;
  applicableUnits: number;
  /** For each band with a floor: how many units are under that floor in this field. */
  underFloor: Record<string, number>;
}

export interface Summary {
  unitCount: number;
  /** Units per band (every band of the rule set present, zero included). */
  counts: Record<string, number>;
  /** Units per score group (band by index alone). */
  groupCounts: Record<string, number>;
  demotedCount: number;
  averageIndexPct: number | null;
  highest: { name: string; indexPct: number } | null;
  lowest: { name: string; indexPct: number } | null;
  fields: FieldStat[];
  /** Last year's counts per band, when the table gives last year's band or index for every unit. */
  lastYearCounts: Record<string, number> | null;
  lastYearUnitCount: number;
}

export interface ScoringResult {
  rules: RuleSet;
  table: ScoringTable;
  /** Units in sheet order. */
  units: UnitResult[];
  /** Indexes into `units` in rank order, equal ranks in Vietnamese alphabetical order. */
  rankOrder: number[];
  summary: Summary;
}
