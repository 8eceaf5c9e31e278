import { rankEq } from '../../src/engine/rank';
import { compareVietnamese } from '../../src/engine/text';
import { score } from './helpers';

const arr = (r: readonly number[]) => Array.from(r);
/** RANK.EQ of plain numbers: fractions over 1. */
const rankValues = (values: readonly number[]) =>
  rankEq(
    values,
    values.map(() => 1),
  );

describe('rankEq of plain numbers', () => {
  it('ranks like RANK.EQ, highest first: 1, 2, 2, 4', () => {
    expect(arr(rankValues([90, 85, 85, 70]))).toEqual([1, 2, 2, 4]);
    expect(arr(rankValues([70, 85, 90, 85]))).toEqual([4, 2, 1, 2]);
  });
  it('gives everyone rank 1 when all are equal', () => {
    expect(arr(rankValues([5, 5, 5]))).toEqual([1, 1, 1]);
  });
  it('handles one value and none', () => {
    expect(arr(rankValues([42]))).toEqual([1]);
    expect(arr(rankValues([]))).toEqual([]);
  });
  it('sorts numerically, not as text (10 above 9)', () => {
    expect(arr(rankValues([9, 10, 100, 2]))).toEqual([3, 2, 1, 4]);
  });
  it('skips as many ranks as there are ties: 1, 1, 1, 4, 5, 5, 7', () => {
    expect(arr(rankValues([3, 3, 3, 2, 1, 1, 0]))).toEqual([1, 1, 1, 4, 5, 5, 7]);
  });
});

describe('rankEq', () => {
  it('ranks fractions: 1, 2, 2, 4', () => {
    expect(arr(rankEq([90, 85, 85, 70], [100, 100, 100, 100]))).toEqual([1, 2, 2, 4]);
  });

  it('ties equal fractions written differently (40/50 and 80/100)', () => {
    expect(arr(rankEq([40, 80, 79], [50, 100, 100]))).toEqual([1, 1, 3]);
    expect(arr(rankEq([1, 2, 3], [3, 6, 9]))).toEqual([1, 1, 1]);
    // scaled: 40 of 50 points vs 80 of 100
    expect(arr(rankEq([400000, 800000], [500000, 1000000]))).toEqual([1, 1]);
  });

  it('treats a zero denominator as 0%', () => {
    expect(arr(rankEq([0, 5], [0, 10]))).toEqual([2, 1]);
  });

  describe('exact comparison for huge denominators', () => {
    const n = 2 ** 51;
    it('separates fractions that are the same double', () => {
      // n/(2n+1) < (n+1)/(2n+3), though doubles cannot tell them apart
      expect(n / (2 * n + 1)).toBe((n + 1) / (2 * n + 3));
      expect(arr(rankEq([n, n + 1], [2 * n + 1, 2 * n + 3]))).toEqual([2, 1]);
      expect(arr(rankEq([n + 1, n], [2 * n + 3, 2 * n + 1]))).toEqual([1, 2]);
    });
    it('ties fractions that are equal, and keeps the RANK.EQ skip', () => {
      const m = 2 ** 50;
      // m/(2m+1) = 2m/(4m+2); (m+1)/(2m+3) is greater; 1/3 is lower
      expect(arr(rankEq([m, 2 * m, m + 1, 1], [2 * m + 1, 4 * m + 2, 2 * m + 3, 3]))).toEqual([2, 2, 1, 4]);
    });
    it('agrees with the double path when both apply', () => {
      const big = 2 ** 30; // forces the exact path
      const num = [90, 85, 85, 70, big / 2];
      const den = [100, 100, 100, 100, big];
      expect(arr(rankEq(num, den))).toEqual([1, 2, 2, 4, 5]);
      expect(arr(rankEq(num.slice(0, 4), den.slice(0, 4)))).toEqual([1, 2, 2, 4]);
    });
  });
});

