/**
 * The "Tiêu chí" form's draft (pure): the rule set as the reviewer types it (numbers as text,
 * decimal comma accepted), turned back into a RuleSet for the engine. Bands (the rule set's and a
 * block's own), per-field floors, the settings (rounding, rank method), the components and the
 * decision that names an amended set. checkDraft (useRulesCheck.ts) places the engine's problems.
 */
import {
  formatPoints,
  parseNumberText,
  type BandRule,
  type IndexComponents,
  type Lang,
  type RankMethod,
  type RuleBlock,
  type RuleDecision,
  type RuleSet,
} from '../../engine';

export type BandField = 'labelVi' | 'labelEn' | 'min' | 'max' | 'floor';

/** One field's own floor in a band, as typed. Empty `pctText`: the field is freed from the floor. */
export interface FloorDraft {
  field: string;
  pctText: string;
}

/** A band as the form holds it: numbers as typed. */
export interface BandDraft {
  code: string;
  labelVi: string;
  labelEn: string;
  minText: string;
  minInclusive: boolean;
  maxText: string;
  maxInclusive: boolean;
  /** Empty: no floor for every field. */
  floorText: string;
  /** Floors for named fields (over `floorText`). */
  fieldFloors: FloorDraft[];
}

/** A block of units ranked apart; `bands` null: the rule set's bands. */
export interface BlockDraft {
  code: string;
  labelVi: string;
  labelEn: string;
  ranked: boolean;
  bands: BandDraft[] | null;
}

export interface ComponentsDraft {
  appraisalText: string;
  appraisalFloor: boolean;
  surveyText: string;
  surveyFloor: boolean;
  convertWithoutSurvey: boolean;
}

export interface DecisionDraft {
  number: string;
  /** ISO date (an <input type="date"> gives it so), or ''. */
  date: string;
  issuerVi: string;
  issuerEn: string;
}

export interface RulesDraft {
  /** The rule set last loaded into the form (in force or a preset): its id, name, caps and labels carry over. */
  origin: RuleSet;
  bands: BandDraft[];
  /** null: the exact index is compared. */
  indexDecimals: number | null;
  rankMethod: RankMethod;
  /** null: the rule set has no components. */
  components: ComponentsDraft | null;
  blocks: BlockDraft[];
  decision: DecisionDraft;
}

/** Where a band sits: in the rule set's bands (block null) or in a block's own. */
export interface BandPlace {
  block: number | null;
  index: number;
}

const pctText = (v: number | null, lang: Lang) => (v === null ? '' : formatPoints(v, lang));

export function bandDraftOf(b: BandRule, lang: Lang): BandDraft {
  return {
    code: b.code,
    labelVi: b.label.vi,
    labelEn: b.label.en,
    minText: formatPoints(b.min.pct, lang),
    minInclusive: b.min.inclusive,
    maxText: formatPoints(b.max.pct, lang),
    maxInclusive: b.max.inclusive,
    floorText: pctText(b.fieldFloorPct, lang),
    fieldFloors: (b.fieldFloors ?? []).map((f) => ({ field: f.field, pctText: pctText(f.pct, lang) })),
  };
}

function componentsDraftOf(c: IndexComponents | null | undefined, lang: Lang): ComponentsDraft | null {
  if (!c) return null;
  return {
    appraisalText: formatPoints(c.appraisal.points, lang),
    appraisalFloor: c.appraisal.floorApplies,
    surveyText: formatPoints(c.survey.points, lang),
    surveyFloor: c.survey.floorApplies,
    convertWithoutSurvey: c.convertWithoutSurvey,
  };
}

function decisionDraftOf(d: RuleDecision | null | undefined): DecisionDraft {
  return { number: d?.number ?? '', date: d?.date ?? '', issuerVi: d?.issuer.vi ?? '', issuerEn: d?.issuer.en ?? '' };
}

export function draftOf(rules: RuleSet, lang: Lang): RulesDraft {
  return {
    origin: rules,
    bands: rules.bands.map((b) => bandDraftOf(b, lang)),
    indexDecimals: rules.indexDecimals ?? null,
    rankMethod: rules.rankMethod ?? 'rankEq',
    components: componentsDraftOf(rules.components, lang),
    blocks: (rules.blocks ?? []).map((b) => ({
      code: b.code,
      labelVi: b.label.vi,
      labelEn: b.label.en,
      ranked: b.ranked,
      bands: b.bands ? b.bands.map((x) => bandDraftOf(x, lang)) : null,
    })),
    decision: decisionDraftOf(rules.decision),
  };
}

/** A percentage as typed: "82,5", "82.5", "82,5 %". NaN when it is not one number; null when empty. */
export function readPercent(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, '');
  if (t === '') return null;
  const read = parseNumberText(t);
  return read.kind === 'number' ? read.value : Number.NaN;
}

/** The key a problem is placed under: `b1.min` (band 2's lower bound), `k0.b1.floor` (block 1's own band 2), `b1.ff0.pct`. */
export function bandKey(place: BandPlace, field: string): string {
  return `${place.block === null ? '' : `k${place.block}.`}b${place.index}.${field}`;
}

/** A text that could not be read as a number, by key, with the text as typed. */
export type Unreadable = Map<string, string>;

