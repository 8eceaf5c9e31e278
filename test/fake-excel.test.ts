import {
  FakeOfficeExtensionError,
  FakeWorkbookData,
  createFakeExcel,
  installFakeExcelGlobals,
  jsonBytes,
  quoteSheetName,
} from '../tools/fake-excel';

const sample = (): FakeWorkbookData => ({
  sheets: [
    {
      name: 'Sheet1',
      cells: [
        ['STT', 'Tiêu chí', 'Điểm'],
        [1, 'Công khai', 2.5],
        [2, 'Một cửa', 3],
      ],
    },
    { name: 'Tổng hợp', cells: [['x']] },
    { name: 'Empty' },
  ],
  activeSheet: 'Sheet1',
  selection: 'B2',
});

async function rejection(p: Promise<unknown>): Promise<FakeOfficeExtensionError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FakeOfficeExtensionError);
    return e as FakeOfficeExtensionError;
  }
  throw new Error('expected a rejection');
}

describe('fake Excel: load/sync semantics', () => {
  test('reading an unloaded property throws PropertyNotLoaded', async () => {
    const { Excel } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C3');
      let err: unknown;
      try {
        void r.values;
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FakeOfficeExtensionError);
      expect((err as FakeOfficeExtensionError).code).toBe('PropertyNotLoaded');
      expect((err as FakeOfficeExtensionError).message).toBe(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      r.load('values, numberFormat');
      expect(() => r.values).toThrow(/not available/); // still not synced
      await ctx.sync();
      expect(r.values).toEqual([
        ['STT', 'Tiêu chí', 'Điểm'],
        [1, 'Công khai', 2.5],
        [2, 'Một cửa', 3],
      ]);
      expect(r.numberFormat[0][0]).toBe('General');
      expect(() => r.address).toThrow(/'address' is not available/);
      expect(() => r.isNullObject).not.toThrow();
    });
  });

  test('load accepts string, array and {select}; values are snapshots; empty cells read ""', async () => {
    const { Excel, host } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const a = ws.getRange('B2:D3').load(['values', 'address']);
      const b = ws
        .getRange('A1')
        .load({ select: 'values, rowIndex, columnIndex, rowCount, columnCount, text, valueTypes, formulas' });
      await ctx.sync();
      expect(a.values).toEqual([
        ['Công khai', 2.5, ''],
        ['Một cửa', 3, ''],
      ]);
      expect(a.address).toBe('Sheet1!B2:D3');
      expect([b.rowIndex, b.columnIndex, b.rowCount, b.columnCount]).toEqual([0, 0, 1, 1]);
      expect(b.valueTypes).toEqual([['String']]);
      host.setCell('Sheet1', 'B2', 'co-author edit');
      expect(a.values[0][0]).toBe('Công khai'); // snapshot taken at sync time
      a.load('values');
      await ctx.sync();
      expect(a.values[0][0]).toBe('co-author edit');
    });
  });

  test('writes are queued and applied only at sync, in order', async () => {
    const { Excel, host } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('D1:D2');
      r.values = [['Ghi chú'], ['a']];
      r.values = [[null], ['b']]; // null leaves a cell unchanged
      r.format.fill.color = 'yellow';
      r.format.font.bold = true;
      expect(r.values).toEqual([[null], ['b']]); // the locally set value is readable, like Office.js
      expect(host.sheet('Sheet1').values('D1:D2')).toEqual([[''], ['']]);
      await ctx.sync();
      expect(host.sheet('Sheet1').values('D1:D2')).toEqual([['Ghi chú'], ['b']]);
      expect(host.sheet('Sheet1').fills('D1:D2')).toEqual([['#FFFF00'], ['#FFFF00']]);
      expect(host.sheet('Sheet1').cell('D2').bold).toBe(true);
    });
  });

  test('sync counting: empty syncs send nothing; Excel.run flushes with a final sync', async () => {
    const { Excel, host } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      await ctx.sync(); // nothing queued
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A5').values = [['x']];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A6').values = [['y']];
      // no sync: run() flushes
    });
    expect(host.syncCalls).toBe(3);
    expect(host.syncCount).toBe(2);
    expect(host.requestBytes).toHaveLength(2);
    expect(host.sheet('Sheet1').values('A5:A6')).toEqual([['x'], ['y']]);
  });

  test('Excel.run requires a promise and returns the batch result', async () => {
    const { Excel } = createFakeExcel(sample());
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const e = await rejection(Excel.run((() => 1) as any));
    expect(e.code).toBe('RunMustReturnPromise');
    await expect(Excel.run(async () => 42)).resolves.toBe(42);
  });

  test('a failing action rejects the sync; earlier actions stay, later ones are dropped', async () => {
    const { Excel, host } = createFakeExcel(sample());
    const e = await rejection(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('E1').values = [['before']];
        ws.getRange('E2:E3').values = [['wrong', 'shape']]; // 1x2 for a 2x1 range
        ws.getRange('E4').values = [['after']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    expect(e.debugInfo.errorLocation).toBe('Range.values');
    expect(host.sheet('Sheet1').values('E1:E4')).toEqual([['before'], [''], [''], ['']]);
  });

  test('getItem of a missing sheet fails at sync with ItemNotFound', async () => {
    const { Excel } = createFakeExcel(sample());
    const e = await rejection(
      Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Nope').getRange('A1').load('values');
        await ctx.sync();
        return r;
      }),
    );
    expect(e.code).toBe('ItemNotFound');
    expect(e.debugInfo.errorLocation).toBe('WorksheetCollection.getItem');
  });

  test('protected sheet: writes throw AccessDenied at sync, reads work', async () => {
    const { Excel, host } = createFakeExcel(sample());
    host.protectSheet('Sheet1');
    const before = host.snapshot();
    const e = await rejection(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        const r = ws.getRange('A1').load('values');
        ws.protection.load('protected');
        await ctx.sync();
        expect(r.values).toEqual([['STT']]);
        expect(ws.protection.protected).toBe(true);
        ws.getRange('A1').format.fill.color = '#FF0000';
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('AccessDenied');
    expect(e.debugInfo.errorLocation).toBe('RangeFill.color');
    expect(host.snapshot()).toEqual(before);
  });

  test('edit mode and injected failures reject whole syncs', async () => {
    const { Excel, host } = createFakeExcel(sample());
    host.setEditMode(true);
    const e1 = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
        await ctx.sync();
      }),
    );
    expect(e1.code).toBe('InvalidOperationInCellEditMode');
    host.setEditMode(false);
    host.failNextSync('GeneralException', 'boom');
    const e2 = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
        await ctx.sync();
      }),
    );
    expect([e2.code, e2.message]).toEqual(['GeneralException', 'boom']);
    expect(host.sheet('Sheet1').values('A1')).toEqual([['STT']]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
    });
    expect(host.sheet('Sheet1').values('A1')).toEqual([['x']]);
  });
});

