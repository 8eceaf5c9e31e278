/**
 * What the add-in last wrote, from its own state sheet (STATE_SHEET, see safe-write.ts): when,
 * where, and whether it still matches the data and the rules in force. So a workbook already
 * scored says so when the pane opens, instead of "nothing written yet". One read.
 */
import { OUTPUT_COLUMN_COUNT, STATE_SHEET, columnLetter, ruleSetFingerprint, type RuleSet } from '../engine';
import { inputFingerprint, outputRecordFromGrid, readOwnedSheet } from './safe-write';
import type { ExcelRun, Inspection } from './workbook';

export interface LastRun {
  /** ISO time of the run. */
  time: string;
  sheet: string;
  /** The output block's columns as written (letters). */
  columns: string[];
  /** The input and the rules are what that run scored. */
  current: boolean;
}

/** Column index (0-based) of an A1 address's letters. */
function columnOf(address: string): number {
  const letters = /^[A-Z]+/.exec(address)?.[0] ?? 'A';
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** The last run recorded for the inspected sheet, or null (never scored here, or the record is for another sheet). */
export function lastRunOf(
  grid: Parameters<typeof outputRecordFromGrid>[0] | null,
  inspection: Inspection,
  rules: RuleSet,
): LastRun | null {
  const record = grid ? outputRecordFromGrid(grid) : null;
  if (!record || record.sheet !== inspection.read.sheet) return null;
  const first = columnOf(record.address);
  const current =
    record.inputFingerprint === inputFingerprint(inspection.read, inspection.layout.outputCol) &&
    record.rulesFingerprint === ruleSetFingerprint(rules);
  return {
    time: record.time,
    sheet: record.sheet,
    columns: Array.from({ length: OUTPUT_COLUMN_COUNT }, (_, i) => columnLetter(first + i)),
    current,
  };
}

export async function readLastRun(run: ExcelRun, inspection: Inspection, rules: RuleSet): Promise<LastRun | null> {
  return lastRunOf(await readOwnedSheet(run, STATE_SHEET), inspection, rules);
}
