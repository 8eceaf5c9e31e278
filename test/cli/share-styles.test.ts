/**
 * shareStyles (src/cli/xlsx.ts), run just before the scored copy is written: cells with alike
 * styles share one style object, and every cell keeps the format it had, a date without a
 * number format included (exceljs gives it a date format only when its style is its own).
 */
import ExcelJS from 'exceljs';
import { shareStyles } from '../../src/cli/xlsx';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

test('alike styles become one object; numbers, text and dates keep their formats', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = 1;
  ws.getCell('B1').value = 'text';
  ws.getCell('C1').value = new Date(Date.UTC(2024, 0, 31));
  ws.getCell('D1').value = { formula: 'C1', result: new Date(Date.UTC(2024, 0, 31)) } as ExcelJS.CellFormulaValue;
  ws.getCell('A2').value = 2;
  ws.getCell('A2').font = { bold: true };
  ws.getCell('B2').value = 3;
  ws.getCell('B2').font = { bold: true };
  ws.getCell('C2').value = 4;
  ws.getCell('C2').numFmt = '0.00';
  // Written once without sharing (exceljs as is), once with: same formats read back.
  const before = await roundTrip(wb);
  shareStyles(wb);
  expect(ws.getCell('A2').style).toBe(ws.getCell('B2').style);
  expect(ws.getCell('A1').style).toBe(ws.getCell('B1').style);
  expect(ws.getCell('C1').style).not.toBe(ws.getCell('A1').style);
  const after = await roundTrip(wb);
  for (const address of ['A1', 'B1', 'C1', 'D1', 'A2', 'B2', 'C2']) {
    const a = after.worksheets[0].getCell(address);
    const b = before.worksheets[0].getCell(address);
    expect([address, a.numFmt, a.font, a.value]).toEqual([address, b.numFmt, b.font, b.value]);
  }
  expect(after.worksheets[0].getCell('C1').value).toBeInstanceOf(Date);
  expect(after.worksheets[0].getCell('C1').numFmt).toBe('mm-dd-yy');
  expect(after.worksheets[0].getCell('D1').numFmt).toBe('mm-dd-yy');
});
