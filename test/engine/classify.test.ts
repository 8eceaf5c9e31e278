import {
  bandIndexByIndex,
  classifyUnit,
  fieldsUnderFloor,
  unitFieldResults,
  unitFigures,
} from '../../src/engine/classify';
import { compileRuleSet } from '../../src/engine/rules';
import { scoreTable, unitFields } from '../../src/engine/score';
import { RULES, editRules, fieldDefs, makeTable, sc, score, scoreOne, toScore } from './helpers';

const BANDS = compileRuleSet(RULES);

/** One field worth 100: the score is the index. */
const atIndex = (pct: number) => scoreOne([100], [pct]);

describe('band boundaries of the default rule set', () => {
  const cases: [number, string][] = [
    [100, 'excellent'],
    [90.0001, 'excellent'],
    [90, 'excellent'],
    [89.9999, 'good'],
    [80.0001, 'good'],
    [80, 'good'],
    [79.9999, 'complete'],
    [65.0001, 'complete'],
    [65, 'complete'],
    [64.9999, 'incomplete'],
    [0, 'incomplete'],
  ];
  it.each(cases)('an index of %p%% is %s', (pct, code) => {
    const u = atIndex(pct);
    expect(u.indexBand).toBe(code);
    expect(u.band).toBe(code);
    expect(u.demotedFrom).toBeNull();
    expect(u.demotion).toEqual([]);
  });

  it('reports the index rounded to 2 decimals, half up', () => {
    expect(atIndex(79.9999).indexPct).toBe(80);
    expect(atIndex(89.995).indexPct).toBe(90);
    expect(atIndex(89.9949).indexPct).toBe(89.99);
    expect(atIndex(65).indexPct).toBe(65);
  });

  it('classifies the exact figure, not the rounded one (79,9999% shows as 80,00% but is not "good")', () => {
    const u = atIndex(79.9999);
    expect(u.indexPct).toBe(80);
    expect(u.band).toBe('complete');
  });
});

describe('field floors', () => {
  // fields worth 10 and 90: the first one's score ×10 is its percentage
  it('a floor exactly met holds (70,00% field, index 88%)', () => {
    const u = scoreOne([10, 90], [7, 81]);
    expect(u.indexPct).toBe(88);
    expect(u.band).toBe('good');
    expect(u.demotion).toEqual([]);
  });

  it('a field one ten-thousandth of a point under the floor demotes one band', () => {
    const u = scoreOne([10, 90], [6.9999, 81], RULES, ['Cải cách TTHC', 'Khác']);
    expect(u.indexBand).toBe('good');
    expect(u.band).toBe('complete');
    expect(u.demotedFrom).toBe('good');
    expect(u.demotion).toEqual([{ band: 'good', failingFields: [{ label: 'Cải cách TTHC', pct: 70, floorPct: 70 }] }]);
  });

  it('the excellent floor exactly met holds (80% field, index 98%)', () => {
    const u = scoreOne([10, 90], [8, 90]);
    expect(u.band).toBe('excellent');
  });

  it('cascades two bands down: index ≥ 90 with a field at 60% is "complete", naming the field and the floors 80 and 70', () => {
    const u = scoreOne([10, 90], [6, 90], RULES, ['Cải cách TTHC', 'Chỉ đạo, điều hành']);
    expect(u.indexPct).toBe(96);
    expect(u.indexBand).toBe('excellent');
    expect(u.band).toBe('complete');
    expect(u.demotedFrom).toBe('excellent');
    expect(u.demotion).toEqual([
      { band: 'excellent', failingFields: [{ label: 'Cải cách TTHC', pct: 60, floorPct: 80 }] },
      { band: 'good', failingFields: [{ label: 'Cải cách TTHC', pct: 60, floorPct: 70 }] },
    ]);
  });

  it("cascades to the last band when a lower band's floor also fails", () => {
    const u = scoreOne([10, 90], [4, 90], RULES, ['A', 'B']);
    expect(u.indexBand).toBe('excellent');
    expect(u.band).toBe('incomplete');
    expect(u.demotion.map((d) => [d.band, d.failingFields[0].floorPct])).toEqual([
      ['excellent', 80],
      ['good', 70],
      ['complete', 50],
    ]);
    const v = scoreOne([10, 90], [4.9999, 78], RULES, ['A', 'B']);
    expect(v.indexBand).toBe('good');
    expect(v.band).toBe('incomplete');
    expect(v.demotion.map((d) => d.band)).toEqual(['good', 'complete']);
  });

  it("lists every failing field per step, and only those under that step's floor", () => {
    // A 75%, B 60%, C 100%: excellent refused by A and B, good by B only
    const u = scoreOne([20, 20, 60], [15, 12, 60], RULES, ['A', 'B', 'C']);
    expect(u.indexPct).toBe(87);
    expect(u.indexBand).toBe('good');
    expect(u.demotion).toEqual([{ band: 'good', failingFields: [{ label: 'B', pct: 60, floorPct: 70 }] }]);
    const w = scoreOne([10, 10, 80], [7.5, 6, 80], RULES, ['A', 'B', 'C']);
    expect(w.indexBand).toBe('excellent');
    expect(w.demotion).toEqual([
      {
        band: 'excellent',
        failingFields: [
          { label: 'A', pct: 75, floorPct: 80 },
          { label: 'B', pct: 60, floorPct: 80 },
        ],
      },
      { band: 'good', failingFields: [{ label: 'B', pct: 60, floorPct: 70 }] },
    ]);
    expect(w.band).toBe('complete');
  });

  it('the last band has no floor: an index under 65% with every field at 0 is simply "incomplete"', () => {
    const u = scoreOne([50, 50], [0, 60 - 10]);
    expect(u.band).toBe('incomplete');
    expect(u.demotedFrom).toBeNull();
  });

  it('a band in the middle without a floor stops the cascade', () => {
    const rules = editRules((b) => (b[2].fieldFloorPct = null));
    const u = scoreOne([10, 90], [0, 90], rules);
    expect(u.band).toBe('complete');
    expect(u.demotion.map((d) => d.band)).toEqual(['excellent', 'good']);
  });
});

