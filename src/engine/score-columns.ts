/**
 * Scoring over a table's columns (issue 6): totals, classification, rank, rank order and the
 * summary in passes over typed arrays, nothing allocated per unit. Each result is what the
 * object-per-unit code (scoreTableEager) gives; `result.units` is built from the columns on
 * first access (the same objects that code built).
 */
import { IndexSum } from './index-sum';
import { bandIndexByIndex, classifyUnit, unitFieldResults } from './classify';
import { NOT_APPLICABLE_CELL, defineLazy, scratchInt32, fieldScoresOf, rowOf, type TableColumns } from './columns';
import { comparePct, roundedPct } from './decimal';
import { rankEq } from './rank';
import { compileRuleSet, type CompiledBand } from './rules';
import { rankOrderOfNames } from './name-order';
import type { FieldScore, FieldStat, RuleSet, ScoringResult, ScoringTable, Summary, UnitFieldResult, UnitResult } from './types';

/**
 * The least integer s with comparePct(s, max, floor) ≥ 0, so that for integer points
 * `comparePct(s, max, floor) < 0` is `s < threshold`; NaN when max is not a positive safe integer.
 */
function floorThreshold(max: number | null, floorScaled: number): number {
  if (max === null || !(max > 0) || !Number.isSafeInteger(max)) return NaN;
  let s = Math.ceil((floorScaled * max) / 1e6);
  if (!Number.isSafeInteger(s)) return NaN;
  while (comparePct(s, max, floorScaled) < 0) s++;
  while (comparePct(s - 1, max, floorScaled) >= 0) s--;
  return s;
}

/** Ranks like rankEq, by counting, when every unit has the same positive max and integer totals in 0..max. */
function rankByCounting(totals: Float64Array | Int32Array, max: number): Int32Array {
  const n = totals.length;
  const count = scratchInt32(max + 1);
  for (let k = 0; k < n; k++) count[totals[k]]++;
  // rankOf[t] = 1 + how many totals are strictly greater than t
  let greater = 0;
  for (let t = max; t >= 0; t--) {
    const c = count[t];
    count[t] = greater + 1;
    greater += c;
  }
  const ranks = new Int32Array(n);
  for (let k = 0; k < n; k++) ranks[k] = count[totals[k]];
  return ranks;
}

const SAME_MAX = 1;
const INTEGRAL = 2;

/** Units between flushes of totalsPass's packed counters: each byte of one counts at most this many. */
const PACKED_RUN = 255;

/**
 * scoreColumns' totals pass (unitFigures: totals and applicable maxes; in the fused case, the
 * field statistics and each unit's missed floors): returns SAME_MAX when every unit has the
 * first's max, INTEGRAL when every total is a safe integer. In the fused case a field's four
 * under-floor counts are four bytes of one counter (one add per field and unit, not four),
 * moved to underCounts every PACKED_RUN units, and its applicable units are counted as the units
 * less those where it is not (rare). A function of its own, so that its loop stays optimised
 * whatever the rest of scoreColumns meets.
 */
function totalsPass(
  scaled: Int32Array | Float64Array,
  n: number,
  nf: number,
  fieldMax: Float64Array,
  limits: Int32Array,
  misses: Uint8Array | null,
  applicableCounts: Float64Array,
  pointSums: Float64Array,
  underCounts: Int32Array,
  bonus: Float64Array | null,
  deduction: Float64Array | null,
  totals: Int32Array | Float64Array,
  maxes: Int32Array | Float64Array,
): number {
  let sameMax = true;
  let integral = true;
  const packed = new Int32Array(nf);
  const notApplicable = new Float64Array(nf);
  let run = 0;
  for (let k = 0; k < n; k++) {
    let total = 0;
    let max = 0;
    let missed = 0;
    const base = k * nf;
    for (let i = 0; i < nf; i++) {
      const v = scaled[base + i];
      if (v === NOT_APPLICABLE_CELL) {
        notApplicable[i]++;
        continue;
      }
      max += fieldMax[i];
      if (v < 0) {
        notApplicable[i]++;
        continue;
      }
      total += v;
      if (misses === null) continue;
      pointSums[i] += v;
      const at = i * 4;
      const u0 = (v - limits[at]) >>> 31;
      const u1 = (v - limits[at + 1]) >>> 31;
      const u2 = (v - limits[at + 2]) >>> 31;
      const u3 = (v - limits[at + 3]) >>> 31;
      packed[i] += u0 | (u1 << 8) | (u2 << 16) | (u3 << 24);
      missed |= u0 | (u1 << 1) | (u2 << 2) | (u3 << 3);
    }
    if (misses !== null) {
      misses[k] = missed;
      if (++run === PACKED_RUN) {
        unpackCounts(packed, underCounts);
        run = 0;
      }
    }
    total += (bonus === null ? 0 : bonus[k]) - (deduction === null ? 0 : deduction[k]);
    total = Math.min(Math.max(total, 0), max);
    totals[k] = total;
    maxes[k] = max;
    if (max !== maxes[0]) sameMax = false;
    if (!Number.isSafeInteger(total)) integral = false;
  }
  if (misses !== null) {
    unpackCounts(packed, underCounts);
    for (let i = 0; i < nf; i++) applicableCounts[i] = n - notApplicable[i];
  }
  return (sameMax ? SAME_MAX : 0) | (integral ? INTEGRAL : 0);
}

