/**
 * Report-sheet paragraphs longer than a cell holds (Excel keeps 32,767 characters: a band listing
 * about 820 units passes it) continue on the rows below, cut after a comma (else a space) so that
 * no name is broken; the tables and the chart below move down by the rows added.
 */
import { MAX_CELL_TEXT } from './ooxml/sheet-xml';
import type { ReportCell, ReportSheetModel } from '../engine';

/** `text` in pieces of at most `max` characters, each cut after the last ", " (else " ") that fits. */
export function splitText(text: string, max = MAX_CELL_TEXT): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const head = rest.slice(0, max);
    const comma = head.lastIndexOf(', ');
    const space = head.lastIndexOf(' ');
    const cut = comma > 0 ? comma + 2 : space > 0 ? space + 1 : max;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

/** One paragraph row as the rows it takes: itself, or its text split over several. */
function splitRow(row: ReportCell[], max: number): ReportCell[][] {
  const first = row[0];
  if (first === undefined || typeof first.value !== 'string' || first.value.length <= max) return [row];
  return splitText(first.value, max).map((piece) => [{ ...first, value: piece }, ...row.slice(1)]);
}

/** The model with every paragraph over `max` characters continued on the rows below it. */
export function splitLongParagraphs(model: ReportSheetModel, max = MAX_CELL_TEXT): ReportSheetModel {
  const paragraphs = model.rows.slice(0, model.paragraphRows).flatMap((row) => splitRow(row, max));
  const added = paragraphs.length - model.paragraphRows;
  if (added === 0) return model;
  return {
    ...model,
    rows: [...paragraphs, ...model.rows.slice(model.paragraphRows)],
    paragraphRows: paragraphs.length,
    bandTable: { ...model.bandTable, headerRow: model.bandTable.headerRow + added },
    rankingTable: { ...model.rankingTable, headerRow: model.rankingTable.headerRow + added },
    chart: model.chart && { ...model.chart, firstRow: model.chart.firstRow + added },
  };
}
