/**
 * The "Tiêu chí" tab's editor: every call into src/excel it makes, and the state the components
 * render. (The rules in force, which the whole pane needs at once, are read by useRulesInForce.ts:
 * kept apart so this editor, the preview and safe-write load with the tab, not with the pane.)
 *
 * - useRules: the reviewer's draft (useRulesDraft.ts: text as typed, decimal comma accepted),
 *   checked by the engine with each problem placed on the field it names (useRulesCheck.ts); a
 *   preview (previewRuleChange on the table read by inspectWithRules: nothing written); and the
 *   apply (applyRules: rules, re-score and audit log in one run) with its safe-write outcomes,
 *   blocked while an amended set still needs the decision that names it (needsDecision).
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type Dispatch,
  type MutableRefObject,
  type SetStateAction,
} from 'react';
import {
  PRESETS,
  amendRuleSet,
  messages,
  needsDecision,
  previewRuleChange,
  ruleSetFingerprint,
  type Lang,
  type RulePreview,
  type RuleSet,
} from '../../engine';
import { officeErrorMessage } from '../../excel/errors';
import type { StoredRules } from '../../excel/rules-store';
import { applyRules, inspectWithRules, type ReadStamp, type SafeOutcome } from '../../excel/safe-write';
import type { ExcelRun, Inspection, MappingOverride } from '../../excel/workbook';
import { checkDraft, type DraftCheck } from './useRulesCheck';
import { draftOf, ruleSetOf, type RulesDraft } from './useRulesDraft';

export type { RulesInForce } from './useRulesInForce';
export type RulesUiStrings = ReturnType<typeof messages>['rulesUi'];

export {
  bandKey,
  draftOf,
  readPercent,
  ruleSetOf,
  type BandDraft,
  type BandField,
  type BandPlace,
  type BlockDraft,
  type FloorDraft,
  type RulesDraft,
} from './useRulesDraft';
export { checkDraft, type DraftCheck } from './useRulesCheck';

/**
 * The id and name the applied rules carry: a known set's (the rules in force, a preset) when the
 * draft is one of them; the reviewer's decision's when it names the amended set; else the origin's
 * (a draft that still needs its decision: previewed, never applied).
 */
export function namedRules(rules: RuleSet, candidates: readonly RuleSet[], origin: RuleSet): RuleSet {
  const fp = ruleSetFingerprint(rules);
  const same = candidates.find((c) => ruleSetFingerprint(c) === fp);
  if (same) return { ...rules, id: same.id, name: same.name, decision: same.decision ?? null };
  // An amended set named and numbered by the reviewer's decision is cited by it (issue 16).
  if (rules.decision && !needsDecision(rules, candidates, origin)) return amendRuleSet(rules, rules.decision);
  return { ...rules, id: origin.id, name: origin.name, decision: origin.decision ?? null };
}

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
  /** Changes the draft (with the pure helpers of useRulesDraft.ts: withBand, withBlock, …). */
  update: (change: (draft: RulesDraft) => RulesDraft) => void;
  reset: () => void;

  read: PreviewRead | null;
  reading: boolean;
  readError: string | null;
  /** The rule set Apply would write (the draft, named), or null while the draft has problems. */
  candidate: RuleSet | null;
  /** The draft is an amended set that still needs the decision naming it: Apply is blocked. */
  decisionNeeded: boolean;
  /** The draft is none of the known sets (the rules in force, a preset): its decision names it. */
  amended: boolean;
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
  /** The draft kept above the tabs (useTabs), so it survives a tab switch; null: not edited yet. */
  draftState?: DraftState;
}

export type DraftState = [RulesDraft | null, Dispatch<SetStateAction<RulesDraft | null>>];

/** Whether a draft differs from the rules in force (what leaving the tab would leave unapplied). */
export function draftDiffers(draft: RulesDraft | null, inForce: RuleSet): boolean {
  return draft !== null && ruleSetFingerprint(ruleSetOf(draft).rules) !== ruleSetFingerprint(inForce);
}

/** The draft state: the one kept above the tabs when given, else this editor's own. */
function useDraft(
  stored: StoredRules,
  lang: Lang,
  external: DraftState | undefined,
): [RulesDraft, (next: SetStateAction<RulesDraft>) => void] {
  const own = useState<RulesDraft | null>(null);
  const [value, set] = external ?? own;
  const draft = useMemo(() => value ?? draftOf(stored.rules, lang), [value, stored.rules, lang]);
  const setDraft = useCallback(
    (next: SetStateAction<RulesDraft>) =>
      set((prev) => (typeof next === 'function' ? next(prev ?? draftOf(stored.rules, lang)) : next)),
    [set, stored.rules, lang],
  );
  return [draft, setDraft];
}

/** The form: the draft, its check, and how it compares with the rules in force and the presets. */
function useRulesForm(stored: StoredRules, lang: Lang, draftState: DraftState | undefined, applied: RuleSet | null) {
  const [draft, setDraft] = useDraft(stored, lang, draftState);
  // The rules in force changed (an apply, a re-read): an untouched form follows them.
  const lastStored = useRef(stored);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  useEffect(() => {
    const before = lastStored.current;
    lastStored.current = stored;
    if (before === stored) return;
    const pristine = ruleSetFingerprint(ruleSetOf(draftRef.current).rules) === ruleSetFingerprint(before.rules);
    if (pristine || (applied && ruleSetFingerprint(applied) === ruleSetFingerprint(stored.rules)))
      setDraft(draftOf(stored.rules, lang));
  }, [stored, lang, applied]);

  const check = useMemo(() => checkDraft(draft, lang), [draft, lang]);
  const draftFp = check.rules ? ruleSetFingerprint(check.rules) : null;
  const dirty = draftFp !== ruleSetFingerprint(stored.rules);
  const preset: PresetChoice = !dirty
    ? 'inForce'
    : (PRESETS.find((p) => ruleSetFingerprint(p) === draftFp)?.id ?? 'custom');
  const setPreset = useCallback(
    (choice: PresetChoice) => {
      const p = choice === 'inForce' ? stored.rules : PRESETS.find((x) => x.id === choice);
      if (p) setDraft(draftOf(p, lang));
    },
    [stored, lang],
  );
  const update = useCallback((change: (d: RulesDraft) => RulesDraft) => setDraft(change), []);
  const reset = useCallback(() => setDraft(draftOf(stored.rules, lang)), [stored, lang]);
  return { draft, check, dirty, preset, setPreset, update, reset };
}

