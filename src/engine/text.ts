/** Text helpers for matching headers and names typed by people. */

/** fold() of one character as one UTF-16 code, for U+0000–U+024F and U+1E00–U+1EFF; -1 where the full path is needed. */
let charFolds: Int32Array | null = null;
/** Codes of the folded text being built (reused: fold allocates only its result). */
const foldCodes: number[] = [];

/**
 * Folds text for matching: Unicode-normalised, diacritics removed (đ → d), lower case,
 * runs of white space collapsed. "Tên  Đơn vị" and "ten don vi" fold alike.
 */
export function fold(text: string): string {
  // Fast path, character by character, for text made of Latin letters (Vietnamese included),
  // digits, punctuation and plain white space: each character folds on its own, as the table
  // (built by the full path below) says. Anything else takes the full path.
  if (text.length > 1024) return foldText(text);
  const table = charFolds ?? buildCharFolds();
  const codes = foldCodes;
  let len = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0) {
      space = len > 0;
      continue;
    }
    const f = c < table.length ? table[c] : -1;
    if (f < 0) return foldText(text);
    if (space) {
      codes[len++] = 32;
      space = false;
    }
    codes[len++] = f;
  }
  codes.length = len;
  return String.fromCharCode.apply(null, codes);
}

/**
 * A 32-bit hash of fold(text), equal for texts that fold alike, without building the folded
 * text when the fast path applies (used to find duplicate names in large tables).
 */
export function foldHash(text: string): number {
  if (text.length > 1024) return hashString(foldText(text));
  const table = charFolds ?? buildCharFolds();
  let h = 0x811c9dc5 | 0;
  let len = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0) {
      space = len > 0;
      continue;
    }
    const f = c < table.length ? table[c] : -1;
    if (f < 0) return hashString(foldText(text));
    if (space) {
      h = Math.imul(h ^ 32, 0x01000193);
      len++;
      space = false;
    }
    h = Math.imul(h ^ f, 0x01000193);
    len++;
  }
  return h;
}

/** The hash foldHash gives, of a text already folded. */
function hashString(folded: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < folded.length; i++) h = Math.imul(h ^ folded.charCodeAt(i), 0x01000193);
  return h;
}

function buildCharFolds(): Int32Array {
  const table = new Int32Array(0x1f00).fill(-1);
  for (let c = 0; c < table.length; c++) {
    if (c >= 0x250 && c < 0x1e00) continue;
    const ch = String.fromCharCode(c);
    const folded = foldText(ch);
    // Only characters that fold to one non-blank code on their own and whose decomposition
    // starts with a base character (so that folding a string is folding its characters one by one).
    if (folded.length !== 1 || /[\s\u00a0]/.test(folded) || /[\s\u00a0]/.test(ch) || /^\p{M}/u.test(ch.normalize('NFD'))) continue;
    table[c] = folded.charCodeAt(0);
  }
  charFolds = table;
  return table;
}

/** The full fold: normalise, strip diacritics, lower case, collapse white space. */
function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The text of a cell value, trimmed; '' for empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && isPlainNfc(value)) return value;
  return String(value).normalize('NFC').trim();
}

/**
 * Whether text is already NFC and trimmed, made only of printable ASCII, Latin-1 to Spacing
 * Modifiers (U+00A0–U+02FF) and Latin Extended Additional (U+1E00–U+1EFF, the precomposed
 * Vietnamese letters), with no space at either end: no character there combines with another or
 * changes under NFC (test/bench/engine-columnar.test.ts checks each), so normalize and trim
 * would return the same text.
 */
export function isPlainNfc(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c > 0x7e && c < 0xa0) || (c > 0x2ff && (c < 0x1e00 || c > 0x1eff))) return false;
  }
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  return first !== 0x20 && first !== 0xa0 && last !== 0x20 && last !== 0xa0;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Characters compareVietnamese's collator can be emulated on: ASCII letters, digits, space and
 * common punctuation, and the Vietnamese letters with their tone marks, precomposed (NFC).
 */
const KEY_ALPHABET =
  " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" +
  'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ' +
  'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ';

