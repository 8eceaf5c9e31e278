/**
 * The Office.js adapter: the only code that touches Excel.run. Reads the scoring table in a few
 * large batches, hands a plain grid to the engine, and writes the four output columns in one
 * batch per payload chunk. The number of context.sync() calls does not grow with the row count
 * except through payload chunks.
 */
import {
  BAND_FILL,
  INDEX_NUMBER_FORMAT,
  OUTPUT_COLUMN_COUNT,
  bandLabel,
  cellAddress,
  columnLetter,
  detectLayout,
  fill,
  messages,
  isOwnOutputRow,
  outputBlock,
  qualifiedAddress,
  readTable,
  scoreTable,
  type CellValue,
  type Finding,
  type Lang,
  type Layout,
  type RuleSet,
  type ScoringResult,
} from '../engine';
import { UserFacingError, officeErrorMessage } from './errors';
import { locateBlock, type BlockRead, type SheetChoice } from './locate';
import type { GuardStop } from './safe-write';
import { gridBytes, planChunks } from './payload';

/** `Excel.run`, injected so tests and the workbench can pass a fake host. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export type { TableSource, SheetChoice } from './locate';

/** A block of a sheet read as plain values (locate.ts). */
export type SheetRead = BlockRead;

export type Progress = (step: 'locate' | 'read' | 'score' | 'write' | 'done', done: number, total: number) => void;

/** A user's corrections to the detected layout (grid coordinates) and to max points. */
export interface MappingOverride {
  layout?: Partial<Layout>;
  /** Max points per field column (grid column index), replacing the sheet's "Điểm tối đa" cell. */
  maxPoints?: Record<number, number>;
  /** Which sheet to read: the user's choice, or the one found last (locate.ts). */
  choice?: SheetChoice;
  /** The sheet `layout` and `maxPoints` were set on: on any other sheet they do not apply. */
  sheet?: string;
}

/** The override's layout and max points when they were set on `sheet` (or on no sheet in particular). */
export function overrideFor(override: MappingOverride | undefined, sheet: string): MappingOverride | undefined {
  if (!override || override.sheet === undefined || override.sheet === sheet) return override;
  return { choice: override.choice };
}

export interface Inspection {
  read: SheetRead;
  layout: Layout;
  findings: Finding[];
  errors: Finding[];
  warnings: Finding[];
  result: ScoringResult;
  /** Sheet columns (letters) of the output block. */
  outputColumns: string[];
}

export interface RunStats {
  syncs: number;
  readChunks: number;
  writeChunks: number;
}

export type ScoreOutcome =
  | { status: 'written'; inspection: Inspection; stats: RunStats }
  | { status: 'hasErrors'; inspection: Inspection; message: string; stats: RunStats }
  | { status: 'failed'; message: string; code: string; stats: RunStats; inspection?: Inspection }
  | (GuardStop & { inspection: Inspection; stats: RunStats });

/** Counts the round trips of one run (each `context.sync()` is followed by `syncs++`). */
class SyncCounter {
  syncs = 0;
  readChunks = 0;
  writeChunks = 0;
  stats(): RunStats {
    return { syncs: this.syncs, readChunks: this.readChunks, writeChunks: this.writeChunks };
  }
}

/**
 * Whether the host supports an ExcelApi requirement set. The manifest asks for 1.7; calls from
 * later sets (screen updating: 1.9) are made only where the host has them.
 */
export function supportsExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported('ExcelApi', version) : true;
}

/**
 * Finds and reads the scoring table's block (locate.ts): the sheet the user chose, else the active
 * sheet (its selection when it is a block, else its first Excel table, else its used range), else
 * the sheet found last, else the other sheets in tab order.
 */
async function readBlock(context: Excel.RequestContext, counter: SyncCounter, progress: Progress, lang: Lang, override: MappingOverride | undefined): Promise<SheetRead> {
  return locateBlock(context, {
    lang,
    choice: override?.choice,
    layoutFor: (sheet) => overrideFor(override, sheet)?.layout,
    isComplete: isCompleteLayout,
    sync: async () => {
      await context.sync();
      counter.syncs++;
    },
    onChunk: () => counter.readChunks++,
    progress,
  });
}

