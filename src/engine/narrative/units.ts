/**
 * Unit names in running text: the kind of unit a name stands for (commune, ward, town), the
 * collective noun of a list ("xã", "thị trấn", "xã, thị trấn") and lists as reports write them
 * ("Xã Quang Khải, Hà Kỳ và Thị trấn Tứ Kỳ").
 */
import { joinList, twoDigits } from '../format';
import { messages } from '../i18n';
import type { Lang } from '../types';

export type UnitKind = 'commune' | 'ward' | 'town';

const KIND_ORDER: readonly UnitKind[] = ['commune', 'ward', 'town'];

/**
 * The start of a name in lower case with diacritics kept, white space collapsed: "Phường" and
 * "Phượng" stay apart. Only the first words are looked at (the kind words are at most two).
 */
function lower(name: string): string {
  return name.trimStart().slice(0, 24).normalize('NFC').toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
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
