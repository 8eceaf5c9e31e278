/**
 * The columnar core of a scoring table (issue 6): the units' scores as typed arrays, so that
 * reading, classifying, ranking and summarising a large table allocates nothing per unit. The
 * object views callers use (`ScoringTable.units`, `ScoringResult.units`) are built from the
 * columns on first access, once, and are then plain arrays like any other.
 */
import { cellAddress } from './address';
import type { BandCode, FieldScore, ScoringTable, UnitInput } from './types';

/** What `scaled` holds for a cell that is not points (points are never negative in columns). */
export const NOT_APPLICABLE_CELL = -1;
export const INVALID_CELL = -2;

/** A table's units as columns. Unit k's field i is at k × fieldCount + i. */
export interface TableColumns {
  count: number;
  fieldCount: number;
  names: string[];
  /** 1-based sheet row of each unit; null: rows are consecutive from `firstRow`. */
  rows: Int32Array | null;
  firstRow: number;
  /** 0-based sheet column of the name cells (for `nameAddress`); -1 when `nameAddresses` is given. */
  nameCol: number;
  nameAddresses: string[] | null;
  /** Scaled points (≥ 0), or NOT_APPLICABLE_CELL, INVALID_CELL. Int32Array when every max fits. */
  scaled: Float64Array | Int32Array;
  /** Every points, bonus and deduction value is a safe integer. */
  integral: boolean;
  /** Null: 0 for every unit. */
  bonus: Float64Array | null;
  deduction: Float64Array | null;
  /** NaN stands for null; the array is null when every unit has null. */
  statedTotal: Float64Array | null;
  lastYearIndex: Float64Array | null;
  /** Null when every unit has null. */
  lastYearBand: (BandCode | null)[] | null;
}

/** Working memory reused from call to call (grown as needed), never kept in a result. */
let scratch = new Int32Array(0);

/**
 * A zero-filled Int32Array of `size` for the duration of one call, with no allocation once a
 * table as large has been scored (a large typed array is external memory, and allocating it
 * again each time makes the garbage collector run full collections). Callers must be done with
 * it before anything else asks for scratch memory.
 */
export function scratchInt32(size: number): Int32Array {
  if (scratch.length < size) scratch = new Int32Array(size);
  const a = scratch.subarray(0, size);
  a.fill(0);
  return a;
}

export function rowOf(cols: TableColumns, k: number): number {
  return cols.rows === null ? cols.firstRow + k : cols.rows[k];
}

export function nameAddressOf(cols: TableColumns, k: number): string {
  return cols.nameAddresses === null ? cellAddress(rowOf(cols, k), cols.nameCol) : cols.nameAddresses[k];
}

/** A unit's scores as FieldScore objects; equal points share one object through `points`. */
export function fieldScoresOf(cols: TableColumns, k: number, points: Map<number, FieldScore>): FieldScore[] {
  const f = cols.fieldCount;
  const scores: FieldScore[] = new Array(f);
  for (let i = 0; i < f; i++) {
    const scaled = cols.scaled[k * f + i];
    if (scaled >= 0) {
      let s = points.get(scaled);
      if (s === undefined) points.set(scaled, (s = { kind: 'points', scaled }));
      scores[i] = s;
    } else scores[i] = scaled === NOT_APPLICABLE_CELL ? { kind: 'notApplicable' } : { kind: 'invalid' };
  }
  return scores;
}

function nullable(a: Float64Array | null, k: number): number | null {
  if (a === null) return null;
  const v = a[k];
  return Number.isNaN(v) ? null : v;
}

/** The UnitInput objects of columns read from a sheet, as readTable used to build them. */
function materialiseInputs(cols: TableColumns): UnitInput[] {
  const units: UnitInput[] = new Array(cols.count);
  const points = new Map<number, FieldScore>();
  for (let k = 0; k < cols.count; k++) {
    units[k] = {
      name: cols.names[k],
      row: rowOf(cols, k),
      nameAddress: nameAddressOf(cols, k),
      scores: fieldScoresOf(cols, k, points),
      bonusScaled: cols.bonus === null ? 0 : cols.bonus[k],
      deductionScaled: cols.deduction === null ? 0 : cols.deduction[k],
      statedTotalScaled: nullable(cols.statedTotal, k),
      lastYearIndexScaled: nullable(cols.lastYearIndex, k),
      lastYearBand: cols.lastYearBand === null ? null : cols.lastYearBand[k],
    };
  }
  return units;
}

/** Columns of tables whose `units` have not been materialised (so cannot have been changed). */
const columnsByTable = new WeakMap<object, TableColumns>();

/**
 * Replaces an accessor property by a plain data property holding `value`: after the first
 * read (or a write), the object is an ordinary one. Key order is unchanged.
 */
