/**
 * The rank order of many units, ties in Vietnamese alphabetical order, without a string per
 * name (issue 6). Each name's collation key (the bytes of vietnameseKey: per-character primary
 * weights taken from the collator, digit runs as numbers) is packed four bytes to a 32-bit word,
 * big-endian and zero-padded, straight into the unit's place in rank order (a counting sort by
 * rank), so that the keys of a tie group lie together; each group is then sorted by a multikey
 * quicksort over those words (Bentley & Sedgewick's three-way radix quicksort): each step looks
 * at one word of each name, and a prefix the names share is never compared again. Word order is
 * key order because no key byte is 0 (a shorter key is a prefix padded with zeros, so it comes
 * first, as in string order). Names with equal keys are ordered as compareVietnamese orders them
 * (by code units), then by index; a group with a name that has no key (characters outside the
 * emulated alphabet) is sorted with the collator.
 */
import { scratchInt32 } from './columns';
import { compareVietnamese, keyWeightTable } from './text';

/** Key words kept in place per unit; the rest of a longer key goes to an overflow array. */
const STRIDE = 8;

/** The word past a key's end: below every word of a key (all have a non-zero first byte). */
const END = -0x80000000;

/**
 * Working memory reused from call to call (grown as needed): a large typed array is external
 * memory, and allocating it again each time makes the garbage collector run full collections.
 */
const mem = {
  /** Unit at position p: its first STRIDE key words at p × STRIDE, each as a signed integer (the unsigned word minus 2^31: signed order is word order). */
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
 * Packs text's key into mem.key; returns the number of words, or -1 when the text has no key.
 */
function packKey(text: string, weights: Uint16Array, digitWeight: number): number {
  const n = text.length;
  // At most 3 bytes per character (a one-digit run), plus the last partial word.
  if (mem.key.length < ((3 * n) >> 2) + 2) mem.key = new Int32Array(2 * (((3 * n) >> 2) + 2));
  const words = mem.key;
  let acc = 0;
  let bytes = 0;
  let w = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const weight = c < weights.length ? weights[c] : 0;
    if (weight === 0) return -1;
    if (c < 48 || c > 57) {
      acc = (acc << 8) | weight;
      if (++bytes === 4) {
        words[w++] = acc ^ END;
        acc = 0;
        bytes = 0;
      }
      continue;
    }
    // A run of digits: its value, leading zeros dropped, as (digit weight, 1 + length, digits).
    let j = i + 1;
    while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    let s = i;
    while (s < j - 1 && text.charCodeAt(s) === 48) s++;
    if (j - s > 200) return -1;
    for (let d = s - 2; d < j; d++) {
      const b = d === s - 2 ? digitWeight : d === s - 1 ? 1 + (j - s) : text.charCodeAt(d);
      acc = (acc << 8) | b;
      if (++bytes === 4) {
        words[w++] = acc ^ END;
        acc = 0;
        bytes = 0;
      }
    }
    i = j - 1;
  }
  if (bytes > 0) words[w++] = (acc << (8 * (4 - bytes))) ^ END;
  return w;
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
  const { inline, len, overflowAt } = mem;
  const { weights, digitWeight } = keyWeightTable();
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
    const w = packKey(names[k], weights, digitWeight);
    len[p] = w;
    if (w < 0) continue;
    const key = mem.key;
    const base = p * STRIDE;
    for (let i = 0; i < w && i < STRIDE; i++) inline[base + i] = key[i];
    if (w > STRIDE) {
      if (overflowLength + w > mem.overflow.length) {
        const grown = new Int32Array(2 * (overflowLength + w));
        grown.set(mem.overflow.subarray(0, overflowLength));
        mem.overflow = grown;
      }
      overflowAt[p] = overflowLength;
      for (let i = STRIDE; i < w; i++) mem.overflow[overflowLength++] = key[i];
    }
  }
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
  const result: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) result[i] = order[i];
  return result;
}

/** The word of the key at position p, depth d; END past its end. */
function wordAt(p: number, d: number): number {
  return d < mem.len[p] ? (d < STRIDE ? mem.inline[p * STRIDE + d] : mem.overflow[mem.overflowAt[p] + d - STRIDE]) : END;
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
  const { inline, len } = mem;
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
      const wx = d < len[x] ? (d < STRIDE ? inline[x * STRIDE + d] : wordAt(x, d)) : END;
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
