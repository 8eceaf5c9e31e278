/**
 * The engine's fast paths for large tables (issue 6) against the plain code they stand for:
 * scoreGrid finding the units' end while reading (readTableToEnd) against detectLayout +
 * readTable; the rank order's packed collation keys and multikey quicksort against a sort with
 * compareVietnamese.
 */
import fc from 'fast-check';
import { HAI_DUONG_2018, cellText, compareVietnamese, detectLayout, fold, foldHash, readTable, scoreGrid, scoreTable, vietnameseKey } from '../../src/engine';
import { KEY_END, nameScan, packVietnameseKey, scanPlainName } from '../../src/engine/text';
import type { CellValue } from '../../src/engine';
import { rankOrderOfNames } from '../../src/engine/name-order';

function plain<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Names with Vietnamese letters in both cases, tones, đ, digits, spaces and punctuation. */
const LETTERS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ'];
const OTHERS = [...'0123456789      .,-/()\'&:;'];
const WORDS = ['Xã', 'xã', 'Xa', 'Phường', 'phuong', 'Thị trấn', 'Đông', 'đông', 'Dong', 'Hưng', 'Hung', 'Tây', 'Sơn', 'Son', 'An', 'Ân', 'Ấn', 'Hà', 'Ha', 'Kỳ', 'Ky', '1', '2', '10', '010', '007', '99', '100'];
const name = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')),
  fc.array(fc.oneof(fc.constantFrom(...LETTERS), fc.constantFrom(...OTHERS)), { maxLength: 14 }).map((c) => c.join('')),
  // Long names (keys past the words kept in place), names outside the emulated alphabet.
  fc.tuple(fc.constantFrom('Ủy ban nhân dân xã Đông Hưng huyện Tiên Lữ', 'Ủy ban nhân dân xã Đông Hưng huyện Tiên Lữ tỉnh'), fc.nat(30)).map(([a, i]) => `${a} ${i}`),
  fc.constantFrom('Ñandú', 'Xã\u0301', 'Zürich', '日本', 'Œuvre'),
);

function reference(ranks: Int32Array, names: readonly string[]): number[] {
  return Array.from(ranks, (_, i) => i).sort((a, b) => ranks[a] - ranks[b] || compareVietnamese(names[a], names[b]) || a - b);
}

describe('rank order by packed collation keys', () => {
  test('equals sorting by rank, then compareVietnamese, then sheet order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.integer({ min: 0, max: 3 })), { maxLength: 120 }), (units) => {
        const names = units.map(([n]) => n);
        // RANK.EQ-like ranks from a few distinct values: large tie groups.
        const values = units.map(([, v]) => v);
        const ranks = Int32Array.from(values, (v) => 1 + values.filter((w) => w > v).length);
        expect(rankOrderOfNames(ranks, names)).toEqual(reference(ranks, names));
      }),
      { numRuns: 3000 },
    );
  });

  test('one tie group of many names sharing long prefixes', () => {
    const names: string[] = [];
    let s = 7;
    const rand = (k: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31) % k);
    const parts = ['Xã', 'xã', 'Xa', 'Thị trấn', 'Phường', 'Ủy ban nhân dân', 'Đông', 'Dong', 'đông', 'Hưng', 'Hung', 'Hừng'];
    for (let i = 0; i < 5000; i++) names.push(`${parts[rand(parts.length)]} ${parts[rand(parts.length)]} ${parts[rand(parts.length)]} ${rand(3) === 0 ? '' : String(rand(200)).padStart(rand(4), '0')}`.trim());
    const ranks = new Int32Array(names.length).fill(1);
    expect(rankOrderOfNames(ranks, names)).toEqual(reference(ranks, names));
    // Two groups, one with a name the keys cannot represent (the collator orders that one).
    ranks.fill(1, 0, 2500).fill(2501, 2500);
    names[3000] = 'Zürich';
    expect(rankOrderOfNames(ranks, names)).toEqual(reference(ranks, names));
  });

  test('no ties, and no units', () => {
    expect(rankOrderOfNames(Int32Array.from([2, 1, 3]), ['a', 'b', 'c'])).toEqual([1, 0, 2]);
    expect(rankOrderOfNames(new Int32Array(0), [])).toEqual([]);
  });
});

