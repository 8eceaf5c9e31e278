/**
 * KEY_ORDER (src/engine/text.ts): the order compareVietnamese's collator gives, written out so
 * that keys need no collator. Derived here from Intl.Collator('vi') and compared.
 */
import fc from 'fast-check';
import { KEY_ORDER, compareVietnamese, vietnameseKey } from '../../src/engine';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** The characters in the collator's order, those it holds equal in one group. */
function groupsFromCollator(chars: readonly string[]): string[] {
  const sorted = [...chars].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : 1));
  const groups: string[] = [];
  sorted.forEach((ch, i) => {
    if (i > 0 && collator.compare(sorted[i - 1], ch) === 0) groups[groups.length - 1] += ch;
    else groups.push(ch);
  });
  return groups;
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('KEY_ORDER', () => {
  const chars = KEY_ORDER.flatMap((g) => [...g]);

  test('is the order and the equal groups Intl.Collator("vi") gives these characters', () => {
    // Within a group the order does not matter: compare the groups as sets.
    const asSets = (groups: readonly string[]) => groups.map((g) => [...g].sort().join(''));
    expect(asSets(groupsFromCollator(chars))).toEqual(asSets(KEY_ORDER));
  });

  test('each character once, each one code unit, precomposed (NFC), none ignored by the collator', () => {
    expect(new Set(chars).size).toBe(chars.length);
    for (const ch of chars) {
      expect(ch.length).toBe(1);
      expect(ch.normalize('NFC')).toBe(ch);
      expect(collator.compare(ch, '')).not.toBe(0);
    }
    // The Vietnamese alphabet's letters, in its order (no f, j, w, z of its own, but they sort as in Latin).
    const firstOf = (letter: string) => KEY_ORDER.findIndex((g) => g.includes(letter));
    const alphabet = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'x', 'y'];
    const at = alphabet.map(firstOf);
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('keys order names as the collator does, ties included', () => {
    const name = fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(name, name, (a, b) => {
        const ka = vietnameseKey(a);
        const kb = vietnameseKey(b);
        if (ka === null || kb === null) return;
        expect(sign(ka < kb ? -1 : ka > kb ? 1 : 0)).toBe(sign(collator.compare(a, b)));
        if (ka !== kb) expect(sign(compareVietnamese(a, b))).toBe(ka < kb ? -1 : 1);
      }),
      { numRuns: 20000 },
    );
  });

  test('a name with a character outside KEY_ORDER has no key (the collator decides)', () => {
    expect(vietnameseKey('Xã 日本')).toBeNull();
    expect(vietnameseKey('Phường Đông Hưng')).not.toBeNull();
  });
});
