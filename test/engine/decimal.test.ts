import {
  SCALE,
  compareFractions,
  comparePct,
  fromScaled,
  parseNumberText,
  pctToScaled,
  roundedPct,
  toScaled,
} from '../../src/engine/decimal';

describe('toScaled', () => {
  it('scales points to ten-thousandths', () => {
    expect(toScaled(30.1)).toEqual({ ok: true, scaled: 301000, rounded: false });
    expect(toScaled(0)).toEqual({ ok: true, scaled: 0, rounded: false });
    expect(toScaled(8.1234)).toEqual({ ok: true, scaled: 81234, rounded: false });
    expect(toScaled(-2.5)).toEqual({ ok: true, scaled: -25000, rounded: false });
  });

  it('does not mistake binary noise for extra decimals', () => {
    // 0.1 + 0.2 = 0.30000000000000004 in binary: still 0.3
    expect(toScaled(0.1 + 0.2)).toEqual({ ok: true, scaled: 3000, rounded: false });
    expect(toScaled(30.1 + 29.7 + 20.2)).toEqual({ ok: true, scaled: 800000, rounded: false });
    expect(toScaled(1.1 * 3)).toEqual({ ok: true, scaled: 33000, rounded: false });
    expect(toScaled(79.9999)).toEqual({ ok: true, scaled: 799999, rounded: false });
  });

  it('rounds more than 4 decimals half away from zero and says so', () => {
    expect(toScaled(2 / 3)).toEqual({ ok: true, scaled: 6667, rounded: true });
    expect(toScaled(8.12344)).toEqual({ ok: true, scaled: 81234, rounded: true });
    expect(toScaled(-2 / 3)).toEqual({ ok: true, scaled: -6667, rounded: true });
    expect(toScaled(0.00004)).toEqual({ ok: true, scaled: 0, rounded: true });
  });

  it('never yields negative zero', () => {
    const r = toScaled(-0.00001);
    expect(r.ok && Object.is(r.scaled, 0)).toBe(true);
  });

  it('refuses what is not a finite, safe number', () => {
    expect(toScaled(NaN)).toEqual({ ok: false });
    expect(toScaled(Infinity)).toEqual({ ok: false });
    expect(toScaled(-Infinity)).toEqual({ ok: false });
    expect(toScaled(1e15)).toEqual({ ok: false });
  });
});

describe('fromScaled', () => {
  it('gives back the decimal number', () => {
    expect(fromScaled(301000)).toBe(30.1);
    expect(fromScaled(799999)).toBe(79.9999);
    expect(fromScaled(1)).toBe(0.0001);
    expect(fromScaled(0)).toBe(0);
    expect(fromScaled(-25000)).toBe(-2.5);
  });
  it('is the inverse of toScaled for 4-decimal numbers', () => {
    for (const v of [0.1, 0.2, 0.3, 12.3456, 99.9999, 100, 7.05]) {
      const r = toScaled(v);
      expect(r.ok && fromScaled(r.scaled)).toBe(v);
    }
  });
});

describe('parseNumberText', () => {
  it('reads integers', () => {
    expect(parseNumberText('8')).toEqual({ kind: 'number', value: 8 });
    expect(parseNumberText(' 12 ')).toEqual({ kind: 'number', value: 12 });
    expect(parseNumberText('-3')).toEqual({ kind: 'number', value: -3 });
    expect(parseNumberText('+3')).toEqual({ kind: 'number', value: 3 });
  });

  it('reads a decimal comma and a decimal point alike', () => {
    expect(parseNumberText('8,5')).toEqual({ kind: 'number', value: 8.5 });
    expect(parseNumberText('8.5')).toEqual({ kind: 'number', value: 8.5 });
    expect(parseNumberText('-8,25')).toEqual({ kind: 'number', value: -8.25 });
    expect(parseNumberText('30,1')).toEqual({ kind: 'number', value: 30.1 });
  });

  it('reads grouped numbers in either notation when unambiguous', () => {
    expect(parseNumberText('1.234,5')).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseNumberText('1,234.5')).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseNumberText('22.725.000')).toEqual({ kind: 'number', value: 22725000 });
    expect(parseNumberText('22,725,000')).toEqual({ kind: 'number', value: 22725000 });
    expect(parseNumberText('1 234,5')).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseNumberText('1\u00a0234')).toEqual({ kind: 'number', value: 1234 });
  });

  it('calls "1.234" and "1,234" ambiguous, listing both readings ascending', () => {
    expect(parseNumberText('1.234')).toEqual({ kind: 'ambiguous', readings: [1.234, 1234] });
    expect(parseNumberText('1,234')).toEqual({ kind: 'ambiguous', readings: [1.234, 1234] });
    expect(parseNumberText('22.725')).toEqual({ kind: 'ambiguous', readings: [22.725, 22725] });
  });

  it('does not take a leading 0 for a thousands group ("0,125" is 0.125)', () => {
    expect(parseNumberText('0,125')).toEqual({ kind: 'number', value: 0.125 });
    expect(parseNumberText('0.125')).toEqual({ kind: 'number', value: 0.125 });
    expect(parseNumberText('-0,250')).toEqual({ kind: 'number', value: -0.25 });
  });

  it('refuses what is not a number', () => {
    for (const t of [
      '',
      '   ',
      'abc',
      '8,5đ',
      '8..5',
      '8,5,5',
      '1.2.3,4,5',
      '1e3',
      '%',
      'KAD',
      '--1',
      '8.5%',
      '0x10',
      ',5',
      '5,',
    ]) {
      expect(parseNumberText(t)).toEqual({ kind: 'none' });
    }
  });
});

