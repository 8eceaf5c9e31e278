/**
 * The "Tiêu chí" tab's editor: every call into src/excel it makes, and the state the components
 * render. (The rules in force, which the whole pane needs at once, are read by useRulesInForce.ts:
 * kept apart so this editor, the preview and safe-write load with the tab, not with the pane.)
 *
 * - useRules: the reviewer's draft (text as typed, decimal comma accepted), checked by the
 *   engine (validateRuleSet) with each problem placed on the band and field it names; a preview
 *   (previewRuleChange on the table read by inspectWithRules: nothing written); and the apply
 *   (applyRules: rules, re-score and audit log in one run) with its safe-write outcomes.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import {
  PRESETS,
  amendRuleSet,
  needsDecision,
  describeRuleProblem,
  formatPoints,
  messages,
  parseNumberText,
  previewRuleChange,
  ruleSetFingerprint,
  validateRuleSet,
  type BandRule,
  type Lang,
  type RuleProblem,
  type RulePreview,
  type RuleSet,
} from '../../engine';
import { officeErrorMessage } from '../../excel/errors';
import type { StoredRules } from '../../excel/rules-store';
import { applyRules, inspectWithRules, type ReadStamp, type SafeOutcome } from '../../excel/safe-write';
import type { ExcelRun, Inspection, MappingOverride } from '../../excel/workbook';

export type { RulesInForce } from './useRulesInForce';
export type RulesUiStrings = ReturnType<typeof messages>['rulesUi'];

// ---------------------------------------------------------------------------------------------
// The draft
// ---------------------------------------------------------------------------------------------

export type BandField = 'labelVi' | 'labelEn' | 'min' | 'max' | 'floor';

/** A band as the form holds it: numbers as typed. */
export interface BandDraft {
  code: string;
  labelVi: string;
  labelEn: string;
  minText: string;
  minInclusive: boolean;
  maxText: string;
  maxInclusive: boolean;
  /** Empty: no field floor. */
  floorText: string;
}

export interface RulesDraft {
  /** The rule set last loaded into the form (in force or a preset): its id and name carry over. */
  origin: RuleSet;
  bands: BandDraft[];
}

export function draftOf(rules: RuleSet, lang: Lang): RulesDraft {
  return {
    origin: rules,
    bands: rules.bands.map((b) => ({
      code: b.code,
      labelVi: b.label.vi,
      labelEn: b.label.en,
      minText: formatPoints(b.min.pct, lang),
      minInclusive: b.min.inclusive,
      maxText: formatPoints(b.max.pct, lang),
      maxInclusive: b.max.inclusive,
      floorText: b.fieldFloorPct === null ? '' : formatPoints(b.fieldFloorPct, lang),
    })),
  };
}

/** A percentage as typed: "82,5", "82.5", "82,5 %". NaN when it is not one number; null when empty. */
export function readPercent(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, '');
  if (t === '') return null;
  const read = parseNumberText(t);
  return read.kind === 'number' ? read.value : Number.NaN;
}

/** Problems per band (by index) and field, and those of the whole rule set. */
export interface DraftCheck {
  /** The rule set the form gives, or null while it has problems. */
  rules: RuleSet | null;
  fieldErrors: Record<number, Partial<Record<BandField, string[]>>>;
  /** Problems that name no field (no bands, duplicate codes). */
  general: string[];
  count: number;
}

/** The draft as a RuleSet (NaN where a number is unreadable) and the fields that could not be read. */
function ruleSetOf(draft: RulesDraft): { rules: RuleSet; unreadable: Set<string> } {
  const unreadable = new Set<string>();
  const num = (i: number, field: BandField, text: string): number => {
    const v = readPercent(text);
    if (v === null || Number.isNaN(v)) {
      unreadable.add(`${i}.${field}`);
      return Number.NaN;
    }
    return v;
  };
  const bands: BandRule[] = draft.bands.map((b, i) => {
    const floor = readPercent(b.floorText);
    if (floor !== null && Number.isNaN(floor)) unreadable.add(`${i}.floor`);
    return {
      code: b.code,
      label: { vi: b.labelVi.trim(), en: b.labelEn.trim() },
      min: { pct: num(i, 'min', b.minText), inclusive: b.minInclusive },
      max: { pct: num(i, 'max', b.maxText), inclusive: b.maxInclusive },
      fieldFloorPct: floor,
      // Per-field floors are not in the form yet: kept from the rules the form was loaded with.
      fieldFloors: draft.origin.bands.find((o) => o.code === b.code)?.fieldFloors ?? [],
    };
  });
  return { rules: { ...draft.origin, bands }, unreadable };
}

