/**
 * "Tạo báo cáo": the report sheet written with Office.js. The table is read and scored by the
 * adapter (inspectWorkbook); this module only finds the sheet an earlier run made and writes the
 * new one: the narrative in a wide wrapped column A, the band table (band, count, share), a native
 * column chart of the band counts, and the ranking table. Same content and looks as the CLI's
 * sheet: the model and each cell role's look are the engine's (src/engine/report-sheet.ts).
 *
 * Started on a report sheet it made, it first goes back to the scoring sheet the marker names
 * (one read; an activation only in that case), since the adapter reads the active sheet.
 *
 * Round trips of the report's own Excel.run: two reads (the sheets; then each sheet's marker
 * cells AZ1:AZ3 and protection), then ONE sync for every write (delete the old sheet, add the new
 * one, values, formats, chart, activate). A failed write sync leaves nothing behind: Office.js
 * stops at the failing action, so a sheet this run added is deleted again.
 *
 * Which sheet is ours: the marker cells (see src/engine/report-sheet.ts) — "par-index-report:v1", the year,
 * and the sheet's own name when written, in the hidden column AZ. They are plain cells, so the
 * fake host, Excel, Excel on the web and LibreOffice keep them, the CLI writes the same marker
 * (a sheet the CLI made is replaced by the add-in and the other way round), and a sheet the user
 * copied or renamed no longer matches its recorded name, so it is never touched. A workbook
 * setting holding the sheet id would not do: the new sheet's id is only known after the write
 * sync, which would cost a second write sync.
 */
import { appendAudit, auditEntryFor } from './audit';
import {
  MARKER_ADDRESS,
  MARKER_COLUMN,
  REPORT_BORDER_COLOR,
  REPORT_LOOK,
  REPORT_MARKER,
  defaultReportSheetName,
  fill,
  generateNarrative,
  isOurReport,
  messages,
  pickReportSheetName,
  reportCellLook,
  reportSheetModel,
  wrappedHeight,
  type Lang,
  type Narrative,
  type ReportLook,
  type ReportSettings,
  type ReportSheetModel,
  type RuleSet,
} from '../engine';
import { UserFacingError, officeErrorMessage } from './errors';
import { queueReportPage } from './print';
import { POINTS_PER_CHAR } from './output-write';
import { CHUNK_BUDGET_BYTES, gridBytes, planChunks } from './payload';
import {
  inspectWorkbook,
  supportsExcelApi,
  type ExcelRun,
  type Inspection,
  type MappingOverride,
  type Progress,
} from './workbook';

/** Empty rows the chart covers, between the band table and the ranking table. */
export const CHART_ROWS = 18;

export interface ReportOptions {
  rules: RuleSet;
  lang: Lang;
  /** The workbook's document language: the report sheet is written in it (default: `lang`). */
  docLang?: Lang;
  /** Year, district figures: what the narrative needs beyond the workbook. */
  settings: ReportSettings;
  override?: MappingOverride;
  progress?: Progress;
  /** Append a 'reportGenerated' entry to the workbook's audit log after writing (the task pane does). */
  audit?: boolean;
  /** Who is writing, for the audit log, where the user gave a name. */
  who?: string;
}

export interface ReportStats {
  /** Round trips of the report's own run that only read. */
  readSyncs: number;
  /** Round trips that wrote: 1 (more only when the ranking table is over the request budget). */
  writeSyncs: number;
}

export type ReportOutcome =
  | {
      status: 'written';
      sheet: string;
      /** The name of the earlier report sheet this run replaced, or null. */
      replaced: string | null;
      /** The default name a user's sheet holds (the report went under "… (2)"), or null. */
      nameTaken: string | null;
      narrative: Narrative;
      inspection: Inspection;
      stats: ReportStats;
    }
  | { status: 'hasErrors'; inspection: Inspection; message: string; stats: ReportStats }
  | { status: 'failed'; message: string; code: string; inspection?: Inspection; stats: ReportStats };

type Cell = string | number;

/** The model's rows as a rectangle of values and number formats, `cols` wide. */
function rectangle(model: ReportSheetModel, cols: number): { values: Cell[][]; formats: string[][] } {
  const values: Cell[][] = [];
  const formats: string[][] = [];
  for (const row of model.rows) {
    const v: Cell[] = [];
    const f: string[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = row[c];
      v.push(cell?.value ?? '');
      f.push(cell ? REPORT_LOOK[cell.role].numberFormat : 'General');
    }
    values.push(v);
    formats.push(f);
  }
  return { values, formats };
}

