#!/usr/bin/env node
/**
 * The headless scorer: `npm run --silent score -- <input.xlsx> [--out <output.xlsx>]
 * [--json <report.json>] [--sheet <name>] [--rules <rules.json>] [--lang vi|en] [--report <file.txt|.md|.docx>]
 * [--year <n>] [--district <name>] [--district-index <pct>] [--district-index-last <pct>]
 * [--district-rank <r>/<of>] [--district-band <band>] [--no-report-sheet]`.
 *
 * The scored copy also gets a report sheet ("Báo cáo CCHC <year>", see report-xlsx.ts) unless
 * --no-report-sheet; --report writes the narrative alone.
 *
 * Reads the workbook (never writes it), finds the scoring table, hands the engine a grid, and
 * writes a scored copy plus, if asked, a JSON report. Exit status: 0 scored (warnings allowed),
 * 1 the data has errors or no scoring table was found (no workbook written), 2 bad usage or a
 * file that cannot be read or written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  HAI_DUONG_2018,
  OWNED_SHEETS,
  describeFinding,
  describeRuleSourceProblem,
  parseRuleSetJson,
  OUTPUT_COLUMN_COUNT,
  cellAddress,
  fill,
  fold,
  generateNarrative,
  guessReportYear,
  messages,
  outputBlock,
  reportSheetModel,
  scoreGrid,
  qualifiedAddress,
  type Finding,
  type Lang,
  type RuleSet,
  type CellValue,
  type Narrative,
  type SheetScoring,
  type WorkbookOutcome,
  type MappingProposal,
  type RoleOverrides,
  mappingJson,
} from '../engine';
import { ArgsError, parseCliArgs, type CliArgs } from './args';
import { readWorkbookMappings, storedRolesOf } from './mapping-sheet';
import {
  MapOptionError,
  printedMap,
  readMapOption,
  readingNotesText,
  tableChecksJson,
  tableChecksText,
  uncertainText,
} from './columns';
import { BatchUsageError, batchSummaryText, defaultOutPath, planBatch, writeBatchSummary } from './batch';

export { defaultOutPath };
import { jsonFinding, jsonResult, jsonRules, summaryText, type JsonReport } from './report';
import { outputPlan, writeOutputBlock } from './xlsx';
import { XlsxBook, type SheetRef } from './ooxml/book';
import { CellTooLongError, MAX_CELL_TEXT, OccupiedCellError } from './ooxml/sheet-xml';
import { MalformedPartError } from './ooxml/xml';
import { Refusal, checkPackage, refusalOf } from './ooxml/guard';
import { readWorkbookRules, rulesSheet, writeWorkbookRules } from './rules-sheet';
import { StagedWriteError, writeAllOrNone, type StagedFile } from './staged-files';
import { ReportOptionError, reportFormat, reportSettings, type ReportFormat } from './report-options';
import { isReportSheet, writeReportSheet } from './report-xlsx';

export const EXIT_OK = 0;
export const EXIT_INPUT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** Where the CLI talks to. Tests pass collectors; main() passes the process streams. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
}

/** How many findings of one kind are printed before "… and N more". */
const PRINT_LIMIT = 50;

class UsageError extends Error {}

/**
 * Where a run's time goes, phase by phase, printed to stderr at the end when PAR_TIMINGS is set
 * (the bench's breakdown; bench/README.md). Costs nothing otherwise.
 */
function phaseTimer(): ((label: string) => void) & { report(io: Io): void } {
  const on = Boolean(process.env.PAR_TIMINGS);
  const laps: [string, number][] = [];
  let last = performance.now();
  const phase = (label: string) => {
    if (!on) return;
    const now = performance.now();
    laps.push([label, now - last]);
    last = now;
  };
  return Object.assign(phase, {
    report(io: Io) {
      if (!on) return;
      // performance.now() counts from the process's start: node's own start-up and module loading included.
      io.stderr(
        `timings (ms): start-up and modules ${(performance.now() - laps.reduce((t, [, ms]) => t + ms, 0)).toFixed(0)}, ${laps.map(([l, ms]) => `${l} ${ms.toFixed(0)}`).join(', ')}; process ${performance.now().toFixed(0)}\n`,
      );
    },
  });
}

