/** Unit kinds and base names: the letter-by-letter path for plain names agrees with lower-casing (src/engine/narrative/units.ts). */
import fc from 'fast-check';
import { baseName, unitKind } from '../../src/engine/narrative';
import { describedSlowly } from '../../src/engine/narrative/units';

const PIECES = ['Xã', 'xã', 'XÃ', 'xa', 'Xá', 'Phường', 'PHƯỜNG', 'phượng', 'Phuong', 'Thị trấn', 'THỊ TRẤN', 'thị  trấn', 'Thị trân', 'Thị', 'trấn', ' ', '  ', '\u00a0', '\t', 'Hà Kỳ', 'Tứ Kỳ', 'X', 'ã', 'P', 'T', '7', '.', 'Đ'];

describe('unit kinds and base names', () => {
  test('the same as lower-casing the start, for any name made of kind words, names and white space', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }), (pieces) => {
        const name = pieces.join('');
        expect({ kind: unitKind(name), base: baseName(name) }).toEqual(describedSlowly(name));
      }),
      { numRuns: 3000 },
    );
  });

  test('the usual names', () => {
    const seen = ['Xã Quang Khải', 'Thị trấn Tứ Kỳ', 'Phường Hải Tân', 'Phượng Kỳ', 'XÃ HÀ KỲ', 'Xã  Hà Kỳ', 'Thị\u00a0trấn Tứ Kỳ', 'Sở Tài chính'].map((n) => [unitKind(n), baseName(n)]);
    expect(seen).toEqual([
      ['commune', 'Quang Khải'],
      ['town', 'Thị trấn Tứ Kỳ'],
      ['ward', 'Phường Hải Tân'],
      ['commune', 'Phượng Kỳ'],
      ['commune', 'HÀ KỲ'],
      ['commune', 'Hà Kỳ'],
      ['town', 'Thị\u00a0trấn Tứ Kỳ'],
      ['commune', 'Sở Tài chính'],
    ]);
  });
});
