/**
 * The columnar core (issue 6): readTable fills typed arrays and scoreTable works on them; the
 * object views (table.units, result.units) are built on first access. They must equal what the
 * object-per-unit code (scoreTableEager) gives, findings and all, on messy tables too.
 */
import fc from 'fast-check';
import { HAI_DUONG_2018, HAI_DUONG_2018_ABOVE_80, cellText, compareVietnamese, vietnameseKey, detectLayout, readTable, scoreGrid, scoreTable, scoreTableEager } from '../../src/engine';
import type { CellValue, RuleSet, ScoringTable } from '../../src/engine';

const NAMES = ['Xã Đông Hưng', 'xa dong hung', 'Phường Tây Sơn', 'Thị trấn Hà Kỳ', 'Ban An Thanh', 'Sở Ngọc Kỳ 2', 'Sở Ngọc Kỳ 10', 'Ánh', 'anh', 'Ảnh'];
const CELLS: CellValue[] = [0, 1, 2.5, 3.25, 4, 5, 6.75, 8, 10, 12, 7.12345, -1, 99, '', null, 'KAD', 'n/a', '8,5', '1.234', 'abc', '#N/A', true];

function grid(rows: { name: string; cells: CellValue[]; extra: CellValue[] }[], withExtras: boolean): CellValue[][] {
  const head: CellValue[] = ['STT', 'Tên đơn vị', 'Lĩnh vực 1', 'Lĩnh vực 2', 'Lĩnh vực 3'];
  const max: CellValue[] = [null, 'Điểm tối đa', 10, 12, 8];
  if (withExtras) {
    head.push('Điểm cộng', 'Điểm trừ', 'Tổng điểm', 'Chỉ số năm trước', 'Xếp loại năm trước');
    max.push(null, null, null, null, null);
  }
  return [['Bảng'], head, max, ...rows.map((r, i) => [i + 1, r.name, ...r.cells, ...(withExtras ? r.extra : [])])];
}

const row = fc.record({
  name: fc.constantFrom(...NAMES).chain((n) => fc.integer({ min: 0, max: 6 }).map((i) => (i === 0 ? n : `${n} ${i}`))),
  cells: fc.array(fc.oneof(fc.constantFrom(...CELLS), fc.integer({ min: 0, max: 1200 }).map((x) => x / 100)), { minLength: 3, maxLength: 3 }),
  extra: fc.tuple(
    fc.constantFrom<CellValue>(null, 0, 1, 2.5, -1, 'x'),
    fc.constantFrom<CellValue>(null, 0, 1, 3, 'y'),
    fc.constantFrom<CellValue>(null, 20, 25.5, 30, 'z'),
    fc.constantFrom<CellValue>(null, 85, 92.5, 60, 150, 'abc', '70%'),
    fc.constantFrom<CellValue>(null, 'Hoàn thành tốt nhiệm vụ', 'Excellent', 'complete', 'nonsense'),
  ),
});

function plain<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function eagerTable(table: ScoringTable): ScoringTable {
  return { sheet: table.sheet, fields: table.fields, units: table.units.map((u) => ({ ...u, scores: u.scores.map((s) => ({ ...s })) })) };
}

describe('columnar scoring equals the object-per-unit scoring', () => {
  test('random messy tables: findings, table.units, result.units, rank order and summary', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.boolean(), fc.constantFrom<RuleSet>(HAI_DUONG_2018, HAI_DUONG_2018_ABOVE_80), (rows, extras, rules) => {
        const g = grid(rows, extras);
        const layout = detectLayout(g);
        if (!layout.ok) throw new Error('no layout');
        const a = readTable(g, layout.layout, 'Tổng hợp', { rules });
        const b = readTable(g, layout.layout, 'Tổng hợp', { rules });
        const fast = scoreTable(a.table, rules);
        const reference = scoreTableEager(eagerTable(b.table), rules);
        expect(a.findings).toEqual(b.findings);
        expect(plain(fast.units)).toEqual(plain(reference.units));
        expect(fast.rankOrder).toEqual(reference.rankOrder);
        expect(fast.summary).toEqual(reference.summary);
        expect(plain(fast)).toEqual(plain(reference));
        expect(Object.keys(fast)).toEqual(Object.keys(reference));
        expect(Object.keys(fast.units[0] ?? {})).toEqual(Object.keys(reference.units[0] ?? {}));
      }),
      { numRuns: 400 },
    );
  });

  test('a large generated sheet scores alike on both paths', () => {
    const rows: CellValue[][] = [['t'], ['STT', 'Tên đơn vị', 'A', 'B', 'C', 'D'], [null, 'Điểm tối đa', 10, 8, 12, 6]];
    let s = 12345;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let u = 0; u < 3000; u++) rows.push([u + 1, `Xã ${['Đông', 'Tây', 'Nam', 'Bắc'][u % 4]} ${u % 700}`, ...[10, 8, 12, 6].map((m) => Math.round(m * (0.4 + 0.6 * rand()) * 4) / 4)]);
    const fast = scoreGrid(rows, 'S', HAI_DUONG_2018);
    if (!fast.found) throw new Error('not found');
    const reference = scoreTableEager(eagerTable(fast.result.table), HAI_DUONG_2018);
    expect(plain(fast.result)).toEqual(plain(reference));
    expect(fast.errors.length).toBeGreaterThan(0); // duplicate names
  });

  test('the lazy views are plain arrays, built once, and writable', () => {
    const g = grid(
      [
        { name: 'Xã A', cells: [9, 11, 7], extra: [] },
        { name: 'Xã B', cells: [5, 6, 4], extra: [] },
      ],
      false,
    );
    const s = scoreGrid(g, 'S', HAI_DUONG_2018);
    if (!s.found) throw new Error('not found');
    const units = s.result.units;
    expect(Array.isArray(units)).toBe(true);
    expect(s.result.units).toBe(units);
    expect(units.map((u) => u.name)).toEqual(['Xã A', 'Xã B']);
    expect([...units].length).toBe(2);
    expect(units.find((u) => u.band === 'excellent')?.name).toBe('Xã A');
    expect({ ...s.result }.units).toBe(units);
    const table = s.result.table;
    expect(Array.isArray(table.units)).toBe(true);
    expect(table.units).toBe(table.units);
    // A table whose units were changed after reading is scored as it now is.
    table.units.push({ ...table.units[0], name: 'Xã C', row: 6, scores: table.units[1].scores });
    const again = scoreTable(table, HAI_DUONG_2018);
    expect(again.units.map((u) => u.name)).toEqual(['Xã A', 'Xã B', 'Xã C']);
    expect(plain(again)).toEqual(plain(scoreTableEager(table, HAI_DUONG_2018)));
    s.result.units = [];
    expect(s.result.units).toEqual([]);
  });
});

