/**
 * The Office.js adapter: the only code that touches Excel.run. Reads the scoring table in a few
 * large batches, hands a plain grid to the engine, and writes the four output columns in one
 * batch per payload chunk. The number of context.sync() calls does not grow with the row count
 * except through payload chunks.
 */
import {
  OUTPUT_COLUMN_COUNT,
  columnLetter,
  detectLayout,
  fill,
  messages,
  readTable,
  scoreTable,
  ruleCheckColumns,
  ruleTableFindings,
  type CellValue,
  type Finding,
  type Lang,
  type Layout,
  type RoleOverrides,
  type Origin,
  type RuleSet,
  type ScoringResult,
} from '../engine';
import { UserFacingError, officeErrorMessage } from './errors';
import { writeOutput } from './output-write';
import type { GuardStop } from './safe-write';
import { CHUNK_BUDGET_BYTES, gridBytes } from './payload';

/** `Excel.run`, injected so tests and the workbench can pass a fake host. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export type TableSource = { kind: 'selection'; address: string } | { kind: 'table'; name: string } | { kind: 'sheet' };

/** A block of the active sheet read as plain values. */
export interface SheetRead {
  sheet: string;
  source: TableSource;
  /** Top-left of the grid in the sheet: 1-based row, 0-based column. */
  origin: Origin;
  grid: CellValue[][];
  /** Number formats of the grid's cells, where read (only the columns that need them). */
  formats: (string | undefined)[][];
  protected: boolean;
}

export type Progress = (step: 'locate' | 'read' | 'score' | 'write' | 'done', done: number, total: number) => void;

/** A user's corrections to the detected layout (grid coordinates) and to max points. */
export interface MappingOverride {
  layout?: Partial<Layout>;
  /** Max points per field column (grid column index), replacing the sheet's "Điểm tối đa" cell. */
  maxPoints?: Record<number, number>;
  /** Column roles the user confirmed, by grid column (the engine's RoleOverrides). */
  roles?: RoleOverrides;
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

export { supportsExcelApi } from './host';

/** Rows per read chunk before anything is known about cell sizes. */
const FIRST_READ_ROWS = 2000;

/**
 * Reads the scoring table's block: the selection when it is a block, else the first Excel
 * table on the active sheet, else the sheet's used range. Values only, in row chunks sized
 * from the bytes of the previous chunk.
 */
async function readBlock(context: Excel.RequestContext, counter: SyncCounter, progress: Progress): Promise<SheetRead> {
  progress('locate', 0, 1);
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name, protection/protected');
  const selection = context.workbook.getSelectedRange();
  selection.load('address, rowIndex, columnIndex, rowCount, columnCount');
  // A navigation property returns a proxy; nothing is read from the sheet here.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  const tables = sheet.tables;
  tables.load('items/name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex, columnIndex, rowCount, columnCount');
  await context.sync();
  counter.syncs++;

  let source: TableSource;
  let bounds: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number };
  if (selection.rowCount > 1 && selection.columnCount > 1) {
    source = { kind: 'selection', address: selection.address.split('!').pop() as string };
    bounds = selection;
  } else if (tables.items.length > 0) {
    const table = tables.items[0];
    const range = table.getRange();
    range.load('rowIndex, columnIndex, rowCount, columnCount');
    await context.sync();
    counter.syncs++;
    source = { kind: 'table', name: table.name };
    bounds = range;
  } else {
    source = { kind: 'sheet' };
    bounds = used.isNullObject ? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 } : used;
  }

  // A used range that starts below row 1 still reads from A1, so addresses stay natural.
  const top = source.kind === 'sheet' ? 0 : bounds.rowIndex;
  const left = source.kind === 'sheet' ? 0 : bounds.columnIndex;
  const rowCount = bounds.rowIndex + bounds.rowCount - top;
  const colCount = bounds.columnIndex + bounds.columnCount - left;
  const grid: CellValue[][] = [];
  let rowsPerChunk = Math.max(1, Math.min(FIRST_READ_ROWS, Math.floor(CHUNK_BUDGET_BYTES / Math.max(1, colCount * 24))));
  for (let start = 0; start < rowCount && colCount > 0; ) {
    const n = Math.min(rowsPerChunk, rowCount - start);
    const range = sheet.getRangeByIndexes(top + start, left, n, colCount);
    range.load('values');
    progress('read', start, rowCount);
    // One sync per payload chunk, by design: a chunk is the most Excel on the web accepts in one request.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    counter.syncs++;
    counter.readChunks++;
    const values = range.values as CellValue[][];
    for (const row of values) grid.push(row);
    const bytesPerRow = gridBytes(values) / n;
    rowsPerChunk = Math.max(1, Math.floor(CHUNK_BUDGET_BYTES / Math.max(1, bytesPerRow)));
    start += n;
  }
  return {
    sheet: sheet.name,
    source,
    origin: { row: top + 1, col: left },
    grid,
    formats: [],
    protected: sheet.protection.protected,
  };
}

