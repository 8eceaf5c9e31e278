/**
 * Where the scoring table is: the sheet the user chose, else the active sheet, else the sheet
 * found last (remembered across a report run that activated its own sheet), else the workbook's
 * other visible sheets in tab order, each looked at with the engine's own finder (detectLayout,
 * as the CLI does). Owned (VeryHidden) sheets are never candidates.
 *
 * Round trips: one to learn the sheets and the active one; the active sheet's block read as
 * before (one per payload chunk, one more for an Excel table's range); only when the active sheet
 * holds no table, one more that reads the head (first rows) of every other candidate at once,
 * then that sheet's block. None of them grows with the row count.
 */
import { OWNED_SHEETS, detectLayout, fill, messages, type CellValue, type Lang, type Layout } from '../engine';
import { UserFacingError } from './errors';
import { CHUNK_BUDGET_BYTES, gridBytes } from './payload';

/** Which sheet to look at first. */
export interface SheetChoice {
  /** The sheet the user chose: only this one is looked at. */
  sheet?: string;
  /** The sheet a table was found on last: looked at right after the active sheet. */
  remembered?: string;
}

export type TableSource = { kind: 'selection'; address: string } | { kind: 'table'; name: string } | { kind: 'sheet' };

/** A block of a sheet read as plain values. */
export interface BlockRead {
  sheet: string;
  /** The worksheet's id (stable across renames): what sheet activation events name. */
  sheetId: string;
  source: TableSource;
  /** Top-left of the grid in the sheet: 1-based row, 0-based column. */
  origin: { row: number; col: number };
  grid: CellValue[][];
  formats: (string | undefined)[][];
  protected: boolean;
  /** The workbook's candidate sheets (visible, not owned), in tab order: what the user may choose from. */
  sheets: string[];
}

/** A sheet looked at and why it holds no scoring table. */
export interface SheetMiss {
  sheet: string;
  reason: string;
}

/** No candidate sheet holds a scoring table: every sheet looked at, with its reason, and the sheets to choose from. */
export class TableNotFoundError extends UserFacingError {
  constructor(message: string, readonly misses: SheetMiss[], readonly sheets: string[]) {
    super(message, 'notFound');
    this.name = 'TableNotFoundError';
  }
}

/** Rows and columns of a sheet's head read to look for a table header (detectLayout scans 50 rows). */
export const HEAD_ROWS = 50;
export const HEAD_COLS = 64;

/** The order in which sheets are looked at (pure). */
export function candidateOrder(sheets: readonly { name: string; visibility: string }[], active: string, choice: SheetChoice = {}): string[] {
  const visible = sheets.filter((s) => s.visibility === 'Visible' && !OWNED_SHEETS.includes(s.name)).map((s) => s.name);
  if (choice.sheet !== undefined && visible.includes(choice.sheet)) return [choice.sheet];
  const order: string[] = [];
  for (const name of [active, choice.remembered, ...visible]) {
    if (name !== undefined && visible.includes(name) && !order.includes(name)) order.push(name);
  }
  return order;
}

/**
 * Why a grid holds no scoring table, in the user's words; null when it holds one. A table whose
 * columns' roles are uncertain is a table: the read that follows asks the user to confirm them.
 */
export function missReason(grid: CellValue[][], origin: { row: number; col: number }, lang: Lang): string | null {
  const detected = detectLayout(grid, undefined, origin);
  if (detected.ok || detected.reason === 'uncertain') return null;
  return fill(messages(lang).layout[detected.reason], { detail: detected.detail });
}

type Sync = () => Promise<void>;
type Bounds = { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number };
type Locate = (step: 'locate' | 'read', done: number, total: number) => void;

/** What one round trip tells about a sheet: its name, id, protection, tables and used range. */
interface Probe {
  ws: Excel.Worksheet;
  tables: Excel.TableCollection;
  used: Excel.Range;
  head: Excel.Range | null;
}

function probe(ws: Excel.Worksheet, withHead: boolean): Probe {
  ws.load('name, id, protection/protected');
  // A navigation property returns a proxy; nothing is read from the sheet here.
  const tables = ws.tables;
  tables.load('items/name');
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex, columnIndex, rowCount, columnCount');
  let head: Excel.Range | null = null;
  if (withHead) {
    head = ws.getRangeByIndexes(0, 0, HEAD_ROWS, HEAD_COLS);
    head.load('values');
  }
  return { ws, tables, used, head };
}

