/**
 * Issue 16, properties on random rule sets using per-field floors, components, band caps, blocks
 * (with their own bands and units left out), rounding and the rank method:
 * - raising a score (a field or the survey) never lowers a unit's band;
 * - ranks within each block are a RANK.EQ (or dense) ranking of that block, computed here with
 *   BigInt rationals independently of the engine; units left out have no rank.
 */
import fc from 'fast-check';
import { scoreTable } from '../../src/engine/score';
import { validateRuleSet } from '../../src/engine/rules';
import type { BandRule, FieldDef, RuleSet, ScoringTable, UnitInput } from '../../src/engine/types';

const LABELS = ['LV1', 'LV2', 'LV3', 'LV4'];

/** Bands from descending integer cut points in (0, 100), each with a floor or none and some per-field floors. */
const bandsArb = (prefix: string): fc.Arbitrary<BandRule[]> =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 4 })
    .chain((cuts) => {
      const sorted = [...cuts].sort((a, b) => b - a);
      const floorArb = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
      const perField = fc.uniqueArray(fc.record({ field: fc.constantFrom(...LABELS), pct: floorArb }), {
        selector: (f) => f.field,
        maxLength: 3,
      });
      return fc.tuple(
        fc.constant(sorted),
        fc.array(fc.tuple(floorArb, perField), { minLength: sorted.length + 1, maxLength: sorted.length + 1 }),
      );
    })
    .map(([cuts, floors]) =>
      floors.map(([floor, fieldFloors], i) => ({
        code: `${prefix}${i}`,
        label: { vi: `Mức ${prefix}${i}`, en: `Band ${prefix}${i}` },
        min: { pct: i < cuts.length ? cuts[i] : 0, inclusive: true },
        max: { pct: i === 0 ? 100 : cuts[i - 1], inclusive: i === 0 },
        fieldFloorPct: i === cuts.length ? null : floor,
        fieldFloors: i === cuts.length ? [] : fieldFloors,
      })),
    );

const rulesArb: fc.Arbitrary<RuleSet> = fc
  .record({
    bands: bandsArb('b'),
    ownBands: bandsArb('k'),
    blockOwn: fc.boolean(),
    blockRanked: fc.boolean(),
    withComponents: fc.boolean(),
    surveyFloor: fc.boolean(),
    convert: fc.boolean(),
    decimals: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    dense: fc.boolean(),
  })
  .map((r) => ({
    id: 'random',
    name: { vi: 'Ngẫu nhiên', en: 'Random' },
    bands: r.bands,
    indexDecimals: r.decimals,
    rankMethod: r.dense ? 'dense' : 'rankEq',
    components: r.withComponents
      ? {
          appraisal: { label: { vi: 'Thẩm định', en: 'Appraisal' }, points: 70, floorApplies: false },
          survey: { label: { vi: 'Khảo sát', en: 'Survey' }, points: 30, floorApplies: r.surveyFloor },
          convertWithoutSurvey: r.convert,
        }
      : null,
    blocks: [
      { code: 'A', label: { vi: 'Khối A', en: 'Block A' }, ranked: true },
      {
        code: 'B',
        label: { vi: 'Khối B', en: 'Block B' },
        ranked: r.blockRanked,
        ...(r.blockOwn ? { bands: r.ownBands } : {}),
      },
    ],
  }));

interface UnitSpec {
  scores: number[]; // ten-thousandths
  survey: number | null; // ten-thousandths of the survey's 30 points
  block: 'A' | 'B' | null;
  unranked: boolean;
  cap: number | null; // index into the unit's bands
}

const tableArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    maxes: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: n, maxLength: n }),
    units: fc.array(
      fc.record({
        fracs: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }),
        survey: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null }),
        block: fc.constantFrom<'A' | 'B' | null>('A', 'B', null),
        unranked: fc.boolean(),
        cap: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 3 }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
  }),
);

type TableSpec = { maxes: number[]; units: UnitSpec[] };

function specOf(t: {
  maxes: number[];
  units: { fracs: number[]; survey: number | null; block: 'A' | 'B' | null; unranked: boolean; cap: number | null }[];
}): TableSpec {
  return {
    maxes: t.maxes,
    units: t.units.map((u) => ({
      scores: u.fracs.map((f, i) => Math.round((t.maxes[i] * 1e4 * f) / 100)),
      survey: u.survey,
      block: u.block,
      unranked: u.unranked,
      cap: u.cap,
    })),
  };
}

function bandsOfUnit(rules: RuleSet, u: UnitSpec): BandRule[] {
  return (u.block ? rules.blocks?.find((b) => b.code === u.block)?.bands : undefined) ?? rules.bands;
}

function build(spec: TableSpec, rules: RuleSet): ScoringTable {
  const fields: FieldDef[] = spec.maxes.map((m, i) => ({
    label: LABELS[i],
    maxScaled: m * 1e4,
    column: String.fromCharCode(67 + i),
    maxAddress: `${String.fromCharCode(67 + i)}2`,
  }));
  const units: UnitInput[] = spec.units.map((u, k) => {
    const bands = bandsOfUnit(rules, u);
    return {
      name: `Xã ${k + 1}`,
      row: k + 3,
      nameAddress: `B${k + 3}`,
      scores: u.scores.map((s) => ({ kind: 'points', scaled: s })),
      bonusScaled: 0,
      deductionScaled: 0,
      statedTotalScaled: null,
      lastYearIndexScaled: null,
      lastYearBand: null,
      block: u.block,
      surveyScaled: u.survey,
      unranked: u.unranked,
      bandCap: u.cap === null ? null : { band: bands[Math.min(u.cap, bands.length - 1)].code, reason: 'kỷ luật' },
    };
  });
  return { sheet: 'S', fields, units };
}

