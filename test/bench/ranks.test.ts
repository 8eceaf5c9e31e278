/**
 * The bench's rank diagnosis (bench/ranks.ts): how the two programs' ranks are told apart. Not a
 * timing: the bench stays a script; this checks the classification it prints.
 */
import {
  diagnoseRanks,
  doubleText,
  exactSum,
  fractionText,
  sumBy,
  ulpsBetween,
  type RankedUnit,
} from '../../bench/ranks';
import { rankEq } from '../../src/engine';

const cents = (xs: readonly number[]) => xs.reduce((t, x) => t + Math.round(x * 100), 0);

/** Units from cell rows; ours = the engine's rankEq of the exact totals, LibreOffice's = RANK.EQ of `lo` doubles. */
function units(rows: number[][], max: number[], lo: readonly number[]): RankedUnit[] {
  const maxScaled = cents(max) * 100;
  const totals = rows.map((r) => cents(r) * 100);
  const ours = rankEq(
    totals,
    rows.map(() => maxScaled),
  );
  const loRank = lo.map((x) => 1 + lo.filter((y) => y > x).length);
  return rows.map((cells, k) => ({
    row: 4 + k,
    name: `u${k}`,
    totalScaled: totals[k],
    maxScaled,
    ours: ours[k],
    lo: loRank[k],
    loSaved: Number(lo[k].toPrecision(15)),
    cells,
  }));
}

describe('bench rank diagnosis', () => {
  test('0.1 + 0.2 and 0.3 are one exact total but two doubles: a split tie, its neighbour named', () => {
    const rows = [
      [0.1, 0.2],
      [0.3, 0],
      [0.2, 0],
    ];
    const max = [1, 1];
    const lo = rows.map((r) => sumBy('naive', r) / sumBy('naive', max));
    expect(lo[0]).not.toBe(lo[1]); // the premise: 0.30000000000000004 ≠ 0.3
    const d = diagnoseRanks(units(rows, max, lo), max);
    expect(d.disagreements).toHaveLength(1);
    const [x] = d.disagreements;
    expect(x.unit.row).toBe(5); // 0.3 ranks below 0.30000000000000004 in LibreOffice, tied first in ours
    expect(x.unit.ours).toBe(1);
    expect(x.unit.lo).toBe(2);
    expect(x.causes).toEqual(['split']);
    expect(x.exactOnly.map((n) => n.unit.row)).toEqual([4]);
    expect(x.doubleOnly).toEqual([]);
    expect(d.ourRanksReproduced).toBe(3);
    expect(d.fits.find((f) => f.model === 'naive')?.reproduced).toBe(3);
  });

  test('unequal fractions that LibreOffice ranks equal are a merged tie', () => {
    const rows = [[0.5], [0.51], [0.2]];
    const max = [1];
    const lo = [0.5, 0.5, 0.2]; // as if the second had come out equal to the first
    const d = diagnoseRanks(units(rows, max, lo), max);
    // 0.5 is second for us (0.51 is above it), first with 0.51 for LibreOffice.
    expect(d.disagreements.map((x) => [x.unit.row, x.unit.ours, x.unit.lo, x.causes])).toEqual([[4, 2, 1, ['merged']]]);
    expect(d.disagreements[0].doubleOnly.map((n) => n.unit.row)).toEqual([5]);
  });

  test('an order the doubles reverse is a reordering, on both units', () => {
    const d = diagnoseRanks(units([[0.5], [0.4]], [1], [0.4, 0.5]), [1]);
    expect(d.disagreements.map((x) => [x.unit.row, x.causes])).toEqual([
      [4, ['reordered']],
      [5, ['reordered']],
    ]);
  });

  test('the same ties and order on both sides but different ranks is no floating-point cause', () => {
    const rows = [[0.5], [0.4]];
    const u = units(rows, [1], [0.5, 0.4]);
    u[1] = { ...u[1], ours: 1 }; // a wrong rank of ours, with nothing in the doubles to explain it
    const d = diagnoseRanks(u, [1]);
    expect(d.disagreements.map((x) => x.causes)).toEqual([['noFloatCause']]);
    expect(d.ourRanksReproduced).toBe(1);
  });

  test('exact sums, ulps, fractions and doubles as printed', () => {
    expect(exactSum([0.1, 0.2])).toBe(0.30000000000000004); // the exact binary sum rounds up too
    expect(exactSum([0.1, 0.2, -0.3])).toBe(2.7755575615628914e-17);
    expect(ulpsBetween(0.3, 0.30000000000000004)).toBe(1);
    expect(ulpsBetween(0.30000000000000004, 0.3)).toBe(-1);
    expect(fractionText(1841100, 3000000)).toBe('1841100/3000000 = 6137/10000 = 0.6137 exactly');
    expect(fractionText(1, 3)).toBe('1/3 = 0.33333333333333333333… (not a finite decimal)');
    expect(doubleText(0.1 + 0.2, 3, 10)).toBe('0.30000000000000004 (the double nearest 3/10, + 1 ulp)');
    expect(doubleText(0.6137, 6137, 10000)).toBe('0.61370000000000002 (the double nearest 6137/10000)');
  });
});
