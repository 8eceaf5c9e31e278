import { HAI_DUONG_2018, type RuleSet } from '../../src/engine';
import { TableNotFoundError, candidateOrder } from '../../src/excel/locate';
import { inspectWorkbook, scoreWorkbook, watchActivation } from '../../src/excel/workbook';
import { createFakeExcel } from '../../tools/fake-excel';
import { fakeWith, runOf, sampleWorkbookData, syntheticSheet } from './helpers';

const rules = HAI_DUONG_2018;

/** Column letters of the output block on the sample sheet (right of its last input column). */
async function scoredSample() {
  const fake = createFakeExcel(await sampleWorkbookData());
  const before = fake.host.snapshot();
  const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
  return { fake, before, outcome };
}

describe('scoring the sample workbook on the fake host', () => {
  test('writes the seed outcome: bands, ranks, index as a two-decimal percentage, notes on demoted units', async () => {
    const { fake, outcome } = await scoredSample();
    expect(outcome.status).toBe('written');
    if (outcome.status !== 'written') return;
    const { layout, read, outputColumns } = outcome.inspection;
    const sheet = fake.host.sheet('Tổng hợp');
    const [indexCol, rankCol, bandCol, noteCol] = outputColumns;
    const headerRow = read.origin.row + layout.headerRow;
    expect(sheet.values(`${indexCol}${headerRow}:${noteCol}${headerRow}`)[0]).toEqual([
      'Chỉ số (%)',
      'Xếp hạng',
      'Xếp loại',
      'Ghi chú',
    ]);

    const nameCol = String.fromCharCode(65 + layout.nameCol);
    const first = read.origin.row + layout.firstUnitRow;
    const last = read.origin.row + layout.endRow - 1;
    const names = sheet.values(`${nameCol}${first}:${nameCol}${last}`).map((r) => r[0] as string);
    const bands = sheet.values(`${bandCol}${first}:${bandCol}${last}`).map((r) => r[0]);
    const ranks = sheet.values(`${rankCol}${first}:${rankCol}${last}`).map((r) => r[0]);
    const notes = sheet.values(`${noteCol}${first}:${noteCol}${last}`).map((r) => r[0] as string);
    const byName = (n: string) => names.indexOf(n);

    const good = names.filter((_, i) => bands[i] === 'Hoàn thành tốt nhiệm vụ').sort();
    expect(good).toEqual(
      ['Đại Hợp', 'Hà Kỳ', 'Hà Thanh', 'Minh Đức', 'Nguyên Giáp', 'Quang Khải', 'Quang Nghiệp', 'Tái Sơn'].sort(),
    );
    expect(bands.filter((b) => b === 'Hoàn thành nhiệm vụ')).toHaveLength(15);
    expect(ranks[byName('Quang Khải')]).toBe(1);
    for (const n of [
      'Thị trấn Tứ Kỳ',
      'Bình Lãng',
      'Quang Trung',
      'Phượng Kỳ',
      'Tân Kỳ',
      'An Thanh',
      'Ngọc Kỳ',
      'Văn Tố',
      'Quang Phục',
    ]) {
      expect(bands[byName(n)]).toBe('Hoàn thành nhiệm vụ');
      expect(notes[byName(n)]).toMatch(/thuộc mức “Hoàn thành tốt nhiệm vụ”.*dưới 70%/);
    }
    expect(notes[byName('Quang Khải')]).toBe('');
    expect(sheet.numberFormats(`${indexCol}${first}`)[0][0]).toBe('0.00%');
    const index = sheet.values(`${indexCol}${first}:${indexCol}${last}`).map((r) => r[0] as number);
    expect(Math.max(...index)).toBeCloseTo(0.8958, 10);
    // Band fills come from conditional formats on the band column: what the user sees.
    const fills = sheet.displayedFills(`${bandCol}${first}:${bandCol}${last}`).map((r) => r[0]);
    expect(fills[byName('Quang Khải')]).toBe('#DDEBF7');
    expect(fills[byName('Bình Lãng')]).toBe('#FFF2CC');
  });

  test('input cells are unchanged after a run, and a re-run replaces its own columns', async () => {
    const { fake, before, outcome } = await scoredSample();
    if (outcome.status !== 'written') throw new Error(outcome.status);
    const { read, outputColumns } = outcome.inspection;
    const after = fake.host.sheet('Tổng hợp');
    const lastInput = read.grid[0].length; // columns the input used
    const inputCols = `A1:${String.fromCharCode(64 + lastInput)}${read.grid.length}`;
    const beforeFake = createFakeExcel(await sampleWorkbookData());
    expect(after.values(inputCols)).toEqual(beforeFake.host.sheet('Tổng hợp').values(inputCols));
    expect(fake.host.sheet('Hướng dẫn').values()).toEqual(
      before.sheets.find((s: { name: string }) => s.name === 'Hướng dẫn')?.values ??
        fake.host.sheet('Hướng dẫn').values(),
    );

    const width = after.values()[0].length;
    const again = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
    expect(again.status).toBe('written');
    if (again.status !== 'written') return;
    expect(again.inspection.layout.outputCol).not.toBeNull();
    expect(again.inspection.outputColumns).toEqual(outputColumns);
    expect(fake.host.sheet('Tổng hợp').values()[0].length).toBe(width);
    expect(fake.host.sheet('Tổng hợp').conditionalFormats()).toHaveLength(rules.bands.length);
  });

  test('inspect writes nothing and reports what it found', async () => {
    const fake = createFakeExcel(await sampleWorkbookData());
    const before = JSON.stringify(fake.host.snapshot());
    const inspection = await inspectWorkbook(runOf(fake), rules, 'vi');
    expect(inspection.read.source).toEqual({ kind: 'sheet' });
    expect(inspection.result.units).toHaveLength(23);
    expect(inspection.layout.fieldCols).toHaveLength(7);
    expect(JSON.stringify(fake.host.snapshot())).toBe(before);
  });
});

