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
import { supportsExcelApi } from './host';
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
  /** The grid's number formats, cell for cell. */
  formats: (string | undefined)[][];
  protected: boolean;
  /** The workbook's candidate sheets (visible, not owned), in tab order: what the user may choose from. */
  sheets: string[];
  /** The sheet's print area as Excel gives it (null: none, or the host has no page layout API). */
  printArea: string | null;
  /**
   * What the block was read from, as it was at the read (0-based sheet bounds): the used range,
   * the Excel table's range or the selection. The grid may stop short of it (see `clippedRight`
   * and readProbed); the guard compares this extent with the one at write time.
   */
  extent: Bounds;
  /** The grid stops left of the used range's right edge: cells right of it were not read. */
  clippedRight: boolean;
}

/** A sheet looked at and why it holds no scoring table. */
export interface SheetMiss {
  sheet: string;
  reason: string;
}

/** No candidate sheet holds a scoring table: every sheet looked at, with its reason, and the sheets to choose from. */
export class TableNotFoundError extends UserFacingError {
  constructor(
    message: string,
    readonly misses: SheetMiss[],
    readonly sheets: string[],
  ) {
    super(message, 'notFound');
    this.name = 'TableNotFoundError';
  }
}

/** Rows and columns of a sheet's head read to look for a table header (detectLayout scans 50 rows). */
export const HEAD_ROWS = 50;
export const HEAD_COLS = 64;

