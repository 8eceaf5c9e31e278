/* The Office.js batching rule misreads exceljs objects (synchronous, nothing to load) as Excel proxies. */
/* eslint-disable office-addins/load-object-before-read */
/**
 * The xlsx side of the headless scorer: a worksheet's cells into the engine's Grid (values and
 * number formats), and the engine's output block back into a worksheet. No scoring happens here.
 */
import type ExcelJS from 'exceljs';
import { BAND_FILL, INDEX_NUMBER_FORMAT, OUTPUT_COLUMN_COUNT, cellAddress, isOwnOutputRow, type CellValue, type Layout, type OutputBlock, type RuleSet } from '../engine';

/** A sheet's values and number formats, parallel, row 1 / column A at [0][0]. */
export interface SheetGrid {
  grid: CellValue[][];
  formats: (string | null)[][];
}

/** An ISO date (yyyy-mm-dd), how a date in a score cell is shown back to the user. */
function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/**
 * One exceljs cell value as the engine sees it: numbers, text (rich text joined), booleans;
 * a formula as its cached result (null when it has none); an error value as its text
 * (`#DIV/0!`); a date as its ISO text, which the engine then reports as "not a number".
 */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : toCellValue(result as ExcelJS.CellValue);
    }
    if ('text' in value) {
      const text = (value as { text: unknown }).text;
      return typeof text === 'string' ? text : toCellValue(text as ExcelJS.CellValue);
    }
  }
  return null;
}

/** Reads every cell of a worksheet into a grid. Cells covered by a merge (not its top-left) read as empty. */
export function readSheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const grid: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const values: CellValue[] = [];
    const fmts: (string | null)[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.findCell(c);
      if (!cell || (cell.isMerged && cell.master.address !== cell.address)) {
        values.push(null);
        fmts.push(null);
        continue;
      }
      values.push(toCellValue(cell.value));
      fmts.push(cell.numFmt ?? null);
    }
    grid.push(values);
    formats.push(fmts);
  }
  return { grid, formats };
}

/** exceljs's ValueType.Date and ValueType.Formula (this module imports exceljs's types only). */
const VALUE_TYPE_DATE = 4;
const VALUE_TYPE_FORMULA = 6;

function isEmptyObject(o: object): boolean {
  for (const key in o) if (Object.prototype.hasOwnProperty.call(o, key)) return false;
  return true;
}

/**
 * Makes cells (and rows) whose styles are alike share one style object, just before the workbook
 * is written. exceljs turns each distinct style object into its xf entry (rendering the style, its
 * font, border and fill as XML to look them up), caching by object identity only: a workbook read
 * from a file gives every unstyled cell its own `{}` and the output block builds one object per
 * cell, so the write spent most of its time rendering the same few styles 10^5 times. Alike means
 * the same JSON, and the same date-ness when the style has no number format (exceljs gives a date
 * cell without one `mm-dd-yy`, any other cell General), so every cell keeps the xf it would have
 * had. Call it last: cells sharing a style object must not be restyled property by property.
 */
export function shareStyles(wb: ExcelJS.Workbook): void {
  type Style = Partial<ExcelJS.Style>;
  const canonical = new Map<string, Style>();
  // By object identity first (a read workbook already shares its styled cells' objects), then by JSON.
  const seen = new Map<object, Style>();
  const seenDate = new Map<object, Style>();
  // Most cells have an empty style: one for dates, one for the rest, without a lookup.
  let empty: Style | null = null;
  let emptyDate: Style | null = null;
  const share = (style: Style, isDate: boolean): Style => {
    if (isEmptyObject(style)) {
      if (isDate) return (emptyDate ??= style);
      return (empty ??= style);
    }
    const dateMatters = isDate && !style.numFmt;
    const memo = dateMatters ? seenDate : seen;
    const known = memo.get(style);
    if (known) return known;
    const key = (dateMatters ? 'D' : 'N') + JSON.stringify(style);
    let shared = canonical.get(key);
    if (!shared) {
      shared = style;
      canonical.set(key, style);
    }
    memo.set(style, shared);
    return shared;
  };
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.findRow(r);
      if (!row) continue;
      const styled = row as unknown as { style?: Partial<ExcelJS.Style> }; // exceljs keeps it, its typings do not say so
      if (styled.style) styled.style = share(styled.style, false);
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.findCell(c);
        if (!cell || !cell.style) continue;
        const isDate = (cell.type as number) === VALUE_TYPE_DATE || ((cell.type as number) === VALUE_TYPE_FORMULA && cell.result instanceof Date);
        cell.style = share(cell.style, isDate);
      }
    }
  }
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Widths of the four output columns (index, rank, band, note), in characters. */
export const OUTPUT_COLUMN_WIDTHS = [11, 9, 28, 70];

