/**
 * Unit names in running text: the kind of unit a name stands for (commune, ward, town), the
 * collective noun of a list ("xã", "thị trấn", "xã, thị trấn") and lists as reports write them
 * ("Xã Quang Khải, Hà Kỳ và Thị trấn Tứ Kỳ").
 */
import { fill, joinList, twoDigits } from '../format';
import { messages } from '../i18n';
import type { Lang } from '../types';

export type UnitKind = 'commune' | 'ward' | 'town';

const KIND_ORDER: readonly UnitKind[] = ['commune', 'ward', 'town'];

/**
 * The start of a name in lower case with diacritics kept, white space collapsed: "Phường" and
 * "Phượng" stay apart. Only the first words are looked at (the kind words are at most two).
 */
function lower(name: string): string {
  return name
    .trimStart()
    .slice(0, 24)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * "Thị trấn Tứ Kỳ" is a town, "Phường X" a ward, anything else ("Quang Khải", "Xã Hà Kỳ") a
 * commune. The words are matched with their diacritics: "Phượng Kỳ" is a commune.
 */
export function unitKind(name: string): UnitKind {
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

/** A name's kind and base name. */
export function described(name: string): NameParts {
  const trimmed = name.normalize('NFC').trim();
  const l = lower(trimmed);
  const kind: UnitKind = l.startsWith('thị trấn ') ? 'town' : l.startsWith('phường ') ? 'ward' : 'commune';
  const base = l.startsWith('xã ') ? trimmed.slice(trimmed.search(/\s/)).trim() : trimmed;
  return { kind, base };
}

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
 * written "Xã Quang Khải" as the report does after "gồm 08 xã:", while later communes are bare.
 * A Vietnamese list of several kinds names each kind once, as an officer writes it: "Thị trấn Tứ
 * Kỳ và các xã: Bình Lãng, Quang Trung và Văn Tố" (a bare name after a town would read as a town).
 */
export function unitList(names: readonly string[], lang: Lang, prefixFirst = true): string {
  if (lang === 'vi' && new Set(names.map(unitKind)).size > 1) return mixedList(names, prefixFirst);
  const prefix = messages(lang).narrative.communePrefix;
  const items = names.map((n, i) => {
    const base = baseName(n);
    return i === 0 && prefixFirst && prefix !== '' && unitKind(n) === 'commune' ? `${prefix}${base}` : base;
  });
  return joinList(items, lang);
}

/** Towns, then wards, then communes: the kinds of a mixed list in the order an officer names them. */
const GROUP_ORDER: readonly UnitKind[] = ['town', 'ward', 'commune'];

/** A name without its kind word: "Thị trấn Tứ Kỳ" → "Tứ Kỳ", "Xã Hà Kỳ" → "Hà Kỳ". */
function properName(name: string, kind: UnitKind): string {
  const base = baseName(name);
  if (kind === 'commune') return base;
  return base.slice(messages('vi').narrative[kind].length).trim();
}

/** "thị trấn Tứ Kỳ và các xã: Bình Lãng, Quang Trung" (vi): each kind once, one-name kinds first, in the list's own order within a kind. */
function mixedList(names: readonly string[], capitalFirst: boolean): string {
  const m = messages('vi').narrative;
  const groups = GROUP_ORDER.map((kind) => ({
    kind,
    items: names.filter((n) => unitKind(n) === kind).map((n) => properName(n, kind)),
  }))
    .filter((g) => g.items.length > 0)
    .sort((a, b) => Number(a.items.length > 1) - Number(b.items.length > 1));
  const texts = groups.map((g) =>
    g.items.length === 1
      ? fill(m.kindOne, { kind: m[g.kind], name: g.items[0] })
      : fill(m.kindMany, { kinds: m[`${g.kind}s` as const], list: joinList(g.items, 'vi') }),
  );
  // A list of several names before the last group would run into it: the groups are then set apart by ";".
  const several = groups.slice(0, -1).some((g) => g.items.length > 1);
  const text = several ? texts.join('; ') : joinList(texts, 'vi');
  return capitalFirst ? text.charAt(0).toUpperCase() + text.slice(1) : text;
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