/** The order in which sheets are looked at (pure). */
export function candidateOrder(
  sheets: readonly { name: string; visibility: string }[],
  active: string,
  choice: SheetChoice = {},
): string[] {
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
 * column roles are uncertain is a table: the reader then asks the user to confirm them.
 */
export function missReason(grid: CellValue[][], origin: { row: number; col: number }, lang: Lang): string | null {
  const detected = detectLayout(grid, undefined, origin);
  if (detected.ok || detected.reason === 'uncertain') return null;
  return fill(messages(lang).layout[detected.reason], { detail: detected.detail });
}

type Sync = () => Promise<void>;
export type Bounds = { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number };

const NO_BOUNDS: Bounds = { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 };

/**
 * A sheet's block ends at the first run of this many empty rows after its first filled row: a
 * value far below (a note at row 1048576) is not read. The table itself ends at its first row
 * without a name (the engine's rule), so nothing past such a gap is the table's, its output's or
 * an earlier run's.
 */
export const GAP_ROWS = 50;

/** Columns read right of the head's last filled column: the output block's four, and room to find a free place for it. */
export const SLACK_COLS = 12;
type Locate = (step: 'locate' | 'read', done: number, total: number) => void;

/** What one round trip tells about a sheet: its name, id, protection, tables and used range. */
interface Probe {
  ws: Excel.Worksheet;
  tables: Excel.TableCollection;
  used: Excel.Range;
  head: Excel.Range;
  printArea: Excel.RangeAreas | null;
}

function probe(ws: Excel.Worksheet): Probe {
  ws.load('name, id, protection/protected');
  // A navigation property returns a proxy; nothing is read from the sheet here.
  const tables = ws.tables;
  tables.load('items/name');
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex, columnIndex, rowCount, columnCount');
  // The head bounds the read: a cell far right of the table (at XFD1048576) widens the used range, not the table.
  const head = ws.getRangeByIndexes(0, 0, HEAD_ROWS, HEAD_COLS);
  head.load('values');
  // Read with the table, so extending it after the write costs no round trip (ExcelApi 1.9).
  let printArea: Excel.RangeAreas | null = null;
  if (supportsExcelApi('1.9')) {
    printArea = ws.pageLayout.getPrintAreaOrNullObject();
    printArea.load('address');
  }
  return { ws, tables, used, head, printArea };
}

/** Whether a row holds anything. */
function isFilledRow(row: readonly CellValue[] | undefined): boolean {
  return row !== undefined && row.some((v) => v !== null && v !== undefined && v !== '');
}

/**
 * Where a block read from the sheet's top ends: one past its last filled row before the first
 * run of GAP_ROWS empty rows; null while the rows read so far do not show such a run.
 */
export function blockEnd(grid: readonly (readonly CellValue[])[]): number | null {
  let last = -1;
  for (let r = 0; r < grid.length; r++) {
    if (!isFilledRow(grid[r])) continue;
    if (last >= 0 && r - last - 1 >= GAP_ROWS) return last + 1;
    last = r;
  }
  return last >= 0 && grid.length - last - 1 >= GAP_ROWS ? last + 1 : null;
}

/** How many columns of a sheet to read: to the head's last filled column and SLACK_COLS more, never past the used range. */
export function readWidth(head: readonly (readonly CellValue[])[], usedRight: number): number {
  let right = 0;
  for (const row of head) {
    for (let c = row.length - 1; c >= right; c--) {
      if (row[c] !== null && row[c] !== undefined && row[c] !== '') {
        right = c + 1;
        break;
      }
    }
  }
  // A head filled to its edge: the table may be wider than the head, so the used range stands.
  if (right >= HEAD_COLS) return usedRight;
  return Math.min(usedRight, Math.max(right, 1) + SLACK_COLS);
}

/** What readChunks reads: a block of the sheet, and whether it may stop at the first gap of empty rows. */
interface ChunkPlan {
  top: number;
  left: number;
  rowCount: number;
  colCount: number;
  stopAtGap: boolean;
}

/**
 * Reads a block's values and number formats (the engine tells a percentage by its format, as the
 * CLI does) in row chunks sized from the bytes of the previous chunk; stops at the first gap of
 * empty rows when the plan says so.
 */
async function readChunks(
  ws: Excel.Worksheet,
  sync: Sync,
  progress: Locate,
  plan: ChunkPlan,
): Promise<{ grid: CellValue[][]; formats: string[][] }> {
  const { top, left, rowCount, colCount } = plan;
  const grid: CellValue[][] = [];
  const formats: string[][] = [];
  let rowsPerChunk = Math.max(1, Math.min(2000, Math.floor(CHUNK_BUDGET_BYTES / Math.max(1, colCount * 32))));
  for (let start = 0; start < rowCount && colCount > 0;) {
    const n = Math.min(rowsPerChunk, rowCount - start);
    const range = ws.getRangeByIndexes(top + start, left, n, colCount);
    range.load('values, numberFormat');
    progress('read', start, rowCount);
    // One sync per payload chunk, by design: a chunk is the most Excel on the web accepts in one request.
    await sync();
    // The sync above goes through the run's counted sync(), which the office-addins rules cannot follow.
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
    const values = range.values as CellValue[][];
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
    const shown = range.numberFormat as string[][];
    for (let i = 0; i < values.length; i++) {
      grid.push(values[i]);
      formats.push(shown[i]);
    }
    rowsPerChunk = Math.max(
      1,
      Math.floor(CHUNK_BUDGET_BYTES / Math.max(1, (gridBytes(values) + gridBytes(shown)) / n)),
    );
    start += n;
    const end = plan.stopAtGap ? blockEnd(grid) : null;
    if (end !== null) return { grid: grid.slice(0, end), formats: formats.slice(0, end) };
  }
  return { grid, formats };
}

/** What to read of a probed sheet: the selection when it is a block (active sheet only), else its first Excel table, else its used range. */
async function blockSource(
  p: Probe,
  selection: Excel.Range | null,
  sync: Sync,
): Promise<{ source: TableSource; bounds: Bounds }> {
  if (selection && selection.rowCount > 1 && selection.columnCount > 1)
    return { source: { kind: 'selection', address: selection.address.split('!').pop() as string }, bounds: selection };
  if (p.tables.items.length > 0) {
    const table = p.tables.items[0];
    const range = table.getRange();
    range.load('rowIndex, columnIndex, rowCount, columnCount');
    await sync();
    return { source: { kind: 'table', name: table.name }, bounds: range };
  }
  return { source: { kind: 'sheet' }, bounds: p.used.isNullObject ? NO_BOUNDS : p.used };
}

/**
 * The block of a probed sheet (blockSource). A selection or table is read as it is. A sheet's
 * used range is read from A1 (so addresses stay natural) but only as far as the table can reach:
 * to the head's last filled column and SLACK_COLS more, and down to the first GAP_ROWS empty
 * rows, so decoration far away (a value at XFD1048576) costs nothing.
 */
async function readProbed(
  p: Probe,
  selection: Excel.Range | null,
  sheets: string[],
  sync: Sync,
  progress: Locate,
  onChunk: () => void,
): Promise<BlockRead> {
  const { source, bounds } = await blockSource(p, selection, sync);
  const sheetWide = source.kind === 'sheet';
  const top = sheetWide ? 0 : bounds.rowIndex;
  const left = sheetWide ? 0 : bounds.columnIndex;
  const right = bounds.columnIndex + bounds.columnCount;
  const width = sheetWide ? readWidth(p.head.values as CellValue[][], right) : right - left;
  const chunkSync = async () => {
    await sync();
    onChunk();
  };
  const { grid, formats } = await readChunks(p.ws, chunkSync, progress, {
    top,
    left,
    rowCount: bounds.rowIndex + bounds.rowCount - top,
    colCount: width,
    stopAtGap: sheetWide,
  });
  const printArea = p.printArea && !p.printArea.isNullObject ? p.printArea.address : null;
  const extent = {
    rowIndex: bounds.rowIndex,
    columnIndex: bounds.columnIndex,
    rowCount: bounds.rowCount,
    columnCount: bounds.columnCount,
  };
  return {
    sheet: p.ws.name,
    sheetId: p.ws.id,
    source,
    origin: { row: top + 1, col: left },
    grid,
    formats,
    protected: p.ws.protection.protected,
    sheets,
    printArea,
    extent,
    clippedRight: left + width < right,
  };
}

export interface LocateOptions {
  lang: Lang;
  choice?: SheetChoice;
  /** The layout the user set by hand for a sheet: a block it fits counts as found. */
  layoutFor?: (sheet: string) => Partial<Layout> | undefined;
  isComplete: (l: Partial<Layout>) => boolean;
  sync: Sync;
  onChunk: () => void;
  /** Told every sheet's name (owned ones included) once the first round trip is back: what it queues rides on the next. */
  onSheets?: (names: ReadonlySet<string>) => void;
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
  const active = probe(all.getActiveWorksheet());
  const selection = context.workbook.getSelectedRange();
  selection.load('address, rowIndex, columnIndex, rowCount, columnCount');
  await sync();
  options.onSheets?.(new Set(all.items.map((s) => s.name)));
  const order = candidateOrder(all.items, active.ws.name, options.choice);
  const sheets = all.items
    .filter((s) => s.visibility === 'Visible' && !OWNED_SHEETS.includes(s.name))
    .map((s) => s.name);
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
  const rest = order.filter((name) => !misses.some((x) => x.sheet === name)).map((name) => probe(all.getItem(name)));
  if (rest.length > 0) await sync();
  for (const p of rest) {
    const reason = missReason(p.head.values as CellValue[][], { row: 1, col: 0 }, lang);
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
