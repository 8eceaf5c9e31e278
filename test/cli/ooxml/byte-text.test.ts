/** Parts assembled as UTF-8 bytes from text pieces (src/cli/ooxml/byte-text.ts). */
import fc from 'fast-check';
import { ByteText } from '../../../src/cli/ooxml/byte-text';

describe('ByteText', () => {
  test('any mix of pushes equals the joined text, whatever the size hint', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 60 }),
        fc.nat(5000),
        (pieces, hint) => {
          const out = new ByteText(hint);
          for (const p of pieces) out.push(p);
          expect(out.toBuffer().equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
        },
      ),
    );
  });

  test('a long text is encoded in full, past the pending limit and the first buffer', () => {
    const out = new ByteText(10);
    const line = 'Xã Phú Thái: 83,30%\n';
    for (let i = 0; i < 5000; i++) out.push(line);
    expect(out.toBuffer().toString('utf8')).toBe(line.repeat(5000));
  });

  test('a surrogate pair split between two pushes at the pending limit stays one character', () => {
    const out = new ByteText(10);
    const whole = `${'a'.repeat(32767)}\ud83d\ude00x`;
    out.push(whole.slice(0, 32768));
    out.push(whole.slice(32768));
    expect(out.toBuffer().equals(Buffer.from(whole, 'utf8'))).toBe(true);
  });
});
