/**
 * The add-in's write of the output block into the scoring sheet. What to write and the guards
 * (cells in the way on a first run, rows an earlier, longer run left) are the engine's
 * (planOutputWrite, outputSheetRows, OUTPUT_COLUMNS), the same the CLI uses; this module only
 * turns them into Office.js calls: one sync per payload chunk, a band fill per band by
 * conditional format, and a roll-back when a write fails partway.
 */
import {
  BAND_FILL,
  OUTPUT_COLUMNS,
  OUTPUT_COLUMN_COUNT,
  OUTPUT_HEADER_LOOK,
  OUTPUT_UNIT_VERTICAL,
  bandLabel,
  fill,
  filledCells,
  messages,
  outputBlock,
  outputSheetRows,
  planOutputWrite,
  qualifiedAddress,
  type CellValue,
  type Lang,
  type RuleSet,
} from '../engine';
import { UserFacingError } from './errors';
import { supportsExcelApi } from './host';
import { gridBytes, planChunks } from './payload';
import type { Inspection, Progress } from './workbook';

/** Points per character of column width (Calibri 11). */
export const POINTS_PER_CHAR = 6;

/** The round trips a write counts. */
export interface WriteCounter {
  syncs: number;
  writeChunks: number;
}

/** The cells a previous state of the output block held, to put back if a write fails midway. */
interface Restore {
  clear: boolean;
  values: CellValue[][];
}

/** Where the block goes in the sheet, 0-based. */
interface Place {
  sheet: Excel.Worksheet;
  row: number;
  col: number;
  rows: number;
}

