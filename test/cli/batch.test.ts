/**
 * A batch, as a province's Sở Nội vụ runs it on its districts' files: `par-score <folder>` or
 * several files. Each workbook is scored on its own; a bad one does not stop the others; one
 * summary (.xlsx and .csv) has a row per workbook and names every failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  SAMPLE,
  SMALL_SHEET,
  libreOfficeSheets,
  parseCsv,
  readWorkbook,
  runCli,
  setCell,
  sha256,
  smallTable,
  tempDir,
  writeWorkbook,
} from './helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir('par-batch-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Three good workbooks (the sample twice, a small table) and one whose data has an error, in `folder`. */
async function districtFolder(folder: string): Promise<{ good: string[]; bad: string }> {
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(SAMPLE, path.join(folder, 'Tứ Kỳ.xlsx'));
  fs.copyFileSync(SAMPLE, path.join(folder, 'Gia Lộc.xlsx'));
  await writeWorkbook(path.join(folder, 'Ninh Giang.xlsx'), [{ name: SMALL_SHEET, rows: smallTable() }]);
  await writeWorkbook(path.join(folder, 'Thanh Miện.xlsx'), [
    { name: SMALL_SHEET, rows: setCell(smallTable(), 'E5', 41) },
  ]);
  return { good: ['Gia Lộc', 'Ninh Giang', 'Tứ Kỳ'], bad: 'Thanh Miện' };
}

test('a folder of three good workbooks and one bad: three copies, a summary naming the failure, exit 1, inputs untouched', async () => {
  const folder = path.join(dir, 'huyen');
  const { good, bad } = await districtFolder(folder);
  const before = fs.readdirSync(folder).map((f) => sha256(path.join(folder, f)));
  const r = await runCli(['huyen'], dir);
  expect(r.code).toBe(1);
  for (const name of good) expect(fs.existsSync(path.join(folder, `${name}.scored.xlsx`))).toBe(true);
  expect(fs.existsSync(path.join(folder, `${bad}.scored.xlsx`))).toBe(false);
  expect(
    fs
      .readdirSync(folder)
      .filter((f) => !/scored|tong-hop/.test(f))
      .map((f) => sha256(path.join(folder, f))),
  ).toEqual(before);

  // The terminal: a line per workbook, the failure with its cell, the count.
  expect(r.stdout).toContain(
    `huyen/${bad}.xlsx: Dữ liệu có lỗi, chưa chấm: '${SMALL_SHEET}'!E5: 41 điểm vượt điểm tối đa 40`,
  );
  expect(r.stdout).toContain('3/4 sổ tính đã chấm; 1 sổ tính không chấm được.');

  // The CSV: header, a row per workbook in Vietnamese alphabetical order, the total.
  const csvText = fs.readFileSync(path.join(folder, 'tong-hop-cham-diem.csv'), 'utf8');
  expect(csvText.startsWith('\uFEFF')).toBe(true);
  const csv = parseCsv(csvText.slice(1)).filter((row) => row.length > 1);
  const header = csv[0];
  expect(header.slice(0, 4)).toEqual(['STT', 'Tệp', 'Trang tính', 'Số đơn vị']);
  expect(header).toEqual(
    expect.arrayContaining(['Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Kết quả', 'Tệp kết quả', 'Lỗi']),
  );
  const col = (name: string) => header.indexOf(name);
  const rows = csv.slice(1);
  expect(rows.map((row) => row[col('Tệp')])).toEqual([
    'huyen/Gia Lộc.xlsx',
    'huyen/Ninh Giang.xlsx',
    'huyen/Thanh Miện.xlsx',
    'huyen/Tứ Kỳ.xlsx',
    'Tổng cộng',
  ]);
  const tuKy = rows[3];
  expect(tuKy[col('Số đơn vị')]).toBe('23');
  expect(tuKy[col('Hoàn thành tốt nhiệm vụ')]).toBe('8');
  expect(tuKy[col('Hoàn thành nhiệm vụ')]).toBe('15');
  expect(tuKy[col('Tệp kết quả')]).toBe('huyen/Tứ Kỳ.scored.xlsx');
  const failed = rows[2];
  expect(failed[col('Kết quả')]).toBe('Dữ liệu có lỗi, chưa chấm');
  expect(failed[col('Lỗi')]).toContain(`'${SMALL_SHEET}'!E5: 41 điểm vượt điểm tối đa 40`);
  expect(failed[col('Số đơn vị')]).toBe('');
  expect(failed[col('Tệp kết quả')]).toBe('');
  const total = rows[4];
  expect(Number(total[col('Số đơn vị')])).toBe(23 + 23 + 4);

  // The .xlsx: the same table under a title, read back by exceljs.
  const wb = await readWorkbook(path.join(folder, 'tong-hop-cham-diem.xlsx'));
  const ws = wb.getWorksheet('Tổng hợp chấm điểm');
  expect(ws).toBeDefined();
  expect(ws?.getCell('A1').value).toBe('Tổng hợp kết quả chấm điểm Chỉ số CCHC');
  expect(ws?.getCell('B3').value).toBe('Tệp');
  expect(ws?.getCell('B6').value).toBe('huyen/Thanh Miện.xlsx');
  expect(ws?.getCell(6, col('Lỗi') + 1).value).toContain('E5');
  expect(ws?.getCell(7, col('Hoàn thành tốt nhiệm vụ') + 1).value).toBe(8);
});

