import { columnIndex, columnLetter, parseCellAddress, qualifiedAddress, quoteSheet } from '../../src/engine/address';
import { findingMessage } from '../../src/engine/describe';
import { detectLayout, type Grid, type Layout } from '../../src/engine/layout';
import { readTable, type ReadOptions } from '../../src/engine/read-table';
import { scoreGrid, unitFields } from '../../src/engine/score';
import { cellText, fold } from '../../src/engine/text';
import type { CellValue, Finding } from '../../src/engine/types';
import { RULES, sc } from './helpers';

const SHEET = 'Tổng hợp';
const TITLE: CellValue[][] = [['UBND HUYỆN TỨ KỲ'], ['BẢNG TỔNG HỢP ĐIỂM CHỈ SỐ CCHC NĂM 2021'], []];
const HEADER: CellValue[] = ['STT', 'Tên đơn vị', 'Chỉ đạo, điều hành', 'Cải cách thể chế', 'Cải cách TTHC'];
const MAX: CellValue[] = [null, 'Điểm tối đa', 10, 20, 70];

/** Title rows, header on row 4, max on row 5, units from row 6 (C6 is the first unit's first field). */
function sheetGrid(units: CellValue[][], header: CellValue[] = HEADER, max: CellValue[] = MAX): CellValue[][] {
  return [...TITLE, header, max, ...units];
}

function layoutOf(grid: Grid): Layout {
  const d = detectLayout(grid);
  if (!d.ok) throw new Error(`no layout: ${d.reason}`);
  return d.layout;
}

function read(grid: Grid, options: ReadOptions = {}) {
  return readTable(grid, layoutOf(grid), SHEET, { rules: RULES, ...options });
}

/** The only finding at a cell. */
function at(findings: Finding[], address: string): Finding {
  const f = findings.filter((x) => x.address === address);
  expect(f).toHaveLength(1);
  return f[0];
}

describe('text folding', () => {
  it('drops case, diacritics and extra spaces, and đ becomes d', () => {
    expect(fold('TÊN ĐƠN VỊ')).toBe('ten don vi');
    expect(fold('  Tên   Đơn\u00a0vị ')).toBe('ten don vi');
    expect(fold('Điểm tối đa')).toBe('diem toi da');
    // decomposed input folds alike
    expect(fold('Tên đơn vị'.normalize('NFD'))).toBe('ten don vi');
  });
  it('cellText trims and normalises', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText('  Hà Kỳ ')).toBe('Hà Kỳ');
    expect(cellText('Hà Kỳ'.normalize('NFD'))).toBe('Hà Kỳ'.normalize('NFC'));
    expect(cellText(8.5)).toBe('8.5');
  });
});

