/**
 * Safe writes on a shared workbook. A guarded run reads the rules the workbook holds and what the
 * add-in last wrote, scores, and right before writing re-reads in one batch the input block, the
 * rules and the output cells: if a co-author changed the input or the rules, nothing is written
 * ('changedSinceRead', with the cells or the rules named); if output cells were edited by hand
 * since the add-in wrote them, nothing is written unless the caller says `overwriteEdited`
 * ('outputEdited', with the cells). After writing, the run records what it wrote (STATE_SHEET)
 * and appends to the audit log, in the same Excel.run.
 *
 * Office.js has no transaction: the check and the write are separate round trips, so a co-author
 * can still slip an edit into the one round trip between them. The check narrows that window
 * from "since the task pane read the sheet" to one sync.
 */
import {
  OUTPUT_COLUMN_COUNT,
  HAI_DUONG_2018,
  RULES_SHEET,
  STATE_SHEET,
  AUDIT_SHEET,
  MAPPING_SHEET,
  cellAddress,
  cellToken,
  fill,
  fnv1a,
  gridFingerprint,
  messages,
  outputBlock,
  outputColumn,
  outputSheetRows,
  qualifiedAddress,
  ruleSetFingerprint,
  validateRuleSet,
  describeRuleProblem,
  type CellValue,
  type Lang,
  type Origin,
  type RuleSet,
  type RuleSourceProblem,
  type StoredMapping,
} from '../engine';
import type { Bounds } from './locate';
import { loadStoredMappings, queueStoreMapping, withStoredMappings } from './mapping-store';
import { loadAuditTail, queueAppendAudit, type AuditEntry, type AuditTail } from './audit';
import { CHUNK_BUDGET_BYTES, gridBytes, planChunks } from './payload';
import {
  anchoredGrid,
  loadSheetGrid,
  queueReplaceRows,
  queueWriteRules,
  sheetNames,
  storedRulesFromGrid,
  type LoadedRange,
  type StoredRules,
} from './rules-store';
import {
  STOPPED,
  inspectWorkbook,
  scoreWorkbook,
  type ExcelRun,
  type Inspection,
  type MappingOverride,
  type Progress,
  type RunStats,
  type ScoreOutcome,
  type SheetRead,
} from './workbook';

/** Why a guarded run wrote nothing. */
export type GuardStop =
  | {
      status: 'changedSinceRead';
      message: string;
      /** Input cells whose value changed (sheet-qualified addresses). */
      cells: string[];
      /** The stored rules' stamp before and now, when they changed. */
      rules: { old: string; new: string } | null;
      /** The table's extent before and now, when rows or columns were added or removed. */
      size: { old: string; new: string } | null;
    }
  | {
      status: 'outputEdited';
      message: string;
      /** Output cells whose value is not what the add-in last wrote. */
      cells: string[];
    };

/** What the user saw: the input and the stored rules of a read, to check against before writing. */
export interface ReadStamp {
  sheet: string;
  origin: Origin;
  /** The grid read, to name the cells that changed. */
  grid: CellValue[][];
  /** Grid column of the add-in's own output block, if the sheet had one (left out of the fingerprint). */
  outputCol: number | null;
  /** fnv1a over the input cells (output columns left out), with the sheet and origin. */
  inputFingerprint: string;
  /** The stored rules' stamp ('none' when the workbook holds none). */
  rulesStamp: string;
  /** Input and rules together: one value to compare. */
  fingerprint: string;
}

function isOutputCol(outputCol: number | null, c: number): boolean {
  return outputCol !== null && c >= outputCol && c < outputCol + OUTPUT_COLUMN_COUNT;
}

/** The fingerprint of a read's input cells: every cell but the add-in's output block. */
export function inputFingerprint(read: Pick<SheetRead, 'sheet' | 'origin' | 'grid'>, outputCol: number | null): string {
  return fnv1a(
    `${read.sheet}|${read.origin.row},${read.origin.col}|${gridFingerprint(read.grid, (c) => !isOutputCol(outputCol, c))}`,
  );
}

export function stampOf(inspection: Inspection, stored: StoredRules): ReadStamp {
  const { read, layout } = inspection;
  const input = inputFingerprint(read, layout.outputCol);
  return {
    sheet: read.sheet,
    origin: read.origin,
    grid: read.grid,
    outputCol: layout.outputCol,
    inputFingerprint: input,
    rulesStamp: stored.stamp,
    fingerprint: fnv1a(`${input}|${stored.stamp}`),
  };
}