/** One format property of a look, as the value Office.js takes; null = leave the cell as it is. */
type LookProperty = (look: ReportLook) => string | number | boolean | null;

const H_ALIGN = { general: null, center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', center: 'Center' } as const;
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal'] as const;

/** Each format property and how it is set on a range (engine look → Office.js). */
const LOOK_SETTERS: [LookProperty, (range: Excel.Range, value: never) => void][] = [
  [(l) => l.bold || null, (r, v: boolean) => (r.format.font.bold = v)],
  [(l) => l.size, (r, v: number) => (r.format.font.size = v)],
  [(l) => l.fill, (r, v: string) => (r.format.fill.color = v)],
  [(l) => H_ALIGN[l.horizontal], (r, v: Excel.HorizontalAlignment) => (r.format.horizontalAlignment = v)],
  [(l) => V_ALIGN[l.vertical], (r, v: Excel.VerticalAlignment) => (r.format.verticalAlignment = v)],
  [(l) => l.wrap || null, (r, v: boolean) => (r.format.wrapText = v)],
  // RangeFormat.indentLevel is ExcelApi 1.9: without it a list item is only set off by its "- ".
  [(l) => (l.indent > 0 && supportsExcelApi('1.9') ? l.indent : null), (r, v: number) => (r.format.indentLevel = v)],
  [(l) => l.border || null, (r) => setBorders(r)],
];

function setBorders(range: Excel.Range): void {
  for (const edge of BORDER_EDGES) {
    const border = range.format.borders.getItem(edge);
    border.style = 'Continuous';
    border.color = REPORT_BORDER_COLOR;
  }
}

/** Runs of consecutive rows in column `c` where `property` has one value (not null): one range each. */
function runsOf(
  model: ReportSheetModel,
  c: number,
  property: LookProperty,
): { start: number; end: number; value: string | number | boolean }[] {
  const runs: { start: number; end: number; value: string | number | boolean }[] = [];
  model.rows.forEach((row, r) => {
    const cell = row[c];
    const value = cell ? property(reportCellLook(cell)) : null;
    const last = runs[runs.length - 1];
    if (value === null) return;
    if (last && last.end === r && last.value === value) last.end = r + 1;
    else runs.push({ start: r, end: r + 1, value });
  });
  return runs;
}

/**
 * Queues every cell's look from the engine's table, one range per run of equal values of one
 * property in one column: a few dozen ranges whatever the number of units (the band column's
 * fill changes only where the band does, the ranking being in index order).
 */
function queueLooks(ws: Excel.Worksheet, model: ReportSheetModel): void {
  for (let c = 0; c < model.columnWidths.length; c++) {
    for (const [property, set] of LOOK_SETTERS) {
      for (const run of runsOf(model, c, property))
        set(ws.getRangeByIndexes(run.start, c, run.end - run.start, 1), run.value as never);
    }
  }
}

/**
 * The rows spanning the report's columns (title, paragraphs, captions) among rows [from, to),
 * merged so that a paragraph wraps within the page's width; their heights from the text, since
 * Excel does not autofit a merged cell. Queued after those rows' values.
 */
function queueSpans(ws: Excel.Worksheet, model: ReportSheetModel, from: number, to: number): void {
  const cols = model.columnWidths.length;
  const width = model.columnWidths.reduce((a, b) => a + b, 0);
  for (const r of model.spanRows) {
    const cell = model.rows[r]?.[0];
    if (r < from || r >= to || !cell || cols < 2) continue;
    const range = ws.getRangeByIndexes(r, 0, 1, cols);
    range.merge(false);
    const height =
      typeof cell.value === 'string'
        ? wrappedHeight(cell.value, width, REPORT_LOOK[cell.role].size ?? undefined)
        : null;
    if (height !== null) range.format.rowHeight = height;
  }
}

/**
 * Queues the whole report sheet: values (formats first, so text stays text), widths, each
 * cell's look, the chart, the marker, activation. Nothing is synced here.
 */
function queueSheet(
  ws: Excel.Worksheet,
  model: ReportSheetModel,
  name: string,
  firstChunk: { start: number; end: number },
): void {
  const cols = model.columnWidths.length;
  const { values, formats } = rectangle(model, cols);
  const block = ws.getRangeByIndexes(firstChunk.start, 0, firstChunk.end - firstChunk.start, cols);
  block.numberFormat = formats.slice(firstChunk.start, firstChunk.end);
  block.values = values.slice(firstChunk.start, firstChunk.end);

  model.columnWidths.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * POINTS_PER_CHAR;
  });
  queueLooks(ws, model);
  ws.getRangeByIndexes(0, 0, model.rows.length, cols).format.autofitRows();
  queueSpans(ws, model, firstChunk.start, firstChunk.end);

  if (model.chart) {
    const { headerRow, rowCount } = model.bandTable;
    const source = ws.getRangeByIndexes(headerRow, 0, rowCount + 1, 2);
    const chart = ws.charts.add('ColumnClustered', source, 'Auto');
    chart.title.text = model.chart.title;
    chart.setPosition(
      ws.getRangeByIndexes(model.chart.firstRow, 0, 1, 1),
      ws.getRangeByIndexes(model.chart.firstRow + model.chart.rows - 1, 1, 1, 1),
    );
  }

  const marker = ws.getRange(MARKER_ADDRESS);
  marker.numberFormat = [0, 1, 2, 3].map(() => [REPORT_LOOK.marker.numberFormat]);
  marker.values = model.marker(name).map((v) => [v]);
  ws.getRangeByIndexes(0, MARKER_COLUMN, 1, 1).format.columnWidth = 0; // hidden
  ws.activate();
}

