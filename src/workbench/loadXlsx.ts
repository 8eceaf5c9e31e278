/**
 * Reads an .xlsx in the browser (exceljs's browser build) into plain sheets of values, as Excel's
 * `range.values` would give them: formula cells hold their cached result, merged cells hold their
 * value in the top-left cell only, dates become serial numbers, rich text becomes its plain text.
 */
import ExcelJS from 'exceljs';
import { detectLayout, type CellValue } from '../engine';

export interface LoadedSheet {
  name: string;
  /** Row-major values from A1; '' or null for empty cells. */
  values: CellValue[][];
  /** Number formats where a cell has one other than General. */
  numberFormats: (string | undefined)[][];
  /** Column widths in Excel's character units, by 0-based column. */
  columnWidths: (number | undefined)[];
}

export interface LoadedWorkbook {
  name: string;
  sheets: LoadedSheet[];
  /** Index of the active sheet. */
  active: number;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / 86400000;
  const v = value as unknown as Record<string, unknown>;
  if ('error' in v) return String(v.error);
  if ('richText' in v && Array.isArray(v.richText))
    return (v.richText as { text: string }[]).map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result as ExcelJS.CellValue | undefined;
    return result === undefined ? null : plain(result);
  }
  if ('text' in v) return String(v.text);
  return null;
}

function readSheet(ws: ExcelJS.Worksheet): LoadedSheet {
  const values: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const vals: CellValue[] = [];
    const fmts: (string | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // In Excel, only the top-left cell of a merged block holds a value.
      if (cell.isMerged && cell.master !== cell) return;
      vals[c] = plain(cell.value);
      if (cell.numFmt && cell.numFmt !== 'General') fmts[c] = cell.numFmt;
    });
    values[r] = vals;
    numberFormats[r] = fmts;
  });
  const width = values.reduce((n, row) => Math.max(n, row?.length ?? 0), 0);
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
    values[r] = row;
    numberFormats[r] = numberFormats[r] ?? [];
  }
  const columnWidths: (number | undefined)[] = [];
  for (let c = 1; c <= Math.max(width, ws.columnCount); c++) columnWidths.push(ws.getColumn(c).width);
  return { name: ws.name, values, numberFormats, columnWidths };
}

/** The workbook's own active tab, else the first sheet holding a scoring table, else the first sheet. */
function activeIndex(wb: ExcelJS.Workbook, sheets: LoadedSheet[]): number {
  const views = (wb as unknown as { views?: { activeTab?: number }[] }).views;
  const tab = views?.[0]?.activeTab;
  if (typeof tab === 'number' && tab >= 0 && tab < sheets.length) return tab;
  const found = sheets.findIndex((s) => detectLayout(s.values).ok);
  return found >= 0 ? found : 0;
}

export async function loadXlsx(data: ArrayBuffer, name: string): Promise<LoadedWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const sheets: LoadedSheet[] = [];
  wb.eachSheet((ws) => {
    if (ws.state === 'visible' || ws.state === undefined) sheets.push(readSheet(ws));
  });
  if (sheets.length === 0) sheets.push({ name: 'Sheet1', values: [], numberFormats: [], columnWidths: [] });
  return { name, sheets, active: activeIndex(wb, sheets) };
}
