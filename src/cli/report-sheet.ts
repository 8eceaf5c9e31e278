/**
 * The report sheet's content, shared by both writers (exceljs in the CLI, Office.js in the
 * add-in): the narrative's paragraphs in column A, the band summary table, the ranking table,
 * and the marker that says "this sheet was made by the tool". Pure data: no exceljs, no Office.
 *
 * The marker: text cells in column AZ (hidden by the writers) —
 *   AZ1 "par-index-report:v1", AZ2 the report year, AZ3 the sheet's own name when it was written,
 *   AZ4 the scoring sheet the report was made from (so the add-in, started on the report sheet,
 *   goes back to that sheet to read the table).
 * A sheet is ours when AZ1–AZ3 hold: a plain cell survives every xlsx round trip (Excel,
 * LibreOffice, exceljs read and write it like any value), both shells can read it in one
 * request, and a sheet the user copied from ours (a new name) or renamed is no longer ours, so
 * it is never replaced.
 */
import {
  INDEX_NUMBER_FORMAT,
  bandLabel,
  demotionNote,
  fill,
  messages,
  roundedPct,
  type Lang,
  type Narrative,
  type ReportSettings,
  type ScoringResult,
} from '../engine';

export const REPORT_MARKER = 'par-index-report:v1';
/** Column of the marker cells, 0-based (AZ): far right of anything the report writes. */
export const MARKER_COLUMN = 51;
export const MARKER_ADDRESS = 'AZ1:AZ4';
/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

export type ReportRowKind = 'title' | 'heading' | 'paragraph' | 'bullet' | 'caption' | 'tableHeader' | 'tableRow' | 'tableTotal' | 'blank';

export type ReportCellValue = string | number;

export interface ReportRow {
  kind: ReportRowKind;
  /** Heading level of a 'heading' row (2–3); 1 is the title. */
  level?: number;
  /** Cells from column A; '' is empty. */
  cells: ReportCellValue[];
  /** Number format per cell: '@' for every text cell (so "- …" or "=…" stays text), numbers their format. */
  formats: string[];
}

export interface ReportTable {
  /** 0-based sheet row of the table's header row. */
  headerRow: number;
  /** Data rows below the header (the band table's total row not included). */
  rowCount: number;
  columnCount: number;
}

export interface ReportSheetModel {
  rows: ReportRow[];
  /** Rows 0..paragraphRows-1 are the title and the narrative. */
  paragraphRows: number;
  bandTable: ReportTable;
  rankingTable: ReportTable;
  /** Where the add-in puts the chart: `chartRows` empty rows starting at this 0-based row (none in the CLI). */
  chart: { firstRow: number; rows: number; title: string } | null;
  /** Widths of columns A–E in characters. */
  columnWidths: number[];
  /** The marker cells' values, AZ1:AZ4 (the name is filled in by the writer). */
  marker(sheetName: string): [string, string, string, string];
}

/** Widths of the report's columns A–E, in characters: A holds the paragraphs. */
export const REPORT_COLUMN_WIDTHS = [100, 26, 12, 28, 60];

const TEXT = '@';
const INTEGER = '0';

/** The marker values a report sheet carries in AZ1:AZ4. */
export function markerValues(year: number, sheetName: string, sourceSheet: string): [string, string, string, string] {
  return [REPORT_MARKER, String(year), sheetName, sourceSheet];
}

/** Whether marker cells (AZ1:AZ3, as read) say the sheet is the tool's report of that year, under its current name. */
export function isOurReport(marker: readonly unknown[] | undefined, year: number, currentName: string): boolean {
  if (!marker) return false;
  const [tag, y, name] = marker.map((v) => (v === null || v === undefined ? '' : String(v).trim()));
  return tag === REPORT_MARKER && y === String(year) && name === currentName;
}

/** The default report sheet name: "Báo cáo CCHC 2021" / "PAR report 2021". */
export function defaultReportSheetName(year: number, lang: Lang): string {
  return fill(messages(lang).output.report.sheetName, { year }).slice(0, MAX_SHEET_NAME);
}

/**
 * The name the report goes under: `base` when it is free or held by the sheet being replaced,
 * else "base (2)", "base (3)", … Sheet names compare without regard to case, as Excel does.
 */
