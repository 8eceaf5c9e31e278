/** Text helpers for matching headers and names typed by people. */

/**
 * Folds text for matching: Unicode-normalised, diacritics removed (đ → d), lower case,
 * runs of white space collapsed. "Tên  Đơn vị" and "ten don vi" fold alike.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The text of a cell value, NFC and trimmed; '' for empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).normalize('NFC').trim();
}

/** Vietnamese alphabetical order, digit runs as numbers (Tổ 2 before Tổ 10). */
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order; texts the collator holds equal (case, tones) by code units, so the order is total. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