describe('exact arithmetic', () => {
  it('30.1 + 29.7 + 20.2 out of 100 is exactly 80% and "good" when floors hold', () => {
    const u = scoreOne([40, 35, 25], [30.1, 29.7, 20.2]);
    expect(u.totalScaled).toBe(800000);
    expect(u.maxScaled).toBe(1000000);
    expect(u.indexPct).toBe(80);
    expect(u.band).toBe('good');
  });

  it('0.1 + 0.2-type drift does not move a unit off a bound', () => {
    // 0.1 + 0.2 as a formula result: 0.30000000000000004, still 0.3 points
    const table = makeTable([0.5, 0.5], []);
    table.units.push({
      name: 'Xã A',
      row: 3,
      nameAddress: 'B3',
      scores: [
        { kind: 'points', scaled: sc(0.1 + 0.2) },
        { kind: 'points', scaled: sc(0.35) },
      ],
      bonusScaled: 0,
      deductionScaled: 0,
      statedTotalScaled: null,
      lastYearIndexScaled: null,
      lastYearBand: null,
    });
    expect((0.3 + 0.35) * 100).toBeLessThan(65); // the trap, in binary: 64.99999999999999
    expect(scoreOne([0.5, 0.5], [0.3, 0.35]).band).toBe('complete');
    const u = scoreTable(table, RULES).units[0];
    expect(u.totalScaled).toBe(sc(0.65));
    expect(u.indexPct).toBe(65);
    expect(u.band).toBe('complete');
    // 65% with one field at 60%: exactly on the complete bound, not 64.99999
    expect(u.indexBand).toBe('complete');
  });

  it('an index with no finite decimal expansion sits on the right side of the bound', () => {
    // 2/3 = 66.67% → complete; 13/20 = 65% exactly → complete; 64.99…
    expect(scoreOne([3], [2]).band).toBe('complete');
    expect(scoreOne([20], [13]).band).toBe('complete');
    expect(scoreOne([3, 3, 3], [3, 2.85, 0]).indexBand).toBe('complete'); // 5.85/9 = 65% exactly
    expect(scoreOne([3, 3, 3], [3, 2.8499, 0]).indexBand).toBe('incomplete');
  });
});

describe('custom rule sets', () => {
  it('a moved bound (80 → 82) changes a classification', () => {
    const moved = editRules((b) => {
      b[1].min.pct = 82;
      b[2].max.pct = 82;
    });
    expect(scoreOne([100], [81]).band).toBe('good');
    expect(scoreOne([100], [81], moved).band).toBe('complete');
    expect(scoreOne([100], [82], moved).band).toBe('good');
    expect(scoreOne([100], [81.9999], moved).band).toBe('complete');
  });

  it('an exclusive lower bound ("trên 80%"): exactly 80 falls to the band below', () => {
    const above80 = editRules((b) => {
      b[1].min.inclusive = false;
      b[2].max.inclusive = true;
    });
    expect(scoreOne([100], [80], above80).band).toBe('complete');
    expect(scoreOne([100], [80.0001], above80).band).toBe('good');
    expect(scoreOne([100], [80]).band).toBe('good');
    // three fields adding up to exactly 80
    expect(scoreOne([40, 35, 25], [30.1, 29.7, 20.2], above80).band).toBe('complete');
  });

  it('an exclusive lower bound on the top band', () => {
    const above90 = editRules((b) => {
      b[0].min.inclusive = false;
      b[1].max.inclusive = true;
    });
    expect(scoreOne([100], [90], above90).band).toBe('good');
    expect(scoreOne([100], [90.0001], above90).band).toBe('excellent');
  });

  it('floors with decimals are compared exactly', () => {
    const rules = editRules((b) => (b[1].fieldFloorPct = 72.5));
    expect(scoreOne([40, 60], [29, 55], rules).band).toBe('good'); // 72.5% exactly
    expect(scoreOne([40, 60], [28.9999, 55], rules).band).toBe('complete');
  });

  it('refuses to score with an invalid rule set', () => {
    const gap = editRules((b) => (b[1].min.pct = 82));
    expect(() => scoreOne([100], [85], gap)).toThrow(/gap/);
  });
});

