import {
  HAI_DUONG_2018,
  HAI_DUONG_2018_ABOVE_80,
  PRESETS,
  RULES_SHEET,
  describeChangeReason,
  describePreview,
  describeRuleSourceProblem,
  parseRuleSetJson,
  previewRuleChange,
  ruleSetFingerprint,
  ruleSetFromRows,
  ruleSetToJson,
  ruleSetToRows,
  ruleSetToRowsV1,
  scoreTable,
  validateRuleSet,
  type CellValue,
  type RuleSet,
} from '../../src/engine';
import { makeTable } from './helpers';

/** The default with one band's lower bound (and the band below's upper bound) moved. */
function withBound(rules: RuleSet, code: string, pct: number, inclusive = true): RuleSet {
  const i = rules.bands.findIndex((b) => b.code === code);
  return {
    ...rules,
    id: `${rules.id}-edit`,
    bands: rules.bands.map((b, j) => {
      if (j === i) return { ...b, min: { pct, inclusive } };
      if (j === i + 1) return { ...b, max: { pct, inclusive: !inclusive } };
      return b;
    }),
  };
}

function withFloor(rules: RuleSet, code: string, floor: number | null): RuleSet {
  return { ...rules, bands: rules.bands.map((b) => (b.code === code ? { ...b, fieldFloorPct: floor } : b)) };
}

const LABELS = ['Công tác chỉ đạo, điều hành', 'Cải cách TTHC', 'Chính quyền số'];

/** Three fields of 100 points, so a field's points are its percentage. */
const table = makeTable(
  [100, 100, 100],
  [
    { name: 'Xã A', scores: [92, 91, 93] }, // 92% excellent
    { name: 'Xã B', scores: [81.2, 81.2, 81.2] }, // 81.20% good
    { name: 'Xã C', scores: [90, 66, 90] }, // 82% but TTHC 66% → complete
    { name: 'Xã D', scores: [80, 80, 80] }, // exactly 80% → good (inclusive)
    { name: 'Xã E', scores: [70, 70, 70] }, // 70% complete
    { name: 'Xã F', scores: [85, 85, 85] }, // 85% good
  ],
  LABELS,
);

function bandsOf(rules: RuleSet): Record<string, string> {
  const r = scoreTable(table, rules);
  return Object.fromEntries(r.units.map((u) => [u.name, u.band]));
}

