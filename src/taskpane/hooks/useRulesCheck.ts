/**
 * The draft checked by the engine (validateRuleSet), each problem placed on the field it names
 * and said in an officer's words ("Ngưỡng dưới phải nhỏ hơn ngưỡng trên"), not interval
 * arithmetic. Problems that name no field (no bands, a duplicate band code) are said apart.
 */
import {
  describeRuleProblem,
  fill,
  messages,
  validateRuleSet,
  type Lang,
  type RuleProblem,
  type RuleSet,
} from '../../engine';
import { fold } from '../../engine/text';
import { bandKey, bandsAt, ruleSetOf, type BandDraft, type BandPlace, type RulesDraft } from './useRulesDraft';

/** Problems by field key (bandKey, `components.survey.points`, `k0.code`, `decision.number`), and those of the whole set. */
export interface DraftCheck {
  /** The rule set the form gives, or null while it has problems. */
  rules: RuleSet | null;
  errors: Record<string, string[]>;
  general: string[];
  count: number;
}

type PaneWords = ReturnType<typeof messages>['rulesUi'];

class Problems {
  errors: Record<string, string[]> = {};
  general: string[] = [];
  count = 0;
  add(key: string, text: string): void {
    const list = (this.errors[key] ??= []);
    if (!list.includes(text)) list.push(text);
  }
}

/** A band's name in the current language (its code when it has none). */
function nameIn(bands: readonly BandDraft[], code: string | undefined, lang: Lang): string {
  const b = bands.find((x) => x.code === code);
  return (b ? (lang === 'vi' ? b.labelVi : b.labelEn).trim() : '') || (code ?? '');
}

/** The pane's words for a problem (its controls named, or a field's own short message), or null where the engine's sentence serves. */
function paneText(p: RuleProblem, w: PaneWords, params: Record<string, string | number>): string | null {
  const key = (p.code === 'gap' || p.code === 'overlap') && p.value === p.otherValue ? `${p.code}At` : p.code;
  // The bounds' own problems are the engine's sentences (the CLI says them too); these name the pane's controls.
  const words: Partial<Record<string, string>> = {
    gapAt: w.msgGapAt,
    overlapAt: w.msgOverlapAt,
    topNot100: w.msgTopNot100,
    bottomNot0: w.msgBottomNot0,
    badFloorField: w.msgFloorField,
    duplicateFloorField: w.msgDuplicateFloorField,
    componentPoints: w.msgComponentPoints,
    badBlockCode: w.msgBlockCode,
    duplicateBlock: w.msgDuplicateBlock,
    missingBlockLabel: w.msgBlockLabel,
    badDecisionNumber: w.msgDecisionNumber,
    badDecisionDate: w.msgDecisionDate,
  };
  const template = words[key];
  return template === undefined ? null : fill(template, params);
}

/** A number as the pane writes it ("82,5"). */
const shown = (v: number | string | undefined, lang: Lang) =>
  typeof v === 'number' ? (lang === 'vi' ? String(v).replace('.', ',') : String(v)) : (v ?? '');