test('the summary .xlsx opens in LibreOffice with the same rows as the .csv', async () => {
  const folder = path.join(dir, 'huyen');
  await districtFolder(folder);
  await runCli(['huyen'], dir);
  const xlsx = path.join(folder, 'tong-hop-cham-diem.xlsx');
  const sheets = (await libreOfficeSheets([xlsx])).get(xlsx);
  const table = sheets?.get('Tổng hợp chấm điểm') ?? [...(sheets?.values() ?? [])][0];
  const csv = parseCsv(fs.readFileSync(path.join(folder, 'tong-hop-cham-diem.csv'), 'utf8').slice(1)).filter(
    (row) => row.length > 1,
  );
  const fromLibreOffice = (table ?? []).slice(2).filter((row) => row.some((c) => c !== ''));
  expect(fromLibreOffice.map((row) => row.slice(0, 4))).toEqual(csv.map((row) => row.slice(0, 4)));
}, 120_000);

test('several files, --out-dir and --summary: the copies and the summary where asked; all good: exit 0', async () => {
  const a = path.join(dir, 'a.xlsx');
  const b = path.join(dir, 'b.xlsx');
  fs.copyFileSync(SAMPLE, a);
  await writeWorkbook(b, [{ name: SMALL_SHEET, rows: smallTable() }]);
  fs.mkdirSync(path.join(dir, 'out'));
  const r = await runCli(
    ['a.xlsx', 'b.xlsx', '--out-dir', 'out', '--summary', 'out/tinh.xlsx', '--no-report-sheet'],
    dir,
  );
  expect(r.code).toBe(0);
  expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual([
    'a.scored.xlsx',
    'b.scored.xlsx',
    'tinh.csv',
    'tinh.xlsx',
  ]);
  expect(r.stdout).toContain('2/2 sổ tính đã chấm; 0 sổ tính không chấm được.');
});

test('a re-run on the same folder scores the inputs again, not the copies or the summary it wrote', async () => {
  const folder = path.join(dir, 'huyen');
  await districtFolder(folder);
  await runCli(['huyen'], dir);
  const r = await runCli(['huyen'], dir);
  const csv = parseCsv(fs.readFileSync(path.join(folder, 'tong-hop-cham-diem.csv'), 'utf8').slice(1)).filter(
    (row) => row.length > 1,
  );
  expect(csv.length).toBe(1 + 4 + 1);
  expect(r.stdout).not.toContain('scored.xlsx:');
  expect(r.stdout).not.toContain('tong-hop-cham-diem.xlsx:');
  expect(r.stdout.split('\n').filter((l) => l.startsWith('huyen/')).length).toBe(4);
});

