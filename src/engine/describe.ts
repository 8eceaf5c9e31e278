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
    else if (k === 'readings')
      out[k] = v
        .split(' | ')
        .map((r) => (Number.isFinite(Number(r)) ? formatExact(Number(r), lang) : r))
        .join(' | ');
    else out[k] = v;
  }
  // A text given in both languages (`bandVi`, `bandEn`): the reader's, as `band`.
  for (const k of Object.keys(params)) {
    const both = /^(\w+)(Vi|En)$/.exec(k);
    if (both && both[2] === (lang === 'vi' ? 'Vi' : 'En')) out[both[1]] = out[k];
  }
  return out;
}

/** The finding's message, without the cell: `"abc" không phải là số`. */
export function findingMessage(f: Finding, lang: Lang): string {
  const m = messages(lang);
  const template =
    f.code in m.findings
      ? m.findings[f.code as keyof typeof m.findings]
      : m.ruleSets.findings[f.code as keyof typeof m.ruleSets.findings];
  return fill(template, localiseParams(f.params, lang));
}

/** `'Tổng hợp'!D7: "abc" không phải là số` */
export function describeFinding(f: Finding, lang: Lang): string {
  return `${f.cell}: ${findingMessage(f, lang)}`;
}

export function describeRuleProblem(p: RuleProblem, lang: Lang): string {
  const m = messages(lang);
  const key =
    (p.code === 'gap' || p.code === 'overlap') && p.value === p.otherValue
      ? p.code === 'gap'
        ? 'gapAt'
        : 'overlapAt'
      : p.code;
  const template =
    key in m.rules
      ? m.rules[key as keyof typeof m.rules]
      : m.ruleSets.problems[key as keyof typeof m.ruleSets.problems];
  return problemPrefix(p, template, lang) + fill(template, ruleProblemParams(p, lang));
}

function ruleProblemParams(p: RuleProblem, lang: Lang): Record<string, string | number> {
  const params: Record<string, string | number> = {
    band: p.band,
    key: p.key ?? '',
    block: p.block ?? '',
    field: p.field ?? '',
  };
  if (p.other !== undefined) params.other = p.other;
  if (p.value !== undefined) params.value = typeof p.value === 'number' ? formatExact(p.value, lang) : String(p.value);
  if (p.otherValue !== undefined) params.otherValue = formatExact(p.otherValue, lang);
  return params;
}

/** A problem in a block's own bands, or in one field's floor, says so first (unless its text names them already). */
function problemPrefix(p: RuleProblem, template: string, lang: Lang): string {
  const m = messages(lang).ruleSets;
  const block =
    p.block !== undefined && p.key === undefined && !template.includes('{block}')
      ? fill(m.inBlock, { block: p.block })
      : '';
  const field = p.field !== undefined && !template.includes('{field}') ? fill(m.forField, { field: p.field }) : '';
  return block + field;
}

export function bandLabel(rules: RuleSet, code: BandCode, lang: Lang): string {
  const own = rules.bands.find((b) => b.code === code);
  if (own) return own.label[lang];
  for (const block of rules.blocks ?? []) {
    const b = block.bands?.find((x) => x.code === code);
    if (b) return b.label[lang];
  }
  return code;
}

/**
 * Why a unit was placed below the band its index reached, or '' when it was not:
 * `Chỉ số 85,20% thuộc mức "Hoàn thành tốt nhiệm vụ" nhưng lĩnh vực Cải cách TTHC (65,00%)
 * dưới 70%; xếp loại "Hoàn thành nhiệm vụ".` Each further band refused on the way down adds
 * `chưa đạt mức "…" vì lĩnh vực … dưới …`.
 */
export function demotionNote(unit: UnitResult, rules: RuleSet, lang: Lang): string {
  const notes = [
    capNote(unit, rules, lang),
    floorNote(unit, rules, lang),
    shownAtBoundNote(unit, rules, lang),
    unrankedNote(unit, rules, lang),
  ];
  return notes.filter((n) => n !== '').join(' ');
}