describe('previewRuleChange', () => {
  test('the baseline bands', () => {
    expect(bandsOf(HAI_DUONG_2018)).toEqual({
      'Xã A': 'excellent',
      'Xã B': 'good',
      'Xã C': 'complete',
      'Xã D': 'good',
      'Xã E': 'complete',
      'Xã F': 'good',
    });
  });

  test('raising the "good" bound to 82% lists exactly the units under it, with the bound and their index', () => {
    const next = withBound(HAI_DUONG_2018, 'good', 82);
    const p = previewRuleChange(table, HAI_DUONG_2018, next);
    if (!p.ok) throw new Error('invalid');
    expect(p.changes.map((c) => [c.name, c.oldBand, c.newBand])).toEqual([
      ['Xã B', 'good', 'complete'],
      ['Xã D', 'good', 'complete'],
    ]);
    const b = p.changes[0];
    expect(b.reasons).toHaveLength(1);
    expect(describeChangeReason(b.reasons[0], HAI_DUONG_2018, next, 'vi')).toBe(
      'ngưỡng mức “Hoàn thành tốt nhiệm vụ” từ 80% lên 82%: chỉ số 81,20% không còn đạt',
    );
    expect(describeChangeReason(b.reasons[0], HAI_DUONG_2018, next, 'en')).toBe(
      'the “Good” bound rises from 80% to 82%: index 81.20% no longer reaches it',
    );
    // Xã C reached neither band's floor nor bound differently: it stays, and is not listed.
    expect(p.oldCounts).toEqual({ excellent: 1, good: 3, complete: 2, incomplete: 0 });
    expect(p.newCounts).toEqual({ excellent: 1, good: 1, complete: 4, incomplete: 0 });
    expect(p.oldFingerprint).not.toBe(p.newFingerprint);
  });

  test('lowering the "good" field floor to 65% lifts the unit held back by one field, naming the field', () => {
    const next = withFloor(HAI_DUONG_2018, 'good', 65);
    const p = previewRuleChange(table, HAI_DUONG_2018, next);
    if (!p.ok) throw new Error('invalid');
    expect(p.changes.map((c) => c.name)).toEqual(['Xã C']);
    const c = p.changes[0];
    expect([c.oldBand, c.newBand]).toEqual(['complete', 'good']);
    expect(c.reasons.map((r) => describeChangeReason(r, HAI_DUONG_2018, next, 'vi'))).toEqual([
      'ngưỡng lĩnh vực của mức “Hoàn thành tốt nhiệm vụ” 70% → 65%: Cải cách TTHC 66,00% nay đạt',
    ]);
    expect(describeChangeReason(c.reasons[0], HAI_DUONG_2018, next, 'en')).toBe(
      'the “Good” field floor 70% → 65%: Cải cách TTHC 66.00% now meets it',
    );
  });

  test('the "trên 80%" preset moves exactly the unit on 80%, and says the bound became exclusive', () => {
    const p = previewRuleChange(table, HAI_DUONG_2018, HAI_DUONG_2018_ABOVE_80);
    if (!p.ok) throw new Error('invalid');
    expect(p.changes.map((c) => [c.name, c.oldBand, c.newBand])).toEqual([['Xã D', 'good', 'complete']]);
    expect(describeChangeReason(p.changes[0].reasons[0], HAI_DUONG_2018, HAI_DUONG_2018_ABOVE_80, 'vi')).toBe(
      'ngưỡng mức “Hoàn thành tốt nhiệm vụ” đổi từ “từ 80%” thành “trên 80%”: chỉ số 80,00% không còn đạt',
    );
  });

  test('ranks depend on the index alone: a rule change never changes them', () => {
    const next = withBound(withFloor(HAI_DUONG_2018, 'complete', 75), 'excellent', 85);
    const p = previewRuleChange(table, HAI_DUONG_2018, next);
    if (!p.ok) throw new Error('invalid');
    for (const c of p.changes) expect(c.newRank).toBe(c.oldRank);
    // Every unit listed changed band, and every unit whose band changed is listed.
    const before = bandsOf(HAI_DUONG_2018);
    const after = bandsOf(next);
    const changed = Object.keys(before)
      .filter((n) => before[n] !== after[n])
      .sort();
    expect(p.changes.map((c) => c.name).sort()).toEqual(changed);
    expect(changed.length).toBeGreaterThan(0);
    for (const c of p.changes) expect(c.reasons.length).toBeGreaterThan(0);
  });

  test('the same rules: no change, and the text says so', () => {
    const p = previewRuleChange(table, HAI_DUONG_2018, { ...HAI_DUONG_2018 });
    if (!p.ok) throw new Error('invalid');
    expect(p.changes).toEqual([]);
    expect(describePreview(p, HAI_DUONG_2018, HAI_DUONG_2018, 'vi')).toEqual([
      'Không có đơn vị nào thay đổi mức xếp loại hay xếp hạng.',
    ]);
  });

  test('an invalid new rule set gives its problems and no preview', () => {
    const gap = {
      ...HAI_DUONG_2018,
      bands: HAI_DUONG_2018.bands.map((b) => (b.code === 'good' ? { ...b, min: { pct: 82, inclusive: true } } : b)),
    };
    const p = previewRuleChange(table, HAI_DUONG_2018, gap);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.problems[0]).toMatchObject({ code: 'gap', band: 'good', value: 82 });
  });

  test('describePreview: a count line, then each unit and its reasons', () => {
    const next = withBound(HAI_DUONG_2018, 'good', 82);
    const p = previewRuleChange(table, HAI_DUONG_2018, next);
    expect(describePreview(p, HAI_DUONG_2018, next, 'vi')).toEqual([
      '2/6 đơn vị thay đổi mức xếp loại.',
      '- Xã B (81,20%): Hoàn thành tốt nhiệm vụ → Hoàn thành nhiệm vụ',
      '  · ngưỡng mức “Hoàn thành tốt nhiệm vụ” từ 80% lên 82%: chỉ số 81,20% không còn đạt',
      '- Xã D (80,00%): Hoàn thành tốt nhiệm vụ → Hoàn thành nhiệm vụ',
      '  · ngưỡng mức “Hoàn thành tốt nhiệm vụ” từ 80% lên 82%: chỉ số 80,00% không còn đạt',
    ]);
  });
});

