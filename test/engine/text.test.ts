import { fold } from '../../src/engine/text';

/** The definition: NFD, combining marks dropped, đ → d, lower case, white space collapsed and trimmed. */
const reference = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

describe('fold', () => {
  test('Vietnamese names and headers fold to their plain letters', () => {
    expect(fold('  Tên  Đơn vị ')).toBe('ten don vi');
    expect(fold('Xã Quỳnh Côi\u00a0\tTHỊ TRẤN')).toBe('xa quynh coi thi tran');
    expect(fold('ĐIỂM TỐI ĐA')).toBe('diem toi da');
  });

  test('agrees with the definition on every precomposed Latin letter, marks typed apart, other spaces and scripts', () => {
    const chars: string[] = [];
    for (let c = 0x20; c < 0x7f; c++) chars.push(String.fromCharCode(c));
    for (let c = 0xa0; c <= 0x24f; c++) chars.push(String.fromCharCode(c));
    for (let c = 0x1e00; c <= 0x1eff; c++) chars.push(String.fromCharCode(c));
    chars.push('\u0301', '\u0323', '\u2003', '\u3000', '\ufeff', 'Σ', 'ς', 'İ', '\n', '\r', '\t');
    for (const ch of chars) expect([ch, fold(`A${ch}b ${ch}`)]).toEqual([ch, reference(`A${ch}b ${ch}`)]);
    // Pseudo-random strings over the same characters.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let k = 0; k < 2000; k++) {
      const s = Array.from({ length: next() % 12 }, () => chars[next() % chars.length]).join('');
      expect([s, fold(s)]).toEqual([s, reference(s)]);
    }
  });
});
