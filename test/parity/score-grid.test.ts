/**
 * One engine entry serves both shells (issue 12, "one home per rule"): the same sheet, read by
 * the CLI's own reader (XlsxBook) and scored as the CLI scores it, and loaded into the fake host
 * and inspected by the add-in, gives the same layout, the same findings and the same result —
 * units, bands, ranks, summary. Cases: the sample, last year's index as percent-formatted
 * fractions, data with errors, and a table that is not one (both refuse for the same reason).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HAI_DUONG_2018, scoreGrid, type CellValue, type SheetScoring } from '../../src/engine';
import { XlsxBook } from '../../src/cli/ooxml/book';
import { inspectWorkbook, type Inspection } from '../../src/excel/workbook';
import { createFakeExcel } from '../../tools/fake-excel';
import { SAMPLE, SMALL_SHEET, setCell, smallTable, tempDir, writeWorkbook, type Rows } from '../cli/helpers';
import { runOf } from '../excel/helpers';

let dir: string;
beforeAll(() => {
  dir = tempDir('par-parity-grid-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The sheet as the CLI reads it (its own reader), and the CLI's call of the engine on it. */
function viaCli(
  file: string,
  sheet: string,
): { grid: CellValue[][]; formats: (string | null | undefined)[][]; scoring: SheetScoring } {
  const book = XlsxBook.read(fs.readFileSync(file));
  const ws = book.sheets.find((s) => s.name === sheet)!;
  const { grid, formats } = book.grid(ws);
  return {
    grid: grid as CellValue[][],
    formats: formats as (string | null | undefined)[][],
    scoring: scoreGrid(grid, ws.name, HAI_DUONG_2018, { formats }),
  };
}

/** The same values and formats in the fake host, inspected by the add-in (what "Xem trước" shows). */
async function viaAddIn(
  grid: CellValue[][],
  formats: (string | null | undefined)[][],
  sheet: string,
): Promise<Inspection | { error: string }> {
  const fake = createFakeExcel({
    sheets: [{ name: sheet, cells: grid, numberFormats: formats.map((r) => Array.from(r ?? [], (f) => f ?? null)) }],
    activeSheet: sheet,
    selection: 'A1',
  });
  try {
    return await inspectWorkbook(runOf(fake), HAI_DUONG_2018, 'vi');
  } catch (e) {
    return { error: (e as Error).message };
  }
}

async function both(file: string, sheet: string) {
  const cli = viaCli(file, sheet);
  return { cli: cli.scoring, addIn: await viaAddIn(cli.grid, cli.formats, sheet) };
}

function expectSame(cli: SheetScoring, addIn: Inspection | { error: string }): void {
  if (!cli.found) throw new Error(`the CLI found no table: ${cli.reason}`);
  if ('error' in addIn) throw new Error(`the add-in found no table: ${addIn.error}`);
  expect(addIn.layout).toEqual(cli.layout);
  expect(addIn.findings).toEqual(cli.findings);
  expect(addIn.result.units).toEqual(cli.result.units);
  expect(addIn.result.summary).toEqual(cli.result.summary);
  expect(addIn.result.rankOrder).toEqual(cli.result.rankOrder);
}

test('the sample workbook: same layout, findings and result', async () => {
  const { cli, addIn } = await both(SAMPLE, 'Tổng hợp');
  expectSame(cli, addIn);
  if (cli.found) expect(cli.result.units.length).toBeGreaterThan(10);
});

test("last year's index as percent-formatted fractions: both read 0.8 as 80%", async () => {
  const rows: Rows = smallTable();
  const header = rows.findIndex((r) => r.some((v) => v === 'Tên đơn vị'));
  const width = rows[header].length;
  rows[header][width] = 'Chỉ số năm trước';
  for (let r = header + 2; r < rows.length && rows[r]?.[1]; r++) rows[r][width] = 0.75 + (r % 3) / 10;
  const file = await writeWorkbook(path.join(dir, 'percent.xlsx'), [{ name: SMALL_SHEET, rows }]);
  const cli = viaCli(file, SMALL_SHEET);
  // The column formatted as a percentage, as Excel shows such a column.
  cli.formats = cli.grid.map((row, r) => row.map((_, c) => (c === width && r > header + 1 ? '0%' : null)));
  const scoring = scoreGrid(cli.grid, SMALL_SHEET, HAI_DUONG_2018, { formats: cli.formats });
  const addIn = await viaAddIn(cli.grid, cli.formats, SMALL_SHEET);
  expectSame(scoring, addIn);
  if (!scoring.found) throw new Error('no table');
  expect(scoring.result.units.every((u) => u.lastYearIndexPct !== null && u.lastYearIndexPct > 50)).toBe(true);
  // The format is what tells: without it the same cells are read with a warning that they look like fractions.
  expect(scoring.warnings.map((w) => w.code)).not.toContain('lastYearAsFraction');
  const unformatted = scoreGrid(cli.grid, SMALL_SHEET, HAI_DUONG_2018);
  expect(unformatted.found && unformatted.warnings.map((w) => w.code)).toContain('lastYearAsFraction');
});

test('data with errors: the same findings, cell by cell', async () => {
  const rows = smallTable();
  setCell(rows, 'C5', 'mười');
  setCell(rows, 'D6', 999);
  const file = await writeWorkbook(path.join(dir, 'errors.xlsx'), [{ name: SMALL_SHEET, rows }]);
  const { cli, addIn } = await both(file, SMALL_SHEET);
  expectSame(cli, addIn);
  if (cli.found) expect(cli.errors.map((f) => f.address)).toEqual(expect.arrayContaining(['C5', 'D6']));
});

test('a sheet with no scoring table: both refuse, for the same reason', async () => {
  const file = await writeWorkbook(path.join(dir, 'none.xlsx'), [
    { name: 'Hướng dẫn', rows: [['Hướng dẫn chấm điểm'], ['Bước 1', 'Mở tệp']] },
  ]);
  const { cli, addIn } = await both(file, 'Hướng dẫn');
  expect(cli.found).toBe(false);
  expect('error' in addIn).toBe(true);
  if (!cli.found && 'error' in addIn) expect(addIn.error).toContain(cli.detail);
});
