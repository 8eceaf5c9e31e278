/** Number and list formatting for user-facing text, per language. */
import type { Lang } from './types';

/** 83.3 → "83,30%" (vi) or "83.30%" (en). */
export function formatPct(pct: number, lang: Lang, decimals = 2): string {
  return `${formatNumber(pct, lang, decimals)}%`;
}

/** A number with a fixed count of decimals and the language's decimal mark. */
export function formatNumber(value: number, lang: Lang, decimals: number): string {
  const s = value.toFixed(decimals);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** A number as short as it can be written (8.5 → "8,5"), up to 4 decimals. */
export function formatPoints(value: number, lang: Lang): string {
  const s = String(Number(value.toFixed(4)));
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** A bound in percent as the rules print it: 80 → "80%", 82.5 → "82,5%". */
export function formatBound(pct: number, lang: Lang): string {
  return `${formatPoints(pct, lang)}%`;
}

/** Counts with two digits, as reports write them: 8 → "08". */
export function twoDigits(n: number): string {
  return n < 10 && n >= 0 ? `0${n}` : String(n);
}

/** "A, B và C" / "A, B and C". */
export function joinList(items: readonly string[], lang: Lang): string {
  const and = lang === 'vi' ? 'và' : 'and';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** Fills `{name}` placeholders; a placeholder without a value is left as it is. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
