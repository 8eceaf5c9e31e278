/**
 * The engine's entry points: a validated table and a rule set in, the full result out.
 */
import { classifyUnit, unitFieldResults, unitFigures } from './classify';
import { roundedPct } from './decimal';
import { detectLayout, readTable, type Grid, type Layout, type ReadOptions } from './layout';
import { rankEq } from './rank';
import { compileRuleSet } from './rules';
import { summarise } from './summary';
import { compareVietnamese } from './text';
import type { Finding, RuleSet, ScoringResult, ScoringTable, UnitResult } from './types';

/** Scores a validated table. Units whose cells had errors are still scored on what is valid. */
export function scoreTable(table: ScoringTable, rules: RuleSet): ScoringResult {
  const bands = compileRuleSet(rules);
  const n = table.units.length;
  const totals = new Float64Array(n);
  const maxes = new Float64Array(n);
  const partial: Omit<UnitResult, 'rank'>[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const u = table.units[k];
    const figures = unitFigures(u.scores, table.fields, u.bonusScaled, u.deductionScaled);
    const c = classifyUnit(u.scores, table.fields, figures, bands);
    totals[k] = figures.totalScaled;
    maxes[k] = figures.maxScaled;
    partial[k] = {
      name: u.name,
      row: u.row,
      indexPct: figures.maxScaled > 0 ? roundedPct(figures.totalScaled, figures.maxScaled) : 0,
      totalScaled: figures.totalScaled,
      maxScaled: figures.maxScaled,
      indexBand: c.indexBand,
      band: c.band,
      demotedFrom: c.demotedFrom,
      demotion: c.demotion,
      fields: unitFieldResults(u.scores, table.fields),
      lastYearIndexPct: u.lastYearIndexScaled === null ? null : u.lastYearIndexScaled / 1e4,
      lastYearBand: u.lastYearBand,
    };
  }
  const ranks = rankEq(totals, maxes);
  const units: UnitResult[] = partial.map((p, k) => ({ ...p, rank: ranks[k] }));
  const rankOrder = Array.from({ length: n }, (_, k) => k).sort(
    (a, b) => ranks[a] - ranks[b] || compareVietnamese(units[a].name, units[b].name) || a - b,
  );
  return { rules, table, units, rankOrder, summary: summarise(table, units, bands, rankOrder) };
}

/** What came of looking at a sheet: where the table is, what is wrong, and the result. */
export type SheetScoring =
  | { found: false; reason: 'noHeader' | 'noMaxRow' | 'noFields'; detail: string }
  | { found: true; layout: Layout; findings: Finding[]; errors: Finding[]; warnings: Finding[]; result: ScoringResult };

/** Finds, validates and scores the table in a sheet's grid. */
export function scoreGrid(grid: Grid, sheet: string, rules: RuleSet, options: Omit<ReadOptions, 'rules'> = {}): SheetScoring {
  const detected = detectLayout(grid);
  if (!detected.ok) return { found: false, reason: detected.reason, detail: detected.detail };
  const { table, findings } = readTable(grid, detected.layout, sheet, { ...options, rules });
  return {
    found: true,
    layout: detected.layout,
    findings,
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
    result: scoreTable(table, rules),
  };
}