/** Reads `rowCount` × `colCount` values from (top, left) in row chunks sized from the bytes of the previous chunk. */
async function readChunks(ws: Excel.Worksheet, sync: Sync, progress: Locate, top: number, left: number, rowCount: number, colCount: number): Promise<CellValue[][]> {
  const grid: CellValue[][] = [];
  let rowsPerChunk = Math.max(1, Math.min(2000, Math.floor(CHUNK_BUDGET_BYTES / Math.max(1, colCount * 24))));
  for (let start = 0; start < rowCount && colCount > 0; ) {
    const n = Math.min(rowsPerChunk, rowCount - start);
    const range = ws.getRangeByIndexes(top + start, left, n, colCount);
    range.load('values');
    progress('read', start, rowCount);
    // One sync per payload chunk, by design: a chunk is the most Excel on the web accepts in one request.
    await sync();
    // The sync above goes through the run's counted sync(), which the office-addins rules cannot follow.
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
    const values = range.values as CellValue[][];
    for (const row of values) grid.push(row);
    rowsPerChunk = Math.max(1, Math.floor(CHUNK_BUDGET_BYTES / Math.max(1, gridBytes(values) / n)));
    start += n;
  }
  return grid;
}

/** The block of a probed sheet: the selection when it is a block (active sheet only), else its first Excel table, else its used range. */
async function readProbed(p: Probe, selection: Excel.Range | null, sheets: string[], sync: Sync, progress: Locate, onChunk: () => void): Promise<BlockRead> {
  let source: TableSource;
  let bounds: Bounds;
  if (selection && selection.rowCount > 1 && selection.columnCount > 1) {
    source = { kind: 'selection', address: selection.address.split('!').pop() as string };
    bounds = selection;
  } else if (p.tables.items.length > 0) {
    const table = p.tables.items[0];
    const range = table.getRange();
    range.load('rowIndex, columnIndex, rowCount, columnCount');
    await sync();
    source = { kind: 'table', name: table.name };
    bounds = range;
  } else {
    source = { kind: 'sheet' };
    bounds = p.used.isNullObject ? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 } : p.used;
  }
  // A used range that starts below row 1 still reads from A1, so addresses stay natural.
  const top = source.kind === 'sheet' ? 0 : bounds.rowIndex;
  const left = source.kind === 'sheet' ? 0 : bounds.columnIndex;
  const chunkSync = async () => {
    await sync();
    onChunk();
  };
  const grid = await readChunks(p.ws, chunkSync, progress, top, left, bounds.rowIndex + bounds.rowCount - top, bounds.columnIndex + bounds.columnCount - left);
  return { sheet: p.ws.name, sheetId: p.ws.id, source, origin: { row: top + 1, col: left }, grid, formats: [], protected: p.ws.protection.protected, sheets };
}

export interface LocateOptions {
  lang: Lang;
  choice?: SheetChoice;
  /** The layout the user set by hand for a sheet: a block it fits counts as found. */
  layoutFor?: (sheet: string) => Partial<Layout> | undefined;
  isComplete: (l: Partial<Layout>) => boolean;
  sync: Sync;
  onChunk: () => void;
  progress: Locate;
}

function notFound(misses: SheetMiss[], sheets: string[], lang: Lang): TableNotFoundError {
  const m = messages(lang).pane;
  if (misses.length === 1) return new TableNotFoundError(fill(m.notFoundOn, { ...misses[0] }), misses, sheets);
  const list = misses.map((x) => fill(m.notFoundItem, { ...x })).join(' ');
  return new TableNotFoundError(fill(m.notFoundAnywhere, { count: misses.length, list }), misses, sheets);
}

/** Finds and reads the scoring table's block (see the module comment); throws TableNotFoundError naming every sheet looked at. */
export async function locateBlock(context: Excel.RequestContext, options: LocateOptions): Promise<BlockRead> {
  const { lang, sync, progress } = options;
  progress('locate', 0, 1);
  const all = context.workbook.worksheets;
  all.load('items/name, items/visibility');
  const active = probe(all.getActiveWorksheet(), false);
  const selection = context.workbook.getSelectedRange();
  selection.load('address, rowIndex, columnIndex, rowCount, columnCount');
  await sync();
  const order = candidateOrder(all.items, active.ws.name, options.choice);
  const sheets = all.items.filter((s) => s.visibility === 'Visible' && !OWNED_SHEETS.includes(s.name)).map((s) => s.name);
  const fits = (read: BlockRead) => {
    const manual = options.layoutFor?.(read.sheet);
    return missReason(read.grid, read.origin, lang) === null || (manual !== undefined && options.isComplete(manual));
  };
  const misses: SheetMiss[] = [];
  if (order[0] === active.ws.name) {
    const read = await readProbed(active, selection, sheets, sync, progress, options.onChunk);
    if (fits(read)) return read;
    misses.push({ sheet: read.sheet, reason: missReason(read.grid, read.origin, lang) ?? '' });
  }
  const rest = order.filter((name) => !misses.some((x) => x.sheet === name)).map((name) => probe(all.getItem(name), true));
  if (rest.length > 0) await sync();
  for (const p of rest) {
    const reason = missReason(p.head!.values as CellValue[][], { row: 1, col: 0 }, lang);
    if (reason !== null) {
      misses.push({ sheet: p.ws.name, reason });
      continue;
    }
    const read = await readProbed(p, null, sheets, sync, progress, options.onChunk);
    if (fits(read)) return read;
    misses.push({ sheet: read.sheet, reason: missReason(read.grid, read.origin, lang) ?? '' });
  }
  throw notFound(misses, sheets, lang);
}
