/**
 * The four columns the scorer writes beside the input: index, rank, band, note.
 * Both writers (xlsx and Office.js) take their cells from here.
 */
import { bandLabel, demotionNote } from './describe';
import { messages } from './i18n';
import { cellText, fold } from './text';
import type { Lang, ScoringResult } from './types';

/** Number format of the index column: a percentage with two decimals. */
export const INDEX_NUMBER_FORMAT = '0.00%';

export const OUTPUT_COLUMN_COUNT = 4;

/** Whether header texts are the output block's headers, in either language (re-run recognition). */
export function isOutputHeader(texts: readonly unknown[]): boolean {
  const folded = texts.slice(0, OUTPUT_COLUMN_COUNT).map((t) => fold(cellText(t)));
  return (['vi', 'en'] as const).some((lang) => messages(lang).output.headers.every((h, i) => fold(h) === folded[i]));
}

/**
 * One output row: the index as a fraction, unrounded (0.833 shows as 83,30% under
 * INDEX_NUMBER_FORMAT; a sheet formula ranking the column agrees with the ranks), rank, band label, note.
 */
export type OutputRow = [number, number | '', string, string];

export interface OutputBlock {
  headers: readonly string[];
  /** Parallel to result.units (sheet order). */
  rows: OutputRow[];
  /** Band code per row, for fills. */
  bands: string[];
}

export function outputBlock(result: ScoringResult, lang: Lang = 'vi'): OutputBlock {
  return {
    headers: messages(lang).output.headers,
    // A unit left out of ranking gets no rank (its note says why).
    rows: result.units.map((u) => [u.maxScaled > 0 ? u.totalScaled / u.maxScaled : 0, u.ranked === false ? '' : u.rank, bandLabel(result.rules, u.band, lang), demotionNote(u, result.rules, lang)]),
    bands: result.units.map((u) => u.band),
  };
}

/** Background colour per band code, for the band cell and the summary (Fluent-friendly hex). */
export const BAND_FILL: Record<string, string> = {
  excellent: '#C6EFCE',
  good: '#DDEBF7',
  complete: '#FFF2CC',
  incomplete: '#F8CBAD',
};

/** True when Excel would read the text as a formula or command (it starts with =, +, - or @): writers must force it to stay text. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