/** What a report run saw before writing: the sheet ids and the name it chose, for the clean-up after a failed write. */
interface Seen {
  ids: Set<string> | null;
  name: string;
}

interface SheetRun {
  year: number;
  lang: Lang;
  /** The workbook's document language: the sheet's name is in it. */
  docLang: Lang;
  stats: ReportStats;
  seen: Seen;
  progress: Progress;
}

/** Two reads: the sheets, then each one's marker and protection. Finds this year's report sheet an earlier run made, and the name to use. */
async function findOurSheet(
  context: Excel.RequestContext,
  r: SheetRun,
): Promise<{ ours: Excel.Worksheet | null; name: string; base: string }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id,items/position');
  await context.sync();
  r.stats.readSyncs++;
  const markers = sheets.items.map((ws) => {
    const range = ws.getRange(MARKER_ADDRESS);
    range.load('values');
    ws.protection.load('protected');
    return range;
  });
  await context.sync();
  r.stats.readSyncs++;
  r.seen.ids = new Set(sheets.items.map((ws) => ws.id));
  const ours =
    sheets.items.find((ws, i) =>
      isOurReport(
        markers[i].values.map((row) => row[0]),
        r.year,
        ws.name,
      ),
    ) ?? null;
  if (ours?.protection.protected)
    throw new UserFacingError(fill(messages(r.lang).excel.reportProtected, { sheet: ours.name }), 'AccessDenied');
  const base = defaultReportSheetName(r.year, r.docLang);
  const name = pickReportSheetName(
    base,
    sheets.items.map((ws) => ws.name),
    ours?.name ?? null,
  );
  r.seen.name = name;
  return { ours, name, base };
}

/** The report's Excel.run: find the earlier sheet, then one write sync (more only for a ranking table over the request budget). */
async function writeSheet(
  context: Excel.RequestContext,
  model: ReportSheetModel,
  r: SheetRun,
): Promise<{ name: string; replaced: string | null; nameTaken: string | null }> {
  const { ours, name, base } = await findOurSheet(context, r);
  const { values, formats } = rectangle(model, model.columnWidths.length);
  const chunks = planChunks(values.length, (i) => gridBytes([values[i], formats[i]]), CHUNK_BUDGET_BYTES);
  r.progress('write', 0, values.length);
  if (supportsExcelApi('1.9')) context.application.suspendScreenUpdatingUntilNextSync();
  const position = ours?.position ?? null;
  if (ours) ours.delete();
  const ws = context.workbook.worksheets.add(name);
  if (position !== null) ws.position = position;
  queueSheet(ws, model, name, chunks[0] ?? { start: 0, end: values.length });
  // A4 portrait, one page wide, Decree 30/2020 margins, Times New Roman (print.ts); the marker column stays outside the print area.
  queueReportPage(ws, { top: 1, bottom: values.length, left: 0, right: model.columnWidths.length - 1 });
  await context.sync();
  r.stats.writeSyncs++;
  for (const chunk of chunks.slice(1)) {
    const range = ws.getRangeByIndexes(chunk.start, 0, chunk.end - chunk.start, model.columnWidths.length);
    range.numberFormat = formats.slice(chunk.start, chunk.end);
    range.values = values.slice(chunk.start, chunk.end);
    queueSpans(ws, model, chunk.start, chunk.end);
    r.progress('write', chunk.start, values.length);
    // Deliberate: only a ranking table over the request budget (thousands of units) takes more than one write.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    r.stats.writeSyncs++;
  }
  return { name, replaced: ours?.name ?? null, nameTaken: name === base ? null : base };
}

