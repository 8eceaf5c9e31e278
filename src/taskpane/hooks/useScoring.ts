/**
 * The scoring flow and every call into src/excel: inspect the active sheet (nothing written),
 * let the user correct the mapping, then score and write. Components only render this state.
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
  freeOutputColumn,
  type Finding,
  type Lang,
  type MappingProposal,
  type RuleSet,
  type StoredMapping,
} from '../../engine';
import { readStoredMappings, withStoredMappings } from '../../excel/mapping-store';
import { officeErrorMessage } from '../../excel/errors';
import { scoreSafely, type SafeOutcome } from '../../excel/safe-write';
import { readLastRun, type LastRun } from '../../excel/last-run';
import { TableNotFoundError } from '../../excel/locate';
import { useSelection, type SelectError } from './useSelection';
import {
  inspectWorkbook,
  watchActivation,
  type ExcelRun,
  type Inspection,
  type MappingOverride,
  type Progress,
} from '../../excel/workbook';

export type Step = Parameters<Progress>[0];

export interface ProgressState {
  step: Step;
  done: number;
  total: number;
}

export interface ScoringState {
  /** What is running: the read-only inspection, the scoring run, or nothing. */
  busy: 'inspect' | 'score' | null;
  /** The latest inspection (after a run: the run's own). */
  inspection: Inspection | null;
  /** Why the table could not be found or read. */
  inspectError: string | null;
  /** When the table's column roles are uncertain: the reading proposed, for the user to confirm. */
  proposal: MappingProposal | null;
  progress: ProgressState | null;
  outcome: SafeOutcome | null;
  /** The mapping corrections in force (undefined: as detected). */
  override: MappingOverride | undefined;
  /** The sheet the user chose to read (undefined: found, the open sheet first). */
  chosen: string | undefined;
  /** The sheet the table was found on last: read when the open sheet holds none (a report sheet). */
  remembered: string | undefined;
  /** The workbook's sheets the user may choose from. */
  sheets: string[];
  /** What the add-in last wrote on the inspected sheet (its state sheet), or null. */
  lastRun: LastRun | null;
}

export type { SelectError } from './useSelection';

export interface Scoring extends ScoringState {
  /** Reads the sheet again with the given (or current) mapping; writes nothing. */
  inspect: (override?: MappingOverride | null) => Promise<void>;
  /**
   * Scores and writes, with the given mapping (or the one in force), guarded: nothing is written
   * if the input or the rules changed since they were read, or if output cells were edited by hand
   * (unless `overwriteEdited`, after the user confirmed). The run is logged in the audit log.
   */
  score: (override?: MappingOverride | null, options?: { overwriteEdited?: boolean }) => Promise<void>;
  /** Hides the outcome (the user declined to overwrite). */
  dismiss: () => void;
  /** Selects a finding's cell in the sheet. */
  select: (finding: Pick<Finding, 'sheet' | 'address' | 'cell'>) => Promise<void>;
  /** Selects a unit's row (its sheet row) on the sheet read, the sheet activated (results lead to rows). */
  selectUnit: (row: number) => Promise<void>;
  /** Why the last selection failed (`unit`: it was a unit's row), or null. */
  selectError: SelectError | null;
  /** Reads the given sheet only (null: find the table again, the open sheet first). */
  chooseSheet: (sheet: string | null) => Promise<void>;
  /** The override other tabs read with: the mapping and which sheet to read. */
  readOverride: MappingOverride;
  /** Moves the output block to the first free columns further right (the four right of the table are in use). */
  writeRight: () => Promise<void>;
}

const INITIAL: ScoringState = {
  busy: null,
  inspection: null,
  inspectError: null,
  proposal: null,
  progress: null,
  outcome: null,
  override: undefined,
  chosen: undefined,
  remembered: undefined,
  sheets: [],
  lastRun: null,
};

/** The mapping with the sheet to read: what every read of the pane passes to the adapter. */
export function withChoice(
  override: MappingOverride | undefined,
  s: Pick<ScoringState, 'chosen' | 'remembered'>,
): MappingOverride {
  return { ...override, choice: { sheet: s.chosen, remembered: s.remembered } };
}

/** A mapping correction belongs to the sheet it was made on. */
function pinned(next: MappingOverride | undefined, s: ScoringState): MappingOverride | undefined {
  if (!next || next.sheet !== undefined || (!next.layout && !next.maxPoints && !next.roles)) return next;
  return s.inspection ? { ...next, sheet: s.inspection.read.sheet } : next;
}