describe('fake Excel: cell input semantics', () => {
  test("'=' strings become formulas; '@' format or apostrophe keep text", async () => {
    const { Excel, host } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('F1').values = [['=1+1']];
      const g = ws.getRange('G1:G2');
      g.numberFormat = [['@'], ['@']]; // same sync, earlier op
      g.values = [['=HYPERLINK("x")'], ['007']];
      ws.getRange('H1').values = [["'=SUM(A1)"]];
      ws.getRange('I1:I4').values = [['-abc'], ['+A1'], ['-5'], ['29.96']];
      const f = ws.getRange('F1:I1').load('values, formulas, text');
      await ctx.sync();
      expect(f.values).toEqual([['', '=HYPERLINK("x")', '=SUM(A1)', '']]);
      expect(f.formulas).toEqual([['=1+1', '=HYPERLINK("x")', '=SUM(A1)', '=-abc']]);
    });
    const s = host.sheet('Sheet1');
    expect(s.cell('F1').formula).toBe('=1+1');
    expect(s.cell('G1')).toMatchObject({ formula: null, value: '=HYPERLINK("x")', numberFormat: '@' });
    expect(s.cell('G2').value).toBe('007');
    expect(s.cell('H1')).toMatchObject({ formula: null, value: '=SUM(A1)', quotePrefix: true });
    expect(s.formulas('I1:I4')).toEqual([['=-abc'], ['=+A1'], [-5], [29.96]]);
  });

  test("'@' set in a prior sync keeps text; numbers stay numbers; '' clears", async () => {
    const { Excel, host } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('J1:J3');
      r.numberFormat = [['@']];
      await ctx.sync();
      r.values = [['=1'], [5], ['TRUE']];
      await ctx.sync();
      r.load('values, valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([['=1'], [5], ['TRUE']]);
      expect(r.valueTypes).toEqual([['String'], ['Integer'], ['String']]);
      r.values = [[''], [null], ['']];
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([[''], [5], ['']]);
    });
    expect(host.sheet('Sheet1').cell('J1').formula).toBeNull();
  });
});

