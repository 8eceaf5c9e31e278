/**
 * The rank order of many units, ties in Vietnamese alphabetical order, without a string per
 * name (issue 6). Each name's collation key (the codes of vietnameseKey: per-character primary
 * weights taken from the collator, digit runs as numbers) is packed four codes to a 32-bit word
 * (packVietnameseKey), while the table is read (scanPlainName, in the same pass as the name's
 * other checks) or here; the keys are copied into the units' places in rank order (a counting
 * sort by rank), so that the keys of a tie group lie together; each group is then sorted by a
 * multikey quicksort over those words (Bentley & Sedgewick's three-way radix quicksort): each
 * step looks at one word of each name, and a prefix the names share is never compared again.
 * Names with equal keys are ordered as compareVietnamese orders them (by code units), then by
 * index; a group with a name that has no key (characters outside the emulated alphabet) is
 * sorted with the collator.
 */
import { scratchInt32 } from './columns';
import { KEY_END, compareVietnamese, packVietnameseKey } from './text';

/** Key words kept in place per unit; the rest of a longer key goes to an overflow array. */
const STRIDE = 8;

const END = KEY_END;

/**
 * Working memory reused from call to call (grown as needed): a large typed array is external
 * memory, and allocating it again each time makes the garbage collector run full collections.
 */
const mem = {
  /** Unit at position p: its first STRIDE key words at p × STRIDE, padded with END. */
  inline: new Int32Array(0),
  /** Key length in words per position; -1: no key (or not needed: a group of one). */
  len: new Int32Array(0),
  /** Where the key's words past STRIDE start in `overflow`. */
  overflowAt: new Int32Array(0),
  overflow: new Int32Array(1024),
  /** One key being packed. */
  key: new Int32Array(64),
  /** A group's positions being sorted, then its units. */
  items: new Int32Array(0),
};

/**
 * The keys of a table's names packed while reading it (readTable, in sheet order: unit k's key
 * is words[start[k] .. start[k] + len[k]), len -1: none), for the `names` array they were made
 * for, until the next table is read. Working memory like `mem`.
 */
export interface SheetKeys {
  /** Held weakly: the keys do not keep a table's names alive. */
  names: WeakRef<readonly string[]> | null;
  start: Int32Array;
  len: Int32Array;
  words: Int32Array;
}

const sheetKeys: SheetKeys = { names: null, start: new Int32Array(0), len: new Int32Array(0), words: new Int32Array(1024) };

/** The key store for reading `count` names into `names` (the keys of any table read before are dropped). */
export function reserveSheetKeys(names: readonly string[], count: number): SheetKeys {
  if (sheetKeys.start.length < count) {
    sheetKeys.start = new Int32Array(count);
    sheetKeys.len = new Int32Array(count);
  }
  sheetKeys.names = new WeakRef(names);
  return sheetKeys;
}

/** keys.words with room for `words` words from `at` (grown, keeping what is before `at`). */
export function keyRoom(keys: SheetKeys, at: number, words: number): Int32Array {
  if (at + words > keys.words.length) {
    const grown = new Int32Array(Math.max(2 * keys.words.length, at + words));
    grown.set(keys.words.subarray(0, at));
    keys.words = grown;
  }
  return keys.words;
}

/**
 * Unit indexes in rank order (ranks 1..n, as RANK.EQ gives), equal ranks in Vietnamese
 * alphabetical order, then sheet order: what sorting by rank, then by
 * `compareVietnamese(names[a], names[b]) || a - b` gives.
 */
export function rankOrderOfNames(ranks: Int32Array, names: readonly string[]): number[] {
  const n = ranks.length;
  const work = scratchInt32(2 * n + 4 + n);
  // begin[r]: the first position of rank r's group; cursor: where its next unit goes.
  const begin = work.subarray(0, n + 2);
  const cursor = work.subarray(n + 2, 2 * n + 4);
  const order = work.subarray(2 * n + 4);
  for (let k = 0; k < n; k++) begin[ranks[k] + 1]++;
  for (let r = 1; r < begin.length; r++) begin[r] += begin[r - 1];
  cursor.set(begin);
  if (mem.len.length < n) {
    mem.len = new Int32Array(n);
    mem.overflowAt = new Int32Array(n);
    mem.inline = new Int32Array(n * STRIDE);
  }
  const len = mem.len;
  // The keys made while reading, when these names were read last; else packed here.
  const read = sheetKeys.names?.deref() === names ? sheetKeys : null;
  const ties = placeUnits(ranks, names, read, begin, cursor, order);
  if (ties) {
    for (let r = 1; r <= n; r++) {
      const lo = begin[r];
      const hi = begin[r + 1];
      if (hi - lo < 2) continue;
      let keyed = true;
      for (let p = lo; p < hi && keyed; p++) if (len[p] < 0) keyed = false;
      if (keyed) sortGroup(order, lo, hi, names);
      else {
        const run = Array.from(order.subarray(lo, hi)).sort((a, b) => compareVietnamese(names[a], names[b]) || a - b);
        order.set(run, lo);
      }
    }
  }
  return toNumbers(order);
}

/** The values of a, as an array of numbers. */
function toNumbers(a: Int32Array): number[] {
  const n = a.length;
  const result: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) result[i] = a[i];
  return result;
}

/**
 * rankOrderOfNames' placement: each unit at its place in rank order (order), and, when it has a
 * tie to be ordered against, its key at its place (mem); returns whether there is a tie. A
 * function of its own, so that its loop stays optimised whatever the rest of the caller meets.
 */
