/**
 * Edits a worksheet part's XML in place: replaces the cells of a few columns in chosen rows,
 * sets column widths, widens the dimension. Everything else in the part (other cells, formulas,
 * merges, conditional formats, data validation, drawings, extensions) is copied as it was, byte
 * for byte: the scorer writes its four columns and nothing more.
 */
import { columnLetter } from '../../engine';
import { MalformedPartError, attr, escapeText, isNameEnd, removeAttr, setAttr } from './xml';

/** A cell to write: a number, a text (always a string cell, never a formula), or no value (style only). */
export interface CellWrite {
  /** 0-based column. */
  col: number;
  /** cellXfs index (0: the default look). */
  style: number;
  value: number | string | boolean | null;
}

/** A cell of `columns` that holds a value or formula, where the edit was told nothing may be. */
export class OccupiedCellError extends Error {
  constructor(readonly address: string) {
    super(`${address} is not empty`);
  }
}

/** The 0-based column of an A1 reference's letters (`AB7` → 27). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** A number as SpreadsheetML writes it: the shortest text that reads back as the same double. */
function numberText(v: number): string {
  return Number.isFinite(v) ? String(v) : '0';
}

/** One `<c>` element. Text is an inline string, so "=SUM(A1)" or "-5" stays text. */
const LETTERS: string[] = [];

/** Column letters, cached: the writer asks for the same few columns on every row. */
function letters(col: number): string {
  return (LETTERS[col] ??= columnLetter(col));
}

/** The most characters Excel keeps in a cell. */
export { MAX_CELL_TEXT } from '../../engine/cell-limit';
import { MAX_CELL_TEXT } from '../../engine/cell-limit';

/** A text longer than a cell holds: never written (Excel would cut it or repair the file). */
export class CellTooLongError extends Error {
  override name = 'CellTooLongError';
  constructor(
    readonly address: string,
    readonly length: number,
  ) {
    super(`${address}: ${length} characters, over the ${MAX_CELL_TEXT} a cell holds`);
  }
}

export function cellXml(row0: number, cell: CellWrite): string {
  const ref = `${letters(cell.col)}${row0 + 1}`;
  const s = cell.style ? ` s="${cell.style}"` : '';
  const v = cell.value;
  if (v === null || v === '') return `<c r="${ref}"${s}/>`;
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${numberText(v)}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v.length > MAX_CELL_TEXT) throw new CellTooLongError(ref, v.length);
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
}

/** Where `<sheetData>`'s rows are: [start, end) of its inner XML; a self-closing one is opened. */
function sheetDataBounds(xml: string): { xml: string; start: number; end: number } {
  const m = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!m) throw new Error('worksheet part without <sheetData>');
  if (m[1] === '/') {
    const opened = `${xml.slice(0, m.index)}<sheetData></sheetData>${xml.slice(m.index + m[0].length)}`;
    const start = m.index + '<sheetData>'.length;
    return { xml: opened, start, end: start };
  }
  const start = m.index + m[0].length;
  // From the end: the rows are most of the part.
  const end = xml.lastIndexOf('</sheetData>');
  if (end < start) throw new MalformedPartError('worksheet part: <sheetData> is not closed');
  return { xml, start, end };
}

/**
 * The `<c>` elements of the row being edited, as parallel arrays reused from row to row (10^4
 * rows would otherwise make 10^5 small objects): column, [start, end) of the element, the offset
 * of its start tag's '>', and whether it has its own `r`.
 */
const cellCol: number[] = [];
const cellStart: number[] = [];
const cellEnd: number[] = [];
const cellTagEnd: number[] = [];
const cellHasRef: boolean[] = [];