/** Adds each field's packed counts (four bytes) to underCounts (four entries a field), and zeroes them. */
function unpackCounts(packed: Int32Array, underCounts: Int32Array): void {
  for (let i = 0; i < packed.length; i++) {
    const p = packed[i];
    const at = i * 4;
    underCounts[at] += p & 0xff;
    underCounts[at + 1] += (p >>> 8) & 0xff;
    underCounts[at + 2] += (p >>> 16) & 0xff;
    underCounts[at + 3] += p >>> 24;
    packed[i] = 0;
  }
}

/**
 * scoreColumns' classification pass in the fused case (each unit's missed floors known): each
 * unit's band by index alone and its band, counted; returns how many units were demoted. A
 * function of its own, so that its loop stays optimised whatever the rest of scoreColumns meets.
 */
function classifyFused(
  totals: Int32Array | Float64Array,
  maxes: Int32Array | Float64Array,
  bands: readonly CompiledBand[],
  misses: Uint8Array,
  floorBit: Int32Array,
  startOf: Uint8Array,
  bandOf: Uint8Array,
  bandCounts: Float64Array,
  groupBandCounts: Float64Array,
): number {
  const n = totals.length;
  const nb = bands.length;
  let demotedCount = 0;
  for (let k = 0; k < n; k++) {
    const start = maxes[k] > 0 ? bandIndexByIndex(totals[k], maxes[k], bands) : nb - 1;
    let b = start;
    const missed = misses[k];
    while (b < nb - 1 && (missed & floorBit[b]) !== 0) b++;
    bandCounts[b]++;
    groupBandCounts[start]++;
    startOf[k] = start;
    bandOf[k] = b;
    if (b !== start) demotedCount++;
  }
  return demotedCount;
}

/**
 * The sum of the indexes totals[k] / maxes[k] (units with a positive max) as one exact
 * fraction, runs of units sharing a max summed as integers first. A function of its own, so
 * that its loop stays optimised whatever the rest of scoreColumns meets.
 */
function sumIndexes(totals: Int32Array | Float64Array, maxes: Int32Array | Float64Array, integral: boolean): IndexSum {
  const n = totals.length;
  const indexSum = new IndexSum();
  for (let k = 0; k < n; ) {
    const end = indexRun(totals, maxes, integral, k);
    if (run.max === run.max) indexSum.add(run.total, run.max);
    k = end;
  }
  return indexSum;
}

/** sumIndexes' run from `from`: its max and total (max NaN: none), by indexRun. */
const run = { max: NaN, total: 0 };

/**
 * The run of units from `from` summed as integers: the units with a positive max, until one
 * with another max or whose total would not keep the sum a safe integer (each unit alone when
 * the totals are not all integers). Sets `run`; returns where the next run starts.
 */
function indexRun(totals: Int32Array | Float64Array, maxes: Int32Array | Float64Array, integral: boolean, from: number): number {
  const n = totals.length;
  let runMax = NaN;
  let runTotal = 0;
  let k = from;
  for (; k < n; k++) {
    const m = maxes[k];
    if (!(m > 0)) continue;
    if (runMax === runMax && (m !== runMax || !integral || !Number.isSafeInteger(runTotal + totals[k]))) break;
    runMax = m;
    runTotal += totals[k];
  }
  run.max = runMax;
  run.total = runTotal;
  return k;
}

function zeroCounts(bands: readonly CompiledBand[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const b of bands) counts[b.rule.code] = 0;
  return counts;
}