function describeSource(read: SheetRead, lang: Lang): string {
  const m = messages(lang).excel;
  if (read.source.kind === 'selection') return fill(m.sourceSelection, { address: read.source.address });
  if (read.source.kind === 'table') return fill(m.sourceTable, { name: read.source.name });
  return m.sourceSheet;
}

/** The table's layout: the one found (with the user's corrections), or the user's own; else the error saying what was looked for. */
function layoutOf(read: SheetRead, lang: Lang, override: MappingOverride | undefined): Layout {
  const detected = detectLayout(read.grid, undefined, read.origin, override?.roles);
  if (detected.ok) return { ...detected.layout, ...override?.layout };
  if (override?.layout && isCompleteLayout(override.layout)) return override.layout;
  const reason = fill(messages(lang).layout[detected.reason], { detail: detected.detail });
  const error = new UserFacingError(fill(messages(lang).excel.notFound, { sheet: read.sheet, source: describeSource(read, lang), reason }), detected.reason === 'uncertain' ? 'uncertainColumns' : 'notFound');
  // Columns whose role is uncertain: the mapping proposed travels with the error, for the pane to show and confirm (override.roles).
  if (detected.reason === 'uncertain') throw Object.assign(error, { proposal: detected.proposal });
  throw error;
}

/** The grid with the user's max points in the max row, where given. */
function withMaxPoints(grid: CellValue[][], layout: Layout, override: MappingOverride | undefined): CellValue[][] {
  if (!override?.maxPoints) return grid;
  const out = grid.slice();
  const maxRow = out[layout.maxRow].slice();
  for (const [col, max] of Object.entries(override.maxPoints)) maxRow[Number(col)] = max;
  out[layout.maxRow] = maxRow;
  return out;
}

/** Last year's (and the authority's) index may be a fraction shown as a percentage: the number formats of those columns tell (one sync, none without them). */
async function readPercentFormats(context: Excel.RequestContext, counter: SyncCounter, read: SheetRead, layout: Layout): Promise<(string | undefined)[][]> {
  const formats: (string | undefined)[][] = [];
  const unitCount = layout.endRow - layout.firstUnitRow;
  const percentCols = [layout.lastYearIndexCol, layout.authorityIndexCol ?? null].filter((c): c is number => c !== null);
  if (percentCols.length === 0 || unitCount <= 0) return formats;
  const sheet = context.workbook.worksheets.getItem(read.sheet);
  const ranges = percentCols.map((c) => {
    const range = sheet.getRangeByIndexes(read.origin.row - 1 + layout.firstUnitRow, read.origin.col + c, unitCount, 1);
    range.load('numberFormat');
    return range;
  });
  await context.sync();
  counter.syncs++;
  for (let i = 0; i < unitCount; i++) {
    const row: (string | undefined)[] = [];
    percentCols.forEach((c, j) => (row[c] = (ranges[j].numberFormat as string[][])[i]?.[0]));
    formats[layout.firstUnitRow + i] = row;
  }
  return formats;
}

/** Finds the layout (or applies the user's), reads the last-year formats, validates and scores. */
async function inspectRead(
  context: Excel.RequestContext,
  counter: SyncCounter,
  read: SheetRead,
  rules: RuleSet,
  lang: Lang,
  override: MappingOverride | undefined,
): Promise<Inspection> {
  const layout = layoutOf(read, lang, override);
  const grid = withMaxPoints(read.grid, layout, override);
  const formats = await readPercentFormats(context, counter, read, layout);
  read.formats = formats;

  const { table, findings: readFindings } = readTable(grid, layout, read.sheet, { origin: read.origin, formats, rules });
  const findings = [...readFindings, ...ruleTableFindings(table, rules, ruleCheckColumns(layout.bonusCol, layout.deductionCol, read.origin.col))];
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
    const read = await readBlock(context, counter, progress);
    return inspectRead(context, counter, read, rules, lang, override);
  });
}

export interface ScoreOptions {
  rules: RuleSet;
  lang: Lang;
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
      const read = await readBlock(context, counter, progress);
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
      const undo = await writeOutput(context, counter, inspection, lang, progress);
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
