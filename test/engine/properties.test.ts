/**
 * Property-based tests: the engine against independent reference implementations written here
 * with BigInt rationals, on random tables and random (valid) rule sets.
 */
import fc from 'fast-check';
import {
  compareFractions,
  comparePct,
  fromScaled,
  parseNumberText,
  roundedPct,
  toScaled,
} from '../../src/engine/decimal';
import { rankEq } from '../../src/engine/rank';
import { HAI_DUONG_2018, validateRuleSet } from '../../src/engine/rules';
import { scoreTable } from '../../src/engine/score';
import type { BandRule, FieldDef, FieldScore, RuleSet, ScoringTable, UnitInput } from '../../src/engine/types';

// ---------------------------------------------------------------------------------------------
// Reference implementation: rationals as [numerator, denominator] BigInt pairs, percentages
// read from their decimal text, nothing shared with the engine.

type Q = [bigint, bigint];

/** A finite decimal number as an exact rational, from its shortest text ("82.5" → 825/10). */
function decimalQ(x: number): Q {
  const [int, frac = ''] = String(x).split('.');
  if (/e/i.test(String(x))) throw new Error(`unexpected exponent in ${x}`);
  return [BigInt(int + frac), 10n ** BigInt(frac.length)];
}

/** a/b compared with c/d, b and d > 0. */
function cmpQ([a, b]: Q, [c, d]: Q): number {
  const l = a * d;
  const r = c * b;
  return l < r ? -1 : l > r ? 1 : 0;
}

interface RefUnit {
  /** Index as a fraction of 1 (total/max), or null when nothing applies. */
  index: Q | null;
  band: string;
  indexBand: string;
}

function refUnit(u: UnitInput, fields: readonly FieldDef[], rules: RuleSet): RefUnit {
  let total = 0n;
  let max = 0n;
  u.scores.forEach((s, i) => {
    if (s.kind === 'notApplicable') return;
    max += BigInt(fields[i].maxScaled ?? 0);
    if (s.kind === 'points') total += BigInt(s.scaled);
  });
  total += BigInt(u.bonusScaled) - BigInt(u.deductionScaled);
  if (total < 0n) total = 0n;
  if (total > max) total = max;
  const last = rules.bands.length - 1;
  if (max === 0n) return { index: null, band: rules.bands[last].code, indexBand: rules.bands[last].code };
  const index: Q = [total, max];
  // index × 100 against a bound in percent
  const pct: Q = [total * 100n, max];
  const reaches = (b: BandRule) => {
    const c = cmpQ(pct, decimalQ(b.min.pct));
    return c > 0 || (c === 0 && b.min.inclusive);
  };
  let start = last;
  for (let i = 0; i < last; i++) {
    if (reaches(rules.bands[i])) {
      start = i;
      break;
    }
  }
  const floorHolds = (b: BandRule) =>
    b.fieldFloorPct === null ||
    u.scores.every((s, i) => {
      const m = fields[i].maxScaled;
      if (s.kind !== 'points' || m === null) return true;
      return cmpQ([BigInt(s.scaled) * 100n, BigInt(m)], decimalQ(b.fieldFloorPct as number)) >= 0;
    });
  let band = last;
  for (let i = start; i < last; i++) {
    if (floorHolds(rules.bands[i])) {
      band = i;
      break;
    }
  }
  return { index, band: rules.bands[band].code, indexBand: rules.bands[start].code };
}

/** RANK.EQ from the definition: 1 + how many indexes are strictly greater. */
function refRanks(indexes: (Q | null)[]): number[] {
  const q = indexes.map((x): Q => x ?? [0n, 1n]);
  return q.map((a) => 1 + q.filter((b) => cmpQ(b, a) > 0).length);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const NAMES = [
  'An Thanh',
  'Ân Thi',
  'Bình Lãng',
  'Chí Minh',
  'Cộng Lạc',
  'Dân Chủ',
  'Đại Hợp',
  'Đại Sơn',
  'Hà Kỳ',
  'Hà Thanh',
  'Hưng Đạo',
  'Minh Đức',
  'Ngọc Kỳ',
  'Nguyên Giáp',
  'Phượng Kỳ',
  'Quang Khải',
  'Quang Nghiệp',
  'Quang Phục',
  'Quang Trung',
  'Tái Sơn',
  'Tân Kỳ',
  'Thị trấn Tứ Kỳ',
  'Tiên Động',
  'Văn Tố',
  'Xã 10',
  'Xã 9',
];

/** Max points of a field: up to 100 points with up to 4 decimals, mostly round numbers. */
const maxArb = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((p) => p * 10_000),
  fc.integer({ min: 1, max: 1_000_000 }),
);

