/**
 * The Office.js adapter: the only code that touches Excel.run. Reads the scoring table in a few
 * large batches, hands a plain grid to the engine, and writes the four output columns in one
 * batch per payload chunk. The number of context.sync() calls does not grow with the row count
 * except through payload chunks.
 */
import {
  OUTPUT_COLUMN_COUNT,
  columnLetter,
  fill,
  isCompleteLayout,
  messages,
  occupiedOutputCells,
  freeOutputColumn,
  MAPPING_SHEET,
  staleMappingFinding,
  storedRolesFor,
  scoreGrid,
  type Finding,
  type Lang,
  type Layout,
  type RoleOverrides,
  type RuleSet,
  type SheetScoring,
  type ScoringResult,
  type StoredMapping,
} from '../engine';
import { UserFacingError, officeErrorMessage } from './errors';
import { locateBlock, type BlockRead, type SheetChoice } from './locate';
import { supportsExcelApi } from './host';
import { writeOutput } from './output-write';
import { queueScoringPrint, type Box } from './print';
import type { GuardStop } from './safe-write';

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
  /** Column roles the user confirmed, by grid column (the engine's RoleOverrides). */
  roles?: RoleOverrides;
  /** Which sheet to read: the user's choice, or the one found last (locate.ts). */
  choice?: SheetChoice;
  /** The sheet `layout`, `maxPoints` and `roles` were set on: on any other sheet they do not apply. */
  sheet?: string;
  /** Mappings confirmed earlier and stored in the workbook (mapping-store.ts): used when `roles` gives none. */
  stored?: readonly StoredMapping[];
}

/** The override's corrections when they were set on `sheet` (or on no sheet in particular). */
export function overrideFor(override: MappingOverride | undefined, sheet: string): MappingOverride | undefined {
  if (!override || override.sheet === undefined || override.sheet === sheet) return override;
  return { choice: override.choice, stored: override.stored };
}

