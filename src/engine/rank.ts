/**
 * Ranking: Excel's RANK.EQ on the exact index, and the rank order lists are written in.
 */
import { compareFractions } from './decimal';
import { compareVietnamese } from './text';

/**
 * RANK.EQ of exact fractions num[i]/den[i], highest first: equal values share a rank and the
 * next rank is skipped (1, 2, 2, 4). Equal fractions are equal however they are written
 * (40/50 and 80/100); a unit with no max (den 0) counts as 0.
 */
export function rankEq(num: readonly number[], den: readonly number[]): number[] {
  const nums = num.map((n, i) => (den[i] > 0 ? n : 0));
  const dens = den.map((d) => (d > 0 ? d : 1));
  const compare = (a: number, b: number) => compareFractions(nums[b], dens[b], nums[a], dens[a]);
  const order = num.map((_, i) => i).sort(compare);
  const ranks: number[] = new Array<number>(num.length);
  order.forEach((i, k) => {
    const prev = order[k - 1];
    ranks[i] = k > 0 && compare(prev, i) === 0 ? ranks[prev] : k + 1;
  });
  return ranks;
}

/**
 * Unit indexes in rank order; units of equal rank in Vietnamese alphabetical order, then in
 * sheet order, so the same data always gives the same lists.
 */
export function rankOrderOf(ranks: readonly number[], names: readonly string[]): number[] {
  return ranks.map((_, i) => i).sort((a, b) => ranks[a] - ranks[b] || compareVietnamese(names[a], names[b]) || a - b);
}

/** Dense ranks of exact fractions, highest first: equal values share a rank, the next follows on (1, 1, 2). */
export function rankDense(num: readonly number[], den: readonly number[]): number[] {
  const eq = rankEq(num, den);
  const distinct = [...new Set(eq)].sort((a, b) => a - b);
  const dense = new Map(distinct.map((r, k) => [r, k + 1]));
  return eq.map((r) => dense.get(r) as number);
}

/**
 * Ranks within groups (blocks): each group ranked on its own by `method`, units not ranked
 * (ranked[i] false) left out and given 0. `group[i]` is any key; units sharing it are one block.
 */
export function ranksWithin(
  num: readonly number[],
  den: readonly number[],
  group: readonly (string | null)[],
  ranked: readonly boolean[],
  method: 'rankEq' | 'dense',
): number[] {
  const ranks = new Array<number>(num.length).fill(0);
  const members = new Map<string | null, number[]>();
  group.forEach((g, i) => {
    if (!ranked[i]) return;
    const list = members.get(g);
    if (list) list.push(i);
    else members.set(g, [i]);
  });
  const rank = method === 'dense' ? rankDense : rankEq;
  for (const list of members.values()) {
    const r = rank(
      list.map((i) => num[i]),
      list.map((i) => den[i]),
    );
    list.forEach((i, k) => (ranks[i] = r[k]));
  }
  return ranks;
}
