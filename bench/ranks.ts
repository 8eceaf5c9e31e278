/**
 * Why the scorer's ranks and LibreOffice's differ, unit by unit (bench/scorer.ts).
 *
 * The scorer ranks on the exact index, the fraction total/max of ten-thousandths (RANK.EQ of
 * exact fractions, src/engine/rank.ts). LibreOffice ranks on the double its formula
 * SUM(fields)/SUM(max) computed, and saves only 15 significant digits of it: too few to tell
 * neighbouring doubles apart. Nor can a formula show the difference: LibreOffice's `-` and
 * SUM(x, -y) return 0 for two nearly equal doubles (rtl::math::approxSub), so SUM(row) − 184.11 is
 * 0 for a row whose SUM is not the double nearest 184.11.
 *
 * The classification needs neither: RANK.EQ gives equal values equal ranks and unequal values
 * unequal ones, so two units' doubles are equal in LibreOffice exactly when it ranked them the
 * same. Comparing that with equality of the exact fractions says, for each unit whose ranks
 * differ, which ties one side has and the other lacks. The doubles printed beside come from a
 * model of the formula (the row's cells summed left to right, divided by the max row's sum),
 * chosen among three summations as the one whose RANK.EQ reproduces LibreOffice's rank column on
 * the most units; the line says on how many, and on how many the model's double rounds to the 15
 * digits LibreOffice saved.
 */
import { compareFractions } from '../src/engine';
import { num } from './common';

/** One unit as both programs saw it. */
export interface RankedUnit {
  /** 1-based sheet row, the unit's name. */
  row: number;
  name: string;
  /** The engine's exact index: total and max in ten-thousandths of a point. */
  totalScaled: number;
  maxScaled: number;
  /** The scorer's rank (its scored copy) and LibreOffice's (its recalculated RANK.EQ). */
  ours: number;
  lo: number;
  /** The index as LibreOffice saved it (15 significant digits). */
  loSaved: number;
  /** The row's field cells as the workbook holds them (doubles), left to right. */
  cells: readonly number[];
}

/** Why a unit's ranks differ. The first two are floating point; the last two would be an error. */
export type Cause = 'split' | 'merged' | 'reordered' | 'noFloatCause';

export const CAUSE_TEXT: Record<Cause, string> = {
  split: "equal as exact fractions, unequal as doubles in LibreOffice's formula",
  merged: "unequal as exact fractions, equal as doubles in LibreOffice's formula",
  reordered: 'ordered one way as exact fractions and the other way as doubles',
  noFloatCause: 'same ties and order as fractions and as doubles: NOT floating point (an error in one program)',
};

/** A unit and its double index and row sum under the SUM model that fits LibreOffice best. */
export interface Neighbour {
  unit: RankedUnit;
  loIndex: number;
  loSum: number;
}

export interface Disagreement extends Neighbour {
  causes: Cause[];
  /** Units tied with it exactly but not as doubles, and as doubles but not exactly. */
  exactOnly: Neighbour[];
  doubleOnly: Neighbour[];
}

export interface RankDiagnosis {
  disagreements: Disagreement[];
  /** The SUM model whose doubles reproduce LibreOffice best, and on how many units: its ranks, its 15 saved digits. */
  model: SumModel;
  loRanksReproduced: number;
  savedMatch: number;
  /** Units whose model double is within one unit in the 15th significant digit of what LibreOffice saved (it rounds some …45 up). */
  savedNear: number;
  /** Per model, the units whose RANK.EQ over its doubles is LibreOffice's rank. */
  fits: { model: SumModel; reproduced: number }[];
  /** Split ties where the exact sums of the cells' doubles already differ as doubles (the cells are binary approximations of 2-decimal scores). */
  inCells: number;
  /** Units whose RANK.EQ over the engine's exact fractions is the scorer's rank. */
  ourRanksReproduced: number;
}

const bits = new Float64Array(1);
const ints = new BigInt64Array(bits.buffer);

/** Signed distance from a to b in units in the last place (both finite, same sign). */
export function ulpsBetween(a: number, b: number): number {
  bits[0] = a;
  const x = ints[0];
  bits[0] = b;
  return Number(ints[0] - x) * (a < 0 ? -1 : 1);
}

/** x = m × 2^e exactly, m an integer. */
function exactParts(x: number): { m: bigint; e: number } {
  bits[0] = x;
  const raw = ints[0];
  const exp = Number((raw >> 52n) & 0x7ffn);
  const frac = raw & 0xfffffffffffffn;
  const m = exp === 0 ? frac : frac | (1n << 52n);
  return { m: raw < 0n ? -m : m, e: (exp === 0 ? 1 : exp) - 1075 };
}

