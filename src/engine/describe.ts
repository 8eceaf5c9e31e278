/** Turns findings, rule problems and demotions into sentences, in either language. */
import { fill, formatBound, formatPct, joinList } from './format';
import { messages } from './i18n';
import type { RuleProblem } from './rules';
import type { BandCode, Finding, Lang, RuleSet, UnitResult } from './types';

/** A number as given, every decimal kept (60.12345 → "60,12345"): a message about decimals must show them. */
function formatExact(value: number, lang: Lang): string {
  const s = String(Number(value.toPrecision(15)));
  return lang === 'vi' ? s.replace('.', ',') : s;
}

function localiseParams(params: Record<string, string | number>, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'number') out[k] = formatExact(v, lang);
    // the readings of an ambiguous number ("1.234 | 1234"), written in the reader's notation
    else if (k === 'readings') out[k] = v.split(' | ').map((r) => (Number.isFinite(Number(r)) ? formatExact(Number(r), lang) : r)).join(' | ');
    else out[k] = v;
  }
  return out;
}

/** The finding's message, without the cell: `"abc" không phải là số`. */
export function findingMessage(f: Finding, lang: Lang): string {
  return fill(messages(lang).findings[f.code], localiseParams(f.params, lang));
}

/** `'Tổng hợp'!D7: "abc" không phải là số` */
export function describeFinding(f: Finding, lang: Lang): string {
  return `${f.cell}: ${findingMessage(f, lang)}`;
}

export function describeRuleProblem(p: RuleProblem, lang: Lang): string {
  const params: Record<string, string | number> = { band: p.band };
  if (p.other !== undefined) params.other = p.other;
  if (p.value !== undefined) params.value = typeof p.value === 'number' ? formatExact(p.value, lang) : String(p.value);
  if (p.otherValue !== undefined) params.otherValue = formatExact(p.otherValue, lang);
  // A gap or an overlap on one value (both bounds exclusive, or both inclusive) reads differently
  // from one between two values.
  const key = (p.code === 'gap' || p.code === 'overlap') && p.value === p.otherValue ? (p.code === 'gap' ? 'gapAt' : 'overlapAt') : p.code;
  return fill(messages(lang).rules[key], params);
}

export function bandLabel(rules: RuleSet, code: BandCode, lang: Lang): string {
  return rules.bands.find((b) => b.code === code)?.label[lang] ?? code;
}

/**
 * Why a unit was placed below the band its index reached, or '' when it was not:
 * `Chỉ số 85,20% thuộc mức "Hoàn thành tốt nhiệm vụ" nhưng lĩnh vực Cải cách TTHC (65,00%)
 * dưới 70%; xếp loại "Hoàn thành nhiệm vụ".` Each further band refused on the way down adds
 * `chưa đạt mức "…" vì lĩnh vực … dưới …`.
 */
export function demotionNote(unit: UnitResult, rules: RuleSet, lang: Lang): string {
  if (unit.demotedFrom === null) return '';
  const m = messages(lang).output;
  const parts = unit.demotion.map((step, i) =>
    fill(i === 0 ? m.demotionFirst : m.demotionStep, {
      index: formatPct(unit.indexPct, lang),
      band: bandLabel(rules, step.band, lang),
      fields: joinList(step.failingFields.map((f) => fill(m.fieldPct, { label: f.label, pct: formatPct(f.pct, lang) })), lang),
      floor: formatBound(step.failingFields[0]?.floorPct ?? 0, lang),
    }),
  );
  return parts.join('; ') + fill(m.demotionEnd, { band: bandLabel(rules, unit.band, lang) });
}
