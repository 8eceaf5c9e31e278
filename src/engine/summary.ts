/** The figures a report needs: counts per band and group, field averages, last year. */
import { IndexSum } from './index-sum';
import { comparePct, roundedPct } from './decimal';
import type { CompiledBand } from './rules';
import { bandIndexByIndex } from './classify';
import type { FieldDef, FieldStat, ScoringTable, Summary, UnitResult } from './types';

function zeroCounts(bands: readonly CompiledBand[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const b of bands) counts[b.rule.code] = 0;
  return counts;
}

export function summarise(table: ScoringTable, units: readonly UnitResult[], bands: readonly CompiledBand[], rankOrder: readonly number[]): Summary {
  const counts = zeroCounts(bands);
  const groupCounts = zeroCounts(bands);
  let demotedCount = 0;
  // The sum of the indexes as one exact fraction, so the average rounds like the field averages.
  const indexSum = new IndexSum();
  for (const u of units) {
    counts[u.band]++;
    groupCounts[u.indexBand]++;
    if (u.demotedFrom !== null) demotedCount++;
    if (u.maxScaled > 0) indexSum.add(u.totalScaled, u.maxScaled);
  }
  const fields = fieldStats(table, bands);
  const first = rankOrder.length > 0 ? units[rankOrder[0]] : null;
  const last = rankOrder.length > 0 ? units[rankOrder[rankOrder.length - 1]] : null;

  // Last year: the band column where given, else the band last year's index alone gives.
  let lastYearCounts: Record<string, number> | null = zeroCounts(bands);
  let lastYearUnitCount = 0;
  for (const u of table.units) {
    let code = u.lastYearBand;
    if (code === null && u.lastYearIndexScaled !== null) code = bands[bandIndexByIndex(u.lastYearIndexScaled, 100 * 1e4, bands)].rule.code;
    if (code === null) continue;
    lastYearCounts[code] = (lastYearCounts[code] ?? 0) + 1;
    lastYearUnitCount++;
  }
  if (lastYearUnitCount === 0) lastYearCounts = null;

  return {
    unitCount: units.length,
    counts,
    groupCounts,
    demotedCount,
    averageIndexPct: indexSum.averagePct(units.length),
    highest: first ? { name: first.name, indexPct: first.indexPct } : null,
    lowest: last ? { name: last.name, indexPct: last.indexPct } : null,
    fields,
    lastYearCounts,
    lastYearUnitCount,
  };
}

function fieldStats(table: ScoringTable, bands: readonly CompiledBand[]): FieldStat[] {
  const floors = bands.filter((b) => b.floorScaled !== null);
  return table.fields.map((f: FieldDef, i) => {
    const under: number[] = floors.map(() => 0);
    let applicable = 0;
    let pctSum = 0;
    const max = f.maxScaled;
    if (max !== null && max > 0) {
      for (const u of table.units) {
        const s = u.scores[i];
        if (s.kind !== 'points') continue;
        applicable++;
        pctSum += s.scaled;
        for (let j = 0; j < floors.length; j++) if (comparePct(s.scaled, max, floors[j].floorScaled as number) < 0) under[j]++;
      }
    }
    const underFloor: Record<string, number> = {};
    floors.forEach((b, j) => (underFloor[b.rule.code] = under[j]));
    // The average of the field indexes is the sum of points over (units × max): one exact fraction.
    const averagePct = applicable > 0 && max ? roundedPct(pctSum, max * applicable) : null;
    return { label: f.label, averagePct, applicableUnits: applicable, underFloor };
  });
}