/** The exact sum of doubles, rounded once to the nearest double. */
export function exactSum(xs: readonly number[]): number {
  const parts = xs.map(exactParts);
  const e = Math.min(...parts.map((p) => p.e));
  const total = parts.reduce((t, p) => t + (p.m << BigInt(p.e - e)), 0n);
  return Number(total) * 2 ** e; // BigInt → Number rounds to nearest; × 2^e is exact here
}

/** Ways a spreadsheet may sum a row, left to right. */
export type SumModel = 'neumaier' | 'naive' | 'exact';

export const SUM_MODEL_TEXT: Record<SumModel, string> = {
  neumaier: 'Neumaier-compensated (Kahan) summation left to right',
  naive: 'plain summation left to right',
  exact: 'the exact sum rounded once',
};

export function sumBy(model: SumModel, xs: readonly number[]): number {
  if (model === 'exact') return exactSum(xs);
  let sum = 0;
  let err = 0;
  for (const x of xs) {
    const t = sum + x;
    if (model === 'neumaier') err += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + err;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/** "1841100/3000000 = 6137/10000 = 0.6137 exactly", or "… = 0.61370333333… (not a finite decimal)". */
export function fractionText(n: number, d: number): string {
  const g = gcd(BigInt(n), BigInt(d));
  const rn = BigInt(n) / g;
  const den = BigInt(d) / g;
  let rd = den;
  const reduced = g === 1n ? '' : ` = ${rn}/${den}`;
  let places = 0;
  while (rd % 2n === 0n || rd % 5n === 0n) {
    rd /= rd % 2n === 0n ? 2n : 5n;
    places++;
  }
  const terminating = rd === 1n;
  const digits = terminating ? places : 20;
  const whole = ((rn * 10n ** BigInt(digits)) / den).toString().padStart(digits + 1, '0');
  const dec = digits ? `${whole.slice(0, -digits)}.${whole.slice(-digits)}` : whole;
  return `${n}/${d}${reduced} = ${terminating ? `${dec.replace(/\.?0+$/, '')} exactly` : `${dec}… (not a finite decimal)`}`;
}

/** "0.61369999999999996 (the double nearest 6137/10000, − 1 ulp)". */
export function doubleText(x: number, n: number, d: number): string {
  const nearest = n / d; // both safe integers: IEEE division rounds the exact quotient to nearest
  const k = ulpsBetween(nearest, x);
  const off = k === 0 ? '' : `, ${k > 0 ? '+' : '−'} ${num(Math.abs(k))} ulp`;
  return `${x.toPrecision(17)} (the double nearest ${n}/${d}${off})`;
}

/** RANK.EQ, highest first, under a three-way comparison. */
function rankBy<T>(xs: readonly T[], cmp: (a: T, b: T) => number): number[] {
  const order = xs.map((_, i) => i).sort((i, j) => cmp(xs[j], xs[i]));
  const ranks = new Array<number>(xs.length);
  order.forEach((i, k) => (ranks[i] = k > 0 && cmp(xs[order[k - 1]], xs[i]) === 0 ? ranks[order[k - 1]] : k + 1));
  return ranks;
}

const cmpExact = (a: RankedUnit, b: RankedUnit) =>
  compareFractions(a.totalScaled, a.maxScaled, b.totalScaled, b.maxScaled);

/** Each SUM model's row sums and index doubles, and how well they reproduce LibreOffice. */
function fitModels(units: readonly RankedUnit[], maxCells: readonly number[]) {
  return (['neumaier', 'naive', 'exact'] as const).map((model) => {
    const max = sumBy(model, maxCells);
    const sums = units.map((u) => sumBy(model, u.cells));
    const doubles = sums.map((x) => x / max);
    const ranks = rankBy(doubles, (a, b) => Math.sign(a - b));
    const reproduced = units.filter((u, i) => ranks[i] === u.lo).length;
    const saved = units.filter((u, i) => Number(doubles[i].toPrecision(15)) === u.loSaved).length;
    const near = units.filter(
      (u, i) =>
        Math.abs(doubles[i] - u.loSaved) <= 1.0000001 * 10 ** (Math.floor(Math.log10(Math.abs(doubles[i]))) - 14),
    ).length;
    return { model, sums, doubles, reproduced, saved, near };
  });
}

/** Why unit i's ranks differ: the units tied one way and not the other, and whether any order flips. */
function causesOf(
  units: readonly RankedUnit[],
  i: number,
): { causes: Cause[]; exactOnly: number[]; doubleOnly: number[] } {
  const u = units[i];
  const exactOnly: number[] = [];
  const doubleOnly: number[] = [];
  let reordered = false;
  units.forEach((v, j) => {
    if (j === i) return;
    const exact = cmpExact(u, v);
    const lo = v.lo - u.lo; // > 0: LibreOffice ranks u above v, so its double is greater
    if (exact === 0 && lo !== 0) exactOnly.push(j);
    if (exact !== 0 && lo === 0) doubleOnly.push(j);
    if (exact * lo < 0) reordered = true;
  });
  const causes: Cause[] = [];
  if (exactOnly.length) causes.push('split');
  if (doubleOnly.length) causes.push('merged');
  if (reordered) causes.push('reordered');
  if (!causes.length) causes.push('noFloatCause');
  return { causes, exactOnly, doubleOnly };
}

/**
 * Classifies every unit whose ranks differ. The classes need no model of LibreOffice's arithmetic:
 * RANK.EQ gives equal values equal ranks and unequal values unequal ones, so two units have equal
 * doubles in LibreOffice exactly when it ranked them the same. The doubles printed come from the
 * SUM model (each row's cells summed, then one division by the max row's sum) that reproduces
 * LibreOffice's ranks on the most units; the checks say on how many.
 */
export function diagnoseRanks(units: readonly RankedUnit[], maxCells: readonly number[]): RankDiagnosis {
  const exactRanks = rankBy(units, cmpExact);
  const ourRanksReproduced = units.filter((u, i) => exactRanks[i] === u.ours).length;
  const fits = fitModels(units, maxCells);
  const best = fits.reduce((a, b) => (b.reproduced > a.reproduced ? b : a));
  const exactMax = exactSum(maxCells);
  const cellIndex = (j: number) => exactSum(units[j].cells) / exactMax;
  const at = (j: number): Neighbour => ({ unit: units[j], loIndex: best.doubles[j], loSum: best.sums[j] });
  const disagreements: Disagreement[] = [];
  let inCells = 0;
  units.forEach((u, i) => {
    if (u.ours === u.lo) return;
    const c = causesOf(units, i);
    if (c.exactOnly.some((j) => cellIndex(j) !== cellIndex(i))) inCells++;
    disagreements.push({
      ...at(i),
      causes: c.causes,
      exactOnly: c.exactOnly.map(at),
      doubleOnly: c.doubleOnly.map(at),
    });
  });
  return {
    disagreements,
    model: best.model,
    loRanksReproduced: best.reproduced,
    savedMatch: best.saved,
    savedNear: best.near,
    fits: fits.map((f) => ({ model: f.model, reproduced: f.reproduced })),
    inCells,
    ourRanksReproduced,
  };
}

/** Count per cause: "2 equal as exact fractions, …". */
export function causeCounts(ds: readonly Disagreement[]): string {
  const counts = new Map<Cause, number>();
  for (const d of ds) for (const c of d.causes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => `${num(n)} ${CAUSE_TEXT[c]}`).join('; ');
}

function neighbour({ unit: v, loIndex, loSum }: Neighbour): string {
  return `row ${v.row} (ranks: ours ${v.ours}, LibreOffice ${v.lo}; its index as a double ${doubleText(loIndex, v.totalScaled, v.maxScaled)}, its SUM ${doubleText(loSum, v.totalScaled, 1e4)})`;
}

/** The lines printed for one unit. */
export function disagreementLines(d: Disagreement): string[] {
  const u = d.unit;
  const lines = [
    `  row ${u.row} (${u.name}): ${d.causes.map((c) => CAUSE_TEXT[c]).join('; ')}`,
    `    ours: rank ${u.ours}, index ${fractionText(u.totalScaled, u.maxScaled)}`,
    `    LibreOffice: rank ${u.lo}, index saved as ${u.loSaved} (15 digits), as a double ${doubleText(d.loIndex, u.totalScaled, u.maxScaled)}; the row's SUM ${doubleText(d.loSum, u.totalScaled, 1e4)}; the exact sum of its cells' doubles, rounded once: ${doubleText(exactSum(u.cells), u.totalScaled, 1e4)}`,
  ];
  if (d.exactOnly.length) lines.push(`    tied exactly, not as doubles, with ${d.exactOnly.map(neighbour).join(', ')}`);
  if (d.doubleOnly.length)
    lines.push(`    tied as doubles, not exactly, with ${d.doubleOnly.map(neighbour).join(', ')}`);
  return lines;
}
