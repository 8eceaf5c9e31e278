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
  /**
   * Floors for named fields, over `fieldFloorPct` (a field named here takes this floor instead;
   * `pct: null` frees it from the floor). Fields are matched by label, case and diacritics ignored.
   */
  fieldFloors?: FieldFloor[];
}

/** One field's own floor in a band. `field` is the field's label as the table heads it. */
export interface FieldFloor {
  field: string;
  pct: number | null;
}

/** The decision a rule set comes from (or the name and number a reviewer gives an amended set). */
export interface RuleDecision {
  /** E.g. `29/2018/QĐ-UBND`. */
  number: string;
  /** ISO date, e.g. `2018-10-24`; '' when unknown. */
  date: string;
  /** E.g. `UBND tỉnh Hải Dương` / `Hải Dương Provincial People's Committee`. */
  issuer: LocalisedText;
}

/** How units with the same index are ranked: Excel's RANK.EQ (1, 2, 2, 4) or dense (1, 2, 2, 3). */
export type RankMethod = 'rankEq' | 'dense';

/** Caps on the points a unit may add or lose outside the fields; null: no cap. */
export interface PointCaps {
  bonusPoints: number | null;
  deductionPoints: number | null;
}

/** One component of the index (the appraisal, the survey) and its points on the whole scale. */
export interface IndexComponent {
  label: LocalisedText;
  /** Points of the whole scale (e.g. 70 of 100). */
  points: number;
  /** Whether the bands' field floors apply to the component's own index (false unless the rules say so). */
  floorApplies: boolean;
}

/**
 * The index as components: the appraised fields (scaled to `appraisal.points`) and the
 * sociological survey (its points read from the survey column, out of `survey.points`).
 */
export interface IndexComponents {
  appraisal: IndexComponent;
  survey: IndexComponent;
  /** A unit with no survey: its appraised points are converted to the whole scale; else the survey counts 0. */
  convertWithoutSurvey: boolean;
}

/** A block of units ranked apart (wards apart from communes), with its own bands when it has them. */
export interface RuleBlock {
  code: string;
  label: LocalisedText;
  /** false: the block's units are scored but not ranked. */
  ranked: boolean;
  /** The block's own bands (highest first); absent: the rule set's. */
  bands?: BandRule[];
}

/** A rule set: bands ordered from the highest to the lowest. The last band takes everyone left. */
export interface RuleSet {
  id: string;
  name: LocalisedText;
  bands: BandRule[];
  /** The decision the set comes from, or the name a reviewer gave an amended set; cited by the report. */
  decision?: RuleDecision | null;
  /** Compare the index rounded half up to this many decimals (as published); null or absent: the exact index. */
  indexDecimals?: number | null;
  /** Absent: RANK.EQ. */
  rankMethod?: RankMethod;
  /** Absent: no caps. */
  caps?: PointCaps;
  /** Absent: the index is the fields alone. */
  components?: IndexComponents | null;
  /** Absent or empty: a unit's block column still ranks units within each block named. */
  blocks?: RuleBlock[];
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
  /** Column letter of the survey points inside this field's total ("ĐTXHH" under the field's title): part of the field's score. */
  surveyColumn?: string;
}

/** A unit's points in one field. */
export type FieldScore = { kind: 'points'; scaled: number } | { kind: 'notApplicable' } | { kind: 'invalid' };

export interface UnitInput {
  name: string;
  /** 1-based sheet row (a transposed table's: the row of the unit's name). */
  row: number;
  /** A transposed table's unit: its sheet column (letter). */
  column?: string;
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
  /** The block (khối) the unit is ranked in: a block column's value or the title row above the unit ("I. KHỐI PHƯỜNG"). */
  block?: string | null;
  /** Self-assessed points per field, same order as scores; kept and compared, never scored. */
  selfAssessedScores?: FieldScore[];
  /**
   * Survey (ĐTXHH/SIPAS) points, scaled, when the table has them. Where the table keeps them as a
   * field of their own or inside a field's total (FieldDef.role 'survey' or surveyColumn), they are
   * already part of `scores`: the rule set's components then do not add them a second time.
   */
  surveyScaled?: number | null;
  /** The highest band the unit may get (a code or label), and why. */
  bandCap?: { band: string; reason: string } | null;
  /** Left out of ranking by a column: scored, not ranked. */
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
  /** A results-only table (issue 15 item 7): its one field is the index as the table gives it, out of 100. */
  resultsOnly?: boolean;
  /**
   * A transposed table (issue 15 item 6), read turned: the field and other columns' letters are the
   * turned table's; `rows` gives each one's sheet row, and each unit has its sheet `column`.
   */
  transposed?: { rows: Record<string, number> };
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
  | 'bonusOverCap'
  | 'deductionOverCap'
  | 'unknownBlock'
  | 'unknownCapBand'
  | 'unknownFloorField'
  | 'surveyOverMax'
  | 'surveyAlreadyInFields'
  | 'maxColumnVaries'
  | 'floorsNeedPoints'
  | 'componentsNeedPoints'
  | 'storedMappingStale';

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
  /** Rank within the unit's block (RANK.EQ or dense, as the rules say); 0 when the unit is not ranked. */
  rank: number;
  lastYearIndexPct: number | null;
  lastYearBand: BandCode | null;
  /** The block's code (or the block column's text when the rules name no blocks); null: no block. */
  block?: string | null;
  /** false: scored but left out of ranking (by the rules' block or by a column). */
  ranked?: boolean;
  /** RANK.EQ over every unit of the table, blocks and units left out included (for "highest", "lowest"). */
  overallRank?: number;
  /** The cap that held the unit below the band its index reached (the cap band and its reason). */
  cappedAt?: { band: BandCode; reason: string; from: BandCode } | null;
  /** The unit is shown at a band's bound (2 decimals) but its compared index is below it. */
  belowShownBound?: { band: BandCode; boundPct: number; exactPct: number } | null;
  /** The components apart, when the rules have components. */
  components?: UnitComponents | null;
}

/** A unit's index components: each in percent of its own points (2 decimals) and in points. */
export interface UnitComponents {
  appraisalPct: number;
  appraisalPoints: number;
  surveyPct: number | null;
  surveyPoints: number | null;
  /** No survey: the appraisal was converted to the whole scale. */
  converted: boolean;
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
  /** Per block, when units are in blocks: its units, counts per band, how many are ranked. */
  blocks?: BlockSummary[];
  /** Average component indexes, when the rules have components. */
  components?: { appraisalAveragePct: number | null; surveyAveragePct: number | null; withoutSurvey: number } | null;
}

export interface BlockSummary {
  code: string;
  label: LocalisedText;
  unitCount: number;
  rankedCount: number;
  counts: Record<string, number>;
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
