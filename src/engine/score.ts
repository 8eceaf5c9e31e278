/**
 * The engine's entry points: a table and a rule set in, the full result out; or a sheet's
 * grid in, the table found, read, checked and scored.
 */
import { classifyUnit, comparedFigures, shownAtBound, unitFieldResults, bandIndexByIndex, type UnitFigures } from './classify';
import { indexFigures, type IndexFigures } from './components';
import { roundedPct } from './decimal';
import type { HeaderColumn } from './header-roles';
import { SHEET_ORIGIN, detectLayout, type Grid, type Layout, type MappingProposal } from './layout';
import { readTable, type ReadOptions } from './read-table';
import { rankEq, rankOrderOf, ranksWithin } from './rank';
import { bandIndexNamed, ruleCheckColumns, ruleTableFindings } from './rule-checks';
import { compileRules, findBlock, type CompiledBand, type CompiledRules } from './rules';
import { summarise } from './summary';
import type { FieldDef, Finding, RuleSet, ScoringResult, ScoringTable, UnitFieldResult, UnitInput, UnitResult } from './types';

/** Where a unit stands: its block (the rules' code, or the block column's text), its bands, whether it is ranked. */
interface Placement {
  block: string | null;
  bands: CompiledBand[];
  ranked: boolean;
}

function placeUnit(u: UnitInput, c: CompiledRules): Placement {
  const text = u.block?.trim() || null;
  const block = text !== null && c.blocks.length > 0 ? findBlock(c, text) : undefined;
  return {
    block: block?.code ?? text,
    bands: block?.bands ?? c.bands,
    ranked: (block?.ranked ?? true) && u.unranked !== true,
  };
}

/** Scores a table. Units whose cells had errors are still scored on what is valid. */
export function scoreTable(table: ScoringTable, rules: RuleSet): ScoringResult {
  const compiled = compileRules(rules);
  const placed = table.units.map((u) => placeUnit(u, compiled));
  const figures = table.units.map((u) => indexFigures(u, table.fields, compiled));
  const compared = figures.map((f) => comparedFigures(f.figures, compiled.indexDecimals));
  const num = compared.map((f) => f.totalScaled);
  const den = compared.map((f) => f.maxScaled);
  // Lists follow the index over all units (blocks and unranked units included), equal in alphabetical order.
  const overall = rankEq(num, den);
  // One block, every unit ranked, RANK.EQ: the ranks are the overall ranks.
  const oneRanking = compiled.rankMethod === 'rankEq' && placed.every((p) => p.block === null && p.ranked);
  const ranks = oneRanking
    ? overall
    : ranksWithin(
        num,
        den,
        placed.map((p) => p.block),
        placed.map((p) => p.ranked),
        compiled.rankMethod,
      );
  const units = table.units.map((u, k) => unitResult(u, table.fields, { index: figures[k], compared: compared[k], rank: ranks[k], overallRank: overall[k], place: placed[k] }));
  const rankOrder = rankOrderOf(overall, units.map((u) => u.name));
  return { rules, table, units, rankOrder, summary: summarise(table, units, compiled.bands, rankOrder, compiled) };
}

interface UnitScoring {
  index: IndexFigures;
  compared: UnitFigures;
  rank: number;
  overallRank: number;
  place: Placement;
}

function unitResult(u: UnitInput, fields: readonly FieldDef[], s: UnitScoring): UnitResult {
  const { figures } = s.index;
  const bands = s.place.bands;
  const capIndex = u.bandCap ? bandIndexNamed(bands, u.bandCap.band) : -1;
  const c = classifyUnit(u.scores, fields, s.compared, bands, { capIndex: capIndex >= 0 ? capIndex : null, floorChecks: s.index.floorChecks });
  const start = bandIndexByIndex(s.compared.totalScaled, s.compared.maxScaled, bands);
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
    rank: s.rank,
    overallRank: s.overallRank,
    block: s.place.block,
    ranked: s.place.ranked,
    cappedAt: c.capped && u.bandCap ? { band: c.capped.band, from: c.capped.from, reason: u.bandCap.reason } : null,
    belowShownBound: shownAtBound(figures, s.compared, start, bands),
    components: s.index.components,
  };
}

/** The per-field figures of the result's k-th unit, for display and JSON: made where shown, not for every unit scored. */
export function unitFields(result: ScoringResult, k: number): UnitFieldResult[] {
  return unitFieldResults(result.table.units[k].scores, result.table.fields);
}

/** What came of looking at a sheet: where the table is, what is wrong, and the result. */
export type SheetScoring =
  | { found: false; reason: 'noHeader' | 'noMaxRow' | 'noFields' | 'transposed'; detail: string }
  | { found: false; reason: 'uncertain'; detail: string; proposal: MappingProposal }
  | { found: true; layout: Layout; columns?: HeaderColumn[]; findings: Finding[]; errors: Finding[]; warnings: Finding[]; result: ScoringResult };

/** Finds, reads, checks and scores the table in a sheet's grid. */
export function scoreGrid(grid: Grid, sheet: string, rules: RuleSet, options: Omit<ReadOptions, 'rules'> = {}): SheetScoring {
  const origin = options.origin ?? SHEET_ORIGIN;
  const detected = detectLayout(grid, undefined, origin, options.roles);
  if (!detected.ok) return detected.reason === 'uncertain' ? { found: false, reason: 'uncertain', detail: detected.detail, proposal: detected.proposal } : { found: false, reason: detected.reason, detail: detected.detail };
  const { table, findings: read } = readTable(grid, detected.layout, sheet, { ...options, rules });
  const findings = [...read, ...ruleTableFindings(table, rules, ruleCheckColumns(detected.layout.bonusCol, detected.layout.deductionCol, origin.col))];
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