describe('scoreGrid finds the units’ end while reading', () => {
  const ENDS: CellValue[] = ['', '   ', null, 'Tổng cộng', 'TỔNG CỘNG:', ' tổng cộng.', 'Cộng', 'Bình quân', 'Trung bình chung', 'Total', 'sum.', 'Average:', 'Mean', 'Tong so', 'Tổng  cộng', 'Tổng cộng (điểm)', 'Tổng:', 'Ávérage', 'Chỉ số bình quân', 'Tổng cộng\u0301'];
  const NAMES: CellValue[] = ['Xã A', 'Xã B', 'Tân An', 'Tổng Hòa', 'Thị trấn: Cổ Lễ', 'Sở T.N', 'Ban Mê', 'Cầu Giấy', 'Mỹ Đức', 'xa a', 'Tổng cộng xã', 42, true, 'A\u0301nh', ' Xã C ', 'Trung bình', 'Tổng cộng ngành giáo dục và đào tạo'];
  const cell = fc.oneof(fc.integer({ min: 0, max: 1000 }).map((x) => x / 100), fc.constantFrom<CellValue>(null, '', 'KAD', '8,5', 'x', -1, 99));
  const row = fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: fc.constantFrom(...ENDS) }), fc.array(cell, { minLength: 3, maxLength: 3 }));

  test('same layout, findings and result as detectLayout + readTable + scoreTable', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), fc.boolean(), (rows, extras, ragged) => {
        const head: CellValue[] = ['STT', 'Tên đơn vị', 'A', 'B', 'C'];
        const max: CellValue[] = [null, 'Điểm tối đa', 10, 12, 8];
        if (extras) {
          head.push('Điểm cộng', 'Tổng điểm', 'Xếp loại năm trước');
          max.push(null, null, null);
        }
        const grid: (CellValue[] | undefined)[] = [['Bảng'], head, max, ...rows.map(([n, cells], i) => [i + 1, n, ...cells, ...(extras ? [i % 3, null, i % 2 ? 'Tốt' : null] : [])])];
        // A missing row (a sparse grid) ends the units too.
        if (ragged && grid.length > 5) grid[5] = undefined;
        const g = grid as CellValue[][];
        const fast = scoreGrid(g, 'S', HAI_DUONG_2018);
        const layout = detectLayout(g);
        expect(fast.found).toBe(layout.ok);
        if (!fast.found || !layout.ok) return;
        const read = readTable(g, layout.layout, 'S', { rules: HAI_DUONG_2018 });
        expect(fast.layout).toEqual(layout.layout);
        expect(fast.findings).toEqual(read.findings);
        expect(plain(fast.result)).toEqual(plain(scoreTable(read.table, HAI_DUONG_2018)));
      }),
      { numRuns: 2000 },
    );
  });

  test('with last year’s index (the end found before reading)', () => {
    const g: CellValue[][] = [['t'], ['STT', 'Tên đơn vị', 'A', 'Chỉ số năm trước'], [null, 'Điểm tối đa', 10, null], [1, 'Xã A', 8, 0.8], [2, 'Xã B', 9, 0.9], [null, 'Tổng cộng', 17, null]];
    const s = scoreGrid(g, 'S', HAI_DUONG_2018);
    if (!s.found) throw new Error('not found');
    expect(s.layout.endRow).toBe(5);
    expect(s.result.summary.unitCount).toBe(2);
    expect(s.warnings.map((w) => w.code)).toEqual(['lastYearAsFraction']);
  });
});

