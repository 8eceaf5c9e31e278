/**
 * The average of many exact fractions (each unit's total ÷ its max), exactly. Units sharing a max
 * are summed as plain integers while that stays exact; the few distinct maxes are then added as
 * BigInt fractions, reduced as they go. Both scoring paths (columns and objects) use it, so their
 * averages round alike.
 */
export class IndexSum {
  private num = 0n;
  private den = 1n;
  private readonly totalsByMax = new Map<number, number>();

  /** Adds total/max (scaled integers, max > 0). `total` may be the sum of several units' totals. */
  add(total: number, max: number): void {
    const t = (this.totalsByMax.get(max) ?? 0) + total;
    if (Number.isSafeInteger(t)) this.totalsByMax.set(max, t);
    else {
      this.addFraction(BigInt(this.totalsByMax.get(max) ?? 0) + BigInt(total), BigInt(max));
      this.totalsByMax.delete(max);
    }
  }

  /** The average over `count` units, in percent, rounded half up to 2 decimals; null for none. */
  averagePct(count: number): number | null {
    if (count <= 0) return null;
    for (const [m, t] of this.totalsByMax) this.addFraction(BigInt(t), BigInt(m));
    this.totalsByMax.clear();
    const den = this.den * BigInt(count);
    return Number((2n * this.num * 10_000n + den) / (2n * den)) / 100;
  }

  private addFraction(num: bigint, m: bigint): void {
    this.num = this.num * m + num * this.den;
    this.den *= m;
    const g = gcd(this.num, this.den);
    this.num /= g;
    this.den /= g;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