test('a file that is not a workbook, or missing, is a row of the summary, not the end of the batch', async () => {
  const a = path.join(dir, 'a.xlsx');
  fs.copyFileSync(SAMPLE, a);
  fs.writeFileSync(path.join(dir, 'hỏng.xlsx'), 'STT,Tên đơn vị\n1,Xã A\n');
  const r = await runCli(['a.xlsx', 'hỏng.xlsx', 'không-có.xlsx'], dir);
  expect(r.code).toBe(1);
  expect(fs.existsSync(path.join(dir, 'a.scored.xlsx'))).toBe(true);
  const csv = parseCsv(fs.readFileSync(path.join(dir, 'tong-hop-cham-diem.csv'), 'utf8').slice(1)).filter(
    (row) => row.length > 1,
  );
  const status = csv.slice(1, 4).map((row) => row[csv[0].indexOf('Kết quả')]);
  expect(status).toEqual(['Đã chấm', 'Không đọc được tệp', 'Không đọc được tệp']);
  expect(csv[3][csv[0].indexOf('Lỗi')]).toContain('Không tìm thấy tệp “không-có.xlsx”');
});

test.each([
  ['--out', ['--out', 'x.xlsx']],
  ['--json', ['--json', 'x.json']],
  ['--report', ['--report', 'x.docx']],
  ['--district', ['--district', 'Tứ Kỳ']],
])('%s with several workbooks: exit 2, nothing written', async (option, extra) => {
  fs.copyFileSync(SAMPLE, path.join(dir, 'a.xlsx'));
  fs.copyFileSync(SAMPLE, path.join(dir, 'b.xlsx'));
  const r = await runCli(['a.xlsx', 'b.xlsx', ...extra], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`Tuỳ chọn ${option} chỉ dùng khi chấm một tệp`);
  expect(fs.readdirSync(dir).sort()).toEqual(['a.xlsx', 'b.xlsx']);
});

test('a folder with no workbook, a summary not .xlsx, a missing --out-dir: exit 2 with the reason', async () => {
  fs.mkdirSync(path.join(dir, 'rỗng'));
  expect((await runCli(['rỗng'], dir)).stderr).toContain('Thư mục “rỗng” không có tệp .xlsx hay .xlsm nào');
  fs.copyFileSync(SAMPLE, path.join(dir, 'a.xlsx'));
  fs.copyFileSync(SAMPLE, path.join(dir, 'b.xlsx'));
  const bad = await runCli(['a.xlsx', 'b.xlsx', '--summary', 'tong.csv'], dir);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('phải có đuôi .xlsx');
  const noDir = await runCli(['a.xlsx', 'b.xlsx', '--out-dir', 'không-có'], dir);
  expect(noDir.code).toBe(2);
  expect(noDir.stderr).toContain('Không có thư mục kết quả “không-có”');
});

test('a name that looks like a formula stays text in the summary (.xlsx inline string, .csv with an apostrophe)', async () => {
  const f = path.join(dir, '=HYPERLINK.xlsx');
  fs.copyFileSync(SAMPLE, f);
  fs.copyFileSync(SAMPLE, path.join(dir, 'b.xlsx'));
  await runCli(['=HYPERLINK.xlsx', 'b.xlsx', '--no-report-sheet'], dir);
  const csv = fs.readFileSync(path.join(dir, 'tong-hop-cham-diem.csv'), 'utf8');
  expect(csv).toContain("\n1,'=HYPERLINK.xlsx,");
  const wb = await readWorkbook(path.join(dir, 'tong-hop-cham-diem.xlsx'));
  expect(wb.worksheets[0].getCell('B4').value).toBe('=HYPERLINK.xlsx');
});

test('--out-dir or --summary with one file: exit 2, they are for a batch', async () => {
  fs.copyFileSync(SAMPLE, path.join(dir, 'a.xlsx'));
  const r = await runCli(['a.xlsx', '--summary', 'x.xlsx'], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Tuỳ chọn --summary chỉ dùng khi chấm nhiều sổ tính');
  expect(fs.readdirSync(dir)).toEqual(['a.xlsx']);
});
