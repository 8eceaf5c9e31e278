/**
 * The Office.js report writer on the fake host: the sample's report sheet (narrative, band table,
 * ranking, native chart of the band counts, marker), reads then exactly one write sync, a re-run
 * replacing only its own sheet, and runs that write nothing (errors in the data, a protected
 * report sheet, a failed write, edit mode).
 */
import {
  HAI_DUONG_2018,
  MARKER_COLUMN,
  REPORT_MARKER,
  generateNarrative,
  reportCellLook,
  reportSheetModel,
  type CellValue,
  type ReportSettings,
} from '../../src/engine';
import { columnLetter } from '../../src/engine';
import { CHART_ROWS, writeReport, type ReportOutcome } from '../../src/excel/report';
import { inspectWorkbook, type ExcelRun } from '../../src/excel/workbook';
import { createFakeExcel, type FakeExcel, type FakeWorkbookData } from '../../tools/fake-excel';
import { runOf, sampleWorkbookData } from './helpers';

const rules = HAI_DUONG_2018;
const SETTINGS: ReportSettings = {
  year: 2021,
  districtName: 'Tứ Kỳ',
  districtIndexPct: 83.3,
  districtIndexLastYearPct: 63.19,
  districtRank: { rank: 6, of: 12 },
  districtBand: 'good',
};
const SHEET = 'Báo cáo CCHC 2021';

/** The fake's run, with every sync recorded: did it change the workbook? */
function tracked(fake: FakeExcel): { run: ExcelRun; changed: boolean[]; onSync: (k: number, f: () => void) => void } {
  const base = runOf(fake);
  const changed: boolean[] = [];
  const hooks = new Map<number, () => void>();
  const run = ((batch: (context: Excel.RequestContext) => Promise<unknown>) =>
    base(async (context) => {
      const sync = context.sync.bind(context);
      (context as { sync: unknown }).sync = async <T>(value?: T) => {
        hooks.get(changed.length)?.();
        const before = JSON.stringify(fake.host.snapshot());
        try {
          return await sync(value);
        } finally {
          changed.push(JSON.stringify(fake.host.snapshot()) !== before);
        }
      };
      return batch(context);
    })) as ExcelRun;
  return { run, changed, onSync: (k, f) => hooks.set(k, f) };
}

async function sample(extra: FakeWorkbookData['sheets'] = []): Promise<FakeExcel> {
  const data = await sampleWorkbookData();
  return createFakeExcel({ ...data, sheets: [...data.sheets, ...extra] });
}

function written(o: ReportOutcome): Extract<ReportOutcome, { status: 'written' }> {
  if (o.status !== 'written') throw new Error(`${o.status}: ${'message' in o ? o.message : ''}`);
  return o;
}

const colA = (fake: FakeExcel, sheet: string) =>
  fake.host
    .sheet(sheet)
    .values()
    .map((r) => r[0]);

