/** Unit kinds and base names (src/engine/narrative/units.ts). */
import { baseName, unitKind } from '../../src/engine/narrative';

describe('unit kinds and base names', () => {
  test('the usual names', () => {
    const seen = [
      'Xã Quang Khải',
      'Thị trấn Tứ Kỳ',
      'Phường Hải Tân',
      'Phượng Kỳ',
      'XÃ HÀ KỲ',
      'Xã  Hà Kỳ',
      'Thị\u00a0trấn Tứ Kỳ',
      'Sở Tài chính',
    ].map((n) => [unitKind(n), baseName(n)]);
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