describe('detectLayout', () => {
  it('finds the table under title rows, with an STT column', () => {
    const l = layoutOf(sheetGrid([[1, 'Xã A', 9, 18, 60]]));
    expect(l).toEqual({
      headerRow: 3,
      maxRow: 4,
      firstUnitRow: 5,
      endRow: 6,
      nameCol: 1,
      sttCol: 0,
      fieldCols: [2, 3, 4],
      bonusCol: null,
      deductionCol: null,
      totalCol: null,
      lastYearIndexCol: null,
      lastYearBandCol: null,
      outputCol: null,
      outputTargetCol: 5,
    });
  });

  it('reads a header over two rows: titles merged down, field names on the lower row', () => {
    const grid: CellValue[][] = [
      ['BẢNG TỔNG HỢP'],
      ['STT', 'Tên đơn vị', 'Các lĩnh vực CCHC', null, null, 'Điểm cộng', 'Tổng điểm'],
      [null, null, 'Chỉ đạo, điều hành', 'Cải cách thể chế', 'Cải cách TTHC', null, null],
      [null, 'Điểm tối đa', 10, 20, 70, null, 100],
      [1, 'Hà Kỳ', 9, 18, 60, 1, 88],
      [2, 'Văn Tố', 8, 16, 56, null, 80],
    ];
    const l = layoutOf(grid);
    expect(l).toMatchObject({
      topHeaderRow: 1,
      headerRow: 2,
      maxRow: 3,
      firstUnitRow: 4,
      endRow: 6,
      nameCol: 1,
      sttCol: 0,
      fieldCols: [2, 3, 4],
      bonusCol: 5,
      totalCol: 6,
      outputTargetCol: 7,
    });
    const { table, findings } = read(grid);
    expect(findings).toEqual([]);
    expect(table.fields.map((f) => f.label)).toEqual(['Chỉ đạo, điều hành', 'Cải cách thể chế', 'Cải cách TTHC']);
    expect(table.units.map((u) => u.name)).toEqual(['Hà Kỳ', 'Văn Tố']);
    // A one-row header has no upper row.
    expect('topHeaderRow' in layoutOf(sheetGrid([[1, 'Xã A', 9, 18, 60]]))).toBe(false);
  });

  it.each([['TÊN ĐƠN VỊ'], ['ten xa'], ['Unit'], ['Đơn vị'], ['Tên xã'], ['  tên  đơn   vị '], ['UNIT NAME']])(
    'matches the name header %p',
    (h) => {
      const l = layoutOf([
        [h, 'LV1'],
        ['Điểm tối đa', 10],
        ['Xã A', 5],
      ]);
      expect(l.nameCol).toBe(0);
      expect(l.fieldCols).toEqual([1]);
      expect(l.sttCol).toBeNull();
    },
  );

  it.each([['ĐIỂM TỐI ĐA'], ['diem toi da'], ['Max'], ['Maximum'], ['max points']])('matches the max row %p', (m) => {
    expect(
      detectLayout([
        ['Unit', 'F'],
        [m, 10],
      ]).ok,
    ).toBe(true);
  });

  it('reports noHeader for an instructions sheet without a table', () => {
    const grid: Grid = [
      ['Hướng dẫn sử dụng'],
      ['1. Nhập điểm thẩm định vào sheet Tổng hợp'],
      ['2. Ghi "KAD" nếu lĩnh vực không áp dụng'],
      [],
      ['Đơn vị tính: điểm'],
    ];
    const d = detectLayout(grid);
    expect(d).toEqual({ ok: false, reason: 'noHeader', detail: 'Tên đơn vị' });
    expect(detectLayout([])).toMatchObject({ ok: false, reason: 'noHeader' });
  });

  it('reports noMaxRow for a header without the max row under it', () => {
    const d = detectLayout([...TITLE, HEADER, [1, 'Xã A', 9, 18, 60]]);
    expect(d).toEqual({ ok: false, reason: 'noMaxRow', detail: 'Điểm tối đa' });
  });

  it('reports noFields for a header with nothing right of the name', () => {
    const d = detectLayout([
      ['STT', 'Tên đơn vị'],
      [null, 'Điểm tối đa'],
      [1, 'Xã A'],
    ]);
    expect(d).toEqual({ ok: false, reason: 'noFields', detail: 'B1' });
  });

  it('names the noFields cell where the grid sits in the sheet (a selection at D6)', () => {
    const grid = [
      ['STT', 'Tên đơn vị'],
      [null, 'Điểm tối đa'],
      [1, 'Xã A'],
    ];
    expect(detectLayout(grid, 50, { row: 6, col: 3 })).toEqual({ ok: false, reason: 'noFields', detail: 'E6' });
    expect(detectLayout(grid)).toEqual({ ok: false, reason: 'noFields', detail: 'B1' });
    expect(scoreGrid(grid, SHEET, RULES, { origin: { row: 6, col: 3 } })).toEqual({
      found: false,
      reason: 'noFields',
      detail: 'E6',
    });
  });

  it('only looks at the first scanRows rows', () => {
    const grid = [
      ...Array.from({ length: 10 }, () => [] as CellValue[]),
      ['Tên đơn vị', 'F'],
      ['Điểm tối đa', 1],
      ['Xã A', 1],
    ];
    expect(detectLayout(grid, 5)).toMatchObject({ ok: false, reason: 'noHeader' });
    expect(detectLayout(grid, 11)).toMatchObject({ ok: true });
  });

  it('recognises the optional columns: Điểm cộng, Điểm trừ, Tổng điểm, Chỉ số năm trước (%), Xếp loại năm trước', () => {
    const header = [...HEADER, 'Điểm cộng', 'Điểm trừ', 'Tổng điểm', 'Chỉ số năm trước (%)', 'Xếp loại năm trước'];
    const l = layoutOf(
      sheetGrid([[1, 'Xã A', 9, 18, 60, 0, 0, 87, 63.19, 'Hoàn thành nhiệm vụ']], header, [
        ...MAX,
        null,
        null,
        null,
        null,
        null,
      ]),
    );
    expect(l.fieldCols).toEqual([2, 3, 4]);
    expect(l.bonusCol).toBe(5);
    expect(l.deductionCol).toBe(6);
    expect(l.totalCol).toBe(7);
    expect(l.lastYearIndexCol).toBe(8);
    expect(l.lastYearBandCol).toBe(9);
    expect(l.outputTargetCol).toBe(10);
  });

  it.each([
    ['Tổng cộng'],
    ['Tổng số điểm'],
    ['Điểm tổng'],
    ['Tổng điểm đạt'],
    ['Tổng điểm thẩm định'],
    ['TỔNG CỘNG'],
    ['Tổng điểm'],
  ])('%p is the total column, not a field', (h) => {
    const l = layoutOf(sheetGrid([[1, 'Xã A', 9, 18, 60, 87]], [...HEADER, h], [...MAX, null]));
    expect(l.fieldCols).toEqual([2, 3, 4]);
    expect(l.totalCol).toBe(5);
  });

  it('recognises the English optional columns', () => {
    const l = layoutOf([
      ['No.', 'Unit', 'F1', 'Bonus points', 'Deduction', 'Total', "Last year's index (%)", "Last year's band"],
      [null, 'Max', 10],
    ]);
    expect([l.sttCol, l.bonusCol, l.deductionCol, l.totalCol, l.lastYearIndexCol, l.lastYearBandCol]).toEqual([
      0, 3, 4, 5, 6, 7,
    ]);
    expect(l.fieldCols).toEqual([2]);
  });

  it("recognises the scorer's own output block, and not as fields", () => {
    const header = [...HEADER, 'Chỉ số (%)', 'Xếp hạng', 'Xếp loại', 'Ghi chú'];
    const l = layoutOf(sheetGrid([[1, 'Xã A', 9, 18, 60, 0.87, 1, 'Hoàn thành tốt nhiệm vụ', '']], header));
    expect(l.fieldCols).toEqual([2, 3, 4]);
    expect(l.outputCol).toBe(5);
    expect(l.outputTargetCol).toBe(5);
    const en = layoutOf(sheetGrid([], [...HEADER, 'Index (%)', 'Rank', 'Band', 'Note']));
    expect(en.fieldCols).toEqual([2, 3, 4]);
    expect(en.outputCol).toBe(5);
  });

  it('a "Chỉ số (%)" and "Xếp hạng" pair that is not the whole output block is the authority\'s results, read beside the fields, never scored', () => {
    // Issue 15: these headers are how provinces publish their own index and rank; they were read as fields before.
    const l = layoutOf(sheetGrid([], [...HEADER, 'Chỉ số (%)', 'Xếp hạng']));
    expect(l.outputCol).toBeNull();
    expect(l.fieldCols).toEqual([2, 3, 4]);
    expect([l.authorityIndexCol, l.authorityRankCol]).toEqual([5, 6]);
    expect(l.outputTargetCol).toBe(7);
  });

  it('ends the fields at the first empty header', () => {
    const l = layoutOf(sheetGrid([], [...HEADER, null, 'Ghi chú riêng']));
    expect(l.fieldCols).toEqual([2, 3, 4]);
    expect(l.outputTargetCol).toBe(5);
  });

  it('ends the units at the first empty name', () => {
    const l = layoutOf(
      sheetGrid([
        [1, 'Xã A', 9, 18, 60],
        [2, 'Xã B', 9, 18, 60],
        [3, '  ', 9, 18, 60],
        [4, 'Xã D', 9, 18, 60],
      ]),
    );
    expect(l.firstUnitRow).toBe(5);
    expect(l.endRow).toBe(7);
  });
});