/**
 * Checks the draft with the engine (validateRuleSet) and places each problem on the band and
 * field it names, worded by describeRuleProblem with the bands' names in the current language.
 */
export function checkDraft(draft: RulesDraft, lang: Lang): DraftCheck {
  const r = messages(lang).rulesUi;
  const { rules, unreadable } = ruleSetOf(draft);
  const fieldErrors: DraftCheck['fieldErrors'] = {};
  const general: string[] = [];
  let count = 0;
  const add = (i: number, field: BandField, text: string) => {
    const band = (fieldErrors[i] ??= {});
    const list = (band[field] ??= []);
    if (!list.includes(text)) list.push(text);
  };
  const indexOf = new Map(draft.bands.map((b, i) => [b.code, i]));
  const nameOf = (code: string | undefined) => {
    if (code === undefined) return undefined;
    const b = draft.bands[indexOf.get(code) ?? -1];
    const name = b ? (lang === 'vi' ? b.labelVi : b.labelEn).trim() : '';
    return name || code;
  };
  const describe = (p: RuleProblem) => describeRuleProblem({ ...p, band: nameOf(p.band) ?? p.band, other: nameOf(p.other) }, lang);

  // Numbers the engine cannot even read: said here, in the reviewer's terms.
  for (const key of unreadable) {
    const [i, field] = key.split('.') as [string, BandField];
    const b = draft.bands[Number(i)];
    const text = field === 'min' ? b.minText : field === 'max' ? b.maxText : b.floorText;
    if (text.trim() === '') add(Number(i), field, r.required);
    else add(Number(i), field, describe({ code: 'notANumber', band: b.code, value: text.trim() as unknown as number }));
    count++;
  }

  for (const p of validateRuleSet(rules)) {
    const i = indexOf.get(p.band);
    const b = i === undefined ? undefined : rules.bands[i];
    if (i === undefined || !b) {
      general.push(describe(p));
      count++;
      continue;
    }
    const text = describe(p);
    switch (p.code) {
      case 'notANumber':
        continue; // already said above, field by field
      case 'missingLabel':
        if (!b.label.vi) add(i, 'labelVi', r.labelRequired);
        if (!b.label.en) add(i, 'labelEn', r.labelRequired);
        break;
      case 'outOfRange':
      case 'tooManyDecimals': {
        const fields = (['min', 'max', 'floor'] as const).filter((f) => (f === 'min' ? b.min.pct : f === 'max' ? b.max.pct : b.fieldFloorPct) === p.value);
        for (const f of fields.length > 0 ? fields : (['min'] as const)) add(i, f, text);
        break;
      }
      case 'floorOutOfRange':
        add(i, 'floor', text);
        break;
      case 'emptyRange':
        add(i, 'min', text);
        add(i, 'max', text);
        break;
      case 'notDescending':
      case 'bottomNot0':
        add(i, 'min', text);
        break;
      case 'topNot100':
        add(i, 'max', text);
        break;
      case 'gap':
      case 'overlap': {
        // Between the band's lower bound and the next band's upper bound: said at both.
        add(i, 'min', text);
        const j = p.other === undefined ? undefined : indexOf.get(p.other);
        if (j !== undefined) add(j, 'max', text);
        break;
      }
      default:
        general.push(text);
    }
    count++;
  }
  return { rules: count === 0 ? rules : null, fieldErrors, general, count };
}

/** The id and name the applied rules carry: a preset's or the rules in force when the draft is one of them, else the origin's marked as edited. */
export function namedRules(rules: RuleSet, candidates: readonly RuleSet[], origin: RuleSet): RuleSet {
  const fp = ruleSetFingerprint(rules);
  const same = candidates.find((c) => ruleSetFingerprint(c) === fp);
  if (same) return { ...rules, id: same.id, name: same.name, decision: same.decision ?? null };
  // An amended set named and numbered by the reviewer's decision is cited by it (issue 16).
  if (rules.decision && !needsDecision(rules, candidates, origin)) return amendRuleSet(rules, rules.decision);
  const suffix = (lang: Lang) => messages(lang).rulesUi.editedSuffix;
  const mark = (text: string, lang: Lang) => (text.endsWith(suffix(lang)) ? text : text + suffix(lang));
  const id = origin.id.endsWith('-edited') ? origin.id : `${origin.id}-edited`;
  return { ...rules, id, name: { vi: mark(origin.name.vi, 'vi'), en: mark(origin.name.en, 'en') } };
}

