/** Small grids for the narrative tests, laid out as the engine's layout detection expects. */
import { HAI_DUONG_2018 } from '../../src/engine/rules';
import { scoreGrid } from '../../src/engine/score';
import type { Grid } from '../../src/engine/layout';
import type { CellValue, RuleSet, ScoringResult } from '../../src/engine/types';
import { seedGrid } from './seed-fixture';

export interface Row {
  name: string;
  /** Points per field; 'KAD' for not applicable. */
  scores: readonly (number | string)[];
  /** Last year's index in percent. */
  last?: number;
  /** Last year's band label. */
  lastBand?: string;
}

/** A grid: header ("Tên đơn vị", fields, optional last-year columns), "Điểm tối đa" row, units. */
export function grid(maxes: readonly number[], rows: readonly Row[], labels?: readonly string[]): Grid {
  const hasLast = rows.some((r) => r.last !== undefined);
  const hasLastBand = rows.some((r) => r.lastBand !== undefined);
  const header: CellValue[] = ['Tên đơn vị', ...maxes.map((_, i) => labels?.[i] ?? `Lĩnh vực ${i + 1}`)];
  if (hasLast) header.push('Chỉ số năm trước (%)');
  if (hasLastBand) header.push('Xếp loại năm trước');
  const maxRow: CellValue[] = ['Điểm tối đa', ...maxes];
  const body = rows.map((r) => {
    const row: CellValue[] = [r.name, ...r.scores];
    if (hasLast) row.push(r.last ?? null);
    if (hasLastBand) row.push(r.lastBand ?? null);
    return row;
  });
  return [header, maxRow, ...body];
}

/** Scores a grid; fails when the table is not found or has errors. */
export function score(g: Grid, rules: RuleSet = HAI_DUONG_2018): ScoringResult {
  const s = scoreGrid(g, 'Tổng hợp', rules);
  if (!s.found) throw new Error(`no table: ${s.reason}`);
  if (s.errors.length > 0) throw new Error(`table errors: ${JSON.stringify(s.errors)}`);
  return s.result;
}

/** Units scoring the same points in every field of a 100-point, one-field table. */
export function oneField(rows: readonly { name: string; index: number; last?: number }[]): Grid {
  return grid(
    [100],
    rows.map((r) => ({ name: r.name, scores: [r.index], last: r.last })),
  );
}

export function seedResult(rules: RuleSet = HAI_DUONG_2018): ScoringResult {
  return score(seedGrid(), rules);
}