describe('rules as sheet rows', () => {
  test('every preset round-trips through rows and through JSON', () => {
    for (const p of PRESETS) {
      expect(validateRuleSet(p)).toEqual([]);
      const back = ruleSetFromRows(ruleSetToRows(p));
      expect(back).toEqual({ ok: true, rules: p });
      expect(parseRuleSetJson(ruleSetToJson(p))).toEqual({ ok: true, rules: p });
    }
    expect(new Set(PRESETS.map(ruleSetFingerprint)).size).toBe(PRESETS.length);
  });

  test('version 1 rows: a header row with marker, version, id, names; one row per band', () => {
    const rows = ruleSetToRowsV1(HAI_DUONG_2018);
    expect(rows[0].slice(0, 5)).toEqual([
      'PAR-RULES',
      1,
      'hai-duong-29-2018',
      'Hải Dương, Quyết định 29/2018/QĐ-UBND',
      'Hải Dương, Decision 29/2018/QĐ-UBND',
    ]);
    expect(rows[3]).toEqual(['good', 'Hoàn thành tốt nhiệm vụ', 'Good', 80, true, 90, false, 70]);
    expect(rows[5][7]).toBe('');
    expect(rows).toHaveLength(2 + 4);
  });

  test('cells typed by a person are read (decimal comma, TRUE as text, a % sign)', () => {
    const rows = ruleSetToRowsV1(HAI_DUONG_2018) as CellValue[][];
    rows[3][3] = '80,0';
    rows[3][4] = 'TRUE';
    rows[4][5] = '80%';
    expect(ruleSetFromRows(rows)).toEqual({ ok: true, rules: { ...HAI_DUONG_2018, decision: null } });
  });

  test('problems name the cell, the band and the value', () => {
    const rows = ruleSetToRowsV1(HAI_DUONG_2018) as CellValue[][];
    rows[3][3] = 'tám mươi';
    const r = ruleSetFromRows(rows);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => describeRuleSourceProblem(p, 'vi'))).toEqual([
      `${RULES_SHEET}!D4: mức “good”: “tám mươi” không phải là số`,
    ]);

    const gap = ruleSetToRowsV1(HAI_DUONG_2018) as CellValue[][];
    gap[3][3] = 82;
    const g = ruleSetFromRows(gap);
    if (g.ok) throw new Error('should fail');
    expect(g.problems.map((p) => describeRuleSourceProblem(p, 'vi'))).toEqual([
      `${RULES_SHEET}!D4: Ngưỡng dưới của mức “good” (82%) phải bằng ngưỡng trên của mức “complete” (80%); nếu không, đơn vị đạt từ 80% đến 82% sẽ không được xếp loại`,
    ]);
    expect(g.problems[0]).toMatchObject({
      kind: 'rule',
      problem: { code: 'gap', band: 'good', value: 82, otherValue: 80 },
    });
    expect(describeRuleSourceProblem(g.problems[0], 'en')).toBe(
      `${RULES_SHEET}!D4: The lower bound of band “good” (82%) must equal the upper bound of band “complete” (80%); otherwise units scoring from 80% to 82% get no band`,
    );
  });

  test('a sheet without the marker is not taken for a rule set', () => {
    const r = ruleSetFromRows([['Something else']]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ kind: 'source', code: 'noMarker' });
  });
});

describe('parseRuleSetJson', () => {
  test('types are checked with the JSON path and band', () => {
    const data = JSON.parse(ruleSetToJson(HAI_DUONG_2018));
    data.bands[1].min.pct = '80%';
    data.bands[2].fieldFloor = 50;
    const r = parseRuleSetJson(JSON.stringify(data));
    if (r.ok) throw new Error('should fail');
    expect(r.problems.map((p) => describeRuleSourceProblem(p, 'vi'))).toEqual([
      'bands[1].min.pct: mức “good”: “80%” không phải là số',
      'bands[2].fieldFloor: mức “complete”: khoá không có trong định dạng bộ tiêu chí',
    ]);
  });

  test('not JSON, not an object', () => {
    const a = parseRuleSetJson('{ bands: ');
    expect(a.ok || a.problems[0]).toMatchObject({ code: 'notJson', where: '$' });
    const b = parseRuleSetJson('[]');
    expect(b.ok || b.problems[0]).toMatchObject({ code: 'notAnObject' });
  });

  test('rule problems carry the band and value', () => {
    const data = JSON.parse(ruleSetToJson(HAI_DUONG_2018));
    data.bands[0].fieldFloorPct = 120;
    const r = parseRuleSetJson(JSON.stringify(data));
    if (r.ok) throw new Error('should fail');
    expect(describeRuleSourceProblem(r.problems[0], 'vi')).toBe(
      'bands[0]: Mức “excellent”: số điểm tối thiểu của lĩnh vực phải từ 0% đến 100%, đang là 120%',
    );
  });
});