function detail(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The same file, whether or not the paths are spelled alike (symlinks, hard links, case). */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'vi';
  const v = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

function loadRules(file: string, lang: Lang): RuleSet {
  const m = messages(lang).cli;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(fill(m.rulesUnreadable, { file, detail: detail(e) }));
  }
  // The same JSON shape the add-in stores (docs/rules-store.md): types, keys, then the rules.
  const read = parseRuleSetJson(text);
  if (!read.ok)
    throw new UsageError(
      [fill(m.rulesInvalid, { file }), ...read.problems.map((p) => `  - ${describeRuleSourceProblem(p, lang)}`)].join(
        '\n',
      ),
    );
  return read.rules;
}

async function writeJson(file: string, report: JsonReport, lang: Lang, io: Io): Promise<void> {
  const m = messages(lang).cli;
  try {
    await fs.promises.writeFile(file, JSON.stringify(report, null, 2) + '\n', 'utf8');
  } catch (e) {
    throw new UsageError(fill(m.writeFailed, { file, detail: detail(e) }));
  }
  io.stderr(fill(m.wroteJson, { file }) + '\n');
}

function printFindings(title: string, findings: readonly Finding[], lang: Lang, io: Io): void {
  if (findings.length === 0) return;
  const m = messages(lang).cli;
  io.stderr(fill(title, { count: findings.length }) + '\n');
  for (const f of findings.slice(0, PRINT_LIMIT)) io.stderr(`  ${describeFinding(f, lang)}\n`);
  if (findings.length > PRINT_LIMIT) io.stderr(`  ${fill(m.more, { count: findings.length - PRINT_LIMIT })}\n`);
}

/** What became of one workbook (see WorkbookOutcome in the engine). */
export type Outcome = WorkbookOutcome;

/** Everything a run on one workbook needs, checked before the workbook is read. */
export interface Job {
  lang: Lang;
  values: CliArgs['values'];
  cwd: string;
  inputArg: string;
  input: string;
  outArg: string;
  out: string;
  jsonPath: string | null;
  reportArg: string | null;
  reportPath: string | null;
  reportFmt: ReportFormat | null;
  fileRules: RuleSet | null;
  /** Column roles confirmed with --map, by grid column. */
  roles?: RoleOverrides;
  /** Print the scoring summary on stdout (a single run does; a batch prints its own lines). */
  printSummary: boolean;
}

function exitOf(outcome: Outcome): number {
  return outcome.status === 'scored' ? EXIT_OK : outcome.status === 'unreadable' ? EXIT_USAGE : EXIT_INPUT_ERRORS;
}

