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
import { parseArgs } from 'node:util';
import {
  HAI_DUONG_2018,
  OWNED_SHEETS,
  describeFinding,
  describeRuleSourceProblem,
  parseRuleSetJson,
  fill,
  fold,
  messages,
  outputBlock,
  scoreGrid,
  qualifiedAddress,
  type Finding,
  type Lang,
  type RuleSet,
  type CellValue,
  type Narrative,
  type SheetScoring,
} from '../engine';
import { jsonFinding, jsonResult, jsonRules, summaryText, type JsonReport } from './report';
import { occupiedTargetCells, writeOutputBlock } from './xlsx';
import { XlsxBook, type SheetRef } from './ooxml/book';
import { OccupiedCellError } from './ooxml/sheet-xml';
import { MalformedPartError } from './ooxml/xml';
import { readWorkbookRules, rulesSheet, writeWorkbookRules } from './rules-sheet';
import { generateNarrative } from '../engine/narrative';
import { ReportOptionError, reportFormat, reportSettings, type ReportFormat } from './report-options';
import { guessReportYear, reportSheetModel } from './report-sheet';
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
      io.stderr(`timings (ms): start-up and modules ${(performance.now() - laps.reduce((t, [, ms]) => t + ms, 0)).toFixed(0)}, ${laps.map(([l, ms]) => `${l} ${ms.toFixed(0)}`).join(', ')}; process ${performance.now().toFixed(0)}\n`);
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