describe('readTable', () => {
  const units = [
    [1, 'Xã Quang Khải', 9, 18, 60],
    [2, 'Hà Kỳ', 8.5, 17, 59.5],
  ];

  it('reads fields and units, with addresses', () => {
    const { table, findings } = read(sheetGrid(units));
    expect(findings).toEqual([]);
    expect(table.sheet).toBe(SHEET);
    expect(table.fields).toEqual([
      { label: 'Chỉ đạo, điều hành', maxScaled: sc(10), column: 'C', maxAddress: 'C5' },
      { label: 'Cải cách thể chế', maxScaled: sc(20), column: 'D', maxAddress: 'D5' },
      { label: 'Cải cách TTHC', maxScaled: sc(70), column: 'E', maxAddress: 'E5' },
    ]);
    expect(table.units[1]).toEqual({
      name: 'Hà Kỳ',
      row: 7,
      nameAddress: 'B7',
      scores: [
        { kind: 'points', scaled: 85000 },
        { kind: 'points', scaled: 170000 },
        { kind: 'points', scaled: 595000 },
      ],
      bonusScaled: 0,
      deductionScaled: 0,
      statedTotalScaled: null,
      lastYearIndexScaled: null,
      lastYearBand: null,
    });
  });

  it('gives correct addresses when the grid does not start at A1', () => {
    // the grid is the used range starting at D3
    const grid = sheetGrid(units);
    const layout = layoutOf(grid);
    const { table, findings } = readTable(
      grid.map((r) => r.map((v) => (v === 8.5 ? 'x' : v))),
      layout,
      SHEET,
      { origin: { row: 3, col: 3 } },
    );
    expect(table.fields.map((f) => [f.column, f.maxAddress])).toEqual([
      ['F', 'F7'],
      ['G', 'G7'],
      ['H', 'H7'],
    ]);
    expect(table.units.map((u) => [u.row, u.nameAddress])).toEqual([
      [8, 'E8'],
      [9, 'E9'],
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ address: 'F9', cell: "'Tổng hợp'!F9", code: 'notANumber' });
  });

  describe('validation, each finding naming its sheet and cell', () => {
    it('text that is not a number is an error', () => {
      const { table, findings } = read(
        sheetGrid([
          [1, 'Xã A', 9, 18, 60],
          [2, 'Xã B', 9, 'mười tám', 60],
        ]),
      );
      const f = at(findings, 'D7');
      expect(f).toEqual({
        severity: 'error',
        sheet: SHEET,
        address: 'D7',
        cell: "'Tổng hợp'!D7",
        code: 'notANumber',
        params: { value: 'mười tám' },
      });
      expect(findingMessage(f, 'vi')).toBe('“mười tám” không phải là số');
      expect(table.units[1].scores[1]).toEqual({ kind: 'invalid' });
    });

    it('"8,5" and "8.5" are taken as 8.5 with a warning', () => {
      const { table, findings } = read(
        sheetGrid([
          [1, 'Xã A', '8,5', 18, 60],
          [2, 'Xã B', '8.5', 18, 60],
        ]),
      );
      expect(table.units.map((u) => u.scores[0])).toEqual([
        { kind: 'points', scaled: 85000 },
        { kind: 'points', scaled: 85000 },
      ]);
      const f = at(findings, 'C6');
      expect(f).toMatchObject({
        severity: 'warning',
        cell: "'Tổng hợp'!C6",
        code: 'numberFromText',
        params: { value: '8,5', number: 8.5 },
      });
      expect(findingMessage(f, 'vi')).toBe('“8,5” là văn bản, đã đọc thành số 8,5');
      expect(findingMessage(f, 'en')).toBe('“8,5” is text; read as the number 8.5');
      expect(at(findings, 'C7').severity).toBe('warning');
      expect(findings.every((x) => x.severity === 'warning')).toBe(true);
    });

    it('"1.234" is ambiguous: an error', () => {
      const { table, findings } = read(sheetGrid([[1, 'Xã A', 9, 18, '1.234']]));
      const f = at(findings, 'E6');
      expect(f).toMatchObject({ severity: 'error', cell: "'Tổng hợp'!E6", code: 'ambiguousNumber' });
      expect(findingMessage(f, 'vi')).toBe('“1.234” có thể hiểu theo nhiều cách (1,234 | 1234); hãy nhập lại cho rõ');
      expect(findingMessage(f, 'en')).toBe('“1.234” can be read in more than one way (1.234 | 1234); please retype it');
      expect(findingMessage(at(read(sheetGrid([[1, 'Xã A', 9, 18, '22,725']])).findings, 'E6'), 'vi')).toContain(
        '(22,725 | 22725)',
      );
      expect(table.units[0].scores[2]).toEqual({ kind: 'invalid' });
    });

    it('negative points are an error', () => {
      const { table, findings } = read(sheetGrid([[1, 'Xã A', -1, 18, 60]]));
      const f = at(findings, 'C6');
      expect(f).toMatchObject({ severity: 'error', code: 'negative', params: { value: -1 } });
      expect(findingMessage(f, 'vi')).toBe('điểm âm (-1)');
      expect(table.units[0].scores[0]).toEqual({ kind: 'invalid' });
    });

    it('points over the max are an error', () => {
      const { table, findings } = read(sheetGrid([[1, 'Xã A', 10.5, 18, 60]]));
      const f = at(findings, 'C6');
      expect(f).toMatchObject({ severity: 'error', cell: "'Tổng hợp'!C6", code: 'overMax' });
      expect(findingMessage(f, 'vi')).toBe('10,5 điểm vượt điểm tối đa 10 của lĩnh vực “Chỉ đạo, điều hành”');
      expect(table.units[0].scores[0]).toEqual({ kind: 'invalid' });
      // exactly the max is fine
      expect(read(sheetGrid([[1, 'Xã A', 10, 20, 70]])).findings).toEqual([]);
    });

    it('an empty score cell is an error that suggests KAD', () => {
      const { table, findings } = read(
        sheetGrid([
          [1, 'Xã A', 9, null, 60],
          [2, 'Xã B', 9, 18, '  '],
        ]),
      );
      const f = at(findings, 'D6');
      expect(f).toMatchObject({
        severity: 'error',
        cell: "'Tổng hợp'!D6",
        code: 'emptyScore',
        params: { unit: 'Xã A', field: 'Cải cách thể chế' },
      });
      expect(findingMessage(f, 'vi')).toBe(
        'ô điểm trống (Xã A, lĩnh vực “Cải cách thể chế”); ghi “KAD” nếu lĩnh vực không áp dụng',
      );
      expect(at(findings, 'E7').code).toBe('emptyScore');
      expect(table.units[0].scores[1]).toEqual({ kind: 'invalid' });
      // a short row (cells past its end) counts as empty too
      expect(read(sheetGrid([[1, 'Xã A', 9]])).findings.map((x) => [x.address, x.code])).toEqual([
        ['D6', 'emptyScore'],
        ['E6', 'emptyScore'],
      ]);
    });

    it('a missing max is an error on the max cell', () => {
      const { table, findings } = read(
        sheetGrid([[1, 'Xã A', 9, 18, 60]], HEADER, [null, 'Điểm tối đa', 10, null, 70]),
      );
      const f = at(findings, 'D5');
      expect(f).toMatchObject({
        severity: 'error',
        cell: "'Tổng hợp'!D5",
        code: 'missingMax',
        params: { field: 'Cải cách thể chế' },
      });
      expect(findingMessage(f, 'vi')).toBe('thiếu điểm tối đa của lĩnh vực “Cải cách thể chế”');
      expect(table.fields[1].maxScaled).toBeNull();
    });

    it('a zero max is an error', () => {
      const { table, findings } = read(sheetGrid([[1, 'Xã A', 9, 0, 60]], HEADER, [null, 'Điểm tối đa', 10, 0, 70]));
      const f = at(findings, 'D5');
      expect(f).toMatchObject({ severity: 'error', code: 'zeroMax' });
      expect(findingMessage(f, 'en')).toBe('the maximum points of field “Cải cách thể chế” are 0');
      expect(table.fields[1].maxScaled).toBeNull();
    });

    it('a negative or non-numeric max is an error', () => {
      const neg = read(sheetGrid([], HEADER, [null, 'Điểm tối đa', -10, 20, 70]));
      expect(at(neg.findings, 'C5').code).toBe('negative');
      expect(neg.table.fields[0].maxScaled).toBeNull();
      const txt = read(sheetGrid([], HEADER, [null, 'Điểm tối đa', 'mười', 20, 70]));
      expect(at(txt.findings, 'C5').code).toBe('notANumber');
    });

    it('a table with no units is an error on the first unit row', () => {
      const { findings } = read(sheetGrid([]));
      expect(findings).toEqual([expect.objectContaining({ severity: 'error', address: 'B6', code: 'noUnits' })]);
    });

    it('duplicate unit names are an error, ignoring case and diacritics', () => {
      const { findings } = read(
        sheetGrid([
          [1, 'Hà Kỳ', 9, 18, 60],
          [2, 'Văn Tố', 9, 18, 60],
          [3, 'HA KY', 9, 18, 60],
          [4, 'hà  kỳ', 9, 18, 60],
        ]),
      );
      expect(findings.map((f) => [f.cell, f.code])).toEqual([
        ["'Tổng hợp'!B8", 'duplicateName'],
        ["'Tổng hợp'!B9", 'duplicateName'],
      ]);
      const f = at(findings, 'B8');
      expect(f.params).toEqual({ name: 'HA KY', first: 'B6' });
      expect(findingMessage(f, 'vi')).toBe('tên đơn vị “HA KY” trùng với ô B6');
    });

    it('a total column disagreeing with the sum is an error; agreeing (with bonus and deduction) is not', () => {
      const header = [...HEADER, 'Điểm cộng', 'Điểm trừ', 'Tổng điểm'];
      const max = [...MAX, null, null, null];
      const { table, findings } = read(
        sheetGrid(
          [
            [1, 'Xã A', 9, 18, 60, null, null, 87],
            [2, 'Xã B', 9, 18, 60, 2, 0.5, 88.5],
            [3, 'Xã C', 9, 18, 60, null, null, 86],
            [4, 'Xã D', 9, 18, 60, 1, null, 87],
            [5, 'Xã E', 0, 0, 1, null, 3, 0],
          ],
          header,
          max,
        ),
      );
      expect(findings.map((f) => [f.address, f.code])).toEqual([
        ['H8', 'totalMismatch'],
        ['H9', 'totalMismatch'],
      ]);
      const f = at(findings, 'H8');
      expect(f.params).toEqual({ stated: 86, computed: 87 });
      expect(findingMessage(f, 'vi')).toBe('tổng điểm ghi 86 nhưng tổng các lĩnh vực (cộng, trừ điểm) là 87');
      expect(table.units[1]).toMatchObject({
        bonusScaled: sc(2),
        deductionScaled: sc(0.5),
        statedTotalScaled: sc(88.5),
      });
      // a total clamped at 0 after a deduction agrees
      expect(table.units[4].statedTotalScaled).toBe(0);
    });

    it('a total kept at the max after a bonus agrees; one above the raw sum and the max does not', () => {
      const header = [...HEADER, 'Điểm cộng', 'Tổng điểm'];
      const max = [...MAX, null, null];
      const { findings } = read(
        sheetGrid(
          [
            [1, 'Xã A', 10, 20, 68, 5, 100], // raw 103, kept 100: agrees
            [2, 'Xã B', 10, 20, 68, 5, 103], // raw: agrees
            [3, 'Xã C', 10, 20, 68, 5, 101], // neither
            [4, 'Xã D', 10, 'KAD', 68, 5, 80], // N/A field: max 80, raw 83, kept 80: agrees
          ],
          header,
          max,
        ),
      );
      expect(findings.map((f) => [f.address, f.code])).toEqual([['G8', 'totalMismatch']]);
    });

    it('a totals or average row under the units ends them and is not scored', () => {
      for (const label of ['Tổng cộng', 'TỔNG CỘNG:', 'Bình quân', 'Trung bình', 'Total']) {
        const grid = sheetGrid([
          [1, 'Hà Kỳ', 9, 18, 60],
          [2, 'Cộng Lạc', 9, 18, 60],
          [null, label, 18, 36, 120],
        ]);
        const layout = layoutOf(grid);
        expect(layout.endRow - layout.firstUnitRow).toBe(2);
        const { table, findings } = read(grid);
        expect(table.units.map((u) => u.name)).toEqual(['Hà Kỳ', 'Cộng Lạc']);
        expect(findings).toEqual([]);
      }
    });

    it('does not check the total when a field cell is invalid', () => {
      const header = [...HEADER, 'Tổng điểm'];
      const { findings } = read(sheetGrid([[1, 'Xã A', 9, 'x', 60, 87]], header, [...MAX, null]));
      expect(findings.map((f) => f.code)).toEqual(['notANumber']);
    });

    it('an Excel error value such as #DIV/0! is an error', () => {
      const { table, findings } = read(sheetGrid([[1, 'Xã A', '#DIV/0!', 18, 60]]));
      const f = at(findings, 'C6');
      expect(f).toMatchObject({
        severity: 'error',
        cell: "'Tổng hợp'!C6",
        code: 'cellError',
        params: { value: '#DIV/0!' },
      });
      expect(findingMessage(f, 'vi')).toBe('ô có lỗi #DIV/0!');
      expect(table.units[0].scores[0]).toEqual({ kind: 'invalid' });
    });

    it('more than 4 decimals are rounded with a warning that shows the value as it was', () => {
      const { table, findings } = read(sheetGrid([[1, 'Xã A', 2 / 3, 18, 60.12345]]));
      expect(table.units[0].scores[0]).toEqual({ kind: 'points', scaled: 6667 });
      expect(table.units[0].scores[2]).toEqual({ kind: 'points', scaled: 601235 });
      const f = at(findings, 'C6');
      expect(f).toMatchObject({ severity: 'warning', code: 'tooManyDecimals', params: { number: 0.6667 } });
      const g = at(findings, 'E6');
      expect(findingMessage(g, 'vi')).toBe('60,12345 có hơn 4 chữ số thập phân; đã làm tròn thành 60,1235');
      expect(findingMessage(g, 'en')).toBe('60.12345 has more than 4 decimals; rounded to 60.1235');
    });

    it('a boolean is not a number', () => {
      const { findings } = read(sheetGrid([[1, 'Xã A', true, 18, 60]]));
      expect(at(findings, 'C6')).toMatchObject({ code: 'notANumber', params: { value: 'true' } });
    });

    it('a sheet name that needs no quotes is written plain', () => {
      const grid = sheetGrid([[1, 'Xã A', 'x', 18, 60]]);
      const { findings } = readTable(grid, layoutOf(grid), 'Sheet1');
      expect(findings[0].cell).toBe('Sheet1!C6');
    });
  });

  describe('points written with a unit', () => {
    it('reads "10 điểm", "20đ", "70 đ." in the max row and "9 điểm" in a score cell as numbers, with the text warning', () => {
      const { table, findings } = read(
        sheetGrid([[1, 'Xã A', '9 điểm', '18 Đ', 60]], HEADER, [null, 'Điểm tối đa', '10 điểm', '20đ', '70 đ.']),
      );
      expect(table.fields.map((f) => f.maxScaled)).toEqual([sc(10), sc(20), sc(70)]);
      expect(table.units[0].scores).toEqual([
        { kind: 'points', scaled: sc(9) },
        { kind: 'points', scaled: sc(18) },
        { kind: 'points', scaled: sc(60) },
      ]);
      expect(findings.map((f) => [f.address, f.code, f.severity])).toEqual([
        ['C5', 'numberFromText', 'warning'],
        ['D5', 'numberFromText', 'warning'],
        ['E5', 'numberFromText', 'warning'],
        ['C6', 'numberFromText', 'warning'],
        ['D6', 'numberFromText', 'warning'],
      ]);
      expect(findingMessage(findings[0], 'vi')).toBe('“10 điểm” là văn bản, đã đọc thành số 10');
    });

    it('a unit alone, or other text, is still not a number', () => {
      const { findings } = read(sheetGrid([[1, 'Xã A', 'điểm', '18 điểm thưởng', 60]]));
      expect(findings.map((f) => [f.address, f.code])).toEqual([
        ['C6', 'notANumber'],
        ['D6', 'notANumber'],
      ]);
    });
  });

  describe('not applicable', () => {
    it.each([['KAD'], ['kad'], ['Không áp dụng'], ['KHONG AP DUNG'], ['N/A'], ['n/a'], ['NA'], ['K/AD']])(
      '%p leaves the field out, without a finding',
      (t) => {
        const { table, findings } = read(sheetGrid([[1, 'Xã A', 9, t, 60]]));
        expect(findings).toEqual([]);
        expect(table.units[0].scores[1]).toEqual({ kind: 'notApplicable' });
      },
    );

    it("leaves the field out of the unit's max and floors when scored", () => {
      // B's field 2 at 0/20 would fail every floor; not applicable, it counts for nothing
      const r = scoreGrid(
        sheetGrid([
          [1, 'Xã A', 9, 'KAD', 60],
          [2, 'Xã B', 9, 0, 60],
        ]),
        SHEET,
        RULES,
      );
      if (!r.found) throw new Error('not found');
      const [a, b] = r.result.units;
      expect(a.maxScaled).toBe(sc(80));
      expect(a.totalScaled).toBe(sc(69));
      expect(a.indexPct).toBe(86.25);
      expect(a.band).toBe('good');
      expect(b.indexPct).toBe(69);
      expect(b.band).toBe('incomplete');
      expect(b.demotion.map((d) => d.band)).toEqual(['complete']);
    });

    it('a unit with every field not applicable is an error at its name cell, not the lowest band at 0%', () => {
      const { findings } = read(
        sheetGrid([
          [1, 'Xã A', 9, 18, 60],
          [2, 'Xã B', 'KAD', 'N/A', 'kad'],
        ]),
      );
      const f = at(findings, 'B7');
      expect(f.severity).toBe('error');
      expect(f.code).toBe('allNotApplicable');
      expect(findingMessage(f, 'vi')).toBe(
        'đơn vị “Xã B” không có lĩnh vực nào áp dụng (tất cả ghi KAD/N/A): không tính được chỉ số',
      );
      expect(findingMessage(f, 'en')).toBe(
        'unit “Xã B” has no applicable field (all marked KAD/N/A): its index cannot be computed',
      );
      expect(findings).toHaveLength(1);
      // with optional columns too (the read goes on past the fields)
      const header = [...HEADER, 'Điểm cộng'];
      const max = [...MAX, null];
      const r = read(sheetGrid([[1, 'Xã A', 'KAD', 'KAD', 'KAD', 2]], header, max));
      expect(r.findings.map((x) => [x.address, x.code])).toEqual([['B6', 'allNotApplicable']]);
    });
  });

  describe('bonus and deduction', () => {
    const header = [...HEADER, 'Điểm cộng', 'Điểm trừ'];
    const max = [...MAX, null, null];
    it('adjust the total only; the index is clamped to 0–100%', () => {
      const r = scoreGrid(
        sheetGrid(
          [
            [1, 'Xã A', 10, 20, 65, 8, null],
            [2, 'Xã B', 1, 1, 1, null, 10],
            [3, 'Xã C', 9, 18, 60, 1, 2.5],
          ],
          header,
          max,
        ),
        SHEET,
        RULES,
      );
      if (!r.found) throw new Error('not found');
      expect(r.errors).toEqual([]);
      expect(r.result.units.map((u) => u.indexPct)).toEqual([100, 0, 85.5]);
      expect(r.result.units[0].band).toBe('excellent');
      // fields are read as entered: the bonus does not lift a field over its floor
      expect(unitFields(r.result, 2).map((f) => f.pct)).toEqual([90, 90, 85.71]);
    });

    it('a deduction typed as a negative number is its absolute value, with a warning at the cell', () => {
      const r = scoreGrid(sheetGrid([[1, 'Xã A', 9, 18, 60, null, -2.5]], header, max), SHEET, RULES);
      if (!r.found) throw new Error('not found');
      expect(r.errors).toEqual([]);
      expect(r.warnings.map((f) => [f.address, f.code])).toEqual([['G6', 'negativeDeduction']]);
      expect(findingMessage(r.warnings[0], 'vi')).toBe('điểm trừ ghi số âm (-2,5); đã tính là trừ 2,5 điểm');
      expect(findingMessage(r.warnings[0], 'en')).toBe(
        'deduction written as a negative number (-2.5); counted as 2.5 points off',
      );
      expect(r.result.table.units[0].deductionScaled).toBe(sc(2.5));
      expect(r.result.units[0].totalScaled).toBe(sc(84.5));
    });

    it('a negative bonus is an error and counts as 0', () => {
      const { table, findings } = read(sheetGrid([[1, 'Xã A', 9, 18, 60, -2, 'abc']], header, max));
      expect(findings.map((f) => [f.address, f.code])).toEqual([
        ['F6', 'negative'],
        ['G6', 'notANumber'],
      ]);
      expect(table.units[0].bonusScaled).toBe(0);
      expect(table.units[0].deductionScaled).toBe(0);
    });
  });

  describe("last year's index and band", () => {
    const header = [...HEADER, 'Chỉ số năm trước (%)', 'Xếp loại năm trước'];
    const max = [...MAX, null, null];
    const units = [
      [1, 'Xã A', 9, 18, 60, 63.19, 'Hoàn thành nhiệm vụ'],
      [2, 'Xã B', 9, 18, 60, 0.6319, 'KHÔNG HOÀN THÀNH NHIỆM VỤ'],
      [3, 'Xã C', 9, 18, 60, '83,3%', 'good'],
      [4, 'Xã D', 9, 18, 60, null, 'Loại khá'],
    ];

    it('reads a percent number, a fraction under a % format, and percent text', () => {
      const formats = [
        [],
        [],
        [],
        [],
        [],
        [null, null, null, null, null, 'General'],
        [null, null, null, null, null, '0.00%'],
        [],
        [],
      ];
      const { table, findings } = read(sheetGrid(units, header, max), { formats });
      expect(table.units.map((u) => u.lastYearIndexScaled)).toEqual([sc(63.19), sc(63.19), sc(83.3), null]);
      expect(findings.map((f) => [f.address, f.code, f.severity])).toEqual([
        ['F8', 'numberFromText', 'warning'],
        ['G9', 'unknownBand', 'warning'],
      ]);
    });

    it('without a % format, 0.6319 is taken as 0.6319%', () => {
      const { table } = read(sheetGrid(units, header, max));
      expect(table.units[1].lastYearIndexScaled).toBe(sc(0.6319));
    });

    it('reads the band by label (vi, en or code), ignoring case and diacritics', () => {
      const { table, findings } = read(sheetGrid(units, header, max));
      expect(table.units.map((u) => u.lastYearBand)).toEqual(['complete', 'incomplete', 'good', null]);
      const f = at(findings, 'G9');
      expect(findingMessage(f, 'vi')).toBe('không nhận ra mức xếp loại “Loại khá”');
    });

    it('a %-formatted fraction is scaled from its raw value, rounded to 4 decimals of the percentage, silently', () => {
      const formats = [
        [],
        [],
        [],
        [],
        [],
        [null, null, null, null, null, '0.00%'],
        [null, null, null, null, null, '0%'],
        [null, null, null, null, null, '0.00%'],
      ];
      const grid = sheetGrid(
        [
          [1, 'Xã A', 9, 18, 60, 0.631949, null],
          [2, 'Xã B', 9, 18, 60, 0.649996, null],
          [3, 'Xã C', 9, 18, 60, 0.63194949, null],
        ],
        header,
        max,
      );
      const { table, findings } = read(grid, { formats });
      expect(table.units.map((u) => u.lastYearIndexScaled)).toEqual([sc(63.1949), sc(64.9996), sc(63.1949)]);
      expect(findings).toEqual([]);
    });

    it('a percentage with many decimals (an Excel-computed index) is rounded to 4 decimals without a warning', () => {
      const { table, findings } = read(sheetGrid([[1, 'Xã A', 9, 18, 60, 63.194949, null]], header, max));
      expect(table.units[0].lastYearIndexScaled).toBe(sc(63.1949));
      expect(findings).toEqual([]);
    });

    it('with no % format and every number ≤ 1, the column is read as fractions, with one warning at its header', () => {
      const grid = sheetGrid(
        [
          [1, 'Xã A', 9, 18, 60, 0.6319, null],
          [2, 'Xã B', 9, 18, 60, 0.8, null],
          [3, 'Xã C', 9, 18, 60, 1, null],
          [4, 'Xã D', 9, 18, 60, null, null],
          [5, 'Xã E', 9, 18, 60, 0, null],
        ],
        header,
        max,
      );
      const { table, findings } = read(grid);
      expect(table.units.map((u) => u.lastYearIndexScaled)).toEqual([sc(63.19), sc(80), sc(100), null, 0]);
      expect(findings.map((f) => [f.address, f.code, f.severity])).toEqual([['F4', 'lastYearAsFraction', 'warning']]);
      expect(findingMessage(findings[0], 'vi')).toBe(
        'các giá trị “Chỉ số năm trước” đều ≤ 1 nên được hiểu là tỷ lệ (0,8 = 80%)',
      );
      expect(findingMessage(findings[0], 'en')).toBe(
        "the “last year's index” values are all ≤ 1, so they are read as fractions (0.8 = 80%)",
      );
    });

    it('all zeros, or a % format anywhere in the column, is not read as fractions by the column rule', () => {
      const zeros = read(sheetGrid([[1, 'Xã A', 9, 18, 60, 0, null]], header, max));
      expect(zeros.findings).toEqual([]);
      expect(zeros.table.units[0].lastYearIndexScaled).toBe(0);
      // one cell says %: the other, unformatted, is a percent number
      const formats = [[], [], [], [], [], [null, null, null, null, null, '0.00%']];
      const mixed = read(
        sheetGrid(
          [
            [1, 'Xã A', 9, 18, 60, 0.8, null],
            [2, 'Xã B', 9, 18, 60, 0.5, null],
          ],
          header,
          max,
        ),
        { formats },
      );
      expect(mixed.findings).toEqual([]);
      expect(mixed.table.units.map((u) => u.lastYearIndexScaled)).toEqual([sc(80), sc(0.5)]);
    });

    it('an index over 100% is refused', () => {
      const { table, findings } = read(sheetGrid([[1, 'Xã A', 9, 18, 60, 120, null]], header, max));
      expect(table.units[0].lastYearIndexScaled).toBeNull();
      expect(at(findings, 'F6').severity).toBe('error');
    });
  });
});