/** The version of the package, from the package.json two folders up (src/cli and build/cli alike). */
export function packageVersion(): string {
  try {
    return (
      JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return 'unknown';
  }
}

/** Runs the scorer on command-line arguments (without `node main.js`). Resolves to the exit status. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let lang = langOf(argv);
  try {
    const args = parseArgsOrUsage(argv, lang);
    lang = languageOf(args, lang);
    const m = messages(lang).cli;
    if (args.values.help) {
      io.stdout(m.usage.join('\n') + '\n');
      return EXIT_OK;
    }
    if (args.values.version) {
      io.stdout(`par-score ${packageVersion()}\n`);
      return EXIT_OK;
    }
    const cwd = io.cwd ?? process.cwd();
    if (args.positionals.length === 0) throw new UsageError(m.missingInput);
    if (isBatch(args.positionals, cwd)) return await runBatch(args, lang, io, cwd);
    for (const option of BATCH_OPTIONS) {
      if (args.values[option] !== undefined) throw new UsageError(fill(m.onlyInBatch, { option: `--${option}` }));
    }
    return exitOf(await scoreFile(planJob(args, args.positionals[0], cwd, lang), io));
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n${messages(lang).cli.usageHint}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

function parseArgsOrUsage(argv: readonly string[], lang: Lang): CliArgs {
  try {
    return parseCliArgs(argv, lang);
  } catch (e) {
    if (e instanceof ArgsError) throw new UsageError(e.message);
    throw e;
  }
}

function languageOf(args: CliArgs, fallback: Lang): Lang {
  const value = args.values.lang ?? 'vi';
  if (value !== 'vi' && value !== 'en') throw new UsageError(fill(messages(fallback).cli.badLang, { value }));
  return value;
}

/** Several inputs, or one folder: a batch. */
function isBatch(positionals: readonly string[], cwd: string): boolean {
  if (positionals.length > 1) return true;
  try {
    return fs.statSync(path.resolve(cwd, positionals[0])).isDirectory();
  } catch {
    return false;
  }
}

/** Options that name one output file make no sense for several workbooks. */
const SINGLE_FILE_OPTIONS = [
  'out',
  'json',
  'report',
  'district',
  'district-index',
  'district-index-last',
  'district-rank',
  'district-band',
] as const;
/** Options only a batch takes. */
const BATCH_OPTIONS = ['out-dir', 'summary'] as const;

/** Checks the options and paths of a run on one workbook; every mistake is a UsageError. */
export function planJob(args: CliArgs, inputArg: string, cwd: string, lang: Lang, printSummary = true): Job {
  const m = messages(lang).cli;
  const { values } = args;
  const input = path.resolve(cwd, inputArg);
  // .xlsm too: its macros are a part like any other, copied as they are.
  if (!/\.xls[xm]$/i.test(input))
    throw new UsageError(otherKindMessage(input, inputArg, lang) ?? fill(m.notXlsx, { file: inputArg }));
  const ext = input.slice(-5).toLowerCase();
  if (!fs.existsSync(input) || !fs.statSync(input).isFile())
    throw new UsageError(fill(m.fileNotFound, { file: inputArg }));
  const outArg = values.out ?? defaultOutPath(inputArg);
  const out = path.resolve(cwd, outArg);
  // Excel refuses a macro-enabled workbook under .xlsx and the other way round: the copy keeps the input's kind.
  if (out.slice(-5).toLowerCase() !== ext) throw new UsageError(fill(m.outNotXlsx, { file: outArg, ext }));
  const jsonPath = values.json === undefined ? null : path.resolve(cwd, values.json);
  const reportArg = values.report ?? null;
  const reportPath = reportArg === null ? null : path.resolve(cwd, reportArg);
  refuseInputAsOutput(
    inputArg,
    input,
    [
      ['--out', out],
      ['--json', jsonPath],
      ['--report', reportPath],
    ],
    lang,
  );
  // --rules wins; else the rules the workbook holds (read later); else the default.
  const fileRules = values.rules === undefined ? null : loadRules(path.resolve(cwd, values.rules), lang);
  const reportFmt = reportArg === null ? null : usage(() => reportFormat(reportArg, lang));
  // The report options are checked now, before the workbook is read.
  usage(() => reportSettings(values, fileRules ?? HAI_DUONG_2018, lang));
  const roles = mapOption(values.map, cwd, lang);
  return {
    lang,
    values,
    cwd,
    inputArg,
    input,
    outArg,
    out,
    jsonPath,
    reportArg,
    reportPath,
    reportFmt,
    fileRules,
    printSummary,
    roles,
  };
}

/** --map, read now: a mapping that cannot be read is a usage error. */
function mapOption(value: string | undefined, cwd: string, lang: Lang): RoleOverrides | undefined {
  try {
    return readMapOption(value, cwd, lang);
  } catch (e) {
    if (e instanceof MapOptionError) throw new UsageError(e.message);
    throw e;
  }
}

/** No output may be the input file, however its path is spelled: the input is never written. */
function refuseInputAsOutput(inputArg: string, input: string, outputs: [string, string | null][], lang: Lang): void {
  for (const [option, file] of outputs) {
    if (file !== null && sameFile(input, file))
      throw new UsageError(fill(messages(lang).cli.outIsInput, { option, file: inputArg }));
  }
}

/** Runs `f`, turning a report option's bad value into a usage error. */
function usage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ReportOptionError) throw new UsageError(e.message);
    throw e;
  }
}

/** A scoring sheet found, with its grid and what the engine made of it. */
type Chosen = { ws: SheetRef; grid: CellValue[][]; scoring: Extract<SheetScoring, { found: true }> };

function baseOutcome(job: Job, rules: RuleSet): Outcome {
  return {
    file: job.inputArg,
    status: 'unreadable',
    sheet: null,
    units: 0,
    counts: null,
    bands: rules.bands.map((b) => ({ code: b.code, label: b.label[job.lang] })),
    problems: [],
    output: null,
  };
}

/**
 * One workbook, step by step: open → rules → sheet → score → write the block → the report →
 * the files. Nothing is written until every step before the files has passed.
 */