function describeSource(read: SheetRead, lang: Lang): string {
  const m = messages(lang).excel;
  if (read.source.kind === 'selection') return fill(m.sourceSelection, { address: read.source.address });
  if (read.source.kind === 'table') return fill(m.sourceTable, { name: read.source.name });
  return m.sourceSheet;
}

/** Finds the layout (or applies the user's), reads the last-year formats, validates and scores. */
async function inspectRead(
  context: Excel.RequestContext,
  counter: SyncCounter,
  read: SheetRead,
  rules: RuleSet,
  lang: Lang,
  overrideAny: MappingOverride | undefined,
): Promise<Inspection> {
  const override = overrideFor(overrideAny, read.sheet);
  let layout: Layout;
  const detected = detectLayout(read.grid, undefined, read.origin);
  if (detected.ok) layout = { ...detected.layout, ...override?.layout };
  else if (override?.layout && isCompleteLayout(override.layout)) layout = override.layout;
  else {
    const reason = detected.ok ? '' : fill(messages(lang).layout[detected.reason], { detail: detected.detail });
    throw new UserFacingError(fill(messages(lang).excel.notFound, { sheet: read.sheet, source: describeSource(read, lang), reason }), 'notFound');
  }

  let grid = read.grid;
  if (override?.maxPoints) {
    grid = grid.slice();
    const maxRow = grid[layout.maxRow].slice();
    for (const [col, max] of Object.entries(override.maxPoints)) maxRow[Number(col)] = max;
    grid[layout.maxRow] = maxRow;
  }

  // Last year's index may be a fraction shown as a percentage: its number format tells.
  const formats: (string | undefined)[][] = [];
  const unitCount = layout.endRow - layout.firstUnitRow;
  if (layout.lastYearIndexCol !== null && unitCount > 0) {
    const sheet = context.workbook.worksheets.getItem(read.sheet);
    const range = sheet.getRangeByIndexes(read.origin.row - 1 + layout.firstUnitRow, read.origin.col + layout.lastYearIndexCol, unitCount, 1);
    range.load('numberFormat');
    await context.sync();
    counter.syncs++;
    const nf = range.numberFormat as string[][];
    for (let i = 0; i < unitCount; i++) {
      const row: (string | undefined)[] = [];
      row[layout.lastYearIndexCol] = nf[i]?.[0];
      formats[layout.firstUnitRow + i] = row;
    }
  }
  read.formats = formats;

  const { table, findings } = readTable(grid, layout, read.sheet, { origin: read.origin, formats, rules });
  const result = scoreTable(table, rules);
  const outputStart = read.origin.col + (layout.outputCol ?? layout.outputTargetCol);
  return {
    read,
    layout,
    findings,
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
    result,
    outputColumns: Array.from({ length: OUTPUT_COLUMN_COUNT }, (_, i) => columnLetter(outputStart + i)),
  };
}

function isCompleteLayout(l: Partial<Layout>): l is Layout {
  return l.headerRow !== undefined && l.maxRow !== undefined && l.firstUnitRow !== undefined && l.endRow !== undefined && l.nameCol !== undefined && Array.isArray(l.fieldCols) && l.outputTargetCol !== undefined;
}

/** Reads and scores the active sheet's table without writing anything. */
export async function inspectWorkbook(run: ExcelRun, rules: RuleSet, lang: Lang, override?: MappingOverride, progress: Progress = () => {}): Promise<Inspection> {
  return run(async (context) => {
    const counter = new SyncCounter();
    const read = await readBlock(context, counter, progress, lang, override);
    return inspectRead(context, counter, read, rules, lang, override);
  });
}

/** The cells a previous state of the output block held, to put back if a write fails midway. */
interface Restore {
  clear: boolean;
  values: CellValue[][];
}

/**
 * Writes the output block: header, a blank max row, one row per unit; index as a percentage,
 * band and note as text (so nothing becomes a formula), a fill per band by conditional format.
 */
