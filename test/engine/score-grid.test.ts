/**
 * The path production takes, grid → table → result (scoreGrid): where the units end, the order
 * of findings, duplicate names, the rank order of ties, and a result that is plain data.
 * (Moved here from the tests of the deleted fast paths, which compared them with this path.)
 */
import fc from 'fast-check';
import { HAI_DUONG_2018, cellText, compareVietnamese, fold, scoreGrid, unitFields } from '../../src/engine';
import type { CellValue } from '../../src/engine';

function scored(grid: CellValue[][]) {
  const s = scoreGrid(grid, 'S', HAI_DUONG_2018);
  if (!s.found) throw new Error(`not found: ${s.reason}`);
  return s;
}

describe('where the units end', () => {
  const head: CellValue[][] = [['Bảng'], ['STT', 'Tên đơn vị', 'A'], [null, 'Điểm tối đa', 10], [1, 'Xã A', 8]];
  const ENDS: CellValue[] = [
    '',
    '   ',
    null,
    'Tổng cộng',
    'TỔNG CỘNG:',
    ' tổng cộng.',
    'Cộng',
    'Bình quân',
    'Trung bình',
    'Trung bình chung',
    'Total',
    'sum.',
    'Average:',
    'Mean',
    'Tong so',
    'Tổng  cộng',
    'Tổng:',
    'Ávérage',
    'Chỉ số bình quân',
    'Tổng cộng\u0301',
  ];
  const UNITS: CellValue[] = [
    'Xã B',
    'Tân An',
    'Tổng Hòa',
    'Thị trấn: Cổ Lễ',
    'Sở T.N',
    'Tổng cộng xã',
    42,
    true,
    'A\u0301nh',
    ' Xã C ',
    'Tổng cộng (điểm)',
    'Tổng cộng ngành giáo dục và đào tạo',
  ];

  test.each(ENDS.map((v) => [v]))('a name cell %p ends them', (end) => {
    const s = scored([...head, [2, end, 5], [3, 'Xã Z', 5]]);
    expect(s.layout.endRow).toBe(4);
    expect(s.result.units.map((u) => u.name)).toEqual(['Xã A']);
  });

  test.each(UNITS.map((v) => [v]))('a name cell %p is a unit', (name) => {
    const s = scored([...head, [2, name, 5]]);
    expect(s.result.units.map((u) => u.name)).toEqual(['Xã A', cellText(name)]);
  });

  test('a missing row (a sparse grid) ends them too', () => {
    const grid = [...head, undefined, [3, 'Xã Z', 5]] as CellValue[][];
    expect(scored(grid).result.summary.unitCount).toBe(1);
  });

  test('with last year’s index as fractions', () => {
    const g: CellValue[][] = [
      ['t'],
      ['STT', 'Tên đơn vị', 'A', 'Chỉ số năm trước'],
      [null, 'Điểm tối đa', 10, null],
      [1, 'Xã A', 8, 0.8],
      [2, 'Xã B', 9, 0.9],
      [null, 'Tổng cộng', 17, null],
    ];
    const s = scored(g);
    expect(s.layout.endRow).toBe(5);
    expect(s.result.summary.unitCount).toBe(2);
    expect(s.warnings.map((w) => w.code)).toEqual(['lastYearAsFraction']);
    expect(s.result.units.map((u) => u.lastYearIndexPct)).toEqual([80, 90]);
  });
});