describe('fake Excel: payload limits', () => {
  test('request bytes are the UTF-8 JSON size of the payload plus small overhead', async () => {
    const { Excel, host } = createFakeExcel(sample());
    const payload = [['Tiêu chí "một"', 1.5, true, null]];
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A10:D10').values = payload;
    });
    const exact = new TextEncoder().encode(JSON.stringify(payload)).length;
    expect(jsonBytes(payload)).toBe(exact);
    expect(host.requestBytes[0]).toBeGreaterThanOrEqual(exact);
    expect(host.requestBytes[0]).toBeLessThan(exact + 200);
    expect(host.maxRequestBytes).toBe(host.requestBytes[0]);
  });

  test('a request over the limit throws RequestPayloadSizeLimitExceeded and applies nothing', async () => {
    const { Excel, host } = createFakeExcel(sample());
    host.requestLimitBytes = 1000;
    const big = Array.from({ length: 100 }, (_, i) => [`dòng ${i}`]);
    const e = await rejection(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A20').values = [['small']];
        ws.getRange('B20:B119').values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(host.sheet('Sheet1').usedAddress()).toBe('Sheet1!A1:C3');
    expect(host.requestBytes[0]).toBeGreaterThan(1000);
  });

  test('a response over the limit throws ResponsePayloadSizeLimitExceeded', async () => {
    const { Excel, host } = createFakeExcel(sample());
    host.responseLimitBytes = 50;
    const e = await rejection(
      Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C3').load('values');
        await ctx.sync();
        return r.values;
      }),
    );
    expect(e.code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(host.responseBytes[0]).toBeGreaterThan(50);
  });
});