describe('not applicable fields, bonus and deduction', () => {
  it('"not applicable" leaves the field out of the max and the floors', () => {
    const r = score([10, 90], [{ name: 'Xã A', scores: ['na', 81] }]);
    const u = r.units[0];
    expect(u.maxScaled).toBe(sc(90));
    expect(u.indexPct).toBe(90);
    expect(u.band).toBe('excellent');
    expect(unitFields(r, 0)[0]).toEqual({ label: 'LV1', score: null, max: 10, pct: null, notApplicable: true });
  });

  it('an invalid cell stays in the max with no points and is not judged against floors', () => {
    const r = score([10, 90], [{ name: 'Xã A', scores: ['invalid', 90] }]);
    const u = r.units[0];
    expect(u.maxScaled).toBe(sc(100));
    expect(u.indexPct).toBe(90);
    expect(u.band).toBe('excellent');
    expect(unitFields(r, 0)[0]).toEqual({ label: 'LV1', score: null, max: 10, pct: null, notApplicable: false });
  });

  it('every field not applicable: index 0, last band', () => {
    const u = scoreOne([10, 90], ['na', 'na']);
    expect(u.maxScaled).toBe(0);
    expect(u.indexPct).toBe(0);
    expect(u.band).toBe('incomplete');
  });

  it('bonus and deduction adjust the total only, not the field floors', () => {
    const fields = fieldDefs([10, 90]);
    const scores = [toScore(6), toScore(70)];
    const plus = unitFigures(scores, fields, sc(15), 0);
    expect(plus).toEqual({ totalScaled: sc(91), maxScaled: sc(100) });
    const c = classifyUnit(scores, fields, plus, BANDS);
    expect(c.indexBand).toBe('excellent');
    expect(c.band).toBe('complete'); // field 1 at 60% holds it back
    const minus = unitFigures(scores, fields, 0, sc(2.5));
    expect(minus.totalScaled).toBe(sc(73.5));
    expect(unitFigures(scores, fields, sc(1), sc(1)).totalScaled).toBe(sc(76));
  });

  it('the index is clamped to 0–100%', () => {
    const fields = fieldDefs([50, 50]);
    const over = unitFigures([toScore(50), toScore(48)], fields, sc(5), 0);
    expect(over).toEqual({ totalScaled: sc(100), maxScaled: sc(100) });
    const under = unitFigures([toScore(1), toScore(2)], fields, 0, sc(10));
    expect(under).toEqual({ totalScaled: 0, maxScaled: sc(100) });
    const u = scoreOne([50, 50], [50, 48], RULES);
    expect(u.indexPct).toBe(98);
  });
});

describe('bandIndexByIndex', () => {
  it('finds the band by the index alone', () => {
    expect(bandIndexByIndex(sc(90), sc(100), BANDS)).toBe(0);
    expect(bandIndexByIndex(sc(89.9999), sc(100), BANDS)).toBe(1);
    expect(bandIndexByIndex(sc(80), sc(100), BANDS)).toBe(1);
    expect(bandIndexByIndex(sc(65), sc(100), BANDS)).toBe(2);
    expect(bandIndexByIndex(sc(64.9999), sc(100), BANDS)).toBe(3);
    expect(bandIndexByIndex(0, sc(100), BANDS)).toBe(3);
    expect(bandIndexByIndex(sc(40), sc(50), BANDS)).toBe(1); // 80%
  });
});

describe('fieldsUnderFloor', () => {
  it('lists fields strictly under the floor with rounded percentages', () => {
    const fields = fieldDefs([3, 10, 10], ['A', 'B', 'C']);
    const scores = [toScore(2), toScore(7), { kind: 'notApplicable' as const }];
    expect(fieldsUnderFloor(scores, fields, sc(70), 70)).toEqual([{ label: 'A', pct: 66.67, floorPct: 70 }]);
    expect(fieldsUnderFloor(scores, fields, sc(66.6667), 66.6667)).toEqual([
      { label: 'A', pct: 66.67, floorPct: 66.6667 },
    ]);
    expect(fieldsUnderFloor(scores, fields, sc(66.6666), 66.6666)).toEqual([]);
  });
  it('skips fields whose max is missing', () => {
    const fields = fieldDefs([10]);
    fields[0].maxScaled = null;
    expect(fieldsUnderFloor([toScore(0)], fields, sc(50), 50)).toEqual([]);
  });
});

describe('unitFieldResults', () => {
  it('gives points, max and percentage per field', () => {
    const fields = fieldDefs([3, 10], ['A', 'B']);
    expect(unitFieldResults([toScore(2), toScore(7.25)], fields)).toEqual([
      { label: 'A', score: 2, max: 3, pct: 66.67, notApplicable: false },
      { label: 'B', score: 7.25, max: 10, pct: 72.5, notApplicable: false },
    ]);
  });
});