async function writeOutput(context: Excel.RequestContext, counter: SyncCounter, inspection: Inspection, lang: Lang, progress: Progress): Promise<() => Promise<void>> {
  const { read, layout, result } = inspection;
  const sheet = context.workbook.worksheets.getItem(read.sheet);
  const ownBlock = layout.outputCol !== null;
  const col = layout.outputCol ?? layout.outputTargetCol;
  const sheetCol = read.origin.col + col;
  const firstSheetRow = read.origin.row - 1 + layout.headerRow; // 0-based

  // Never write over input: the target columns must be empty unless they are our own block.
  const occupied = (r: number, c: number): never => {
    const address = cellAddress(read.origin.row + r, read.origin.col + c);
    throw new UserFacingError(fill(messages(lang).excel.outputNotEmpty, { column: columnLetter(read.origin.col + c), cell: qualifiedAddress(read.sheet, address) }), 'outputNotEmpty');
  };
  if (!ownBlock) {
    for (let r = layout.headerRow; r < read.grid.length; r++) {
      for (let c = col; c < col + OUTPUT_COLUMN_COUNT; c++) {
        const v = read.grid[r]?.[c];
        if (v !== undefined && v !== null && v !== '') occupied(r, c);
      }
    }
  }
  // A selection or a table ends where it ends: the cells right of it, where the output goes, were
  // not read with it. Look at them in the sheet before writing there (one sync).
  if (!ownBlock && read.source.kind !== 'sheet') {
    const target = sheet.getRangeByIndexes(firstSheetRow, sheetCol, layout.endRow - layout.headerRow, OUTPUT_COLUMN_COUNT);
    target.load('values');
    await context.sync();
    counter.syncs++;
    const values = target.values as CellValue[][];
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== '') occupied(layout.headerRow + i, col + j);
      }),
    );
  }

  const block = outputBlock(result, lang);
  const rows: CellValue[][] = [block.headers.slice(), ['', '', '', '']];
  for (const r of block.rows) rows.push(r);
  const formats: string[][] = [['@', '@', '@', '@'], ['@', '@', '@', '@']];
  for (let i = 0; i < block.rows.length; i++) formats.push([INDEX_NUMBER_FORMAT, '0', '@', '@']);
  // Rows of an earlier, longer output block below the table: cleared.
  const oldEnd = ownBlock ? endOfOwnRows(read.grid, col, layout.endRow, result.rules) : layout.endRow;
  for (let r = layout.endRow; r < oldEnd; r++) {
    rows.push(['', '', '', '']);
    formats.push(['General', 'General', 'General', 'General']);
  }

  const restore: Restore = {
    clear: !ownBlock,
    values: read.grid.slice(layout.headerRow, layout.headerRow + rows.length).map((row) => {
      const out: CellValue[] = [];
      for (let c = col; c < col + OUTPUT_COLUMN_COUNT; c++) out.push(row?.[c] ?? '');
      return out;
    }),
  };

  // Inside an Excel table, the output columns become table columns.
  const addedTableColumns: Excel.TableColumn[] = [];
  if (read.source.kind === 'table' && !ownBlock) {
    const table = sheet.tables.getItem(read.source.name);
    for (const h of block.headers) addedTableColumns.push(table.columns.add(undefined, undefined, h));
  }

  const chunks = planChunks(rows.length, (i) => gridBytes([rows[i], formats[i]]));
  let written = 0;
  try {
    for (const chunk of chunks) {
      if (supportsExcelApi('1.9')) context.application.suspendScreenUpdatingUntilNextSync();
      context.application.suspendApiCalculationUntilNextSync();
      const range = sheet.getRangeByIndexes(firstSheetRow + chunk.start, sheetCol, chunk.end - chunk.start, OUTPUT_COLUMN_COUNT);
      range.numberFormat = formats.slice(chunk.start, chunk.end);
      range.values = rows.slice(chunk.start, chunk.end) as (string | number)[][];
      if (chunk.start === 0) {
        const all = sheet.getRangeByIndexes(firstSheetRow, sheetCol, rows.length, OUTPUT_COLUMN_COUNT);
        const header = sheet.getRangeByIndexes(firstSheetRow, sheetCol, 1, OUTPUT_COLUMN_COUNT);
        header.format.font.bold = true;
        header.format.wrapText = true;
        const bandCol = sheet.getRangeByIndexes(firstSheetRow + 2, sheetCol + 2, Math.max(1, block.rows.length), 1);
        bandCol.conditionalFormats.clearAll();
        for (const band of result.rules.bands) {
          const colour = BAND_FILL[band.code];
          if (!colour) continue;
          const cf = bandCol.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
          cf.cellValue.format.fill.color = colour;
          cf.cellValue.rule = { formula1: `="${bandLabel(result.rules, band.code, lang).replace(/"/g, '""')}"`, operator: Excel.ConditionalCellValueOperator.equalTo };
        }
        sheet.getRangeByIndexes(firstSheetRow, sheetCol, 1, 1).format.columnWidth = 70;
        sheet.getRangeByIndexes(firstSheetRow, sheetCol + 1, 1, 1).format.columnWidth = 55;
        sheet.getRangeByIndexes(firstSheetRow, sheetCol + 2, 1, 1).format.columnWidth = 160;
        sheet.getRangeByIndexes(firstSheetRow, sheetCol + 3, 1, 1).format.columnWidth = 320;
        all.format.verticalAlignment = Excel.VerticalAlignment.top;
      }
      progress('write', chunk.start, rows.length);
      // One sync per payload chunk, by design: a chunk is the most Excel on the web accepts in one request.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      counter.syncs++;
      counter.writeChunks++;
      written++;
    }
  } catch (error) {
    if (written > 0 || addedTableColumns.length > 0) await rollBack(context, counter, sheet, firstSheetRow, sheetCol, rows.length, restore, addedTableColumns);
    throw Object.assign(error as object, { rolledBack: written > 0 });
  }
  return () => rollBack(context, counter, sheet, firstSheetRow, sheetCol, rows.length, restore, addedTableColumns);
}