/** The column of the reference in `r="…"` of a start tag at [start, tagEnd), or -1 when it has none. Reads the letters in place. */
function refColumn(xml: string, start: number, tagEnd: number): number {
  let at = xml.indexOf(' r="', start);
  if (at < 0 || at > tagEnd) {
    // Another white space before r, or single quotes: the general reader.
    const r = attr(xml.slice(start, tagEnd + 1), 'r');
    return r === null ? -1 : columnIndex(r);
  }
  at += 4;
  let n = 0;
  for (;;) {
    const c = xml.charCodeAt(at++);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** Reads the `<c>` elements of a row's XML between [from, to) into the arrays above; returns their count. A cell without `r` follows the one before. */
function rowCells(xml: string, from: number, to: number): number {
  let count = 0;
  let col = -1;
  let i = from;
  for (;;) {
    const start = xml.indexOf('<c', i);
    if (start < 0 || start >= to) break;
    if (!isNameEnd(xml.charCodeAt(start + 2))) {
      i = start + 2;
      continue;
    }
    const tagEnd = xml.indexOf('>', start);
    const end = xml.charCodeAt(tagEnd - 1) === 47 ? tagEnd + 1 : xml.indexOf('</c>', tagEnd) + 4;
    const ref = refColumn(xml, start, tagEnd);
    col = ref < 0 ? col + 1 : ref;
    cellCol[count] = col;
    cellStart[count] = start;
    cellEnd[count] = end;
    cellTagEnd[count] = tagEnd;
    cellHasRef[count] = ref >= 0;
    count++;
    i = end;
  }
  return count;
}

/** The number in a row start tag's `r="…"` at [start, tagEnd], or -1 when it has none. */
function rowNumberAt(xml: string, start: number, tagEnd: number): number {
  let at = xml.indexOf(' r="', start);
  if (at < 0 || at > tagEnd) {
    // Another white space before r, or single quotes: the general reader.
    const r = attr(xml.slice(start, tagEnd + 1), 'r');
    return r === null ? -1 : Number(r);
  }
  at += 4;
  let n = 0;
  for (;;) {
    const c = xml.charCodeAt(at++);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** Cells in column order (already so, as the writers give them, without sorting). */
function byColumn(cells: CellWrite[]): CellWrite[] {
  for (let i = 1; i < cells.length; i++)
    if (cells[i].col < cells[i - 1].col) return cells.sort((a, b) => a.col - b.col);
  return cells;
}

/**
 * Whether the last cell of the row XML in [from, to) has its own reference and lies left of
 * column `col`, or the row has no cells: then cells for `col` and beyond go at the row's end
 * (cells before it without `r` keep their places, ours carry theirs).
 */
function lastCellBefore(xml: string, from: number, to: number, col: number): boolean {
  let at = to;
  for (;;) {
    const start = xml.lastIndexOf('<c', at - 1);
    if (start < from) return true;
    if (!isNameEnd(xml.charCodeAt(start + 2))) {
      at = start;
      continue;
    }
    const ref = refColumn(xml, start, xml.indexOf('>', start));
    return ref >= 0 && ref < col;
  }
}

/** The style index of the row's cell in column `col` (0 when it has none), scanning from the row's start. */
function styleOfCell(xml: string, from: number, to: number, col: number): number {
  let current = -1;
  for (let i = xml.indexOf('<c', from); i >= 0 && i < to; i = xml.indexOf('<c', i + 2)) {
    if (!isNameEnd(xml.charCodeAt(i + 2))) continue;
    const tagEnd = xml.indexOf('>', i);
    const ref = refColumn(xml, i, tagEnd);
    current = ref < 0 ? current + 1 : ref;
    if (current > col) return 0;
    if (current === col) {
      const s = attr(xml.slice(i, tagEnd + 1), 's');
      return s === null ? 0 : Number(s);
    }
  }
  return 0;
}

/** Whether a cell element holds the master of a shared formula (`<f t="shared" ref="…">`). */
function isSharedFormulaMaster(text: string): boolean {
  const f = /<f\b[^>]*>/.exec(text);
  return f !== null && attr(f[0], 't') === 'shared' && attr(f[0], 'ref') !== null;
}

/** Whether a cell element holds a formula, an inline string or a non-empty value. */
function cellHasContent(text: string): boolean {
  if (/<(f|is)\b/.test(text)) return true;
  const v = /<v>([\s\S]*?)<\/v>/.exec(text);
  return v !== null && v[1] !== '';
}

/**
 * Text built from many small pieces, joined a chunk at a time: a chunk's pieces die young, and
 * only the chunks (each large enough to be allocated outside the young generation) live until
 * the end, where a 10^4-row part kept every piece alive and the garbage collector copied them
 * all, twice, before the one join.
 */
export class ChunkedText {
  private pieces: string[] = [];
  private size = 0;
  private readonly chunks: string[] = [];

  constructor(private readonly chunkSize = 1 << 18) {}

  push(piece: string): void {
    this.pieces.push(piece);
    this.size += piece.length;
    if (this.size >= this.chunkSize) this.flush();
  }

  toString(): string {
    this.flush();
    return this.chunks.join('');
  }

  private flush(): void {
    if (this.pieces.length === 0) return;
    this.chunks.push(this.pieces.join(''));
    this.pieces = [];
    this.size = 0;
  }
}

export interface RowEditOptions {
  /** The 0-based columns replaced in every edited row: from..to inclusive. */
  from: number;
  to: number;
  /** Throw OccupiedCellError instead of dropping a cell of from..to that holds something. */
  mustBeEmpty?: boolean;
  /**
   * Edits the part's head (the XML before the rows, up to and with `<sheetData>`: column widths,
   * the dimension) in the same pass, so that the part is assembled once.
   */
  editHead?: (head: string) => string;
  /**
   * The height in points an edited row needs (its written text wraps), or null: the row keeps its
   * own. A row already taller keeps its height. Asked after the row's `edit`.
   */
  rowHeight?: (row0: number) => number | null;
}

/** What an edit is assembled into: new text, and spans [from, to) of the source XML copied as they are. */
interface Splice {
  text(piece: string): void;
  span(from: number, to: number): void;
}

type RowEdit = (row0: number, styleAt: (col: number) => number) => CellWrite[];

/** The source, the edit and where it goes: what every step of a splice reads. */
interface SpliceContext {
  src: string;
  options: RowEditOptions;
  edit: RowEdit;
  out: Splice;
}

/** A `<row>` element of the source: [start, rowEnd), its start tag ending at tagEnd ('>'), its `r` (-1: none). */
interface RowSpan {
  start: number;
  tagEnd: number;
  rowEnd: number;
  selfClosing: boolean;
  r: number;
}

/**
 * Rewrites the rows `rows` (0-based, ascending) of a worksheet part: in each, the cells of columns
 * from..to are removed and `edit(row0, styleAt)` cells put there in column order (`styleAt(col)`:
 * the style index of that row's existing cell in `col`, 0 if none). A row the part lacks is
 * created in its place. Other rows and cells are copied unchanged.
 */
export function editRows(xml: string, rows: readonly number[], options: RowEditOptions, edit: RowEdit): string {
  if (rows.length === 0 && !options.editHead) return xml;
  const bounds = sheetDataBounds(xml);
  const src = bounds.xml;
  const out = new ChunkedText();
  spliceRows(
    {
      src,
      options,
      edit,
      out: { text: (piece) => out.push(piece), span: (from, to) => out.push(src.slice(from, to)) },
    },
    bounds,
    rows,
  );
  return out.toString();
}

/** The next `<row>` element at or after `from`, before `end`; null when there is none. */
function nextRow(src: string, from: number, end: number): RowSpan | null {
  for (let i = from; ;) {
    const start = src.indexOf('<row', i);
    if (start < 0 || start >= end) return null;
    if (!isNameEnd(src.charCodeAt(start + 4))) {
      i = start + 4;
      continue;
    }
    const tagEnd = src.indexOf('>', start);
    const selfClosing = tagEnd > 0 && src.charCodeAt(tagEnd - 1) === 47;
    const close = tagEnd < 0 || selfClosing ? -1 : src.indexOf('</row>', tagEnd);
    // -1: the start tag or the row is not closed.
    const rowEnd = selfClosing ? tagEnd + 1 : close < 0 ? -1 : close + 6;
    if (rowEnd < 0 || rowEnd > end)
      throw new MalformedPartError(`worksheet part: a <row> at offset ${start} is not closed`);
    return { start, tagEnd, rowEnd, selfClosing, r: rowNumberAt(src, start, tagEnd) };
  }
}

/** A row's start tag with the height it needs (points), unless it is as tall already. */
function withHeight(tag: string, height: number | null): string {
  if (height === null || Number(attr(tag, 'ht') ?? '0') >= height) return tag;
  return setAttr(setAttr(tag, 'ht', String(height)), 'customHeight', '1');
}

function spliceRows(ctx: SpliceContext, bounds: { start: number; end: number }, rows: readonly number[]): void {
  const { src, options, out } = ctx;
  if (options.editHead) out.text(options.editHead(src.slice(0, bounds.start)));
  else out.span(0, bounds.start);
  let copied = bounds.start; // src before this offset is in `out`
  let k = 0; // next row of `rows` to write
  let prevRow = -1;
  let i = bounds.start;
  while (k < rows.length) {
    const row = nextRow(src, i, bounds.end);
    if (!row) break;
    const row0 = row.r < 0 ? prevRow + 1 : row.r - 1;
    prevRow = row0;
    // Rows to write that come before this one and are missing from the part.
    for (; k < rows.length && rows[k] < row0; k++) {
      out.span(copied, row.start);
      out.text(newRow(ctx, rows[k]));
      copied = row.start;
    }
    if (k < rows.length && rows[k] === row0) {
      out.span(copied, row.start);
      // The usual case: every cell of the row lies left of the edited columns, each with its reference.
      if (!row.selfClosing && lastCellBefore(src, row.tagEnd + 1, row.rowEnd - 6, options.from))
        appendCells(ctx, row, row0);
      else rewriteCells(ctx, row, row0);
      copied = row.rowEnd;
      k++;
    }
    i = row.rowEnd;
  }
  out.span(copied, bounds.end);
  while (k < rows.length) out.text(newRow(ctx, rows[k++]));
  out.span(bounds.end, src.length);
}

/** A row the part lacks, made whole. */
function newRow(ctx: SpliceContext, row0: number): string {
  const cells = ctx.edit(row0, () => 0).sort((a, b) => a.col - b.col);
  const tag = withHeight(`<row r="${row0 + 1}">`, ctx.options.rowHeight?.(row0) ?? null);
  return `${tag}${cells.map((c) => cellXml(row0, c)).join('')}</row>`;
}

/** The new cells go right before </row>; nothing else of the row is parsed. */
function appendCells(ctx: SpliceContext, row: RowSpan, row0: number): void {
  const { src, out } = ctx;
  const styleAt = (col: number) => styleOfCell(src, row.tagEnd + 1, row.rowEnd - 6, col);
  let cells = '';
  for (const w of byColumn(ctx.edit(row0, styleAt))) cells += cellXml(row0, w);
  const tag = src.slice(row.start, row.tagEnd + 1);
  const height = ctx.options.rowHeight?.(row0) ?? null;
  if (tag.includes('spans=') || height !== null) {
    out.text(withHeight(removeAttr(tag, 'spans'), height));
    out.span(row.tagEnd + 1, row.rowEnd - 6);
  } else out.span(row.start, row.rowEnd - 6);
  out.text(`${cells}</row>`);
}

/** The row's cells read one by one: those of the edited columns dropped, the new ones put in column order. */
function rewriteCells(ctx: SpliceContext, row: RowSpan, row0: number): void {
  const { src } = ctx;
  const count = row.selfClosing ? 0 : rowCells(src, row.tagEnd + 1, row.rowEnd - 6);
  const styleAt = (col: number) => {
    for (let j = 0; j < count; j++) {
      if (cellCol[j] !== col) continue;
      const s = attr(src.slice(cellStart[j], cellTagEnd[j] + 1), 's');
      return s === null ? 0 : Number(s);
    }
    return 0;
  };
  const parts = mergeCells(ctx, row, row0, count, byColumn(ctx.edit(row0, styleAt)));
  const tag = src.slice(row.start, row.tagEnd + 1);
  let openTag = removeAttr(row.selfClosing ? `${tag.slice(0, -2)}>` : tag, 'spans');
  if (row.r < 0) openTag = setAttr(openTag, 'r', String(row0 + 1));
  ctx.out.text(`${withHeight(openTag, ctx.options.rowHeight?.(row0) ?? null)}${parts.join('')}</row>`);
}

/** A dropped cell of the edited columns: refused when it must be empty and is not, or carries a shared formula. */
function checkDropped(text: string, options: RowEditOptions, col: number, row0: number): void {
  // A shared formula's first cell carries the formula for the cells that follow it: dropping it would strand them.
  if ((options.mustBeEmpty && cellHasContent(text)) || isSharedFormulaMaster(text))
    throw new OccupiedCellError(`${columnLetter(col)}${row0 + 1}`);
}

/** The row's inner XML, rebuilt: the `count` cells read by rowCells with `writes` merged in. */
function mergeCells(ctx: SpliceContext, row: RowSpan, row0: number, count: number, writes: CellWrite[]): string[] {
  const { src, options } = ctx;
  const parts: string[] = [];
  let w = 0;
  const needRef = cellHasRef.slice(0, count).includes(false);
  // Cells are copied in runs: from `run` up to the next cell that is dropped, has a write before it, or needs its reference.
  let run = row.tagEnd + 1;
  for (let j = 0; j < count; j++) {
    const col = cellCol[j];
    const drop = col >= options.from && col <= options.to;
    const stays = !drop && !(w < writes.length && writes[w].col < col) && (cellHasRef[j] || !needRef);
    if (stays) continue;
    parts.push(src.slice(run, cellStart[j]));
    while (w < writes.length && writes[w].col < col) parts.push(cellXml(row0, writes[w++]));
    run = cellEnd[j];
    const text = src.slice(cellStart[j], cellEnd[j]);
    if (drop) checkDropped(text, options, col, row0);
    else parts.push(cellHasRef[j] ? text : text.replace(/^<c\b/, `<c r="${columnLetter(col)}${row0 + 1}"`));
  }
  if (!row.selfClosing) parts.push(src.slice(run, row.rowEnd - 6));
  while (w < writes.length) parts.push(cellXml(row0, writes[w++]));
  return parts;
}

export interface ColumnLook {
  width?: number;
  hidden?: boolean;
}

interface ColRange {
  min: number;
  max: number;
  tag: string;
}

/** The part's `<cols>`: its ranges and where it is ([start, end), empty where a new one goes). */
function readCols(xml: string): { ranges: ColRange[]; start: number; end: number } {
  const m = /<cols\b[^>]*?(\/?)>/.exec(xml);
  if (!m) {
    // Right before the rows (or at the end of a head cut off there).
    const sd = xml.search(/<sheetData\b/);
    const at = sd < 0 ? xml.length : sd;
    return { ranges: [], start: at, end: at };
  }
  if (m[1] === '/') return { ranges: [], start: m.index, end: m.index + m[0].length };
  const close = xml.indexOf('</cols>', m.index);
  const inner = xml.slice(m.index + m[0].length, close);
  const ranges = [...inner.matchAll(/<col\b[^>]*?\/>|<col\b[^>]*>[\s\S]*?<\/col>/g)].map((c) => ({
    min: Number(attr(c[0], 'min')),
    max: Number(attr(c[0], 'max')),
    tag: c[0],
  }));
  return { ranges, start: m.index, end: close + '</cols>'.length };
}

/** A range without the columns `ours` (1-based, ascending): the pieces left of it, each keeping the range's look. */
function splitRange(range: ColRange, ours: readonly number[]): ColRange[] {
  const kept: ColRange[] = [];
  let from = range.min;
  for (const c of ours) {
    if (c < from || c > range.max) continue;
    if (c > from)
      kept.push({ min: from, max: c - 1, tag: setAttr(setAttr(range.tag, 'min', String(from)), 'max', String(c - 1)) });
    from = c + 1;
  }
  if (from <= range.max)
    kept.push({
      min: from,
      max: range.max,
      tag: from === range.min ? range.tag : setAttr(range.tag, 'min', String(from)),
    });
  return kept;
}

/** The `<col>` of one column (1-based) with its look. */
function colTag(c: number, look: ColumnLook): string {
  let tag = `<col min="${c}" max="${c}"`;
  tag += ` width="${look.width ?? 9.140625}"`;
  if (look.width !== undefined) tag += ' customWidth="1"';
  if (look.hidden) tag += ' hidden="1"';
  return `${tag}/>`;
}

/**
 * Sets the width (and hidden flag) of single columns (0-based) in `<cols>`, splitting any range
 * that covers them so their neighbours keep their own widths; adds `<cols>` when the part has none.
 */
export function setColumns(xml: string, looks: ReadonlyMap<number, ColumnLook>): string {
  if (looks.size === 0) return xml;
  const { ranges, start, end } = readCols(xml);
  const ours = [...looks.keys()].map((c) => c + 1).sort((a, b) => a - b);
  const kept = ranges.flatMap((range) => splitRange(range, ours));
  for (const c of ours) kept.push({ min: c, max: c, tag: colTag(c, looks.get(c - 1) as ColumnLook) });
  kept.sort((a, b) => a.min - b.min);
  return `${xml.slice(0, start)}<cols>${kept.map((r) => r.tag).join('')}</cols>${xml.slice(end)}`;
}

/** Widens `<dimension ref>` to reach column `lastCol` and row `lastRow` (0-based), if it does not. */
export function widenDimension(xml: string, lastCol: number, lastRow: number): string {
  const m = /<dimension\b[^>]*\/>/.exec(xml);
  if (!m) return xml;
  const ref = attr(m[0], 'ref') ?? 'A1';
  const [a, b = a] = ref.split(':');
  const rowOf = (x: string) => Number(x.replace(/^[A-Z]+/, '')) - 1;
  const endCol = Math.max(columnIndex(b), lastCol);
  const endRow = Math.max(rowOf(b), lastRow);
  const next = `${a}:${columnLetter(endCol)}${endRow + 1}`;
  return xml.slice(0, m.index) + setAttr(m[0], 'ref', next) + xml.slice(m.index + m[0].length);
}

/** Replaces every row of a worksheet part (e.g. the rules sheet) with these rows' cells. */
export function replaceSheetData(xml: string, rows: readonly CellWrite[][]): string {
  const bounds = sheetDataBounds(xml);
  const body = rows
    .map((cells, r) =>
      cells.length === 0
        ? ''
        : `<row r="${r + 1}">${[...cells]
            .sort((a, b) => a.col - b.col)
            .map((c) => cellXml(r, c))
            .join('')}</row>`,
    )
    .join('');
  return bounds.xml.slice(0, bounds.start) + body + bounds.xml.slice(bounds.end);
}