/** The state after a read: the sheet found is remembered, its sheets offered. */
function found(s: ScoringState, inspection: Inspection): Partial<ScoringState> {
  return {
    inspection,
    inspectError: null,
    proposal: null,
    remembered: inspection.read.sheet,
    sheets: inspection.read.sheets,
  };
}

/** Reads the table with the mapping stored in the workbook (when the user gives no roles), as the run will. */
async function inspectStored(
  run: ExcelRun,
  rules: RuleSet,
  lang: Lang,
  override: MappingOverride,
): Promise<Inspection> {
  const stored = await readStoredMappings(run);
  // The stored mappings ride with the inspection: the pane's role list shows the roles it was read with.
  const inspection: Inspection & { stored: StoredMapping[] } = {
    ...(await inspectWorkbook(run, rules, lang, withStoredMappings(override, stored))),
    stored,
  };
  return inspection;
}

/** The reading proposed with an "uncertain columns" error, for the pane to show and confirm. */
function proposalOf(error: unknown): MappingProposal | null {
  return (error as { proposal?: MappingProposal }).proposal ?? null;
}

function errorText(error: unknown, lang: Lang): string {
  return officeErrorMessage(error, lang);
}

/** A "not found" message is text in the language it was made in: read again on a switch. */
function useRereadOnLang(lang: Lang, current: { current: ScoringState }, inspect: () => Promise<void>): void {
  const lastLang = useRef(lang);
  useEffect(() => {
    if (lastLang.current === lang) return;
    lastLang.current = lang;
    if (current.current.inspectError && !current.current.busy) void inspect();
  }, [lang, inspect, current]);
}