/**
 * Where an earlier, longer output block ends: the rows right under the table whose four output
 * cells look exactly like our own output (isOwnOutputRow). Anything else there (a signature
 * typed under "Ghi chú") ends the search and is left alone.
 */
function endOfOwnRows(grid: CellValue[][], col: number, from: number, rules: RuleSet): number {
  let r = from;
  while (r < grid.length) {
    const cells = [0, 1, 2, 3].map((i) => grid[r]?.[col + i] ?? null);
    if (cells.every((v) => v === null || v === '') || !isOwnOutputRow(cells, rules)) break;
    r++;
  }
  return r;
}

/** Puts the output columns back as they were before a write that failed partway. */
async function rollBack(
  context: Excel.RequestContext,
  counter: SyncCounter,
  sheet: Excel.Worksheet,
  firstRow: number,
  col: number,
  rowCount: number,
  restore: Restore,
  addedTableColumns: Excel.TableColumn[],
): Promise<void> {
  try {
    for (const c of addedTableColumns) c.delete();
    const range = sheet.getRangeByIndexes(firstRow, col, rowCount, OUTPUT_COLUMN_COUNT);
    if (restore.clear) {
      range.conditionalFormats.clearAll();
      range.clear();
    }
    else {
      const chunks = planChunks(restore.values.length, (i) => gridBytes([restore.values[i]]));
      for (const chunk of chunks) {
        sheet.getRangeByIndexes(firstRow + chunk.start, col, chunk.end - chunk.start, OUTPUT_COLUMN_COUNT).values = restore.values.slice(chunk.start, chunk.end) as (string | number)[][];
        // One sync per payload chunk, by design: a chunk is the most Excel on the web accepts in one request.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        counter.syncs++;
      }
      return;
    }
    await context.sync();
    counter.syncs++;
  } catch {
    // The original error is what the user needs to see; a failed rollback cannot do better.
  }
}