/** Default output path: `<input minus .xlsx>.scored.xlsx`. */
export function defaultOutPath(input: string): string {
  const ext = /\.xlsm$/i.test(input) ? 'xlsm' : 'xlsx';
  return input.replace(/\.xls[xm]$/i, '') + `.scored.${ext}`;
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
  if (!read.ok) throw new UsageError([fill(m.rulesInvalid, { file }), ...read.problems.map((p) => `  - ${describeRuleSourceProblem(p, lang)}`)].join('\n'));
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

/** Runs the scorer on command-line arguments (without `node main.js`). Resolves to the exit status. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let lang = langOf(argv);
  let input = '';
  try {
    return await runInner(
      argv,
      io,
      (l) => (lang = l),
      (file) => (input = file),
    );
  } catch (thrown) {
    // A sheet part that is not well formed, met while reading or writing it: nothing was written.
    const e = thrown instanceof MalformedPartError ? new UsageError(fill(messages(lang).cli.unreadable, { file: input, detail: thrown.message })) : thrown;
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n${messages(lang).cli.usageHint}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

async function runInner(argv: readonly string[], io: Io, setLang: (l: Lang) => void, setInput: (file: string) => void): Promise<number> {
  let m = messages(langOf(argv)).cli;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        json: { type: 'string' },
        sheet: { type: 'string' },
        rules: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        report: { type: 'string' },
        year: { type: 'string' },
        district: { type: 'string' },
        'district-index': { type: 'string' },
        'district-index-last': { type: 'string' },
        'district-rank': { type: 'string' },
        'district-band': { type: 'string' },
        'no-report-sheet': { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError(fill(m.badOption, { detail: detail(e) }));
  }
  const { values, positionals } = parsed;
  const langValue = values.lang ?? 'vi';
  if (langValue !== 'vi' && langValue !== 'en') throw new UsageError(fill(m.badLang, { value: langValue }));
  const lang: Lang = langValue;
  setLang(lang);
  m = messages(lang).cli;

  if (values.help) {
    io.stdout(m.usage.join('\n') + '\n');
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError(m.missingInput);
  if (positionals.length > 1) throw new UsageError(fill(m.tooManyInputs, { extra: positionals.slice(1).join(' ') }));

  const cwd = io.cwd ?? process.cwd();
  const inputArg = positionals[0];
  setInput(inputArg);
  const input = path.resolve(cwd, inputArg);
  // .xlsm too: its macros are a part like any other, copied as they are.
  if (!/\.xls[xm]$/i.test(input)) throw new UsageError(fill(m.notXlsx, { file: inputArg }));
  const ext = input.slice(-5).toLowerCase();
  if (!fs.existsSync(input) || !fs.statSync(input).isFile()) throw new UsageError(fill(m.fileNotFound, { file: inputArg }));
  const outArg = values.out ?? defaultOutPath(inputArg);
  const out = path.resolve(cwd, outArg);
  // Excel refuses a macro-enabled workbook under .xlsx and the other way round: the copy keeps the input's kind.
  if (out.slice(-5).toLowerCase() !== ext) throw new UsageError(fill(m.outNotXlsx, { file: outArg, ext }));
  if (sameFile(input, out)) throw new UsageError(fill(m.outIsInput, { option: '--out', file: inputArg }));
  const jsonArg = values.json;
  const jsonPath = jsonArg === undefined ? null : path.resolve(cwd, jsonArg);
  if (jsonPath !== null && sameFile(input, jsonPath)) throw new UsageError(fill(m.outIsInput, { option: '--json', file: inputArg }));
  // --rules wins; else the rules the workbook holds (read below); else the default.
  const fileRules = values.rules === undefined ? null : loadRules(path.resolve(cwd, values.rules), lang);
  let rules = fileRules ?? HAI_DUONG_2018;
  const reportArg = values.report;
  const reportPath = reportArg === undefined ? null : path.resolve(cwd, reportArg);
  if (reportPath !== null && sameFile(input, reportPath)) throw new UsageError(fill(m.outIsInput, { option: '--report', file: inputArg }));
  let reportFmt: ReportFormat | null = null;
  let settings: ReturnType<typeof reportSettings>;
  try {
    reportFmt = reportArg === undefined ? null : reportFormat(reportArg, lang);
    settings = reportSettings(values, rules, lang);
  } catch (e) {
    if (e instanceof ReportOptionError) throw new UsageError(e.message);
    throw e;
  }

  io.stderr(fill(m.reading, { file: inputArg }) + '\n');
  const phase = phaseTimer();
  let wb: XlsxBook;
  try {
    // Read into memory, for reading only: the input file is never opened for writing.
    wb = XlsxBook.read(await fs.promises.readFile(input));
    // The sheets looked into below inflate on the thread pool while the shared strings and styles are read.
    const wanted = values.sheet;
    await wb.prefetch(wb.sheets.filter((s) => (wanted === undefined ? !OWNED_SHEETS.includes(s.name) : s.name === wanted || fold(s.name) === fold(wanted))));
    phase('open');
  } catch (e) {
    throw new UsageError(fill(m.unreadable, { file: inputArg, detail: detail(e) }));
  }

  const stored = readWorkbookRules(wb);
  if (fileRules) {
    io.stderr(fill(messages(lang).review.fromFile, { file: values.rules as string, name: rules.name[lang] }) + '\n');
    // The scored copy carries the rules it was scored with.
    const own = rulesSheet(wb);
    if (own) writeWorkbookRules(wb, own, rules);
  } else if (stored) {
    if (!stored.ok) {
      throw new UsageError([fill(messages(lang).review.storeInvalid, { sheet: rulesSheet(wb)?.name ?? '' }), ...stored.problems.map((p) => `  - ${describeRuleSourceProblem(p, lang)}`)].join('\n'));
    }
    rules = stored.rules;
    io.stderr(fill(messages(lang).review.fromWorkbook, { sheet: rulesSheet(wb)?.name ?? '', name: rules.name[lang] }) + '\n');
    try {
      settings = reportSettings(values, rules, lang);
    } catch (e) {
      if (e instanceof ReportOptionError) throw new UsageError(e.message);
      throw e;
    }
  }

  const sheets = wb.sheets;
  let candidates = sheets;
  if (values.sheet !== undefined) {
    const wanted = values.sheet;
    const ws = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => fold(s.name) === fold(wanted));
    if (!ws) throw new UsageError(fill(m.sheetNotFound, { sheet: wanted, file: inputArg, sheets: sheets.map((s) => `"${s.name}"`).join(', ') }));
    candidates = [ws];
  } else {
    // The report sheet an earlier run added is no scoring table.
    candidates = sheets.filter((s) => !OWNED_SHEETS.includes(s.name) && !isReportSheet(wb, s));
  }

  const baseReport = (): JsonReport => ({
    input: inputArg,
    output: null,
    sheet: null,
    lang,
    scored: false,
    rules: jsonRules(rules, lang),
    fields: [],
    units: [],
    counts: null,
    groups: null,
    lastYearCounts: null,
    summary: null,
    errors: [],
    warnings: [],
  });

  let chosen: { ws: SheetRef; grid: CellValue[][]; scoring: Extract<SheetScoring, { found: true }> } | null = null;
  const misses: { sheet: string; reason: string }[] = [];
  for (const ws of candidates) {
    const { grid, formats } = wb.grid(ws);
    phase('read');
    const scoring = scoreGrid(grid, ws.name, rules, { formats });
    phase('score');
    if (scoring.found) {
      chosen = { ws, grid, scoring };
      break;
    }
    misses.push({ sheet: ws.name, reason: fill(messages(lang).layout[scoring.reason], { detail: scoring.detail }) });
  }

  if (!chosen) {
    if (values.sheet !== undefined) io.stderr(fill(m.noTableInSheet, { sheet: misses[0].sheet, reason: misses[0].reason }) + '\n');
    else {
      io.stderr(fill(m.noTable, { file: inputArg }) + '\n');
      for (const miss of misses) io.stderr(`  - ${fill(m.sheetReason, miss)}\n`);
    }
    if (jsonPath) {
      const report = baseReport();
      report.errors = misses.map((miss) => ({ cell: null, sheet: miss.sheet, code: 'noTable', message: fill(m.noTableInSheet, miss) }));
      await writeJson(jsonPath, report, lang, io);
    }
    return EXIT_INPUT_ERRORS;
  }

  const { ws, scoring } = chosen;
  const { layout, result } = scoring;
  for (const miss of misses) io.stderr(fill(m.sheetSkipped, miss) + '\n');
  io.stderr(
    fill(m.tableFound, {
      sheet: ws.name,
      units: result.units.length,
      fields: result.table.fields.length,
      headerRow: layout.headerRow + 1,
      maxRow: layout.maxRow + 1,
    }) + '\n',
  );

  const report = baseReport();
  report.sheet = ws.name;
  report.errors = scoring.errors.map((f) => jsonFinding(f, lang));
  report.warnings = scoring.warnings.map((f) => jsonFinding(f, lang));
  printFindings(m.warningsTitle, scoring.warnings, lang, io);

  if (scoring.errors.length > 0) {
    printFindings(m.errorsTitle, scoring.errors, lang, io);
    io.stderr(fill(m.notWritten, { count: scoring.errors.length }) + '\n');
    if (jsonPath) await writeJson(jsonPath, report, lang, io);
    return EXIT_INPUT_ERRORS;
  }

  const block = outputBlock(result, lang);
  phase('output block');
  let occupied = occupiedTargetCells(chosen.grid, layout);
  if (occupied.length === 0) {
    try {
      writeOutputBlock(wb, ws, chosen.grid, layout, block, result.rules);
      // The scoring sheet is final: it deflates on the thread pool while the report is built.
      wb.compressAhead(ws);
      phase('write block');
    } catch (e) {
      // A cell the values call empty that still holds something (a formula whose result is empty).
      if (!(e instanceof OccupiedCellError)) throw e;
      occupied = [e.address];
    }
  }
  if (occupied.length > 0) {
    const range = `${occupied[0]}${occupied.length > 1 ? `…${occupied[occupied.length - 1]}` : ''}`;
    const message = fill(m.overwriting, { range });
    io.stderr(`${qualifiedAddress(ws.name, occupied[0])}: ${message}\n`);
    if (jsonPath) {
      report.errors.push({ cell: qualifiedAddress(ws.name, occupied[0]), sheet: ws.name, code: 'outputNotEmpty', message });
      await writeJson(jsonPath, report, lang, io);
    }
    return EXIT_INPUT_ERRORS;
  }

  // The report (the sheet, a --report file, or both): the year given, else the one the table's
  // title names, else this year. With neither, no narrative is written, so none is made.
  const wantReportSheet = !values['no-report-sheet'];
  let narrative: Narrative | null = null;
  if (wantReportSheet || reportPath !== null) {
    let year = settings.year;
    if (year === undefined) {
      const guess = guessReportYear(chosen.grid, layout, ws.name, new Date().getFullYear());
      year = guess.year;
      const source = { title: m.yearFromTitle, sheet: m.yearFromSheet, header: m.yearFromHeader, default: m.yearDefault }[guess.source];
      io.stderr(fill(m.yearGuessed, { year, source }) + '\n');
    }
    narrative = generateNarrative(result, { ...settings, year }, lang);
    phase('narrative');
    if (wantReportSheet) {
      const sheet = writeReportSheet(wb, reportSheetModel(result, narrative, { year }, lang, 0, block.rows.map((row) => row[3])), result, year, lang);
      phase('report sheet');
      if (sheet.nameTaken) io.stderr(fill(m.reportSheetNameTaken, { taken: sheet.nameTaken, sheet: sheet.sheet }) + '\n');
      io.stderr(fill(sheet.replaced ? m.reportSheetReplaced : m.reportSheetAdded, { sheet: sheet.sheet }) + '\n');
    }
  }
  io.stderr(fill(m.writing, { file: outArg }) + '\n');
  // Write beside the target, then rename: a failed write never leaves half a workbook behind.
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    const bytes = await wb.write();
    phase('zip');
    await fs.promises.writeFile(tmp, bytes);
    await fs.promises.rename(tmp, out);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw new UsageError(fill(m.writeFailed, { file: outArg, detail: detail(e) }));
  }

  if (reportPath !== null && reportFmt !== null && narrative !== null) {
    try {
      // Loaded only when a report file is asked for: docx alone takes longer to load than the engine.
      const { writeReportFile } = await import('./report-files');
      await writeReportFile(reportPath, narrative, reportFmt, lang);
    } catch (e) {
      throw new UsageError(fill(m.writeFailed, { file: reportArg as string, detail: detail(e) }));
    }
    io.stderr(fill(m.wroteReport, { file: reportArg as string }) + '\n');
  }

  if (jsonPath) {
    Object.assign(report, jsonResult(result, lang));
    report.scored = true;
    report.output = outArg;
    await writeJson(jsonPath, report, lang, io);
  }

  io.stdout(summaryText(result, lang));
  io.stdout('\n' + fill(m.wrote, { file: outArg }) + '\n');
  phase('files and summary');
  phase.report(io);
  return EXIT_OK;
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

if (require.main === module) main();