function isBlank(value: ExcelJS.CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The A1 addresses of non-empty cells where a first run would write (the input has something right of the table). */
export function occupiedTargetCells(ws: ExcelJS.Worksheet, layout: Layout): string[] {
  if (layout.outputCol !== null) return [];
  const out: string[] = [];
  for (let r = layout.headerRow; r < layout.endRow; r++) {
    for (let i = 0; i < OUTPUT_COLUMN_COUNT; i++) {
      const c = layout.outputTargetCol + i;
      const cell = ws.getRow(r + 1).findCell(c + 1);
      if (cell && !isBlank(cell.value)) out.push(cellAddress(r + 1, c));
    }
  }
  return out;
}

/**
 * Writes the output block into the scoring sheet: headers on the header row, nothing on the max
 * row, one row per unit, at the previous run's columns when there are some (they are replaced, and
 * the rows an earlier, longer run left right below them cleared: only rows that look exactly like
 * output of `rules` (isOwnOutputRow), up to the first that does not) or right of the input
 * columns. Every cell written is a
 * plain value (number or text), never a formula: exceljs stores text as a shared string, so a
 * text starting with "=" stays text.
 */
export function writeOutputBlock(ws: ExcelJS.Worksheet, layout: Layout, block: OutputBlock, rules: RuleSet): void {
  const first = (layout.outputCol ?? layout.outputTargetCol) + 1; // exceljs columns are 1-based
  const headerRow = ws.getRow(layout.headerRow + 1);
  const headerStyle = clone(headerRow.getCell(layout.nameCol + 1).style);

  for (let i = 0; i < OUTPUT_COLUMN_COUNT; i++) {
    const cell = headerRow.getCell(first + i);
    cell.value = block.headers[i];
    cell.style = clone(headerStyle) ?? {};
    cell.alignment = { ...(headerStyle?.alignment ?? {}), wrapText: true, vertical: 'middle', horizontal: 'center' };
    const col = ws.getColumn(first + i);
    col.width = OUTPUT_COLUMN_WIDTHS[i];
  }

  const maxRow = ws.getRow(layout.maxRow + 1);
  for (let i = 0; i < OUTPUT_COLUMN_COUNT; i++) {
    const cell = maxRow.getCell(first + i);
    cell.value = null;
    cell.style = clone(maxRow.getCell(layout.nameCol + 1).style) ?? {};
  }

  // One style object per look (the name cell's border and font, and the band's fill), shared by
  // every row that has it: cells of a column are alike, and exceljs renders a style per object.
  const looks = new Map<string, Partial<ExcelJS.Style>[]>();
  const stylesFor = (nameCell: ExcelJS.Cell, band: string): Partial<ExcelJS.Style>[] => {
    const border = nameCell.border;
    const font = nameCell.font;
    const key = `${band}\u0000${JSON.stringify([border ?? null, font ?? null])}`;
    let styles = looks.get(key);
    if (!styles) {
      const base = (): Partial<ExcelJS.Style> => {
        const style: Partial<ExcelJS.Style> = {};
        if (border) style.border = clone(border);
        if (font) style.font = clone(font);
        return style;
      };
      const fill = BAND_FILL[band];
      styles = [
        { ...base(), numFmt: INDEX_NUMBER_FORMAT, alignment: { horizontal: 'right', vertical: 'top' } },
        { ...base(), alignment: { horizontal: 'center', vertical: 'top' } },
        { ...base(), alignment: { vertical: 'top', wrapText: true }, ...(fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } } } : {}) },
        { ...base(), alignment: { vertical: 'top', wrapText: true } },
      ];
      looks.set(key, styles);
    }
    return styles;
  };
  block.rows.forEach((values, k) => {
    const sheetRow = layout.firstUnitRow + k + 1;
    const row = ws.getRow(sheetRow);
    const styles = stylesFor(row.getCell(layout.nameCol + 1), block.bands[k]);
    const [index, rank, band, note] = values;
    const cells = [0, 1, 2, 3].map((i) => row.getCell(first + i));
    cells.forEach((cell, i) => (cell.style = styles[i]));
    cells[0].value = index;
    cells[1].value = rank;
    cells[2].value = band;
    cells[3].value = note === '' ? null : note;
  });

  // A previous run may have had more units: clear its rows left right below, in these columns
  // only, stopping at the first row that is not one of ours (a signature, a note typed there).
  if (layout.outputCol !== null) {
    for (let r = layout.firstUnitRow + block.rows.length + 1; r <= ws.rowCount; r++) {
      const row = ws.findRow(r);
      if (!row) break;
      const cells: CellValue[] = [];
      for (let i = 0; i < OUTPUT_COLUMN_COUNT; i++) {
        const cell = row.findCell(first + i);
        cells.push(cell ? toCellValue(cell.value) : null);
      }
      if (!isOwnOutputRow(cells, rules)) break;
      for (let i = 0; i < OUTPUT_COLUMN_COUNT; i++) {
        const cell = row.findCell(first + i);
        if (!cell) continue;
        cell.value = null;
        cell.style = {};
      }
    }
  }
}