describe('fake Excel: addresses and ranges', () => {
  test('addresses are sheet-qualified and quoted when needed', async () => {
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('Tổng hợp')).toBe("'Tổng hợp'");
    expect(quoteSheetName("O'Neil")).toBe("'O''Neil'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    const { Excel } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Tổng hợp');
      const a = t.getRange('B3:K30').load('address');
      const b = t.getRangeByIndexes(2, 1, 28, 10).load('address');
      const c = t.getRange('B3:K30').getEntireColumn().load('address');
      const d = t.getRange('B3:K30').getLastRow().load('address');
      const e = t.getRange('B3:K30').getCell(1, 2).getOffsetRange(1, 1).getResizedRange(1, 0).load('address');
      const f = t.getRange('B3:K30').getRow(0).load('address, rowCount, columnCount');
      const g = t.getRange('$B$3').getColumn(0).load('address');
      await ctx.sync();
      expect(a.address).toBe("'Tổng hợp'!B3:K30");
      expect(b.address).toBe("'Tổng hợp'!B3:K30");
      expect(c.address).toBe("'Tổng hợp'!B:K");
      expect(d.address).toBe("'Tổng hợp'!B30:K30");
      expect(e.address).toBe("'Tổng hợp'!E5:E6");
      expect([f.address, f.rowCount, f.columnCount]).toEqual(["'Tổng hợp'!B3:K3", 1, 10]);
      expect(g.address).toBe("'Tổng hợp'!B3");
    });
  });

  test('used range, selection, active cell, select()', async () => {
    const { Excel, host } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('Sheet1').getUsedRange(true).load('address');
      const emptyUsed = ctx.workbook.worksheets.getItem('Empty').getUsedRange().load('address');
      const sel = ctx.workbook.getSelectedRange().load('address, values');
      const cell = ctx.workbook.getActiveCell().load('address');
      await ctx.sync();
      expect(used.address).toBe('Sheet1!A1:C3');
      expect(emptyUsed.address).toBe('Empty!A1');
      expect(sel.values).toEqual([['Công khai']]);
      expect(cell.address).toBe('Sheet1!B2');
      ctx.workbook.worksheets.getItem('Tổng hợp').getRange('C4:D5').select();
    });
    expect(host.selection).toBe("'Tổng hợp'!C4:D5");
    expect(host.activeSheet).toBe('Tổng hợp');
  });

  test('null objects', async () => {
    const { Excel } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      const missing = ws.getItemOrNullObject('Missing');
      const present = ws.getItemOrNullObject('sheet1'); // names are case-insensitive
      const usedNull = ws.getItem('Empty').getUsedRangeOrNullObject();
      const usedOk = ws.getItem('Sheet1').getUsedRangeOrNullObject().load('address');
      const part = ctx.workbook.customXmlParts.getByNamespace('urn:x').getOnlyItemOrNullObject();
      const setting = ctx.workbook.settings.getItemOrNullObject('nope');
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(usedNull.isNullObject).toBe(true);
      expect(usedOk.isNullObject).toBe(false);
      expect(usedOk.address).toBe('Sheet1!A1:C3');
      expect(part.isNullObject).toBe(true);
      expect(setting.isNullObject).toBe(true);
      missing.load('name');
      await ctx.sync();
      expect(missing.name).toBeNull();
    });
  });

  test('formats: column width, wrap, alignment, row height, entire-column fill, clear', async () => {
    const { Excel, host } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const r = ws.getRange('B1:C3');
      r.format.columnWidth = 120;
      r.format.wrapText = true;
      r.format.horizontalAlignment = 'Center';
      r.format.verticalAlignment = 'Top';
      r.format.rowHeight = 30;
      r.format.font.color = '#ff0000';
      ws.getRange('E:E').format.fill.color = '#00FF00';
      const check = ws.getRange('B1:C3').load('format/columnWidth, format/wrapText, format/font/color');
      const mixed = ws.getRange('A1:B1').format.load('columnWidth');
      const fill = ws.getRange('E100000').format.fill.load('color');
      await ctx.sync();
      expect(check.format.columnWidth).toBe(120);
      expect(check.format.wrapText).toBe(true);
      expect(check.format.font.color).toBe('#FF0000');
      expect(mixed.columnWidth).toBeNull(); // differing widths read as null, like Excel
      expect(fill.color).toBe('#00FF00');
      ws.getRange('B1:C1').clear('Contents');
      ws.getRange('B2:C2').clear();
    });
    const s = host.sheet('Sheet1');
    expect(s.columnWidth('B')).toBe(120);
    expect(s.rowHeight(2)).toBe(30);
    expect(s.cell('B1')).toMatchObject({ value: '', wrapText: true, horizontalAlignment: 'Center' });
    expect(s.cell('B2')).toMatchObject({ value: '', wrapText: false, fontColor: '#000000' });
  });

  test('insert and delete shift cells', async () => {
    const { Excel, host } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('2:2').insert('Down');
      ws.getRange('A1:A1').delete('Left');
    });
    expect(host.sheet('Sheet1').values('A1:C4')).toEqual([
      ['Tiêu chí', 'Điểm', ''],
      ['', '', ''],
      [1, 'Công khai', 2.5],
      [2, 'Một cửa', 3],
    ]);
  });
});