describe("the sample's report sheet", () => {
  let fake: FakeExcel;
  let outcome: Extract<ReportOutcome, { status: 'written' }>;
  let changed: boolean[];
  let inspectSyncs: number;

  beforeAll(async () => {
    const probe = await sample();
    await inspectWorkbook(runOf(probe), rules, 'vi');
    inspectSyncs = probe.host.syncCount;
    fake = await sample();
    const t = tracked(fake);
    changed = t.changed;
    outcome = written(await writeReport(t.run, { rules, lang: 'vi', settings: SETTINGS }));
  });

  test('reads, then exactly one sync writes everything', () => {
    expect(outcome.stats).toEqual({ readSyncs: 2, writeSyncs: 1 });
    // One read to see whether the active sheet is a report sheet, the adapter's reads, two reads, one write.
    expect(fake.host.syncCount).toBe(1 + inspectSyncs + 3);
    expect(changed.filter(Boolean)).toHaveLength(1);
    expect(changed.slice(0, 1 + inspectSyncs + 2).some(Boolean)).toBe(false);
  });

  test('a new sheet, active, after the input sheets; the input sheets are untouched', async () => {
    expect(outcome.sheet).toBe(SHEET);
    expect(outcome.replaced).toBeNull();
    expect(fake.host.sheetNames).toEqual(['Hướng dẫn', 'Tổng hợp', SHEET]);
    expect(fake.host.activeSheet).toBe(SHEET);
    const untouched = await sample();
    for (const name of ['Hướng dẫn', 'Tổng hợp'])
      expect(fake.host.sheet(name).values()).toEqual(untouched.host.sheet(name).values());
  });

  test('the narrative in column A, each paragraph merged across the report columns (a page wide), wrapped, headings bold, list items kept as text', () => {
    const n = generateNarrative(outcome.inspection.result, SETTINGS, 'vi');
    expect(outcome.narrative).toEqual(n);
    const texts = [n.title, ...n.paragraphs.map((p) => (p.level === 'bullet' ? `- ${p.text}` : p.text))];
    const sheet = fake.host.sheet(SHEET);
    expect(colA(fake, SHEET).slice(0, texts.length)).toEqual(texts);
    // The report's columns (A–E) together are a page wide; every paragraph spans them.
    expect(['A', 'B', 'C', 'D', 'E'].reduce((w, c) => w + sheet.columnWidth(c), 0)).toBeGreaterThanOrEqual(500);
    expect(sheet.merges()).toEqual(expect.arrayContaining(texts.map((_, i) => `A${i + 1}:E${i + 1}`)));
    // Excel does not autofit a merged cell: the longest paragraph's row is set taller than a heading's.
    const longest = texts.reduce((k, t, i) => (t.length > texts[k].length ? i : k), 0);
    const shortest = texts.reduce((k, t, i) => (t.length < texts[k].length ? i : k), 0);
    expect(sheet.rowHeight(longest)).toBeGreaterThan(2 * sheet.rowHeight(shortest));
    expect(sheet.cell('A1').bold).toBe(true);
    n.paragraphs.forEach((p, i) => {
      const cell = sheet.cell(`A${i + 2}`);
      expect(cell.wrapText).toBe(true);
      expect(cell.bold).toBe(p.level !== 0 && p.level !== 'bullet');
      expect(cell.numberFormat).toBe('@');
      expect(cell.formula).toBeNull();
    });
  });

  test('the band table (band, count, share) and the ranking table (rank, unit, index 0.00%, band, note)', () => {
    const sheet = fake.host.sheet(SHEET);
    const a = colA(fake, SHEET);
    const band = a.indexOf('Mức xếp loại') + 1; // 1-based row
    expect(sheet.values(`A${band}:C${band + 5}`)).toEqual([
      ['Mức xếp loại', 'Số đơn vị', 'Tỷ lệ'],
      ['Hoàn thành xuất sắc nhiệm vụ', 0, 0],
      ['Hoàn thành tốt nhiệm vụ', 8, 0.3478],
      ['Hoàn thành nhiệm vụ', 15, 0.6522],
      ['Không hoàn thành nhiệm vụ', 0, 0],
      ['Tổng cộng', 23, 1],
    ]);
    expect(sheet.numberFormats(`C${band + 1}:C${band + 5}`).flat()).toEqual(Array(5).fill('0.00%'));
    expect(sheet.fontBold(`A${band}:C${band}`)[0]).toEqual([true, true, true]);
    expect(sheet.fills(`A${band + 2}`)[0][0]).toBe('#DDEBF7');

    const rank = a.indexOf('Xếp hạng') + 1;
    expect(rank).toBeGreaterThan(band + 5 + CHART_ROWS);
    expect(sheet.values(`A${rank}:E${rank}`)[0]).toEqual(['Xếp hạng', 'Đơn vị', 'Chỉ số', 'Xếp loại', 'Ghi chú']);
    const rows = sheet.values(`A${rank + 1}:E${rank + 23}`);
    expect(rows[0].slice(0, 4)).toEqual([1, 'Quang Khải', 0.8958, 'Hoàn thành tốt nhiệm vụ']);
    expect(rows.map((r) => r[0])).toEqual(
      outcome.inspection.result.rankOrder.map((k) => outcome.inspection.result.units[k].rank),
    );
    expect(
      sheet
        .numberFormats(`C${rank + 1}:C${rank + 23}`)
        .flat()
        .every((f) => f === '0.00%'),
    ).toBe(true);
    const vanTo = rows.find((r) => r[1] === 'Văn Tố')!;
    expect(vanTo[3]).toBe('Hoàn thành nhiệm vụ');
    expect(String(vanTo[4])).toMatch(/^Chỉ số 80,75% thuộc mức “Hoàn thành tốt nhiệm vụ”/);
  });

  test("every cell looks as the engine's table says for its role (the CLI's sheet draws from the same table)", () => {
    const sheet = fake.host.sheet(SHEET);
    const model = reportSheetModel(outcome.inspection.result, outcome.narrative, SETTINGS, 'vi', CHART_ROWS);
    const H = { general: 'General', center: 'Center', right: 'Right' };
    const roles = new Set<string>();
    model.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const look = reportCellLook(cell);
        const got = sheet.cell(`${columnLetter(c)}${r + 1}`);
        roles.add(cell.role);
        expect({
          at: `${columnLetter(c)}${r + 1}`,
          role: cell.role,
          bold: got.bold,
          size: got.fontSize,
          fill: got.fill,
          numberFormat: got.numberFormat,
          wrap: got.wrapText,
          h: got.horizontalAlignment,
          v: got.verticalAlignment,
          indent: got.indentLevel,
          border: got.border,
        }).toEqual({
          at: `${columnLetter(c)}${r + 1}`,
          role: cell.role,
          bold: look.bold,
          size: look.size ?? 11,
          fill: look.fill,
          numberFormat: look.numberFormat,
          wrap: look.wrap,
          h: H[look.horizontal],
          v: look.vertical === 'top' ? 'Top' : 'Center',
          indent: look.indent,
          border: look.border ? '#808080' : null,
        });
      }),
    );
    // The sample exercises every role of the sheet body: the check above saw them all.
    expect([...roles].sort()).toEqual([
      'band',
      'bandLabel',
      'bullet',
      'caption',
      'count',
      'header',
      'heading',
      'index',
      'note',
      'paragraph',
      'percent',
      'rank',
      'title',
      'totalCount',
      'totalLabel',
      'totalPercent',
      'unitName',
    ]);
    expect(sheet.cell('A1').fontSize).toBe(14);
  });

  test('a native column chart of the band counts, titled, placed between the tables', () => {
    const charts = fake.host.sheet(SHEET).charts();
    expect(charts).toHaveLength(1);
    const band = colA(fake, SHEET).indexOf('Mức xếp loại') + 1;
    expect(charts[0]).toMatchObject({
      chartType: 'ColumnClustered',
      seriesBy: 'Auto',
      title: 'Số đơn vị theo mức xếp loại năm 2021',
      sourceAddress: `'${SHEET}'!A${band}:B${band + 4}`,
    });
    expect(
      fake.host
        .sheet(SHEET)
        .values(`B${band + 1}:B${band + 4}`)
        .flat(),
    ).toEqual([0, 8, 15, 0]);
    expect(charts[0].position?.startCell).toBe(`'${SHEET}'!A${band + 7}`);
  });

  test('the marker: AZ1:AZ4 as text in a hidden (zero-width) column', () => {
    const sheet = fake.host.sheet(SHEET);
    expect(sheet.values('AZ1:AZ4').flat()).toEqual([REPORT_MARKER, '2021', SHEET, 'Tổng hợp']);
    expect(sheet.numberFormats('AZ1:AZ4').flat()).toEqual(['@', '@', '@', '@']);
    expect(sheet.columnWidth(MARKER_COLUMN)).toBe(0);
  });
});