/**
 * Reads and scores the active sheet's table (the adapter's inspectWorkbook), then writes the
 * report sheet. A table with errors writes nothing; a failure in Excel leaves the workbook as it was.
 */
export async function writeReport(run: ExcelRun, options: ReportOptions): Promise<ReportOutcome> {
  const { rules, lang, settings } = options;
  const progress = options.progress ?? (() => {});
  const stats: ReportStats = { readSyncs: 0, writeSyncs: 0 };
  let inspection: Inspection | undefined;
  try {
    await leaveReportSheet(run);
    inspection = await inspectWorkbook(run, rules, lang, options.override, progress);
  } catch (error) {
    return {
      status: 'failed',
      message: officeErrorMessage(error, lang),
      code: (error as { code?: string }).code ?? 'Error',
      stats,
    };
  }
  if (inspection.errors.length > 0) {
    return {
      status: 'hasErrors',
      inspection,
      message: fill(messages(lang).excel.hasErrors, { count: inspection.errors.length }),
      stats,
    };
  }
  progress('score', 0, 1);
  const { result } = inspection;
  const docLang = options.docLang ?? lang;
  const narrative = generateNarrative(result, settings, docLang);
  const model = reportSheetModel(result, narrative, settings, docLang, CHART_ROWS);
  const year = settings.year;

  // What the run saw before writing, for the clean-up after a failed write.
  const seen: Seen = { ids: null, name: '' };
  try {
    const written = await run((context) => writeSheet(context, model, { year, lang, docLang, stats, seen, progress }));
    // The audit log records the report (its own run; a failure to log does not undo the report).
    if (options.audit)
      await appendAudit(run, [
        auditEntryFor('reportGenerated', result, { sheet: inspection.read.sheet, who: options.who }),
      ]).catch(() => undefined);
    progress('done', 1, 1);
    return {
      status: 'written',
      sheet: written.name,
      replaced: written.replaced,
      nameTaken: written.nameTaken,
      narrative,
      inspection,
      stats,
    };
  } catch (error) {
    if (seen.ids !== null && stats.writeSyncs === 0) await removeHalfSheet(run, seen.ids, seen.name);
    return {
      status: 'failed',
      message: officeErrorMessage(error, lang),
      code: (error as { code?: string }).code ?? 'Error',
      inspection,
      stats,
    };
  }
}

/**
 * When the active sheet is a report sheet this tool made (renamed or not), activates the scoring sheet its marker
 * names (if it still exists), so the table is read from there. One read; nothing else changes.
 */
async function leaveReportSheet(run: ExcelRun): Promise<void> {
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const active = sheets.getActiveWorksheet();
    active.load('name');
    const marker = active.getRange(MARKER_ADDRESS);
    marker.load('values');
    await context.sync();
    // Any report sheet, even one the user renamed (no longer ours to replace), holds no scoring table.
    const [tag, , , source] = marker.values.map((row) => String(row[0] ?? ''));
    if (tag !== REPORT_MARKER || source === '' || source === active.name) return;
    const target = sheets.items.find((ws) => ws.name === source);
    if (!target) return;
    target.activate();
    await context.sync();
  });
}

/** After a failed write: deletes the sheet this run added (a name and an id not there before), if Excel applied that much. */
async function removeHalfSheet(run: ExcelRun, before: Set<string>, name: string): Promise<void> {
  try {
    await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/id');
      await context.sync();
      const added = sheets.items.filter((ws) => !before.has(ws.id) && ws.name === name);
      for (const ws of added) ws.delete();
      if (added.length > 0) await context.sync();
    });
  } catch {
    // The write's own error is what the user needs to see.
  }
}

/** The narrative the report would carry, for a preview (nothing read or written). */
export function reportNarrative(inspection: Inspection, settings: ReportSettings, lang: Lang): Narrative {
  return generateNarrative(inspection.result, settings, lang);
}