export async function scoreFile(job: Job, io: Io): Promise<Outcome> {
  try {
    return await scoreSteps(job, io);
  } catch (e) {
    // A sheet part that is not well formed, met while reading or writing it: nothing was written.
    if (e instanceof MalformedPartError)
      throw new UsageError(fill(messages(job.lang).cli.unreadable, { file: job.inputArg, detail: e.message }));
    const refusal = refusalOf(e);
    if (refusal) throw new UsageError(refusalMessage(job.lang, job.inputArg, refusal));
    if (e instanceof CellTooLongError)
      throw new UsageError(
        fill(messages(job.lang).cli.refusal.cellTooLong, { cell: e.address, length: e.length, max: MAX_CELL_TEXT }),
      );
    throw e;
  }
}

async function scoreSteps(job: Job, io: Io): Promise<Outcome> {
  const m = messages(job.lang).cli;
  io.stderr(fill(m.reading, { file: job.inputArg }) + '\n');
  const phase = phaseTimer();
  const wb = await openBook(job);
  phase('open');
  const { rules, settings } = chooseRules(job, wb, io);
  const outcome = baseOutcome(job, rules);
  const report = baseReport(job, rules);
  const found = findTable(job, wb, rules, phase, io);
  if ('misses' in found)
    return found.uncertain
      ? uncertainColumns(job, found.uncertain, report, outcome, io)
      : noTable(job, found.misses, report, outcome, io);
  const { ws, scoring } = found;
  if (job.values['print-map']) {
    io.stdout(printedMap(scoring.columns ?? []));
    outcome.status = 'scored';
    return outcome;
  }
  outcome.sheet = report.sheet = ws.name;
  outcome.units = scoring.result.units.length;
  announceTable(job, found, io);
  const problems = tableProblems(job, wb, found);
  if (problems.length > 0) return tableRefused(job, problems, report, outcome, io);
  report.errors = scoring.errors.map((f) => jsonFinding(f, job.lang));
  report.warnings = scoring.warnings.map((f) => jsonFinding(f, job.lang));
  printFindings(m.warningsTitle, scoring.warnings, job.lang, io);
  if (scoring.errors.length > 0) return inputErrors(job, scoring.errors, report, outcome, io);

  const block = outputBlock(scoring.result, job.lang);
  phase('output block');
  // A transposed table is read turned: its results are not written into it (the report and the JSON have them).
  const occupied = scoring.layout.transposed ? [] : writeBlock(wb, found, block);
  phase('write block');
  if (occupied.length > 0) return occupiedCells(job, ws, occupied, report, outcome, io);

  const narrative = addReport(job, wb, found, block, settings, io, phase);
  await writeFiles(job, wb, narrative, report, scoring, io);
  phase('files');
  outcome.status = 'scored';
  outcome.counts = scoring.result.summary.counts;
  outcome.output = job.outArg;
  if (job.printSummary) {
    io.stdout(summaryText(scoring.result, job.lang));
    io.stdout(tableChecksText(scoring.result, job.lang));
    io.stdout('\n' + fill(m.wrote, { file: job.outArg }) + '\n');
  }
  phase.report(io);
  return outcome;
}

async function openBook(job: Job): Promise<XlsxBook> {
  const m = messages(job.lang).cli;
  try {
    // Read into memory, for reading only: the input file is never opened for writing.
    return XlsxBook.fromArchive(checkPackage(await fs.promises.readFile(job.input)));
  } catch (e) {
    const refusal = refusalOf(e);
    if (refusal) throw new UsageError(refusalMessage(job.lang, job.inputArg, refusal));
    throw new UsageError(fill(m.unreadable, { file: job.inputArg, detail: detail(e) }));
  }
}

/** The rules to score with: --rules, else the workbook's own, else the default; said on stderr. */
function chooseRules(job: Job, wb: XlsxBook, io: Io): { rules: RuleSet; settings: ReturnType<typeof reportSettings> } {
  const review = messages(job.lang).review;
  let rules = job.fileRules ?? HAI_DUONG_2018;
  const stored = readWorkbookRules(wb);
  if (job.fileRules) {
    io.stderr(fill(review.fromFile, { file: job.values.rules as string, name: rules.name[job.lang] }) + '\n');
    // The scored copy carries the rules it was scored with.
    const own = rulesSheet(wb);
    if (own) writeWorkbookRules(wb, own, rules);
  } else if (stored) {
    if (!stored.ok) {
      throw new UsageError(
        [
          fill(review.storeInvalid, { sheet: rulesSheet(wb)?.name ?? '' }),
          ...stored.problems.map((p) => `  - ${describeRuleSourceProblem(p, job.lang)}`),
        ].join('\n'),
      );
    }
    rules = stored.rules;
    io.stderr(fill(review.fromWorkbook, { sheet: rulesSheet(wb)?.name ?? '', name: rules.name[job.lang] }) + '\n');
  } else {
    // Never a silent default: the user reads which rules scored the workbook, and why those.
    io.stderr(fill(review.fromDefault, { name: rules.name[job.lang] }) + '\n');
  }
  return { rules, settings: usage(() => reportSettings(job.values, rules, job.lang)) };
}