const H_ALIGN = { general: null, center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', center: 'Center' } as const;

/** The error naming the first cell in the way. */
function occupiedError(sheet: string, address: string, lang: Lang): UserFacingError {
  const column = address.replace(/\d+$/, '');
  return new UserFacingError(
    fill(messages(lang).excel.outputNotEmpty, { column, cell: qualifiedAddress(sheet, address) }),
    'outputNotEmpty',
  );
}

/**
 * A selection or an Excel table ends where it ends, and a sheet is read only as far right as its
 * table reaches: the cells right of that, where the output may go, were not read with it. Reads them (one sync) and applies the same rule to them.
 */
async function cellsBeyondRead(
  context: Excel.RequestContext,
  counter: WriteCounter,
  place: Place,
  tableRows: number,
): Promise<string[]> {
  const target = place.sheet.getRangeByIndexes(place.row, place.col, tableRows, OUTPUT_COLUMN_COUNT);
  target.load('values');
  await context.sync();
  counter.syncs++;
  return filledCells(target.values as CellValue[][], { row: place.row + 1, col: place.col });
}

/** Queues the block's looks (spec: OUTPUT_HEADER_LOOK, OUTPUT_COLUMNS) and the band fills as conditional formats. */
function queueLooks(place: Place, unitCount: number, rules: RuleSet, lang: Lang): void {
  const { sheet, row, col } = place;
  const header = sheet.getRangeByIndexes(row, col, 1, OUTPUT_COLUMN_COUNT);
  header.format.font.bold = OUTPUT_HEADER_LOOK.bold;
  header.format.wrapText = OUTPUT_HEADER_LOOK.wrap;
  header.format.horizontalAlignment = H_ALIGN[OUTPUT_HEADER_LOOK.horizontal];
  header.format.verticalAlignment = V_ALIGN[OUTPUT_HEADER_LOOK.vertical];
  OUTPUT_COLUMNS.forEach((column, i) => {
    sheet.getRangeByIndexes(row, col + i, 1, 1).format.columnWidth = column.width * POINTS_PER_CHAR;
    if (unitCount === 0) return;
    const units = sheet.getRangeByIndexes(row + 2, col + i, unitCount, 1);
    units.format.verticalAlignment = V_ALIGN[OUTPUT_UNIT_VERTICAL];
    const h = H_ALIGN[column.horizontal];
    if (h) units.format.horizontalAlignment = h;
    if (column.wrap) units.format.wrapText = true;
    if (column.fill === 'band') queueBandFills(units, rules, lang);
  });
}

/** One conditional format per band on the band column: the cell's colour follows its label. */
function queueBandFills(range: Excel.Range, rules: RuleSet, lang: Lang): void {
  range.conditionalFormats.clearAll();
  for (const band of rules.bands) {
    const colour = BAND_FILL[band.code];
    if (!colour) continue;
    const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
    cf.cellValue.format.fill.color = colour;
    cf.cellValue.rule = {
      formula1: `="${bandLabel(rules, band.code, lang).replace(/"/g, '""')}"`,
      operator: Excel.ConditionalCellValueOperator.equalTo,
    };
  }
}

/**
 * Writes the output block: header, a blank max row, one row per unit, the rows of an earlier,
 * longer run cleared; index as a percentage, band and note as text (so nothing becomes a
 * formula). Refuses (writing nothing) when a cell where the block goes holds anything on a first
 * run. Returns the undo, for a step after the write that fails.
 */
export async function writeOutput(
  context: Excel.RequestContext,
  counter: WriteCounter,
  inspection: Inspection,
  lang: Lang,
  progress: Progress,
  withLastChunk: { queue: () => void; undoOnFailure: boolean } = { queue: () => {}, undoOnFailure: false },
): Promise<() => Promise<void>> {
  const { read, layout, result } = inspection;
  const plan = planOutputWrite(read.grid, layout, result.rules, read.origin);
  const ownBlock = layout.outputCol !== null;
  const sheet = context.workbook.worksheets.getItem(read.sheet);
  const { values: rows, formats } = outputSheetRows(outputBlock(result, lang), layout);
  for (let r = plan.endRow; r < plan.clearEnd; r++) {
    rows.push(OUTPUT_COLUMNS.map(() => ''));
    formats.push(OUTPUT_COLUMNS.map(() => 'General'));
  }
  const place: Place = {
    sheet,
    row: read.origin.row - 1 + plan.firstRow,
    col: read.origin.col + plan.col,
    rows: rows.length,
  };

  // Never write over input: the target cells must be empty unless they are our own block.
  let occupied = plan.occupied;
  const beyond =
    read.source.kind !== 'sheet' || (read.clippedRight && plan.col + OUTPUT_COLUMN_COUNT > (read.grid[0]?.length ?? 0));
  if (occupied.length === 0 && !ownBlock && beyond)
    occupied = await cellsBeyondRead(context, counter, place, plan.endRow - plan.firstRow);
  if (occupied.length > 0) throw occupiedError(read.sheet, occupied[0], lang);

  const restore: Restore = {
    clear: !ownBlock,
    values: read.grid
      .slice(plan.firstRow, plan.firstRow + rows.length)
      .map((row) => OUTPUT_COLUMNS.map((_, i) => row?.[plan.col + i] ?? '')),
  };
  // Inside an Excel table, the output columns become table columns.
  const addedTableColumns: Excel.TableColumn[] = [];
  if (read.source.kind === 'table' && !ownBlock) {
    const table = sheet.tables.getItem(read.source.name);
    for (const h of rows[0]) addedTableColumns.push(table.columns.add(undefined, undefined, h as string));
  }

  const undo = () => rollBack(context, counter, place, restore, addedTableColumns);
  const queued = { first: () => queueLooks(place, result.units.length, result.rules, lang), last: withLastChunk.queue };
  // What rides on the last chunk may fail after the block's values were applied in the same batch: then the block goes too.
  await writeChunks(context, counter, { place, rows, formats, progress }, queued, {
    undo,
    always: addedTableColumns.length > 0 || withLastChunk.undoOnFailure,
  });
  return undo;
}

/** Puts the output columns back as they were before a write that failed partway. */
async function rollBack(
  context: Excel.RequestContext,
  counter: WriteCounter,
  place: Place,
  restore: Restore,
  addedTableColumns: Excel.TableColumn[],
): Promise<void> {
  try {
    for (const c of addedTableColumns) c.delete();
    const range = place.sheet.getRangeByIndexes(place.row, place.col, place.rows, OUTPUT_COLUMN_COUNT);
    if (!restore.clear) {
      await putBack(context, counter, place, restore.values);
      return;
    }
    range.conditionalFormats.clearAll();
    range.clear();
    await context.sync();
    counter.syncs++;
  } catch {
    // The original error is what the user needs to see; a failed rollback cannot do better.
  }
}

/** Writes the earlier values back, one sync per payload chunk. */
async function putBack(
  context: Excel.RequestContext,
  counter: WriteCounter,
  place: Place,
  values: CellValue[][],
): Promise<void> {
  const chunks = planChunks(values.length, (i) => gridBytes([values[i]]));
  for (const chunk of chunks) {
    place.sheet.getRangeByIndexes(
      place.row + chunk.start,
      place.col,
      chunk.end - chunk.start,
      OUTPUT_COLUMN_COUNT,
    ).values = values.slice(chunk.start, chunk.end) as (string | number)[][];
    // One sync per payload chunk, by design: a chunk is the most Excel on the web accepts in one request.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    counter.syncs++;
  }
}

/**
 * The block's rows, one sync per payload chunk; a failure part-way puts the cells back (`undo`),
 * as does a failed first chunk when `always` (table columns were added, or the last chunk carries
 * more than the block).
 */
async function writeChunks(
  context: Excel.RequestContext,
  counter: WriteCounter,
  block: { place: Place; rows: CellValue[][]; formats: string[][]; progress: Progress },
  queued: { first: () => void; last: () => void },
  onFailure: { undo: () => Promise<void>; always: boolean },
): Promise<void> {
  const { place, rows, formats, progress } = block;
  const chunks = planChunks(rows.length, (i) => gridBytes([rows[i], formats[i]]));
  let written = 0;
  try {
    for (const chunk of chunks) {
      if (supportsExcelApi('1.9')) context.application.suspendScreenUpdatingUntilNextSync();
      context.application.suspendApiCalculationUntilNextSync();
      const range = place.sheet.getRangeByIndexes(
        place.row + chunk.start,
        place.col,
        chunk.end - chunk.start,
        OUTPUT_COLUMN_COUNT,
      );
      range.numberFormat = formats.slice(chunk.start, chunk.end);
      range.values = rows.slice(chunk.start, chunk.end) as (string | number)[][];
      if (chunk.start === 0) queued.first();
      // What goes after the block (row heights, the print area) rides on the last chunk's sync.
      if (chunk === chunks[chunks.length - 1]) queued.last();
      progress('write', chunk.start, rows.length);
      // One sync per payload chunk, by design: a chunk is the most Excel on the web accepts in one request.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      counter.syncs++;
      counter.writeChunks++;
      written++;
    }
  } catch (error) {
    const undone = written > 0 || onFailure.always;
    if (undone) await onFailure.undo();
    throw Object.assign(error as object, { rolledBack: written > 0 || (undone && written === chunks.length - 1) });
  }
}
