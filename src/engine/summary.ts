/** The figures a report needs: counts per band and group, field averages, last year. */
import { lastYearBandOf, meetsFloor } from './classify';
import { roundedPct } from './decimal';
import type { CompiledBand } from './rules';
import type { FieldStat, ScoringTable, Summary, UnitResult } from './types';

function zeroCounts(bands: readonly CompiledBand[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const b of bands) counts[b.rule.code] = 0;
  return counts;
}

export function summarise(table: ScoringTable, units: readonly UnitResult[], bands: readonly CompiledBand[], rankOrder: readonly number[]): Summary {
  const counts = zeroCounts(bands);
  const groupCounts = zeroCounts(bands);
  for (const u of units) {
    counts[u.band]++;
    groupCounts[u.indexBand]++;
  }
  const first = rankOrder.length > 0 ? units[rankOrder[0]] : null;
  const last = rankOrder.length > 0 ? units[rankOrder[rankOrder.length - 1]] : null;
  const lastYear = lastYearCounts(table, bands);
  return {
    unitCount: units.length,
    counts,
    groupCounts,
    demotedCount: units.filter((u) => u.demotedFrom !== null).length,
    averageIndexPct: averageIndexPct(units),
    highest: first ? { name: first.name, indexPct: first.indexPct } : null,
    lowest: last ? { name: last.name, indexPct: last.indexPct } : null,
    fields: fieldStats(table, bands),
    lastYearCounts: lastYear.units === 0 ? null : lastYear.counts,
    lastYearUnitCount: lastYear.units,
  };
}

/** Last year's counts per band, over the units whose band or index last year is known. */
function lastYearCounts(table: ScoringTable, bands: readonly CompiledBand[]): { counts: Record<string, number>; units: number } {
  const counts = zeroCounts(bands);
  let units = 0;
  for (const u of table.units) {
    const code = lastYearBandOf(u.lastYearBand, u.lastYearIndexScaled, bands);
    if (code === null) continue;
    counts[code] = (counts[code] ?? 0) + 1;
    units++;
  }
  return { counts, units };
}

/**
 * The average of the units' indexes (each total ÷ its max) in percent, rounded half up to 2
 * decimals, computed as one exact fraction so that it rounds like the field averages; null for
 * no units. Units sharing a max are summed first (a table has few distinct maxes).
 */
function averageIndexPct(units: readonly UnitResult[]): number | null {
  if (units.length === 0) return null;
  // Sums of integers stay exact as numbers up to 2^53 (10^6 units of 100 points scaled by 10^4 is 10^12).
  const totalsByMax = new Map<number, number>();
  for (const u of units) if (u.maxScaled > 0) totalsByMax.set(u.maxScaled, (totalsByMax.get(u.maxScaled) ?? 0) + u.totalScaled);
  let num = 0n;
  let den = 1n;
  for (const [max, total] of totalsByMax) {
    if (!Number.isSafeInteger(total)) throw new RangeError('average index: the sum of the totals is beyond exact integers');
    num = num * BigInt(max) + BigInt(total) * den;
    den *= BigInt(max);
    const g = gcd(num, den);
    num /= g;
    den /= g;
  }
  den *= BigInt(units.length);
  return Number((2n * num * 10_000n + den) / (2n * den)) / 100;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

function fieldStats(table: ScoringTable, bands: readonly CompiledBand[]): FieldStat[] {
  const floors = bands.filter((b) => b.floorScaled !== null);
  return table.fields.map((f, i) => {
    const underFloor: Record<string, number> = {};
    for (const b of floors) underFloor[b.rule.code] = 0;
    const max = f.maxScaled;
    let applicable = 0;
    let pointsSum = 0;
    if (max !== null && max > 0) {
      for (const u of table.units) {
        const s = u.scores[i];
        if (s.kind !== 'points') continue;
        applicable++;
        pointsSum += s.scaled;
        for (const b of floors) if (!meetsFloor(s.scaled, max, b.floorScaled as number)) underFloor[b.rule.code]++;
      }
    }
    // The average of the field indexes is the sum of points over (units × max): one exact fraction.
    const averagePct = applicable > 0 && max ? roundedPct(pointsSum, max * applicable) : null;
    return { label: f.label, averagePct, applicableUnits: applicable, underFloor };
  });
}
