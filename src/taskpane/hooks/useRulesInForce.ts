/**
 * The rule set in force: what the workbook holds (the default, Hải Dương 29/2018, when it holds
 * none), read once when the pane opens and again after an apply on the "Tiêu chí" tab. The
 * "Chấm điểm" and "Báo cáo" tabs score with it. The editor itself is useRules.ts (loaded with its tab).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeRuleSourceProblem, type Lang, type RuleSet } from '../../engine';
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

  return { stored, error, reload };
}

/** The rules the scoring tab uses: the workbook's, or null while unknown or when the stored set is invalid. */
export function scoringRules(inForce: RulesInForce): RuleSet | null {
  return inForce.stored && inForce.stored.source !== 'invalid' ? inForce.stored.rules : null;
}

/** The stored rules' problems as sentences (an invalid rules sheet). */
export function storedProblems(stored: StoredRules | null, lang: Lang): string[] {
  return stored?.source === 'invalid' ? stored.problems.map((p) => describeRuleSourceProblem(p, lang)) : [];
}
