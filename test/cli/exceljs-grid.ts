/* The Office.js batching rule misreads exceljs objects (synchronous, nothing to load) as Excel proxies. */
/* eslint-disable office-addins/load-object-before-read */
/**
 * A worksheet read by exceljs into the engine's grid (values and number formats): how the tests
 * read what the scorer wrote, independently of the scorer's own xlsx reader (src/cli/ooxml), and
 * the reference that reader is compared with. It was the scorer's reader before the patcher.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../src/engine';

/** A sheet's values and number formats, parallel, row 1 / column A at [0][0]. */
export interface SheetGrid {
  grid: CellValue[][];
  formats: (string | null)[][];
}

/** An ISO date (yyyy-mm-dd), how a date in a score cell is shown back to the user. */
function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/**
 * One exceljs cell value as the engine sees it: numbers, text (rich text joined), booleans;
 * a formula as its cached result (null when it has none); an error value as its text
 * (`#DIV/0!`); a date as its ISO text, which the engine then reports as "not a number".
 */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : toCellValue(result as ExcelJS.CellValue);
    }
    if ('text' in value) {
      const text = (value as { text: unknown }).text;
      return typeof text === 'string' ? text : toCellValue(text as ExcelJS.CellValue);
    }
  }
  return null;
}

/** Reads every cell of a worksheet into a grid. Cells covered by a merge (not its top-left) read as empty. */
export function readSheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const grid: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const values: CellValue[] = [];
    const fmts: (string | null)[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.findCell(c);
      if (!cell || (cell.isMerged && cell.master.address !== cell.address)) {
        values.push(null);
        fmts.push(null);
        continue;
      }
      values.push(toCellValue(cell.value));
      fmts.push(cell.numFmt ?? null);
    }
    grid.push(values);
    formats.push(fmts);
  }
  return { grid, formats };
}