describe('round trips', () => {
  const counts: Record<
    number,
    { syncs: number; readChunks: number; writeChunks: number; maxRequest: number; maxResponse: number }
  > = {};
  afterAll(() => {
    // Printed for the record: syncs per run by row count.
    console.log(
      Object.entries(counts)
        .map(
          ([n, c]) =>
            `${n} rows: ${c.syncs} syncs (${c.readChunks} read chunks, ${c.writeChunks} write chunks), largest request ${c.maxRequest} B, largest response ${c.maxResponse} B`,
        )
        .join('\n'),
    );
  });

  test.each([10, 1000, 100000])(
    '%i rows × 7 fields: syncs constant per payload chunk, every request under 5 MB',
    async (n) => {
      const fake = fakeWith(syntheticSheet(n, 7));
      const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
      expect(outcome.status).toBe('written');
      const s = outcome.stats;
      counts[n] = { ...s, maxRequest: fake.host.maxRequestBytes, maxResponse: fake.host.maxResponseBytes };
      // 1 locate sync + one per read chunk + one per write chunk; nothing per row.
      expect(s.syncs).toBe(1 + s.readChunks + s.writeChunks);
      expect(fake.host.syncCount).toBe(s.syncs);
      expect(fake.host.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
      expect(fake.host.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
      if (n <= 1000) expect(s).toEqual({ syncs: 3, readChunks: 1, writeChunks: 1 });
      else {
        expect(s.readChunks).toBeGreaterThan(1);
        expect(s.writeChunks).toBeGreaterThan(1);
      }
    },
    120000,
  );

  test('chunking engages only above the chunk budget, and every request stays under the 5 MB limit', async () => {
    const fake = fakeWith(syntheticSheet(3000, 7));
    fake.host.requestLimitBytes = 5 * 1024 * 1024;
    const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
    expect(outcome.status).toBe('written');
    // 3,000 rows fit in one 2 MB chunk each way; 60,000 rows do not.
    expect(outcome.stats.writeChunks).toBe(1);
    const big = fakeWith(syntheticSheet(60000, 7));
    const o2 = await scoreWorkbook(runOf(big), { rules, lang: 'vi' });
    expect(o2.stats.readChunks).toBeGreaterThan(1);
    expect(o2.stats.writeChunks).toBeGreaterThan(1);
    expect(big.host.requestBytes.every((b) => b < 5 * 1024 * 1024)).toBe(true);
  }, 120000);
});

describe('never damaging the workbook', () => {
  test('band labels that look like formulas are written as text', async () => {
    const evil: RuleSet = {
      ...rules,
      bands: rules.bands.map((b, i) => ({ ...b, label: { vi: ['=1+1', '+SUM(A1)', '-2', '@A1'][i], en: b.label.en } })),
    };
    const fake = fakeWith(syntheticSheet(12, 3));
    const outcome = await scoreWorkbook(runOf(fake), { rules: evil, lang: 'vi' });
    expect(outcome.status).toBe('written');
    if (outcome.status !== 'written') return;
    const band = outcome.inspection.outputColumns[2];
    const sheet = fake.host.sheet('Tổng hợp');
    const cells = sheet.values(`${band}4:${band}15`).map((r) => r[0]);
    const formulas = sheet.formulas(`${band}4:${band}15`).map((r) => r[0]);
    for (let i = 0; i < cells.length; i++) {
      expect(['=1+1', '+SUM(A1)', '-2', '@A1']).toContain(cells[i]);
      expect(formulas[i]).toBe(cells[i]); // a formula would read back as its evaluation, not the text
      expect(sheet.cell(`${band}${4 + i}`).formula ?? null).toBeNull();
    }
  });

  test('a protected sheet gives a clear error and writes nothing', async () => {
    const fake = createFakeExcel(await sampleWorkbookData());
    fake.host.protectSheet('Tổng hợp');
    const before = JSON.stringify(fake.host.snapshot());
    const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.message).toContain('Trang tính “Tổng hợp” đang được bảo vệ');
    expect(outcome.message).toContain('Không có ô nào bị thay đổi');
    expect(JSON.stringify(fake.host.snapshot())).toBe(before);
  });

  test('cell edit mode is reported and nothing is written', async () => {
    const fake = createFakeExcel(await sampleWorkbookData());
    fake.host.setEditMode(true);
    const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'en' });
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.message).toMatch(/press Enter or Esc/);
  });

  test('a write that fails after the first chunk is rolled back', async () => {
    const fake = fakeWith(syntheticSheet(60000, 7));
    const before = fake.host.sheet('Tổng hợp').values();
    let armed = false;
    // The second write chunk meets a co-author's lock: the first chunk, already applied, must be undone.
    const outcome = await scoreWorkbook(runOf(fake), {
      rules,
      lang: 'vi',
      progress: (step, done) => {
        if (step === 'write' && done > 0 && !armed) {
          armed = true;
          fake.host.failNextSync('Conflict', 'co-author lock');
        }
      },
    });
    expect(armed).toBe(true);
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.stats.writeChunks).toBe(1);
    expect(outcome.message).toMatch(/người cùng soạn thảo/);
    expect(outcome.message).toMatch(/đã được khôi phục/);
    expect(fake.host.sheet('Tổng hợp').values()).toEqual(before);
    expect(fake.host.sheet('Tổng hợp').conditionalFormats()).toEqual([]);
  }, 120000);

  test('a run with input errors writes nothing and lists the cells', async () => {
    const cells = syntheticSheet(5, 3);
    cells[4][3] = 'abc';
    cells[5][2] = 11;
    const fake = fakeWith(cells);
    const before = JSON.stringify(fake.host.snapshot());
    const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
    expect(outcome.status).toBe('hasErrors');
    if (outcome.status !== 'hasErrors') return;
    expect(outcome.inspection.errors.map((e) => e.cell)).toEqual(["'Tổng hợp'!D5", "'Tổng hợp'!C6"]);
    expect(JSON.stringify(fake.host.snapshot())).toBe(before);
  });

  test('refuses to write over data right of the table', async () => {
    const cells = syntheticSheet(5, 3);
    cells[6][7] = 'ghi chú tay';
    const fake = fakeWith(cells);
    const before = JSON.stringify(fake.host.snapshot());
    const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.message).toContain("'Tổng hợp'!H7");
    expect(JSON.stringify(fake.host.snapshot())).toBe(before);
  });
});