describe('collation keys', () => {
  const alphabet = [...'aăâbcdđeêfghijklmnoôơpqrstuưvwxyzBCFGHJKLMNQRSTVWXYZAĂÂĐÊÔƠƯáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ0000123456789   .,-/()\'&!"#$%*+:;<=>?@[\\]^_`{|}~'];
  const order = (a: string, b: string): number => {
    const ka = vietnameseKey(a);
    const kb = vietnameseKey(b);
    if (ka === null || kb === null) throw new Error(`no key: ${a} / ${b}`);
    return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };
  test('key order is compareVietnamese order on random Vietnamese-like names', () => {
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 16 }).map((c) => c.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(Math.sign(order(a, b))).toBe(Math.sign(compareVietnamese(a, b)));
      }),
      { numRuns: 20000 },
    );
    // Pairs sharing a prefix (the usual case in a tie group), digits runs of any length.
    fc.assert(
      fc.property(text, text, text, fc.nat(), fc.nat(), (p, a, b, x, y) => {
        for (const [s, t] of [[p + a, p + b], [`${p}${x}${a}`, `${p}${y}${b}`], [`${p} ${x}`, `${p} 0${x}`]]) expect(Math.sign(order(s, t))).toBe(Math.sign(compareVietnamese(s, t)));
      }),
      { numRuns: 20000 },
    );
  });
  test('every character of the alphabet against every other', () => {
    for (const a of alphabet) for (const b of alphabet) for (const [s, t] of [[a, b], [`x${a}1`, `x${b}2`], [`${a}b`, `${b}`]]) expect([s, t, Math.sign(order(s, t))]).toEqual([s, t, Math.sign(compareVietnamese(s, t))]);
  });
  test('text outside the alphabet has no key', () => {
    expect(vietnameseKey('Xã\u0301')).toBeNull();
    expect(vietnameseKey('日本')).toBeNull();
    expect(vietnameseKey(`a${'1'.repeat(300)}`)).toBeNull();
  });
});

describe('cellText fast path', () => {
  const reference = (value: unknown) => (value === null || value === undefined ? '' : String(value).normalize('NFC').trim());
  const ranges: [number, number][] = [
    [0x20, 0x7e],
    [0xa0, 0x2ff],
    [0x1e00, 0x1eff],
  ];
  const chars: string[] = [];
  for (const [lo, hi] of ranges) for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
  test('each character of the plain ranges alone, doubled, around letters and before a combining mark', () => {
    for (const ch of chars) for (const t of [ch, `${ch}${ch}`, `a${ch}b`, `${ch}a`, `Ư${ch}ơ`, `${ch}\u0301`, `\u0301${ch}`]) expect([t, cellText(t)]).toEqual([t, reference(t)]);
  });
  test('random texts from the plain ranges and around them', () => {
    const extra = ['\u0301', '\u0323', '\u0306', '\u00a0', ' ', '\t', '\u2003', '\u212b', 'A\u030a'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...chars), fc.constantFrom(...extra)), { maxLength: 20 }), (parts) => {
        const t = parts.join('');
        expect(cellText(t)).toBe(reference(t));
      }),
      { numRuns: 20000 },
    );
  });
});
