/**
 * Unit names in running text: the kind of unit a name stands for (commune, ward, town), the
 * collective noun of a list ("xã", "thị trấn", "xã, thị trấn") and lists as reports write them
 * ("Xã Quang Khải, Hà Kỳ và Thị trấn Tứ Kỳ").
 */
import { joinList, twoDigits } from '../format';
import { isPlainNfc } from '../text';
import { messages } from '../i18n';
import type { Lang } from '../types';

export type UnitKind = 'commune' | 'ward' | 'town';

const KIND_ORDER: readonly UnitKind[] = ['commune', 'ward', 'town'];

/**
 * The start of a name in lower case with diacritics kept, white space collapsed: "Phường" and
 * "Phượng" stay apart. Only the first words are looked at (the kind words are at most two), so
 * a list of 10^4 names costs little; Vietnamese has no casing rules of its own, so the plain
 * lower-casing is the locale's.
 */
function lower(name: string): string {
  return name.trimStart().slice(0, 24).normalize('NFC').toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Whether a name can start with a kind word at all ("Thị trấn", "Phường", "Xã"): most names cannot, and skip the lower-casing. */
function mayStartWithKind(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0) continue; // white space before the name
    const l = c | 0x20; // ASCII letters to lower case
    return l === 0x74 || l === 0x70 || l === 0x78; // t, p, x
  }
  return false;
}

/**
 * "Thị trấn Tứ Kỳ" is a town, "Phường X" a ward, anything else ("Quang Khải", "Xã Hà Kỳ") a
 * commune. The words are matched with their diacritics: "Phượng Kỳ" is a commune.
 */
export function unitKind(name: string): UnitKind {
  if (!mayStartWithKind(name)) return 'commune';
  return described(name).kind;
}

/** A commune's name without a typed "Xã " prefix; towns and wards keep their full name. */
export function baseName(name: string): string {
  return described(name).base;
}

export interface NameParts {
  kind: UnitKind;
  base: string;
}

/**
 * A name's kind and base name, worked out once: a narrative lists every name several times
 * (each list, each collective noun), 10^4 names in a large province file.
 */
function described(name: string): NameParts {
  let parts = NAME_CACHE.get(name);
  if (parts === undefined) {
    parts = isPlainNfc(name) ? describedPlain(name) : describedSlowly(name);
    if (NAME_CACHE.size >= NAME_CACHE_LIMIT) NAME_CACHE.clear();
    NAME_CACHE.set(name, parts);
  }
  return parts;
}

/** described(), by lower-casing the name's start. */
export function describedSlowly(name: string): NameParts {
  const trimmed = name.normalize('NFC').trim();
  const l = mayStartWithKind(trimmed) ? lower(trimmed) : '';
  const kind: UnitKind = l.startsWith('thị trấn ') ? 'town' : l.startsWith('phường ') ? 'ward' : 'commune';
  const base = l.startsWith('xã ') ? trimmed.slice(trimmed.search(/\s/)).trim() : trimmed;
  return { kind, base };
}

/** The kind words' letters, lower and upper case: in plain text (isPlainNfc) only a letter's capital lowers to it. */
const KIND_WORDS = ['thị trấn ', 'phường ', 'xã '].map((w) => ({ lower: w, upper: w.toUpperCase() }));

/**
 * Where the kind word `word` (its spaces single U+0020 in `name`) ends at the start of `name`;
 * -1 when name does not start with it; -2 when a space in it is some other white space or more
 * than one (left to describedSlowly, which collapses runs within the name's first 24 characters).
 */
function afterKindWord(name: string, word: { lower: string; upper: string }): number {
  for (let j = 0; j < word.lower.length; j++) {
    const c = name.charCodeAt(j);
    const w = word.lower.charCodeAt(j);
    if (w === 0x20) {
      if (c !== 0x20) return c === 0xa0 ? -2 : -1;
      const next = name.charCodeAt(j + 1);
      if (next === 0x20 || next === 0xa0) return -2;
    } else if (c !== w && c !== word.upper.charCodeAt(j)) return -1;
  }
  return word.lower.length;
}

/**
 * described() of a plain name (isPlainNfc: NFC, trimmed, made of Latin and Vietnamese letters,
 * ASCII punctuation and spaces), the kind words matched letter by letter
 * with no lower-cased copy (10^4 names in a large province file); describedSlowly where spaces
 * are doubled or other. Agrees with describedSlowly (test/narrative/units.test.ts).
 */
function describedPlain(name: string): NameParts {
  if (!mayStartWithKind(name)) return { kind: 'commune', base: name };
  let kind: UnitKind = 'town';
  for (const word of KIND_WORDS) {
    const at = afterKindWord(name, word);
    if (at === -2) return describedSlowly(name);
    if (at > 0) return { kind, base: kind === 'commune' ? name.slice(at) : name };
    kind = kind === 'town' ? 'ward' : 'commune';
  }
  return { kind: 'commune', base: name };
}

const NAME_CACHE = new Map<string, NameParts>();
const NAME_CACHE_LIMIT = 1 << 16;

/** A count as reports write it: two digits in Vietnamese ("08"), plain in English. */
export function formatCount(n: number, lang: Lang): string {
  return lang === 'vi' ? twoDigits(n) : String(n);
}

/**
 * The collective noun for these units: "xã", "thị trấn", "xã, thị trấn" (en: "communes and towns";
 * singular for one unit unless `plural`, as in "1 of 3 communes").
 */
export function collectiveNoun(names: readonly string[], lang: Lang, plural = names.length !== 1): string {
  const m = messages(lang).narrative;
  const kinds = new Set(names.map(unitKind));
  const words = KIND_ORDER.filter((k) => kinds.has(k)).map((k) => m[plural ? (`${k}s` as const) : k]);
  if (words.length === 0) return m.communes;
  return lang === 'vi' ? words.join(', ') : joinList(words, lang);
}

/** "unit"/"units" (vi "đơn vị"). */
export function unitNoun(count: number, lang: Lang): string {
  const m = messages(lang).narrative;
  return count === 1 ? m.unit : m.units;
}

/**
 * A list of unit names: "và" before the last; with `prefixFirst`, a commune in first place is
 * written "Xã Quang Khải" as the report does after "gồm 08 xã:", while later communes are bare
 * and towns and wards always keep "Thị trấn …", "Phường …".
 */
export function unitList(names: readonly string[], lang: Lang, prefixFirst = true): string {
  const prefix = messages(lang).narrative.communePrefix;
  const items = names.map((n, i) => {
    const base = baseName(n);
    return i === 0 && prefixFirst && prefix !== '' && unitKind(n) === 'commune' ? `${prefix}${base}` : base;
  });
  return joinList(items, lang);
}

/** One unit named inside a sentence: "xã Quang Khải", "thị trấn Tứ Kỳ" (en: the name as written). */
export function unitInSentence(name: string, lang: Lang): string {
  const base = baseName(name);
  if (lang !== 'vi') return base;
  const kind = unitKind(name);
  const m = messages(lang).narrative;
  if (kind === 'commune') return `${m.commune} ${base}`;
  // "Thị trấn Tứ Kỳ" → "thị trấn Tứ Kỳ": the kind word in lower case, the proper name untouched.
  const word = m[kind];
  return `${word}${base.slice(word.length)}`;
}
