/** Small display helpers of the pane (pure). */
import { rangeText, type BandRule, type Lang } from '../engine';

/**
 * A band's index range in words, from the rule set in force ("từ 80% đến dưới 90%", "dưới 65%"):
 * the report narrative's own wording, so the pane and the report never disagree.
 */
export const bandRangeText: (band: BandRule, lang: Lang) => string = rangeText;

/** "K–N" for a run of output columns. */
export function columnSpan(columns: readonly string[]): string {
  if (columns.length === 0) return '';
  return columns.length === 1 ? columns[0] : `${columns[0]}–${columns[columns.length - 1]}`;
}
