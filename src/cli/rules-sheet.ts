/**
 * The headless scorer's side of the rules the add-in keeps in the workbook (RULES_SHEET, see
 * docs/rules-store.md): read them, and keep the scored copy's sheet (its visibility untouched) in
 * step with the rules the copy was scored with.
 */
import { RULES_SHEET, ruleSetFromRows, ruleSetToRows, type RuleSet, type RuleSetRead } from '../engine';
import type { SheetRef, XlsxBook } from './ooxml/book';
import { replaceSheetData } from './ooxml/sheet-xml';

/** The workbook's rules sheet, if it has one. */
export function rulesSheet(book: XlsxBook): SheetRef | undefined {
  return book.sheets.find((s) => s.name === RULES_SHEET);
}

/** The rule set stored in the workbook: null when it has no rules sheet, else the rules or the problems (with cells). */
export function readWorkbookRules(book: XlsxBook): RuleSetRead | null {
  const ws = rulesSheet(book);
  if (!ws) return null;
  return ruleSetFromRows(book.grid(ws).grid, ws.name);
}

/** Replaces the rules sheet's rows with `rules` (text cells as text, in the '@' format), keeping the sheet hidden. */
export function writeWorkbookRules(book: XlsxBook, ws: SheetRef, rules: RuleSet): void {
  const text = book.styles.xf({ numFmt: '@' });
  const rows = ruleSetToRows(rules).map((row) =>
    row.flatMap((v, c) =>
      v === null || v === '' ? [] : [{ col: c, style: typeof v === 'string' ? text : 0, value: v }],
    ),
  );
  book.setSheetXml(ws, replaceSheetData(book.sheetXml(ws), rows));
}
