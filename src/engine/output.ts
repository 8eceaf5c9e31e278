/**
 * The output block: the four columns the scorer writes beside the input (index, rank, band,
 * note), as ONE column spec: header per language, number format, width, alignment, fill, the
 * value per unit, and how a cell an earlier run wrote is recognised. Both writers (the CLI's
 * sheet XML, the add-in's Office.js) and re-run recognition (layout, output-rows.ts) read it.
 */
import { bandLabel, demotionNote } from './describe';
import { messages } from './i18n';
import { unitRowsOf, type Layout } from './layout';
import { selfAssessedNotes } from './table-checks';
import { cellText, fold } from './text';
import type { CellValue, Lang, RuleSet, ScoringResult, UnitResult } from './types';

/** Number format of the index column: a percentage with two decimals. */
export const INDEX_NUMBER_FORMAT = '0.00%';

/** Background colour per band code, for the band cell and the summary (Fluent-friendly hex). */
export const BAND_FILL: Record<string, string> = {
  excellent: '#C6EFCE',
  good: '#DDEBF7',
  complete: '#FFF2CC',
  incomplete: '#F8CBAD',
};

export interface OutputColumn {
  key: 'index' | 'rank' | 'band' | 'note';
  /** The header in a language (the text lives in i18n: output.headers). */
  header(lang: Lang): string;
  /** Number format of a unit's cell; the header and the max row's cells are text ('@'). */
  numberFormat: string;
  /** Width in characters. */
  width: number;
  /** Horizontal alignment of a unit's cell. */
  horizontal: 'general' | 'center' | 'right';
  /** A unit's cell wraps its text. */
  wrap: boolean;
  /** 'band': a unit's cell takes its band's colour (BAND_FILL). */
  fill: 'band' | null;
  /** What a unit's cell holds ('': nothing, e.g. no rank for a unit left out of ranking). */
  value(unit: UnitResult, rules: RuleSet, lang: Lang): number | string;
  /** Whether a cell of this column could be one a run wrote for a unit (re-run recognition). */
  isOwn(value: CellValue | undefined, rules: RuleSet): boolean;
}

/** The look of the block's header cells (the writers add the sheet's own font where they can). */
export const OUTPUT_HEADER_LOOK = {
  bold: true,
  wrap: true,
  horizontal: 'center',
  vertical: 'center',
  numberFormat: '@',
} as const;
/** Unit cells sit at the top of their row (a long note makes the row tall). */
export const OUTPUT_UNIT_VERTICAL = 'top';

const header = (i: number) => (lang: Lang) => messages(lang).output.headers[i];
const isBlank = (v: CellValue | undefined) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const isBandLabel = (v: CellValue | undefined, rules: RuleSet) =>
  typeof v === 'string' &&
  cellText(v) !== '' &&
  [...rules.bands, ...(rules.blocks ?? []).flatMap((b) => b.bands ?? [])].some(
    (b) => cellText(b.label.vi) === cellText(v) || cellText(b.label.en) === cellText(v),
  );

/**
 * The four columns. The index is the fraction, unrounded (0.833 shows as 83,30% under
 * INDEX_NUMBER_FORMAT; a sheet formula ranking the column agrees with the ranks).
 */
export const OUTPUT_COLUMNS: readonly OutputColumn[] = [
  {
    key: 'index',
    header: header(0),
    numberFormat: INDEX_NUMBER_FORMAT,
    width: 11,
    horizontal: 'right',
    wrap: false,
    fill: null,
    value: (u) => (u.maxScaled > 0 ? u.totalScaled / u.maxScaled : 0),
    isOwn: (v) => isBlank(v) || (typeof v === 'number' && v >= 0 && v <= 1),
  },
  {
    key: 'rank',
    header: header(1),
    numberFormat: '0',
    width: 9,
    horizontal: 'center',
    wrap: false,
    fill: null,
    // A unit left out of ranking gets no rank (its note says why).
    value: (u) => (u.ranked === false ? '' : u.rank),
    isOwn: (v) => isBlank(v) || (typeof v === 'number' && Number.isInteger(v) && v >= 1),
  },
  {
    key: 'band',
    header: header(2),
    numberFormat: '@',
    width: 28,
    horizontal: 'general',
    wrap: true,
    fill: 'band',
    value: (u, rules, lang) => bandLabel(rules, u.band, lang),
    isOwn: isBandLabel,
  },
  {
    key: 'note',
    header: header(3),
    numberFormat: '@',
    width: 70,
    horizontal: 'general',
    wrap: true,
    fill: null,
    value: (u, rules, lang) => demotionNote(u, rules, lang),
    isOwn: () => true,
  },
];

export const OUTPUT_COLUMN_COUNT = OUTPUT_COLUMNS.length;

/** Whether header texts are the output block's headers, in either language (re-run recognition). */
export function isOutputHeader(texts: readonly unknown[]): boolean {
  const folded = texts.slice(0, OUTPUT_COLUMN_COUNT).map((t) => fold(cellText(t)));
  return (['vi', 'en'] as const).some((lang) => OUTPUT_COLUMNS.every((col, i) => fold(col.header(lang)) === folded[i]));
}

/** One output row: index (fraction), rank, band label, note. */
export type OutputRow = [number, number | '', string, string];

export interface OutputBlock {
  headers: readonly string[];
  /** Parallel to result.units (sheet order). */
  rows: OutputRow[];
  /** Band code per row, for fills. */
  bands: string[];
}

export function outputBlock(result: ScoringResult, lang: Lang = 'vi'): OutputBlock {
  // A table with self-assessed points: the note also says where they differ from the appraised (table-checks.ts).
  const selfNotes = selfAssessedNotes(result, lang);
  const note = (k: number, demotion: string) => [demotion, selfNotes[k]].filter((t) => t !== '').join('. ');
  return {
    headers: OUTPUT_COLUMNS.map((col) => col.header(lang)),
    rows: result.units.map(
      (u, k) =>
        OUTPUT_COLUMNS.map((col) =>
          col.key === 'note' ? note(k, String(col.value(u, result.rules, lang))) : col.value(u, result.rules, lang),
        ) as OutputRow,
    ),
    bands: result.units.map((u) => u.band),
  };
}

/**
 * The block as the sheet gets it, from the header row to the table's last row: the headers, one
 * row per unit on its own row, the rows that are not units (the max row, a numbering row, block
 * titles, subtotals) emptied; with each cell's number format.
 */
export function outputSheetRows(
  block: OutputBlock,
  layout: Pick<Layout, 'headerRow' | 'endRow' | 'firstUnitRow' | 'unitRows'>,
): { values: CellValue[][]; formats: string[][] } {
  const text = OUTPUT_COLUMNS.map(() => OUTPUT_HEADER_LOOK.numberFormat);
  const values: CellValue[][] = [block.headers.slice()];
  const formats: string[][] = [text];
  const unitFormats = OUTPUT_COLUMNS.map((col) => col.numberFormat);
  const unitAt = new Map(unitRowsOf(layout).map((row, k) => [row, k]));
  for (let r = layout.headerRow + 1; r < Math.max(layout.endRow, layout.headerRow + 2); r++) {
    const k = unitAt.get(r);
    values.push(k === undefined ? OUTPUT_COLUMNS.map(() => '') : block.rows[k].slice());
    formats.push(k === undefined ? text : unitFormats);
  }
  return { values, formats };
}

/** True when Excel would read the text as a formula or command (it starts with =, +, - or @): writers must force it to stay text. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
