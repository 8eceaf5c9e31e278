/** Band labels joined in running text. */
import { joinList } from '../format';
import type { Lang } from '../types';

/**
 * Joins band labels, saying their shared ending once, as the report does:
 * ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ"] →
 * "Hoàn thành xuất sắc và Hoàn thành tốt nhiệm vụ". `conjunction` replaces the language's "và"/"and"
 * (English says "no unit rated Excellent or Good").
 */
export function joinLabels(labels: readonly string[], lang: Lang, conjunction?: string): string {
  const join = (items: readonly string[]) =>
    conjunction !== undefined && items.length > 1
      ? `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`
      : joinList(items, lang);
  if (labels.length < 2) return join(labels);
  const words = labels.map((l) => l.trim().split(/\s+/));
  let common = 0;
  const shortest = Math.min(...words.map((w) => w.length));
  while (common < shortest - 1) {
    const w = words[0][words[0].length - 1 - common];
    if (!words.every((ws) => ws[ws.length - 1 - common] === w)) break;
    common++;
  }
  if (common === 0) return join(labels);
  const heads = words.map((ws, i) => (i === words.length - 1 ? ws : ws.slice(0, ws.length - common)).join(' '));
  return join(heads);
}
