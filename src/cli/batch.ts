/**
 * A batch: `par-score <folder | file file …>`. Which workbooks are scored, where their copies and
 * the summary go, and the summary written as .xlsx and .csv. Scoring each workbook is main.ts's
 * scoreFile, the same as a single run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { batchSummaryLines, batchSummaryTable, fill, messages, type Lang, type WorkbookOutcome } from '../engine';
import { writeAllOrNone } from './staged-files';
import { summaryCsv, summaryXlsx } from './summary-xlsx';

/** The summary's file name when none is given. */
export const DEFAULT_SUMMARY = 'tong-hop-cham-diem.xlsx';

/** A mistake in a batch's arguments, already worded for the user. */
export class BatchUsageError extends Error {}

/** One workbook of a batch: its path as the user would write it, and its copy's. */
export interface BatchInput {
  /** As the user named it, or the folder they named joined with the file's name. */
  input: string;
  /** The scored copy: beside the input, or in --out-dir. */
  out: string;
}

export interface BatchPlan {
  /** The workbooks, in the order they are scored (a folder's in Vietnamese alphabetical order). */
  inputs: BatchInput[];
  summary: { xlsx: string; csv: string };
}

/** Default output path: `<input minus .xlsx>.scored.xlsx` (an .xlsm stays .xlsm). */
export function defaultOutPath(file: string): string {
  const ext = /\.xlsm$/i.test(file) ? 'xlsm' : 'xlsx';
  return file.replace(/\.xls[xm]$/i, '') + `.scored.${ext}`;
}

/**
 * The workbooks a folder holds (`folder` as the user wrote it, resolved against `cwd`): .xlsx and
 * .xlsm, not our own scored copies or summary, not Office's lock files.
 */
function workbooksIn(folder: string, cwd: string, exclude: string): string[] {
  const collator = new Intl.Collator('vi', { numeric: true });
  return fs
    .readdirSync(path.resolve(cwd, folder), { withFileTypes: true })
    .filter(
      (e) =>
        e.isFile() &&
        /\.xls[xm]$/i.test(e.name) &&
        !/\.scored\.xls[xm]$/i.test(e.name) &&
        !e.name.startsWith('~$') &&
        !e.name.startsWith('.'),
    )
    .map((e) => e.name)
    .sort((a, b) => collator.compare(a, b))
    .map((name) => path.join(folder, name))
    .filter((file) => path.resolve(cwd, file) !== exclude);
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function summaryPaths(
  options: { cwd: string; outDir?: string; summary?: string; lang: Lang },
  folders: string[],
): { xlsx: string; csv: string } {
  const m = messages(options.lang).cli;
  if (options.summary !== undefined && !/\.xlsx$/i.test(options.summary))
    throw new BatchUsageError(fill(m.summaryExt, { file: options.summary }));
  const home =
    options.outDir !== undefined
      ? path.resolve(options.cwd, options.outDir)
      : folders.length === 1
        ? folders[0]
        : options.cwd;
  const xlsx =
    options.summary !== undefined ? path.resolve(options.cwd, options.summary) : path.join(home, DEFAULT_SUMMARY);
  return { xlsx, csv: xlsx.replace(/\.xlsx$/i, '.csv') };
}

/** The plan of a batch: inputs (folders opened, one level), their copies' paths and the summary's. */
export function planBatch(
  positionals: readonly string[],
  options: { cwd: string; outDir?: string; summary?: string; lang: Lang },
): BatchPlan {
  const m = messages(options.lang).cli;
  const { cwd, outDir } = options;
  const folders = positionals.map((p) => path.resolve(cwd, p)).filter(isFolder);
  const summary = summaryPaths(options, folders);
  if (outDir !== undefined && !isFolder(path.resolve(cwd, outDir)))
    throw new BatchUsageError(fill(m.outDirMissing, { folder: outDir }));
  const files: string[] = [];
  for (const p of positionals) {
    if (!isFolder(path.resolve(cwd, p))) files.push(p);
    else {
      const found = workbooksIn(p, cwd, summary.xlsx);
      if (found.length === 0) throw new BatchUsageError(fill(m.noWorkbooksInFolder, { folder: p }));
      files.push(...found);
    }
  }
  // A file named twice (or by two spellings) is scored once.
  const seen = new Set<string>();
  const inputs = files.filter((f) => !seen.has(path.resolve(cwd, f)) && seen.add(path.resolve(cwd, f)) !== undefined);
  return {
    inputs: inputs.map((input) => ({
      input,
      out: outDir === undefined ? defaultOutPath(input) : path.join(outDir, path.basename(defaultOutPath(input))),
    })),
    summary,
  };
}

/** Writes the summary's .xlsx and .csv, both or neither. */
export async function writeBatchSummary(
  paths: { xlsx: string; csv: string },
  outcomes: readonly WorkbookOutcome[],
  lang: Lang,
): Promise<void> {
  const table = batchSummaryTable(outcomes, lang);
  const files: [string, Uint8Array | string][] = [
    [paths.xlsx, summaryXlsx(table, messages(lang).batch.sheetName)],
    [paths.csv, summaryCsv(table)],
  ];
  await writeAllOrNone(files.map(([target, content]) => ({ target, content: () => content })));
}

/** The batch's lines for the terminal. */
export function batchSummaryText(outcomes: readonly WorkbookOutcome[], lang: Lang): string {
  return batchSummaryLines(outcomes, lang).join('\n');
}