const order = (bands: BandRule[], code: string) => bands.findIndex((b) => b.code === code);

describe('properties with every rule feature', () => {
  it('random rule sets are valid', () => {
    fc.assert(
      fc.property(rulesArb, (rules) => expect(validateRuleSet(rules)).toEqual([])),
      { numRuns: 200 },
    );
  });

  it('raising a field’s points or the survey never lowers a band', () => {
    const arb = fc.tuple(rulesArb, tableArb).chain(([rules, t]) => {
      const spec = specOf(t);
      return fc.record({
        rules: fc.constant(rules),
        spec: fc.constant(spec),
        unit: fc.integer({ min: 0, max: spec.units.length - 1 }),
        what: fc.integer({ min: -1, max: spec.maxes.length - 1 }), // -1: the survey
        raise: fc.integer({ min: 1, max: 200_000 }),
      });
    });
    fc.assert(
      fc.property(arb, ({ rules, spec, unit, what, raise }) => {
        const u = spec.units[unit];
        const raisedUnit: UnitSpec =
          what < 0
            ? { ...u, survey: Math.min(300_000, (u.survey ?? 0) + raise) }
            : { ...u, scores: u.scores.map((s, i) => (i === what ? Math.min(spec.maxes[i] * 1e4, s + raise) : s)) };
        // A unit given a survey it had none of is another case (conversion): only raise a survey it has.
        fc.pre(what >= 0 || u.survey !== null || !rules.components?.convertWithoutSurvey);
        const raised: TableSpec = { ...spec, units: spec.units.map((x, k) => (k === unit ? raisedUnit : x)) };
        const a = scoreTable(build(spec, rules), rules).units[unit];
        const b = scoreTable(build(raised, rules), rules).units[unit];
        const bands = bandsOfUnit(rules, u);
        expect(order(bands, b.band)).toBeLessThanOrEqual(order(bands, a.band));
      }),
      { numRuns: 400 },
    );
  });

  it('ranks within each block are RANK.EQ (or dense) of the block’s compared index; units left out have none', () => {
    fc.assert(
      fc.property(rulesArb, tableArb, (rules, t) => {
        const spec = specOf(t);
        const result = scoreTable(build(spec, rules), rules);
        const value = spec.units.map((u) => refIndex(u, spec.maxes, rules));
        const ranked = spec.units.map((u) => !u.unranked && !(u.block === 'B' && !rules.blocks?.[1].ranked));
        for (const block of ['A', 'B', null] as const) {
          const members = spec.units.map((_, k) => k).filter((k) => spec.units[k].block === block && ranked[k]);
          const got = members.map((k) => result.units[k].rank);
          const ref = members.map((k) => {
            const greater = members.filter((j) => cmp(value[j], value[k]) > 0);
            return rules.rankMethod === 'dense'
              ? 1 + new Set(greater.map((j) => key(value[j]))).size
              : 1 + greater.length;
          });
          expect(got).toEqual(ref);
          // a ranking of the block: sorted, it starts at 1 and ties repeat (skipping after them for RANK.EQ)
          const sorted = [...got].sort((x, y) => x - y);
          sorted.forEach((r, i) => {
            if (i === 0) expect(r).toBe(1);
            else if (r !== sorted[i - 1]) expect(r).toBe(rules.rankMethod === 'dense' ? sorted[i - 1] + 1 : i + 1);
          });
        }
        spec.units.forEach((_, k) => {
          if (!ranked[k]) expect([result.units[k].rank, result.units[k].ranked]).toEqual([0, false]);
        });
      }),
      { numRuns: 300 },
    );
  });
});

type Q = [bigint, bigint];
const cmp = ([a, b]: Q, [c, d]: Q) => (a * d < c * b ? -1 : a * d > c * b ? 1 : 0);
const key = ([a, b]: Q) => {
  const g = gcd(a, b);
  return `${a / g}/${b / g}`;
};
function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}

/** The index the rules compare (a fraction of 1), from the definition: components, then rounding half up. */
function refIndex(u: UnitSpec, maxes: number[], rules: RuleSet): Q {
  const T = BigInt(u.scores.reduce((x, y) => x + y, 0));
  const M = BigInt(maxes.reduce((x, y) => x + y, 0) * 1e4);
  let q: Q = [T, M];
  const c = rules.components;
  if (c && !(u.survey === null && c.convertWithoutSurvey)) {
    const S = BigInt(u.survey ?? 0);
    q = [T * 70n * 10_000n + S * M, M * 100n * 10_000n];
  }
  const d = rules.indexDecimals;
  if (d === null || d === undefined) return q;
  const unit = 100n * 10n ** BigInt(d); // the index in units of 10^-d percent
  const n = (2n * q[0] * unit + q[1]) / (2n * q[1]);
  return [n, unit];
}
