/**
 * The same workbook through both shells — the CLI (in-process, on the .xlsx file) and the add-in
 * (scoreWorkbook on the fake host loaded with the same file's values) — gives the same decision
 * on the output write: where the guards (src/engine/output-rows.ts) say yes, both write the same
 * cells; where they say no, both refuse naming the same cell. Cases: a note typed under the
 * table in the first output column, spaces in an output cell, and an earlier, longer run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { HAI_DUONG_2018, columnLetter, detectLayout, type CellValue } from '../../src/engine';
import { scoreWorkbook } from '../../src/excel/workbook';
import { createFakeExcel } from '../../tools/fake-excel';
import { readSheetGrid } from '../cli/exceljs-grid';
import {
  SMALL_SHEET,
  readWorkbook,
  runCli,
  setCell,
  smallTable,
  tempDir,
  writeWorkbook,
  type Rows,
} from '../cli/helpers';
import { runOf } from '../excel/helpers';

interface Decision {
  written: boolean;
  /** The cell a refusal names. */
  refused: string | null;
  /** The output columns, rows 3–12, as text, after the run. */
  cells: string[][];
}

let dir: string;
beforeAll(() => {
  dir = tempDir('par-parity-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? v.toFixed(6) : String(v));

/** The output block's columns on the small table (the engine's layout says where). */
function outputCols(rows: Rows): number[] {
  const found = detectLayout(rows as CellValue[][]);
  if (!found.ok) throw new Error('no table');
  const first = found.layout.outputCol ?? found.layout.outputTargetCol;
  return [0, 1, 2, 3].map((i) => first + i);
}

function window(grid: readonly (readonly unknown[])[], cols: number[]): string[][] {
  return Array.from({ length: 10 }, (_, i) => cols.map((c) => text(grid[i + 2]?.[c])));
}

async function gridOf(file: string): Promise<CellValue[][]> {
  const wb = await readWorkbook(file);
  return readSheetGrid(wb.getWorksheet(SMALL_SHEET)!).grid;
}

async function viaCli(file: string, cols: number[]): Promise<Decision> {
  const out = file.replace(/\.xlsx$/, '.cli.xlsx');
  const r = await runCli([file, '--out', out, '--no-report-sheet']);
  const refused = /'[^']+'!([A-Z]+\d+): /.exec(r.stderr)?.[1] ?? null;
  if (r.code !== 0) return { written: false, refused, cells: window(await gridOf(file), cols) };
  return { written: true, refused: null, cells: window(await gridOf(out), cols) };
}

async function viaAddIn(file: string, cols: number[]): Promise<Decision> {
  const fake = createFakeExcel({
    sheets: [{ name: SMALL_SHEET, cells: await gridOf(file) }],
    activeSheet: SMALL_SHEET,
    selection: 'A1',
  });
  const outcome = await scoreWorkbook(runOf(fake), { rules: HAI_DUONG_2018, lang: 'vi' });
  const written = outcome.status === 'written';
  const refused = 'message' in outcome ? (/!([A-Z]+\d+)/.exec(outcome.message)?.[1] ?? null) : null;
  return { written, refused: written ? null : refused, cells: window(fake.host.sheet(SMALL_SHEET).values(), cols) };
}

async function both(name: string, rows: Rows): Promise<{ cli: Decision; addIn: Decision; cols: number[] }> {
  const file = await writeWorkbook(path.join(dir, `${name}.xlsx`), [{ name: SMALL_SHEET, rows }]);
  const cols = outputCols(rows);
  return { cli: await viaCli(file, cols), addIn: await viaAddIn(file, cols), cols };
}

test('a note typed three rows under the table in the first output column: both write, the note stays', async () => {
  const rows = smallTable(); // units on rows 5–8
  const cols = outputCols(rows);
  const note = `${columnLetter(cols[0])}11`;
  setCell(rows, note, 'Ghi chú: số liệu đã rà soát');
  const { cli, addIn } = await both('note-under', rows);
  expect(addIn).toEqual(cli);
  expect(cli.written).toBe(true);
  expect(cli.cells[8][0]).toBe('Ghi chú: số liệu đã rà soát'); // row 11
  expect(cli.cells[0][0]).toBe('Chỉ số (%)'); // row 3: the header
});

test('an output cell holding only spaces counts as filled: both refuse, naming it, and write nothing', async () => {
  const rows = smallTable();
  const cols = outputCols(rows);
  const cell = `${columnLetter(cols[1])}6`;
  setCell(rows, cell, '   ');
  const { cli, addIn } = await both('spaces', rows);
  expect(addIn).toEqual(cli);
  expect(cli).toMatchObject({ written: false, refused: cell });
  expect(cli.cells[0][0]).toBe('');
});

test('an earlier, longer run: both clear its leftover row and keep what a person typed below it', async () => {
  // Score four units, then take the last unit out of the input (its output row stays behind).
  const first = await writeWorkbook(path.join(dir, 'longer-0.xlsx'), [{ name: SMALL_SHEET, rows: smallTable() }]);
  const scored = path.join(dir, 'longer-1.xlsx');
  expect((await runCli([first, '--out', scored, '--no-report-sheet'])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(scored);
  const ws = wb.getWorksheet(SMALL_SHEET)!;
  for (let c = 1; c <= 6; c++) ws.getCell(8, c).value = null;
  const cols = outputCols(readSheetGrid(ws).grid as Rows);
  ws.getCell(10, cols[3] + 1).value = 'Người lập biểu';
  const rows = readSheetGrid(ws).grid as Rows;
  expect(text(rows[7][cols[1]])).not.toBe(''); // the leftover rank on row 8
  const { cli, addIn } = await both('longer', rows);
  expect(addIn).toEqual(cli);
  expect(cli.written).toBe(true);
  expect(cli.cells[5]).toEqual(['', '', '', '']); // row 8 cleared
  expect(cli.cells[7][3]).toBe('Người lập biểu'); // row 10 kept
  expect(cli.cells[4][2]).not.toBe(''); // row 7: the third unit's band
});

test('an earlier run wrote further right (cells right of the table were in use): both replace that block, no second copy', async () => {
  // The add-in's "write further right": a note in G6 where the block would go, the block put in H:K.
  const rows = smallTable();
  setCell(rows, 'G6', 'ghi chú của cán bộ');
  const fake = createFakeExcel({
    sheets: [{ name: SMALL_SHEET, cells: rows as CellValue[][] }],
    activeSheet: SMALL_SHEET,
    selection: 'A1',
  });
  const first = await scoreWorkbook(runOf(fake), {
    rules: HAI_DUONG_2018,
    lang: 'vi',
    override: { layout: { outputTargetCol: 7 }, sheet: SMALL_SHEET },
  });
  expect(first.status).toBe('written');
  const scored = fake.host
    .sheet(SMALL_SHEET)
    .values()
    .map((r) => r.map((v) => (v === '' ? null : v))) as Rows;
  expect(text(scored[2][7])).toBe('Chỉ số (%)');
  const file = await writeWorkbook(path.join(dir, 'further-right.xlsx'), [{ name: SMALL_SHEET, rows: scored }]);
  const cols = [7, 8, 9, 10, 11, 12, 13, 14];
  const cli = await viaCli(file, cols);
  const addIn = await viaAddIn(file, cols);
  expect(addIn).toEqual(cli);
  expect(cli.written).toBe(true);
  expect(cli.cells[0]).toEqual(['Chỉ số (%)', 'Xếp hạng', 'Xếp loại', 'Ghi chú', '', '', '', '']); // row 3: one copy, in H:K
  expect(cli.cells.slice(2, 6).every((r) => r[0] !== '' && r[4] === '')).toBe(true); // rows 5–8: the units' indexes, nothing right of the block
});
