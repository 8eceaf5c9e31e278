/**
 * Exact decimal arithmetic for points and percentages.
 *
 * Points carry at most 4 decimals, so every score is an integer number of ten-thousandths
 * (`scaled`). A percentage bound is scaled the same way (80% → 800000). Whether a fraction
 * `num/den` reaches a bound `p%` is decided on integers: num × 100 × SCALE ≥ P × den, so
 * 30.1 + 29.7 + 20.2 out of 100 is exactly 80%, never 79.99999999.
 */

export const SCALE = 10_000;
export const DECIMALS = 4;

/** A number as a scaled integer, or why it cannot be one. */
export type ScaledResult = { ok: true; scaled: number; rounded: boolean } | { ok: false };

/**
 * Scales a finite number to ten-thousandths. `rounded` is true when the number had more than
 * 4 decimals (a formula's 2/3, say) and was rounded half away from zero.
 */
export function toScaled(value: number): ScaledResult {
  if (!Number.isFinite(value)) return { ok: false };
  const raw = value * SCALE;
  const scaled = Math.round(Math.abs(raw)) * Math.sign(raw) || 0;
  if (!Number.isSafeInteger(scaled)) return { ok: false };
  // Binary noise from the multiplication (30.1 × 10^4 = 301000.00000000006) is not a decimal.
  const rounded = Math.abs(raw - scaled) > 1e-9 * Math.max(1, Math.abs(raw));
  return { ok: true, scaled, rounded };
}

/** The number a scaled integer stands for (301000 → 30.1). */
export function fromScaled(scaled: number): number {
  return Number((scaled / SCALE).toFixed(DECIMALS));
}

/** Result of reading a text cell as a number. */
export type TextNumber =
  { kind: 'number'; value: number } | { kind: 'ambiguous'; readings: number[] } | { kind: 'none' };

const PLAIN = /^[+-]?\d+$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const DECIMAL_POINT = /^[+-]?\d+\.\d+$/;
// A leading group never starts with 0: "0,125" is 0.125, not 125.
const GROUPED_VI = /^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/;
const GROUPED_EN = /^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;

/**
 * Reads text typed as a number in Vietnamese ("8,5", "1.234,5") or English ("8.5", "1,234.5")
 * notation. Every reading the text admits is collected; one distinct value is a number, more
 * than one ("1.234": 1,234 or 1.234?) is ambiguous, none is not a number.
 */
export function parseNumberText(text: string): TextNumber {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return { kind: 'none' };
  const readings = new Set<number>();
  if (PLAIN.test(t)) readings.add(Number(t));
  if (DECIMAL_COMMA.test(t)) readings.add(Number(t.replace(',', '.')));
  if (DECIMAL_POINT.test(t)) readings.add(Number(t));
  if (GROUPED_VI.test(t)) readings.add(Number(t.replace(/\./g, '').replace(',', '.')));
  if (GROUPED_EN.test(t)) readings.add(Number(t.replace(/,/g, '')));
  const values = [...readings].filter(Number.isFinite);
  if (values.length === 1) return { kind: 'number', value: values[0] };
  if (values.length > 1) return { kind: 'ambiguous', readings: values.sort((a, b) => a - b) };
  return { kind: 'none' };
}

const HUNDRED_SCALED = 100 * SCALE;

/**
 * Compares the percentage num/den × 100 with a scaled percentage `pctScaled`:
 * negative when below, 0 when exactly on it, positive when above. `den` must be positive.
 */
export function comparePct(num: number, den: number, pctScaled: number): number {
  const left = num * HUNDRED_SCALED;
  const right = pctScaled * den;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return Math.sign(left - right);
  const l = BigInt(num) * BigInt(HUNDRED_SCALED);
  const r = BigInt(pctScaled) * BigInt(den);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Compares two fractions a/b and c/d exactly (b, d > 0). */
export function compareFractions(a: number, b: number, c: number, d: number): number {
  const left = a * d;
  const right = c * b;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return Math.sign(left - right);
  const l = BigInt(a) * BigInt(d);
  const r = BigInt(c) * BigInt(b);
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * num/den as a percentage rounded half-up to `decimals` places (8330/10000 → 83.3).
 * Integer arithmetic: the rounding is decided on the exact fraction.
 */
export function roundedPct(num: number, den: number, decimals = 2): number {
  const factor = 10 ** decimals;
  const n = num * 100 * factor;
  let units: number;
  if (Number.isSafeInteger(n * 2 + den)) {
    units = Math.floor((2 * n + den) / (2 * den));
  } else {
    const N = BigInt(num) * BigInt(100 * factor);
    const D = BigInt(den);
    units = Number((2n * N + D) / (2n * D));
  }
  return units / factor;
}

/** A percentage as a scaled integer (82.5 → 825000); throws on more than 4 decimals. */
export function pctToScaled(pct: number): number {
  const r = toScaled(pct);
  if (!r.ok || r.rounded) throw new RangeError(`percentage ${pct} has more than ${DECIMALS} decimals`);
  return r.scaled;
}