function placeUnits(ranks: Int32Array, names: readonly string[], read: SheetKeys | null, begin: Int32Array, cursor: Int32Array, order: Int32Array): boolean {
  const n = ranks.length;
  const { inline, len, overflowAt } = mem;
  let overflowLength = 0;
  let ties = false;
  // Units placed in sheet order (where the names lie together in memory), each with its key
  // when it has a tie to be ordered against.
  for (let k = 0; k < n; k++) {
    const r = ranks[k];
    const p = cursor[r]++;
    order[p] = k;
    if (begin[r + 1] - begin[r] < 2) continue;
    ties = true;
    let key: Int32Array;
    let from: number;
    let w: number;
    if (read !== null) {
      key = read.words;
      from = read.start[k];
      w = read.len[k];
    } else {
      const name = names[k];
      if (mem.key.length < ((3 * name.length) >> 2) + 2) mem.key = new Int32Array(2 * (((3 * name.length) >> 2) + 2));
      key = mem.key;
      from = 0;
      w = packVietnameseKey(name, key, 0);
    }
    len[p] = w;
    if (w < 0) continue;
    const base = p * STRIDE;
    // Padded with END: a word in place is read with no look at the key's length.
    for (let i = 0; i < STRIDE; i++) inline[base + i] = i < w ? key[from + i] : END;
    if (w > STRIDE) {
      if (overflowLength + w > mem.overflow.length) {
        const grown = new Int32Array(2 * (overflowLength + w));
        grown.set(mem.overflow.subarray(0, overflowLength));
        mem.overflow = grown;
      }
      overflowAt[p] = overflowLength;
      for (let i = STRIDE; i < w; i++) mem.overflow[overflowLength++] = key[from + i];
    }
  }
  return ties;
}

/** The word of the key at position p, depth d; END past its end (the words in place are padded with END). */
function wordAt(p: number, d: number): number {
  return d < STRIDE ? mem.inline[p * STRIDE + d] : d < mem.len[p] ? mem.overflow[mem.overflowAt[p] + d - STRIDE] : END;
}

/** compareVietnamese's order of the units at positions p and q, whose keys are equal (by code units), then sheet order. */
function byCodeUnits(order: Int32Array, names: readonly string[], p: number, q: number): number {
  const a = order[p];
  const b = order[q];
  const x = names[a];
  const y = names[b];
  return x < y ? -1 : x > y ? 1 : a - b;
}

/** Full comparison of the units at positions p and q, whose keys agree before word d. */
function compareFrom(order: Int32Array, names: readonly string[], p: number, q: number, d: number): number {
  for (;; d++) {
    const wp = wordAt(p, d);
    const wq = wordAt(q, d);
    if (wp !== wq) return wp < wq ? -1 : 1;
    if (wp === END) return byCodeUnits(order, names, p, q);
  }
}

const SMALL = 12;

/**
 * Sorts the units at positions lo..hi of order, every one with a key, by key then as
 * byCodeUnits: a multikey quicksort of the positions, then the units put in that order.
 */
function sortGroup(order: Int32Array, lo: number, hi: number, names: readonly string[]): void {
  const g = hi - lo;
  if (mem.items.length < g) mem.items = new Int32Array(Math.max(g, 2 * mem.items.length));
  const items = mem.items;
  for (let i = 0; i < g; i++) items[i] = lo + i;
  const { inline } = mem;
  // Pending ranges of items (from, to, depth), last in first out: no recursion, whatever the data.
  const stack: number[] = [0, g, 0];
  while (stack.length > 0) {
    const d = stack.pop() as number;
    const h = stack.pop() as number;
    const l = stack.pop() as number;
    if (h - l <= SMALL) {
      for (let i = l + 1; i < h; i++) {
        const x = items[i];
        let j = i - 1;
        while (j >= l && compareFrom(order, names, items[j], x, d) > 0) {
          items[j + 1] = items[j];
          j--;
        }
        items[j + 1] = x;
      }
      continue;
    }
    // Pivot: the median of the first, middle and last words at depth d.
    const a = wordAt(items[l], d);
    const b = wordAt(items[(l + h) >>> 1], d);
    const c = wordAt(items[h - 1], d);
    const v = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // Three-way partition: [l, lt) below v, [lt, gt] equal to v, (gt, h) above.
    let lt = l;
    let gt = h - 1;
    let i = l;
    while (i <= gt) {
      const x = items[i];
      const wx = d < STRIDE ? inline[x * STRIDE + d] : wordAt(x, d);
      if (wx < v) {
        items[i++] = items[lt];
        items[lt++] = x;
      } else if (wx > v) {
        items[i] = items[gt];
        items[gt--] = x;
      } else i++;
    }
    if (lt - l > 1) stack.push(l, lt, d);
    if (h - gt - 1 > 1) stack.push(gt + 1, h, d);
    if (gt + 1 - lt > 1) {
      if (v !== END) stack.push(lt, gt + 1, d + 1);
      else {
        // Equal keys (names equal but for case or tones): by code units, then sheet order.
        const run = Array.from(items.subarray(lt, gt + 1)).sort((p, q) => byCodeUnits(order, names, p, q));
        items.set(run, lt);
      }
    }
  }
  // Positions to units (every unit read before any is written back).
  for (let i = 0; i < g; i++) items[i] = order[items[i]];
  order.set(items.subarray(0, g), lo);
}