/** The table read for the preview (nothing written), latest request only. */
function useRulesRead(
  run: ExcelRun,
  lang: Lang,
  override: MappingOverride | undefined,
  stored: StoredRules,
  onRulesChanged: () => void | Promise<void>,
  seq: MutableRefObject<number>,
) {
  const [read, setRead] = useState<PreviewRead | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const readForPreview = useCallback(async () => {
    const id = ++seq.current;
    setReading(true);
    setReadError(null);
    try {
      const result = await inspectWithRules(run, lang, override);
      if (id !== seq.current) return;
      setRead(result);
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
  return { read, setRead, reading, readError, readForPreview };
}

interface ApplyInputs {
  run: ExcelRun;
  lang: Lang;
  docLang?: Lang;
  override?: MappingOverride;
  candidate: RuleSet | null;
  read: PreviewRead | null;
  who: string;
  onRulesChanged: () => void | Promise<void>;
  /** The preview's read is stale once the rules are written. */
  onWritten: () => void;
  setApplied: (rules: RuleSet) => void;
  seq: MutableRefObject<number>;
}

/** "Áp dụng": the rules written, re-scored and logged in one run, with the run's outcome. */
function useRulesApply({
  run,
  lang,
  docLang,
  override,
  candidate,
  read,
  who,
  onRulesChanged,
  onWritten,
  setApplied,
  seq,
}: ApplyInputs) {
  const [applying, setApplying] = useState(false);
  const [outcome, setOutcome] = useState<SafeOutcome | null>(null);
  const apply = useCallback(
    async (overwriteEdited = false) => {
      if (!candidate || !read) return;
      const id = ++seq.current;
      setApplying(true);
      setOutcome(null);
      setApplied(candidate);
      try {
        const result = await applyRules(run, candidate, {
          lang,
          docLang,
          override,
          since: read.stamp,
          overwriteEdited,
          who: who.trim() || undefined,
        });
        if (id !== seq.current) return;
        setOutcome(result);
        if (result.status === 'written') {
          onWritten();
          await onRulesChanged();
        }
      } catch (e) {
        if (id !== seq.current) return;
        setOutcome({
          status: 'failed',
          message: officeErrorMessage(e, lang),
          code: 'Error',
          stats: { syncs: 0, readChunks: 0, writeChunks: 0 },
        });
      } finally {
        if (id === seq.current) setApplying(false);
      }
    },
    [candidate, read, run, lang, docLang, override, who, onRulesChanged, onWritten],
  );
  const dismissOutcome = useCallback(() => setOutcome(null), []);
  return { applying, outcome, setOutcome, apply, dismissOutcome };
}

export function useRules({
  run,
  lang,
  stored,
  override,
  docLang,
  onRulesChanged,
  draftState,
}: UseRulesOptions): RulesEditor {
  const [applied, setApplied] = useState<RuleSet | null>(null);
  const [who, setWho] = useState('');
  const seq = useRef(0);
  const form = useRulesForm(stored, lang, draftState, applied);
  const reader = useRulesRead(run, lang, override, stored, onRulesChanged, seq);
  const { read, setRead } = reader;

  const known = useMemo(() => [stored.rules, ...PRESETS], [stored.rules]);
  const checked = form.check.rules;
  const candidate = useMemo(
    () => (checked ? namedRules(checked, known, form.draft.origin) : null),
    [checked, known, form.draft.origin],
  );
  const decisionNeeded = checked !== null && needsDecision(checked, known, form.draft.origin);
  const amended = checked !== null && !known.some((k) => ruleSetFingerprint(k) === ruleSetFingerprint(checked));
  const preview = useMemo(() => {
    if (!read) return null;
    if (!candidate) return { ok: false as const, problems: [] };
    return previewRuleChange(read.inspection.result.table, read.stored.rules, candidate);
  }, [read, candidate]);

  const onWritten = useCallback(() => setRead(null), [setRead]);
  const applier = useRulesApply({
    run,
    lang,
    docLang,
    override,
    candidate,
    read,
    who,
    onRulesChanged,
    onWritten,
    setApplied,
    seq,
  });
  const { setOutcome } = applier;
  const readForPreview = useCallback(async () => {
    setOutcome(null);
    await reader.readForPreview();
  }, [reader.readForPreview, setOutcome]);
  const canApply =
    candidate !== null && !decisionNeeded && preview !== null && preview.ok && !reader.reading && !applier.applying;

  return {
    stored,
    ...form,
    candidate,
    decisionNeeded,
    amended,
    read,
    reading: reader.reading,
    readError: reader.readError,
    preview,
    readForPreview,
    who,
    setWho,
    applying: applier.applying,
    outcome: applier.outcome,
    applied,
    canApply,
    apply: applier.apply,
    dismissOutcome: applier.dismissOutcome,
  };
}
