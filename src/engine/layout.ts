/**
 * Finding the scoring table in a sheet's grid of values, and reading it into a validated
 * ScoringTable. Both shells (the xlsx scorer and the Excel add-in) hand over a plain grid.
 */
import { cellAddress, columnLetter, qualifiedAddress } from './address';
import { parseNumberText, toScaled } from './decimal';
import { cellText, fold, foldHash, nameScan, packVietnameseKey, scanPlainName } from './text';
import { keyRoom, reserveSheetKeys, type SheetKeys } from './name-order';
import { INVALID_CELL, NOT_APPLICABLE_CELL, columnarTable, scratchInt32, type TableColumns } from './columns';
import type { BandCode, CellValue, FieldDef, FieldScore, Finding, FindingCode, RuleSet, ScoringTable } from './types';

/** A sheet's values, row by row. `grid[0][0]` is the cell at `origin`. */
export type Grid = readonly (readonly CellValue[])[];

/** Where the grid sits in the sheet (1-based row, 0-based column of its top-left cell). */
export interface Origin {
  row: number;
  col: number;
}

export const SHEET_ORIGIN: Origin = { row: 1, col: 0 };

/** Header texts (folded) that name the unit column. */
export const NAME_HEADERS = ['ten don vi', 'don vi', 'ten xa', 'unit', 'unit name', 'ten don vi, dia phuong'];
/** Name-cell texts (folded) of the max-points row. */
export const MAX_ROW_NAMES = ['diem toi da', 'max', 'max points', 'maximum'];
/** Cell texts (folded) that mark a field as not applicable to a unit. */
export const NOT_APPLICABLE = ['kad', 'khong ap dung', 'n/a', 'na', 'k/ad'];

/** The output columns the scorer writes, in order (folded headers used to recognise them). */
export const OUTPUT_HEADERS_FOLDED = ['chi so (%)', 'xep hang', 'xep loai', 'ghi chu'];
const OUTPUT_HEADERS_FOLDED_EN = ['index (%)', 'rank', 'band', 'note'];

export type ColumnKind = 'stt' | 'name' | 'field' | 'bonus' | 'deduction' | 'total' | 'lastYearIndex' | 'lastYearBand';

/** Where each part of the scoring table is, as 0-based grid indexes. */
export interface Layout {
  headerRow: number;
  /** For a header over two rows: the upper row (column titles merged down, group titles). Absent otherwise. */
  topHeaderRow?: number;
  maxRow: number;
  firstUnitRow: number;
  /** One past the last unit row. */
  endRow: number;
  nameCol: number;
  sttCol: number | null;
  fieldCols: number[];
  bonusCol: number | null;
  deductionCol: number | null;
  totalCol: number | null;
  lastYearIndexCol: number | null;
  lastYearBandCol: number | null;
  /** First column of the scorer's own output block, where a previous run left it. */
  outputCol: number | null;
  /** The first column after the input columns: where the output block goes. */
  outputTargetCol: number;
}

export type LayoutResult = { ok: true; layout: Layout } | { ok: false; reason: 'noHeader' | 'noMaxRow' | 'noFields'; detail: string };

/** Folded headers of the total column: "Tổng điểm", "Tổng cộng", "Tổng số điểm", "Điểm tổng", "Tổng điểm đạt", "Total"… */
const TOTAL_HEADERS = ['tong', 'tong diem', 'tong cong', 'tong so diem', 'diem tong', 'total', 'total points', 'total score'];

function isTotalHeader(folded: string): boolean {
  if (TOTAL_HEADERS.includes(folded)) return true;
  // With more words after: "Tổng điểm đạt", "Tổng điểm thẩm định", "Tổng cộng (điểm)".
  return ['tong diem ', 'tong cong ', 'tong so diem ', 'diem tong ', 'total points '].some((p) => folded.startsWith(p));
}

function classifyHeader(folded: string): ColumnKind {
  if (folded === 'stt' || folded === 'tt' || folded === 'no.' || folded === 'no') return 'stt';
  if (folded.startsWith('diem cong') || folded.startsWith('bonus')) return 'bonus';
  if (folded.startsWith('diem tru') || folded.startsWith('deduction')) return 'deduction';
  if (isTotalHeader(folded)) return 'total';
  if (folded.startsWith('chi so nam truoc') || folded.startsWith("last year's index") || folded.startsWith('last year index')) return 'lastYearIndex';
  if (folded.startsWith('xep loai nam truoc') || folded.startsWith("last year's band") || folded.startsWith('last year band')) return 'lastYearBand';
  return 'field';
}

