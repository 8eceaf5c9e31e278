/**
 * Results lead to rows (issue 17, item 8): a unit in the pane's results selects its row on the
 * scoring sheet, the sheet activated, in one round trip.
 */
import { cellAddress } from '../engine';
import type { ExcelRun, Inspection } from './workbook';

/**
 * The A1 range of a unit's row (`row`: its sheet row, 1-based) across the table read: from the
 * table's first column to the output block's last, so the officer sees the input and the result.
 */
export function unitRowAddress(inspection: Pick<Inspection, 'read' | 'layout' | 'outputColumns'>, row: number): string {
  const { read, layout } = inspection;
  const first = read.origin.col + Math.min(layout.nameCol, layout.sttCol ?? layout.nameCol);
  const left = cellAddress(row, first);
  const lastOutput = inspection.outputColumns[inspection.outputColumns.length - 1];
  const right = lastOutput ? `${lastOutput}${row}` : cellAddress(row, read.origin.col + layout.outputTargetCol - 1);
  return `${left}:${right}`;
}

/** Activates `sheet` and selects `address` on it (a finding's cell, a unit's row): one context.sync(). */
export async function selectRange(run: ExcelRun, sheet: string, address: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
