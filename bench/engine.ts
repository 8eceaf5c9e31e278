/**
 * Figure 1: the engine (find the table, validate, classify, rank, summarise: scoreGrid =
 * detectLayout + readTable + scoreTable) on N units × 7 fields, against a floor on the same
 * grid in the same process: one pass summing each unit's scores into a Float64Array of indexes,
 * plus one Float64Array sort of those indexes. Median of several runs after a warm-up, the
 * garbage collector run before each (node --expose-gc).
 */
import { HAI_DUONG_2018, scoreGrid, type CellValue } from '../src/engine';
import { HEAD_ROWS, LEAD_COLS, scoringGrid } from './data';
import { SHORT, gc, median, nowMs, num, pow10, ratio, verdict } from './common';

const FIELDS = 7;
const SIZES = SHORT ? [1_000, 10_000] : [1_000, 100_000, 1_000_000];
const TARGET = 3;

function reps(n: number): number {
  if (n <= 1_000) return SHORT ? 41 : 101;
  if (n <= 10_000) return SHORT ? 11 : 21;
  if (n <= 100_000) return 7;
  return 5;
}

/**
 * The engine, end to end on a grid. Throws if the data did not score cleanly. Checks the count
 * through the summary: `result.units` (the per-unit objects, built on first access from the
 * columns) is presentation, not part of validate + classify + rank + summarise.
 */
function engine(grid: CellValue[][], n: number): number {
  const s = scoreGrid(grid, 'Tổng hợp', HAI_DUONG_2018);
  if (!s.found || s.errors.length > 0 || s.result.summary.unitCount !== n || s.result.rankOrder.length !== n) throw new Error(`engine bench: unexpected result (${s.found ? `${s.errors.length} errors` : s.reason})`);
  return s.result.rankOrder[0];
}

/** The floor: one pass summing the scores into indexes, one Float64Array sort. */
function floor(grid: CellValue[][], n: number): number {
  const maxRow = grid[HEAD_ROWS - 1];
  let maxSum = 0;
  for (let f = 0; f < FIELDS; f++) maxSum += maxRow[f + LEAD_COLS] as number;
  const indexes = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const row = grid[u + HEAD_ROWS];
    let sum = 0;
    for (let f = 0; f < FIELDS; f++) sum += row[f + LEAD_COLS] as number;
    indexes[u] = sum / maxSum;
  }
  indexes.sort();
  return indexes[n - 1];
}

function timeMedian(runs: number, f: () => unknown): number {
  const times: number[] = [];
  let sink: unknown;
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = nowMs();
    sink = f();
    times.push(nowMs() - t0);
  }
  if (sink === undefined) throw new Error('no result');
  return median(times);
}

function main(): void {
  if (!(globalThis as { gc?: unknown }).gc) console.error('engine bench: run node with --expose-gc for stable figures');
  // Warm-up: both code paths optimised before anything is timed.
  for (const [size, times] of [[1_000, SHORT ? 30 : 100], [10_000, SHORT ? 5 : 10]]) {
    const warm = scoringGrid(size, FIELDS, 7);
    for (let i = 0; i < times; i++) {
      engine(warm, size);
      floor(warm, size);
    }
  }

  const perUnit: { n: number; engineNs: number; floorNs: number }[] = [];
  for (const n of SIZES) {
    const grid = scoringGrid(n, FIELDS);
    engine(grid, n); // warm-up at this size
    floor(grid, n);
    const k = reps(n);
    const tEngine = timeMedian(k, () => engine(grid, n));
    const tFloor = timeMedian(k * 3, () => floor(grid, n));
    perUnit.push({ n, engineNs: (tEngine * 1e6) / n, floorNs: (tFloor * 1e6) / n });
    console.log(
      `engine N=${pow10(n)} × ${FIELDS} fields: ${num(n / (tEngine / 1000))} units/s (median of ${k}: ${num(tEngine, 2)} ms); ` +
        `floor ${num(n / (tFloor / 1000))} units/s (median of ${k * 3}: ${num(tFloor, 2)} ms); ratio to floor ${ratio(tEngine / tFloor)}`,
    );
  }

  for (let i = 1; i < perUnit.length; i++) {
    const a = perUnit[i - 1];
    const b = perUnit[i];
    const nlogn = Math.log(b.n) / Math.log(a.n);
    const growth = b.engineNs / a.engineNs;
    console.log(
      `engine growth N=${pow10(a.n)}→${pow10(b.n)}: per-unit cost ×${num(growth, 2)} (${num(a.engineNs)} → ${num(b.engineNs)} ns/unit; ` +
        `floor ×${num(b.floorNs / a.floorNs, 2)}; N log N allows ×${num(nlogn, 2)}): ${growth <= nlogn * 1.1 ? 'within N log N' : 'grows faster than N log N'}`,
    );
  }

  const last = perUnit[perUnit.length - 1];
  const r = last.engineNs / last.floorNs;
  console.log(`engine target ≤ ${TARGET}× floor at N=${pow10(last.n)}${SHORT ? ' (short mode; the full run checks 10^6)' : ''}: ${ratio(r)}: ${verdict(r <= TARGET)}`);
}

main();
