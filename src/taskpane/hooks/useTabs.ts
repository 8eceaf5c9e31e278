/**
 * The pane's tabs, and the rules draft kept above them: a tab switch never loses what a reviewer
 * typed on "Tiêu chí", and leaving that tab with changes not applied asks first (stay, keep the
 * draft, or discard it).
 */
import { useCallback, useEffect, useState } from 'react';
import type { RuleSet } from '../../engine';
import type { ExcelRun } from '../../excel/workbook';
import { draftDiffers, type DraftState, type RulesDraft } from './useRules';

export type TabValue = 'score' | 'report' | 'rules' | 'log';

export interface Tabs {
  tab: TabValue;
  /** Asks to go to a tab (leaving "Tiêu chí" with an unapplied draft opens the question). */
  select: (next: TabValue) => void;
  /** The tab the user asked for while the question is open. */
  pending: TabValue | null;
  stay: () => void;
  keep: () => void;
  discard: () => void;
  draftState: DraftState;
}

export function useTabs(run: ExcelRun, rulesInForce: RuleSet): Tabs {
  const [tab, setTab] = useState<TabValue>('score');
  const [pending, setPending] = useState<TabValue | null>(null);
  const draftState = useState<RulesDraft | null>(null);
  const [draft, setDraft] = draftState;
  // Another workbook: no draft of the last one follows.
  useEffect(() => setDraft(null), [run, setDraft]);

  const select = useCallback(
    (next: TabValue) => {
      if (tab === 'rules' && next !== 'rules' && draftDiffers(draft, rulesInForce)) setPending(next);
      else setTab(next);
    },
    [tab, draft, rulesInForce],
  );
  const stay = useCallback(() => setPending(null), []);
  const keep = useCallback(() => {
    if (pending) setTab(pending);
    setPending(null);
  }, [pending]);
  const discard = useCallback(() => {
    setDraft(null);
    keep();
  }, [keep, setDraft]);
  return { tab, select, pending, stay, keep, discard, draftState };
}
