/**
 * The engine's entry points: a table and a rule set in, the full result out; or a sheet's
 * grid in, the table found, read, checked and scored.
 */
import { classifyUnit, unitFieldResults, unitFigures, type UnitFigures } from './classify';
import { roundedPct } from './decimal';
import type { HeaderColumn } from './header-roles';
import { SHEET_ORIGIN, detectLayout, type Grid, type Layout, type MappingProposal } from './layout';
import { readTable, type ReadOptions } from './read-table';
import { rankEq, rankOrderOf } from './rank';
import { compileRuleSet, type CompiledBand } from './rules';
import { summarise } from './summary';
import type { FieldDef, Finding, RuleSet, ScoringResult, ScoringTable, UnitInput, UnitResult } from './types';

/** Scores a table. Units whose cells had errors are still scored on what is valid. */
export function scoreTable(table: ScoringTable, rules: RuleSet): ScoringResult {
  const bands = compileRuleSet(rules);
  const figures = table.units.map((u) => unitFigures(u.scores, table.fields, u.bonusScaled, u.deductionScaled));
  const ranks = rankEq(
    figures.map((f) => f.totalScaled),
    figures.map((f) => f.maxScaled),
  );
  const units = table.units.map((u, k) => unitResult(u, table.fields, figures[k], ranks[k], bands));
  const rankOrder = rankOrderOf(units);
  return { rules, table, units, rankOrder, summary: summarise(table, units, bands, rankOrder) };
}

function unitResult(u: UnitInput, fields: readonly FieldDef[], figures: UnitFigures, rank: number, bands: readonly CompiledBand[]): UnitResult {
  const c = classifyUnit(u.scores, fields, figures, bands);
  return {
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
    rank,
    fields: unitFieldResults(u.scores, fields),
  };
}

/** What came of looking at a sheet: where the table is, what is wrong, and the result. */
export type SheetScoring =
  | { found: false; reason: 'noHeader' | 'noMaxRow' | 'noFields'; detail: string }
  | { found: false; reason: 'uncertain'; detail: string; proposal: MappingProposal }
  | { found: true; layout: Layout; columns?: HeaderColumn[]; findings: Finding[]; errors: Finding[]; warnings: Finding[]; result: ScoringResult };

/** Finds, reads, checks and scores the table in a sheet's grid. */
export function scoreGrid(grid: Grid, sheet: string, rules: RuleSet, options: Omit<ReadOptions, 'rules'> = {}): SheetScoring {
  const detected = detectLayout(grid, undefined, options.origin ?? SHEET_ORIGIN, options.roles);
  if (!detected.ok) return detected.reason === 'uncertain' ? { found: false, reason: 'uncertain', detail: detected.detail, proposal: detected.proposal } : { found: false, reason: detected.reason, detail: detected.detail };
  const { table, findings } = readTable(grid, detected.layout, sheet, { ...options, rules });
  return {
    found: true,
    layout: detected.layout,
    columns: detected.columns,
    findings,
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
    result: scoreTable(table, rules),
  };
}
