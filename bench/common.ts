/** Shared helpers of the benchmarks: arguments, timing, statistics, number formatting. */
import * as path from 'node:path';

/** `--short`: the CI mode (small N, every line printed, well under a minute). */
export const SHORT = process.argv.includes('--short');

/** The repository root (this file compiles to build/bench/bench/common.js). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs the garbage collector when node runs with --expose-gc. */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

/** 1234567 → "1,234,567"; with `digits`, fixed decimals. */
export function num(x: number, digits = 0): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A ratio printed with 2 significant-ish decimals and a multiplication sign: "2.41×". */
export function ratio(x: number): string {
  return `${x >= 100 ? num(x, 0) : x >= 10 ? num(x, 1) : num(x, 2)}×`;
}

export function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${num(n / (1024 * 1024), 2)} MB`;
  if (n >= 1024) return `${num(n / 1024, 1)} KB`;
  return `${num(n)} B`;
}

export function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}

/** Exponent notation for the N sizes: 1000 → "10^3". */
export function pow10(n: number): string {
  const e = Math.log10(n);
  return Number.isInteger(e) && e >= 2 ? `10^${e}` : num(n);
}