function sentence(p: RuleProblem, bands: readonly BandDraft[], lang: Lang, blockName?: string): string {
  const params = {
    band: nameIn(bands, p.band, lang),
    other: nameIn(bands, p.other, lang),
    value: shown(p.value, lang),
    otherValue: shown(p.otherValue, lang),
    field: p.field ?? '',
    block: p.block ?? '',
  };
  const text =
    paneText(p, messages(lang).rulesUi, params) ??
    describeRuleProblem(
      { ...p, band: params.band, other: p.other === undefined ? undefined : params.other, block: blockName ?? p.block },
      lang,
    );
  // A message on its own starts with a capital letter (the engine's follow a cell address).
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

/** The fields of one band a problem about a number names: those holding that value. */
function valueFields(p: RuleProblem, rule: RuleSet['bands'][number] | undefined, band: BandDraft): string[] {
  if (p.field !== undefined) {
    const j = band.fieldFloors.findIndex((f) => fold(f.field.trim()) === fold(p.field as string));
    return j < 0 ? ['floor'] : [`ff${j}.pct`];
  }
  const fields = (['min', 'max', 'floor'] as const).filter(
    (f) => (f === 'min' ? rule?.min.pct : f === 'max' ? rule?.max.pct : rule?.fieldFloorPct) === p.value,
  );
  return fields.length > 0 ? [...fields] : [p.code === 'floorOutOfRange' ? 'floor' : 'min'];
}

/** The fields of a band (by place) a band problem belongs to; null: none (said in general). */
function bandFields(p: RuleProblem, band: BandDraft, rule: RuleSet['bands'][number] | undefined): string[] | null {
  switch (p.code) {
    case 'missingLabel':
      return [...(band.labelVi.trim() ? [] : ['labelVi']), ...(band.labelEn.trim() ? [] : ['labelEn'])];
    case 'outOfRange':
    case 'tooManyDecimals':
    case 'floorOutOfRange':
      return valueFields(p, rule, band);
    case 'badFloorField':
      return band.fieldFloors.flatMap((f, j) => (f.field.trim() === '' ? [`ff${j}.field`] : []));
    case 'duplicateFloorField':
      return band.fieldFloors
        .flatMap((f, j) => (fold(f.field.trim()) === fold(p.field ?? '') ? [`ff${j}.field`] : []))
        .slice(1);
    case 'emptyRange':
      return ['min', 'max'];
    case 'notDescending':
    case 'bottomNot0':
    case 'gap':
    case 'overlap':
      return ['min'];
    case 'topNot100':
      return ['max'];
    default:
      return null;
  }
}

/** A block's name in the current language (its code when it has none); undefined for the rule set's bands. */
function blockName(draft: RulesDraft, block: number | null, lang: Lang): string | undefined {
  const k = block === null ? undefined : draft.blocks[block];
  return k && ((lang === 'vi' ? k.labelVi : k.labelEn).trim() || k.code);
}

/** A problem in a band list (the rule set's or a block's own), placed on its fields. */
function placeBandProblem(
  p: RuleProblem,
  draft: RulesDraft,
  rules: RuleSet,
  block: number | null,
  out: Problems,
  lang: Lang,
): void {
  const bands = bandsAt(draft, block);
  const ruleBands = block === null ? rules.bands : (rules.blocks?.[block]?.bands ?? []);
  const index = bands.findIndex((b) => b.code === p.band);
  const text = sentence(p, bands, lang, blockName(draft, block, lang));
  const fields = index < 0 ? null : bandFields(p, bands[index], ruleBands[index]);
  if (!fields || fields.length === 0) {
    out.general.push(text);
    return;
  }
  const place: BandPlace = { block, index };
  const label = p.code === 'missingLabel' ? messages(lang).rulesUi.labelRequired : text;
  for (const f of fields) out.add(bandKey(place, f), label);
  // A gap or an overlap is also said at the neighbouring band's upper bound.
  const j = p.code === 'gap' || p.code === 'overlap' ? bands.findIndex((b) => b.code === p.other) : -1;
  if (j >= 0) out.add(bandKey({ block, index: j }, 'max'), text);
}

/** The field key a setting problem belongs to (`blocks[1].code` → `k1.code`); null: said in general. */
function settingKey(p: RuleProblem, draft: RulesDraft): string | null {
  const blockAt = (code: string | undefined) => draft.blocks.findIndex((b) => fold(b.code.trim()) === fold(code ?? ''));
  if (p.code === 'duplicateBlock')
    return `k${draft.blocks.map((b) => fold(b.code.trim())).lastIndexOf(fold(p.block ?? ''))}.code`;
  if (p.code === 'missingBlockLabel') return `k${blockAt(p.block)}.label`;
  const m = /^blocks\[(\d+)\]\.code$/.exec(p.key ?? '');
  if (m) return `k${m[1]}.code`;
  return p.key && /^(components\.(appraisal|survey)\.points|decision\.(number|date))$/.test(p.key) ? p.key : null;
}

/** Where a problem belongs: a setting's field, a block's band, or the rule set's band. */
function placeProblem(
  p: RuleProblem,
  draft: RulesDraft,
  rules: RuleSet,
  unreadable: Map<string, string>,
  out: Problems,
  lang: Lang,
): void {
  if (p.key !== undefined || p.code === 'duplicateBlock' || p.code === 'missingBlockLabel') {
    const key = settingKey(p, draft);
    if (key !== null && unreadable.has(key)) return; // already said: not a number
    const text = sentence(p, draft.bands, lang);
    if (key === null) out.general.push(text);
    else out.add(key, text);
    out.count++;
    return;
  }
  const block = p.block === undefined ? null : draft.blocks.findIndex((b) => b.code.trim() === p.block);
  placeBandProblem(p, draft, rules, block === -1 ? null : block, out, lang);
  out.count++;
}

/**
 * Checks the draft with the engine (validateRuleSet) and places each problem on the band and
 * field it names, in the reviewer's words, with the bands' names in the current language.
 */
export function checkDraft(draft: RulesDraft, lang: Lang): DraftCheck {
  const w = messages(lang).rulesUi;
  const { rules, unreadable } = ruleSetOf(draft);
  const out = new Problems();
  // Numbers the engine cannot even read: said here, in the reviewer's terms.
  for (const [key, text] of unreadable) {
    out.add(key, text.trim() === '' ? w.required : fill(w.msgNotANumber, { value: text.trim() }));
    out.count++;
  }
  for (const p of validateRuleSet(rules)) {
    if (p.code === 'notANumber') continue; // said above, field by field
    placeProblem(p, draft, rules, unreadable, out, lang);
  }
  return { rules: out.count === 0 ? rules : null, errors: out.errors, general: out.general, count: out.count };
}