export function pickReportSheetName(base: string, existing: readonly string[], replacing: string | null): string {
  const taken = new Set(existing.filter((n) => n !== replacing).map((n) => n.toLocaleLowerCase()));
  for (let k = 1; ; k++) {
    const suffix = k === 1 ? '' : ` (${k})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLocaleLowerCase())) return name;
  }
}

/** A paragraph's text as the sheet shows it: list items start with "- " (kept text by the '@' format). */
function paragraphText(level: number | 'bullet', text: string): string {
  return level === 'bullet' ? `- ${text}` : text;
}

/**
 * The report sheet: title and narrative, a blank row, the band table (label, count, share, and
 * a total row), room for the chart when `chartRows` > 0, then the ranking table in rank order
 * (rank, unit, index as a fraction shown 0.00%, band, note).
 */
export function reportSheetModel(
  result: ScoringResult,
  narrative: Narrative,
  settings: Pick<ReportSettings, 'year'>,
  lang: Lang,
  chartRows = 0,
  /** Each unit's demotion note (by unit index) when the caller has them already (the output block's). */
  notes?: readonly string[],
): ReportSheetModel {
  const m = messages(lang);
  const r = m.output.report;
  const rows: ReportRow[] = [];
  const text = (kind: ReportRowKind, value: string, level?: number) => rows.push({ kind, level, cells: [value], formats: [TEXT] });
  const blank = () => rows.push({ kind: 'blank', cells: [], formats: [] });

  text('title', narrative.title, 1);
  for (const p of narrative.paragraphs) {
    if (p.level === 'bullet') text('bullet', paragraphText(p.level, p.text));
    else if (p.level === 0) text('paragraph', p.text);
    else text('heading', p.text, p.level);
  }
  const paragraphRows = rows.length;
  blank();

  const year = settings.year;
  const total = result.summary.unitCount;
  text('caption', fill(r.bandTableTitle, { year }));
  const bandHeaderRow = rows.length;
  rows.push({ kind: 'tableHeader', cells: [...r.bandHeaders], formats: [TEXT, TEXT, TEXT] });
  for (const b of result.rules.bands) {
    const count = result.summary.counts[b.code] ?? 0;
    rows.push({
      kind: 'tableRow',
      cells: [b.label[lang], count, total > 0 ? roundedPct(count, total) / 100 : 0],
      formats: [TEXT, INTEGER, INDEX_NUMBER_FORMAT],
    });
  }
  rows.push({ kind: 'tableTotal', cells: [r.total, total, total > 0 ? 1 : 0], formats: [TEXT, INTEGER, INDEX_NUMBER_FORMAT] });
  blank();

  let chart: ReportSheetModel['chart'] = null;
  if (chartRows > 0) {
    chart = { firstRow: rows.length, rows: chartRows, title: fill(r.chartTitle, { year }) };
    for (let i = 0; i < chartRows; i++) blank();
    blank();
  }

  const unitTerm = m.narrative.unitTerm;
  text('caption', fill(r.rankingTitle, { year, unitTerm }));
  const rankingHeaderRow = rows.length;
  rows.push({ kind: 'tableHeader', cells: [...r.rankingHeaders], formats: [TEXT, TEXT, TEXT, TEXT, TEXT] });
  for (const k of result.rankOrder) {
    const u = result.units[k];
    rows.push({
      kind: 'tableRow',
      cells: [u.rank, u.name, Number((u.indexPct / 100).toFixed(4)), bandLabel(result.rules, u.band, lang), notes?.[k] ?? demotionNote(u, result.rules, lang)],
      formats: [INTEGER, TEXT, INDEX_NUMBER_FORMAT, TEXT, TEXT],
    });
  }

  return {
    rows,
    paragraphRows,
    bandTable: { headerRow: bandHeaderRow, rowCount: result.rules.bands.length, columnCount: 3 },
    rankingTable: { headerRow: rankingHeaderRow, rowCount: result.rankOrder.length, columnCount: 5 },
    chart,
    columnWidths: REPORT_COLUMN_WIDTHS,
    marker: (name) => markerValues(year, name, result.table.sheet),
  };
}

/** A 4-digit year 20xx in a text, or null. */
export function yearIn(text: string): number | null {
  const m = /(?:^|\D)(20\d\d)(?!\d)/.exec(text);
  return m ? Number(m[1]) : null;
}

export type YearSource = 'title' | 'sheet' | 'header' | 'default';

/**
 * The report year a scoring table speaks of: a year 20xx in the rows above the header (the
 * title: "… NĂM 2021 …"), else in the sheet's name ("TH2021"), else in the header row (leaving
 * out last year's columns, which name the year before); else `fallback` (this year).
 */
export function guessReportYear(
  grid: readonly (readonly unknown[])[],
  layout: { headerRow: number; lastYearIndexCol: number | null; lastYearBandCol: number | null; outputCol: number | null },
  sheetName: string,
  fallback: number,
): { year: number; source: YearSource } {
  const textOf = (v: unknown) => (typeof v === 'string' ? v : '');
  for (let r = 0; r < layout.headerRow; r++) {
    for (const v of grid[r] ?? []) {
      const y = yearIn(textOf(v));
      if (y !== null) return { year: y, source: 'title' };
    }
  }
  const fromSheet = yearIn(sheetName);
  if (fromSheet !== null) return { year: fromSheet, source: 'sheet' };
  const skip = new Set([layout.lastYearIndexCol, layout.lastYearBandCol]);
  const header = grid[layout.headerRow] ?? [];
  for (let c = 0; c < header.length; c++) {
    if (skip.has(c) || (layout.outputCol !== null && c >= layout.outputCol && c < layout.outputCol + 4)) continue;
    const y = yearIn(textOf(header[c]));
    if (y !== null) return { year: y, source: 'header' };
  }
  return { year: fallback, source: 'default' };
}