describe('selections and hooks that must not damage the sheet', () => {
  test('a selection narrower than the table: the input columns right of it are not overwritten', async () => {
    const cells = syntheticSheet(2, 4); // STT, name, 4 fields in A..F
    const fake = createFakeExcel({
      sheets: [{ name: 'Tổng hợp', cells }],
      activeSheet: 'Tổng hợp',
      selection: 'A2:D5',
    });
    const before = JSON.stringify(fake.host.snapshot());
    const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.message).toContain("'Tổng hợp'!E2");
    expect(JSON.stringify(fake.host.snapshot())).toBe(before);
  });

  test('a selection with empty columns right of it is scored there', async () => {
    const cells = syntheticSheet(2, 2);
    const fake = createFakeExcel({
      sheets: [{ name: 'Tổng hợp', cells }],
      activeSheet: 'Tổng hợp',
      selection: 'A2:D5',
    });
    const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
    expect(outcome.status).toBe('written');
    expect(fake.host.sheet('Tổng hợp').values('E2:H2')[0]).toEqual(['Chỉ số (%)', 'Xếp hạng', 'Xếp loại', 'Ghi chú']);
  });

  test('when what rides with the write fails (record, log), the output applied before it in the batch is taken back', async () => {
    const fake = fakeWith(syntheticSheet(5, 3));
    const before = fake.host.sheet('Tổng hợp').values();
    const outcome = await scoreWorkbook(runOf(fake), {
      rules,
      lang: 'vi',
      // Queued after the block in the same batch: the block's values are applied, then this action fails (a sheet of that name exists).
      afterWrite: (context) => {
        context.workbook.worksheets.add('Tổng hợp');
      },
    });
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.message).toMatch(/đã được khôi phục/);
    expect(fake.host.sheet('Tổng hợp').values()).toEqual(before);
    expect(fake.host.sheet('Tổng hợp').conditionalFormats()).toEqual([]);
  });
});

