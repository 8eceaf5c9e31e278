/** Text helpers for matching headers and names typed by people. */

/**
 * Folds text for matching: Unicode-normalised, diacritics removed (đ → d), lower case,
 * runs of white space collapsed. "Tên  Đơn vị" and "ten don vi" fold alike.
 */
export function fold(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      space = out !== '';
      continue;
    }
    const folded = c < 128 ? (c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i]) : foldedLatin(c);
    // Anything outside ASCII and the precomposed Latin letters (combining marks typed apart, other scripts, other spaces): the general way.
    if (folded === undefined) return foldSlow(text);
    if (space) out += ' ';
    space = false;
    out += folded;
  }
  return out;
}

/** The general fold: NFD, combining marks dropped, đ → d, lower case, white space collapsed. */
function foldSlow(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Precomposed Latin letters (Latin-1 to Latin Extended-B, and Latin Extended Additional, where Vietnamese's letters are) folded one by one. */
const LATIN = { from: 0xc0, to: 0x24f };
const LATIN_ADDITIONAL = { from: 0x1e00, to: 0x1eff };
const foldRange = (r: { from: number; to: number }): readonly string[] =>
  Object.freeze(Array.from({ length: r.to - r.from + 1 }, (_, k) => foldSlow(String.fromCharCode(r.from + k))));
const FOLDED_LATIN = foldRange(LATIN);
const FOLDED_LATIN_ADDITIONAL = foldRange(LATIN_ADDITIONAL);

function foldedLatin(c: number): string | undefined {
  if (c >= LATIN.from && c <= LATIN.to) return FOLDED_LATIN[c - LATIN.from];
  if (c >= LATIN_ADDITIONAL.from && c <= LATIN_ADDITIONAL.to) return FOLDED_LATIN_ADDITIONAL[c - LATIN_ADDITIONAL.from];
  return undefined;
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
