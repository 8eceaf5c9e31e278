/**
 * Where the output block can go when the four columns right of the table are in use: the first
 * block of four columns further right whose cells are empty over the rows the block covers
 * (the header row to the last unit row). Pure; the task pane offers it as "write further right".
 */
import { OUTPUT_COLUMN_COUNT } from './output';
import { isFilledCell } from './output-rows';
import type { Grid, Layout } from './layout';

/** Grid column of the first free block at or right of the usual target, or null when the table has its own block. */
export function freeOutputColumn(grid: Grid, layout: Layout): number | null {
  if (layout.outputCol !== null) return null;
  const rows = grid.slice(layout.headerRow, layout.endRow);
  const width = rows.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);
  const filled = (c: number) => rows.some((r) => isFilledCell(r?.[c]));
  for (let col = layout.outputTargetCol; col <= width; col++) {
    let free = true;
    for (let i = 0; i < OUTPUT_COLUMN_COUNT && free; i++) free = !filled(col + i);
    if (free) return col;
  }
  return width;
}