/** The cascade under the floors, or ''. One floor for every failing field reads as before; different floors are named per field. */
function floorNote(unit: UnitResult, rules: RuleSet, lang: Lang): string {
  if (unit.demotedFrom === null) return '';
  const m = messages(lang).output;
  const r = messages(lang).ruleSets.notes;
  const capped = !!unit.cappedAt;
  const parts = unit.demotion.map((step, i) => {
    const floors = new Set(step.failingFields.map((f) => f.floorPct));
    const first = i === 0 && !capped;
    const params = { index: formatPct(unit.indexPct, lang), band: bandLabel(rules, step.band, lang) };
    if (floors.size <= 1) {
      const fields = joinList(
        step.failingFields.map((f) => fill(m.fieldPct, { label: f.label, pct: formatPct(f.pct, lang) })),
        lang,
      );
      return fill(first ? m.demotionFirst : m.demotionStep, {
        ...params,
        fields,
        floor: formatBound(step.failingFields[0]?.floorPct ?? 0, lang),
      });
    }
    const fields = joinList(
      step.failingFields.map((f) =>
        fill(r.fieldFloor, { label: f.label, pct: formatPct(f.pct, lang), floor: formatBound(f.floorPct, lang) }),
      ),
      lang,
    );
    return fill(first ? r.demotionFirstMixed : r.demotionStepMixed, { ...params, fields });
  });
  return parts.join('; ') + fill(m.demotionEnd, { band: bandLabel(rules, unit.band, lang) });
}

/** Why a unit stopped at its band cap: `Chỉ số 92,00% thuộc mức "…" nhưng đơn vị chỉ được xếp tối đa mức "…": <reason>`. */
function capNote(unit: UnitResult, rules: RuleSet, lang: Lang): string {
  const cap = unit.cappedAt;
  if (!cap) return '';
  const r = messages(lang).ruleSets.notes;
  const text = fill(r.capped, {
    index: formatPct(unit.indexPct, lang),
    from: bandLabel(rules, cap.from, lang),
    band: bandLabel(rules, cap.band, lang),
    reason: cap.reason,
  });
  return unit.demotedFrom === null ? text + fill(r.cappedEnd, { band: bandLabel(rules, unit.band, lang) }) : `${text};`;
}

/** `Chỉ số 89,995%, hiển thị 90,00%, chưa đạt 90%.` */
function shownAtBoundNote(unit: UnitResult, rules: RuleSet, lang: Lang): string {
  const s = unit.belowShownBound;
  if (!s) return '';
  const band = [...rules.bands, ...(rules.blocks ?? []).flatMap((b) => b.bands ?? [])].find((b) => b.code === s.band);
  const bound =
    band && !band.min.inclusive
      ? fill(messages(lang).percentRange.above, { value: formatBound(s.boundPct, lang) })
      : formatBound(s.boundPct, lang);
  return fill(messages(lang).ruleSets.notes.shownAtBound, {
    exact: formatBound(s.exactPct, lang),
    shown: formatPct(unit.indexPct, lang),
    bound,
  });
}

/** Whether and where a unit is ranked: "Hạng 2 trong khối "Xã"." (the rank column alone does not name the block), or why not. */
function unrankedNote(unit: UnitResult, rules: RuleSet, lang: Lang): string {
  const r = messages(lang).ruleSets.notes;
  if (unit.ranked !== false)
    return unit.block ? fill(r.rankInBlock, { rank: unit.rank, block: blockLabel(rules, unit.block, lang) }) : '';
  return unit.block ? fill(r.unrankedInBlock, { block: blockLabel(rules, unit.block, lang) }) : r.unranked;
}

/** A block's label in the language, or the block column's own text. */
export function blockLabel(rules: RuleSet, code: string, lang: Lang): string {
  return rules.blocks?.find((b) => b.code === code)?.label[lang] ?? code;
}
