/**
 * The engine's entry points: a table and a rule set in, the full result out; or a sheet's
 * grid in, the table found, read, checked and scored.
 */
import {
  classifyUnit,
  comparedFigures,
  shownAtBound,
  unitFieldResults,
  bandIndexByIndex,
  type UnitFigures,
} from './classify';
import { indexFigures, type IndexFigures } from './components';
import { roundedPct } from './decimal';
import type { HeaderColumn } from './header-roles';
import { SHEET_ORIGIN, detectLayout, type Grid, type Layout, type LayoutResult, type MappingProposal } from './layout';
import { withOwnBlockFurtherRight } from './output-rows';
import { readTable, type ReadOptions } from './read-table';
import { rankEq, rankOrderOf, ranksWithin } from './rank';
import { bandIndexNamed, ruleCheckColumns, ruleTableFindings } from './rule-checks';
import { compileRules, findBlock, type CompiledBand, type CompiledRules } from './rules';
import { summarise } from './summary';
import type {
  FieldDef,
  Finding,
  RuleSet,
  ScoringResult,
  ScoringTable,
  UnitFieldResult,
  UnitInput,
  UnitResult,
} from './types';

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
  const ranks = ranksWithin(
    num,
    den,
    placed.map((p) => p.block),
    placed.map((p) => p.ranked),
    compiled.rankMethod,
  );
  const units = table.units.map((u, k) =>
    unitResult(u, table.fields, {
      index: figures[k],
      compared: compared[k],
      rank: ranks[k],
      overallRank: overall[k],
      place: placed[k],
    }),
  );
  const rankOrder = rankOrderOf(
    overall,
    units.map((u) => u.name),
  );
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
  const c = classifyUnit(u.scores, fields, s.compared, bands, {
    capIndex: capIndex >= 0 ? capIndex : null,
    floorChecks: s.index.floorChecks,
  });
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
  | {
      found: true;
      layout: Layout;
      columns?: HeaderColumn[];
      findings: Finding[];
      errors: Finding[];
      warnings: Finding[];
      result: ScoringResult;
    };

/**
 * How to read a sheet's grid: where it starts, its number formats and confirmed column roles
 * (ReadOptions), and the user's corrections both shells may carry.
 */
export interface GridOptions extends Omit<ReadOptions, 'rules'> {
  /** Corrections to the layout found (grid coordinates); a complete one stands alone when no table is found. */
  layout?: Partial<Layout>;
  /** Max points per field column (grid column), replacing the cells of the max-points row. */
  maxPoints?: Readonly<Record<number, number>>;
}

/** Whether a layout the user set by hand says everything reading needs. */
export function isCompleteLayout(l: Partial<Layout>): l is Layout {
  return (
    l.headerRow !== undefined &&
    l.maxRow !== undefined &&
    l.firstUnitRow !== undefined &&
    l.endRow !== undefined &&
    l.nameCol !== undefined &&
    Array.isArray(l.fieldCols) &&
    l.outputTargetCol !== undefined
  );
}

/**
 * Where the table is: the layout found with the user's corrections over it (and an earlier run's
 * output block wherever it stands right of the input), else the user's own when complete, else why not.
 */
export function locateTable(
  grid: Grid,
  options: GridOptions = {},
): LayoutResult | { ok: true; layout: Layout; columns?: HeaderColumn[] } {
  const detected = detectLayout(grid, undefined, options.origin ?? SHEET_ORIGIN, options.roles);
  // An earlier run's block further right than the input's end is the output block (a re-run replaces it).
  if (detected.ok)
    return { ...detected, layout: withOwnBlockFurtherRight(grid, { ...detected.layout, ...options.layout }) };
  if (options.layout && isCompleteLayout(options.layout)) return { ok: true, layout: options.layout };
  return detected;
}

/** The grid with the user's max points in the max-points row (the grid itself when there are none). */
function withMaxPoints(grid: Grid, layout: Layout, maxPoints: GridOptions['maxPoints']): Grid {
  if (!maxPoints || Object.keys(maxPoints).length === 0) return grid;
  const patched = grid.slice();
  const maxRow = (patched[layout.maxRow] ?? []).slice();
  for (const [col, max] of Object.entries(maxPoints)) maxRow[Number(col)] = max;
  patched[layout.maxRow] = maxRow;
  return patched;
}

/**
 * Finds, reads, checks and scores the table in a sheet's grid: the one entry both shells call
 * (the CLI on a sheet of the file, the add-in on the block it read), so they cannot answer
 * differently on the same grid.
 */
export function scoreGrid(grid: Grid, sheet: string, rules: RuleSet, options: GridOptions = {}): SheetScoring {
  const origin = options.origin ?? SHEET_ORIGIN;
  const located = locateTable(grid, options);
  if (!located.ok)
    return located.reason === 'uncertain'
      ? { found: false, reason: 'uncertain', detail: located.detail, proposal: located.proposal }
      : { found: false, reason: located.reason, detail: located.detail };
  const { layout } = located;
  const { table, findings: read } = readTable(withMaxPoints(grid, layout, options.maxPoints), layout, sheet, {
    origin,
    formats: options.formats,
    roles: options.roles,
    rules,
  });
  const findings = [
    ...read,
    ...ruleTableFindings(table, rules, ruleCheckColumns(layout.bonusCol, layout.deductionCol, origin.col)),
  ];
  return {
    found: true,
    layout,
    columns: located.columns,
    findings,
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
    result: scoreTable(table, rules),
  };
}
