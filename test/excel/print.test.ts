/**
 * Print-ready output (issue 17, item 3), add-in side, on the fake host: the print area grows over
 * the output columns, wrapped notes get row heights, the report sheet gets A4 portrait, one page
 * wide, the Decree 30/2020 margins and Times New Roman.
 */
import { HAI_DUONG_2018 } from '../../src/engine';
import { writeReport } from '../../src/excel/report';
import { ND30_MARGINS_MM, boxOf, extendedPrintArea } from '../../src/excel/print';
import { scoreWorkbook } from '../../src/excel/workbook';
import { colToLetters, createFakeExcel } from '../../tools/fake-excel';
import { runOf, sampleWorkbookData } from './helpers';

const rules = HAI_DUONG_2018;
const mm = (pt: number) => (pt * 25.4) / 72;

test('a print area is grown over the output block, never shrunk; several areas are left alone', () => {
  const output = { top: 5, bottom: 29, left: 11, right: 14 };
  expect(extendedPrintArea("'Tổng hợp'!$A$1:$K$29", output)).toBe('A1:O29');
  expect(extendedPrintArea('A1:Z40', output)).toBeNull();
  expect(extendedPrintArea('A1:B2,D4:E5', output)).toBeNull();
  expect(boxOf('$C$3')).toEqual({ top: 3, bottom: 3, left: 2, right: 2 });
});

test('scoring a sheet that has a print area extends it over the output columns, and rows with wrapped notes grow', async () => {
  const fake = createFakeExcel(await sampleWorkbookData());
  fake.host._sheet('Tổng hợp').page.printArea = 'A1:K29';
  const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
  expect(outcome.status).toBe('written');
  if (outcome.status !== 'written') return;
  const [first, , , last] = outcome.inspection.outputColumns;
  expect(fake.host.sheet('Tổng hợp').pageLayout().printArea).toBe(`A1:${last}29`);
  expect(first).toBe('L');
  // A demoted unit's note wraps in the 320-point note column: its row is taller than a one-line row.
  const demoted = outcome.inspection.result.units.find((u) => u.demotedFrom !== null)!;
  const plain = outcome.inspection.result.units.find((u) => u.demotedFrom === null)!;
  const view = fake.host.sheet('Tổng hợp');
  expect(view.rowHeight(demoted.row - 1)).toBeGreaterThan(view.rowHeight(plain.row - 1));
});

test('a sheet without a print area keeps none (Excel prints the used range, output included)', async () => {
  const fake = createFakeExcel(await sampleWorkbookData());
  await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
  expect(fake.host.sheet('Tổng hợp').pageLayout().printArea).toBeNull();
});

test('the report sheet: A4 portrait, one page wide, Decree 30/2020 margins, the marker column outside the print area', async () => {
  const fake = createFakeExcel(await sampleWorkbookData());
  const outcome = await writeReport(runOf(fake), { rules, lang: 'vi', settings: { year: 2021 } });
  expect(outcome.status).toBe('written');
  if (outcome.status !== 'written') return;
  const page = fake.host.sheet(outcome.sheet).pageLayout();
  expect(page.orientation).toBe('Portrait');
  expect(page.paperSize).toBe('A4');
  expect(page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
  expect(Math.round(mm(page.topMargin))).toBe(ND30_MARGINS_MM.top);
  expect(Math.round(mm(page.bottomMargin))).toBe(ND30_MARGINS_MM.bottom);
  expect(Math.round(mm(page.leftMargin))).toBe(ND30_MARGINS_MM.left);
  expect(Math.round(mm(page.rightMargin))).toBe(ND30_MARGINS_MM.right);
  expect(page.printArea).toMatch(/^A1:[A-Y]\d+$/);
});

test('the report sheet prints in Times New Roman: every written cell of its print area; the scoring sheet keeps its font', async () => {
  const fake = createFakeExcel(await sampleWorkbookData());
  const outcome = await writeReport(runOf(fake), { rules, lang: 'vi', settings: { year: 2021 } });
  expect(outcome.status).toBe('written');
  if (outcome.status !== 'written') return;
  const report = fake.host.sheet(outcome.sheet);
  const area = boxOf(report.pageLayout().printArea ?? '');
  if (!area) throw new Error('the report sheet has no print area');
  const fonts = new Map<string, string>();
  report.values().forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === '' || r + 1 > area.bottom || c > area.right) return;
      const address = `${colToLetters(c)}${r + 1}`;
      fonts.set(address, report.cell(address).fontName);
    }),
  );
  expect(fonts.size).toBeGreaterThan(20);
  expect(new Set(fonts.values())).toEqual(new Set(['Times New Roman']));
  expect(fake.host.sheet('Tổng hợp').cell('B5').fontName).toBe('Calibri');
  // Read back through the API as Office.js gives it: the block's one name.
  const names = await runOf(fake)(async (context) => {
    const block = context.workbook.worksheets.getItem(outcome.sheet).getRange('A1:B2');
    const scoring = context.workbook.worksheets.getItem('Tổng hợp').getRange('A1:C3');
    block.format.font.load('name');
    scoring.format.font.load('name');
    await context.sync();
    return [block.format.font.name, scoring.format.font.name];
  });
  expect(names).toEqual(['Times New Roman', 'Calibri']);
});
