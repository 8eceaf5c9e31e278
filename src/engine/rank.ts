/**
 * Ranks like Excel's RANK.EQ, highest first: equal values share a rank and the next rank is
 * skipped (1, 2, 2, 4).
 */
import { compareFractions } from './decimal';

/**
 * Ranks exact fractions num[i]/den[i]. Equal fractions are equal however they are written
 * (40/50 and 80/100), because the division of integers is correctly rounded; when any
 * denominator is too large for doubles to separate distinct fractions, ties are confirmed
 * with exact integer comparison.
 */
export function rankEq(num: ArrayLike<number>, den: ArrayLike<number>): Int32Array {
  const n = num.length;
  const values = new Float64Array(n);
  let maxDen = 0;
  for (let i = 0; i < n; i++) {
    values[i] = den[i] > 0 ? num[i] / den[i] : 0;
    if (den[i] > maxDen) maxDen = den[i];
  }
  // Distinct fractions with denominators b, d differ by at least 1/(b·d); doubles in [0, 1]
  // separate anything above 2^-53, so b·d ≤ 2^50 makes the double order exact.
  if (maxDen * maxDen <= 2 ** 50) return rankValues(values);
  const order = Array.from({ length: n }, (_, i) => i);
  const cmp = (a: number, b: number) => compareFractions(num[b], den[b] || 1, num[a], den[a] || 1);
  order.sort(cmp);
  const ranks = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    ranks[i] = k > 0 && cmp(order[k - 1], i) === 0 ? ranks[order[k - 1]] : k + 1;
  }
  return ranks;
}

/** RANK.EQ of plain numbers, descending: rank = 1 + how many values are strictly greater. */
export function rankValues(values: Float64Array): Int32Array {
  const n = values.length;
  const sorted = values.slice().sort();
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // first position in ascending order whose value is greater than values[i]
    let lo = 0;
    let hi = n;
    const v = values[i];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = n - lo + 1;
  }
  return ranks;
}