/** The last run recorded for the sheet read (a workbook scored before shows its results as such). */
function useLastRun(
  run: ExcelRun,
  inspected: Inspection | null,
  rules: RuleSet | null,
  setState: (f: (s: ScoringState) => ScoringState) => void,
): void {
  useEffect(() => {
    if (!inspected || !rules) return;
    let live = true;
    readLastRun(run, inspected, rules)
      .then((lastRun) => live && setState((s) => (s.inspection === inspected ? { ...s, lastRun } : s)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [run, inspected, rules, setState]);
}

type SetScoring = Dispatch<SetStateAction<ScoringState>>;

/** Reads the table (nothing written); only the latest request (`seq`) may update the state. */
function useInspect(
  run: ExcelRun,
  rules: RuleSet | null,
  lang: Lang,
  seq: MutableRefObject<number>,
  current: MutableRefObject<ScoringState>,
  setState: SetScoring,
): (override?: MappingOverride | null) => Promise<void> {
  return useCallback(
    async (override?: MappingOverride | null) => {
      if (!rules) return;
      const id = ++seq.current;
      const next = override === null ? undefined : pinned(override ?? current.current.override, current.current);
      setState((s) => ({ ...s, busy: 'inspect', override: next, inspectError: null }));
      try {
        const inspection = await inspectStored(run, rules, lang, withChoice(next, current.current));
        if (id === seq.current) setState((s) => ({ ...s, ...found(s, inspection), busy: null, outcome: null }));
      } catch (error) {
        const sheets = error instanceof TableNotFoundError ? error.sheets : undefined;
        if (id === seq.current)
          setState((s) => ({
            ...s,
            busy: null,
            inspection: null,
            inspectError: errorText(error, lang),
            proposal: proposalOf(error),
            outcome: null,
            sheets: sheets ?? s.sheets,
          }));
      }
    },
    [run, rules, lang],
  );
}

/** Scores and writes, reporting progress; only the latest request (`seq`) may update the state. */
function useScore(
  run: ExcelRun,
  rules: RuleSet | null,
  lang: Lang,
  docLang: Lang,
  seq: MutableRefObject<number>,
  current: MutableRefObject<ScoringState>,
  setState: SetScoring,
): (override?: MappingOverride | null, options?: { overwriteEdited?: boolean }) => Promise<void> {
  return useCallback(
    async (override?: MappingOverride | null, options?: { overwriteEdited?: boolean }) => {
      if (!rules) return;
      const id = ++seq.current;
      const next = override === null ? undefined : pinned(override ?? current.current.override, current.current);
      setState((s) => ({
        ...s,
        busy: 'score',
        override: next,
        outcome: null,
        progress: { step: 'locate', done: 0, total: 1 },
      }));
      const progress: Progress = (step, done, total) => {
        if (id === seq.current) setState((s) => ({ ...s, progress: { step, done, total } }));
      };
      // The workbook's own rules are read again inside the run: what is scored is what is stored.
      const outcome = await scoreSafely(run, {
        lang,
        docLang,
        override: withChoice(next, current.current),
        progress,
        overwriteEdited: options?.overwriteEdited,
      });
      if (id !== seq.current) return;
      const inspection = 'inspection' in outcome ? outcome.inspection : undefined;
      setState((s) => ({ ...s, ...(inspection ? found(s, inspection) : {}), busy: null, progress: null, outcome }));
    },
    [run, rules, lang, docLang],
  );
}

/**
 * Inspect when the pane opens or the host changes (the workbench swaps workbooks), and again
 * when the rules in force change (an apply on the "Tiêu chí" tab): then the mapping in force stays.
 */
function useInspectOnOpen(
  run: ExcelRun,
  rules: RuleSet | null,
  inspect: (override?: MappingOverride | null) => Promise<void>,
  setState: SetScoring,
): void {
  const inspectRef = useRef(inspect);
  inspectRef.current = inspect;
  const lastRun = useRef(run);
  useEffect(() => {
    const sameRun = lastRun.current === run;
    lastRun.current = run;
    setState((s) => (sameRun ? { ...INITIAL, override: s.override } : INITIAL));
    void inspectRef.current(sameRun ? undefined : null);
  }, [run, rules]);
}

/** `rules`: the rule set in force; null while it is being read, or when the workbook's is invalid (nothing read or scored). */
export function useScoring(run: ExcelRun, rules: RuleSet | null, lang: Lang, docLang: Lang = 'vi'): Scoring {
  const [state, setState] = useState<ScoringState>(INITIAL);
  // Only the latest request may update the state.
  const seq = useRef(0);
  const current = useRef(state);
  current.current = state;

  const inspect = useInspect(run, rules, lang, seq, current, setState);
  const score = useScore(run, rules, lang, docLang, seq, current, setState);

  const selection = useSelection(run, lang, state.inspection);

  useInspectOnOpen(run, rules, inspect, setState);

  useRereadOnLang(lang, current, inspect);

  const dismiss = useCallback(() => setState((s) => ({ ...s, outcome: null })), []);

  const chooseSheet = useCallback(
    async (sheet: string | null) => {
      current.current = { ...current.current, chosen: sheet ?? undefined };
      setState((s) => ({ ...s, chosen: sheet ?? undefined }));
      await inspect();
    },
    [inspect],
  );

  useActivation(run, current, inspect, (chosen) => {
    current.current = { ...current.current, chosen };
    setState((s) => ({ ...s, chosen }));
  });

  const writeRight = useCallback(async () => {
    const ins = current.current.inspection;
    const free = ins ? freeOutputColumn(ins.read.grid, ins.layout) : null;
    if (!ins || free === null) return;
    const base = current.current.override;
    await inspect({ ...base, layout: { ...base?.layout, outputTargetCol: free }, sheet: ins.read.sheet });
  }, [inspect]);

  useLastRun(run, state.inspection, rules, setState);

  const { override, chosen, remembered } = state;
  const readOverride = useMemo(() => withChoice(override, { chosen, remembered }), [override, chosen, remembered]);
  return { ...state, ...selection, inspect, score, dismiss, chooseSheet, readOverride, writeRight };
}

/**
 * Follows sheet activation: when the user opens another sheet than the one read (or the read
 * failed), the user's sheet choice gives way and the workbook is read again, the open sheet first
 * and the remembered one next (so a report sheet just made leads back to the scoring sheet).
 * Not during a scoring run: its own read is the one that counts.
 */
function useActivation(
  run: ExcelRun,
  current: { current: ScoringState },
  inspect: (o?: MappingOverride | null) => Promise<void>,
  setChosen: (c: string | undefined) => void,
): void {
  const inspectRef = useRef(inspect);
  inspectRef.current = inspect;
  const chosenRef = useRef(setChosen);
  chosenRef.current = setChosen;
  useEffect(() => {
    let stop: (() => void) | null = null;
    let closed = false;
    const onActivated = (id: string) => {
      const s = current.current;
      if (s.busy === 'score') return;
      if (s.inspection && !s.inspectError && s.inspection.read.sheetId === id) return;
      chosenRef.current(undefined);
      void inspectRef.current();
    };
    watchActivation(run, onActivated)
      .then((f) => (closed ? f() : (stop = f)))
      .catch(() => undefined);
    return () => {
      closed = true;
      stop?.();
    };
  }, [run, current]);
}