/** A number as typed; records it as unreadable (required when `required`) and gives NaN. */
function numberAt(key: string, text: string, unreadable: Unreadable, required: boolean): number | null {
  const v = readPercent(text);
  if ((v === null && required) || (v !== null && Number.isNaN(v))) {
    unreadable.set(key, text);
    return Number.NaN;
  }
  return v;
}

function bandOf(b: BandDraft, place: BandPlace, unreadable: Unreadable): BandRule {
  const at = (field: string) => bandKey(place, field);
  return {
    code: b.code,
    label: { vi: b.labelVi.trim(), en: b.labelEn.trim() },
    min: { pct: numberAt(at('min'), b.minText, unreadable, true) as number, inclusive: b.minInclusive },
    max: { pct: numberAt(at('max'), b.maxText, unreadable, true) as number, inclusive: b.maxInclusive },
    fieldFloorPct: numberAt(at('floor'), b.floorText, unreadable, false),
    fieldFloors: b.fieldFloors.map((f, i) => ({
      field: f.field.trim(),
      pct: numberAt(at(`ff${i}.pct`), f.pctText, unreadable, false),
    })),
  };
}

function componentsOf(c: ComponentsDraft | null, origin: RuleSet, unreadable: Unreadable): IndexComponents | null {
  const o = origin.components;
  if (!c || !o) return null;
  // The origin's keys first, in their order: an untouched form keeps the rule set's fingerprint.
  return {
    ...o,
    appraisal: {
      ...o.appraisal,
      points: numberAt('components.appraisal.points', c.appraisalText, unreadable, true) as number,
      floorApplies: c.appraisalFloor,
    },
    survey: {
      ...o.survey,
      points: numberAt('components.survey.points', c.surveyText, unreadable, true) as number,
      floorApplies: c.surveyFloor,
    },
    convertWithoutSurvey: c.convertWithoutSurvey,
  };
}

function decisionOf(d: DecisionDraft): RuleDecision | null {
  if ([d.number, d.date, d.issuerVi, d.issuerEn].every((x) => x.trim() === '')) return null;
  return { number: d.number.trim(), date: d.date.trim(), issuer: { vi: d.issuerVi.trim(), en: d.issuerEn.trim() } };
}

function blockOf(b: BlockDraft, k: number, unreadable: Unreadable): RuleBlock {
  const block: RuleBlock = {
    code: b.code.trim(),
    label: { vi: b.labelVi.trim(), en: b.labelEn.trim() },
    ranked: b.ranked,
  };
  if (b.bands) block.bands = b.bands.map((x, i) => bandOf(x, { block: k, index: i }, unreadable));
  return block;
}

/** The draft as a RuleSet (NaN where a number is unreadable) and the fields that could not be read. */
export function ruleSetOf(draft: RulesDraft): { rules: RuleSet; unreadable: Unreadable } {
  const unreadable: Unreadable = new Map();
  const { origin } = draft;
  const rules: RuleSet = {
    ...origin,
    bands: draft.bands.map((b, i) => bandOf(b, { block: null, index: i }, unreadable)),
  };
  rules.indexDecimals = draft.indexDecimals;
  if (draft.rankMethod !== 'rankEq' || origin.rankMethod !== undefined) rules.rankMethod = draft.rankMethod;
  if (origin.components !== undefined || draft.components)
    rules.components = componentsOf(draft.components, origin, unreadable);
  if (origin.blocks !== undefined || draft.blocks.length > 0)
    rules.blocks = draft.blocks.map((b, k) => blockOf(b, k, unreadable));
  rules.decision = decisionOf(draft.decision);
  return { rules, unreadable };
}

/** The bands at a place: the rule set's, or a block's own (empty when the block uses the rule set's). */
export function bandsAt(draft: RulesDraft, block: number | null): BandDraft[] {
  return block === null ? draft.bands : (draft.blocks[block]?.bands ?? []);
}

/** The draft with one band changed. */
export function withBand(draft: RulesDraft, place: BandPlace, change: Partial<BandDraft>): RulesDraft {
  const edit = (bands: BandDraft[]) => bands.map((b, i) => (i === place.index ? { ...b, ...change } : b));
  if (place.block === null) return { ...draft, bands: edit(draft.bands) };
  return {
    ...draft,
    blocks: draft.blocks.map((k, i) => (i === place.block && k.bands ? { ...k, bands: edit(k.bands) } : k)),
  };
}

/** The draft with one block changed; `ownBands` true copies the rule set's bands into it, false drops its own. */
export function withBlock(
  draft: RulesDraft,
  index: number,
  change: Partial<Omit<BlockDraft, 'bands'>> & { ownBands?: boolean },
): RulesDraft {
  const { ownBands, ...rest } = change;
  return {
    ...draft,
    blocks: draft.blocks.map((k, i) => {
      if (i !== index) return k;
      const bands =
        ownBands === undefined
          ? k.bands
          : ownBands
            ? (k.bands ?? draft.bands.map((b) => ({ ...b, fieldFloors: [...b.fieldFloors] })))
            : null;
      return { ...k, ...rest, bands };
    }),
  };
}

/** A new block at the end (ranked, the rule set's bands). */
export function withNewBlock(draft: RulesDraft): RulesDraft {
  return { ...draft, blocks: [...draft.blocks, { code: '', labelVi: '', labelEn: '', ranked: true, bands: null }] };
}

export function withoutBlock(draft: RulesDraft, index: number): RulesDraft {
  return { ...draft, blocks: draft.blocks.filter((_, i) => i !== index) };
}
