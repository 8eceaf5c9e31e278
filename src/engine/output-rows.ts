/**
 * Recognising the scorer's own output rows, so that a re-run clears only what an earlier, longer
 * run left below the table and nothing a person typed there. Both writers (xlsx and Office.js)
 * use it.
 */
import { cellText } from './text';
import type { CellValue, RuleSet } from './types';

function isBlankCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Whether the four output cells of a row (index, rank, band, note, in that order) look exactly
 * like a row the scorer writes: the index a number within 0..1 (or empty), the rank a positive
 * integer, the band one of the rule set's band labels (Vietnamese or English). The note may be
 * anything. "Ký tên" under the note column, or an empty row, is not an output row.
 */
export function isOwnOutputRow(cells: readonly CellValue[], rules: RuleSet): boolean {
  const index = cells[0];
  const rank = cells[1];
  const band = cells[2];
  if (!(isBlankCell(index) || (typeof index === 'number' && index >= 0 && index <= 1))) return false;
  // A unit left out of ranking has an empty rank cell.
  if (!isBlankCell(rank) && (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 1)) return false;
  if (typeof band !== 'string') return false;
  const text = cellText(band);
  const bands = [...rules.bands, ...(rules.blocks ?? []).flatMap((b) => b.bands ?? [])];
  return text !== '' && bands.some((b) => cellText(b.label.vi) === text || cellText(b.label.en) === text);
}
