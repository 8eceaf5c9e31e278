/**
 * The rule set in force: what the workbook holds (the default, Hải Dương 29/2018, when it holds
 * none), read once when the pane opens and again after an apply on the "Tiêu chí" tab. The
 * "Chấm điểm" and "Báo cáo" tabs score with it. The editor itself is useRules.ts (loaded with its tab).
 *
 * A workbook with no stored rules is never written with the default silently (issue 16 item 9):
 * `confirmNeeded` holds until the user confirms the default or picks a preset (`confirm`: the
 * choice is written to the rules sheet and logged), and the pane writes nothing before that.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeRuleSourceProblem, type Lang, type RuleSet } from '../../engine';
import { confirmRules } from '../../excel/rules-confirm';
import { officeErrorMessage } from '../../excel/errors';
import { readRulesRun, type StoredRules } from '../../excel/rules-store';
import type { ExcelRun } from '../../excel/workbook';

export interface RulesInForce {
  /** What the workbook holds (null while reading, or when the read failed). */
  stored: StoredRules | null;
  /** Why the rules could not be read. */
  error: string | null;
  /** Reads them again (after an apply, or when a co-author changed them). */
  reload: () => Promise<void>;
  /** The workbook holds no rules: nothing is written until the user confirms a rule set. */
  confirmNeeded: boolean;
  /** Stores the rule set the user chose (the default or a preset), then reads the rules again. */
  confirm: (rules: RuleSet) => Promise<void>;
  confirming: boolean;
  /** Why the chosen rules could not be stored. */
  confirmError: string | null;
}

export function useRulesInForce(run: ExcelRun, lang: Lang): RulesInForce {
  const [stored, setStored] = useState<StoredRules | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const langRef = useRef(lang);
  langRef.current = lang;

  const reload = useCallback(async () => {
    const id = ++seq.current;
    try {
      const read = await readRulesRun(run);
      if (id !== seq.current) return;
      // A new object even for the same rules: after an apply, the scoring tab reads the sheet again.
      setStored(read);
      setError(null);
    } catch (e) {
      if (id !== seq.current) return;
      setStored(null);
      setError(officeErrorMessage(e, langRef.current));
    }
  }, [run]);

  useEffect(() => {
    setStored(null);
    setError(null);
    void reload();
  }, [reload]);

  const confirmState = useConfirm(run, reload, langRef);
  return { stored, error, reload, confirmNeeded: stored?.source === 'default', ...confirmState };
}

/** The confirm step of a workbook with no stored rules. */
function useConfirm(run: ExcelRun, reload: () => Promise<void>, langRef: { current: Lang }) {
  const [confirming, setConfirming] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const confirm = useCallback(
    async (rules: RuleSet) => {
      setConfirming(true);
      setConfirmError(null);
      try {
        await confirmRules(run, rules);
        await reload();
      } catch (e) {
        setConfirmError(officeErrorMessage(e, langRef.current));
      } finally {
        setConfirming(false);
      }
    },
    [run, reload, langRef],
  );
  return { confirm, confirming, confirmError };
}

/** The rules the scoring tab uses: the workbook's, or null while unknown or when the stored set is invalid. */
export function scoringRules(inForce: RulesInForce): RuleSet | null {
  return inForce.stored && inForce.stored.source !== 'invalid' ? inForce.stored.rules : null;
}

/** The stored rules' problems as sentences (an invalid rules sheet). */
export function storedProblems(stored: StoredRules | null, lang: Lang): string[] {
  return stored?.source === 'invalid' ? stored.problems.map((p) => describeRuleSourceProblem(p, lang)) : [];
}
