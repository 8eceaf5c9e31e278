/**
 * The written workbook: the four columns where they belong, the input's cells, styles, formulas
 * and other sheets unchanged, re-runs replacing the columns, formula-looking text kept as text,
 * and all of it read back by a real spreadsheet program (LibreOffice headless).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { JsonReport } from '../../src/cli/report';
import {
  SAMPLE,
  SMALL_SHEET,
  libreOfficeSheets,
  readWorkbook,
  rowTexts,
  runCli,
  setCell,
  sha256,
  smallTable,
  tempDir,
  writeWorkbook,
} from './helpers';

const OUTPUT_HEADERS = ['Chỉ số (%)', 'Xếp hạng', 'Xếp loại', 'Ghi chú'];
const INPUT_HEADERS = [
  'STT',
  'Tên đơn vị',
  'Công tác chỉ đạo, điều hành',
  'Cải cách thể chế',
  'Cải cách thủ tục hành chính',
  'Cải cách tổ chức bộ máy hành chính nhà nước',
  'Cải cách chế độ công vụ',
  'Cải cách tài chính công',
  'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
  'Tổng điểm',
  'Chỉ số năm trước (%)',
];
const INJECTED = ['=1+1', '@SUM(A1)', '+1', '-2', '=HYPERLINK("http://example.com","x")'];

const SAMPLE_HASH = sha256(SAMPLE);
let dir: string;
let scored: string;
let rescored: string;
let report: JsonReport;
let injectedOut: string;

beforeAll(async () => {
  dir = tempDir();
  scored = path.join(dir, 'scored.xlsx');
  rescored = path.join(dir, 'rescored.xlsx');
  const r1 = await runCli([SAMPLE, '--out', scored, '--json', path.join(dir, 'r.json')]);
  expect(r1.code).toBe(0);
  report = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8'));
  const r2 = await runCli([scored, '--out', rescored]);
  expect(r2.code).toBe(0);

  const rows = smallTable();
  INJECTED.forEach((name, i) => {
    setCell(rows, `A${5 + i}`, i + 1);
    setCell(rows, `B${5 + i}`, name);
    setCell(rows, `C${5 + i}`, 20 + i);
    setCell(rows, `D${5 + i}`, 20);
    setCell(rows, `E${5 + i}`, 30);
    setCell(rows, `F${5 + i}`, 70 + i);
  });
  const injected = await writeWorkbook(path.join(dir, 'injected.xlsx'), [{ name: SMALL_SHEET, rows }]);
  injectedOut = path.join(dir, 'injected-out.xlsx');
  const r3 = await runCli([injected, '--out', injectedOut]);
  expect(r3.code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the scored copy (read with exceljs)', () => {
  let input: ExcelJS.Workbook;
  let output: ExcelJS.Workbook;
  beforeAll(async () => {
    input = await readWorkbook(SAMPLE);
    output = await readWorkbook(scored);
  });

  test('the four columns follow the input columns on the header row, blank on the max row', () => {
    const ws = output.getWorksheet('Tổng hợp')!;
    expect(rowTexts(ws, 5)).toEqual([...INPUT_HEADERS, ...OUTPUT_HEADERS]);
    for (const col of ['L', 'M', 'N', 'O']) expect(ws.getCell(`${col}6`).value ?? null).toBeNull();
  });

  test('unit rows: index as a fraction formatted 0.00%, rank, band label with its fill, the note wrapped', () => {
    const ws = output.getWorksheet('Tổng hợp')!;
    for (const u of report.units) {
      const idx = ws.getCell(`L${u.row}`);
      expect(idx.value).toBeCloseTo(u.indexPct / 100, 10);
      expect(idx.numFmt).toBe('0.00%');
      expect(ws.getCell(`M${u.row}`).value).toBe(u.rank);
      expect(ws.getCell(`N${u.row}`).value).toBe(u.bandLabel);
      expect(ws.getCell(`O${u.row}`).value ?? '').toBe(u.note);
      const fill = ws.getCell(`N${u.row}`).fill as ExcelJS.FillPattern;
      expect(fill.fgColor?.argb).toBe(u.band === 'good' ? 'FFDDEBF7' : 'FFFFF2CC');
      expect(ws.getCell(`O${u.row}`).alignment?.wrapText).toBe(true);
    }
    expect(ws.getCell('L7').value).toBe(0.8958);
    expect(ws.getCell('O14').value).toMatch(
      /^Chỉ số 85,83% thuộc mức “Hoàn thành tốt nhiệm vụ” nhưng lĩnh vực .* dưới 70%; xếp loại “Hoàn thành nhiệm vụ”\.$/,
    );
    expect(ws.getColumn(15).width).toBeGreaterThan(40);
    expect(ws.getColumn(12).width).toBeGreaterThan(8);
  });

  test('the header style of the input is reused for the new header cells', () => {
    const ws = output.getWorksheet('Tổng hợp')!;
    const fill = ws.getCell('L5').fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe('FFD9E1F2');
    expect(ws.getCell('L5').font?.bold).toBe(true);
  });

  test('every input cell keeps its value, formula and style; the other sheet is unchanged', () => {
    for (const wsIn of input.worksheets) {
      const wsOut = output.getWorksheet(wsIn.name)!;
      wsIn.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const out = wsOut.getCell(cell.address);
          expect([cell.address, out.value]).toEqual([cell.address, cell.value]);
          expect([cell.address, out.style]).toEqual([cell.address, cell.style]);
        }),
      );
      expect(wsOut.model.merges).toEqual(wsIn.model.merges);
    }
    const ws = output.getWorksheet('Tổng hợp')!;
    expect(ws.getCell('J7').value).toEqual({ formula: 'SUM(C7:I7)', result: 89.58 });
    expect((ws.getCell('B5').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9E1F2');
    expect(output.getWorksheet('Hướng dẫn')!.getCell('A1').value).toBe(
      input.getWorksheet('Hướng dẫn')!.getCell('A1').value,
    );
    // Plus the report sheet the scorer adds (test/cli/report.test.ts).
    expect(output.worksheets.map((w) => w.name)).toEqual([...input.worksheets.map((w) => w.name), 'Báo cáo CCHC 2021']);
  });

  test('none of the cells the scorer writes is a formula, in the file itself', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(scored));
    const sheetXml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const formulaCells = [...sheetXml.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*>\s*<f/g)].map((m) => m[1]);
    expect(formulaCells.length).toBeGreaterThan(0); // the input's SUM formulas
    expect(formulaCells.every((col) => col === 'J')).toBe(true);
  });
});

describe('re-running on its own output', () => {
  test('replaces the four columns: same column count, same values', async () => {
    const a = (await readWorkbook(scored)).getWorksheet('Tổng hợp')!;
    const b = (await readWorkbook(rescored)).getWorksheet('Tổng hợp')!;
    expect(b.columnCount).toBe(a.columnCount);
    expect(rowTexts(b, 5)).toEqual([...INPUT_HEADERS, ...OUTPUT_HEADERS]);
    for (let r = 1; r <= a.rowCount; r++) expect(rowTexts(b, r)).toEqual(rowTexts(a, r));
  });

  test('clears the output rows an earlier, longer run left right below the table, and nothing else', async () => {
    const wb = await readWorkbook(scored);
    const ws = wb.getWorksheet('Tổng hợp')!;
    // Chí Minh, the last unit, taken out by clearing its input cells: its output row (L29:O29) stays behind.
    for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']) ws.getCell(`${col}29`).value = null;
    expect(ws.getCell('M29').value).toBe(23);
    // Typed under the table by a person: a signature under Ghi chú, then a row that merely looks like output.
    ws.getCell('O30').value = 'Ký tên';
    ws.getCell('L31').value = 0.5;
    ws.getCell('M31').value = 24;
    ws.getCell('N31').value = 'Không hoàn thành nhiệm vụ';
    const shorter = path.join(dir, 'shorter.xlsx');
    await wb.xlsx.writeFile(shorter);
    const out = path.join(dir, 'shorter-out.xlsx');
    const json = path.join(dir, 'shorter.json');
    const r = await runCli([shorter, '--out', out, '--json', json]);
    expect(r.code).toBe(0);
    const res = (await readWorkbook(out)).getWorksheet('Tổng hợp')!;
    expect(res.columnCount).toBe(15);
    for (const col of ['L', 'M', 'N', 'O']) expect(res.getCell(`${col}29`).value ?? null).toBeNull();
    // The first row that is not ours stops the clearing: it and everything below are left alone.
    expect(res.getCell('O30').value).toBe('Ký tên');
    expect([res.getCell('L31').value, res.getCell('M31').value, res.getCell('N31').value]).toEqual([
      0.5,
      24,
      'Không hoàn thành nhiệm vụ',
    ]);
    expect((JSON.parse(fs.readFileSync(json, 'utf8')) as JsonReport).units).toHaveLength(22);
  });

  test('a note typed right under the table in the output columns survives a re-run', async () => {
    const wb = await readWorkbook(scored);
    wb.getWorksheet('Tổng hợp')!.getCell('O30').value = 'Ký tên';
    const signed = path.join(dir, 'signed.xlsx');
    await wb.xlsx.writeFile(signed);
    const out = path.join(dir, 'signed-out.xlsx');
    const r = await runCli([signed, '--out', out]);
    expect(r.code).toBe(0);
    const res = (await readWorkbook(out)).getWorksheet('Tổng hợp')!;
    expect(res.getCell('O30').value).toBe('Ký tên');
    expect(res.getCell('M29').value).toBe(23);
  });

  test('in the other language it still replaces, never adds', async () => {
    const en = path.join(dir, 'rescored-en.xlsx');
    const r = await runCli([scored, '--out', en, '--lang', 'en']);
    expect(r.code).toBe(0);
    const ws = (await readWorkbook(en)).getWorksheet('Tổng hợp')!;
    expect(rowTexts(ws, 5)).toEqual([...INPUT_HEADERS, 'Index (%)', 'Rank', 'Band', 'Note']);
  });
});

test('a unit name that looks like a formula stays text in the scored copy (exceljs)', async () => {
  const ws = (await readWorkbook(injectedOut)).getWorksheet(SMALL_SHEET)!;
  INJECTED.forEach((name, i) => {
    const cell = ws.getCell(`B${5 + i}`);
    expect(cell.value).toBe(name);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });
});

describe('opened by LibreOffice headless', () => {
  let sheets: Map<string, Map<string, string[][]>>;
  beforeAll(async () => {
    sheets = await libreOfficeSheets([scored, rescored, injectedOut]);
  }, 240_000);

  test('reads back the written columns: headers, 83,30%-style indexes, ranks, band labels, notes', () => {
    const rows = sheets.get(scored)!.get('Tổng hợp')!;
    expect(rows[4]).toEqual([...INPUT_HEADERS, ...OUTPUT_HEADERS]);
    for (const u of report.units) {
      const row = rows[u.row - 1];
      expect(row[1]).toBe(u.name);
      expect(row[11].replace(',', '.')).toBe(`${u.indexPct.toFixed(2)}%`); // as shown: 0.00%, decimal mark per locale
      expect(Number(row[12])).toBe(u.rank);
      expect(row[13]).toBe(u.bandLabel);
      expect(row[14]).toBe(u.note);
    }
    expect(rows[6].slice(11, 14).map((t) => t.replace(',', '.'))).toEqual(['89.58%', '1', 'Hoàn thành tốt nhiệm vụ']);
    // LibreOffice recalculates the input's SUM formulas: still the totals.
    expect(rows[6][9].replace(',', '.')).toBe('89.58');
  });

  test('the other sheet survives', () => {
    const guide = sheets.get(scored)!.get('Hướng dẫn')!;
    expect(guide[0][0]).toBe('HƯỚNG DẪN SỬ DỤNG BẢNG CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ');
    expect(guide.map((r) => r.join(' ')).join('\n')).toContain('điểm minh hoạ');
  });

  test('the re-scored copy reads the same', () => {
    expect(sheets.get(rescored)!.get('Tổng hợp')).toEqual(sheets.get(scored)!.get('Tổng hợp'));
  });

  test('formula-looking unit names are text, not evaluated', () => {
    const rows = sheets.get(injectedOut)!.get(SMALL_SHEET)!;
    INJECTED.forEach((name, i) => expect(rows[4 + i][1]).toBe(name));
    expect(rows[2].slice(6)).toEqual(OUTPUT_HEADERS);
  });
});

test('the input workbook is never written', () => {
  expect(sha256(SAMPLE)).toBe(SAMPLE_HASH);
});
