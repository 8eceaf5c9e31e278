/**
 * vietnameseKey (src/engine/text.ts): a key whose plain string order is compareVietnamese's
 * collator order, its weights taken from the running Intl.Collator('vi').
 */
import fc from 'fast-check';
import { compareVietnamese, vietnameseKey } from '../../src/engine';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** The characters keys are made of: ASCII letters, digits, space, punctuation, Vietnamese letters with their tones (NFC). */
const ALPHABET = [
  ...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
  ...'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ',
];

describe('vietnameseKey', () => {
  test('every character of the alphabet has a key; the letters sort in the Vietnamese alphabet\'s order', () => {
    for (const ch of ALPHABET) expect([ch, vietnameseKey(ch)]).not.toEqual([ch, null]);
    const alphabet = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'x', 'y'];
    const keys = alphabet.map((l) => vietnameseKey(l) as string);
    expect([...keys].sort()).toEqual(keys);
    // Case and tone marks are not primary differences.
    expect(vietnameseKey('Ẩ')).toBe(vietnameseKey('â'));
    expect(vietnameseKey('Đ')).not.toBe(vietnameseKey('d'));
  });

  test('keys order names as the collator does, ties included; digit runs as numbers', () => {
    const name = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(name, name, (a, b) => {
        const ka = vietnameseKey(a) as string;
        const kb = vietnameseKey(b) as string;
        expect(sign(ka < kb ? -1 : ka > kb ? 1 : 0)).toBe(sign(collator.compare(a, b)));
        if (ka !== kb) expect(sign(compareVietnamese(a, b))).toBe(ka < kb ? -1 : 1);
      }),
      { numRuns: 20000 },
    );
    expect(vietnameseKey('Xã 9') as string < (vietnameseKey('Xã 10') as string)).toBe(true);
  });

  test('a name with a character outside the alphabet has no key (the collator decides)', () => {
    expect(vietnameseKey('Xã 日本')).toBeNull();
  });
});