describe('re-runs below the table', () => {
  test('a shorter table clears its own old output rows, and keeps what a user typed under the output columns', async () => {
    const cells = syntheticSheet(5, 3); // units on rows 4..8; output in F..I
    const fake = fakeWith(cells);
    expect((await scoreWorkbook(runOf(fake), { rules, lang: 'vi' })).status).toBe('written');
    // The last two units are removed by hand, and a signature is typed two rows under the table.
    fake.host.setCells('Tổng hợp', 'A7:E8', [
      [null, null, null, null, null],
      [null, null, null, null, null],
    ]);
    fake.host.setCell('Tổng hợp', 'I10', 'Người lập biểu (ký tên)');
    expect((await scoreWorkbook(runOf(fake), { rules, lang: 'vi' })).status).toBe('written');
    const sheet = fake.host.sheet('Tổng hợp');
    expect(
      sheet
        .values('F7:I8')
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(sheet.values('I10')[0][0]).toBe('Người lập biểu (ký tên)');
    expect(sheet.values('H6')[0][0]).not.toBe('');
  });
});

test('a header over two rows: the output headers go on the lower header row', async () => {
  const fake = fakeWith([
    ['STT', 'Tên đơn vị', 'Các lĩnh vực CCHC', null],
    [null, null, 'Chỉ đạo', 'Thể chế'],
    [null, 'Điểm tối đa', 50, 50],
    [1, 'Hà Kỳ', 45, 40],
  ]);
  const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
  expect(outcome.status).toBe('written');
  const sheet = fake.host.sheet('Tổng hợp');
  expect(sheet.values('E2:H2')[0]).toEqual(['Chỉ số (%)', 'Xếp hạng', 'Xếp loại', 'Ghi chú']);
  expect(sheet.values('E1:H1')[0].every((v) => v === '')).toBe(true);
  expect(sheet.values('G4')[0][0]).toBe('Hoàn thành tốt nhiệm vụ');
});

describe('finding the table', () => {
  test('a selected block is scored in place, with addresses relative to the sheet', async () => {
    const cells = [[null, null, null, null, null], ...syntheticSheet(4, 2).map((r) => [null, ...r])];
    const fake = createFakeExcel({ sheets: [{ name: 'Data', cells }], activeSheet: 'Data', selection: 'B3:E8' });
    const inspection = await inspectWorkbook(runOf(fake), rules, 'vi');
    expect(inspection.read.source).toEqual({ kind: 'selection', address: 'B3:E8' });
    expect(inspection.result.units[0].row).toBe(5);
    expect(inspection.outputColumns[0]).toBe('F');
  });

  test('an Excel table gets its output as table columns', async () => {
    const cells = syntheticSheet(4, 2).slice(1); // header at row 1
    const fake = createFakeExcel({
      sheets: [{ name: 'Bảng', cells }],
      activeSheet: 'Bảng',
      tables: [{ sheet: 'Bảng', address: 'A1:D6', name: 'Diem' }],
    });
    const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
    expect(outcome.status).toBe('written');
    const table = fake.host.tables().find((t) => t.name === 'Diem');
    expect(table?.columns).toEqual([
      'STT',
      'Tên đơn vị',
      'Lĩnh vực 1',
      'Lĩnh vực 2',
      'Chỉ số (%)',
      'Xếp hạng',
      'Xếp loại',
      'Ghi chú',
    ]);
  });

  test('no table: the message says what was looked for', async () => {
    const fake = fakeWith([['Hướng dẫn sử dụng'], ['Nhập điểm ở trang sau']], 'Hướng dẫn');
    const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.message).toMatch(/Tên đơn vị.*Điểm tối đa/);
  });
});

