/**
 * The headless scorer's side of the rules the add-in keeps in the workbook (RULES_SHEET, see
 * docs/rules-store.md): read them with exceljs, and keep the scored copy's sheet (its visibility untouched) in step with
 * the rules the copy was scored with.
 */
import type ExcelJS from 'exceljs';
import { RULES_SHEET, ruleSetFromRows, ruleSetToRows, type RuleSet, type RuleSetRead } from '../engine';
import { readSheetGrid } from './xlsx';

/** The workbook's rules sheet, if it has one. */
export function rulesSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((s) => s.name === RULES_SHEET);
}

/** The rule set stored in the workbook: null when it has no rules sheet, else the rules or the problems (with cells). */
export function readWorkbookRules(wb: ExcelJS.Workbook): RuleSetRead | null {
  const ws = rulesSheet(wb);
  if (!ws) return null;
  return ruleSetFromRows(readSheetGrid(ws).grid, ws.name);
}

/** Replaces the rules sheet's rows with `rules` (text cells as text), keeping the sheet hidden. */
export function writeWorkbookRules(ws: ExcelJS.Worksheet, rules: RuleSet): void {
  for (let r = ws.rowCount; r >= 1; r--) ws.spliceRows(r, 1);
  ruleSetToRows(rules).forEach((row, i) =>
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      const cell = ws.getCell(i + 1, c + 1);
      cell.value = v;
      if (typeof v === 'string') cell.numFmt = '@';
    }),
  );
}