function baseReport(job: Job, rules: RuleSet): JsonReport {
  return {
    input: job.inputArg,
    output: null,
    sheet: null,
    lang: job.lang,
    scored: false,
    rules: jsonRules(rules, job.lang),
    fields: [],
    units: [],
    counts: null,
    groups: null,
    lastYearCounts: null,
    summary: null,
    errors: [],
    warnings: [],
  };
}

/** The sheets to look into: the one --sheet names, else every sheet but those this tool made. */
function candidateSheets(job: Job, wb: XlsxBook): SheetRef[] {
  const sheets = wb.sheets;
  const wanted = job.values.sheet;
  if (wanted === undefined) return sheets.filter((s) => !OWNED_SHEETS.includes(s.name) && !isReportSheet(wb, s));
  const ws = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => fold(s.name) === fold(wanted));
  if (!ws)
    throw new UsageError(
      fill(messages(job.lang).cli.sheetNotFound, {
        sheet: wanted,
        file: job.inputArg,
        sheets: sheets.map((s) => `"${s.name}"`).join(', '),
      }),
    );
  return [ws];
}

type Miss = { sheet: string; reason: string };

/** The first candidate sheet laid out as a scoring table (and the sheets before it), or why each one is not. */
function findTable(
  job: Job,
  wb: XlsxBook,
  rules: RuleSet,
  phase: (label: string) => void,
  io: Io,
): (Chosen & { skipped: Miss[] }) | { misses: Miss[]; uncertain?: { sheet: string; proposal: MappingProposal } } {
  const misses: Miss[] = [];
  // Without --map, a mapping the user confirmed in the add-in (stored in the workbook), said so.
  let stored = job.roles ? null : readWorkbookMappings(wb);
  if (stored && !stored.ok) {
    io.stderr(storedRolesOf(stored, '', [], job.lang).note);
    stored = null;
  }
  for (const ws of candidateSheets(job, wb)) {
    const { grid, formats } = wb.grid(ws);
    phase('read');
    const fromStore = storedRolesOf(stored, ws.name, grid, job.lang);
    io.stderr(fromStore.note);
    const scoring = scoreGrid(grid, ws.name, rules, { formats, roles: job.roles ?? fromStore.roles });
    phase('score');
    if (scoring.found) return { ws, grid, scoring, skipped: misses };
    // The table, with columns whose role the user must confirm: the search stops here.
    if (scoring.reason === 'uncertain') return { misses, uncertain: { sheet: ws.name, proposal: scoring.proposal } };
    misses.push({
      sheet: ws.name,
      reason: fill(messages(job.lang).layout[scoring.reason], { detail: scoring.detail }),
    });
  }
  return { misses };
}

function announceTable(job: Job, chosen: Chosen & { skipped: Miss[] }, io: Io): void {
  const m = messages(job.lang).cli;
  const { layout, result } = chosen.scoring;
  for (const miss of chosen.skipped) io.stderr(fill(m.sheetSkipped, miss) + '\n');
  io.stderr(
    fill(m.tableFound, {
      sheet: chosen.ws.name,
      units: result.units.length,
      fields: result.table.fields.length,
      headerRow: layout.headerRow + 1,
      maxRow: layout.maxRow + 1,
    }) + '\n',
  );
  // A table not in the usual shape (results only): how it was read, never a silent guess.
  io.stderr(readingNotesText(result, job.lang));
}

async function noTable(job: Job, misses: Miss[], report: JsonReport, outcome: Outcome, io: Io): Promise<Outcome> {
  const m = messages(job.lang).cli;
  if (job.values.sheet !== undefined)
    io.stderr(fill(m.noTableInSheet, { sheet: misses[0].sheet, reason: misses[0].reason }) + '\n');
  else {
    io.stderr(fill(m.noTable, { file: job.inputArg }) + '\n');
    for (const miss of misses) io.stderr(`  - ${fill(m.sheetReason, miss)}\n`);
  }
  outcome.status = 'noTable';
  outcome.problems =
    misses.length > 0 ? misses.map((miss) => fill(m.noTableInSheet, miss)) : [fill(m.noTable, { file: job.inputArg })];
  report.errors = misses.map((miss) => ({
    cell: null,
    sheet: miss.sheet,
    code: 'noTable',
    message: fill(m.noTableInSheet, miss),
  }));
  if (job.jsonPath) await writeJson(job.jsonPath, report, job.lang, io);
  return outcome;
}