/** Primary weight (as a key character code) per character; 0 where the collator must decide. */
let keyWeights: Uint16Array | null = null;
/** The weight of a digit run (the digits' weight). */
let digitWeight = 0;

function buildKeyWeights(): Uint16Array {
  const weights = new Uint16Array(0x1f00);
  const chars = [...KEY_ALPHABET].filter((ch) => collator.compare(ch, '') !== 0);
  chars.sort((a, b) => collator.compare(a, b));
  // Equal characters (same letter, other case or tone) share a weight; weights from 1 up (one
  // byte: keys are Latin-1 strings, compared fast).
  let w = 1;
  for (let i = 0; i < chars.length; i++) {
    if (i > 0 && collator.compare(chars[i - 1], chars[i]) !== 0) w++;
    weights[chars[i].charCodeAt(0)] = w;
  }
  const digits = [...'0123456789'].map((d) => weights[d.charCodeAt(0)]);
  // A digit run is one number: the digits must sort as a block, with nothing else among them.
  const lo = Math.min(...digits);
  const hi = Math.max(...digits);
  const block = chars.every((ch) => /[0-9]/.test(ch) || weights[ch.charCodeAt(0)] < lo || weights[ch.charCodeAt(0)] > hi);
  if (!block || digits.some((d) => d === 0) || w > 0xff) weights.fill(0);
  digitWeight = lo;
  keyWeights = weights;
  return weights;
}

/**
 * A key whose plain string order is compareVietnamese's collator order (sensitivity base,
 * numeric): equal keys where the collator says equal. Null for text with characters outside the
 * emulated alphabet (the collator must compare it).
 */
export function vietnameseKey(text: string): string | null {
  const len = keyCodes(text);
  if (len < 0) return null;
  foldCodes.length = len;
  return String.fromCharCode.apply(null, foldCodes);
}

/** The key's codes into foldCodes; their count, or -1 when the text has no key. */
function keyCodes(text: string): number {
  const weights = keyWeights ?? buildKeyWeights();
  const codes = foldCodes;
  let len = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const w = c < weights.length ? weights[c] : 0;
    if (w === 0) return -1;
    if (c < 48 || c > 57) {
      codes[len++] = w;
      continue;
    }
    // A run of digits: its value, leading zeros dropped, as (digit weight, length, digits).
    let j = i;
    while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    let s = i;
    while (s < j - 1 && text.charCodeAt(s) === 48) s++;
    if (j - s > 200) return -1;
    codes[len++] = digitWeight;
    codes[len++] = 1 + (j - s);
    for (let d = s; d < j; d++) codes[len++] = text.charCodeAt(d);
    i = j - 1;
  }
  return len;
}

/** The word past a packed key's end: below every word of a key (all have a non-zero first byte). */
export const KEY_END = -0x80000000;
/** KEY_END, for this module's loops (an export is read through the exports object in CommonJS). */
const END = -0x80000000;

/**
 * vietnameseKey(text)'s codes (each below 256) packed four to a 32-bit word, big-endian and
 * zero-padded, each word stored minus 2^31 (so that signed order is word order), at words[at..];
 * returns the number of words, or -1 when the text has no key (what was written is then
 * garbage). Word order is key order, because no key code is 0: a shorter key is a prefix padded
 * with zeros. words must have room for (3 × text.length) / 4 + 2 words from `at`.
 */
export function packVietnameseKey(text: string, words: Int32Array, at: number): number {
  const weights = keyWeights ?? buildKeyWeights();
  const n = text.length;
  let acc = 0;
  let bytes = 0;
  let w = at;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const weight = c < weights.length ? weights[c] : 0;
    if (weight === 0) return -1;
    if (c < 48 || c > 57) {
      acc = (acc << 8) | weight;
      if (++bytes === 4) {
        words[w++] = acc ^ END;
        acc = 0;
        bytes = 0;
      }
      continue;
    }
    // A run of digits: its value, leading zeros dropped, as (digit weight, 1 + length, digits).
    let j = i + 1;
    while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    let s = i;
    while (s < j - 1 && text.charCodeAt(s) === 48) s++;
    if (j - s > 200) return -1;
    for (let d = s - 2; d < j; d++) {
      acc = (acc << 8) | (d === s - 2 ? digitWeight : d === s - 1 ? 1 + (j - s) : text.charCodeAt(d));
      if (++bytes === 4) {
        words[w++] = acc ^ END;
        acc = 0;
        bytes = 0;
      }
    }
    i = j - 1;
  }
  if (bytes > 0) words[w++] = (acc << (8 * (4 - bytes))) ^ END;
  return w - at;
}

