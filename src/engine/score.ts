/**
 * The engine's entry points: a validated table and a rule set in, the full result out.
 */
import { classifyUnit, unitFieldResults, unitFigures } from './classify';
import { roundedPct } from './decimal';
import { SHEET_ORIGIN, locateLayout, readTableToEnd, type Grid, type Layout, type ReadOptions } from './layout';
import { rankEq } from './rank';
import { compileRuleSet } from './rules';
import { summarise } from './summary';
import { compareVietnamese } from './text';
import { columnsOf } from './columns';
import { scoreColumns } from './score-columns';
import type { Finding, RuleSet, ScoringResult, ScoringTable, UnitFieldResult, UnitResult } from './types';

/** Scores a validated table. Units whose cells had errors are still scored on what is valid. */
export function scoreTable(table: ScoringTable, rules: RuleSet): ScoringResult {
  const cols = columnsOf(table);
  return cols === null ? scoreTableEager(table, rules) : scoreColumns(table, cols, rules);
}

/**
 * Scoring as it was done object by object: kept for tables whose units do not fit columns
 * (see columnsOf), and as the reference the columnar path is tested against.
 */
export function scoreTableEager(table: ScoringTable, rules: RuleSet): ScoringResult {
  const bands = compileRuleSet(rules);
  const n = table.units.length;
  const totals = new Float64Array(n);
  const maxes = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const u = table.units[k];
    const figures = unitFigures(u.scores, table.fields, u.bonusScaled, u.deductionScaled);
    totals[k] = figures.totalScaled;
    maxes[k] = figures.maxScaled;
  }
  const ranks = rankEq(totals, maxes);
  // Each unit's result is built once, rank included (no partial object copied per unit).
  const units: UnitResult[] = [];
  const fieldResults: Map<number, UnitFieldResult>[] = [];
  for (let k = 0; k < n; k++) {
    const u = table.units[k];
    const figures = { totalScaled: totals[k], maxScaled: maxes[k] };
    const c = classifyUnit(u.scores, table.fields, figures, bands);
    units.push({
      name: u.name,
      row: u.row,
      indexPct: figures.maxScaled > 0 ? roundedPct(figures.totalScaled, figures.maxScaled) : 0,
      totalScaled: figures.totalScaled,
      maxScaled: figures.maxScaled,
      indexBand: c.indexBand,
      band: c.band,
      demotedFrom: c.demotedFrom,
      demotion: c.demotion,
      lastYearIndexPct: u.lastYearIndexScaled === null ? null : u.lastYearIndexScaled / 1e4,
      lastYearBand: u.lastYearBand,
      rank: ranks[k],
      // Last, as the columnar path defines it (see scoreColumns).
      fields: unitFieldResults(u.scores, table.fields, fieldResults),
    });
  }
  const rankOrder = rankOrderOf(ranks, units);
  return { rules, table, units, rankOrder, summary: summarise(table, units, bands, rankOrder) };
}

/**
 * Unit indexes in rank order, equal ranks in Vietnamese alphabetical order, then sheet order.
 * Ranks are integers 1..n, so a stable counting sort orders by rank; only the units of a tie
 * group are compared by name (the collator is slow, and most pairs are not ties).
 */
export function rankOrderOf(ranks: Int32Array, units: readonly { name: string }[]): number[] {
  const n = ranks.length;
  const start = new Int32Array(n + 2);
  for (let k = 0; k < n; k++) start[ranks[k] + 1]++;
  for (let r = 1; r < start.length; r++) start[r] += start[r - 1];
  const order: number[] = new Array(n).fill(0);
  const next = start.slice();
  for (let k = 0; k < n; k++) order[next[ranks[k]]++] = k;
  const byName = (a: number, b: number) => compareVietnamese(units[a].name, units[b].name) || a - b;
  for (let r = 0; r + 1 < start.length; r++) {
    const lo = start[r];
    const hi = start[r + 1];
    if (hi - lo < 2) continue;
    const group = order.slice(lo, hi).sort(byName);
    for (let i = 0; i < group.length; i++) order[lo + i] = group[i];
  }
  return order;
}

/** What came of looking at a sheet: where the table is, what is wrong, and the result. */
export type SheetScoring =
  | { found: false; reason: 'noHeader' | 'noMaxRow' | 'noFields'; detail: string }
  | { found: true; layout: Layout; findings: Finding[]; errors: Finding[]; warnings: Finding[]; result: ScoringResult };

/** Finds, validates and scores the table in a sheet's grid. */
export function scoreGrid(grid: Grid, sheet: string, rules: RuleSet, options: Omit<ReadOptions, 'rules'> = {}): SheetScoring {
  // The units' end is found while reading them (readTableToEnd sets layout.endRow).
  const detected = locateLayout(grid, 50, options.origin ?? SHEET_ORIGIN, false);
  if (!detected.ok) return { found: false, reason: detected.reason, detail: detected.detail };
  const { table, findings } = readTableToEnd(grid, detected.layout, sheet, { ...options, rules });
  return {
    found: true,
    layout: detected.layout,
    findings,
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
    result: scoreTable(table, rules),
  };
}