function isOutputBlock(row: readonly CellValue[], col: number): boolean {
  const heads = [0, 1, 2, 3].map((i) => fold(cellText(row[col + i])));
  return heads.every((h, i) => h === OUTPUT_HEADERS_FOLDED[i]) || heads.every((h, i) => h === OUTPUT_HEADERS_FOLDED_EN[i]);
}

/**
 * Finds the standard layout: a header row whose name column says "Tên đơn vị" (or an alias),
 * the "Điểm tối đa" row right under it, then one row per unit until an empty name.
 * Looks at the first `scanRows` rows. `origin`: where the grid sits in the sheet (a selection
 * at D6), for the cell a failure names.
 */
export function detectLayout(grid: Grid, scanRows = 50, origin: Origin = SHEET_ORIGIN): LayoutResult {
  return locateLayout(grid, scanRows, origin, true);
}

/**
 * detectLayout; with `findEnd` false, the units' end is left to readTableToEnd, which finds it
 * while reading (one pass over the rows instead of two): `endRow` is then not yet set. Internal
 * to the engine (scoreGrid).
 */
export function locateLayout(grid: Grid, scanRows: number, origin: Origin, findEnd: boolean): LayoutResult {
  let headerSeen = false;
  for (let r = 0; r < Math.min(grid.length, scanRows); r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (!NAME_HEADERS.includes(fold(cellText(row[c])))) continue;
      headerSeen = true;
      const next = grid[r + 1] ?? [];
      if (MAX_ROW_NAMES.includes(fold(cellText(next[c])))) return layoutFrom(grid, r, c, origin, findEnd);
      // A header over two rows: "Tên đơn vị" merged down, the field names on the row under it.
      if (cellText(next[c]) === '' && MAX_ROW_NAMES.includes(fold(cellText(grid[r + 2]?.[c])))) return layoutFrom(grid, r + 1, c, origin, findEnd, r);
    }
  }
  return headerSeen
    ? { ok: false, reason: 'noMaxRow', detail: 'Điểm tối đa' }
    : { ok: false, reason: 'noHeader', detail: 'Tên đơn vị' };
}

/**
 * A column's header text: the header row's, or for a header over two rows, the lower row's
 * where it has one, else the upper row's (a column whose title is merged down both rows).
 */
export function headerText(grid: Grid, layout: Pick<Layout, 'headerRow' | 'topHeaderRow'>, col: number): string {
  const text = cellText(grid[layout.headerRow]?.[col] ?? null);
  if (text !== '' || layout.topHeaderRow === undefined) return text;
  return cellText(grid[layout.topHeaderRow]?.[col] ?? null);
}

function layoutFrom(grid: Grid, headerRow: number, nameCol: number, origin: Origin, findEnd: boolean, topHeaderRow?: number): LayoutResult {
  const rows = topHeaderRow === undefined ? { headerRow } : { headerRow, topHeaderRow };
  const width = Math.max(grid[headerRow]?.length ?? 0, topHeaderRow === undefined ? 0 : (grid[topHeaderRow]?.length ?? 0));
  const header: string[] = Array.from({ length: width }, (_, c) => headerText(grid, rows, c));
  let sttCol: number | null = null;
  for (let c = 0; c < nameCol; c++) if (classifyHeader(fold(cellText(header[c]))) === 'stt') sttCol = c;
  const layout: Layout = {
    headerRow,
    ...(topHeaderRow === undefined ? {} : { topHeaderRow }),
    maxRow: headerRow + 1,
    firstUnitRow: headerRow + 2,
    endRow: headerRow + 2,
    nameCol,
    sttCol,
    fieldCols: [],
    bonusCol: null,
    deductionCol: null,
    totalCol: null,
    lastYearIndexCol: null,
    lastYearBandCol: null,
    outputCol: null,
    outputTargetCol: nameCol + 1,
  };
  let c = nameCol + 1;
  for (; c < header.length; c++) {
    const folded = fold(cellText(header[c]));
    if (folded === '') break;
    if (isOutputBlock(header, c)) {
      layout.outputCol = c;
      break;
    }
    const kind = classifyHeader(folded);
    if (kind === 'field') layout.fieldCols.push(c);
    else if (kind === 'bonus') layout.bonusCol = c;
    else if (kind === 'deduction') layout.deductionCol = c;
    else if (kind === 'total') layout.totalCol = c;
    else if (kind === 'lastYearIndex') layout.lastYearIndexCol = c;
    else if (kind === 'lastYearBand') layout.lastYearBandCol = c;
  }
  layout.outputTargetCol = layout.outputCol ?? c;
  if (layout.fieldCols.length === 0) return { ok: false, reason: 'noFields', detail: cellAddress(origin.row + headerRow, origin.col + nameCol) };
  if (findEnd) layout.endRow = unitsEnd(grid, layout.firstUnitRow, nameCol);
  return { ok: true, layout };
}

