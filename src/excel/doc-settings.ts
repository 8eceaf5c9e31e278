/**
 * What the workbook itself remembers for the pane, in its document settings
 * (`workbook.settings`, ExcelApi 1.4: saved in the file with the add-in, seen by every co-author):
 * the document language (what is written into cells: headers, band names, notes, the report),
 * Vietnamese unless the workbook says otherwise, whatever the pane's display language; and the
 * report inputs the officer typed on the "Báo cáo" tab. One round trip to read, one to write.
 */
import type { Lang } from '../engine';
import type { ExcelRun } from './workbook';

export const DOC_LANG_KEY = 'parIndex.documentLanguage';
export const REPORT_INPUTS_KEY = 'parIndex.reportInputs';

/** The report inputs as the officer typed them (text, so a half-typed value is kept as typed). */
export interface ReportInputs {
  year?: string;
  district?: string;
  districtIndex?: string;
  districtIndexLast?: string;
  rank?: string;
  rankOf?: string;
  districtBand?: string;
  /** The stamp (data and rules) the last report sheet was made from, and its name: a later change flags it out of date. */
  madeWith?: string;
  reportSheet?: string;
}

export interface DocSettings {
  docLang: Lang;
  report: ReportInputs;
}

/** The document language a stored value names: Vietnamese unless it says English. */
export function docLangOf(value: unknown): Lang {
  return value === 'en' ? 'en' : 'vi';
}

/** Only the known keys, only strings: a setting written by another version cannot inject anything else. */
export function reportInputsOf(value: unknown): ReportInputs {
  if (!value || typeof value !== 'object') return {};
  const out: ReportInputs = {};
  const keys: (keyof ReportInputs)[] = [
    'year',
    'district',
    'districtIndex',
    'districtIndexLast',
    'rank',
    'rankOf',
    'districtBand',
    'madeWith',
    'reportSheet',
  ];
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export async function readDocSettings(run: ExcelRun): Promise<DocSettings> {
  return run(async (context) => {
    const settings = context.workbook.settings;
    const lang = settings.getItemOrNullObject(DOC_LANG_KEY);
    lang.load('value');
    const report = settings.getItemOrNullObject(REPORT_INPUTS_KEY);
    report.load('value');
    await context.sync();
    return {
      docLang: docLangOf(lang.isNullObject ? null : lang.value),
      report: reportInputsOf(report.isNullObject ? null : report.value),
    };
  });
}

async function writeSetting(run: ExcelRun, key: string, value: unknown): Promise<void> {
  await run(async (context) => {
    context.workbook.settings.add(key, value);
    await context.sync();
  });
}

export function writeDocLang(run: ExcelRun, lang: Lang): Promise<void> {
  return writeSetting(run, DOC_LANG_KEY, lang);
}

export function writeReportInputs(run: ExcelRun, inputs: ReportInputs): Promise<void> {
  return writeSetting(run, REPORT_INPUTS_KEY, reportInputsOf(inputs));
}