describe('one pass over a name: scanPlainName', () => {
  /** The key codes of packed words. */
  const unpack = (words: Int32Array, count: number): number[] => {
    const codes: number[] = [];
    for (let i = 0; i < count; i++) {
      const u = (words[i] ^ KEY_END) >>> 0;
      for (const b of [u >>> 24, (u >>> 16) & 0xff, (u >>> 8) & 0xff, u & 0xff]) if (b !== 0) codes.push(b);
    }
    return codes;
  };
  const chars = [...LETTERS, ...OTHERS, '\u00a0', '\t', '\u0301', '\u0323', 'ß', 'Ø', 'ǅ', 'İ', 'ɐ', '\u02c6', '~', '日', '\u2003', '\u1e9e', 'ẞ', 'ỳ', '\u1ef9', '\u01a0'];
  test('agrees with cellText, foldHash and packVietnameseKey / vietnameseKey', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 24 }), (parts) => {
        const t = parts.join('');
        const words = new Int32Array(64);
        const other = new Int32Array(64);
        if (!scanPlainName(t, words, 0)) return;
        expect(cellText(t)).toBe(t);
        expect(nameScan.hash).toBe(foldHash(t));
        const w = packVietnameseKey(t, other, 0);
        expect(nameScan.keyWords).toBe(w);
        const key = vietnameseKey(t);
        expect(w < 0).toBe(key === null);
        if (key !== null) {
          expect(Array.from(words.subarray(0, w))).toEqual(Array.from(other.subarray(0, w)));
          expect(unpack(words, w)).toEqual(Array.from(key, (c) => c.charCodeAt(0)));
        }
      }),
      { numRuns: 20000 },
    );
  });
  test('takes the usual names', () => {
    for (const t of ['Xã Đông Hưng 12', 'Phường 7', 'Sở Tài nguyên và Môi trường', '', 'A\u00a0B']) expect([t, scanPlainName(t, new Int32Array(64), 0)]).toEqual([t, true]);
    for (const t of [' Xã', 'Xã ', 'A\u0301', '日本', 'a\tb']) expect([t, scanPlainName(t, new Int32Array(64), 0)]).toEqual([t, false]);
  });
});

describe('scoreGrid rank order', () => {
  test('ties in compareVietnamese order, then sheet order (keys made while reading)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 60 }), (units) => {
        const grid: CellValue[][] = [['t'], ['STT', 'Tên đơn vị', 'A'], [null, 'Điểm tối đa', 10]];
        units.forEach(([n, v], i) => grid.push([i + 1, `${n}${n === '' ? 'x' : ''}`, v * 4]));
        const s = scoreGrid(grid, 'S', HAI_DUONG_2018);
        if (!s.found) throw new Error('not found');
        const names = s.result.units.map((u) => u.name);
        const ranks = Int32Array.from(s.result.units, (u) => u.rank);
        expect(s.result.rankOrder).toEqual(reference(ranks, names));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('duplicate names in a large table (hash partitions)', () => {
  test('each duplicate names the first unit whose name folds alike, in row order', () => {
    const variants = (i: number) => [`Xã Đông Hưng ${i}`, `xa dong hung ${i}`, `XÃ  ĐÔNG HƯNG ${i}`, `Xã Đông Hưng ${i}.`, `Phường ${i % 97}`];
    let s = 99;
    const rand = (k: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31) % k);
    const grid: CellValue[][] = [['t'], ['STT', 'Tên đơn vị', 'A'], [null, 'Điểm tối đa', 10]];
    for (let u = 0; u < 20000; u++) grid.push([u + 1, variants(rand(6000))[rand(5)], 5]);
    const result = scoreGrid(grid, 'S', HAI_DUONG_2018);
    if (!result.found) throw new Error('not found');
    const expected: string[] = [];
    const firstRow = new Map<string, number>();
    for (let r = 3; r < grid.length; r++) {
      const key = fold(cellText(grid[r][1]));
      const first = firstRow.get(key);
      if (first === undefined) firstRow.set(key, r + 1);
      else expected.push(`B${r + 1}<B${first}`);
    }
    const found = result.findings.filter((f) => f.code === 'duplicateName').map((f) => `${f.address}<${String(f.params.first)}`);
    expect(found.length).toBeGreaterThan(1000);
    expect(found).toEqual(expected);
  });
});

describe('rows read past the fast path (fastScoreRows stops at a row with a finding)', () => {
  test('findings in row order, a duplicate name before the row’s score findings, cells in column order', () => {
    let s = 7;
    const rand = (k: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31) % k);
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
    for (let u = 0; u < 5000; u++) {
      const name = `Xã ${rand(3000)}`;
      const row = grid.length + 1;
      if (seen.has(name)) expected.push(`B${row}`);
      seen.add(name);
      const cells = [cell(), cell(), cell()];
      cells.forEach((v, i) => {
        if (v === null || typeof v === 'string' || v > 10 || v < 0) expected.push(`${'CDE'[i]}${row}`);
      });
      grid.push([u + 1, name, ...cells]);
    }
    const result = scoreGrid(grid, 'S', HAI_DUONG_2018);
    if (!result.found) throw new Error('not found');
    const found = result.findings.filter((f) => f.severity === 'error').map((f) => f.address);
    expect(expected.length).toBeGreaterThan(1000);
    expect(found).toEqual(expected);
  });
});