interface TableSpec {
  maxes: number[];
  units: { scores: (number | null)[]; bonus: number; deduction: number }[];
  names: string[];
}

/**
 * A table: 1–6 fields, 1–12 units, scores within max (null: not applicable), some bonus and
 * deduction. `hot` percentages (a rule set's bounds and floors) are hit exactly where the max
 * allows: a unit may have every field at the same hot percentage, so its index is exactly on it.
 */
function tableArbFor(hot: readonly number[]): fc.Arbitrary<TableSpec> {
  const hotScore = (m: number, p: number) => (m * p) / 100;
  const exactHot = (m: number) => hot.filter((p) => Number.isInteger(hotScore(m, p)));
  return fc
    .record({ maxes: fc.array(maxArb, { minLength: 1, maxLength: 6 }), n: fc.integer({ min: 1, max: 12 }) })
    .chain(({ maxes, n }) => {
      const scoreArb = (m: number) =>
        fc.oneof(
          { weight: 1, arbitrary: fc.constant(null) },
          { weight: 2, arbitrary: fc.integer({ min: 0, max: m }) },
          // scores clustered near the top, where the bands are
          { weight: 4, arbitrary: fc.integer({ min: Math.floor(m * 0.5), max: m }) },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              m,
              ...hot.flatMap((p) => [Math.floor(hotScore(m, p)), Math.ceil(hotScore(m, p))]),
            ),
          },
        );
      const common = exactHot(1_000_000).filter((p) => maxes.every((m) => exactHot(m).includes(p)));
      const allAtArb =
        common.length > 0
          ? fc.constantFrom(...common).map((p) => maxes.map((m) => hotScore(m, p)))
          : fc.tuple(...maxes.map(scoreArb));
      return fc.record({
        maxes: fc.constant(maxes),
        units: fc.array(
          fc.record({
            scores: fc.oneof(
              { weight: 3, arbitrary: fc.tuple(...maxes.map(scoreArb)) },
              { weight: 1, arbitrary: allAtArb },
            ),
            bonus: fc.oneof(
              { weight: 4, arbitrary: fc.constant(0) },
              { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
            ),
            deduction: fc.oneof(
              { weight: 4, arbitrary: fc.constant(0) },
              { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
            ),
          }),
          { minLength: n, maxLength: n },
        ),
        names: fc.shuffledSubarray(NAMES, { minLength: n, maxLength: n }),
      });
    });
}

const hotOf = (rules: RuleSet) => [
  ...new Set(
    rules.bands
      .flatMap((b) => [b.min.pct, ...(b.fieldFloorPct === null ? [] : [b.fieldFloorPct])])
      .filter((p) => p > 0),
  ),
];

const tableArb = tableArbFor(hotOf(HAI_DUONG_2018));

function buildTable(spec: TableSpec): ScoringTable {
  const fields: FieldDef[] = spec.maxes.map((m, i) => ({
    label: `LV${i + 1}`,
    maxScaled: m,
    column: String.fromCharCode(67 + i),
    maxAddress: `${String.fromCharCode(67 + i)}5`,
  }));
  const units: UnitInput[] = spec.units.map((u, k) => ({
    name: spec.names[k],
    row: k + 6,
    nameAddress: `B${k + 6}`,
    scores: u.scores.map((s): FieldScore => (s === null ? { kind: 'notApplicable' } : { kind: 'points', scaled: s })),
    bonusScaled: u.bonus,
    deductionScaled: u.deduction,
    statedTotalScaled: null,
    lastYearIndexScaled: null,
    lastYearBand: null,
  }));
  return { sheet: 'Tổng hợp', fields, units };
}