/** One past the last unit row from `firstUnitRow`: the first row whose name is blank or a totals row. */
function unitsEnd(grid: Grid, firstUnitRow: number, nameCol: number): number {
  let r = firstUnitRow;
  while (r < grid.length && !isBlankText(grid[r]?.[nameCol]) && !isSummaryRow(grid[r]?.[nameCol])) r++;
  return r;
}

/** Options for reading a table. */
export interface ReadOptions {
  origin?: Origin;
  /** Number formats parallel to the grid; a '%' format marks a cell holding a fraction (0.8 = 80%). */
  formats?: readonly (readonly (string | null | undefined)[])[];
  /** The rule set, to recognise last year's band labels. */
  rules?: RuleSet;
}

class FindingSink {
  readonly findings: Finding[] = [];
  constructor(private readonly sheet: string) {}
  add(severity: Finding['severity'], address: string, code: FindingCode, params: Finding['params'] = {}) {
    this.findings.push({ severity, sheet: this.sheet, address, cell: qualifiedAddress(this.sheet, address), code, params });
  }
}

type NumberRead = { ok: true; scaled: number } | { ok: false };

/**
 * Reads a numeric cell to scaled points, reporting text read as a number (warning),
 * ambiguous text, non-numbers, Excel error values and over-precise numbers.
 */
function readNumber(value: CellValue, address: string, sink: FindingSink, pointsUnit = false): NumberRead {
  const n = readRawNumber(value, address, sink, false, pointsUnit);
  if (n === null) return { ok: false };
  const s = toScaled(n);
  if (!s.ok) {
    sink.add('error', address, 'notANumber', { value: String(value) });
    return { ok: false };
  }
  if (s.rounded) sink.add('warning', address, 'tooManyDecimals', { value: n, number: s.scaled / 1e4 });
  return { ok: true, scaled: s.scaled };
}

/** A unit of points written after the number: "10 điểm", "10đ", "10 đ.". */
const POINTS_UNIT = /\s*(?:điểm|đ\.?)$/iu;

/**
 * The number a cell holds, as given (not yet scaled), reporting text read as a number (warning),
 * ambiguous text, non-numbers and Excel error values; null when there is no number.
 * `percentText`: a trailing % on text is dropped ("83,3%" is 83.3); `pointsUnit`: a trailing
 * "điểm" / "đ" / "đ." is ("10 điểm" is 10).
 */
function readRawNumber(value: CellValue, address: string, sink: FindingSink, percentText: boolean, pointsUnit = false): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') {
    sink.add('error', address, 'notANumber', { value: String(value) });
    return null;
  }
  let t = cellText(value);
  if (t.startsWith('#')) {
    sink.add('error', address, 'cellError', { value: t });
    return null;
  }
  const given = t;
  if (percentText && t.endsWith('%')) t = t.slice(0, -1).trim();
  if (pointsUnit) t = t.replace(POINTS_UNIT, '');
  const parsed = parseNumberText(t);
  const shown = pointsUnit ? given : t;
  if (parsed.kind === 'ambiguous') {
    sink.add('error', address, 'ambiguousNumber', { value: shown, readings: parsed.readings.join(' | ') });
    return null;
  }
  if (parsed.kind === 'none') {
    sink.add('error', address, 'notANumber', { value: shown });
    return null;
  }
  sink.add('warning', address, 'numberFromText', { value: shown, number: parsed.value });
  return parsed.value;
}

/** Name-cell texts (folded) of a totals or average row under the units: the units end there. */
export const SUMMARY_ROW_NAMES = ['tong', 'tong cong', 'cong', 'tong so', 'trung binh', 'trung binh chung', 'binh quan', 'chi so binh quan', 'total', 'sum', 'average', 'mean'];