describe('re-running', () => {
  const USER = { name: SHEET, cells: [['Báo cáo của tôi'], [null, 123]] };

  test('replaces only its own sheet: a user\'s sheet named like ours survives, the report goes to "(2)" and stays there', async () => {
    const fake = await sample([USER]);
    const first = written(await writeReport(runOf(fake), { rules, lang: 'vi', settings: SETTINGS }));
    expect(first.sheet).toBe(`${SHEET} (2)`);
    expect(first.nameTaken).toBe(SHEET);
    const id = fake.host.sheet(`${SHEET} (2)`).id;
    // Started on the report sheet (active after the first run): it goes back to "Tổng hợp" to read.
    expect(fake.host.activeSheet).toBe(`${SHEET} (2)`);

    const second = written(
      await writeReport(runOf(fake), {
        rules,
        lang: 'vi',
        settings: { ...SETTINGS, districtRank: { rank: 5, of: 12 } },
      }),
    );
    expect(second.sheet).toBe(`${SHEET} (2)`);
    expect(second.replaced).toBe(`${SHEET} (2)`);
    expect(fake.host.sheetNames).toEqual(['Hướng dẫn', 'Tổng hợp', SHEET, `${SHEET} (2)`]);
    expect(fake.host.sheet(`${SHEET} (2)`).id).not.toBe(id);
    expect(fake.host.sheet(SHEET).values()).toEqual([
      ['Báo cáo của tôi', ''],
      ['', 123],
    ]);
    expect(fake.host.charts()).toHaveLength(1);
    expect(colA(fake, `${SHEET} (2)`)).toContain(
      'a. Đối với cấp huyện: Huyện Tứ Kỳ xếp thứ 5/12 huyện, thị xã, thành phố trên địa bàn tỉnh.',
    );
  });

  test("the replacement takes the old sheet's place; a renamed or copied report is the user's and stays", async () => {
    const fake = await sample();
    written(await writeReport(runOf(fake), { rules, lang: 'vi', settings: SETTINGS }));
    await runOf(fake)(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      ws.position = 0;
      await context.sync();
    });
    written(await writeReport(runOf(fake), { rules, lang: 'vi', settings: SETTINGS }));
    expect(fake.host.sheetNames).toEqual([SHEET, 'Hướng dẫn', 'Tổng hợp']);

    await runOf(fake)(async (context) => {
      context.workbook.worksheets.getItem(SHEET).name = 'Báo cáo đã sửa';
      await context.sync();
    });
    const again = written(await writeReport(runOf(fake), { rules, lang: 'vi', settings: SETTINGS }));
    expect(again.replaced).toBeNull();
    expect(fake.host.sheetNames).toEqual(['Báo cáo đã sửa', 'Hướng dẫn', 'Tổng hợp', SHEET]);
    expect(fake.host.sheet('Báo cáo đã sửa').charts()).toHaveLength(1);
  });

  test("a report sheet the CLI made (same marker) is replaced; another year's report is kept", async () => {
    const data = await sampleWorkbookData();
    const fake = createFakeExcel({
      ...data,
      sheets: [
        ...data.sheets,
        { name: SHEET, cells: [[REPORT_MARKER], ['2021'], [SHEET]], origin: 'AZ1' },
        { name: 'Báo cáo CCHC 2020', cells: [[REPORT_MARKER], ['2020'], ['Báo cáo CCHC 2020']], origin: 'AZ1' },
      ],
    });
    const out = written(await writeReport(runOf(fake), { rules, lang: 'vi', settings: SETTINGS }));
    expect(out.replaced).toBe(SHEET);
    expect(fake.host.sheetNames).toEqual(['Hướng dẫn', 'Tổng hợp', SHEET, 'Báo cáo CCHC 2020']);
    expect(fake.host.sheet('Báo cáo CCHC 2020').values('AZ1:AZ3').flat()).toEqual([
      REPORT_MARKER,
      '2020',
      'Báo cáo CCHC 2020',
    ]);
  });

  test('English: "PAR report 2021"', async () => {
    const fake = await sample();
    const out = written(await writeReport(runOf(fake), { rules, lang: 'en', settings: SETTINGS }));
    expect(out.sheet).toBe('PAR report 2021');
    expect(fake.host.sheet('PAR report 2021').charts()[0].title).toBe('Units by rating, 2021');
  });
});

