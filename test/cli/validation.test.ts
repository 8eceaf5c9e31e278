/**
 * Bad input: every validation case gives exit 1, names the cell, writes no workbook and leaves
 * the input byte-identical. Text read as a number passes with a warning. No scoring sheet: exit 1
 * saying what was looked for. Bad usage: exit 2. --sheet picks the sheet.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../../src/cli/report';
import {
  SAMPLE,
  SMALL_SHEET,
  readWorkbook,
  rowTexts,
  runCli,
  setCell,
  sha256,
  smallTable,
  tempDir,
  writeWorkbook,
  type Rows,
} from './helpers';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cellRef = (a: string) => `'${SMALL_SHEET}'!${a}`;

interface Case {
  name: string;
  edit: (rows: Rows) => void;
  cell: string;
  code: string;
  text: RegExp;
}

const CASES: Case[] = [
  {
    name: 'text that is not a number',
    edit: (r) => setCell(r, 'D6', 'abc'),
    cell: 'D6',
    code: 'notANumber',
    text: /“abc” không phải là số/,
  },
  { name: 'negative points', edit: (r) => setCell(r, 'C7', -3), cell: 'C7', code: 'negative', text: /điểm âm/ },
  {
    name: 'points over the max',
    edit: (r) => setCell(r, 'E5', 41),
    cell: 'E5',
    code: 'overMax',
    text: /vượt điểm tối đa 40/,
  },
  {
    name: 'an empty score cell',
    edit: (r) => setCell(r, 'D8', null),
    cell: 'D8',
    code: 'emptyScore',
    text: /ô điểm trống/,
  },
  {
    name: 'a missing max',
    edit: (r) => setCell(r, 'D4', null),
    cell: 'D4',
    code: 'missingMax',
    text: /thiếu điểm tối đa/,
  },
  { name: 'a zero max', edit: (r) => setCell(r, 'E4', 0), cell: 'E4', code: 'zeroMax', text: /bằng 0/ },
  {
    name: 'a duplicate unit name',
    edit: (r) => setCell(r, 'B8', 'Xã A'),
    cell: 'B8',
    code: 'duplicateName',
    text: /trùng với ô B5/,
  },
  {
    name: 'a total that disagrees with the fields',
    edit: (r) => setCell(r, 'F6', 80),
    cell: 'F6',
    code: 'totalMismatch',
    text: /tổng điểm ghi 80/,
  },
  {
    name: 'an ambiguous text number',
    edit: (r) => setCell(r, 'C5', '1.234'),
    cell: 'C5',
    code: 'ambiguousNumber',
    text: /nhiều cách/,
  },
  {
    name: 'a #DIV/0! formula result',
    edit: (r) => setCell(r, 'D5', { formula: '1/0', result: { error: '#DIV/0!' } }),
    cell: 'D5',
    code: 'cellError',
    text: /#DIV\/0!/,
  },
  {
    name: 'a #DIV/0! error value',
    edit: (r) => setCell(r, 'C6', { error: '#DIV/0!' }),
    cell: 'C6',
    code: 'cellError',
    text: /#DIV\/0!/,
  },
  {
    name: 'a score that is a date',
    edit: (r) => setCell(r, 'C8', new Date(Date.UTC(2021, 4, 8))),
    cell: 'C8',
    code: 'notANumber',
    text: /2021-05-08/,
  },
];

describe.each(CASES)('bad input: $name', ({ edit, cell, code, text }) => {
  test('exit 1, the cell named on stderr and in the JSON, no workbook written, the input untouched', async () => {
    const rows = smallTable();
    edit(rows);
    const input = await writeWorkbook(path.join(dir, `bad-${code}-${cell}.xlsx`), [{ name: SMALL_SHEET, rows }]);
    const before = sha256(input);
    const out = path.join(dir, `bad-${code}-${cell}.out.xlsx`);
    const json = path.join(dir, `bad-${code}-${cell}.json`);
    const r = await runCli([input, '--out', out, '--json', json]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${cellRef(cell)}: `);
    expect(r.stderr).toMatch(text);
    expect(r.stderr).toMatch(/không ghi tệp kết quả/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(input.replace(/\.xlsx$/, '.scored.xlsx'))).toBe(false);
    expect(sha256(input)).toBe(before);
    const report: JsonReport = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(report.scored).toBe(false);
    expect(report.errors).toEqual(expect.arrayContaining([expect.objectContaining({ cell: cellRef(cell), code })]));
    expect(report.units).toEqual([]);
  });
});

test('the default output next to the input is not written either when there are errors', async () => {
  const input = await writeWorkbook(path.join(dir, 'bad-default.xlsx'), [
    { name: SMALL_SHEET, rows: setCell(smallTable(), 'D6', 'x') },
  ]);
  const r = await runCli([input]);
  expect(r.code).toBe(1);
  expect(fs.existsSync(path.join(dir, 'bad-default.scored.xlsx'))).toBe(false);
});

test('"20,5" typed as text is taken with a warning naming the cell; exit 0 and the copy is written', async () => {
  const rows = smallTable();
  setCell(rows, 'C7', '20,5');
  setCell(rows, 'F7', 73.5);
  const input = await writeWorkbook(path.join(dir, 'text-number.xlsx'), [{ name: SMALL_SHEET, rows }]);
  const before = sha256(input);
  const json = path.join(dir, 'text-number.json');
  const r = await runCli([input, '--json', json]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain(`${cellRef('C7')}: “20,5” là văn bản, đã đọc thành số 20,5`);
  expect(fs.existsSync(path.join(dir, 'text-number.scored.xlsx'))).toBe(true);
  expect(sha256(input)).toBe(before);
  const report: JsonReport = JSON.parse(fs.readFileSync(json, 'utf8'));
  expect(report.warnings).toEqual([expect.objectContaining({ cell: cellRef('C7'), code: 'numberFromText' })]);
  expect(report.units.find((u) => u.name === 'Xã C')?.fields[0].score).toBe(20.5);
  expect(report.units.find((u) => u.name === 'Xã C')?.indexPct).toBe(73.5);
});

test('no scoring sheet: exit 1, saying what was looked for on each sheet; JSON written with the reason', async () => {
  const input = await writeWorkbook(path.join(dir, 'no-table.xlsx'), [
    { name: 'Ghi chú', rows: [['Chỉ là ghi chú'], ['Không có bảng']] },
    {
      name: 'Danh sách',
      rows: [
        ['STT', 'Tên đơn vị', 'Lĩnh vực A'],
        [1, 'Xã A', 20],
      ],
    },
  ]);
  const json = path.join(dir, 'no-table.json');
  const r = await runCli([input, '--json', json]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('Không tìm thấy bảng chấm điểm');
  expect(r.stderr).toMatch(/“Ghi chú”.*“Tên đơn vị”.*“Điểm tối đa”/);
  expect(r.stderr).toMatch(/“Danh sách”.*không phải là dòng “Điểm tối đa”/);
  expect(fs.existsSync(path.join(dir, 'no-table.scored.xlsx'))).toBe(false);
  const report: JsonReport = JSON.parse(fs.readFileSync(json, 'utf8'));
  expect(report.errors.map((e) => e.sheet)).toEqual(['Ghi chú', 'Danh sách']);
});

test('no scoring sheet, in English', async () => {
  const input = await writeWorkbook(path.join(dir, 'no-table-en.xlsx'), [{ name: 'Notes', rows: [['nothing here']] }]);
  const r = await runCli([input, '--lang', 'en']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/looked for a header row with a “Tên đơn vị” column/);
});

describe('--sheet', () => {
  let input: string;
  beforeAll(async () => {
    const second = smallTable();
    setCell(second, 'B5', 'Xã Một');
    setCell(second, 'B6', 'Xã Hai');
    input = await writeWorkbook(path.join(dir, 'two-tables.xlsx'), [
      { name: 'Năm 2020', rows: smallTable() },
      { name: 'Năm 2021', rows: second },
    ]);
  });

  test('without it the first sheet with a table is scored', async () => {
    const json = path.join(dir, 'two-first.json');
    const r = await runCli([input, '--out', path.join(dir, 'two-first.xlsx'), '--json', json]);
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).sheet).toBe('Năm 2020');
  });

  test('--sheet picks the named sheet (diacritics and case aside) and writes only there', async () => {
    const json = path.join(dir, 'two-second.json');
    const out = path.join(dir, 'two-second.xlsx');
    const r = await runCli([input, '--sheet', 'nam 2021', '--out', out, '--json', json]);
    expect(r.code).toBe(0);
    const report: JsonReport = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(report.sheet).toBe('Năm 2021');
    expect(report.units.map((u) => u.name)).toEqual(['Xã Một', 'Xã Hai', 'Xã C', 'Xã D']);
    const wb = await readWorkbook(out);
    expect(rowTexts(wb.getWorksheet('Năm 2021')!, 3).slice(6)).toEqual([
      'Chỉ số (%)',
      'Xếp hạng',
      'Xếp loại',
      'Ghi chú',
    ]);
    expect(rowTexts(wb.getWorksheet('Năm 2020')!, 3)).toHaveLength(6);
  });

  test('--sheet naming a sheet without a table: exit 1 with the reason', async () => {
    const r = await runCli([SAMPLE, '--sheet', 'Hướng dẫn', '--out', path.join(dir, 'guide.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Trang tính “Hướng dẫn” không có bảng chấm điểm');
    expect(fs.existsSync(path.join(dir, 'guide.xlsx'))).toBe(false);
  });

  test('--sheet naming no sheet: exit 2 listing the sheets', async () => {
    const r = await runCli([input, '--sheet', 'Năm 2019']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"Năm 2020", "Năm 2021"');
  });
});

describe('bad usage: exit 2', () => {
  test.each([
    ['no input file', [], /Thiếu tệp đầu vào/],
    ['an unknown option', [SAMPLE, '--frobnicate'], /Không có tuỳ chọn “--frobnicate”/],
    ['an unknown short option', [SAMPLE, '-x'], /Không có tuỳ chọn “-x”/],
    ['an option without its value', [SAMPLE, '--out'], /Tuỳ chọn --out cần một giá trị/],
    ['a switch given a value', [SAMPLE, '--no-report-sheet=1'], /Tuỳ chọn --no-report-sheet không nhận giá trị/],
    ['an option given twice', [SAMPLE, '--sheet', 'A', '--sheet', 'B'], /Tuỳ chọn --sheet được ghi hai lần/],
    ['--out with several workbooks', [SAMPLE, SAMPLE, '--out', '/tmp/x.xlsx'], /--out chỉ dùng khi chấm một tệp/],
    ['a file that does not exist', ['nope/không-có.xlsx'], /Không tìm thấy tệp/],
    ['a file that is not .xlsx', ['package.json'], /không phải tệp \.xlsx/],
    ['an .xls file', ['old.xls'], /không phải tệp \.xlsx/],
    ['--out that is not .xlsx', [SAMPLE, '--out', '/tmp/x.csv'], /phải có đuôi \.xlsx như tệp đầu vào/],
    ['--out .xlsm for an .xlsx input', [SAMPLE, '--out', '/tmp/x.xlsm'], /phải có đuôi \.xlsx như tệp đầu vào/],
    ['--out equal to the input', [SAMPLE, '--out', SAMPLE], /tệp đầu vào không bao giờ bị ghi/],
    [
      '--out equal to the input, spelled differently',
      [SAMPLE, '--out', path.join(path.dirname(SAMPLE), '..', 'examples', path.basename(SAMPLE))],
      /tệp đầu vào không bao giờ bị ghi/,
    ],
    ['--json equal to the input', [SAMPLE, '--json', SAMPLE], /--json trỏ vào chính tệp đầu vào/],
    ['an unknown language', [SAMPLE, '--lang', 'fr'], /--lang chỉ nhận/],
  ])('%s', async (_name, args, message) => {
    const before = sha256(SAMPLE);
    const r = await runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).toContain('--help');
    expect(sha256(SAMPLE)).toBe(before);
  });

  test('a file named .xlsx that is not a workbook', async () => {
    const fake = path.join(dir, 'fake.xlsx');
    fs.writeFileSync(fake, 'STT,Tên đơn vị\n1,Xã A\n');
    const r = await runCli([fake]);
    expect(r.code).toBe(2);
    // A CSV renamed .xlsx: named as what it is.
    expect(r.stderr).toMatch(/fake\.xlsx.*CSV/);
    expect(fs.readFileSync(fake, 'utf8')).toBe('STT,Tên đơn vị\n1,Xã A\n');
  });

  test('an invalid rule set: exit 2 naming the band and the value', async () => {
    const rules = path.join(dir, 'gap.json');
    fs.writeFileSync(
      rules,
      JSON.stringify({
        id: 'gap',
        name: { vi: 'Có khoảng trống', en: 'With a gap' },
        bands: [
          {
            code: 'good',
            label: { vi: 'Tốt', en: 'Good' },
            min: { pct: 80, inclusive: true },
            max: { pct: 100, inclusive: true },
            fieldFloorPct: 70,
          },
          {
            code: 'rest',
            label: { vi: 'Còn lại', en: 'Rest' },
            min: { pct: 0, inclusive: true },
            max: { pct: 75, inclusive: false },
            fieldFloorPct: null,
          },
        ],
      }),
    );
    const r = await runCli([SAMPLE, '--rules', rules]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /Ngưỡng dưới của mức “good” \(80%\) phải bằng ngưỡng trên của mức “rest” \(75%\); nếu không, đơn vị đạt từ 75% đến 80% sẽ không được xếp loại/,
    );
  });

  test('--help prints the usage and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--out <tệp\.xlsx>/);
    expect(r.stdout).toMatch(/Mã thoát/);
  });
});

test('a custom rule set from --rules is applied', async () => {
  const rules = path.join(dir, 'two-bands.json');
  fs.writeFileSync(
    rules,
    JSON.stringify({
      id: 'two',
      name: { vi: 'Hai mức', en: 'Two bands' },
      bands: [
        {
          code: 'pass',
          label: { vi: 'Đạt', en: 'Pass' },
          min: { pct: 75, inclusive: true },
          max: { pct: 100, inclusive: true },
          fieldFloorPct: 60,
        },
        {
          code: 'fail',
          label: { vi: 'Chưa đạt', en: 'Fail' },
          min: { pct: 0, inclusive: true },
          max: { pct: 75, inclusive: false },
          fieldFloorPct: null,
        },
      ],
    }),
  );
  const json = path.join(dir, 'two-bands-report.json');
  const r = await runCli([SAMPLE, '--rules', rules, '--out', path.join(dir, 'two-bands.xlsx'), '--json', json]);
  expect(r.code).toBe(0);
  const report: JsonReport = JSON.parse(fs.readFileSync(json, 'utf8'));
  expect(report.rules.id).toBe('two');
  expect(Object.keys(report.counts ?? {})).toEqual(['pass', 'fail']);
  expect((report.counts?.pass ?? 0) + (report.counts?.fail ?? 0)).toBe(23);
});

test('cells right of the table where the columns go: refused with exit 1 naming them; nothing written, the input untouched', async () => {
  const rows = smallTable();
  setCell(rows, 'H3', 'Ý kiến tổ thẩm định');
  setCell(rows, 'H5', 'đã xác minh');
  const input = await writeWorkbook(path.join(dir, 'occupied.xlsx'), [{ name: SMALL_SHEET, rows }]);
  const before = sha256(input);
  const json = path.join(dir, 'occupied.json');
  const r = await runCli([input, '--json', json]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/'Bảng điểm'!H3: các ô H3…H5 bên phải bảng không trống/);
  expect(sha256(input)).toBe(before);
  expect(fs.existsSync(path.join(dir, 'occupied.scored.xlsx'))).toBe(false);
  const report: JsonReport = JSON.parse(fs.readFileSync(json, 'utf8'));
  expect(report.errors.map((e) => e.cell)).toEqual(["'Bảng điểm'!H3"]);
});

describe('outputs are written together or not at all', () => {
  test('a --json that cannot be written: exit 2 and no scored copy either', async () => {
    const out = path.join(dir, 'together.xlsx');
    const r = await runCli([
      SAMPLE,
      '--out',
      out,
      '--json',
      path.join(dir, 'không-có-thư-mục', 'r.json'),
      '--no-report-sheet',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Không ghi được');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a --report that cannot be written: exit 2 and no scored copy, no JSON', async () => {
    const out = path.join(dir, 'together2.xlsx');
    const json = path.join(dir, 'together2.json');
    const r = await runCli([
      SAMPLE,
      '--out',
      out,
      '--json',
      json,
      '--report',
      path.join(dir, 'không-có', 'r.txt'),
      '--year',
      '2021',
    ]);
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(json)).toBe(false);
  });
});