/** Columns whose role is uncertain: the proposed mapping and how to confirm it; nothing written. */
async function uncertainColumns(
  job: Job,
  found: { sheet: string; proposal: MappingProposal },
  report: JsonReport,
  outcome: Outcome,
  io: Io,
): Promise<Outcome> {
  const text = uncertainText(found.sheet, found.proposal, job.lang);
  if (job.values['print-map']) io.stdout(printedMap(found.proposal.columns, found.proposal.originCol));
  io.stderr(text);
  outcome.sheet = report.sheet = found.sheet;
  outcome.status = 'errors';
  outcome.problems = [text.split('\n')[0]];
  report.errors = [{ cell: null, sheet: found.sheet, code: 'uncertainColumns', message: text.trim() }];
  Object.assign(report, {
    proposedColumns: mappingJson(found.proposal.columns, found.proposal.originCol),
    uncertainColumns: found.proposal.uncertain,
  });
  if (job.jsonPath) await writeJson(job.jsonPath, report, job.lang, io);
  return outcome;
}

async function inputErrors(
  job: Job,
  errors: readonly Finding[],
  report: JsonReport,
  outcome: Outcome,
  io: Io,
): Promise<Outcome> {
  const m = messages(job.lang).cli;
  printFindings(m.errorsTitle, errors, job.lang, io);
  io.stderr(fill(m.notWritten, { count: errors.length }) + '\n');
  outcome.status = 'errors';
  outcome.problems = errors.map((f) => describeFinding(f, job.lang));
  if (job.jsonPath) await writeJson(job.jsonPath, report, job.lang, io);
  return outcome;
}

/** Writes the output block into the scoring sheet; the cells in the way if it cannot. */
function writeBlock(wb: XlsxBook, chosen: Chosen, block: ReturnType<typeof outputBlock>): string[] {
  const { ws, grid, scoring } = chosen;
  const plan = outputPlan(grid, scoring.layout, scoring.result.rules);
  if (plan.occupied.length > 0) return plan.occupied;
  try {
    writeOutputBlock(wb, ws, scoring.layout, block, plan);
    // The scoring sheet is final: it deflates on the thread pool while the report is built.
    wb.compressAhead(ws);
    return [];
  } catch (e) {
    // A cell the values call empty that still holds something (a formula whose result is empty).
    if (!(e instanceof OccupiedCellError)) throw e;
    return [e.address];
  }
}

async function occupiedCells(
  job: Job,
  ws: SheetRef,
  occupied: string[],
  report: JsonReport,
  outcome: Outcome,
  io: Io,
): Promise<Outcome> {
  const range = `${occupied[0]}${occupied.length > 1 ? `…${occupied[occupied.length - 1]}` : ''}`;
  const message = fill(messages(job.lang).cli.overwriting, { range });
  const cell = qualifiedAddress(ws.name, occupied[0]);
  io.stderr(`${cell}: ${message}\n`);
  outcome.status = 'occupied';
  outcome.problems = [`${cell}: ${message}`];
  report.errors.push({ cell, sheet: ws.name, code: 'outputNotEmpty', message });
  if (job.jsonPath) await writeJson(job.jsonPath, report, job.lang, io);
  return outcome;
}

/**
 * The report (the sheet, a --report file, or both): the year given, else the one the table's
 * title names, else this year. With neither, no narrative is made.
 */