/** Input cells that differ between two reads of a sheet (output columns of either left out). */
export function changedCells(
  before: { sheet: string; origin: Origin; grid: readonly (readonly CellValue[])[]; outputCol: number | null },
  after: { origin: Origin; grid: readonly (readonly CellValue[])[]; outputCol: number | null },
): string[] {
  const out: string[] = [];
  // Compare in sheet coordinates.
  const top = Math.min(before.origin.row, after.origin.row);
  const left = Math.min(before.origin.col, after.origin.col);
  const bottom = Math.max(before.origin.row + before.grid.length, after.origin.row + after.grid.length);
  const width = (g: readonly (readonly CellValue[])[]) => g.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);
  const right = Math.max(before.origin.col + width(before.grid), after.origin.col + width(after.grid));
  const at = (s: typeof after, row: number, col: number) => s.grid[row - s.origin.row]?.[col - s.origin.col];
  for (let row = top; row < bottom; row++) {
    for (let col = left; col < right; col++) {
      if (
        isOutputCol(before.outputCol, col - before.origin.col) ||
        isOutputCol(after.outputCol, col - after.origin.col)
      )
        continue;
      if (cellToken(at(before, row, col)) !== cellToken(at(after, row, col)))
        out.push(qualifiedAddress(before.sheet, cellAddress(row, col)));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The record of what the add-in last wrote (STATE_SHEET)
// ---------------------------------------------------------------------------------------------

export const STATE_MARKER = 'PAR-OUTPUT';

export interface OutputRecord {
  sheet: string;
  /** Top-left cell of the output block (its header), A1 style. */
  address: string;
  rows: number;
  lang: Lang;
  inputFingerprint: string;
  rulesFingerprint: string;
  time: string;
  /** Per output row, the fnv1a of each of its four cells as written. */
  hashes: string[][];
}

const cellHash = (v: CellValue | undefined) => fnv1a(cellToken(v));

export function outputRecordRows(r: OutputRecord): CellValue[][] {
  return [
    [STATE_MARKER, 1, r.sheet, r.address, r.rows, r.lang, r.inputFingerprint, r.rulesFingerprint, r.time],
    ...r.hashes,
  ];
}

export function outputRecordFromGrid(grid: readonly (readonly CellValue[])[]): OutputRecord | null {
  const head = grid[0];
  if (!head || head[0] !== STATE_MARKER || head[1] !== 1) return null;
  const rows = Number(head[4]);
  if (!Number.isInteger(rows) || rows < 0) return null;
  const hashes: string[][] = [];
  for (let i = 0; i < rows; i++)
    hashes.push(Array.from({ length: OUTPUT_COLUMN_COUNT }, (_, c) => String(grid[i + 1]?.[c] ?? '')));
  return {
    sheet: String(head[2]),
    address: String(head[3]),
    rows,
    lang: head[5] === 'en' ? 'en' : 'vi',
    inputFingerprint: String(head[6]),
    rulesFingerprint: String(head[7]),
    time: String(head[8]),
    hashes,
  };
}

/** The output block's rows as the adapter writes them (header, blank max row, one row per unit) and where. */
export function writtenOutput(inspection: Inspection, lang: Lang): { row0: number; col0: number; rows: CellValue[][] } {
  const { read, layout, result } = inspection;
  return {
    row0: read.origin.row - 1 + layout.headerRow,
    col0: read.origin.col + outputColumn(layout),
    rows: outputSheetRows(outputBlock(result, lang), layout).values,
  };
}

// ---------------------------------------------------------------------------------------------
// Guarded runs
// ---------------------------------------------------------------------------------------------

interface Owned {
  names: Set<string>;
  rules: StoredRules;
  output: OutputRecord | null;
  /** Column mappings the user confirmed, stored in the workbook (mapping-store.ts). */
  mappings: StoredMapping[];
}

/** Queues the load of the owned sheets there are (`names`); the function returns their contents after the sync. */
function queueOwned(context: Excel.RequestContext, names: ReadonlySet<string>): () => Owned {
  const rules = names.has(RULES_SHEET) ? loadSheetGrid(context, RULES_SHEET) : null;
  const state = names.has(STATE_SHEET) ? loadSheetGrid(context, STATE_SHEET) : null;
  const mappings = loadStoredMappings(context, names);
  return () => ({
    names: new Set(names),
    rules: storedRulesFromGrid(rules ? rules() : null),
    output: state ? outputRecordFromGrid(state()) : null,
    mappings: mappings ? mappings() : [],
  });
}

/** The owned sheets' contents: rules in force, the last output record, the stored mappings. Two syncs (one when there are none). */
async function readOwned(context: Excel.RequestContext): Promise<Owned> {
  const names = await sheetNames(context);
  const owned = queueOwned(context, names);
  if (names.has(RULES_SHEET) || names.has(STATE_SHEET) || names.has(MAPPING_SHEET)) await context.sync();
  return owned();
}

export interface SafeOptions {
  lang: Lang;
  /** The workbook's document language: what is written into cells is in it (default: `lang`). */
  docLang?: Lang;
  override?: MappingOverride;
  progress?: Progress;
  /** What the user previewed (stampOf an earlier inspection): if the input or rules differ now, nothing is written. */
  since?: ReadStamp;
  /** Go ahead although output cells were edited by hand since the last run (the user confirmed). */
  overwriteEdited?: boolean;
  /** A name the user gave, for the audit log (Office gives add-ins no reliable identity without SSO). */
  who?: string;
  /** Clock, for tests. */
  now?: () => Date;
}

export type SafeOutcome =
  ScoreOutcome | { status: 'rulesInvalid'; message: string; problems: RuleSourceProblem[]; stats: RunStats };

function listCells(cells: readonly string[], lang: Lang, limit = 10): string {
  const m = messages(lang).review;
  const shown = cells.slice(0, limit).join(', ');
  return cells.length > limit ? fill(m.moreCells, { list: shown, count: cells.length - limit }) : shown;
}

function changedStop(
  lang: Lang,
  cells: string[],
  rules: { old: string; new: string } | null,
  size: { old: string; new: string } | null,
): GuardStop {
  const m = messages(lang).review;
  const parts: string[] = [];
  if (cells.length > 0) parts.push(fill(m.changedCells, { cells: listCells(cells, lang) }));
  if (rules) parts.push(fill(m.changedRules, rules));
  if (size) parts.push(fill(m.changedSize, size));
  return {
    status: 'changedSinceRead',
    message: fill(m.changedSinceRead, { what: parts.join('; ') }),
    cells,
    rules,
    size,
  };
}

function extent(origin: Origin, rows: number, cols: number): string {
  if (rows <= 0 || cols <= 0) return '—';
  return `${cellAddress(origin.row, origin.col)}:${cellAddress(origin.row + rows - 1, origin.col + cols - 1)}`;
}

/** What the run reads again right before writing: the workbook as it is at that moment. */
interface Recheck {
  /** The input block read again, same place and size as the first read. */
  grid: CellValue[][];
  /** The table's extent now (null when the source is a selection, whose extent is the user's). */
  bounds: Bounds | null;
  /** The sheets there are now. */
  present: Set<string>;
  rules: StoredRules;
  tail: AuditTail;
  /** The output cells where the record says the add-in last wrote, or null when it did not write here. */
  output: CellValue[][] | null;
}

const NO_BOUNDS: Bounds = { rowIndex: 0, rowCount: 0, columnIndex: 0, columnCount: 0 };
const gridWidth = (grid: readonly (readonly CellValue[])[]) => grid.reduce((m, r) => Math.max(m, r.length), 0);

/** Queues the input block's reads in payload-sized chunks; every chunk but the last is synced here. */
async function queueInputReread(
  sheet: Excel.Worksheet,
  read: SheetRead,
  sync: () => Promise<void>,
): Promise<() => CellValue[][]> {
  const width = gridWidth(read.grid);
  const chunks =
    read.grid.length > 0 && width > 0
      ? planChunks(read.grid.length, (i) => gridBytes([read.grid[i]]), CHUNK_BUDGET_BYTES)
      : [];
  const pending: { start: number; range: Excel.Range }[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i];
    const range = sheet.getRangeByIndexes(read.origin.row - 1 + c.start, read.origin.col, c.end - c.start, width);
    range.load('values');
    pending.push({ start: c.start, range });
    // A table larger than one request is re-read in payload-sized chunks; the last goes with the rest.
    if (i < chunks.length - 1) await sync();
  }
  return () => {
    const again: CellValue[][] = [];
    for (const p of pending) (p.range.values as CellValue[][]).forEach((row, i) => (again[p.start + i] = row));
    return again;
  };
}

/** Queues the read of the table's extent now: the used range, or the Excel table's range. */
function queueBounds(sheet: Excel.Worksheet, read: SheetRead): () => Bounds | null {
  if (read.source.kind === 'selection') return () => null;
  if (read.source.kind === 'table') {
    const range = sheet.tables.getItem(read.source.name).getRange();
    range.load('rowIndex, rowCount, columnIndex, columnCount');
    return () => range;
  }
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex, rowCount, columnIndex, columnCount');
  // Read by readAgain after its sync, which the office-addins rules cannot follow into the closure.
  // eslint-disable-next-line office-addins/call-sync-before-read
  return () => (used.isNullObject ? NO_BOUNDS : used);
}

/** Queues the read of the output cells the add-in last wrote, when the record says it wrote here. */
function queueLastOutput(
  sheet: Excel.Worksheet,
  inspection: Inspection,
  record: OutputRecord | null,
  lang: Lang,
): () => CellValue[][] | null {
  const target = writtenOutput(inspection, lang);
  const here =
    record !== null &&
    record.sheet === inspection.read.sheet &&
    record.address === cellAddress(target.row0 + 1, target.col0) &&
    record.rows > 0;
  if (!here) return () => null;
  const range = sheet.getRangeByIndexes(target.row0, target.col0, record.rows, OUTPUT_COLUMN_COUNT);
  range.load('values');
  // Read by readAgain after its sync, which the office-addins rules cannot follow into the closure.
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
  return () => range.values as CellValue[][];
}

/** Step 1, the read stamp: the input, its extent, the owned sheets and the output as they are now. One batch (more only for a table over the request budget). */
async function readAgain(
  context: Excel.RequestContext,
  inspection: Inspection,
  owned: Owned,
  lang: Lang,
  sync: () => Promise<void>,
): Promise<Recheck> {
  const { read } = inspection;
  const sheet = context.workbook.worksheets.getItem(read.sheet);
  const grid = await queueInputReread(sheet, read, sync);
  const bounds = queueBounds(sheet, read);
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const rulesGrid = owned.names.has(RULES_SHEET) ? loadSheetGrid(context, RULES_SHEET) : null;
  const tail = loadAuditTail(context, owned.names.has(AUDIT_SHEET));
  const output = queueLastOutput(sheet, inspection, owned.output, lang);
  await sync();
  const present = new Set(sheets.items.map((s) => s.name));
  const rules = storedRulesFromGrid(present.has(RULES_SHEET) ? (rulesGrid ? rulesGrid() : []) : null);
  return { grid: grid(), bounds: bounds(), present, rules, tail: tail(), output: output() };
}

/**
 * The table's extent before and now, when rows or columns were added or removed: the used range
 * (or the Excel table's range) at the read against the same now. The grid read may stop short of
 * the used range (locate.ts reads only as far as the table reaches); the extent does not.
 */
function sizeChange(read: SheetRead, bounds: Bounds | null): { old: string; new: string } | null {
  if (!bounds) return null;
  const rows = (b: Bounds) => b.rowIndex + b.rowCount - (read.origin.row - 1);
  const cols = (b: Bounds) => b.columnIndex + b.columnCount - read.origin.col;
  const before = read.extent;
  if (rows(bounds) === rows(before) && cols(bounds) === cols(before)) return null;
  return { old: extent(read.origin, rows(before), cols(before)), new: extent(read.origin, rows(bounds), cols(bounds)) };
}

/** Step 0: what the user previewed (`since`) against what this run read. */
function changedSincePreview(
  since: ReadStamp | undefined,
  inspection: Inspection,
  owned: Owned,
  lang: Lang,
): GuardStop | null {
  if (!since) return null;
  const { read, layout } = inspection;
  if (since.rulesStamp !== owned.rules.stamp)
    return changedStop(lang, [], { old: since.rulesStamp, new: owned.rules.stamp }, null);
  if (since.inputFingerprint === inputFingerprint(read, layout.outputCol)) return null;
  return changedStop(
    lang,
    changedCells(since, { origin: read.origin, grid: read.grid, outputCol: layout.outputCol }),
    null,
    null,
  );
}

/** Step 2, the check: input, rules or extent changed between this run's read and now. */
function changedSinceRead(inspection: Inspection, owned: Owned, now: Recheck, lang: Lang): GuardStop | null {
  const { read, layout } = inspection;
  const rulesChanged =
    now.rules.stamp !== owned.rules.stamp || now.present.has(RULES_SHEET) !== owned.names.has(RULES_SHEET);
  const cells = changedCells(
    { sheet: read.sheet, origin: read.origin, grid: read.grid, outputCol: layout.outputCol },
    { origin: read.origin, grid: now.grid, outputCol: layout.outputCol },
  );
  const size = sizeChange(read, now.bounds);
  if (cells.length === 0 && !rulesChanged && !size) return null;
  return changedStop(lang, cells, rulesChanged ? { old: owned.rules.stamp, new: now.rules.stamp } : null, size);
}

/** Step 2, the check: output cells that are not what the add-in last wrote. */
function editedSinceWritten(
  inspection: Inspection,
  record: OutputRecord | null,
  output: CellValue[][] | null,
  lang: Lang,
): GuardStop | null {
  if (!record || !output) return null;
  const target = writtenOutput(inspection, lang);
  const edited: string[] = [];
  for (let r = 0; r < record.rows; r++) {
    for (let c = 0; c < OUTPUT_COLUMN_COUNT; c++) {
      if (cellHash(output[r]?.[c]) !== record.hashes[r]?.[c])
        edited.push(qualifiedAddress(inspection.read.sheet, cellAddress(target.row0 + r + 1, target.col0 + c)));
    }
  }
  if (edited.length === 0) return null;
  return {
    status: 'outputEdited',
    message: fill(messages(lang).review.outputEdited, { cells: listCells(edited, lang) }),
    cells: edited,
  };
}

/** What a run writes beside the output (step 3): the rules when applying, the output record, the audit rows. */
interface RunRecord {
  rules: RuleSet;
  applying: RuleSet | null;
  owned: Owned;
  now: Recheck;
  options: SafeOptions;
}

/** Step 3 (with the output): the rules, the output record and the audit rows, queued to ride on the write's last sync. */
function queueRecord(context: Excel.RequestContext, inspection: Inspection, run: RunRecord): void {
  const { rules, applying, owned, now, options } = run;
  // What was written into the cells is in the workbook's language.
  const lang = options.docLang ?? options.lang;
  const time = (options.now?.() ?? new Date()).toISOString();
  const target = writtenOutput(inspection, lang);
  const input = inputFingerprint(inspection.read, inspection.layout.outputCol);
  const rulesFingerprint = ruleSetFingerprint(rules);
  if (applying) queueWriteRules(context, applying, now.present.has(RULES_SHEET));
  const record: OutputRecord = {
    sheet: inspection.read.sheet,
    address: cellAddress(target.row0 + 1, target.col0),
    rows: target.rows.length,
    lang,
    inputFingerprint: input,
    rulesFingerprint,
    time,
    hashes: target.rows.map((row) => row.map(cellHash)),
  };
  queueReplaceRows(context, STATE_SHEET, now.present.has(STATE_SHEET), outputRecordRows(record));
  const { result, read } = inspection;
  const base = {
    time,
    rulesId: rules.id,
    rulesFingerprint,
    counts: result.summary.counts,
    units: result.units.length,
    sheet: read.sheet,
    inputFingerprint: input,
    who: options.who ?? '',
  };
  const entries: AuditEntry[] = [];
  if (applying && rulesFingerprint !== owned.rules.stamp) entries.push({ ...base, action: 'rulesChanged' });
  entries.push({ ...base, action: 'scored' });
  queueAppendAudit(context, now.tail, entries);
  // A mapping the user confirmed in the pane is stored with the run that used it.
  queueStoreMapping(context, inspection, options.override, owned.mappings, now.present.has(MAPPING_SHEET));
}

/**
 * The run itself, in one Excel.run of four round trips on a table that fits one request: (1) the
 * sheets and the active one; (2) the table, with the owned sheets (the rules in force, the last
 * output record); (3) the read stamp: right before the write the run reads the workbook again
 * (readAgain) and checks it against what it read and what the user previewed; (4) the output
 * with its record, the rules when applying (`applying`) and the audit rows (queueRecord).
 */
async function guardedRun(run: ExcelRun, applying: RuleSet | null, options: SafeOptions): Promise<SafeOutcome> {
  const { lang } = options;
  let owned: Owned = { names: new Set(), rules: storedRulesFromGrid(null), output: null, mappings: [] };
  let now: Recheck = {
    grid: [],
    bounds: null,
    present: owned.names,
    rules: owned.rules,
    tail: { exists: false, nextRow: 0, previousHash: '00000000' },
    output: null,
  };
  let rules: RuleSet | null = null;
  const ownedHook = (context: Excel.RequestContext, names: ReadonlySet<string>) => {
    const loaded = queueOwned(context, names);
    return () => {
      owned = loaded();
      rules = applying ?? (owned.rules.source === 'invalid' ? null : owned.rules.rules);
      // The table is read with the user's override and, where it gives no roles, the mappings the workbook stores.
      return rules === null ? null : { rules, override: withStoredMappings(options.override, owned.mappings) };
    };
  };
  const beforeWrite = async (
    context: Excel.RequestContext,
    inspection: Inspection,
    sync: () => Promise<void>,
  ): Promise<GuardStop | null> => {
    const preview = changedSincePreview(options.since, inspection, owned, lang);
    if (preview) return preview;
    now = await readAgain(context, inspection, owned, lang, sync);
    const changed = changedSinceRead(inspection, owned, now, lang);
    if (changed) return changed;
    return options.overwriteEdited ? null : editedSinceWritten(inspection, owned.output, now.output, lang);
  };
  const afterWrite = (context: Excel.RequestContext, inspection: Inspection) =>
    queueRecord(context, inspection, { rules: rules!, applying, owned, now, options });
  // The rules come from the owned hook (the workbook's own, or those being applied); the default stands in until then.
  const outcome = await scoreWorkbook(run, {
    rules: HAI_DUONG_2018,
    owned: ownedHook,
    lang,
    docLang: options.docLang,
    override: options.override,
    progress: options.progress,
    beforeWrite,
    afterWrite,
  });
  if (outcome.status === 'failed' && outcome.code === STOPPED && owned.rules.source === 'invalid')
    return invalidStored(owned.rules, lang, outcome.stats);
  return outcome;
}

function invalidStored(stored: Extract<StoredRules, { source: 'invalid' }>, lang: Lang, stats: RunStats): SafeOutcome {
  return {
    status: 'rulesInvalid',
    message: fill(messages(lang).review.storeInvalid, { sheet: RULES_SHEET }),
    problems: stored.problems,
    stats,
  };
}

/**
 * Reads the rules in force and the active sheet's table, and scores it, writing nothing: what the
 * task pane shows before a run or a rule change. `stamp` goes back as `since` to apply or score.
 */
export async function inspectWithRules(
  run: ExcelRun,
  lang: Lang,
  override?: MappingOverride,
  progress?: Progress,
): Promise<{ stored: StoredRules; inspection: Inspection; stamp: ReadStamp }> {
  const owned = await run((context) => readOwned(context));
  const inspection = await inspectWorkbook(
    run,
    owned.rules.rules,
    lang,
    withStoredMappings(override, owned.mappings),
    progress,
  );
  return { stored: owned.rules, inspection, stamp: stampOf(inspection, owned.rules) };
}

/** Scores with the rules the workbook holds (the default when none), guarded; logs 'scored'. */
export async function scoreSafely(run: ExcelRun, options: SafeOptions): Promise<SafeOutcome> {
  return guardedRun(run, null, options);
}

/**
 * Apply = write the rules, re-score and log, in one go: the new rules are scored, checked, and
 * written to the rules sheet together with the output, the output record and the audit rows
 * ('rulesChanged', then 'scored'). When the data has errors, or a guard stops the run, nothing is
 * written, the rules included.
 */
export async function applyRules(run: ExcelRun, rules: RuleSet, options: SafeOptions): Promise<SafeOutcome> {
  const problems = validateRuleSet(rules);
  if (problems.length > 0) {
    return {
      status: 'rulesInvalid',
      message: problems.map((p) => describeRuleProblem(p, options.lang)).join('\n'),
      problems: problems.map((p) => ({ kind: 'rule', where: null, problem: p })),
      stats: { syncs: 0, readChunks: 0, writeChunks: 0 },
    };
  }
  return guardedRun(run, rules, options);
}

/** The grid of an owned sheet's used range (tests, the workbench). */
export async function readOwnedSheet(run: ExcelRun, name: string): Promise<CellValue[][] | null> {
  return run(async (context) => {
    const names = await sheetNames(context);
    if (!names.has(name)) return null;
    const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load('values, rowIndex, columnIndex');
    await context.sync();
    return anchoredGrid(used as unknown as LoadedRange);
  });
}
