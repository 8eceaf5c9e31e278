import { compileRuleSet } from '../../src/engine/rules';
import { summarise } from '../../src/engine/summary';
import { RULES, editRules, makeTable, score, type UnitSpec } from './helpers';

const LABELS = ['Cải cách TTHC', 'Chính quyền điện tử'];
const UNITS: UnitSpec[] = [
  { name: 'Xã A', scores: [9, 85], lastYearIndex: 63.19 }, // 94%: excellent
  { name: 'Xã B', scores: [6, 85], lastYearIndex: 65 }, // 91%, field 1 at 60%: complete (demoted)
  { name: 'Xã C', scores: [8, 75], lastYearBand: 'good' }, // 83%: good
  { name: 'Xã D', scores: [7, 65], lastYearIndex: 95, lastYearBand: 'complete' }, // 72%: complete
  { name: 'Xã E', scores: [3, 50] }, // 53%: incomplete
  { name: 'Xã F', scores: ['na', 81] }, // 81/90 = 90%: excellent
];

describe('summarise', () => {
  const r = score([10, 90], UNITS, RULES, LABELS);
  const s = r.summary;

  it('checks the fixture', () => {
    expect(r.units.map((u) => [u.indexPct, u.band])).toEqual([
      [94, 'excellent'],
      [91, 'complete'],
      [83, 'good'],
      [72, 'complete'],
      [53, 'incomplete'],
      [90, 'excellent'],
    ]);
  });

  it('counts units per band, every band present', () => {
    expect(s.unitCount).toBe(6);
    expect(s.counts).toEqual({ excellent: 2, good: 1, complete: 2, incomplete: 1 });
  });

  it('counts units per score group (index alone)', () => {
    expect(s.groupCounts).toEqual({ excellent: 3, good: 1, complete: 1, incomplete: 1 });
  });

  it('counts demoted units', () => {
    expect(s.demotedCount).toBe(1);
  });

  it('keeps zero counts', () => {
    const t = score([100], [{ name: 'Xã A', scores: [85] }]).summary;
    expect(t.counts).toEqual({ excellent: 0, good: 1, complete: 0, incomplete: 0 });
    expect(t.groupCounts).toEqual({ excellent: 0, good: 1, complete: 0, incomplete: 0 });
    expect(t.demotedCount).toBe(0);
    expect(Object.keys(t.counts)).toEqual(['excellent', 'good', 'complete', 'incomplete']);
  });

  it('averages each field exactly: sum of points over (units × max), where the field applies', () => {
    // field 1: (9+6+8+7+3) / (5 × 10) = 66%; field 2: 441 / (6 × 90) = 81.666…%
    expect(s.fields.map((f) => [f.label, f.averagePct, f.applicableUnits])).toEqual([
      ['Cải cách TTHC', 66, 5],
      ['Chính quyền điện tử', 81.67, 6],
    ]);
  });

  it('rounds the field average on the exact fraction (no 0.1 + 0.2 drift)', () => {
    // 0.1 + 0.2 + 0.35 … : three units, max 1, average (0.3 + 0.35 + 0.3) / 3 = 31.666…%
    const t = score(
      [1],
      [
        { name: 'A', scores: [0.3] },
        { name: 'B', scores: [0.35] },
        { name: 'C', scores: [0.3] },
      ],
    ).summary;
    expect(t.fields[0].averagePct).toBe(31.67);
    // 80.125% is rounded half up to 80.13
    const u = score(
      [8],
      [
        { name: 'A', scores: [6.41] },
        { name: 'B', scores: [6.41] },
      ],
    ).summary;
    expect(u.fields[0].averagePct).toBe(80.13);
  });

  it('counts units under each field floor, per band with a floor', () => {
    expect(s.fields[0].underFloor).toEqual({ excellent: 3, good: 2, complete: 1 });
    expect(s.fields[1].underFloor).toEqual({ excellent: 2, good: 1, complete: 0 });
  });

  it('a field no unit applies to has no average', () => {
    const t = score([10, 90], [{ name: 'A', scores: ['na', 80] }]).summary;
    expect(t.fields[0]).toEqual({
      label: 'LV1',
      averagePct: null,
      applicableUnits: 0,
      underFloor: { excellent: 0, good: 0, complete: 0 },
    });
  });

  it('names the highest and the lowest unit', () => {
    expect(s.highest).toEqual({ name: 'Xã A', indexPct: 94 });
    expect(s.lowest).toEqual({ name: 'Xã E', indexPct: 53 });
  });

  it('breaks ties for highest and lowest in Vietnamese alphabetical order', () => {
    const t = score(
      [100],
      [
        { name: 'Hà Kỳ', scores: [90] },
        { name: 'Đại Hợp', scores: [90] },
        { name: 'Văn Tố', scores: [70] },
        { name: 'Dân Chủ', scores: [70] },
      ],
    ).summary;
    expect(t.highest?.name).toBe('Đại Hợp');
    expect(t.lowest?.name).toBe('Văn Tố');
  });

  it('averages the index', () => {
    // (94 + 91 + 83 + 72 + 53 + 90) / 6 = 80.5
    expect(s.averageIndexPct).toBe(80.5);
  });

  it('rounds the average index half up on the exact mean', () => {
    // (80.08 + 80.09) / 2 = 80.085 → 80.09 (in binary the mean is 80.08499…)
    expect(Math.round(((0.8008 + 0.8009) / 2) * 1e4) / 100).toBe(80.08);
    const t = score(
      [100],
      [
        { name: 'A', scores: [80.08] },
        { name: 'B', scores: [80.09] },
      ],
    ).summary;
    expect(t.averageIndexPct).toBe(80.09);
    // different maxima (N/A fields): 66.665% and 100% average to 83.3325%
    const u = score(
      [1, 2],
      [
        { name: 'A', scores: ['na', 1.3333] },
        { name: 'B', scores: [1, 'na'] },
      ],
    ).summary;
    expect(u.averageIndexPct).toBe(83.33);
    // 2/3 and 1/3 average to exactly 50%
    const v = score(
      [3],
      [
        { name: 'A', scores: [2] },
        { name: 'B', scores: [1] },
      ],
    ).summary;
    expect(v.averageIndexPct).toBe(50);
  });

  it('counts a unit with no applicable field as 0% in the average index', () => {
    const t = score(
      [10],
      [
        { name: 'A', scores: ['na'] },
        { name: 'B', scores: [9] },
      ],
    ).summary;
    expect(t.averageIndexPct).toBe(45);
  });

  it("counts last year's bands from the band column where given, else from last year's index", () => {
    // A 63,19% → incomplete; B 65% → complete; C "good"; D band column "complete" wins over 95%
    expect(s.lastYearCounts).toEqual({ excellent: 0, good: 1, complete: 2, incomplete: 1 });
    expect(s.lastYearUnitCount).toBe(4);
  });

  it("classifies last year's index on the exact bound", () => {
    const t = score(
      [100],
      [
        { name: 'A', scores: [50], lastYearIndex: 80 },
        { name: 'B', scores: [50], lastYearIndex: 79.9999 },
        { name: 'C', scores: [50], lastYearIndex: 90 },
        { name: 'D', scores: [50], lastYearIndex: 64.9999 },
      ],
    ).summary;
    expect(t.lastYearCounts).toEqual({ excellent: 1, good: 1, complete: 1, incomplete: 1 });
    expect(t.lastYearUnitCount).toBe(4);
  });

  it('reproduces the seed: 2020, 08/23 complete and 15/23 incomplete', () => {
    const units: UnitSpec[] = Array.from({ length: 23 }, (_, i) => ({
      name: `Xã ${i + 1}`,
      scores: [80],
      lastYearBand: i < 8 ? 'Hoàn thành nhiệm vụ' : undefined,
      lastYearIndex: i < 8 ? null : 60,
    }));
    // band labels are mapped to codes by the reader; here the codes are given directly
    for (const u of units) if (u.lastYearBand) u.lastYearBand = 'complete';
    const t = score([100], units).summary;
    expect(t.lastYearCounts).toEqual({ excellent: 0, good: 0, complete: 8, incomplete: 15 });
    expect(t.lastYearUnitCount).toBe(23);
  });

  it("has no last year's counts when nothing about last year is given", () => {
    expect(score([100], [{ name: 'A', scores: [50] }]).summary.lastYearCounts).toBeNull();
    expect(score([100], [{ name: 'A', scores: [50] }]).summary.lastYearUnitCount).toBe(0);
  });

  it('summarises an empty table', () => {
    const table = makeTable([10], []);
    const t = summarise(table, [], compileRuleSet(RULES), []);
    expect(t).toEqual({
      unitCount: 0,
      counts: { excellent: 0, good: 0, complete: 0, incomplete: 0 },
      groupCounts: { excellent: 0, good: 0, complete: 0, incomplete: 0 },
      demotedCount: 0,
      averageIndexPct: null,
      highest: null,
      lowest: null,
      fields: [
        { label: 'LV1', averagePct: null, applicableUnits: 0, underFloor: { excellent: 0, good: 0, complete: 0 } },
      ],
      lastYearCounts: null,
      lastYearUnitCount: 0,
    });
  });

  it('follows a custom rule set: its band codes and floors', () => {
    const rules = editRules((b) => {
      b[1].fieldFloorPct = null;
      b[1].code = 'tot';
    });
    const t = score([10, 90], UNITS, rules, LABELS).summary;
    expect(Object.keys(t.counts)).toEqual(['excellent', 'tot', 'complete', 'incomplete']);
    expect(t.fields[0].underFloor).toEqual({ excellent: 3, complete: 1 });
    // B (91%, field 1 at 60%) now stops at "tot", which has no floor
    expect(t.counts).toEqual({ excellent: 2, tot: 2, complete: 1, incomplete: 1 });
  });
});
