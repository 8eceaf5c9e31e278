/**
 * The rule set in force, kept in the workbook on a sheet the add-in owns (RULES_SHEET, VeryHidden):
 * every co-author and the headless scorer read the same rules. The rows' layout is the engine's
 * (ruleSetToRows / ruleSetFromRows); see docs/rules-store.md for why a sheet.
 */
import {
  HAI_DUONG_2018,
  RULES_SHEET,
  gridFingerprint,
  ruleSetFingerprint,
  ruleSetFromRows,
  ruleSetToRows,
  type CellValue,
  type RuleSet,
  type RuleSourceProblem,
} from '../engine';
import type { ExcelRun } from './workbook';

/**
 * The rules a workbook holds. `stamp` changes whenever the stored rules change (or appear, or
 * become unreadable): it is what "the rules changed since they were read" compares.
 */
export type StoredRules =
  | { source: 'workbook'; rules: RuleSet; stamp: string }
  | { source: 'default'; rules: RuleSet; stamp: string }
  | { source: 'invalid'; rules: RuleSet; stamp: string; problems: RuleSourceProblem[] };

/** What a used range read with values, rowIndex and columnIndex gives, as a grid anchored at A1. */
export interface LoadedRange {
  isNullObject: boolean;
  values: unknown[][];
  rowIndex: number;
  columnIndex: number;
}

export function anchoredGrid(range: LoadedRange): CellValue[][] {
  if (range.isNullObject) return [];
  const grid: CellValue[][] = [];
  for (let r = 0; r < range.rowIndex; r++) grid.push([]);
  const pad: CellValue[] = new Array<CellValue>(range.columnIndex).fill(null);
  for (const row of range.values) grid.push([...pad, ...(row as CellValue[])]);
  return grid;
}

/** The stored rules from the rules sheet's grid (`null`: the sheet does not exist). */
export function storedRulesFromGrid(grid: CellValue[][] | null): StoredRules {
  if (grid === null) return { source: 'default', rules: HAI_DUONG_2018, stamp: 'none' };
  const read = ruleSetFromRows(grid, RULES_SHEET);
  if (read.ok) return { source: 'workbook', rules: read.rules, stamp: ruleSetFingerprint(read.rules) };
  return {
    source: 'invalid',
    rules: HAI_DUONG_2018,
    stamp: `invalid-${gridFingerprint(grid)}`,
    problems: read.problems,
  };
}

/** Which sheets exist (one sync): the owned sheets' presence decides what can be loaded next. */
export async function sheetNames(context: Excel.RequestContext): Promise<Set<string>> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  return new Set(sheets.items.map((s) => s.name));
}

/** Queues the load of an existing sheet's used range; the function returns it as a grid after the sync. */
export function loadSheetGrid(context: Excel.RequestContext, name: string): () => CellValue[][] {
  const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
  used.load('values, rowIndex, columnIndex');
  return () => anchoredGrid(used as unknown as LoadedRange);
}

/** Reads the rule set in force (the default, Hải Dương 29/2018, when the workbook has none). Two syncs at most. */
export async function readRules(context: Excel.RequestContext): Promise<StoredRules> {
  const names = await sheetNames(context);
  if (!names.has(RULES_SHEET)) return storedRulesFromGrid(null);
  const grid = loadSheetGrid(context, RULES_SHEET);
  await context.sync();
  return storedRulesFromGrid(grid());
}

/** The same, in its own Excel.run. */
export async function readRulesRun(run: ExcelRun): Promise<StoredRules> {
  return run((context) => readRules(context));
}

/** Number formats for a block of values written by the add-in: text stays text ('@'), numbers and booleans General. */
export function textFormats(rows: readonly (readonly CellValue[])[], width: number): string[][] {
  return rows.map((row) => Array.from({ length: width }, (_, c) => (typeof row[c] === 'string' ? '@' : 'General')));
}

/** Pads rows to one width ('' for missing cells), as range.values needs. */
export function rectangular(rows: readonly (readonly CellValue[])[], width: number): (string | number | boolean)[][] {
  return rows.map((row) =>
    Array.from({ length: width }, (_, c) =>
      row[c] === null || row[c] === undefined ? '' : (row[c] as string | number | boolean),
    ),
  );
}

/**
 * Queues the creation (VeryHidden) of an owned sheet when it does not exist yet, and returns it.
 * A new sheet is added at the end and never activated, so the user's view does not move.
 */
export function ownedSheet(context: Excel.RequestContext, name: string, exists: boolean): Excel.Worksheet {
  if (exists) return context.workbook.worksheets.getItem(name);
  const ws = context.workbook.worksheets.add(name);
  ws.visibility = Excel.SheetVisibility.veryHidden;
  return ws;
}

/** Queues the replacement of an owned sheet's contents by `rows` from A1 (text kept as text). */
export function queueReplaceRows(
  context: Excel.RequestContext,
  name: string,
  exists: boolean,
  rows: readonly (readonly CellValue[])[],
): void {
  const ws = ownedSheet(context, name, exists);
  if (exists) ws.getRange().clear(Excel.ClearApplyTo.all);
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.length));
  const range = ws.getRangeByIndexes(0, 0, rows.length, width);
  range.numberFormat = textFormats(rows, width);
  range.values = rectangular(rows, width);
}

/** Queues writing the rule set to the rules sheet (created VeryHidden if absent; its rows replaced). */
export function queueWriteRules(context: Excel.RequestContext, rules: RuleSet, exists: boolean): void {
  queueReplaceRows(context, RULES_SHEET, exists, ruleSetToRows(rules));
}

/**
 * Writes the rule set to the workbook: creates the owned sheet if absent, replaces its rows.
 * The caller validates first (validateRuleSet); this writes what it is given. Two syncs.
 */
export async function writeRules(context: Excel.RequestContext, rules: RuleSet): Promise<void> {
  const names = await sheetNames(context);
  queueWriteRules(context, rules, names.has(RULES_SHEET));
  await context.sync();
}