/** Per character code below 0x1F00: fold code (bits 0–15; 0xFFFF: the full fold), key weight (bits 16–23; 0: none), bit 24: a character isPlainNfc allows, bit 25: ':' or '.'. */
let nameChars: Int32Array | null = null;
const PLAIN_CHAR = 1 << 24;
const STOP_CHAR = 1 << 25;
/** Bit 26: a plain character that is not white space, ':', '.' or a digit, has its own fold code and a key weight (most letters): scanPlainName's short path. */
const SIMPLE_CHAR = 1 << 26;
/** Bit 27: U+0020 with a key weight: scanPlainName's short path too, its fold code 32 (foldHash's space). */
const SPACE_CHAR = 1 << 27;
/** scanPlainName's short path: SIMPLE_CHAR or SPACE_CHAR. */
const SHORT_CHAR = SIMPLE_CHAR | SPACE_CHAR;

function buildNameChars(): Int32Array {
  const folds = charFolds ?? buildCharFolds();
  const weights = keyWeights ?? buildKeyWeights();
  const table = new Int32Array(0x1f00);
  for (let c = 0; c < table.length; c++) {
    const plain = (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0x2ff) || (c >= 0x1e00 && c <= 0x1eff);
    const stop = c === 0x3a || c === 0x2e;
    const simple = plain && !stop && c !== 0x20 && c !== 0xa0 && (c < 48 || c > 57) && folds[c] >= 0 && weights[c] !== 0;
    const space = c === 0x20 && weights[c] !== 0;
    table[c] = (space ? 32 : folds[c] < 0 ? 0xffff : folds[c]) | (weights[c] << 16) | (plain ? PLAIN_CHAR : 0) | (stop ? STOP_CHAR : 0) | (simple ? SIMPLE_CHAR : 0) | (space ? SPACE_CHAR : 0);
  }
  nameChars = table;
  return table;
}

/** What scanPlainName found; `stops`: whether the name has a ':' or '.'. */
export const nameScan = { hash: 0, keyWords: 0, stops: false };

const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * One pass over a name for reading a large table: when cellText(text) is text itself (by the
 * isPlainNfc test), sets nameScan.hash to foldHash(text) and packs text's key at words[at..] as
 * packVietnameseKey does (nameScan.keyWords: its word count, or -1), and returns true; returns
 * false (nothing set) for any other text. words must have room for (3 × text.length) / 4 + 2
 * words from `at`.
 *
 * Key codes are gathered in `acc` until a word is full: no code is 0, so the word is full when its
 * top byte is set (no count to keep). The usual characters (letters, single spaces, digit runs)
 * take a short loop; at any other, scanPlainNameFrom goes on from there with every case.
 */