describe('fake Excel: workbook objects', () => {
  test('worksheets: add, items, rename, activate, delete, position', async () => {
    const { Excel, host } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      const added = ctx.workbook.worksheets.add('Kết quả');
      added.load('name, id, position, visibility');
      const dup = ctx.workbook.worksheets;
      await ctx.sync();
      expect([added.name, added.position, added.visibility]).toEqual(['Kết quả', 3, 'Visible']);
      dup.load('items/name');
      await ctx.sync();
      expect(dup.items.map((w) => w.name)).toEqual(['Sheet1', 'Tổng hợp', 'Empty', 'Kết quả']);
      added.activate();
      ctx.workbook.worksheets.getItem('Empty').delete();
      const first = ctx.workbook.worksheets.getFirst().load('name');
      const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      expect([first.name, active.name]).toEqual(['Sheet1', 'Kết quả']);
    });
    expect(host.sheetNames).toEqual(['Sheet1', 'Tổng hợp', 'Kết quả']);
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('sheet1');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemAlreadyExists');
  });

  test('tables: add, columns, data body, workbook and worksheet collections', async () => {
    const { Excel, host } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const t = ws.tables.add('A1:C3', true);
      t.load('name');
      const col = t.columns.add(null, [['Xếp loại'], ['Tốt'], ['Khá']]);
      col.load('name, index');
      const body = t.getDataBodyRange().load('address, values');
      const header = t.getHeaderRowRange().load('values');
      await ctx.sync();
      expect(t.name).toBe('Table1');
      expect([col.name, col.index]).toEqual(['Xếp loại', 3]);
      expect(body.address).toBe('Sheet1!A2:D3');
      expect(header.values).toEqual([['STT', 'Tiêu chí', 'Điểm', 'Xếp loại']]);
      t.name = 'KetQua';
      t.columns.load('items/name');
      const all = ctx.workbook.tables.load('items/name');
      const sheetOf = ctx.workbook.tables.getItem('KetQua').worksheet.load('name');
      await ctx.sync();
      expect(t.columns.items.map((c) => c.name)).toEqual(['STT', 'Tiêu chí', 'Điểm', 'Xếp loại']);
      expect(all.items.map((x) => x.name)).toEqual(['KetQua']);
      expect(sheetOf.name).toBe('Sheet1');
    });
    expect(host.tables()).toEqual([
      {
        id: 1,
        name: 'KetQua',
        sheet: 'Sheet1',
        address: 'Sheet1!A1:D3',
        columns: ['STT', 'Tiêu chí', 'Điểm', 'Xếp loại'],
      },
    ]);
  });

  test('charts are stored in host state', async () => {
    const { Excel, host } = createFakeExcel(sample());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const ch = ws.charts.add(Excel.ChartType.columnClustered as never, ws.getRange('B1:C3'), 'Columns');
      ch.title.text = 'Điểm theo tiêu chí';
      ch.setPosition('E2', 'L20');
      ch.load('name');
      await ctx.sync();
      expect(ch.name).toBe('Chart 1');
    });
    expect(host.charts()).toEqual([
      expect.objectContaining({
        name: 'Chart 1',
        chartType: 'ColumnClustered',
        sourceAddress: 'Sheet1!B1:C3',
        seriesBy: 'Columns',
        title: 'Điểm theo tiêu chí',
        position: { startCell: 'Sheet1!E2', endCell: 'Sheet1!L20' },
      }),
    ]);
  });

  test('custom XML parts, settings, application, ClientResult', async () => {
    const { Excel, host } = createFakeExcel(sample());
    const xml = '<?xml version="1.0"?><run xmlns="urn:par-index:v1"><score>1</score></run>';
    await Excel.run(async (ctx) => {
      ctx.workbook.customXmlParts.add(xml);
      ctx.workbook.settings.add('lastRun', { at: '2024-01-01', n: 3 });
      ctx.application.suspendScreenUpdatingUntilNextSync();
      ctx.application.suspendApiCalculationUntilNextSync();
      ctx.application.calculationMode = Excel.CalculationMode.manual;
      await ctx.sync();
      const part = ctx.workbook.customXmlParts.getByNamespace('urn:par-index:v1').getOnlyItemOrNullObject();
      const got = part.getXml();
      expect(() => got.value).toThrow(/has not been loaded/);
      const s = ctx.workbook.settings.getItemOrNullObject('lastRun').load('value');
      const app = ctx.application.load('calculationMode');
      await ctx.sync();
      expect(part.isNullObject).toBe(false);
      expect(got.value).toBe(xml);
      expect(s.value).toEqual({ at: '2024-01-01', n: 3 });
      expect(app.calculationMode).toBe('Manual');
      part.delete();
    });
    expect(host.customXmlParts()).toEqual([]);
    expect(host.settings()).toEqual({ lastRun: { at: '2024-01-01', n: 3 } });
    expect([host.screenUpdatingSuspensions, host.apiCalculationSuspensions, host.calculationMode]).toEqual([
      1,
      1,
      'Manual',
    ]);
  });

  test('globals can be installed for code that uses the global Excel', async () => {
    const fake = createFakeExcel(sample());
    const restore = installFakeExcelGlobals(fake);
    try {
      const g = globalThis as unknown as { Excel: typeof fake.Excel };
      const v = await g.Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getActiveWorksheet().getRange('C2').load('values');
        await ctx.sync();
        return r.values[0][0];
      });
      expect(v).toBe(2.5);
    } finally {
      restore();
    }
    expect((globalThis as Record<string, unknown>).Excel).toBeUndefined();
  });
});

