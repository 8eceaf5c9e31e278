/** The shapes of the generated report text (section II of the annual report). Pure data. */
import type { BandCode } from '../types';

/** What the report needs beyond the scoring result: figures the user types, not the workbook. */
export interface ReportSettings {
  /** The report year (the year scored); last year is year − 1. */
  year: number;
  /** The collective term for the units, e.g. "xã, thị trấn" (default from the messages). */
  unitTerm?: { vi: string; en?: string };
  /** The district's name without "huyện", e.g. "Tứ Kỳ". District sentences need it. */
  districtName?: string;
  /** The district's own index this year and last year, in percent (from the province's appraisal). */
  districtIndexPct?: number;
  districtIndexLastYearPct?: number;
  /** The district's rank among the province's districts. */
  districtRank?: { rank: number; of: number };
  /** The band the province gave the district's chairman, if known (a band code of the rule set). */
  districtBand?: BandCode;
  /** How many of the weakest fields to name (default 2; ties at the boundary are included). */
  weakestFieldCount?: number;
}

/** 1–3: a heading of that level; 0: a body paragraph; 'bullet': a list item. */
export type ParagraphLevel = 0 | 1 | 2 | 3 | 'bullet';

export interface NarrativeParagraph {
  /** A stable id, e.g. "groups.good", "bands.complete.demoted.good", "counts". */
  id: string;
  level: ParagraphLevel;
  text: string;
  /** The figures the sentence used, as numbers (percent, counts) or names. */
  figures: Record<string, number | string>;
}

export interface Narrative {
  title: string;
  paragraphs: NarrativeParagraph[];
}
