import { fill, formatBound, formatNumber, formatPct, formatPoints, joinList, twoDigits } from '../../src/engine/format';

describe('formatPct', () => {
  it('writes two decimals with a decimal comma in Vietnamese', () => {
    expect(formatPct(83.3, 'vi')).toBe('83,30%');
    expect(formatPct(63.19, 'vi')).toBe('63,19%');
    expect(formatPct(65, 'vi')).toBe('65,00%');
    expect(formatPct(100, 'vi')).toBe('100,00%');
    expect(formatPct(0, 'vi')).toBe('0,00%');
  });
  it('writes a decimal point in English', () => {
    expect(formatPct(83.3, 'en')).toBe('83.30%');
    expect(formatPct(65, 'en')).toBe('65.00%');
  });
  it("computes the seed's difference instead of copying it: 83,30% − 63,19% = 20,11%", () => {
    expect(formatPct(83.3 - 63.19, 'vi')).toBe('20,11%');
  });
  it('honours the number of decimals', () => {
    expect(formatPct(47.76, 'vi', 1)).toBe('47,8%');
    expect(formatPct(47.76, 'vi', 0)).toBe('48%');
  });
});

describe('formatNumber', () => {
  it("uses the language's decimal mark and no grouping", () => {
    expect(formatNumber(22725, 'vi', 0)).toBe('22725');
    expect(formatNumber(1234.5, 'vi', 2)).toBe('1234,50');
    expect(formatNumber(1234.5, 'en', 2)).toBe('1234.50');
    expect(formatNumber(-2.5, 'vi', 1)).toBe('-2,5');
  });
});

describe('formatPoints', () => {
  it('writes a number as short as it can be, up to 4 decimals', () => {
    expect(formatPoints(8.5, 'vi')).toBe('8,5');
    expect(formatPoints(8.5, 'en')).toBe('8.5');
    expect(formatPoints(10, 'vi')).toBe('10');
    expect(formatPoints(0.1 + 0.2, 'vi')).toBe('0,3');
    expect(formatPoints(30.1234, 'vi')).toBe('30,1234');
    expect(formatPoints(2 / 3, 'en')).toBe('0.6667');
    expect(formatPoints(-1, 'vi')).toBe('-1');
  });
});

describe('formatBound', () => {
  it('writes a bound as the rules hold it', () => {
    expect(formatBound(80, 'vi')).toBe('80%');
    expect(formatBound(82.5, 'vi')).toBe('82,5%');
    expect(formatBound(82.5, 'en')).toBe('82.5%');
    expect(formatBound(79.9999, 'vi')).toBe('79,9999%');
  });
});

describe('twoDigits', () => {
  it('writes counts with two digits as reports do', () => {
    expect(twoDigits(0)).toBe('00');
    expect(twoDigits(8)).toBe('08');
    expect(twoDigits(9)).toBe('09');
    expect(twoDigits(15)).toBe('15');
    expect(twoDigits(23)).toBe('23');
    expect(twoDigits(100)).toBe('100');
  });
});

describe('joinList', () => {
  it('joins with commas and "và" before the last in Vietnamese', () => {
    expect(joinList(['Xã Quang Khải', 'Hà Kỳ', 'Minh Đức'], 'vi')).toBe('Xã Quang Khải, Hà Kỳ và Minh Đức');
    expect(joinList(['Tái Sơn', 'Văn Tố'], 'vi')).toBe('Tái Sơn và Văn Tố');
  });
  it('joins with "and" in English', () => {
    expect(joinList(['A', 'B', 'C'], 'en')).toBe('A, B and C');
  });
  it('writes one item alone and none as empty', () => {
    expect(joinList(['Hà Kỳ'], 'vi')).toBe('Hà Kỳ');
    expect(joinList([], 'vi')).toBe('');
  });
});

describe('fill', () => {
  it('fills placeholders, every occurrence', () => {
    expect(fill('{a} và {b}, lại {a}', { a: 'X', b: 2 })).toBe('X và 2, lại X');
  });
  it('leaves unknown placeholders visible', () => {
    expect(fill('{a} {missing}', { a: 1 })).toBe('1 {missing}');
  });
  it('does not re-read a filled value as a template, nor treat $ specially', () => {
    expect(fill('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
    expect(fill('{a}', { a: "$& $' $1" })).toBe("$& $' $1");
  });
  it('fills a value of 0', () => {
    expect(fill('{n}', { n: 0 })).toBe('0');
  });
  it('fills a template it has seen before with the new values; text around and between placeholders kept', () => {
    const t = 'Đầu {a}{b} giữa {a} cuối';
    expect(fill(t, { a: 1, b: 2 })).toBe('Đầu 12 giữa 1 cuối');
    expect(fill(t, { a: 'x', b: '' })).toBe('Đầu x giữa x cuối');
    expect(fill(t, {})).toBe(t);
  });
});