describe('fake Excel: scale', () => {
  test('100,000 rows x 30 columns: chunked write and read stay fast and under the limits', async () => {
    const ROWS = 100_000,
      COLS = 30,
      CHUNK = 10_000;
    const { Excel, host } = createFakeExcel({ sheets: [{ name: 'Data' }] });
    const t0 = Date.now();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      for (let start = 0; start < ROWS; start += CHUNK) {
        const block = Array.from({ length: CHUNK }, (_, i) =>
          Array.from({ length: COLS }, (_, j) => (j === 0 ? `Đơn vị ${start + i}` : (start + i) * j)),
        );
        ws.getRangeByIndexes(start, 0, CHUNK, COLS).values = block;
        await ctx.sync();
      }
      const used = ws.getUsedRange(true).load('address, rowCount');
      await ctx.sync();
      expect(used.address).toBe('Data!A1:AD100000');
      let sum = 0;
      for (let start = 0; start < ROWS; start += CHUNK) {
        const r = ws.getRangeByIndexes(start, 0, CHUNK, COLS).load('values');
        await ctx.sync();
        sum += r.values.length;
        expect(r.values[CHUNK - 1][29]).toBe((start + CHUNK - 1) * 29);
      }
      expect(sum).toBe(ROWS);
    });
    expect(host.syncCount).toBe(21);
    expect(host.maxRequestBytes).toBeLessThan(host.requestLimitBytes);
    expect(Date.now() - t0).toBeLessThan(20_000);

    // the same data in a single sync exceeds 5 MiB
    const one = createFakeExcel({ sheets: [{ name: 'Data' }] });
    const all = Array.from({ length: ROWS }, (_, i) =>
      Array.from({ length: COLS }, (_, j) => (j === 0 ? `Đơn vị ${i}` : i * j)),
    );
    const e = await rejection(
      one.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRangeByIndexes(0, 0, ROWS, COLS).values = all;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(one.host.sheet('Data').usedAddress()).toBeNull();
  });
});
