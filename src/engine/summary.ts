/** The figures a report needs: counts per band and group, field averages, last year. */
import { lastYearBandOf, meetsFloor } from './classify';
import { roundedPct } from './decimal';
import { floorFor, hasAnyFloor, type CompiledBand, type CompiledRules } from './rules';
import type { BlockSummary, FieldStat, ScoringTable, Summary, UnitResult } from './types';

function zeroCounts(bands: readonly CompiledBand[], compiled?: CompiledRules): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const b of bands) counts[b.rule.code] = 0;
  for (const block of compiled?.blocks ?? []) for (const b of block.bands) counts[b.rule.code] = 0;
  return counts;
}

export function summarise(
  table: ScoringTable,
  units: readonly UnitResult[],
  bands: readonly CompiledBand[],
  rankOrder: readonly number[],
  compiled?: CompiledRules,
): Summary {
  const counts = zeroCounts(bands, compiled);
  const groupCounts = zeroCounts(bands, compiled);
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
    ...blockAndComponents(units, bands, compiled),
  };
}

/** The block and component figures, present only when the units are in blocks or the index has components. */
function blockAndComponents(
  units: readonly UnitResult[],
  bands: readonly CompiledBand[],
  compiled?: CompiledRules,
): Pick<Summary, 'blocks' | 'components'> {
  const out: Pick<Summary, 'blocks' | 'components'> = {};
  const blocks = blockSummaries(units, bands, compiled);
  if (blocks.length > 0) out.blocks = blocks;
  if (compiled?.components) out.components = componentAverages(units);
  return out;
}

/** Per block (the rules' blocks in their order, then blocks named only by the column, as met): units, ranked, counts per band. */
function blockSummaries(
  units: readonly UnitResult[],
  bands: readonly CompiledBand[],
  compiled?: CompiledRules,
): BlockSummary[] {
  const out = new Map<string, BlockSummary>();
  for (const b of compiled?.blocks ?? [])
    out.set(b.code, { code: b.code, label: b.label, unitCount: 0, rankedCount: 0, counts: zeroCounts(b.bands) });
  for (const u of units) {
    if (u.block == null) continue;
    let s = out.get(u.block);
    if (!s) {
      s = {
        code: u.block,
        label: { vi: u.block, en: u.block },
        unitCount: 0,
        rankedCount: 0,
        counts: zeroCounts(bands),
      };
      out.set(u.block, s);
    }
    s.unitCount++;
    if (u.ranked !== false) s.rankedCount++;
    s.counts[u.band] = (s.counts[u.band] ?? 0) + 1;
  }
  return [...out.values()];
}

/** Average component indexes (2 decimals) and how many units had no survey. */
function componentAverages(units: readonly UnitResult[]): NonNullable<Summary['components']> {
  const avg = (values: number[]) =>
    values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
  const parts = units.map((u) => u.components).filter((c): c is NonNullable<UnitResult['components']> => !!c);
  return {
    appraisalAveragePct: avg(parts.map((c) => c.appraisalPct)),
    surveyAveragePct: avg(parts.flatMap((c) => (c.surveyPct === null ? [] : [c.surveyPct]))),
    withoutSurvey: parts.filter((c) => c.surveyPct === null).length,
  };
}

/** Last year's counts per band, over the units whose band or index last year is known. */
function lastYearCounts(
  table: ScoringTable,
  bands: readonly CompiledBand[],
): { counts: Record<string, number>; units: number } {
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
  for (const u of units)
    if (u.maxScaled > 0) totalsByMax.set(u.maxScaled, (totalsByMax.get(u.maxScaled) ?? 0) + u.totalScaled);
  let num = 0n;
  let den = 1n;
  for (const [max, total] of totalsByMax) {
    if (!Number.isSafeInteger(total))
      throw new RangeError('average index: the sum of the totals is beyond exact integers');
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
  const floors = bands.filter(hasAnyFloor);
  return table.fields.map((f, i) => {
    const underFloor: Record<string, number> = {};
    for (const b of floors) underFloor[b.rule.code] = 0;
    const max = f.maxScaled;
    // Each band's floor for this field, found once (not once per unit).
    const checks = floors.flatMap((b) => {
      const floor = floorFor(b, f.label);
      return floor === null ? [] : [{ code: b.rule.code, floorScaled: floor.scaled }];
    });
    let applicable = 0;
    let pointsSum = 0;
    if (max !== null && max > 0) {
      for (const u of table.units) {
        const s = u.scores[i];
        if (s.kind !== 'points') continue;
        applicable++;
        pointsSum += s.scaled;
        for (const c of checks) if (!meetsFloor(s.scaled, max, c.floorScaled)) underFloor[c.code]++;
      }
    }
    // The average of the field indexes is the sum of points over (units × max): one exact fraction.
    const averagePct = applicable > 0 && max ? roundedPct(pointsSum, max * applicable) : null;
    return { label: f.label, averagePct, applicableUnits: applicable, underFloor };
  });
}
