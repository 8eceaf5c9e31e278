/**
 * The report sheet's content, shared by both writers (worksheet XML in the CLI, Office.js in the
 * add-in): the narrative's paragraphs in column A, the band summary table, the ranking table,
 * and the marker that says "this sheet was made by the tool". Every cell carries a semantic role
 * (title, caption, header, bandLabel, count, percent, …); what a role looks like (font, fill,
 * number format, alignment, wrapping, border) is written once, in REPORT_LOOK, and both writers
 * map role → look through `reportCellLook`. Pure data: no Office, no files.
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
import { MAX_CELL_TEXT, splitText } from './cell-limit';
import { fill } from './format';
import { messages } from './i18n';
import type { Narrative, ReportSettings } from './narrative';
import { BAND_FILL, INDEX_NUMBER_FORMAT } from './output';
import { bandLabel, demotionNote } from './describe';
import { roundedPct } from './decimal';
import type { BandRule, Lang, RuleSet, ScoringResult } from './types';

export const REPORT_MARKER = 'par-index-report:v1';
/** Column of the marker cells, 0-based (AZ): far right of anything the report writes. */
export const MARKER_COLUMN = 51;
export const MARKER_ADDRESS = 'AZ1:AZ4';
/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

/** What a report cell is; its look follows from this alone (and, for a band's cells, the band). */
export type ReportRole =
  | 'title'
  | 'heading'
  | 'paragraph'
  | 'bullet'
  | 'caption'
  | 'header'
  | 'bandLabel'
  | 'count'
  | 'percent'
  | 'totalLabel'
  | 'totalCount'
  | 'totalPercent'
  | 'rank'
  | 'unitName'
  | 'index'
  | 'band'
  | 'note'
  | 'marker';

export interface ReportCell {
  value: string | number;
  role: ReportRole;
  /** The band's code, for a cell coloured by its band (bandLabel, band). */
  band?: string;
}

/** How a cell looks, whichever writer draws it. */
export interface ReportLook {
  bold: boolean;
  /** Font size in points; null = the sheet's default (11). */
  size: number | null;
  /** '@' for every text cell (so "- …" or "=…" stays text), numbers their format. */
  numberFormat: string;
  horizontal: 'general' | 'center' | 'right';
  vertical: 'top' | 'center';
  wrap: boolean;
  /** Indent level (one level ≈ three characters). */
  indent: number;
  /** A thin grey border on every edge of the cell. */
  border: boolean;
  /** Fill colour '#RRGGBB', 'band' for the cell's band colour (BAND_FILL), or null. */
  fill: string | null;
}

/** The border colour of table cells and the fill of table headers. */
export const REPORT_BORDER_COLOR = '#808080';
export const REPORT_HEADER_FILL = '#D9D9D9';

const TEXT = '@';
const INTEGER = '0';
const PLAIN: ReportLook = {
  bold: false,
  size: null,
  numberFormat: TEXT,
  horizontal: 'general',
  vertical: 'top',
  wrap: true,
  indent: 0,
  border: false,
  fill: null,
};
const TABLE_TEXT: ReportLook = { ...PLAIN, border: true };
const TABLE_NUMBER: ReportLook = { ...PLAIN, border: true, wrap: false, horizontal: 'right', numberFormat: INTEGER };
const TABLE_PERCENT: ReportLook = { ...TABLE_NUMBER, numberFormat: INDEX_NUMBER_FORMAT };

/** Role → look: the one table both writers draw from. */
export const REPORT_LOOK: Readonly<Record<ReportRole, Readonly<ReportLook>>> = {
  title: { ...PLAIN, bold: true, size: 14 },
  heading: { ...PLAIN, bold: true },
  paragraph: PLAIN,
  bullet: { ...PLAIN, indent: 1 },
  caption: { ...PLAIN, bold: true },
  header: { ...TABLE_TEXT, bold: true, fill: REPORT_HEADER_FILL, horizontal: 'center', vertical: 'center' },
  bandLabel: { ...TABLE_TEXT, fill: 'band' },
  count: TABLE_NUMBER,
  percent: TABLE_PERCENT,
  totalLabel: { ...TABLE_TEXT, bold: true },
  totalCount: { ...TABLE_NUMBER, bold: true },
  totalPercent: { ...TABLE_PERCENT, bold: true },
  rank: TABLE_NUMBER,
  unitName: TABLE_TEXT,
  index: TABLE_PERCENT,
  band: { ...TABLE_TEXT, fill: 'band' },
  note: TABLE_TEXT,
  marker: { ...PLAIN, wrap: false },
};