describe('findings', () => {
  test('in row order, a duplicate name before the row’s score findings, cells in column order', () => {
    let s = 7;
    const rand = (k: number) => (s = (s * 1103515245 + 12345) % 2 ** 31) % k;
    const cell = (): number | string | null => {
      const x = rand(40);
      if (x === 0) return null; // emptyScore
      if (x === 1) return 'abc'; // notANumber
      if (x === 2) return 11; // overMax
      if (x === 3) return -1; // negative
      return rand(1001) / 100;
    };
    const grid: CellValue[][] = [['t'], ['STT', 'Tên đơn vị', 'A', 'B', 'C'], [null, 'Điểm tối đa', 10, 10, 10]];
    const seen = new Set<string>();
    const expected: string[] = [];
    for (let u = 0; u < 1000; u++) {
      const name = `Xã ${rand(600)}`;
      const row = grid.length + 1;
      if (seen.has(name)) expected.push(`B${row}`);
      seen.add(name);
      const cells = [cell(), cell(), cell()];
      cells.forEach((v, i) => {
        if (v === null || typeof v === 'string' || v > 10 || v < 0) expected.push(`${'CDE'[i]}${row}`);
      });
      grid.push([u + 1, name, ...cells]);
    }
    const found = scored(grid)
      .findings.filter((f) => f.severity === 'error')
      .map((f) => f.address);
    expect(expected.length).toBeGreaterThan(200);
    expect(found).toEqual(expected);
  });

  test('each duplicate name names the first unit whose name folds alike (case, diacritics, spaces)', () => {
    const variants = (i: number) => [
      `Xã Đông Hưng ${i}`,
      `xa dong hung ${i}`,
      `XÃ  ĐÔNG HƯNG ${i}`,
      `Xã Đông Hưng ${i}.`,
      `Phường ${i % 97}`,
    ];
    let s = 99;
    const rand = (k: number) => (s = (s * 1103515245 + 12345) % 2 ** 31) % k;
    const grid: CellValue[][] = [['t'], ['STT', 'Tên đơn vị', 'A'], [null, 'Điểm tối đa', 10]];
    for (let u = 0; u < 2000; u++) grid.push([u + 1, variants(rand(600))[rand(5)], 5]);
    const expected: string[] = [];
    const firstRow = new Map<string, number>();
    for (let r = 3; r < grid.length; r++) {
      const key = fold(cellText(grid[r][1]));
      const first = firstRow.get(key);
      if (first === undefined) firstRow.set(key, r + 1);
      else expected.push(`B${r + 1}<B${first}`);
    }
    const found = scored(grid)
      .findings.filter((f) => f.code === 'duplicateName')
      .map((f) => `${f.address}<${String(f.params.first)}`);
    expect(found.length).toBeGreaterThan(100);
    expect(found).toEqual(expected);
  });
});

describe('rank order', () => {
  const WORDS = [
    'Xã',
    'xã',
    'Xa',
    'Phường',
    'phuong',
    'Thị trấn',
    'Đông',
    'đông',
    'Dong',
    'Hưng',
    'Hung',
    'Tây',
    'An',
    'Ân',
    'Ấn',
    'Hà',
    'Ha',
    'Kỳ',
    'Ky',
    '1',
    '2',
    '10',
    '010',
    '007',
    'Zürich',
    'Œuvre',
  ];
  const name = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

  test('by rank, equal ranks in Vietnamese alphabetical order, then sheet order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 40 }),
        (units) => {
          const grid: CellValue[][] = [['t'], ['STT', 'Tên đơn vị', 'A'], [null, 'Điểm tối đa', 10]];
          units.forEach(([n, v], i) => grid.push([i + 1, n, v * 4]));
          const r = scored(grid).result;
          const expected = r.units
            .map((_, i) => i)
            .sort(
              (a, b) =>
                r.units[a].rank - r.units[b].rank || compareVietnamese(r.units[a].name, r.units[b].name) || a - b,
            );
          expect(r.rankOrder).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the result', () => {
  test('is plain data: it round-trips through JSON, and ranks as RANK.EQ', () => {
    const grid: CellValue[][] = [
      ['STT', 'Tên đơn vị', 'LV1', 'LV2', 'LV3'],
      [null, 'Điểm tối đa', 10, 8, 12],
      [1, 'Xã A', 9, 8, 12],
      [2, 'Xã B', 9, 'KAD', 6.5],
      [3, 'Xã C', 4.25, 8, 12],
      [4, 'Xã D', 9, 8, 12],
    ];
    const r = scored(grid).result;
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(unitFields(r, 0)[0]).toEqual({ label: 'LV1', score: 9, max: 10, pct: 90, notApplicable: false });
    expect(r.units.map((u) => u.rank)).toEqual([1, 4, 3, 1]);
    expect(r.rankOrder).toEqual([0, 3, 2, 1]);
  });
});