/** A totals or average row ("Tổng cộng", "Bình quân", "Total"), which is not a unit. Cheap for ordinary names. */
function isSummaryRow(value: CellValue | undefined): boolean {
  if (typeof value !== 'string' || value.length > 24) return false;
  const c = value.trimStart().charAt(0).toLowerCase();
  // Only names starting like one of the summary words are folded.
  if (!'tcbsam'.includes(c) || c === '') return false;
  const folded = fold(cellText(value)).replace(/[:.]$/, '');
  return SUMMARY_ROW_NAMES.includes(folded);
}

/**
 * cellText(value) === '', quickly for the usual name cell: a string starting with a printable
 * character other than a space (NFC can merge it with what follows, never remove it), a number
 * or a boolean is not blank.
 */
function isBlankText(value: CellValue | undefined): boolean {
  if (typeof value === 'string' && value.length > 0) {
    const c = value.charCodeAt(0);
    if ((c > 0x20 && c < 0x7f) || (c > 0xa0 && c < 0x300) || (c >= 0x1e00 && c < 0x1f00)) return false;
  } else if (typeof value === 'number' || typeof value === 'boolean') return false;
  return cellText(value) === '';
}

/** foldHash of each SUMMARY_ROW_NAMES entry (folded already). */
let summaryHashes: Int32Array | null = null;
/** 1 at (h & 1023) for each of summaryHashes' h: nearly every name's hash is ruled out by one look. */
const summaryHashSlots = new Uint8Array(1024);

function isSummaryHash(h: number): boolean {
  if (summaryHashes === null) {
    summaryHashes = Int32Array.from(SUMMARY_ROW_NAMES, (t) => foldHash(t));
    for (const x of summaryHashes) summaryHashSlots[x & 1023] = 1;
  }
  return summaryHashSlots[h & 1023] !== 0 && summaryHashes.includes(h);
}

/**
 * isSummaryRow(value), given name = cellText(value), its fold hash h and whether it has a ':' or
 * '.' (scanPlainName's), with no string made for the usual name: a name that is its cell's text
 * as given (so has no leading white space) and does not start with a letter of a summary word is
 * none; nor is one whose folded text (hash h) is none of the summary words, unless it has a ':'
 * or '.' (which fold keeps, and isSummaryRow drops at the end). Every other name is checked by
 * isSummaryRow itself.
 */
