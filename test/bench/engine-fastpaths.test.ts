/**
 * The engine's performance fast paths (issue 6) give exactly what the plain code gave:
 * fold() character by character against the original normalise-and-replace fold, the
 * counting-sort rank order against the original comparator sort, and shared score and
 * field-result objects against fresh ones.
 */
import fc from 'fast-check';
import { HAI_DUONG_2018, compareVietnamese, fold, rankOrderOf, readTable, detectLayout, scoreTable, unitFieldResults } from '../../src/engine';
import type { CellValue, FieldDef, FieldScore } from '../../src/engine';

/** fold() as it was before the fast path. */
function foldReference(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

describe('fold fast path', () => {
  test('every BMP character alone and between letters folds as before', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const t of [ch, `a${ch}b`, ` ${ch}${ch} `, `Đ${ch}\u0301`]) expect([c, fold(t)]).toEqual([c, foldReference(t)]);
    }
  });

  test('random Vietnamese-like text, white space and combining marks fold as before', () => {
    const alphabet = 'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ0123456789 \t\n\u00a0\u2003\u0301\u0323.,-/()ǅĲİßſK';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const t = chars.join('');
        expect(fold(t)).toBe(foldReference(t));
        expect(fold(t.normalize('NFD'))).toBe(foldReference(t.normalize('NFD')));
      }),
      { numRuns: 3000 },
    );
  });

  test('long text takes the full path and still folds alike', () => {
    const t = 'Tên  Đơn vị '.repeat(500);
    expect(fold(t)).toBe(foldReference(t));
  });
});

describe('rank order', () => {
  test('counting sort with name ties equals the comparator sort', () => {
    const names = ['Xã Ă', 'Xã A', 'xã a', 'Xã Â', 'Xã 10', 'Xã 9', 'Phường Đông', 'Phường Dông', 'Phường Đông', 'Ban', 'ban', 'Bản'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(...names)), { minLength: 0, maxLength: 60 }), (rows) => {
        const values = rows.map(([v]) => v);
        const ranks = Int32Array.from(values, (v) => 1 + values.filter((w) => w > v).length);
        const units = rows.map(([, name]) => ({ name }));
        const expected = Array.from({ length: rows.length }, (_, k) => k).sort(
          (a, b) => ranks[a] - ranks[b] || compareVietnamese(units[a].name, units[b].name) || a - b,
        );
        expect(rankOrderOf(ranks, units)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('shared score and field-result objects', () => {
  test('results with the cache equal results without it', () => {
    const fields: FieldDef[] = [
      { label: 'A', maxScaled: 100000, column: 'C', maxAddress: 'C3' },
      { label: 'B', maxScaled: 80000, column: 'D', maxAddress: 'D3' },
    ];
    const cache: Map<number, ReturnType<typeof unitFieldResults>[number]>[] = [];
    const scores: FieldScore[][] = [
      [{ kind: 'points', scaled: 50000 }, { kind: 'notApplicable' }],
      [{ kind: 'points', scaled: 50000 }, { kind: 'points', scaled: 80000 }],
      [{ kind: 'invalid' }, { kind: 'points', scaled: 80000 }],
    ];
    for (const s of scores) expect(unitFieldResults(s, fields, cache)).toEqual(unitFieldResults(s, fields));
  });

  test('a scored table round-trips through JSON and ranks as RANK.EQ', () => {
    const grid: CellValue[][] = [
      ['STT', 'Tên đơn vị', 'LV1', 'LV2', 'LV3'],
      [null, 'Điểm tối đa', 10, 8, 12],
      [1, 'Xã A', 9, 8, 12],
      [2, 'Xã B', 9, 'KAD', 6.5],
      [3, 'Xã C', 4.25, 8, 12],
      [4, 'Xã D', 9, 8, 12],
    ];
    const d = detectLayout(grid);
    if (!d.ok) throw new Error('layout');
    const { table } = readTable(grid, d.layout, 'S', { rules: HAI_DUONG_2018 });
    const r = scoreTable(table, HAI_DUONG_2018);
    expect(JSON.parse(JSON.stringify(r.units))).toEqual(r.units);
    expect(r.units[0].fields[0]).toEqual({ label: 'LV1', score: 9, max: 10, pct: 90, notApplicable: false });
    expect(r.units.map((u) => u.rank)).toEqual([1, 4, 3, 1]);
    expect(r.rankOrder).toEqual([0, 3, 2, 1]);
  });
});