/** Scores a table held as columns. */
export function scoreColumns(table: ScoringTable, cols: TableColumns, rules: RuleSet): ScoringResult {
  const bands = compileRuleSet(rules);
  const fields = table.fields;
  const n = cols.count;
  const nf = cols.fieldCount;
  const { scaled } = cols;
  const fieldMax = fields.map((f) => f.maxScaled);
  const nb = bands.length;

  // Per band with a floor and per field: the points under which a field misses the floor.
  const thresholds = new Float64Array(nb * nf);
  for (let b = 0; b < nb; b++) {
    const floor = bands[b].floorScaled;
    for (let i = 0; i < nf; i++) thresholds[b * nf + i] = floor === null ? NaN : floorThreshold(fieldMax[i], floor);
  }
  /** Whether field i's points s are under band b's floor (b has a floor, field i a max). */
  const under = (b: number, i: number, s: number): boolean => {
    const t = thresholds[b * nf + i];
    return t === t ? s < t : comparePct(s, fieldMax[i] as number, bands[b].floorScaled as number) < 0;
  };

  // The bands with a floor; in the usual case (at most four, each field's threshold an exact
  // number), the totals' pass also counts the field statistics and notes, per unit, which floors
  // one of its fields misses (bit j: floor j), so that nothing else reads the points again.
  const floorBands: number[] = [];
  for (let b = 0; b < nb; b++) if (bands[b].floorScaled !== null) floorBands.push(b);
  const nj = floorBands.length;
  // Points and thresholds are then 32-bit integers ≥ 0: v < t is (v - t) >>> 31, with no branch
  // (which the processor would mispredict about half the time).
  let fused = nj <= 4 && scaled instanceof Int32Array;
  /** Field i's threshold for floor j at i × 4 + j; 0: none (no floor j, or no max). */
  const limits = new Int32Array(nf * 4);
  for (let i = 0; i < nf; i++) {
    if (fieldMax[i] === null) continue;
    for (let j = 0; j < nj; j++) {
      const t = thresholds[floorBands[j] * nf + i];
      if (!(t >= 0 && t <= 0x7fffffff)) fused = false;
      else limits[i * 4 + j] = t;
    }
  }
  const applicableCounts = new Float64Array(nf);
  const pointSums = new Float64Array(nf);
  const underCounts = new Int32Array(nf * 4);
  const misses = fused ? new Uint8Array(n) : null;

  // Totals and applicable maxes (unitFigures).
  // Totals lie within 0..max: 32-bit integers when every points value is an integer and the maxes' sum fits.
  let maxSum = 0;
  for (const m of fieldMax) maxSum += m === null ? 0 : Math.abs(m);
  const small = cols.integral && maxSum <= 0x7fffffff;
  const totals = small ? new Int32Array(n) : new Float64Array(n);
  const maxes = small ? new Int32Array(n) : new Float64Array(n);
  const flags = totalsPass(scaled, n, nf, Float64Array.from(fieldMax, (m) => m ?? 0), limits, misses, applicableCounts, pointSums, underCounts, cols.bonus, cols.deduction, totals, maxes);
  const sameMax = (flags & SAME_MAX) !== 0;
  const integral = (flags & INTEGRAL) !== 0;
  const commonMax = n > 0 && sameMax ? maxes[0] : NaN;
  const ranks =
    commonMax > 0 && integral && Number.isSafeInteger(commonMax) && commonMax <= 16 * n + 65_536 ? rankByCounting(totals, commonMax) : rankEq(totals, maxes);
  const rankOrder = rankOrderOfNames(ranks, cols.names);

  // Classification (classifyUnit) and the summary's counts in one pass.
  const counts = zeroCounts(bands);
  const groupCounts = zeroCounts(bands);
  const bandCounts = new Float64Array(nb);
  const groupBandCounts = new Float64Array(nb);
  let demotedCount = 0;
  /** Each unit's band by index alone and its band, as indexes into `bands` (for the per-unit objects). */
  const startOf = new Uint8Array(n);
  const bandOf = new Uint8Array(n);
  /** Per band: its floor's bit in `misses`, 0 for a band with no floor. */
  const floorBit = new Int32Array(nb);
  floorBands.forEach((b, j) => (floorBit[b] = 1 << j));
  if (misses !== null) demotedCount = classifyFused(totals, maxes, bands, misses, floorBit, startOf, bandOf, bandCounts, groupBandCounts);
  for (let k = misses === null ? 0 : n; k < n; k++) {
    const start = maxes[k] > 0 ? bandIndexByIndex(totals[k], maxes[k], bands) : nb - 1;
    let b = start;
    if (misses !== null) {
      const missed = misses[k];
      while (b < nb - 1 && (missed & floorBit[b]) !== 0) b++;
    } else {
      const base = k * nf;
      for (; b < nb - 1; b++) {
        if (bands[b].floorScaled === null) break;
        let failing = false;
        for (let i = 0; i < nf; i++) {
          const v = scaled[base + i];
          if (v < 0 || fieldMax[i] === null) continue;
          if (under(b, i, v)) {
            failing = true;
            break;
          }
        }
        if (!failing) break;
      }
    }
    bandCounts[b]++;
    groupBandCounts[start]++;
    startOf[k] = start;
    bandOf[k] = b;
    if (b !== start) demotedCount++;
  }
  for (let b = 0; b < nb; b++) {
    counts[bands[b].rule.code] += bandCounts[b];
    groupCounts[bands[b].rule.code] += groupBandCounts[b];
  }

  // The sum of the indexes as one exact fraction (runs of units sharing a max summed as integers first).
  const indexSum = sumIndexes(totals, maxes, integral);

  // Field statistics (fieldStats): counted in the totals' pass, or here field by field.
  const fieldStats: FieldStat[] = fields.map((f, i) => {
    const counts = floorBands.map(() => 0);
    let applicable = 0;
    let pctSum = 0;
    const max = f.maxScaled;
    if (max !== null && max > 0) {
      if (misses !== null) {
        applicable = applicableCounts[i];
        pctSum = pointSums[i];
        for (let j = 0; j < nj; j++) counts[j] = underCounts[i * 4 + j];
      } else {
        for (let k = 0; k < n; k++) {
          const s = scaled[k * nf + i];
          if (s < 0) continue;
          applicable++;
          pctSum += s;
          for (let j = 0; j < nj; j++) if (under(floorBands[j], i, s)) counts[j]++;
        }
      }
    }
    const underFloor: Record<string, number> = {};
    floorBands.forEach((b, j) => (underFloor[bands[b].rule.code] = counts[j]));
    const averagePct = applicable > 0 && max ? roundedPct(pctSum, max * applicable) : null;
    return { label: f.label, averagePct, applicableUnits: applicable, underFloor };
  });

  const indexPctOf = (k: number) => (maxes[k] > 0 ? roundedPct(totals[k], maxes[k]) : 0);
  const first = rankOrder.length > 0 ? rankOrder[0] : -1;
  const last = rankOrder.length > 0 ? rankOrder[rankOrder.length - 1] : -1;

  // Last year: the band column where given, else the band last year's index alone gives.
  let lastYearCounts: Record<string, number> | null = zeroCounts(bands);
  let lastYearUnitCount = 0;
  if (cols.lastYearBand !== null || cols.lastYearIndex !== null) {
    for (let k = 0; k < n; k++) {
      let code = cols.lastYearBand === null ? null : cols.lastYearBand[k];
      const lastIndex = cols.lastYearIndex === null ? NaN : cols.lastYearIndex[k];
      if (code === null && lastIndex === lastIndex) code = bands[bandIndexByIndex(lastIndex, 100 * 1e4, bands)].rule.code;
      if (code === null) continue;
      lastYearCounts[code] = (lastYearCounts[code] ?? 0) + 1;
      lastYearUnitCount++;
    }
  }
  if (lastYearUnitCount === 0) lastYearCounts = null;

  const summary: Summary = {
    unitCount: n,
    counts,
    groupCounts,
    demotedCount,
    averageIndexPct: indexSum.averagePct(n),
    highest: first >= 0 ? { name: cols.names[first], indexPct: indexPctOf(first) } : null,
    lowest: last >= 0 ? { name: cols.names[last], indexPct: indexPctOf(last) } : null,
    fields: fieldStats,
    lastYearCounts,
    lastYearUnitCount,
  };

  // The per-unit objects, as scoreTableEager builds them, on first access. The classification
  // pass gave every unit its bands: only a demoted unit is classified again, for the fields that
  // held it back; a unit's per-field figures are built when first read (JSON, the task pane's
  // details), not for every unit of a 10^4-row table that the writers never ask.
  const materialise = (): UnitResult[] => {
    const units: UnitResult[] = new Array(n);
    const points = new Map<number, FieldScore>();
    const fieldResults: Map<number, UnitFieldResult>[] = [];
    for (let k = 0; k < n; k++) {
      const figures = { totalScaled: totals[k], maxScaled: maxes[k] };
      const start = startOf[k];
      const band = bandOf[k];
      let demotion: UnitResult['demotion'] = [];
      if (band !== start) demotion = classifyUnit(fieldScoresOf(cols, k, points), fields, figures, bands).demotion;
      const lastIndex = cols.lastYearIndex === null ? NaN : cols.lastYearIndex[k];
      const unit = {
        name: cols.names[k],
        row: rowOf(cols, k),
        indexPct: indexPctOf(k),
        totalScaled: figures.totalScaled,
        maxScaled: figures.maxScaled,
        indexBand: bands[start].rule.code,
        band: bands[band].rule.code,
        demotedFrom: band === start ? null : bands[start].rule.code,
        demotion,
        lastYearIndexPct: lastIndex === lastIndex ? lastIndex / 1e4 : null,
        lastYearBand: cols.lastYearBand === null ? null : cols.lastYearBand[k],
        rank: ranks[k],
      } as UnitResult;
      // Defined last: an accessor put over a property in the middle would make each object a dictionary.
      defineLazy(unit, 'fields', () => unitFieldResults(fieldScoresOf(cols, k, points), fields, fieldResults));
      units[k] = unit;
    }
    return units;
  };
  const result = { rules, table } as ScoringResult;
  defineLazy(result, 'units', materialise);
  result.rankOrder = rankOrder;
  result.summary = summary;
  return result;
}