function endsUnits(value: string, h: number, stops: boolean): boolean {
  if (value.length > 24) return false;
  // t, c, b, s, a, m in either case (no other character lowers to one of them).
  const c = value.charCodeAt(0) | 0x20;
  if (c !== 0x74 && c !== 0x63 && c !== 0x62 && c !== 0x73 && c !== 0x61 && c !== 0x6d) return false;
  return (stops || isSummaryHash(h)) && isSummaryRow(value);
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Reads and validates the table the layout points at. Every finding names its cell. */
export function readTable(grid: Grid, layout: Layout, sheet: string, options: ReadOptions = {}): { table: ScoringTable; findings: Finding[] } {
  return readUnits(grid, layout, sheet, options, false);
}

/**
 * readTable for a layout from locateLayout(…, findEnd = false): the units' end is found while
 * reading them, and set in `layout.endRow`. Internal to the engine (scoreGrid).
 */
export function readTableToEnd(grid: Grid, layout: Layout, sheet: string, options: ReadOptions = {}): { table: ScoringTable; findings: Finding[] } {
  return readUnits(grid, layout, sheet, options, true);
}

/** At most this many partitions of the names' hashes (duplicateNames). */
const MAX_PARTS = 1 << 16;

/**
 * firstOf[k]: the first unit j < k whose name folds like names[k] (equal fold hashes, confirmed
 * by comparing the folded names), or -1. The units are first split by the top bits of their
 * hashes into partitions of about 2,000, keeping their order (a counting sort, writing to few
 * places at a time), each unit with its hash beside it (so that a partition is read in order,
 * not a cache line of `hashes` per unit); each partition is then checked with a small
 * open-addressing table that stays in cache, where one table for all units would miss the cache
 * on nearly every probe. `byPart` (2n) and `partStart` (MAX_PARTS + 1, zeros) are working memory.
 */
function duplicateNames(names: readonly string[], hashes: Int32Array, n: number, firstOf: Int32Array, byPart: Int32Array, partStart: Int32Array): void {
  let bits = 0;
  while (bits < 16 && n >>> bits > 2048) bits++;
  const parts = 1 << bits;
  // h >>> 32 is h: with one partition, every unit is in partition 0 by a mask instead.
  const shift = bits === 0 ? 0 : 32 - bits;
  const mask = bits === 0 ? 0 : -1;
  for (let k = 0; k < n; k++) partStart[((hashes[k] >>> shift) & mask) + 1]++;
  for (let p = 1; p <= parts; p++) partStart[p] += partStart[p - 1];
  // partStart[p] moves from the start of partition p to its end (the start of p + 1).
  for (let k = 0; k < n; k++) {
    const h = hashes[k];
    const at = 2 * partStart[(h >>> shift) & mask]++;
    byPart[at] = k;
    byPart[at + 1] = h;
  }
  for (let p = 0; p < parts; p++) {
    const from = p === 0 ? 0 : partStart[p - 1];
    const to = partStart[p];
    if (to === from) continue;
    checkPartition(names, byPart, from, to, firstOf);
  }
}

/** duplicateNames' table (reused, grown as needed). */
let partSlots = new Int32Array(1 << 14);

/** duplicateNames for the units of one partition: byPart[2 × from .. 2 × to) as (unit, hash) pairs. */
function checkPartition(names: readonly string[], byPart: Int32Array, from: number, to: number, firstOf: Int32Array): void {
  // Two numbers a slot: unit index + 1 (0: free) and the name's hash.
  let size = 2;
  while (size < 2 * (to - from)) size <<= 1;
  if (partSlots.length < 2 * size) partSlots = new Int32Array(2 * size);
  const slots = partSlots;
  slots.fill(0, 0, 2 * size);
  const mask = 2 * size - 1;
  for (let at = 2 * from; at < 2 * to; at += 2) {
    const k = byPart[at];
    const h = byPart[at + 1];
    let slot = (h << 1) & mask;
    let first = -1;
    for (let j = slots[slot]; j !== 0; j = slots[slot]) {
      if (slots[slot + 1] === h && fold(names[j - 1]) === fold(names[k])) {
        first = j - 1;
        break;
      }
      slot = (slot + 2) & mask;
    }
    if (first < 0) {
      slots[slot] = k + 1;
      slots[slot + 1] = h;
    }
    firstOf[k] = first;
  }
}

/**
 * readUnits' names pass: each unit's name (its text as given when plain, else cellText), fold
 * hash and collation key, until the units' end when `findEnd`; returns the number of units.
 * A function of its own, so that its loop stays optimised whatever the rest of readUnits meets.
 */
function readNames(grid: Grid, firstUnitRow: number, nameCol: number, rows: number, findEnd: boolean, names: string[], nameHashes: Int32Array, keys: SheetKeys): number {
  let keyAt = 0;
  let n = rows;
  for (let k = 0; k < n; k++) {
    const value = grid[firstUnitRow + k]?.[nameCol];
    let name: string;
    let h: number;
    let keyWords: number;
    let end: boolean;
    // One pass over the usual name (its text as given): plain check, fold hash, collation key.
    if (typeof value === 'string' && scanPlainName(value, keyRoom(keys, keyAt, ((3 * value.length) >> 2) + 2), keyAt)) {
      name = value;
      h = nameScan.hash;
      keyWords = nameScan.keyWords;
      end = findEnd && (name === '' || endsUnits(value, h, nameScan.stops));
    } else {
      name = cellText(value ?? null);
      h = foldHash(name);
      keyWords = packVietnameseKey(name, keyRoom(keys, keyAt, ((3 * name.length) >> 2) + 2), keyAt);
      end = findEnd && (name === '' || isSummaryRow(value));
    }
    if (end) {
      n = k;
      break;
    }
    names[k] = name;
    nameHashes[k] = h;
    keys.start[k] = keyAt;
    keys.len[k] = keyWords;
    if (keyWords > 0) keyAt += keyWords;
  }
  return n;
}

/**
 * readUnits' usual rows, from unit `from`: each row whose name has no earlier duplicate and whose
 * every score is a number taking the fast path (no finding) has its points written; returns the
 * first unit that is not such a row (or n), for readUnits to read with its findings. A function
 * of its own, so that its loop stays optimised whatever the rest of readUnits meets.
 */
function fastScoreRows(
  grid: Grid,
  firstUnitRow: number,
  from: number,
  n: number,
  fieldCols: Int32Array,
  limits: Float64Array,
  firstOf: Int32Array,
  scaledCells: Int32Array | Float64Array,
): number {
  const nf = fieldCols.length;
  let k = from;
  rows: for (; k < n; k++) {
    if (firstOf[k] >= 0) break;
    const row = grid[firstUnitRow + k];
    if (row === undefined) break;
    const base = k * nf;
    for (let i = 0; i < nf; i++) {
      const value = row[fieldCols[i]];
      if (typeof value !== 'number') break rows;
      const raw = value * 1e4;
      const scaled = Math.round(raw) + 0; // never -0
      if (!(scaled >= 0 && scaled <= limits[i] && Math.abs(raw - scaled) <= 1e-9 * Math.max(1, raw))) break rows;
      scaledCells[base + i] = scaled;
    }
  }
  return k;
}

function readUnits(grid: Grid, layout: Layout, sheet: string, options: ReadOptions, findEnd: boolean): { table: ScoringTable; findings: Finding[] } {
  // Last year's index needs the units' end before reading them (the fraction check below).
  if (findEnd && layout.lastYearIndexCol !== null) {
    layout.endRow = unitsEnd(grid, layout.firstUnitRow, layout.nameCol);
    findEnd = false;
  }
  const origin = options.origin ?? SHEET_ORIGIN;
  const sink = new FindingSink(sheet);
  const addr = (r: number, c: number) => cellAddress(origin.row + r, origin.col + c);
  const at = (r: number, c: number): CellValue => grid[r]?.[c] ?? null;
  const isPercentFormat = (r: number, c: number) => /%/.test(options.formats?.[r]?.[c] ?? '');

  const fields: FieldDef[] = layout.fieldCols.map((c) => {
    const maxAddress = addr(layout.maxRow, c);
    const raw = at(layout.maxRow, c);
    let maxScaled: number | null = null;
    if (isEmpty(raw)) sink.add('error', maxAddress, 'missingMax', { field: cellText(at(layout.headerRow, c)) });
    else {
      const n = readNumber(raw, maxAddress, sink, true);
      if (n.ok && n.scaled < 0) sink.add('error', maxAddress, 'negative', { value: n.scaled / 1e4 });
      else if (n.ok && n.scaled === 0) sink.add('error', maxAddress, 'zeroMax', { field: headerText(grid, layout, c) });
      else if (n.ok) maxScaled = n.scaled;
    }
    return { label: headerText(grid, layout, c), maxScaled, column: columnLetter(origin.col + c), maxAddress };
  });

  if (!findEnd && layout.endRow === layout.firstUnitRow) sink.add('error', addr(layout.firstUnitRow, layout.nameCol), 'noUnits');

  const bandByText = new Map<string, BandCode>();
  for (const b of options.rules?.bands ?? []) {
    bandByText.set(fold(b.code), b.code);
    bandByText.set(fold(b.label.vi), b.code);
    bandByText.set(fold(b.label.en), b.code);
  }

  /** A score cell the fast path did not take, with its findings. */
  const readScore = (value: CellValue, r: number, c: number, i: number, name: string): FieldScore => {
    const address = addr(r, c);
    if (isEmpty(value)) {
      sink.add('error', address, 'emptyScore', { unit: name, field: fields[i].label });
      return { kind: 'invalid' };
    }
    if (typeof value === 'string' && NOT_APPLICABLE.includes(fold(value))) return { kind: 'notApplicable' };
    const n = readNumber(value, address, sink, true);
    if (!n.ok) return { kind: 'invalid' };
    if (n.scaled < 0) {
      sink.add('error', address, 'negative', { value: n.scaled / 1e4 });
      return { kind: 'invalid' };
    }
    const max = fields[i].maxScaled;
    if (max !== null && n.scaled > max) {
      sink.add('error', address, 'overMax', { value: n.scaled / 1e4, max: max / 1e4, field: fields[i].label });
      return { kind: 'invalid' };
    }
    return { kind: 'points', scaled: n.scaled };
  };

  // Last year's index: a column of numbers all within 0..1 (one above 0) and no % format is read
  // as fractions (0,8 = 80%), with one warning at its header.
  let lastYearFractions = false;
  if (layout.lastYearIndexCol !== null) {
    const c = layout.lastYearIndexCol;
    let percentFormat = false;
    let numbers = 0;
    let positive = false;
    let allFractions = true;
    for (let r = layout.firstUnitRow; r < layout.endRow && !percentFormat; r++) {
      if (isPercentFormat(r, c)) percentFormat = true;
      const v = at(r, c);
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      numbers++;
      if (v > 0) positive = true;
      if (v > 1 || v < 0) allFractions = false;
    }
    lastYearFractions = !percentFormat && numbers > 0 && positive && allFractions;
    if (lastYearFractions) sink.add('warning', addr(layout.headerRow, c), 'lastYearAsFraction');
  }

  // The units go into columns (see columns.ts): nothing is allocated per unit but its name.
  // When the end is found while reading, the arrays are made for every row to the grid's end,
  // and cut to the units at the end.
  const firstUnitRow = layout.firstUnitRow;
  const nameCol = layout.nameCol;
  const rows = Math.max(0, findEnd ? grid.length - firstUnitRow : layout.endRow - firstUnitRow);
  const nf = layout.fieldCols.length;
  const cols: TableColumns = {
    count: rows,
    fieldCount: nf,
    names: new Array<string>(rows),
    rows: null,
    firstRow: origin.row + firstUnitRow,
    nameCol: origin.col + nameCol,
    nameAddresses: null,
    scaled: fields.every((f) => f.maxScaled !== null && f.maxScaled <= 0x7fffffff) ? new Int32Array(rows * nf) : new Float64Array(rows * nf),
    integral: true,
    bonus: layout.bonusCol === null ? null : new Float64Array(rows),
    deduction: layout.deductionCol === null ? null : new Float64Array(rows),
    statedTotal: layout.totalCol === null ? null : new Float64Array(rows).fill(NaN),
    lastYearIndex: layout.lastYearIndexCol === null ? null : new Float64Array(rows).fill(NaN),
    lastYearBand: layout.lastYearBandCol === null ? null : new Array<BandCode | null>(rows).fill(null),
  };
  const names = cols.names;
  const scaledCells = cols.scaled;
  const maxes = fields.map((f) => f.maxScaled);
  /** The largest points taking the fast path, per field. */
  const limits = maxes.map((m) => (m === null ? MAX_SAFE : m));
  const fieldCols = layout.fieldCols;
  const optional = layout.bonusCol !== null || layout.deductionCol !== null || layout.totalCol !== null || layout.lastYearIndexCol !== null || layout.lastYearBandCol !== null;
  // Rows are read in three passes: the names (and, when finding the end, whether a row ends the
  // units), with their fold hashes and collation keys; the duplicate check (duplicateNames); the
  // scores, with every finding of a row in its cells' order.
  const work = scratchInt32(4 * rows + MAX_PARTS + 1);
  const nameHashes = work.subarray(0, rows);
  /** Per unit: the first unit of the same name, or -1. */
  const firstOf = work.subarray(rows, 2 * rows);
  // The names' collation keys, for the rank order (name-order.ts).
  const keys = reserveSheetKeys(names, rows);

  const n = readNames(grid, firstUnitRow, nameCol, rows, findEnd, names, nameHashes, keys);
  duplicateNames(names, nameHashes, n, firstOf, work.subarray(2 * rows, 4 * rows), work.subarray(4 * rows));
  const fastCols = Int32Array.from(fieldCols);
  const fastLimits = Float64Array.from(limits);
  for (let k = 0; k < n; k++) {
    if (!optional) {
      k = fastScoreRows(grid, firstUnitRow, k, n, fastCols, fastLimits, firstOf, scaledCells);
      if (k >= n) break;
    }
    const r = firstUnitRow + k;
    const row = grid[r];
    const name = names[k];
    const first = firstOf[k];
    if (first >= 0) sink.add('error', addr(r, nameCol), 'duplicateName', { name, first: addr(firstUnitRow + first, nameCol) });

    let sum = 0;
    let applicableMax = 0;
    let allValid = true;
    let notApplicable = 0;
    for (let i = 0; i < nf; i++) {
      const c = fieldCols[i];
      const value = row?.[c] ?? null;
      const at0 = k * nf + i;
      // Fast path: a number with at most 4 decimals within 0..max has no finding, so no
      // address (what toScaled gives: within 1e-9 of an integer number of ten-thousandths).
      if (typeof value === 'number') {
        const raw = value * 1e4;
        const scaled = Math.round(raw) + 0; // never -0
        if (scaled >= 0 && scaled <= limits[i] && Math.abs(raw - scaled) <= 1e-9 * Math.max(1, raw)) {
          sum += scaled;
          applicableMax += maxes[i] ?? 0;
          scaledCells[at0] = scaled;
          continue;
        }
      }
      const s = readScore(value, r, c, i, name);
      if (s.kind === 'points') {
        sum += s.scaled;
        scaledCells[at0] = s.scaled;
      } else {
        scaledCells[at0] = s.kind === 'notApplicable' ? NOT_APPLICABLE_CELL : INVALID_CELL;
        if (s.kind === 'invalid') allValid = false;
      }
      if (s.kind !== 'notApplicable') applicableMax += maxes[i] ?? 0;
      else notApplicable++;
    }
    // No field applies: there is no index to compute (not the lowest band at 0%).
    if (notApplicable === nf && nf > 0) sink.add('error', addr(r, nameCol), 'allNotApplicable', { unit: name });
    if (!optional) continue;

    const optionalPoints = (c: number | null): number => {
      if (c === null || isEmpty(at(r, c))) return 0;
      const n = readNumber(at(r, c), addr(r, c), sink);
      if (!n.ok) return 0;
      if (n.scaled < 0 && c === layout.deductionCol) {
        // A deduction typed as −2 means 2 points off.
        sink.add('warning', addr(r, c), 'negativeDeduction', { value: n.scaled / 1e4, abs: -n.scaled / 1e4 });
        return -n.scaled;
      }
      if (n.scaled < 0) {
        sink.add('error', addr(r, c), 'negative', { value: n.scaled / 1e4 });
        return 0;
      }
      return n.scaled;
    };
    const bonusScaled = optionalPoints(layout.bonusCol);
    const deductionScaled = optionalPoints(layout.deductionCol);
    if (cols.bonus !== null) cols.bonus[k] = bonusScaled;
    if (cols.deduction !== null) cols.deduction[k] = deductionScaled;

    if (layout.totalCol !== null && !isEmpty(at(r, layout.totalCol))) {
      const n = readNumber(at(r, layout.totalCol), addr(r, layout.totalCol), sink);
      if (n.ok) {
        (cols.statedTotal as Float64Array)[k] = n.scaled;
        const computed = sum + bonusScaled - deductionScaled;
        // A total may be stated as the raw sum or as the sum kept within 0..max (a bonus past the max).
        const kept = Math.min(Math.max(0, computed), applicableMax);
        if (allValid && n.scaled !== computed && n.scaled !== kept) {
          sink.add('error', addr(r, layout.totalCol), 'totalMismatch', { stated: n.scaled / 1e4, computed: computed / 1e4 });
        }
      }
    }

    if (layout.lastYearIndexCol !== null && !isEmpty(at(r, layout.lastYearIndexCol))) {
      const c = layout.lastYearIndexCol;
      const value = at(r, c);
      const n = readRawNumber(value, addr(r, c), sink, true);
      if (n !== null) {
        const asFraction = typeof value === 'number' && (lastYearFractions || isPercentFormat(r, c));
        // A reference figure, often computed with many decimals: rounded to 4 decimals of the
        // percentage, silently (a fraction is scaled from its raw value, not from a rounded one).
        const lastYearIndexScaled = Math.round(n * (asFraction ? 100 * 1e4 : 1e4));
        if (!(lastYearIndexScaled >= 0 && lastYearIndexScaled <= 100 * 1e4)) {
          sink.add('error', addr(r, c), 'notANumber', { value: cellText(value) });
        } else (cols.lastYearIndex as Float64Array)[k] = lastYearIndexScaled;
      }
    }

    if (layout.lastYearBandCol !== null && !isEmpty(at(r, layout.lastYearBandCol))) {
      const text = cellText(at(r, layout.lastYearBandCol));
      const lastYearBand = bandByText.get(fold(text)) ?? null;
      (cols.lastYearBand as (BandCode | null)[])[k] = lastYearBand;
      if (lastYearBand === null) sink.add('warning', addr(r, layout.lastYearBandCol), 'unknownBand', { value: text });
    }
  }
  if (findEnd) {
    layout.endRow = firstUnitRow + n;
    if (n === 0) sink.add('error', addr(firstUnitRow, nameCol), 'noUnits');
    if (n < rows) {
      cols.count = n;
      names.length = n;
      cols.scaled = scaledCells.subarray(0, n * nf);
      if (cols.bonus !== null) cols.bonus = cols.bonus.subarray(0, n);
      if (cols.deduction !== null) cols.deduction = cols.deduction.subarray(0, n);
      if (cols.statedTotal !== null) cols.statedTotal = cols.statedTotal.subarray(0, n);
      if (cols.lastYearBand !== null) cols.lastYearBand.length = n;
    }
  }
  return { table: columnarTable(sheet, fields, cols), findings: sink.findings };
}
