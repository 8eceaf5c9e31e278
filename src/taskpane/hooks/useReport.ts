/**
 * The "Tạo báo cáo" flow: the report settings the user types (year, district figures), checked;
 * a preview of the narrative from the latest inspection (nothing read or written); and the run
 * that writes the report sheet (src/excel/report.ts). Components only render this state.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  fill,
  fnv1a,
  messages,
  generateNarrative,
  ruleSetFingerprint,
  guessReportYear,
  narrativeToHtml,
  narrativeToText,
  parseNumberText,
  type Lang,
  type Narrative,
  type ReportSettings,
  type RuleSet,
} from '../../engine';
import { writeReport, type ReportOutcome } from '../../excel/report';
import { inputFingerprint } from '../../excel/safe-write';
import type { ReportInputs } from '../../excel/doc-settings';
import type { ExcelRun, Inspection, MappingOverride, Progress } from '../../excel/workbook';
import { copyHtml } from '../clipboard';
import { canDownload, downloadBlob } from '../download';
import type { UiStrings } from './useLang';
import type { ProgressState } from './useScoring';

export interface ReportForm {
  year: string;
  district: string;
  districtIndex: string;
  districtIndexLast: string;
  rank: string;
  rankOf: string;
  /** A band code of the rule set in force, or '' (not given). */
  districtBand: string;
}

export type ReportField = keyof ReportForm;

export interface ReportState {
  form: ReportForm;
  /** Per field: why its value cannot be used. */
  errors: Partial<Record<ReportField, string>>;
  /** The settings the form gives, or null while a field is invalid. */
  settings: ReportSettings | null;
  /** The narrative of the latest inspection with these settings (null: nothing to preview). */
  preview: Narrative | null;
  busy: boolean;
  progress: ProgressState | null;
  outcome: ReportOutcome | null;
}

export type ExportOutcome =
  | { status: 'copied' }
  | { status: 'failed'; message: string }
  | { status: 'downloaded'; file: string }
  | { status: 'downloadFailed'; message: string };

export interface Report extends ReportState {
  setField: (field: ReportField, value: string) => void;
  generate: () => Promise<void>;
  /** Copies the narrative (as written, else as previewed) to the clipboard as formatted text. */
  copy: () => Promise<void>;
  /** Saves the narrative as a .docx (where the host allows downloads: `canDownload`). */
  download: () => Promise<void>;
  canDownload: boolean;
  exportOutcome: ExportOutcome | null;
}

/** The stored inputs as a form (a missing input is empty). */
export function formOf(inputs: ReportInputs): ReportForm {
  return {
    year: inputs.year ?? '',
    district: inputs.district ?? '',
    districtIndex: inputs.districtIndex ?? '',
    districtIndexLast: inputs.districtIndexLast ?? '',
    rank: inputs.rank ?? '',
    rankOf: inputs.rankOf ?? '',
    districtBand: inputs.districtBand ?? '',
  };
}

/** A percentage typed as "83,30", "83.3" or "83,30%": 0 to 100, else null. */
export function readPct(text: string): number | null {
  const read = parseNumberText(text.trim().replace(/\s*%$/, ''));
  return read.kind === 'number' && read.value >= 0 && read.value <= 100 ? read.value : null;
}

type FormErrors = Partial<Record<ReportField, string>>;

/** The year typed (empty: the table's own), or the message. */
function checkYear(form: ReportForm, defaultYear: number, t: UiStrings, errors: FormErrors): number {
  const yearText = form.year.trim();
  const year = yearText === '' ? defaultYear : Number(yearText);
  if (!/^20\d\d$/.test(String(year))) errors.year = t.reportYearInvalid;
  return year;
}

/** The district's index this year and last, where typed. */
function checkPcts(form: ReportForm, t: UiStrings, settings: ReportSettings, errors: FormErrors): void {
  for (const [field, key] of [
    ['districtIndex', 'districtIndexPct'],
    ['districtIndexLast', 'districtIndexLastYearPct'],
  ] as const) {
    const text = form[field].trim();
    if (text === '') continue;
    const pct = readPct(text);
    if (pct === null) errors[field] = fill(t.reportPctInvalid, { value: text });
    else settings[key] = pct;
  }
}

/** The district's rank among the province's districts, where typed: both numbers, 1 ≤ rank ≤ of. */
function checkRank(form: ReportForm, t: UiStrings, settings: ReportSettings, errors: FormErrors): void {
  const rankText = form.rank.trim();
  const ofText = form.rankOf.trim();
  if (rankText === '' && ofText === '') return;
  const rank = Number(rankText);
  const of = Number(ofText);
  if (!/^\d{1,3}$/.test(rankText) || !/^\d{1,3}$/.test(ofText) || rank < 1 || of < rank)
    errors.rank = t.reportRankInvalid;
  else settings.districtRank = { rank, of };
}

/** Checks the form: the settings, or the message per bad field. Empty optional fields are left out. */
export function checkReportForm(
  form: ReportForm,
  defaultYear: number,
  t: UiStrings,
  rules?: RuleSet,
): { settings: ReportSettings | null; errors: FormErrors } {
  const errors: FormErrors = {};
  const settings: ReportSettings = { year: checkYear(form, defaultYear, t, errors) };
  const district = form.district.trim();
  if (district !== '') settings.districtName = district;
  checkPcts(form, t, settings, errors);
  checkRank(form, t, settings, errors);
  // A band no longer in the rule set in force is left out rather than guessed.
  if (form.districtBand !== '' && (!rules || rules.bands.some((b) => b.code === form.districtBand)))
    settings.districtBand = form.districtBand;
  return { settings: Object.keys(errors).length > 0 ? null : settings, errors };
}