export function scanPlainName(text: string, words: Int32Array, at: number): boolean {
  const n = text.length;
  if (n > 1024) return false;
  if (n > 0) {
    const first = text.charCodeAt(0);
    const last = text.charCodeAt(n - 1);
    if (first === 0x20 || first === 0xa0 || last === 0x20 || last === 0xa0) return false;
  }
  const table = nameChars ?? buildNameChars();
  let h = FNV_BASIS;
  let acc = 0;
  let w = at;
  // The previous character's entry: of a run of spaces, only the first is hashed (as U+0020, foldHash's one space).
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const e = c < 0x1f00 ? table[c] : 0;
    if ((e & SHORT_CHAR) !== 0) {
      if ((e & prev & SPACE_CHAR) === 0) h = Math.imul(h ^ (e & 0xffff), FNV_PRIME);
      prev = e;
      acc = (acc << 8) | ((e >>> 16) & 0xff);
      if (acc >>> 24 !== 0) {
        words[w++] = acc ^ END;
        acc = 0;
      }
      continue;
    }
    if (c < 48 || c > 57 || (e & 0xff0000) === 0) return scanPlainNameFrom(text, words, at, table);
    // A run of digits: each its own fold code in the hash, its value in the key (digit weight, 1 + length, digits).
    let j = i + 1;
    while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    let s = i;
    while (s < j - 1 && text.charCodeAt(s) === 48) s++;
    if (j - s > 200) return scanPlainNameFrom(text, words, at, table);
    for (let d = i; d < j; d++) h = Math.imul(h ^ text.charCodeAt(d), FNV_PRIME);
    for (let d = s - 2; d < j; d++) {
      acc = (acc << 8) | (d === s - 2 ? digitWeight : d === s - 1 ? 1 + (j - s) : text.charCodeAt(d));
      if (acc >>> 24 !== 0) {
        words[w++] = acc ^ END;
        acc = 0;
      }
    }
    prev = e;
    i = j - 1;
  }
  if (acc !== 0) {
    while (acc >>> 24 === 0) acc <<= 8;
    words[w++] = acc ^ END;
  }
  nameScan.hash = h;
  nameScan.keyWords = w - at;
  nameScan.stops = false;
  return true;
}

/** scanPlainName with every case (a name the short loop stopped on is scanned again from its start). */
function scanPlainNameFrom(text: string, words: Int32Array, at: number, table: Int32Array): boolean {
  const n = text.length;
  const dw = digitWeight;
  let h = FNV_BASIS;
  let acc = 0;
  let w = at;
  let space = false;
  let fullFold = false;
  let keyed = true;
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x1f00) return false;
    const e = table[c];
    if ((e & PLAIN_CHAR) === 0) return false;
    seen |= e;
    // foldHash (plain text has no white space but U+0020 and U+00A0, and never starts with it).
    if (c === 0x20 || c === 0xa0) space = i > 0;
    else {
      const f = e & 0xffff;
      if (f === 0xffff) fullFold = true;
      else if (!fullFold) {
        if (space) {
          h = Math.imul(h ^ 32, FNV_PRIME);
          space = false;
        }
        h = Math.imul(h ^ f, FNV_PRIME);
      }
    }
    // The key, as packVietnameseKey.
    if (!keyed) continue;
    const weight = (e >>> 16) & 0xff;
    if (weight === 0) {
      keyed = false;
      continue;
    }
    if (c < 48 || c > 57) {
      acc = (acc << 8) | weight;
      if (acc >>> 24 !== 0) {
        words[w++] = acc ^ END;
        acc = 0;
      }
      continue;
    }
    // A run of digits (plain, each its own fold code), for the fold hash and as a number in the key.
    let j = i + 1;
    while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (!fullFold) {
      if (space) {
        h = Math.imul(h ^ 32, FNV_PRIME);
        space = false;
      }
      for (let d = i + 1; d < j; d++) h = Math.imul(h ^ text.charCodeAt(d), FNV_PRIME);
    }
    let s = i;
    while (s < j - 1 && text.charCodeAt(s) === 48) s++;
    if (j - s > 200) keyed = false;
    else {
      for (let d = s - 2; d < j; d++) {
        acc = (acc << 8) | (d === s - 2 ? dw : d === s - 1 ? 1 + (j - s) : text.charCodeAt(d));
        if (acc >>> 24 !== 0) {
          words[w++] = acc ^ END;
          acc = 0;
        }
      }
    }
    i = j - 1;
  }
  if (keyed && acc !== 0) {
    while (acc >>> 24 === 0) acc <<= 8;
    words[w++] = acc ^ END;
  }
  nameScan.hash = fullFold ? hashString(foldText(text)) : h;
  nameScan.keyWords = keyed ? w - at : -1;
  nameScan.stops = (seen & STOP_CHAR) !== 0;
  return true;
}