describe('comparePct', () => {
  it('is exactly 0 on the bound', () => {
    expect(comparePct(800000, 1000000, 800000)).toBe(0); // 80 / 100 = 80%
    expect(comparePct(8, 10, 800000)).toBe(0);
    expect(comparePct(301000 + 297000 + 202000, 1000000, 800000)).toBe(0);
  });
  it('tells one ten-thousandth of a percent apart', () => {
    expect(comparePct(799999, 1000000, 800000)).toBe(-1);
    expect(comparePct(800001, 1000000, 800000)).toBe(1);
    expect(comparePct(799999, 1000000, 799999)).toBe(0);
  });
  it('handles fractions with no finite decimal expansion', () => {
    // 2/3 = 66.666…% lies between 66.6666% and 66.6667%
    expect(comparePct(2, 3, 666666)).toBe(1);
    expect(comparePct(2, 3, 666667)).toBe(-1);
  });
  it('falls back to BigInt when the products leave the safe range, with the same answers', () => {
    const den = 5 * 2 ** 43;
    const num = 4 * 2 ** 43; // exactly 80%
    expect(Number.isSafeInteger(num * 100 * SCALE)).toBe(false);
    expect(comparePct(num, den, 800000)).toBe(0);
    expect(comparePct(num - 1, den, 800000)).toBe(-1);
    expect(comparePct(num + 1, den, 800000)).toBe(1);
  });
});

describe('compareFractions', () => {
  it('compares exactly', () => {
    expect(compareFractions(40, 50, 80, 100)).toBe(0);
    expect(compareFractions(1, 3, 333, 1000)).toBe(1);
    expect(compareFractions(1, 3, 334, 1000)).toBe(-1);
  });
  it('compares exactly beyond the safe range', () => {
    const n = 2 ** 51;
    // n/(2n+1) < (n+1)/(2n+3), though both are the same double
    expect(n / (2 * n + 1)).toBe((n + 1) / (2 * n + 3));
    expect(compareFractions(n, 2 * n + 1, n + 1, 2 * n + 3)).toBe(-1);
    expect(compareFractions(n + 1, 2 * n + 3, n, 2 * n + 1)).toBe(1);
    expect(compareFractions(n / 2, n + 1, n, 2 * n + 2)).toBe(0);
  });
});

describe('roundedPct', () => {
  it('rounds half up on the exact fraction', () => {
    expect(roundedPct(8330, 10000)).toBe(83.3);
    expect(roundedPct(2, 3)).toBe(66.67);
    expect(roundedPct(1, 3)).toBe(33.33);
    expect(roundedPct(1, 8)).toBe(12.5);
    // 0.83125 → 83.125% → 83.13 (half up), though 0.83125*100 in binary is 83.12499999…
    expect(roundedPct(83125, 100000)).toBe(83.13);
    expect(roundedPct(1005, 100000)).toBe(1.01);
  });
  it('honours the number of decimals', () => {
    expect(roundedPct(2, 3, 0)).toBe(67);
    expect(roundedPct(2, 3, 4)).toBe(66.6667);
  });
  it('rounds 99.995% up to 100 and stays exact at the ends', () => {
    expect(roundedPct(99995, 100000)).toBe(100);
    expect(roundedPct(0, 7)).toBe(0);
    expect(roundedPct(7, 7)).toBe(100);
  });
  it('works with denominators too large for doubles', () => {
    const den = 2 ** 50;
    expect(roundedPct(den / 4, den)).toBe(25);
    expect(roundedPct(Math.floor(den / 3), den)).toBe(33.33);
    expect(roundedPct(Math.floor((den * 2) / 3), den, 4)).toBe(66.6667);
  });
});

describe('pctToScaled', () => {
  it('scales a percentage', () => {
    expect(pctToScaled(80)).toBe(800000);
    expect(pctToScaled(82.5)).toBe(825000);
    expect(pctToScaled(0)).toBe(0);
    expect(pctToScaled(100)).toBe(100 * SCALE);
  });
  it('throws on more than 4 decimals', () => {
    expect(() => pctToScaled(80.00001)).toThrow(RangeError);
    expect(() => pctToScaled(NaN)).toThrow(RangeError);
  });
});