/** A percentage with up to 2 decimals strictly inside 0–100, as scaled by 100. */
const LABEL = { vi: 'Mức', en: 'Band' };

/** A valid rule set of 2–5 bands: descending thresholds, each boundary closed on one side only. */
const rulesArb: fc.Arbitrary<RuleSet> = fc
  .integer({ min: 2, max: 5 })
  .chain((k) =>
    fc.record({
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: k - 1, maxLength: k - 1 }),
      lowerClosed: fc.array(fc.boolean(), { minLength: k - 1, maxLength: k - 1 }),
      floors: fc.array(fc.option(fc.integer({ min: 0, max: 10000 }), { nil: null, freq: 4 }), {
        minLength: k,
        maxLength: k,
      }),
    }),
  )
  .map(({ cuts, lowerClosed, floors }) => {
    const t = [...cuts].sort((a, b) => b - a).map((c) => c / 100); // e.g. 82.5
    const bands: BandRule[] = [];
    for (let i = 0; i <= t.length; i++) {
      const min = i < t.length ? { pct: t[i], inclusive: lowerClosed[i] } : { pct: 0, inclusive: true };
      const max = i === 0 ? { pct: 100, inclusive: true } : { pct: t[i - 1], inclusive: !lowerClosed[i - 1] };
      const f = floors[i];
      bands.push({ code: `b${i}`, label: LABEL, min, max, fieldFloorPct: f === null ? null : f / 100 });
    }
    return { id: 'random', name: LABEL, bands };
  });

const anyRules = fc.oneof({ weight: 1, arbitrary: fc.constant(HAI_DUONG_2018) }, { weight: 2, arbitrary: rulesArb });

/** A rule set and a table whose scores hit its bounds and floors. */
const rulesAndTable = anyRules.chain((rules) =>
  fc.record({ rules: fc.constant(rules), spec: tableArbFor(hotOf(rules)) }),
);

const bandOrder = (rules: RuleSet, code: string) => rules.bands.findIndex((b) => b.code === code);

// ---------------------------------------------------------------------------------------------

