/** Parts assembled as UTF-8 bytes (src/cli/ooxml/byte-text.ts): new text encoded, spans of the source copied as they are. */
import fc from 'fast-check';
import { ByteText, isAsciiTextOf } from '../../../src/cli/ooxml/byte-text';

describe('ByteText', () => {
  test('text and source spans come out in order, as the UTF-8 of the text they stand for', () => {
    const source = Buffer.from('<row r="1"><c r="A1"><v>1</v></c></row>', 'utf8');
    const out = new ByteText(1, source); // a hint far too small: the buffer grows
    out.push('<sheetData>');
    out.copy(0, 11);
    out.push('Hoàn thành tốt nhiệm vụ 😀');
    out.copy(11, source.length);
    out.copy(5, 5); // an empty span adds nothing
    out.push('</sheetData>');
    expect(out.toBuffer().toString('utf8')).toBe('<sheetData><row r="1">Hoàn thành tốt nhiệm vụ 😀<c r="A1"><v>1</v></c></row></sheetData>');
  });

  test('any mix of pushes and spans equals the joined text', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }).map((text) => ({ text })), fc.tuple(fc.nat(200), fc.nat(200)).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 200 }), fc.array(piece, { maxLength: 60 }), fc.nat(5000), (sourceText, pieces, hint) => {
        const source = Buffer.from(sourceText, 'utf8');
        const out = new ByteText(hint, source);
        let expected = '';
        for (const p of pieces) {
          if ('text' in p) {
            out.push(p.text);
            expected += p.text;
          } else {
            out.copy(p.from, p.to);
            expected += sourceText.slice(p.from, p.to);
          }
        }
        expect(out.toBuffer().equals(Buffer.from(expected, 'utf8'))).toBe(true);
      }),
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

  test('copy without a source is a programming error', () => {
    expect(() => new ByteText(10).copy(0, 1)).toThrow(/without a source/);
  });
});

describe('isAsciiTextOf', () => {
  test('true only when every character is ASCII and the bytes are that text', () => {
    expect(isAsciiTextOf(Buffer.from('<v>1</v>'), '<v>1</v>')).toBe(true);
    expect(isAsciiTextOf(Buffer.from('<t>Tứ Kỳ</t>'), '<t>Tứ Kỳ</t>')).toBe(false);
    // A byte that is not UTF-8 decodes to one U+FFFD: same length, but not ASCII.
    const latin1 = Buffer.from([0x3c, 0x74, 0x3e, 0xe9, 0x3c]);
    expect(isAsciiTextOf(latin1, latin1.toString('utf8'))).toBe(false);
    // A byte-order mark is in the bytes, not the text.
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a/>')]);
    expect(isAsciiTextOf(bom, '<a/>')).toBe(false);
  });
});
