import { describeRuleProblem } from '../../src/engine/describe';
import {
  HAI_DUONG_2018,
  InvalidRuleSetError,
  PRESETS,
  compileRuleSet,
  fnv1a,
  ruleSetFingerprint,
  validateRuleSet,
  type RuleProblem,
} from '../../src/engine/rules';
import type { RuleSet } from '../../src/engine/types';
import { band, editRules } from './helpers';

const codes = (ps: RuleProblem[]) => ps.map((p) => p.code);

describe('HAI_DUONG_2018', () => {
  it('is valid', () => {
    expect(validateRuleSet(HAI_DUONG_2018)).toEqual([]);
  });

  it('holds the table of Decision 29/2018 as the seed applies it', () => {
    expect(
      HAI_DUONG_2018.bands.map((b) => [
        b.code,
        b.min.pct,
        b.min.inclusive,
        b.max.pct,
        b.max.inclusive,
        b.fieldFloorPct,
      ]),
    ).toEqual([
      ['excellent', 90, true, 100, true, 80],
      ['good', 80, true, 90, false, 70],
      ['complete', 65, true, 80, false, 50],
      ['incomplete', 0, true, 65, false, null],
    ]);
    expect(HAI_DUONG_2018.bands.map((b) => b.label.vi)).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
    ]);
  });

  it('is among the presets', () => {
    expect(PRESETS).toContain(HAI_DUONG_2018);
    for (const p of PRESETS) expect(validateRuleSet(p)).toEqual([]);
  });
});

describe('validateRuleSet', () => {
  it('refuses a gap, naming the band above it and the bound', () => {
    const rules = editRules((b) => {
      b[1].min.pct = 82; // good from 82, complete up to 80: 80–82 in no band
    });
    const problems = validateRuleSet(rules);
    expect(problems).toEqual([{ code: 'gap', band: 'good', other: 'complete', value: 82, otherValue: 80 }]);
  });

  it('refuses a gap made by two exclusive ends at the same value', () => {
    const rules = editRules((b) => {
      b[1].min.inclusive = false; // "trên 80%" for good, "dưới 80%" for complete: 80 in neither
    });
    expect(validateRuleSet(rules)).toEqual([
      { code: 'gap', band: 'good', other: 'complete', value: 80, otherValue: 80 },
    ]);
  });

  it('refuses an overlap, by value and by two inclusive ends', () => {
    const byValue = editRules((b) => {
      b[2].max.pct = 85;
    });
    expect(validateRuleSet(byValue)).toEqual([
      { code: 'overlap', band: 'good', other: 'complete', value: 80, otherValue: 85 },
    ]);
    const byEnds = editRules((b) => {
      b[2].max.inclusive = true; // 80 both "good" and "complete"
    });
    expect(validateRuleSet(byEnds)).toEqual([
      { code: 'overlap', band: 'good', other: 'complete', value: 80, otherValue: 80 },
    ]);
  });

  it('accepts an exclusive lower bound met by an inclusive upper bound', () => {
    const rules = editRules((b) => {
      b[1].min.inclusive = false;
      b[2].max.inclusive = true;
    });
    expect(validateRuleSet(rules)).toEqual([]);
  });

  it('refuses bands not ordered from highest to lowest', () => {
    const rules = editRules((b) => {
      [b[1], b[2]] = [b[2], b[1]];
    });
    const problems = validateRuleSet(rules);
    expect(problems).toContainEqual({
      code: 'notDescending',
      band: 'good',
      other: 'complete',
      value: 80,
      otherValue: 65,
    });
  });

  it('refuses bounds outside 0–100', () => {
    expect(validateRuleSet(editRules((b) => (b[0].max.pct = 101)))).toEqual([
      { code: 'outOfRange', band: 'excellent', value: 101 },
    ]);
    expect(validateRuleSet(editRules((b) => (b[3].min.pct = -5)))).toEqual([
      { code: 'outOfRange', band: 'incomplete', value: -5 },
    ]);
    expect(validateRuleSet(editRules((b) => (b[1].fieldFloorPct = 120)))).toEqual([
      { code: 'floorOutOfRange', band: 'good', value: 120 },
    ]);
  });

  it('refuses a top band that does not reach 100% inclusive', () => {
    expect(validateRuleSet(editRules((b) => (b[0].max.pct = 99)))).toEqual([
      { code: 'topNot100', band: 'excellent', value: 99 },
    ]);
    expect(validateRuleSet(editRules((b) => (b[0].max.inclusive = false)))).toEqual([
      { code: 'topNot100', band: 'excellent', value: 100 },
    ]);
  });

  it('refuses a bottom band that does not start at 0% inclusive', () => {
    expect(validateRuleSet(editRules((b) => (b[3].min.pct = 10)))).toEqual([
      { code: 'bottomNot0', band: 'incomplete', value: 10 },
    ]);
    expect(validateRuleSet(editRules((b) => (b[3].min.inclusive = false)))).toEqual([
      { code: 'bottomNot0', band: 'incomplete', value: 0 },
    ]);
  });

  it('refuses non-numbers, too many decimals and empty ranges', () => {
    const nan = editRules((b) => ((b[1].min as { pct: unknown }).pct = '80'));
    expect(codes(validateRuleSet(nan))).toEqual(['notANumber']);
    expect(validateRuleSet(nan)[0].band).toBe('good');
    expect(validateRuleSet(editRules((b) => (b[1].min.pct = 80.00001)))).toEqual([
      { code: 'tooManyDecimals', band: 'good', value: 80.00001 },
    ]);
    expect(validateRuleSet(editRules((b) => (b[1].max.pct = 70)))).toContainEqual({
      code: 'emptyRange',
      band: 'good',
      value: 80,
      otherValue: 70,
    });
    expect(codes(validateRuleSet(editRules((b) => (b[1].max = { pct: 80, inclusive: false }))))).toContain(
      'emptyRange',
    );
  });

  it('accepts bounds with 4 decimals and a one-value band', () => {
    const rules = editRules((b) => {
      b[1].min.pct = 79.9999;
      b[2].max.pct = 79.9999;
    });
    expect(validateRuleSet(rules)).toEqual([]);
    const single: RuleSet = editRules((b) => {
      b.splice(
        0,
        1,
        { ...b[0], min: { pct: 100, inclusive: true } },
        { ...b[0], code: 'high', min: { pct: 90, inclusive: true }, max: { pct: 100, inclusive: false } },
      );
    });
    expect(validateRuleSet(single)).toEqual([]);
  });

  it('refuses missing or repeated codes and labels, and an empty rule set', () => {
    expect(validateRuleSet({ id: 'x', name: { vi: 'x', en: 'x' }, bands: [] })).toEqual([
      { code: 'noBands', band: '' },
    ]);
    expect(codes(validateRuleSet(editRules((b) => (b[2].code = 'good'))))).toContain('duplicateCode');
    expect(validateRuleSet(editRules((b) => (b[2].code = ' ')))).toContainEqual({ code: 'badCode', band: '#3' });
    expect(validateRuleSet(editRules((b) => (b[0].label.en = '')))).toEqual([
      { code: 'missingLabel', band: 'excellent' },
    ]);
  });
});