describe('runs that write nothing', () => {
  test('the data has errors', async () => {
    const data = await sampleWorkbookData();
    const sheet = data.sheets.find((s) => s.name === 'Tổng hợp')!;
    sheet.cells![6][3] = 'mười';
    const fake = createFakeExcel(data);
    const before = fake.host.snapshot();
    const out = await writeReport(runOf(fake), { rules, lang: 'vi', settings: SETTINGS });
    expect(out.status).toBe('hasErrors');
    expect(fake.host.snapshot()).toEqual(before);
  });

  test('our earlier report sheet is protected: a clear message, nothing changed', async () => {
    const fake = await sample();
    written(await writeReport(runOf(fake), { rules, lang: 'vi', settings: SETTINGS }));
    fake.host.protectSheet(SHEET);
    fake.host.select(`'Tổng hợp'!A1`);
    const before = fake.host.snapshot();
    const out = await writeReport(runOf(fake), { rules, lang: 'vi', settings: SETTINGS });
    expect(out.status).toBe('failed');
    if (out.status !== 'failed') return;
    expect(out.message).toContain(`“${SHEET}” đang được bảo vệ`);
    expect(out.stats.writeSyncs).toBe(0);
    expect(fake.host.snapshot()).toEqual(before);
  });

  test('the write sync fails: the workbook is as it was', async () => {
    const fake = await sample();
    const probe = await sample();
    await inspectWorkbook(runOf(probe), rules, 'vi');
    const t = tracked(fake);
    t.onSync(1 + probe.host.syncCount + 2, () => fake.host.failNextSync('GeneralException'));
    const before = fake.host.snapshot();
    const out = await writeReport(t.run, { rules, lang: 'vi', settings: SETTINGS });
    expect(out.status).toBe('failed');
    if (out.status !== 'failed') return;
    expect(out.code).toBe('GeneralException');
    expect(fake.host.snapshot()).toEqual(before);
  });

  test('Excel is in cell-edit mode', async () => {
    const fake = await sample();
    fake.host.setEditMode(true);
    const before = fake.host.snapshot();
    const out = await writeReport(runOf(fake), { rules, lang: 'vi', settings: SETTINGS });
    expect(out.status).toBe('failed');
    if (out.status === 'failed') expect(out.message).toMatch(/chế độ sửa ô/);
    expect(fake.host.snapshot()).toEqual(before);
  });
});