/** The look of one cell: its role's look, a band's colour filled in. */
export function reportCellLook(cell: ReportCell): ReportLook {
  const look = REPORT_LOOK[cell.role];
  if (look.fill !== 'band') return look;
  return { ...look, fill: (cell.band !== undefined ? BAND_FILL[cell.band] : undefined) ?? null };
}

/** A key equal for two cells exactly when they look the same (for grouping cells into one style). */
export function reportLookKey(cell: ReportCell): string {
  return REPORT_LOOK[cell.role].fill === 'band' ? `${cell.role}|${cell.band ?? ''}` : cell.role;
}

export interface ReportTable {
  /** 0-based sheet row of the table's header row. */
  headerRow: number;
  /** Data rows below the header (the band table's total row not included). */
  rowCount: number;
  columnCount: number;
}

export interface ReportSheetModel {
  /** The sheet's rows from row 1, each its cells from column A; an empty array is a blank row. */
  rows: ReportCell[][];
  /** Rows 0..paragraphRows-1 are the title and the narrative. */
  paragraphRows: number;
  bandTable: ReportTable;
  rankingTable: ReportTable;
  /** Where the add-in puts the chart: `chartRows` empty rows starting at this 0-based row (none in the CLI). */
  chart: { firstRow: number; rows: number; title: string } | null;
  /** Widths of columns A–E in characters. */
  columnWidths: number[];
  /**
   * The rows (0-based) whose one cell spans every column, merged (the title, the paragraphs, the
   * tables' captions): a paragraph wraps within the page's width while the tables keep one field a column.
   */
  spanRows: number[];
  /** The marker cells' values, AZ1:AZ4 (the name is filled in by the writer). */
  marker(sheetName: string): [string, string, string, string];
}

/**
 * Widths of the report's columns A–E, in characters: the tables' columns (rank or band label, unit
 * or count, index or share, band, note), which the paragraphs span. About 110 characters: printed
 * one page wide on A4 portrait within the Decree 30/2020 margins (print-setup.ts) at about 80%.
 */
export const REPORT_COLUMN_WIDTHS = [22, 22, 10, 22, 34];

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

/** The title and the narrative's paragraphs, one a row; list items start with "- " (kept text by the '@' format). */
function narrativeRows(narrative: Narrative, maxCellText: number): ReportCell[][] {
  const rows: ReportCell[][] = [[{ value: narrative.title, role: 'title' }]];
  for (const p of narrative.paragraphs) {
    const role = p.level === 'bullet' ? 'bullet' : p.level === 0 ? 'paragraph' : 'heading';
    // A paragraph longer than a cell holds continues on the rows below.
    for (const piece of splitText(p.level === 'bullet' ? `- ${p.text}` : p.text, maxCellText))
      rows.push([{ value: piece, role }]);
  }
  return rows;
}

/** Every band of a rule set, each code once: its own, then its blocks'. */
function allBands(rules: RuleSet): BandRule[] {
  const seen = new Set<string>();
  return [...rules.bands, ...(rules.blocks ?? []).flatMap((b) => b.bands ?? [])].filter(
    (b) => !seen.has(b.code) && !!seen.add(b.code),
  );
}

/** The band table: header; label, count, share per band; the total row. */
function bandTableRows(result: ScoringResult, lang: Lang): ReportCell[][] {
  const r = messages(lang).output.report;
  const total = result.summary.unitCount;
  const rows: ReportCell[][] = [r.bandHeaders.map((h) => ({ value: h, role: 'header' as const }))];
  // The common bands, then the bands blocks have of their own, so that the counts add up to the total.
  for (const b of allBands(result.rules)) {
    const count = result.summary.counts[b.code] ?? 0;
    rows.push([
      { value: b.label[lang], role: 'bandLabel', band: b.code },
      { value: count, role: 'count' },
      { value: total > 0 ? roundedPct(count, total) / 100 : 0, role: 'percent' },
    ]);
  }
  rows.push([
    { value: r.total, role: 'totalLabel' },
    { value: total, role: 'totalCount' },
    { value: total > 0 ? 1 : 0, role: 'totalPercent' },
  ]);
  return rows;
}

