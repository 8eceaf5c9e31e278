/**
 * Band definitions in words, taken from the rule set in force: "từ 80% đến dưới 90%",
 * "trên 80% đến 90%", "dưới 65%", "từ 90% đến 100%". A reviewer who moves a bound sees it here.
 */
import { fill, formatBound } from '../format';
import { messages } from '../i18n';
import type { BandRule, Lang } from '../types';
import { fieldFloorsClause } from './rule-sections';

/** The index range of a band in words. */
export function rangeText(band: BandRule, lang: Lang): string {
  const m = messages(lang).narrative;
  const lo = formatBound(band.min.pct, lang);
  const hi = formatBound(band.max.pct, lang);
  const upper = fill(band.max.inclusive ? m.upperInclusive : m.upperExclusive, { value: hi });
  const openBelow = band.min.pct === 0 && band.min.inclusive && band.max.pct < 100;
  if (openBelow) return fill(band.max.inclusive ? m.onlyAtMost : m.onlyUnder, { value: hi });
  const lower = fill(band.min.inclusive ? m.lowerInclusive : m.lowerExclusive, { value: lo });
  return `${lower} ${upper}`;
}

/** ", đồng thời các lĩnh vực CCHC phải đạt từ 70% số điểm trở lên", or '' for a band with no floor. */
export function floorClause(band: BandRule, lang: Lang): string {
  if (band.fieldFloorPct === null) return fieldFloorsClause(band, lang);
  return (
    fill(messages(lang).narrative.floor, { floor: formatBound(band.fieldFloorPct, lang) }) +
    fieldFloorsClause(band, lang)
  );
}

/** The bottom band of a rule set reaching down to 0% (worded with "Chỉ số CCHC" as the report does). */
export function isBottomBand(band: BandRule, index: number, bands: readonly BandRule[]): boolean {
  return index === bands.length - 1 && band.min.pct === 0;
}