function addReport(
  job: Job,
  wb: XlsxBook,
  chosen: Chosen,
  block: ReturnType<typeof outputBlock>,
  settings: ReturnType<typeof reportSettings>,
  io: Io,
  phase: (label: string) => void,
): Narrative | null {
  const m = messages(job.lang).cli;
  const wantReportSheet = !job.values['no-report-sheet'];
  if (!wantReportSheet && job.reportPath === null) return null;
  const { result, layout } = chosen.scoring;
  let year = settings.year;
  if (year === undefined) {
    const guess = guessReportYear(chosen.grid, layout, chosen.ws.name, new Date().getFullYear());
    year = guess.year;
    const source = { title: m.yearFromTitle, sheet: m.yearFromSheet, header: m.yearFromHeader, default: m.yearDefault }[
      guess.source
    ];
    io.stderr(fill(m.yearGuessed, { year, source }) + '\n');
  }
  const narrative = generateNarrative(result, { ...settings, year }, job.lang);
  phase('narrative');
  if (wantReportSheet) {
    // Paragraphs over a cell's 32,767 characters (a band of ~820 units) continue on the rows below.
    const model = reportSheetModel(
      result,
      narrative,
      { year },
      job.lang,
      0,
      block.rows.map((row) => row[3]),
    );
    const sheet = writeReportSheet(wb, model, year, job.lang);
    phase('report sheet');
    if (sheet.nameTaken) io.stderr(fill(m.reportSheetNameTaken, { taken: sheet.nameTaken, sheet: sheet.sheet }) + '\n');
    io.stderr(fill(sheet.replaced ? m.reportSheetReplaced : m.reportSheetAdded, { sheet: sheet.sheet }) + '\n');
  }
  return narrative;
}

/** The scored copy, the report file and the JSON, written all together or not at all. */
async function writeFiles(
  job: Job,
  wb: XlsxBook,
  narrative: Narrative | null,
  report: JsonReport,
  scoring: Chosen['scoring'],
  io: Io,
): Promise<void> {
  const m = messages(job.lang).cli;
  io.stderr(fill(m.writing, { file: job.outArg }) + '\n');
  const files: (StagedFile & { shown: string; done?: string })[] = [
    { target: job.out, shown: job.outArg, content: () => wb.write() },
  ];
  if (job.reportPath !== null && job.reportFmt !== null && narrative !== null) {
    const { reportFmt } = job;
    files.push({
      target: job.reportPath,
      shown: job.reportArg as string,
      done: fill(m.wroteReport, { file: job.reportArg as string }),
      content: async () => {
        // Loaded only when a report file is asked for: docx alone takes longer to load than the engine.
        const { reportBytes } = await import(/* webpackChunkName: "report-files" */ './report-files');
        return reportBytes(narrative, reportFmt, job.lang);
      },
    });
  }
  if (job.jsonPath !== null) {
    Object.assign(
      report,
      jsonResult(scoring.result, job.lang),
      tableChecksJson(scoring.result, scoring.columns, job.lang),
    );
    report.scored = true;
    report.output = job.outArg;
    const shown = job.values.json as string;
    files.push({
      target: job.jsonPath,
      shown,
      done: fill(m.wroteJson, { file: shown }),
      content: () => JSON.stringify(report, null, 2) + '\n',
    });
  }
  try {
    await writeAllOrNone(files);
  } catch (e) {
    const failed = e instanceof StagedWriteError ? files.find((f) => f.target === e.target) : undefined;
    throw new UsageError(
      fill(m.writeFailed, {
        file: failed?.shown ?? job.outArg,
        detail: detail(e instanceof StagedWriteError ? e.reason : e),
      }),
    );
  }
  for (const f of files) if (f.done) io.stderr(f.done + '\n');
}

/** A batch: every workbook scored on its own, then one summary of them all. */
async function runBatch(args: CliArgs, lang: Lang, io: Io, cwd: string): Promise<number> {
  const m = messages(lang).cli;
  for (const option of SINGLE_FILE_OPTIONS) {
    if (args.values[option] !== undefined) throw new UsageError(fill(m.notInBatch, { option: `--${option}` }));
  }
  let plan: ReturnType<typeof planBatch>;
  try {
    plan = planBatch(args.positionals, { cwd, outDir: args.values['out-dir'], summary: args.values.summary, lang });
  } catch (e) {
    if (e instanceof BatchUsageError) throw new UsageError(e.message);
    throw e;
  }
  const outcomes: Outcome[] = [];
  for (const { input, out } of plan.inputs) outcomes.push(await scoreOneOfBatch(args, input, out, cwd, lang, io));
  try {
    await writeBatchSummary(plan.summary, outcomes, lang);
  } catch (e) {
    throw new UsageError(fill(m.writeFailed, { file: plan.summary.xlsx, detail: detail(e) }));
  }
  io.stdout(batchSummaryText(outcomes, lang) + '\n');
  io.stdout(fill(m.wroteSummary, { file: plan.summary.xlsx, csv: plan.summary.csv }) + '\n');
  return outcomes.every((o) => o.status === 'scored') ? EXIT_OK : EXIT_INPUT_ERRORS;
}

