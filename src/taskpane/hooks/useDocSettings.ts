/**
 * What the workbook remembers for the pane (src/excel/doc-settings.ts): its document language
 * and the report inputs. Read when the pane opens on a workbook; written when the user changes
 * them. The state lives above the tabs, so nothing typed is lost on a tab switch.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../engine';
import { readDocSettings, writeDocLang, writeReportInputs, type ReportInputs } from '../../excel/doc-settings';
import type { ExcelRun } from '../../excel/workbook';

export interface DocSettingsState {
  /** The language written into the workbook ('vi' until the workbook says otherwise). */
  docLang: Lang;
  /** The report inputs as last typed (stored in the workbook). */
  report: ReportInputs;
  /** Whether the stored values have been read. */
  loaded: boolean;
  /** A write that failed, as the error's message. */
  error: string | null;
  setDocLang: (lang: Lang) => Promise<void>;
  /** Changes the report inputs at once; stores them in the workbook a moment later (typing is not a round trip per key). */
  setReport: (change: Partial<ReportInputs>) => void;
  /** Stores pending report inputs now (before a report run). */
  flush: () => Promise<void>;
}

const SAVE_DELAY_MS = 600;

export function useDocSettings(run: ExcelRun): DocSettingsState {
  const [docLang, setLang] = useState<Lang>('vi');
  const [report, setReportState] = useState<ReportInputs>({});
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<ReportInputs | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let live = true;
    setLoaded(false);
    readDocSettings(run)
      .then((s) => {
        if (!live) return;
        setLang(s.docLang);
        setReportState(s.report);
        setLoaded(true);
      })
      .catch(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [run]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const inputs = pending.current;
    pending.current = null;
    if (!inputs) return;
    try {
      await writeReportInputs(run, inputs);
    } catch (e) {
      setError((e as Error).message ?? String(e));
    }
  }, [run]);

  const setReport = useCallback(
    (change: Partial<ReportInputs>) => {
      setReportState((r) => {
        const next = { ...r, ...change };
        pending.current = next;
        return next;
      });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  const setDocLang = useCallback(
    async (lang: Lang) => {
      setLang(lang);
      try {
        await writeDocLang(run, lang);
        setError(null);
      } catch (e) {
        setError((e as Error).message ?? String(e));
      }
    },
    [run],
  );

  // Pending inputs are stored when the pane closes or the workbook changes.
  useEffect(() => () => void flush(), [flush]);

  return { docLang, report, loaded, error, setDocLang, setReport, flush };
}