describe('ranks in a scored table', () => {
  it('are RANK.EQ ranks of the index', () => {
    const r = score(
      [100],
      [
        { name: 'Xã A', scores: [90] },
        { name: 'Xã B', scores: [85] },
        { name: 'Xã C', scores: [85] },
        { name: 'Xã D', scores: [70] },
      ],
    );
    expect(r.units.map((u) => u.rank)).toEqual([1, 2, 2, 4]);
    expect(r.rankOrder).toEqual([0, 1, 2, 3]);
  });

  it('tie equal fractions written differently (40/50 and 80/100 with N/A fields)', () => {
    const r = score(
      [50, 50],
      [
        { name: 'Xã A', scores: [40, 'na'] },
        { name: 'Xã B', scores: [45, 35] },
        { name: 'Xã C', scores: ['na', 40] },
        { name: 'Xã D', scores: [45, 35.0001] },
      ],
    );
    expect(r.units.map((u) => u.indexPct)).toEqual([80, 80, 80, 80]);
    expect(r.units.map((u) => u.rank)).toEqual([2, 2, 2, 1]);
  });

  it('rank ties by the exact index, not the rounded one', () => {
    // 80.001% and 80.004% both show as 80,00% but are not equal
    const r = score(
      [100],
      [
        { name: 'Xã A', scores: [80.001] },
        { name: 'Xã B', scores: [80.004] },
      ],
    );
    expect(r.units.map((u) => u.indexPct)).toEqual([80, 80]);
    expect(r.units.map((u) => u.rank)).toEqual([2, 1]);
  });

  it('rankOrder puts equal ranks in Vietnamese alphabetical order', () => {
    const r = score(
      [100],
      [
        { name: 'Hà Kỳ', scores: [85] },
        { name: 'Đại Hợp', scores: [85] },
        { name: 'Văn Tố', scores: [90] },
        { name: 'Dân Chủ', scores: [85] },
        { name: 'An Thanh', scores: [70] },
        { name: 'Ân Thi', scores: [70] },
      ],
    );
    expect(r.rankOrder.map((k) => r.units[k].name)).toEqual([
      'Văn Tố',
      'Dân Chủ',
      'Đại Hợp',
      'Hà Kỳ',
      'An Thanh',
      'Ân Thi',
    ]);
    expect(r.rankOrder.map((k) => r.units[k].rank)).toEqual([1, 2, 2, 2, 5, 5]);
  });

  it('rankOrder is the same whatever the sheet order', () => {
    const names = ['Hà Kỳ', 'Đại Hợp', 'Dân Chủ', 'Đại Sơn'];
    const a = score(
      [100],
      names.map((name) => ({ name, scores: [85] })),
    );
    const b = score(
      [100],
      [...names].reverse().map((name) => ({ name, scores: [85] })),
    );
    const order = (r: typeof a) => r.rankOrder.map((k) => r.units[k].name);
    expect(order(a)).toEqual(['Dân Chủ', 'Đại Hợp', 'Đại Sơn', 'Hà Kỳ']);
    expect(order(b)).toEqual(order(a));
  });

  it('orders "Thị trấn Tứ Kỳ" and "Xã ..." names by their full text', () => {
    const r = score(
      [100],
      [
        { name: 'Xã Quang Khải', scores: [85] },
        { name: 'Thị trấn Tứ Kỳ', scores: [85] },
      ],
    );
    expect(r.rankOrder.map((k) => r.units[k].name)).toEqual(['Thị trấn Tứ Kỳ', 'Xã Quang Khải']);
  });
});

describe('compareVietnamese', () => {
  it('sorts đ after d and before e, and letters with marks after the plain letter', () => {
    expect(compareVietnamese('Dân Chủ', 'Đại Hợp')).toBeLessThan(0);
    expect(compareVietnamese('Đại Hợp', 'Hà Kỳ')).toBeLessThan(0);
    expect(compareVietnamese('Đại Hợp', 'Eo')).toBeLessThan(0);
    expect(compareVietnamese('An', 'Ân')).toBeLessThan(0);
  });
  it('numbers compare numerically', () => {
    expect(compareVietnamese('Tổ 2', 'Tổ 10')).toBeLessThan(0);
  });
  it('is a total order: different texts never compare equal', () => {
    expect(compareVietnamese('Hà Kỳ', 'hà kỳ')).not.toBe(0);
    expect(compareVietnamese('Hà Kỳ', 'Hà Kỳ')).toBe(0);
    expect(Math.sign(compareVietnamese('Hà Kỳ', 'hà kỳ'))).toBe(-Math.sign(compareVietnamese('hà kỳ', 'Hà Kỳ')));
  });
});
