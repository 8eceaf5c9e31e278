/**
 * Edits a worksheet part's XML in place: replaces the cells of a few columns in chosen rows,
 * sets column widths, widens the dimension. Everything else in the part (other cells, formulas,
 * merges, conditional formats, data validation, drawings, extensions) is copied as it was, byte
 * for byte: the scorer writes its four columns and nothing more.
 */
import { columnLetter } from '../../engine';
import { attr, escapeText, removeAttr, setAttr } from './xml';

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
export function cellXml(row0: number, cell: CellWrite): string {
  const ref = `${columnLetter(cell.col)}${row0 + 1}`;
  const s = cell.style ? ` s="${cell.style}"` : '';
  const v = cell.value;
  if (v === null || v === '') return `<c r="${ref}"${s}/>`;
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${numberText(v)}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
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
  return { xml, start, end: xml.indexOf('</sheetData>', start) };
}

function isNameEnd(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

interface ParsedCell {
  col: number;
  text: string;
  hasRef: boolean;
}

/** The `<c>` elements of a row's inner XML, with their columns (a cell without `r` follows the one before). */
function rowCells(inner: string): ParsedCell[] {
  const cells: ParsedCell[] = [];
  let col = -1;
  let i = 0;
  for (;;) {
    const start = inner.indexOf('<c', i);
    if (start < 0) break;
    if (!isNameEnd(inner.charCodeAt(start + 2))) {
      i = start + 2;
      continue;
    }
    const tagEnd = inner.indexOf('>', start);
    const tag = inner.slice(start, tagEnd + 1);
    let end: number;
    if (inner[tagEnd - 1] === '/') end = tagEnd + 1;
    else {
      const close = inner.indexOf('</c>', tagEnd);
      end = close + 4;
    }
    const r = attr(tag, 'r');
    col = r === null ? col + 1 : columnIndex(r);
    cells.push({ col, text: inner.slice(start, end), hasRef: r !== null });
    i = end;
  }
  return cells;
}

/** Whether a cell element holds a formula, an inline string or a non-empty value. */
function cellHasContent(text: string): boolean {
  if (/<(f|is)\b/.test(text)) return true;
  const v = /<v>([\s\S]*?)<\/v>/.exec(text);
  return v !== null && v[1] !== '';
}

export interface RowEditOptions {
  /** The 0-based columns replaced in every edited row: from..to inclusive. */
  from: number;
  to: number;
  /** Throw OccupiedCellError instead of dropping a cell of from..to that holds something. */
  mustBeEmpty?: boolean;
}

/**
 * Rewrites the rows `rows` (0-based, ascending) of a worksheet part: in each, the cells of columns
 * from..to are removed and `edit(row0, styleAt)` cells put there in column order (`styleAt(col)`:
 * the style index of that row's existing cell in `col`, 0 if none). A row the part lacks is
 * created in its place. Other rows and cells are copied unchanged.
 */
export function editRows(xml: string, rows: readonly number[], options: RowEditOptions, edit: (row0: number, styleAt: (col: number) => number) => CellWrite[]): string {
  if (rows.length === 0) return xml;
  const bounds = sheetDataBounds(xml);
  const src = bounds.xml;
  const out: string[] = [src.slice(0, bounds.start)];
  let copied = bounds.start; // src before this offset is in `out`
  let k = 0; // next row of `rows` to write
  let prevRow = -1;
  let i = bounds.start;

  const newRow = (row0: number) => {
    const cells = edit(row0, () => 0).sort((a, b) => a.col - b.col);
    return `<row r="${row0 + 1}">${cells.map((c) => cellXml(row0, c)).join('')}</row>`;
  };

  while (k < rows.length) {
    const start = src.indexOf('<row', i);
    if (start < 0 || start >= bounds.end) break;
    if (!isNameEnd(src.charCodeAt(start + 4))) {
      i = start + 4;
      continue;
    }
    const tagEnd = src.indexOf('>', start);
    const tag = src.slice(start, tagEnd + 1);
    const selfClosing = src[tagEnd - 1] === '/';
    const rowEnd = selfClosing ? tagEnd + 1 : src.indexOf('</row>', tagEnd) + 6;
    const r = attr(tag, 'r');
    const row0 = r === null ? prevRow + 1 : Number(r) - 1;
    prevRow = row0;
    // Rows to write that come before this one and are missing from the part.
    while (k < rows.length && rows[k] < row0) {
      out.push(src.slice(copied, start), newRow(rows[k]));
      copied = start;
      k++;
    }
    if (k < rows.length && rows[k] === row0) {
      const inner = selfClosing ? '' : src.slice(tagEnd + 1, rowEnd - 6);
      const cells = rowCells(inner);
      const styleAt = (col: number) => {
        const cell = cells.find((c) => c.col === col);
        const s = cell ? attr(cell.text.slice(0, cell.text.indexOf('>') + 1), 's') : null;
        return s === null ? 0 : Number(s);
      };
      const writes = edit(row0, styleAt).sort((a, b) => a.col - b.col);
      const parts: string[] = [];
      let w = 0;
      const needRef = cells.some((c) => !c.hasRef);
      for (const cell of cells) {
        if (cell.col >= options.from && cell.col <= options.to) {
          if (options.mustBeEmpty && cellHasContent(cell.text)) throw new OccupiedCellError(`${columnLetter(cell.col)}${row0 + 1}`);
          continue;
        }
        while (w < writes.length && writes[w].col < cell.col) parts.push(cellXml(row0, writes[w++]));
        parts.push(needRef && !cell.hasRef ? cell.text.replace(/^<c\b/, `<c r="${columnLetter(cell.col)}${row0 + 1}"`) : cell.text);
      }
      while (w < writes.length) parts.push(cellXml(row0, writes[w++]));
      let openTag = removeAttr(selfClosing ? `${tag.slice(0, -2)}>` : tag, 'spans');
      if (r === null) openTag = setAttr(openTag, 'r', String(row0 + 1));
      out.push(src.slice(copied, start), openTag, parts.join(''), '</row>');
      copied = rowEnd;
      k++;
    }
    i = rowEnd;
  }
  out.push(src.slice(copied, bounds.end));
  while (k < rows.length) out.push(newRow(rows[k++]));
  out.push(src.slice(bounds.end));
  return out.join('');
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

/**
 * Sets the width (and hidden flag) of single columns (0-based) in `<cols>`, splitting any range
 * that covers them so their neighbours keep their own widths; adds `<cols>` when the part has none.
 */
export function setColumns(xml: string, looks: ReadonlyMap<number, ColumnLook>): string {
  if (looks.size === 0) return xml;
  const m = /<cols\b[^>]*?(\/?)>/.exec(xml);
  let ranges: ColRange[] = [];
  let start: number;
  let end: number;
  if (m) {
    start = m.index;
    if (m[1] === '/') end = m.index + m[0].length;
    else {
      const close = xml.indexOf('</cols>', m.index);
      end = close + '</cols>'.length;
      const inner = xml.slice(m.index + m[0].length, close);
      ranges = [...inner.matchAll(/<col\b[^>]*?\/>|<col\b[^>]*>[\s\S]*?<\/col>/g)].map((c) => ({ min: Number(attr(c[0], 'min')), max: Number(attr(c[0], 'max')), tag: c[0] }));
    }
  } else {
    const sd = xml.search(/<sheetData\b/);
    start = sd;
    end = sd;
  }
  const ours = [...looks.keys()].map((c) => c + 1).sort((a, b) => a - b);
  const kept: ColRange[] = [];
  for (const range of ranges) {
    // Split the range around our columns.
    let from = range.min;
    for (const c of ours) {
      if (c < from || c > range.max) continue;
      if (c > from) kept.push({ min: from, max: c - 1, tag: setAttr(setAttr(range.tag, 'min', String(from)), 'max', String(c - 1)) });
      from = c + 1;
    }
    if (from <= range.max) kept.push({ min: from, max: range.max, tag: from === range.min ? range.tag : setAttr(range.tag, 'min', String(from)) });
  }
  for (const c of ours) {
    const look = looks.get(c - 1) as ColumnLook;
    let tag = `<col min="${c}" max="${c}"`;
    tag += ` width="${look.width ?? 9.140625}"`;
    if (look.width !== undefined) tag += ' customWidth="1"';
    if (look.hidden) tag += ' hidden="1"';
    kept.push({ min: c, max: c, tag: `${tag}/>` });
  }
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
    .map((cells, r) => (cells.length === 0 ? '' : `<row r="${r + 1}">${[...cells].sort((a, b) => a.col - b.col).map((c) => cellXml(r, c)).join('')}</row>`))
    .join('');
  return bounds.xml.slice(0, bounds.start) + body + bounds.xml.slice(bounds.end);
}