// ---------------------------------------------------------------------------------------------
// The editor: draft, preview, apply
// ---------------------------------------------------------------------------------------------

/** The table read for a preview: what was scored, with the stamp the apply checks against. */
export interface PreviewRead {
  stored: StoredRules;
  inspection: Inspection;
  stamp: ReadStamp;
}

export type PresetChoice = 'inForce' | 'custom' | string;

export interface RulesEditor {
  stored: StoredRules;
  draft: RulesDraft;
  check: DraftCheck;
  /** The draft differs from the rules in force. */
  dirty: boolean;
  /** Which preset the draft is ('inForce', a preset id, or 'custom'). */
  preset: PresetChoice;
  setPreset: (choice: PresetChoice) => void;
  setBand: (index: number, change: Partial<BandDraft>) => void;
  reset: () => void;

  read: PreviewRead | null;
  reading: boolean;
  readError: string | null;
  /** The rule set Apply would write (the draft, named), or null while the draft has problems. */
  candidate: RuleSet | null;
  /** The preview of the draft against the rules in force, on the table last read (null: not read yet). */
  preview: RulePreview | null;
  /** Reads the table (nothing written); the preview then follows the draft. */
  readForPreview: () => Promise<void>;

  who: string;
  setWho: (who: string) => void;
  applying: boolean;
  outcome: SafeOutcome | null;
  /** The rules the last apply wrote or tried to write. */
  applied: RuleSet | null;
  canApply: boolean;
  /** Writes the rules, re-scores and logs (overwriteEdited after the user confirmed "Ghi đè"). */
  apply: (overwriteEdited?: boolean) => Promise<void>;
  dismissOutcome: () => void;
}

export interface UseRulesOptions {
  run: ExcelRun;
  lang: Lang;
  stored: StoredRules;
  /** The mapping corrections in force on the scoring tab. */
  override?: MappingOverride;
  /** The workbook's document language: the re-scored columns are written in it. */
  docLang?: Lang;
  /** The rules in force changed (an apply, or a co-author's edit seen on a re-read): read them again. */
  onRulesChanged: () => void | Promise<void>;
  /** The draft kept above the tabs (useRulesDraft), so it survives a tab switch; null: not edited yet. */
  draftState?: DraftState;
}

export type DraftState = [RulesDraft | null, Dispatch<SetStateAction<RulesDraft | null>>];

/** Whether a draft differs from the rules in force (what leaving the tab would leave unapplied). */
export function draftDiffers(draft: RulesDraft | null, inForce: RuleSet): boolean {
  return draft !== null && ruleSetFingerprint(ruleSetOf(draft).rules) !== ruleSetFingerprint(inForce);
}

/** The draft state: the one kept above the tabs when given, else this editor's own. */
function useDraft(stored: StoredRules, lang: Lang, external: DraftState | undefined): [RulesDraft, (next: SetStateAction<RulesDraft>) => void] {
  const own = useState<RulesDraft | null>(null);
  const [value, set] = external ?? own;
  const draft = useMemo(() => value ?? draftOf(stored.rules, lang), [value, stored.rules, lang]);
  const setDraft = useCallback(
    (next: SetStateAction<RulesDraft>) => set((prev) => (typeof next === 'function' ? next(prev ?? draftOf(stored.rules, lang)) : next)),
    [set, stored.rules, lang],
  );
  return [draft, setDraft];
}