test('unit names that look like formulas stay text in the ranking table', async () => {
  const cells: CellValue[][] = [
    ['Bảng điểm năm 2021'],
    ['Tên đơn vị', 'Lĩnh vực A', 'Lĩnh vực B'],
    ['Điểm tối đa', 50, 50],
    ['=1+1', 45, 44],
    ['-Xã B', 40, 41],
    ['@Xã C', 30, 35],
    ['+Xã D', 20, 25],
  ];
  const fake = createFakeExcel({ sheets: [{ name: 'Tổng hợp', cells }], activeSheet: 'Tổng hợp', selection: 'A1' });
  const out = written(await writeReport(runOf(fake), { rules, lang: 'vi', settings: { year: 2021 } }));
  const sheet = fake.host.sheet(out.sheet);
  const rank = colA(fake, out.sheet).indexOf('Xếp hạng') + 1;
  const names = sheet.values(`B${rank + 1}:B${rank + 4}`).flat();
  expect(names).toEqual(['=1+1', '-Xã B', '@Xã C', '+Xã D']);
  for (let r = rank + 1; r <= rank + 4; r++) expect(sheet.cell(`B${r}`).formula).toBeNull();
  expect(colA(fake, out.sheet).filter((v) => typeof v === 'string' && v.startsWith('- ')).length).toBeGreaterThan(0);
});

test('with audit on (as the task pane asks), a "reportGenerated" entry is appended to the log', async () => {
  const fake = await sample();
  const { readAuditLog } = await import('../../src/excel/audit');
  written(await writeReport(runOf(fake), { rules, lang: 'vi', settings: SETTINGS, audit: true, who: 'Phòng Nội vụ' }));
  written(await writeReport(runOf(fake), { rules, lang: 'vi', settings: SETTINGS, audit: true }));
  const log = await readAuditLog(runOf(fake));
  expect(log.brokenAt).toBeNull();
  const entries = log.rows.slice(1);
  expect(entries).toHaveLength(2);
  expect(entries.every((r) => r.includes('reportGenerated'))).toBe(true);
  expect(entries[0]).toContain('Phòng Nội vụ');
});