describe('the table is found, not assumed (issue 17, item 1)', () => {
  const guide = [['Hướng dẫn sử dụng'], ['Nhập điểm ở trang "Tổng hợp"']];
  async function sampleOnGuide() {
    const data = await sampleWorkbookData();
    return createFakeExcel({ ...data, activeSheet: data.sheets[0].name, selection: undefined });
  }

  test('opened on the instructions sheet, the table is read from the next sheet, and nothing is activated', async () => {
    const fake = await sampleOnGuide();
    expect(fake.host.activeSheet).toBe('Hướng dẫn');
    const inspection = await inspectWorkbook(runOf(fake), rules, 'vi');
    expect(inspection.read.sheet).toBe('Tổng hợp');
    expect(inspection.read.sheets).toEqual(['Hướng dẫn', 'Tổng hợp']);
    expect(inspection.result.units).toHaveLength(23);
    expect(fake.host.activeSheet).toBe('Hướng dẫn');
  });

  test('scoring from the instructions sheet writes beside the table on its own sheet', async () => {
    const fake = await sampleOnGuide();
    const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
    expect(outcome.status).toBe('written');
    if (outcome.status !== 'written') return;
    expect(
      fake.host
        .sheet('Tổng hợp')
        .values(
          `${outcome.inspection.outputColumns[0]}${outcome.inspection.read.origin.row + outcome.inspection.layout.headerRow}`,
        )[0][0],
    ).toBe('Chỉ số (%)');
    expect(fake.host.activeSheet).toBe('Hướng dẫn');
  });

  test('the remembered sheet comes before the other sheets; a chosen sheet is the only one read', async () => {
    const table = syntheticSheet(5, 3);
    const fake = createFakeExcel({
      sheets: [
        { name: 'Hướng dẫn', cells: guide },
        { name: '2020', cells: table },
        { name: '2021', cells: table },
      ],
      activeSheet: 'Hướng dẫn',
    });
    const run = runOf(fake);
    expect((await inspectWorkbook(run, rules, 'vi')).read.sheet).toBe('2020');
    expect((await inspectWorkbook(run, rules, 'vi', { choice: { remembered: '2021' } })).read.sheet).toBe('2021');
    await expect(inspectWorkbook(run, rules, 'vi', { choice: { sheet: 'Hướng dẫn' } })).rejects.toMatchObject({
      code: 'notFound',
      misses: [{ sheet: 'Hướng dẫn' }],
    });
  });

  test('no sheet holds a table: every sheet looked at is named with its reason, and the sheets to choose from travel with the error', async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: 'Hướng dẫn', cells: guide },
        {
          name: 'Ghi chú',
          cells: [
            ['Tên đơn vị', 'A'],
            ['x', 1],
          ],
        },
      ],
      activeSheet: 'Ghi chú',
    });
    const error = await inspectWorkbook(runOf(fake), rules, 'vi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TableNotFoundError);
    const e = error as TableNotFoundError;
    expect(e.misses.map((m) => m.sheet)).toEqual(['Ghi chú', 'Hướng dẫn']);
    expect(e.sheets).toEqual(['Hướng dẫn', 'Ghi chú']);
    expect(e.message).toContain('“Hướng dẫn”');
    expect(e.message).toContain('“Ghi chú”');
  });

  test('owned sheets are never candidates', () => {
    const sheets = [
      { name: 'Tổng hợp', visibility: 'Visible' },
      { name: '_TieuChiCCHC', visibility: 'VeryHidden' },
      { name: 'Ẩn', visibility: 'Hidden' },
      { name: 'Báo cáo', visibility: 'Visible' },
    ];
    expect(candidateOrder(sheets, 'Báo cáo', { remembered: 'Tổng hợp' })).toEqual(['Báo cáo', 'Tổng hợp']);
    expect(candidateOrder(sheets, 'Báo cáo', { sheet: '_TieuChiCCHC' })).toEqual(['Báo cáo', 'Tổng hợp']);
  });

  test('reading on the active sheet costs no more round trips than before; a fallback costs one more', async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: 'Hướng dẫn', cells: guide },
        { name: 'Tổng hợp', cells: syntheticSheet(10, 7) },
      ],
      activeSheet: 'Tổng hợp',
    });
    const run = runOf(fake);
    fake.host.resetCounters();
    await inspectWorkbook(run, rules, 'vi');
    const direct = fake.host.syncCount;
    fake.host.select("'Hướng dẫn'!A1");
    fake.host.resetCounters();
    await inspectWorkbook(run, rules, 'vi');
    expect(direct).toBe(2);
    expect(fake.host.syncCount).toBe(direct + 2);
  });

  test('sheet activation is followed: the handler is told the sheet id, after the request, and not after it stops', async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: 'Hướng dẫn', cells: guide },
        { name: 'Tổng hợp', cells: syntheticSheet(3, 2) },
      ],
      activeSheet: 'Hướng dẫn',
    });
    const run = runOf(fake);
    const seen: string[] = [];
    const stop = await watchActivation(run, (id) => seen.push(id));
    expect(fake.host.activatedHandlerCount).toBe(1);
    fake.host.select("'Tổng hợp'!B2");
    expect(seen).toEqual([]); // events arrive later, as in Office.js
    await new Promise((r) => setTimeout(r, 5));
    const id = fake.host.sheet('Tổng hợp').id;
    expect(seen).toEqual([id]);
    fake.host.select("'Tổng hợp'!C3"); // same sheet: no activation
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toHaveLength(1);
    stop();
    await new Promise((r) => setTimeout(r, 5));
    expect(fake.host.activatedHandlerCount).toBe(0);
    await run(async (context) => {
      context.workbook.worksheets.getItem('Hướng dẫn').activate();
      await context.sync();
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toHaveLength(1);
  });
});