export interface Inspection {
  read: SheetRead;
  layout: Layout;
  findings: Finding[];
  errors: Finding[];
  warnings: Finding[];
  result: ScoringResult;
  /** Output cells already in use on a first run (A1 addresses, sheet rows): the run would stop on them. */
  occupied: string[];
  /** Where the block could go instead (a sheet column letter), when `occupied` is not empty. */
  freeColumn: string | null;
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

/**
 * Finds and reads the scoring table's block (locate.ts): the sheet the user chose, else the active
 * sheet (its selection when it is a block, else its first Excel table, else its used range), else
 * the sheet found last, else the other sheets in tab order.
 */
async function readBlock(
  context: Excel.RequestContext,
  counter: SyncCounter,
  how: {
    progress: Progress;
    lang: Lang;
    override: MappingOverride | undefined;
    onSheets?: (names: ReadonlySet<string>) => void;
  },
): Promise<SheetRead> {
  const { override } = how;
  return locateBlock(context, {
    lang: how.lang,
    choice: override?.choice,
    layoutFor: (sheet) => overrideFor(override, sheet)?.layout,
    isComplete: isCompleteLayout,
    sync: async () => {
      await context.sync();
      counter.syncs++;
    },
    onChunk: () => counter.readChunks++,
    onSheets: how.onSheets,
    progress: how.progress,
  });
}

function describeSource(read: SheetRead, lang: Lang): string {
  const m = messages(lang).excel;
  if (read.source.kind === 'selection') return fill(m.sourceSelection, { address: read.source.address });
  if (read.source.kind === 'table') return fill(m.sourceTable, { name: read.source.name });
  return m.sourceSheet;
}

/** Why the block holds no table, as the error the pane shows (with the proposed mapping when columns are uncertain). */
function notFoundError(
  read: SheetRead,
  located: Exclude<SheetScoring, { found: true }>,
  lang: Lang,
  stale: readonly string[] = [],
): UserFacingError {
  const reason = fill(messages(lang).layout[located.reason], { detail: located.detail });
  // A stored mapping not used because its headers changed: why the table is read from its headers.
  const staleNote =
    stale.length > 0
      ? ' ' +
        fill(messages(lang).columns.storedMapStale, {
          sheet: read.sheet,
          store: MAPPING_SHEET,
          columns: stale.join(', '),
        })
      : '';
  const error = new UserFacingError(
    fill(messages(lang).excel.notFound, { sheet: read.sheet, source: describeSource(read, lang), reason }) + staleNote,
    located.reason === 'uncertain' ? 'uncertainColumns' : 'notFound',
  );
  // Columns whose role is uncertain: the mapping proposed travels with the error, for the pane to show and confirm (override.roles).
  return located.reason === 'uncertain' ? Object.assign(error, { proposal: located.proposal }) : error;
}

/**
 * The roles the table is read with: the user's, else the stored mapping's while it fits; the
 * stored mapping is looked at once, and the columns whose headers changed since are returned to be said.
 */
function rolesFor(read: SheetRead, override: MappingOverride | undefined): { roles?: RoleOverrides; stale: string[] } {
  if (override?.roles || !override?.stored) return { roles: override?.roles, stale: [] };
  const stored = storedRolesFor(override.stored, read.sheet, read.grid, read.origin);
  if (!stored) return { stale: [] };
  return stored.stale.length === 0 ? { roles: stored.roles, stale: [] } : { stale: stored.stale };
}

/**
 * Scores the block read through the engine's one entry (scoreGrid), as the CLI does: same grid,
 * same formats, same answer; the user's corrections (layout, max points, roles) go with it.
 */
function inspectRead(
  read: SheetRead,
  rules: RuleSet,
  lang: Lang,
  overrideAny: MappingOverride | undefined,
): Inspection {
  const override = overrideFor(overrideAny, read.sheet);
  const { roles, stale } = rolesFor(read, override);
  const options = {
    origin: read.origin,
    roles,
    layout: override?.layout,
    maxPoints: override?.maxPoints,
    formats: read.formats,
  };
  const scoring = scoreGrid(read.grid, read.sheet, rules, options);
  if (!scoring.found) throw notFoundError(read, scoring, lang, stale);
  const { layout } = scoring;
  const staleWarning =
    stale.length > 0 ? [staleMappingFinding(read.sheet, stale, read.origin.row + layout.headerRow)] : [];
  const outputStart = read.origin.col + (layout.outputCol ?? layout.outputTargetCol);
  return {
    read,
    layout,
    findings: [...staleWarning, ...scoring.findings],
    errors: scoring.errors,
    warnings: [...staleWarning, ...scoring.warnings],
    result: scoring.result,
    outputColumns: Array.from({ length: OUTPUT_COLUMN_COUNT }, (_, i) => columnLetter(outputStart + i)),
    ...occupiedOf(read, layout),
  };
}

/**
 * The output cells in use, seen in the block read (the engine's guard, as the write applies it);
 * a selection or Excel table ends where it ends, so the cells right of it are checked at write time.
 */
function occupiedOf(read: SheetRead, layout: Layout): { occupied: string[]; freeColumn: string | null } {
  // A transposed table: nothing is written into it, so no output cell is in use.
  if (layout.transposed) return { occupied: [], freeColumn: null };
  const occupied = occupiedOutputCells(read.grid, layout, read.origin);
  if (occupied.length === 0) return { occupied, freeColumn: null };
  const free = freeOutputColumn(read.grid, layout);
  return { occupied, freeColumn: free === null ? null : columnLetter(read.origin.col + free) };
}

/** The output block's cells in the sheet: header row to last unit row, its four columns. */
function outputBox(inspection: Inspection): Box {
  const { read, layout } = inspection;
  const left = read.origin.col + (layout.outputCol ?? layout.outputTargetCol);
  return {
    top: read.origin.row + layout.headerRow,
    bottom: read.origin.row + layout.endRow - 1,
    left,
    right: left + OUTPUT_COLUMN_COUNT - 1,
  };
}

/** Reads and scores the active sheet's table without writing anything. */
export async function inspectWorkbook(
  run: ExcelRun,
  rules: RuleSet,
  lang: Lang,
  override?: MappingOverride,
  progress: Progress = () => {},
): Promise<Inspection> {
  return run(async (context) => {
    const counter = new SyncCounter();
    const read = await readBlock(context, counter, { progress, lang, override });
    return inspectRead(read, rules, lang, override);
  });
}

export interface ScoreOptions {
  /** The rules to score with (when `owned` is given, the rules it chooses replace these). */
  rules: RuleSet;
  lang: Lang;
  /** The workbook's document language: headers, band names and notes are written in it (default: `lang`). */
  docLang?: Lang;
  override?: MappingOverride;
  progress?: Progress;
  /** Reads that ride on the table's read, and the rules they choose (replacing `rules`; null: stop, nothing written). */
  owned?: OwnedHook;
  /** Runs after scoring, before anything is written; a stop makes the run write nothing (safe-write.ts). */
  beforeWrite?: WriteHook<GuardStop | null>;
  /**
   * Queues what goes with the output (owned sheets, audit log): it rides on the write's last sync.
   * When that sync fails, the output is taken back.
   */
  afterWrite?: (context: Excel.RequestContext, inspection: Inspection) => void;
}

/**
 * Queues reads once the run's first round trip has named the workbook's sheets; they ride on the
 * table's read (no round trip of their own). The function it returns, called after that read,
 * gives the rules to score with and the override to read the table with (replacing the options'),
 * or null to stop the run there (nothing written).
 */
export type OwnedHook = (context: Excel.RequestContext, sheets: ReadonlySet<string>) => () => OwnedChoice | null;

/** What the owned sheets decide for a run: its rules, and its override (the user's, with what the workbook stores). */
export interface OwnedChoice {
  rules: RuleSet;
  override?: MappingOverride;
}

/** A hook of a scoring run: the run's context, what it scored, and a sync that the run's stats count. */
export type WriteHook<T> = (
  context: Excel.RequestContext,
  inspection: Inspection,
  sync: () => Promise<void>,
) => Promise<T>;

/** Code of a run its `owned` hook stopped (outcome 'failed', empty message: the hook's caller says why). */
export const STOPPED = 'Stopped';

/** The rules and override to score with: the owned hook's choice (synced by the table's read, or now if nothing was read), else the options'. */
async function rulesOf(
  context: Excel.RequestContext,
  counter: SyncCounter,
  options: ScoreOptions,
  hooked: { rules: (() => OwnedChoice | null) | null; syncs: number },
): Promise<OwnedChoice | null> {
  if (!hooked.rules) return { rules: options.rules, override: options.override };
  if (counter.syncs === hooked.syncs) {
    await context.sync();
    counter.syncs++;
  }
  return hooked.rules();
}

/** One scoring run in its Excel.run: read, score, guard, write (see scoreWorkbook). */
async function scoreIn(
  context: Excel.RequestContext,
  counter: SyncCounter,
  options: ScoreOptions,
  seen: { inspection?: Inspection; sheet: string },
): Promise<ScoreOutcome> {
  const { lang } = options;
  const progress = options.progress ?? (() => {});
  const hooked: { rules: (() => OwnedChoice | null) | null; syncs: number } = { rules: null, syncs: 0 };
  const onSheets = options.owned
    ? (names: ReadonlySet<string>) => {
        hooked.rules = options.owned!(context, names);
        hooked.syncs = counter.syncs;
      }
    : undefined;
  const read = await readBlock(context, counter, { progress, lang, override: options.override, onSheets });
  seen.sheet = read.sheet;
  const chosen = await rulesOf(context, counter, options, hooked);
  if (chosen === null) return { status: 'failed', message: '', code: STOPPED, stats: counter.stats() };
  progress('score', 0, 1);
  const inspection = inspectRead(read, chosen.rules, lang, chosen.override);
  seen.inspection = inspection;
  if (inspection.errors.length > 0) {
    return {
      status: 'hasErrors',
      inspection,
      message: fill(messages(lang).excel.hasErrors, { count: inspection.errors.length }),
      stats: counter.stats(),
    };
  }
  // A transposed table is read turned: nothing is written into it (docs/layouts.md); the inspection has the results.
  if (inspection.layout.transposed)
    throw new UserFacingError(
      fill(messages(lang).columns.transposedNotWritten, { sheet: read.sheet }),
      'transposedNotWritten',
    );
  if (read.protected) throw Object.assign(new Error('protected'), { code: 'AccessDenied' });
  const sync = async () => {
    await context.sync();
    counter.syncs++;
  };
  const stop = options.beforeWrite ? await options.beforeWrite(context, inspection, sync) : null;
  if (stop) return { ...stop, inspection, stats: counter.stats() };
  // Row heights, the print area and what the caller records ride on the write's last sync (no round trip of their own).
  const withLastChunk = () => {
    queueScoringPrint(context.workbook.worksheets.getItem(read.sheet), outputBox(inspection), read.printArea);
    options.afterWrite?.(context, inspection);
  };
  await writeOutput(context, counter, inspection, options.docLang ?? lang, progress, {
    queue: withLastChunk,
    undoOnFailure: options.afterWrite !== undefined,
  });
  progress('done', 1, 1);
  return { status: 'written', inspection, stats: counter.stats() };
}

/**
 * Reads, validates, scores and, when the data has no errors, writes the output columns.
 * A run with errors writes nothing; a run that fails in Excel leaves the sheet as it was.
 */
export async function scoreWorkbook(run: ExcelRun, options: ScoreOptions): Promise<ScoreOutcome> {
  const counter = new SyncCounter();
  const seen: { inspection?: Inspection; sheet: string } = { sheet: '' };
  try {
    return await run((context) => scoreIn(context, counter, options, seen));
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'Error';
    let message = officeErrorMessage(error, options.lang, seen.sheet);
    if ((error as { rolledBack?: boolean }).rolledBack) message += messages(options.lang).excel.rolledBack;
    return { status: 'failed', message, code, stats: counter.stats(), inspection: seen.inspection };
  }
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