describe('properties', () => {
  it('random rule sets built without gaps or overlaps validate clean', () => {
    fc.assert(fc.property(rulesArb, (rules) => expect(validateRuleSet(rules)).toEqual([])));
  });

  it('classification agrees with a BigInt reference implementation', () => {
    fc.assert(
      fc.property(rulesAndTable, ({ spec, rules }) => {
        const table = buildTable(spec);
        const result = scoreTable(table, rules);
        table.units.forEach((u, k) => {
          const ref = refUnit(u, table.fields, rules);
          const got = result.units[k];
          expect([got.name, got.indexBand, got.band]).toEqual([u.name, ref.indexBand, ref.band]);
          expect(got.demotedFrom).toBe(ref.band === ref.indexBand ? null : ref.indexBand);
          // one demotion step per band refused, from the index band down to the band given
          expect(got.demotion.map((d) => d.band)).toEqual(
            rules.bands.slice(bandOrder(rules, ref.indexBand), bandOrder(rules, ref.band)).map((b) => b.code),
          );
          for (const step of got.demotion) expect(step.failingFields.length).toBeGreaterThan(0);
          if (ref.index)
            expect(got.indexPct).toBe(Number((2n * ref.index[0] * 10_000n + ref.index[1]) / (2n * ref.index[1])) / 100);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the default rule set on scores right at its bounds agrees with the reference', () => {
    // one field worth `max`, scored at each bound ± one ten-thousandth of a point
    const boundsArb = fc.record({
      max: fc.integer({ min: 1, max: 2_000_000 }),
      pct: fc.constantFrom(90, 80, 65, 70, 50),
      delta: fc.integer({ min: -2, max: 2 }),
      other: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(boundsArb, ({ max, pct, delta, other }) => {
        const at = Math.min(max, Math.max(0, Math.round((max * pct) / 100) + delta));
        const spec: TableSpec = {
          maxes: [max, 1_000_000],
          units: [{ scores: [at, other * 10_000], bonus: 0, deduction: 0 }],
          names: ['Xã A'],
        };
        const table = buildTable(spec);
        const ref = refUnit(table.units[0], table.fields, HAI_DUONG_2018);
        expect(scoreTable(table, HAI_DUONG_2018).units[0].band).toBe(ref.band);
      }),
      { numRuns: 500 },
    );
  });

  it("raising any single score (within its max) never lowers a unit's band", () => {
    const arb = rulesAndTable.chain(({ spec, rules }) =>
      fc.record({
        rules: fc.constant(rules),
        spec: fc.constant(spec),
        unit: fc.integer({ min: 0, max: spec.units.length - 1 }),
        field: fc.integer({ min: 0, max: spec.maxes.length - 1 }),
        raise: fc.integer({ min: 1, max: 1_000_000 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ spec, unit, field, raise, rules }) => {
        const before = spec.units[unit].scores[field];
        fc.pre(before !== null && before < spec.maxes[field]);
        const raised: TableSpec = {
          ...spec,
          units: spec.units.map((u, k) =>
            k === unit
              ? {
                  ...u,
                  scores: u.scores.map((s, i) =>
                    i === field ? Math.min(spec.maxes[field], (s as number) + raise) : s,
                  ),
                }
              : u,
          ),
        };
        const a = scoreTable(buildTable(spec), rules).units[unit];
        const b = scoreTable(buildTable(raised), rules).units[unit];
        expect(bandOrder(rules, b.band)).toBeLessThanOrEqual(bandOrder(rules, a.band));
        expect(bandOrder(rules, b.indexBand)).toBeLessThanOrEqual(bandOrder(rules, a.indexBand));
        expect(
          compareFractions(b.totalScaled, b.maxScaled || 1, a.totalScaled, a.maxScaled || 1),
        ).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('ranks are RANK.EQ of the exact index: rank[i] = 1 + #{j: index_j > index_i}', () => {
    fc.assert(
      fc.property(tableArb, (spec) => {
        const table = buildTable(spec);
        const result = scoreTable(table, HAI_DUONG_2018);
        const ref = refRanks(table.units.map((u) => refUnit(u, table.fields, HAI_DUONG_2018).index));
        expect(result.units.map((u) => u.rank)).toEqual(ref);
        // rankOrder: a permutation, ranks non-decreasing, ties in Vietnamese alphabetical order
        const order = result.rankOrder;
        expect([...order].sort((a, b) => a - b)).toEqual(table.units.map((_, k) => k));
        for (let k = 1; k < order.length; k++) {
          const [p, q] = [result.units[order[k - 1]], result.units[order[k]]];
          expect(p.rank).toBeLessThanOrEqual(q.rank);
          if (p.rank === q.rank)
            expect(new Intl.Collator('vi', { numeric: true }).compare(p.name, q.name)).toBeLessThanOrEqual(0); // "Xã 9" before "Xã 10"
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rankEq matches the definition on random fractions, large denominators included', () => {
    const frac = fc.oneof(
      fc.integer({ min: 1, max: 1000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
      fc
        .bigInt({ min: 2n ** 40n, max: 2n ** 52n })
        .chain((d) => fc.tuple(fc.bigInt({ min: 0n, max: d }), fc.constant(d)))
        .map(([n, d]) => [Number(n), Number(d)] as [number, number]),
    );
    fc.assert(
      fc.property(fc.array(frac, { minLength: 1, maxLength: 15 }), fc.boolean(), (fs, dup) => {
        // equal fractions written differently: append a copy of the first scaled by 2 when it stays safe
        if (dup && Number.isSafeInteger(fs[0][1] * 2)) fs = [...fs, [fs[0][0] * 2, fs[0][1] * 2]];
        const got = Array.from(
          rankEq(
            fs.map((f) => f[0]),
            fs.map((f) => f[1]),
          ),
        );
        expect(got).toEqual(refRanks(fs.map(([n, d]): Q => [BigInt(n), BigInt(d)])));
        if (dup && fs.length > 1 && got.length === fs.length) {
          const last = fs.length - 1;
          if (fs[last][1] === fs[0][1] * 2 && fs[last][0] === fs[0][0] * 2) expect(got[last]).toBe(got[0]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('classification and ranks do not depend on row order', () => {
    const arb = rulesAndTable.chain(({ spec, rules }) =>
      fc.record({
        rules: fc.constant(rules),
        spec: fc.constant(spec),
        perm: fc.shuffledSubarray(
          spec.units.map((_, k) => k),
          { minLength: spec.units.length, maxLength: spec.units.length },
        ),
      }),
    );
    fc.assert(
      fc.property(arb, ({ spec, perm, rules }) => {
        const shuffled: TableSpec = {
          maxes: spec.maxes,
          units: perm.map((k) => spec.units[k]),
          names: perm.map((k) => spec.names[k]),
        };
        const a = scoreTable(buildTable(spec), rules);
        const b = scoreTable(buildTable(shuffled), rules);
        const byName = (r: typeof a) =>
          Object.fromEntries(r.units.map((u) => [u.name, [u.band, u.indexBand, u.rank, u.indexPct, u.demotion]]));
        expect(byName(b)).toEqual(byName(a));
        expect(b.rankOrder.map((k) => b.units[k].name)).toEqual(a.rankOrder.map((k) => a.units[k].name));
        expect(b.summary.counts).toEqual(a.summary.counts);
        expect(b.summary.groupCounts).toEqual(a.summary.groupCounts);
        expect(b.summary.fields).toEqual(a.summary.fields);
        expect(b.summary.averageIndexPct).toBe(a.summary.averageIndexPct);
        expect(b.summary.highest).toEqual(a.summary.highest);
        expect(b.summary.lowest).toEqual(a.summary.lowest);
      }),
      { numRuns: 200 },
    );
  });

  it('summary counts add up and agree with the units', () => {
    fc.assert(
      fc.property(rulesAndTable, ({ spec, rules }) => {
        const r = scoreTable(buildTable(spec), rules);
        const s = r.summary;
        const sum = (o: Record<string, number>) => Object.values(o).reduce((x, y) => x + y, 0);
        expect(sum(s.counts)).toBe(r.units.length);
        expect(sum(s.groupCounts)).toBe(r.units.length);
        expect(Object.keys(s.counts)).toEqual(rules.bands.map((b) => b.code));
        expect(s.demotedCount).toBe(r.units.filter((u) => u.band !== u.indexBand).length);
        s.fields.forEach((f, i) => {
          const pts = spec.units.map((u) => u.scores[i]).filter((x): x is number => x !== null);
          expect(f.applicableUnits).toBe(pts.length);
          const total = pts.reduce((x, y) => x + y, 0);
          expect(f.averagePct).toBe(pts.length ? roundedPct(total, spec.maxes[i] * pts.length) : null);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('parseNumberText round-trips numbers written in vi or en notation without grouping', () => {
    const arb = fc.record({
      int: fc.oneof(
        fc.constantFrom(0, 1, 12, 123),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 10_000_000 }),
      ),
      frac: fc.stringMatching(/^\d{0,4}$/),
      sep: fc.constantFrom(',', '.'),
      neg: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ int, frac, sep, neg }) => {
        const text = `${neg ? '-' : ''}${int}${frac ? sep + frac : ''}`;
        const value = Number(`${neg ? '-' : ''}${int}${frac ? '.' + frac : ''}`) || 0; // "-0" reads as 0
        const parsed = parseNumberText(text);
        // "12,345" or "1.234" can also be a thousands group: only then is the text ambiguous
        if (/^-?[1-9]\d{0,2}[.,]\d{3}$/.test(text)) {
          expect(parsed.kind).toBe('ambiguous');
          if (parsed.kind === 'ambiguous') expect(parsed.readings).toContain(value);
        } else {
          expect(parsed).toEqual({ kind: 'number', value });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('toScaled and fromScaled are inverse on 4-decimal numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (k) => {
        expect(toScaled(fromScaled(k))).toEqual({ ok: true, scaled: k === 0 ? 0 : k, rounded: false });
      }),
      { numRuns: 1000 },
    );
  });

  it('comparePct agrees with BigInt arithmetic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (den, p, f) => {
          const num = Math.floor(den * f);
          const ref = cmpQ([BigInt(num) * 100n * 10_000n, BigInt(den)], [BigInt(p), 1n]);
          expect(comparePct(num, den, p)).toBe(ref);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