/** The ranking table in rank order: rank, unit, index as a fraction (shown 0.00%), band, note. */
function rankingRows(result: ScoringResult, lang: Lang, notes: readonly string[] | undefined): ReportCell[][] {
  const r = messages(lang).output.report;
  const rows: ReportCell[][] = [r.rankingHeaders.map((h) => ({ value: h, role: 'header' as const }))];
  for (const k of result.rankOrder) {
    const u = result.units[k];
    rows.push([
      // A unit left out of ranking has no rank; its note says why (and a ranked unit's names its block).
      { value: u.ranked === false ? '' : u.rank, role: 'rank' },
      { value: u.name, role: 'unitName' },
      { value: Number((u.indexPct / 100).toFixed(4)), role: 'index' },
      { value: bandLabel(result.rules, u.band, lang), role: 'band', band: u.band },
      { value: notes?.[k] ?? demotionNote(u, result.rules, lang), role: 'note' },
    ]);
  }
  return rows;
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
  /** The longest text a cell takes (Excel's limit; smaller in tests). */
  maxCellText = MAX_CELL_TEXT,
): ReportSheetModel {
  const m = messages(lang);
  const year = settings.year;
  const rows = narrativeRows(narrative, maxCellText);
  const paragraphRows = rows.length;
  const spanRows = rows.map((_, i) => i);
  rows.push([], [{ value: fill(m.output.report.bandTableTitle, { year }), role: 'caption' }]);
  spanRows.push(rows.length - 1);
  const bandHeaderRow = rows.length;
  rows.push(...bandTableRows(result, lang), []);

  let chart: ReportSheetModel['chart'] = null;
  if (chartRows > 0) {
    chart = { firstRow: rows.length, rows: chartRows, title: fill(m.output.report.chartTitle, { year }) };
    for (let i = 0; i <= chartRows; i++) rows.push([]);
  }

  rows.push([{ value: fill(m.output.report.rankingTitle, { year, unitTerm: m.narrative.unitTerm }), role: 'caption' }]);
  spanRows.push(rows.length - 1);
  const rankingHeaderRow = rows.length;
  for (const row of rankingRows(result, lang, notes)) rows.push(row);

  return {
    rows,
    paragraphRows,
    bandTable: { headerRow: bandHeaderRow, rowCount: allBands(result.rules).length, columnCount: 3 },
    rankingTable: { headerRow: rankingHeaderRow, rowCount: result.rankOrder.length, columnCount: 5 },
    chart,
    columnWidths: REPORT_COLUMN_WIDTHS,
    spanRows,
    marker: (name) => markerValues(year, name, result.table.sheet),
  };
}

/** A 4-digit year 20xx in a text, or null. */
export function yearIn(text: string): number | null {
  const m = /(?:^|\D)(20\d\d)(?!\d)/.exec(text);
  return m ? Number(m[1]) : null;
}

export type YearSource = 'title' | 'sheet' | 'header' | 'default';

interface YearLayout {
  headerRow: number;
  lastYearIndexCol: number | null;
  lastYearBandCol: number | null;
  outputCol: number | null;
}

/** A year in the header row, leaving out last year's columns and the output block. */
function yearInHeader(grid: readonly (readonly unknown[])[], layout: YearLayout): number | null {
  const skip = new Set([layout.lastYearIndexCol, layout.lastYearBandCol]);
  const inOutput = (c: number) => layout.outputCol !== null && c >= layout.outputCol && c < layout.outputCol + 4;
  const header = grid[layout.headerRow] ?? [];
  for (let c = 0; c < header.length; c++) {
    if (skip.has(c) || inOutput(c)) continue;
    const y = yearIn(textOf(header[c]));
    if (y !== null) return y;
  }
  return null;
}

const textOf = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The report year a scoring table speaks of: a year 20xx in the rows above the header (the
 * title: "… NĂM 2021 …"), else in the sheet's name ("TH2021"), else in the header row (leaving
 * out last year's columns, which name the year before); else `fallback` (this year).
 */
export function guessReportYear(
  grid: readonly (readonly unknown[])[],
  layout: YearLayout,
  sheetName: string,
  fallback: number,
): { year: number; source: YearSource } {
  for (let r = 0; r < layout.headerRow; r++) {
    for (const v of grid[r] ?? []) {
      const y = yearIn(textOf(v));
      if (y !== null) return { year: y, source: 'title' };
    }
  }
  const fromSheet = yearIn(sheetName);
  if (fromSheet !== null) return { year: fromSheet, source: 'sheet' };
  const fromHeader = yearInHeader(grid, layout);
  if (fromHeader !== null) return { year: fromHeader, source: 'header' };
  return { year: fallback, source: 'default' };
}
