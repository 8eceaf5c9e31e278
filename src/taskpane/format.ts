/** Small display helpers of the pane (pure). */
import { fill, formatBound, messages, type BandRule, type Lang } from '../engine';

/**
 * A band's index range in words, from the rule set in force: "từ 80% đến dưới 90%",
 * "từ 90% đến 100%", "dưới 65%" (a bottom band open from 0%).
 */
export function bandRangeText(band: BandRule, lang: Lang): string {
  const m = messages(lang).percentRange;
  const hi = formatBound(band.max.pct, lang);
  const upper = band.max.inclusive ? hi : fill(m.under, { value: hi });
  if (band.min.pct === 0 && band.min.inclusive && band.max.pct < 100) return band.max.inclusive ? fill(m.to, { value: hi }) : upper;
  const lower = fill(band.min.inclusive ? m.from : m.above, { value: formatBound(band.min.pct, lang) });
  return `${lower} ${fill(m.to, { value: upper })}`;
}

/** "K–N" for a run of output columns. */
export function columnSpan(columns: readonly string[]): string {
  if (columns.length === 0) return '';
  return columns.length === 1 ? columns[0] : `${columns[0]}–${columns[columns.length - 1]}`;
}