/** One workbook of a batch: whatever goes wrong with it is its row of the summary, never the end of the batch. */
async function scoreOneOfBatch(
  args: CliArgs,
  input: string,
  out: string,
  cwd: string,
  lang: Lang,
  io: Io,
): Promise<Outcome> {
  try {
    const job = planJob({ values: { ...args.values, out }, positionals: [] }, input, cwd, lang, false);
    return await scoreFile(job, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(e.message + '\n');
    return {
      file: input,
      status: 'unreadable',
      sheet: null,
      units: 0,
      counts: null,
      bands: [],
      problems: [e.message],
      output: null,
    };
  }
}

/** A refusal (guard.ts) as the one sentence the user reads. */
function refusalMessage(lang: Lang, file: string, refusal: Refusal): string {
  return fill(messages(lang).cli.refusal[refusal.code], { file, ...refusal.params });
}

/** For an input not named .xlsx/.xlsm: what it is when its content says so (.xls, password, .ods, CSV), else null. */
function otherKindMessage(input: string, inputArg: string, lang: Lang): string | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(input);
  } catch {
    return null;
  }
  try {
    checkPackage(bytes);
  } catch (e) {
    if (e instanceof Refusal && ['xls', 'password', 'ods', 'csv'].includes(e.code))
      return refusalMessage(lang, inputArg, e);
  }
  return null;
}

/** The last column a sheet has (XFD), 0-based. */
const LAST_COLUMN = 16383;

/**
 * What stops a write although the values are sound: result columns that would pass the sheet's
 * last column, and table cells holding formulas that were never calculated (read as empty, they
 * would be misreported as missing points or a total of 0).
 */
function tableProblems(job: Job, wb: XlsxBook, chosen: Chosen): string[] {
  const m = messages(job.lang).cli.refusal;
  const { ws, scoring } = chosen;
  const layout = scoring.layout;
  const out: string[] = [];
  // A transposed table's layout is of the table turned, and nothing is written into it: only its cells are checked.
  const t = layout.transposed;
  if (t) {
    for (const u of wb.grid(ws).uncomputed ?? []) {
      if (t.fieldRows.includes(u.row) && (t.unitCols.includes(u.col) || u.col === t.maxCol))
        out.push(fill(m.uncomputed, { sheet: ws.name, cell: cellAddress(u.row + 1, u.col) }));
    }
    return out;
  }
  const first = layout.outputCol ?? layout.outputTargetCol;
  if (first + OUTPUT_COLUMN_COUNT - 1 > LAST_COLUMN)
    out.push(
      fill(m.pastLastColumn, {
        sheet: ws.name,
        cell: cellAddress(layout.headerRow + 1, Math.min(first, LAST_COLUMN + 1) - 1),
        last: 'XFD',
      }),
    );
  const cols = new Set([
    layout.nameCol,
    ...layout.fieldCols,
    layout.totalCol,
    layout.bonusCol,
    layout.deductionCol,
    layout.lastYearIndexCol,
    layout.lastYearBandCol,
  ]);
  for (const u of wb.grid(ws).uncomputed ?? []) {
    if (u.row >= layout.maxRow && u.row < layout.endRow && cols.has(u.col))
      out.push(fill(m.uncomputed, { sheet: ws.name, cell: cellAddress(u.row + 1, u.col) }));
  }
  return out;
}

async function tableRefused(
  job: Job,
  problems: string[],
  report: JsonReport,
  outcome: Outcome,
  io: Io,
): Promise<Outcome> {
  const m = messages(job.lang).cli;
  for (const p of problems.slice(0, PRINT_LIMIT)) io.stderr(`  ${p}\n`);
  if (problems.length > PRINT_LIMIT) io.stderr(`  ${fill(m.more, { count: problems.length - PRINT_LIMIT })}\n`);
  io.stderr(fill(m.notWritten, { count: problems.length }) + '\n');
  outcome.status = 'errors';
  outcome.problems = problems;
  report.errors = problems.map((message) => ({
    cell: null,
    sheet: outcome.sheet ?? '',
    code: 'tableRefused',
    message,
  }));
  if (job.jsonPath) await writeJson(job.jsonPath, report, job.lang, io);
  return outcome;
}

/** Entry point when run as a program. */
export function main(): void {
  run(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