/** The year the table speaks of (its title, sheet name or header), else this year. */
export function defaultReportYear(inspection: Inspection | null, now = new Date()): number {
  if (!inspection) return now.getFullYear();
  return guessReportYear(inspection.read.grid, inspection.layout, inspection.read.sheet, now.getFullYear()).year;
}

/** What a report sheet was made from: the input cells and the rules (a change in either makes it out of date). */
export function reportStamp(inspection: Inspection): string {
  return fnv1a(
    `${inputFingerprint(inspection.read, inspection.layout.outputCol)}|${ruleSetFingerprint(inspection.result.rules)}`,
  );
}

/** The report sheet's name when it was made from other data or rules than the table read now; else null. */
export function staleReport(inputs: ReportInputs, inspection: Inspection | null): string | null {
  if (!inputs.madeWith || !inputs.reportSheet || !inspection || inspection.errors.length > 0) return null;
  return reportStamp(inspection) === inputs.madeWith ? null : inputs.reportSheet;
}

export interface ReportMemory {
  /** The workbook's document language: the sheet and the narrative are written in it. */
  docLang: Lang;
  /** The inputs stored in the workbook, and how to change them. */
  inputs: ReportInputs;
  setInputs: (change: Partial<ReportInputs>) => void;
  flush: () => Promise<void>;
}

export function useReport(
  run: ExcelRun,
  rules: RuleSet,
  lang: Lang,
  t: UiStrings,
  inspection: Inspection | null,
  override: MappingOverride | undefined,
  memory: ReportMemory,
): Report {
  const form = useMemo(() => formOf(memory.inputs), [memory.inputs]);
  // The year shows the table's own until the user types one.
  const yearTouched = memory.inputs.year !== undefined;
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [outcome, setOutcome] = useState<ReportOutcome | null>(null);
  const seq = useRef(0);

  const defaultYear = useMemo(() => defaultReportYear(inspection), [inspection]);
  const { settings, errors } = useMemo(
    () => checkReportForm(form, defaultYear, t, rules),
    [form, defaultYear, t, rules],
  );
  const { docLang, setInputs, flush } = memory;
  // The preview is what the sheet will carry: in the workbook's language.
  const preview = useMemo(
    () =>
      settings && inspection && inspection.errors.length === 0
        ? generateNarrative(inspection.result, settings, docLang)
        : null,
    [settings, inspection, docLang],
  );

  const setField = useCallback((field: ReportField, value: string) => setInputs({ [field]: value }), [setInputs]);

  const generate = useCallback(async () => {
    if (!settings) return;
    const id = ++seq.current;
    setBusy(true);
    setOutcome(null);
    setProgress({ step: 'locate', done: 0, total: 1 });
    const onProgress: Progress = (step, done, total) => {
      if (id === seq.current) setProgress({ step, done, total });
    };
    await flush();
    const result = await writeReport(run, {
      rules,
      lang,
      docLang,
      settings,
      override,
      progress: onProgress,
      audit: true,
    });
    if (id !== seq.current) return;
    setBusy(false);
    setProgress(null);
    setOutcome(result);
    if (result.status === 'written') setInputs({ madeWith: reportStamp(result.inspection), reportSheet: result.sheet });
  }, [run, rules, lang, docLang, settings, override, flush, setInputs]);

  const narrative = outcome?.status === 'written' ? outcome.narrative : preview;
  const exports = useReportExport(narrative, docLang, settings?.year ?? defaultYear);

  return {
    form: { ...form, year: yearTouched ? form.year : String(defaultYear) },
    errors,
    settings,
    preview,
    busy,
    progress,
    outcome,
    setField,
    generate,
    ...exports,
  };
}

const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The narrative out of Excel: copied as formatted text for Word, or saved as a .docx (the Word
 * document model of src/docx, loaded on the first click so the first screen does not carry it).
 */
function useReportExport(
  narrative: Narrative | null,
  docLang: Lang,
  year: number,
): Pick<Report, 'copy' | 'download' | 'canDownload' | 'exportOutcome'> {
  const [exportOutcome, setExportOutcome] = useState<ExportOutcome | null>(null);
  const copy = useCallback(async () => {
    if (!narrative) return;
    try {
      await copyHtml(narrativeToHtml(narrative, docLang), narrativeToText(narrative));
      setExportOutcome({ status: 'copied' });
    } catch (e) {
      setExportOutcome({ status: 'failed', message: errorMessage(e) });
    }
  }, [narrative, docLang]);

  const download = useCallback(async () => {
    if (!narrative) return;
    try {
      const { narrativeDocxBlob } = await import(/* webpackChunkName: "docx" */ '../../docx/narrative-docx');
      const blob = await narrativeDocxBlob(narrative, docLang);
      const file = `${fill(messages(docLang).output.report.sheetName, { year })}.docx`;
      downloadBlob(blob, file);
      setExportOutcome({ status: 'downloaded', file });
    } catch (e) {
      setExportOutcome({ status: 'downloadFailed', message: errorMessage(e) });
    }
  }, [narrative, docLang, year]);

  return { copy, download, canDownload: useMemo(canDownload, []), exportOutcome };
}