function settle(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

interface Pending {
  build: () => unknown;
  onSettle: (() => void) | undefined;
}

/** Per key: the objects whose `key` is still to be built, and the one accessor they all share. */
const lazyKeys = new Map<string, { pending: WeakMap<object, Pending>; descriptor: PropertyDescriptor }>();

/** The object in `from`'s prototype chain (itself first) whose lazy `key` is pending, if any. */
function pendingOwner(pending: WeakMap<object, Pending>, from: object): object | null {
  for (let o: object | null = from; o !== null; o = Object.getPrototypeOf(o) as object | null) if (pending.has(o)) return o;
  return null;
}

function lazyKey(key: string): { pending: WeakMap<object, Pending>; descriptor: PropertyDescriptor } {
  let entry = lazyKeys.get(key);
  if (entry === undefined) {
    const pending = new WeakMap<object, Pending>();
    const take = (self: object): [object, Pending | undefined] => {
      const owner = pendingOwner(pending, self) ?? self;
      const lazy = pending.get(owner);
      pending.delete(owner);
      return [owner, lazy];
    };
    entry = {
      pending,
      descriptor: {
        enumerable: true,
        configurable: true,
        get(this: object) {
          const [owner, lazy] = take(this);
          const value = lazy === undefined ? undefined : lazy.build();
          settle(owner, key, value);
          lazy?.onSettle?.();
          return value;
        },
        set(this: object, value: unknown) {
          const [owner, lazy] = take(this);
          settle(owner, key, value);
          lazy?.onSettle?.();
        },
      },
    };
    lazyKeys.set(key, entry);
  }
  return entry;
}

/**
 * Defines `target[key]` as a lazily built value: `build` runs on the first read, its result
 * then stays as an ordinary data property; `onSettle` runs when that happens (read or write).
 * Every object gets the same accessor for a key (what to build is kept aside, by object), so
 * that 10^4 unit objects given a lazy property keep one shape, where an accessor of their own
 * each would give each its own (slow) one.
 */
export function defineLazy<T>(target: object, key: string, build: () => T, onSettle?: () => void): void {
  const { pending, descriptor } = lazyKey(key);
  pending.set(target, { build, onSettle });
  Object.defineProperty(target, key, descriptor);
}

/** A ScoringTable over columns: `units` is built on first access. */
export function columnarTable(sheet: string, fields: ScoringTable['fields'], cols: TableColumns): ScoringTable {
  const table = { sheet, fields } as ScoringTable;
  defineLazy(table, 'units', () => materialiseInputs(cols), () => columnsByTable.delete(table));
  columnsByTable.set(table, cols);
  return table;
}

/**
 * The columns of any ScoringTable: those it was read into while its `units` are untouched,
 * else a copy of what its `units` hold now; null when the units do not fit columns (a unit
 * with more or fewer scores than fields, or points that are not safe integers ≥ 0).
 */
export function columnsOf(table: ScoringTable): TableColumns | null {
  const cols = columnsByTable.get(table);
  if (cols !== undefined) return cols;
  const units = table.units;
  const n = units.length;
  const f = table.fields.length;
  for (const u of units) {
    if (u.scores.length !== f) return null;
    for (const s of u.scores) if (s.kind === 'points' && !(Number.isSafeInteger(s.scaled) && s.scaled >= 0)) return null;
  }
  const c: TableColumns = {
    count: n,
    fieldCount: f,
    names: new Array(n),
    rows: new Int32Array(n),
    firstRow: 0,
    nameCol: -1,
    nameAddresses: new Array(n),
    scaled: new Float64Array(n * f),
    integral: units.every((u) => Number.isSafeInteger(u.bonusScaled) && Number.isSafeInteger(u.deductionScaled)),
    bonus: new Float64Array(n),
    deduction: new Float64Array(n),
    statedTotal: new Float64Array(n),
    lastYearIndex: new Float64Array(n),
    lastYearBand: new Array(n),
  };
  for (let k = 0; k < n; k++) {
    const u = units[k];
    c.names[k] = u.name;
    (c.rows as Int32Array)[k] = u.row;
    (c.nameAddresses as string[])[k] = u.nameAddress;
    for (let i = 0; i < f; i++) {
      const s = u.scores[i];
      c.scaled[k * f + i] = s.kind === 'points' ? s.scaled : s.kind === 'notApplicable' ? NOT_APPLICABLE_CELL : INVALID_CELL;
    }
    (c.bonus as Float64Array)[k] = u.bonusScaled;
    (c.deduction as Float64Array)[k] = u.deductionScaled;
    (c.statedTotal as Float64Array)[k] = u.statedTotalScaled ?? NaN;
    (c.lastYearIndex as Float64Array)[k] = u.lastYearIndexScaled ?? NaN;
    (c.lastYearBand as (BandCode | null)[])[k] = u.lastYearBand;
  }
  return c;
}
