import ExcelJS from 'exceljs';
import path from 'node:path';
import { readSheetGrid } from '../cli/exceljs-grid';
import type { CellValue } from '../../src/engine';
import { createFakeExcel, type FakeExcel, type FakeWorkbookData } from '../../tools/fake-excel';
import type { ExcelRun } from '../../src/excel/workbook';

export const SAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'chi-so-cchc-2021-tu-ky.xlsx');

/** The sample workbook's sheets as fake-host data (values as Excel would show them). */
export async function sampleWorkbookData(): Promise<FakeWorkbookData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const sheets = wb.worksheets.map((ws) => {
    const { grid, formats } = readSheetGrid(ws);
    return { name: ws.name, cells: grid, numberFormats: formats.map((r) => r.map((f) => f ?? 'General')) };
  });
  return { sheets, activeSheet: 'Tổng hợp', selection: 'A1' };
}

/** The fake's Excel.run typed as the adapter expects, with the globals the adapter uses for enums. */
export function runOf(fake: FakeExcel): ExcelRun {
  (globalThis as Record<string, unknown>).Excel = fake.Excel;
  (globalThis as Record<string, unknown>).OfficeExtension = fake.OfficeExtension;
  return fake.Excel.run as unknown as ExcelRun;
}

/** A synthetic scoring sheet: `units` rows × `fields` fields, deterministic scores. */
export function syntheticSheet(units: number, fields: number): CellValue[][] {
  const header: CellValue[] = ['STT', 'Tên đơn vị'];
  const max: CellValue[] = [null, 'Điểm tối đa'];
  for (let f = 0; f < fields; f++) {
    header.push(`Lĩnh vực ${f + 1}`);
    max.push(10);
  }
  const rows: CellValue[][] = [['Bảng tổng hợp điểm (tự sinh)'], header, max];
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let u = 0; u < units; u++) {
    const row: CellValue[] = [u + 1, `Đơn vị ${u + 1}`];
    for (let f = 0; f < fields; f++) row.push(Math.round((5 + rand() * 5) * 100) / 100);
    rows.push(row);
  }
  return rows;
}

export function fakeWith(cells: CellValue[][], name = 'Tổng hợp'): FakeExcel {
  return createFakeExcel({ sheets: [{ name, cells }], activeSheet: name, selection: 'A1' });
}