describe('scoreGrid', () => {
  it('finds, validates and scores, splitting errors from warnings', () => {
    const r = scoreGrid(
      sheetGrid([
        [1, 'Xã A', '9,5', 18, 60],
        [2, 'Xã B', 9, 'x', 60],
      ]),
      SHEET,
      RULES,
    );
    expect(r.found).toBe(true);
    if (!r.found) return;
    expect(r.errors.map((f) => f.cell)).toEqual(["'Tổng hợp'!D7"]);
    expect(r.warnings.map((f) => f.cell)).toEqual(["'Tổng hợp'!C6"]);
    expect(r.result.units.map((u) => u.name)).toEqual(['Xã A', 'Xã B']);
    expect(r.result.units[0].indexPct).toBe(87.5);
  });
  it('passes on why no table was found', () => {
    expect(scoreGrid([['Hướng dẫn']], SHEET, RULES)).toEqual({
      found: false,
      reason: 'noHeader',
      detail: 'Tên đơn vị',
    });
  });
});

describe('addresses', () => {
  it('converts columns both ways', () => {
    expect(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD'].map(columnIndex)).toEqual([
      0, 25, 26, 51, 52, 701, 702, 16383,
    ]);
    for (const c of [0, 1, 25, 26, 27, 51, 52, 701, 702, 16383]) expect(columnIndex(columnLetter(c))).toBe(c);
  });
  it('parses A1 addresses', () => {
    expect(parseCellAddress('D7')).toEqual({ row: 7, col: 3 });
    expect(parseCellAddress('$AA$10')).toEqual({ row: 10, col: 26 });
    expect(() => parseCellAddress('7D')).toThrow(RangeError);
  });
  it('quotes sheet names as Excel does', () => {
    expect(quoteSheet('Sheet1')).toBe('Sheet1');
    expect(quoteSheet('Tổng hợp')).toBe("'Tổng hợp'");
    expect(quoteSheet("Xã's")).toBe("'Xã''s'");
    expect(quoteSheet('2021')).toBe("'2021'");
    expect(qualifiedAddress('Tổng hợp', 'D7')).toBe("'Tổng hợp'!D7");
  });
  it('quotes sheet names that read as a cell reference', () => {
    expect(quoteSheet('TH2021')).toBe("'TH2021'");
    expect(quoteSheet('A1')).toBe("'A1'");
    expect(quoteSheet('R1C1')).toBe("'R1C1'");
    expect(quoteSheet('R')).toBe("'R'");
    expect(quoteSheet('rc')).toBe("'rc'");
    expect(quoteSheet('KQ_2021')).toBe('KQ_2021');
    expect(quoteSheet('ABCD1')).toBe('ABCD1');
  });
});