export interface ScoreOptions {
  rules: RuleSet;
  lang: Lang;
  /** The workbook's document language: headers, band names and notes are written in it (default: `lang`). */
  docLang?: Lang;
  override?: MappingOverride;
  progress?: Progress;
  /** Runs after scoring, before anything is written; a stop makes the run write nothing (safe-write.ts). */
  beforeWrite?: WriteHook<GuardStop | null>;
  /** Runs after the output is written, in the same Excel.run (owned sheets, audit log). */
  afterWrite?: WriteHook<void>;
}

/** A hook of a scoring run: the run's context, what it scored, and a sync that the run's stats count. */
export type WriteHook<T> = (context: Excel.RequestContext, inspection: Inspection, sync: () => Promise<void>) => Promise<T>;

/**
 * Reads, validates, scores and, when the data has no errors, writes the output columns.
 * A run with errors writes nothing; a run that fails in Excel leaves the sheet as it was.
 */
export async function scoreWorkbook(run: ExcelRun, options: ScoreOptions): Promise<ScoreOutcome> {
  const { rules, lang } = options;
  const progress = options.progress ?? (() => {});
  let counter: SyncCounter | null = null;
  let inspection: Inspection | undefined;
  let sheetName = '';
  try {
    return await run(async (context) => {
      counter = new SyncCounter();
      const read = await readBlock(context, counter, progress, lang, options.override);
      sheetName = read.sheet;
      progress('score', 0, 1);
      inspection = await inspectRead(context, counter, read, rules, lang, options.override);
      if (inspection.errors.length > 0) {
        return { status: 'hasErrors', inspection, message: fill(messages(lang).excel.hasErrors, { count: inspection.errors.length }), stats: counter.stats() } as const;
      }
      if (read.protected) throw Object.assign(new Error('protected'), { code: 'AccessDenied' });
      const runCounter = counter;
      const sync = async () => {
        await context.sync();
        runCounter.syncs++;
      };
      const stop = options.beforeWrite ? await options.beforeWrite(context, inspection, sync) : null;
      if (stop) return { ...stop, inspection, stats: counter.stats() };
      const undo = await writeOutput(context, counter, inspection, options.docLang ?? lang, progress);
      if (options.afterWrite) {
        try {
          await options.afterWrite(context, inspection, sync);
        } catch (error) {
          // The run did not finish (its record or log was not written): its output goes too.
          await undo();
          throw Object.assign(error as object, { rolledBack: true });
        }
      }
      progress('done', 1, 1);
      return { status: 'written', inspection, stats: counter.stats() } as const;
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'Error';
    let message = officeErrorMessage(error, lang, sheetName);
    if ((error as { rolledBack?: boolean }).rolledBack) message += messages(lang).excel.rolledBack;
    const stats = (counter as SyncCounter | null)?.stats() ?? { syncs: 0, readChunks: 0, writeChunks: 0 };
    return { status: 'failed', message, code, stats, inspection };
  }
}

/** Selects a cell (`Sheet!D7` or `'Tổng hợp'!D7`) so the user sees it: used by the error list. */
export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/**
 * Calls `onActivated(worksheetId)` whenever a worksheet becomes the active one
 * (worksheets.onActivated, ExcelApi 1.7, one round trip to register). Returns a function that
 * stops the calls; where the host lacks the event, nothing is registered and the pane relies on
 * its re-read button.
 */
export async function watchActivation(run: ExcelRun, onActivated: (worksheetId: string) => void): Promise<() => void> {
  let live = true;
  if (!supportsExcelApi('1.7')) return () => undefined;
  const handler = await run(async (context) => {
    const result = context.workbook.worksheets.onActivated.add(async (args: Excel.WorksheetActivatedEventArgs) => {
      if (live) onActivated(args.worksheetId);
    });
    await context.sync();
    return result;
  });
  return () => {
    live = false;
    // Best effort: the registration's own context removes it; a closed context leaves it inert (live is false).
    try {
      handler.remove();
      void handler.context.sync().catch(() => undefined);
    } catch {
      // inert anyway
    }
  };
}