export function useRules({ run, lang, stored, override, docLang, onRulesChanged, draftState }: UseRulesOptions): RulesEditor {
  const [draft, setDraft] = useDraft(stored, lang, draftState);
  const [read, setRead] = useState<PreviewRead | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const [who, setWho] = useState('');
  const [applying, setApplying] = useState(false);
  const [outcome, setOutcome] = useState<SafeOutcome | null>(null);
  const [applied, setApplied] = useState<RuleSet | null>(null);
  const seq = useRef(0);

  // The rules in force changed (an apply, a re-read): an untouched form follows them.
  const lastStored = useRef(stored);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  useEffect(() => {
    const before = lastStored.current;
    lastStored.current = stored;
    if (before === stored) return;
    const pristine = ruleSetFingerprint(ruleSetOf(draftRef.current).rules) === ruleSetFingerprint(before.rules);
    if (pristine || (applied && ruleSetFingerprint(applied) === ruleSetFingerprint(stored.rules))) setDraft(draftOf(stored.rules, lang));
  }, [stored, lang, applied]);

  const check = useMemo(() => checkDraft(draft, lang), [draft, lang]);
  const inForceFp = ruleSetFingerprint(stored.rules);
  const draftFp = check.rules ? ruleSetFingerprint(check.rules) : null;
  const dirty = draftFp !== inForceFp;
  const preset: PresetChoice = !dirty ? 'inForce' : (PRESETS.find((p) => ruleSetFingerprint(p) === draftFp)?.id ?? 'custom');

  const setPreset = useCallback(
    (choice: PresetChoice) => {
      if (choice === 'inForce') setDraft(draftOf(stored.rules, lang));
      const p = PRESETS.find((x) => x.id === choice);
      if (p) setDraft(draftOf(p, lang));
    },
    [stored, lang],
  );
  const setBand = useCallback((index: number, change: Partial<BandDraft>) => {
    setDraft((d) => ({ ...d, bands: d.bands.map((b, i) => (i === index ? { ...b, ...change } : b)) }));
  }, []);
  const reset = useCallback(() => setDraft(draftOf(stored.rules, lang)), [stored, lang]);

  const candidate = useMemo(
    () => (check.rules ? namedRules(check.rules, [stored.rules, ...PRESETS], draft.origin) : null),
    [check.rules, stored.rules, draft.origin],
  );
  const preview = useMemo(() => {
    if (!read) return null;
    if (!candidate) return { ok: false as const, problems: [] };
    return previewRuleChange(read.inspection.result.table, read.stored.rules, candidate);
  }, [read, candidate]);

  const readForPreview = useCallback(async () => {
    const id = ++seq.current;
    setReading(true);
    setReadError(null);
    try {
      const result = await inspectWithRules(run, lang, override);
      if (id !== seq.current) return;
      setRead(result);
      setOutcome(null);
      // A co-author changed the rules since the pane read them: the pane follows.
      if (result.stored.stamp !== stored.stamp) void onRulesChanged();
    } catch (e) {
      if (id !== seq.current) return;
      setRead(null);
      setReadError(officeErrorMessage(e, lang));
    } finally {
      if (id === seq.current) setReading(false);
    }
  }, [run, lang, override, stored.stamp, onRulesChanged]);

  const canApply = candidate !== null && preview !== null && preview.ok && !reading && !applying;

  const apply = useCallback(
    async (overwriteEdited = false) => {
      if (!candidate || !read) return;
      const id = ++seq.current;
      setApplying(true);
      setOutcome(null);
      setApplied(candidate);
      try {
        const result = await applyRules(run, candidate, { lang, docLang, override, since: read.stamp, overwriteEdited, who: who.trim() || undefined });
        if (id !== seq.current) return;
        setOutcome(result);
        if (result.status === 'written') {
          // The preview's read is stale now: the rules in force are the ones just written.
          setRead(null);
          await onRulesChanged();
        }
      } catch (e) {
        if (id !== seq.current) return;
        setOutcome({ status: 'failed', message: officeErrorMessage(e, lang), code: 'Error', stats: { syncs: 0, readChunks: 0, writeChunks: 0 } });
      } finally {
        if (id === seq.current) setApplying(false);
      }
    },
    [candidate, read, run, lang, docLang, override, who, onRulesChanged],
  );

  const dismissOutcome = useCallback(() => setOutcome(null), []);

  return {
    stored,
    draft,
    check,
    dirty,
    preset,
    setPreset,
    setBand,
    reset,
    candidate,
    read,
    reading,
    readError,
    preview,
    readForPreview,
    who,
    setWho,
    applying,
    outcome,
    applied,
    canApply,
    apply,
    dismissOutcome,
  };
}