describe('compileRuleSet', () => {
  it('pre-scales bounds and floors', () => {
    const bands = compileRuleSet(HAI_DUONG_2018);
    expect(bands.map((b) => [b.rule.code, b.minScaled, b.minInclusive, b.floorScaled])).toEqual([
      ['excellent', 900000, true, 800000],
      ['good', 800000, true, 700000],
      ['complete', 650000, true, 500000],
      ['incomplete', 0, true, null],
    ]);
  });

  it('throws InvalidRuleSetError carrying every problem', () => {
    const rules = editRules((b) => {
      b[1].min.pct = 82;
      b[0].max.pct = 99;
    });
    let error: unknown;
    try {
      compileRuleSet(rules, (p) => describeRuleProblem(p, 'vi'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRuleSetError);
    const e = error as InvalidRuleSetError;
    expect(codes(e.problems).sort()).toEqual(['gap', 'topNot100']);
    expect(e.message).toContain('Ngưỡng dưới của mức “good” (82%) phải bằng ngưỡng trên của mức “complete”');
    expect(e.message).toContain('đang dừng ở 99%');
  });
});

describe('describeRuleProblem', () => {
  const gap: RuleProblem = { code: 'gap', band: 'good', other: 'complete', value: 82.5, otherValue: 80 };

  it('names the band and the value in Vietnamese, with a decimal comma', () => {
    expect(describeRuleProblem(gap, 'vi')).toBe(
      'Ngưỡng dưới của mức “good” (82,5%) phải bằng ngưỡng trên của mức “complete” (80%); nếu không, đơn vị đạt từ 80% đến 82,5% sẽ không được xếp loại',
    );
  });

  it('names the band and the value in English', () => {
    expect(describeRuleProblem(gap, 'en')).toBe(
      'The lower bound of band “good” (82.5%) must equal the upper bound of band “complete” (80%); otherwise units scoring from 80% to 82.5% get no band',
    );
  });

  it('describes every problem a validation produces, leaving no placeholder', () => {
    const broken = [
      editRules((b) => (b[1].min.pct = 82)),
      editRules((b) => (b[2].max.pct = 85)),
      editRules((b) => ([b[1], b[2]] = [b[2], b[1]])),
      editRules((b) => (b[0].max.pct = 101)),
      editRules((b) => (b[0].max.pct = 99)),
      editRules((b) => (b[3].min.pct = 10)),
      editRules((b) => (b[1].fieldFloorPct = -1)),
      editRules((b) => (b[1].min.pct = 80.00001)),
      editRules((b) => (b[1].max.pct = 70)),
      editRules((b) => ((b[1].min as { pct: unknown }).pct = 'abc')),
      editRules((b) => (b[2].code = 'good')),
      editRules((b) => (b[0].label.vi = '')),
    ];
    for (const rules of broken) {
      const problems = validateRuleSet(rules);
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) {
        for (const lang of ['vi', 'en'] as const) {
          const text = describeRuleProblem(p, lang);
          expect(text).not.toMatch(/\{\w+\}/);
          if (p.band) expect(text).toContain(p.band);
        }
      }
    }
  });

  it('writes out-of-range, overlap and not-descending messages with their values', () => {
    expect(describeRuleProblem({ code: 'outOfRange', band: 'excellent', value: 101 }, 'vi')).toBe(
      'Mức “excellent”: ngưỡng phải từ 0% đến 100%, đang là 101%',
    );
    expect(
      describeRuleProblem({ code: 'overlap', band: 'good', other: 'complete', value: 80, otherValue: 85 }, 'en'),
    ).toBe(
      'The lower bound of band “good” (80%) must equal the upper bound of band “complete” (85%); otherwise units scoring from 80% to 85% fall in both bands',
    );
    // On one value: both exclusive (gap) or both inclusive (overlap).
    expect(describeRuleProblem({ code: 'gap', band: 'good', other: 'complete', value: 80, otherValue: 80 }, 'vi')).toBe(
      'Đơn vị đạt đúng 80% sẽ không được xếp loại: ngưỡng dưới của mức “good” hoặc ngưỡng trên của mức “complete” phải tính cả 80%',
    );
    expect(
      describeRuleProblem({ code: 'overlap', band: 'good', other: 'complete', value: 80, otherValue: 80 }, 'vi'),
    ).toBe('Đơn vị đạt đúng 80% sẽ thuộc cả hai mức “good” và “complete”: chỉ một trong hai ngưỡng được tính cả 80%');
    expect(
      describeRuleProblem({ code: 'notDescending', band: 'good', other: 'complete', value: 80, otherValue: 65 }, 'vi'),
    ).toBe(
      'Mức “good” phải bắt đầu thấp hơn mức “complete” ở trên nó: ngưỡng dưới đang là 80%, của mức “complete” là 65%',
    );
    // a message about decimals shows them all
    expect(describeRuleProblem({ code: 'tooManyDecimals', band: 'good', value: 80.00001 }, 'vi')).toBe(
      'Mức “good”: ngưỡng chỉ ghi tối đa 4 chữ số sau dấu phẩy, đang là 80,00001%',
    );
    expect(describeRuleProblem({ code: 'tooManyDecimals', band: 'good', value: 80.00001 }, 'en')).toBe(
      'Band “good”: a bound may have at most 4 decimals; it is 80.00001%',
    );
    expect(describeRuleProblem({ code: 'notANumber', band: 'good', value: 'abc' as unknown as number }, 'vi')).toBe(
      'Mức “good”: giá trị “abc” không phải là số',
    );
  });
});

describe('ruleSetFingerprint', () => {
  it('is stable and changes with any bound, flag, floor or label', () => {
    const base = ruleSetFingerprint(HAI_DUONG_2018);
    expect(base).toMatch(/^[0-9a-f]{8}$/);
    expect(ruleSetFingerprint(editRules(() => undefined))).toBe(base);
    const variants = [
      editRules((b) => (b[1].min.pct = 82)),
      editRules((b) => (b[1].min.inclusive = false)),
      editRules((b) => (b[1].fieldFloorPct = 75)),
      editRules((b) => (b[1].label.vi = 'Tốt')),
      editRules((b) => (b[1].code = 'tot')),
    ];
    for (const v of variants) expect(ruleSetFingerprint(v)).not.toBe(base);
    // the id and name are not part of the meaning
    expect(ruleSetFingerprint({ ...HAI_DUONG_2018, id: 'other' })).toBe(base);
  });

  it('uses FNV-1a', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
  });
});

describe('band helper', () => {
  it('finds bands by code', () => {
    expect(band(HAI_DUONG_2018, 'good').min.pct).toBe(80);
  });
});
