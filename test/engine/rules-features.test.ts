/**
 * Issue 16, the rules provinces use: per-field floors, components, caps, blocks, band caps,
 * rounding, rank method. Each feature through scoring, notes and summary.
 */
import {
  HAI_DUONG_2018,
  demotionNote,
  outputBlock,
  reportSheetModel,
  ruleTableFindings,
  scoreGrid,
  scoreTable,
  describeFinding,
  type CellValue,
  type RuleSet,
} from '../../src/engine';
import { EVERY_FEATURE, PER_FIELD, tableWith } from './rules-fixtures';
import { makeTable } from './helpers';

const LABELS3 = ['Công tác chỉ đạo, điều hành', 'Cải cách TTHC', 'Chính quyền số'];
const byName = (r: ReturnType<typeof scoreTable>) => Object.fromEntries(r.units.map((u) => [u.name, u]));

describe('a floor per field', () => {
  const table = tableWith([
    { name: 'P1', scores: [90, 65, 90] }, // 81,67%: TTHC 65 under the common 70, over its own 60
    { name: 'P2', scores: [90, 90, 45] }, // 75%: Chính quyền số 45 under 50, freed in "complete"
    { name: 'P3', scores: [95, 55, 90] }, // 80%: TTHC 55 under its own 60
  ]);

  test('a field named in a band takes its own floor; a field freed (null) has none; the rest the band floor', () => {
    const common = byName(scoreTable(table, HAI_DUONG_2018));
    const own = byName(scoreTable(table, PER_FIELD));
    expect([common.P1.band, own.P1.band]).toEqual(['complete', 'good']);
    expect([common.P2.band, own.P2.band]).toEqual(['incomplete', 'complete']);
    expect([common.P3.band, own.P3.band]).toEqual(['complete', 'complete']);
    expect(own.P3.demotion).toEqual([
      { band: 'good', failingFields: [{ label: 'Cải cách TTHC', pct: 55, floorPct: 60 }] },
    ]);
  });

  test('field names match without regard to case and diacritics ("chinh quyen so")', () => {
    const r = scoreTable(table, PER_FIELD);
    expect(byName(r).P2.demotedFrom).toBeNull();
  });

  test('the note names each field with its own floor when the floors differ', () => {
    const t = makeTable([10, 10, 100], [{ name: 'Q', scores: [6.5, 5.5, 95] }], LABELS3); // 89,17%
    const u = scoreTable(t, PER_FIELD).units[0];
    expect(u.band).toBe('complete');
    expect(demotionNote(u, PER_FIELD, 'vi')).toBe(
      'Chỉ số 89,17% thuộc mức “Hoàn thành tốt nhiệm vụ” nhưng Công tác chỉ đạo, điều hành (65,00%, dưới 70%) và Cải cách TTHC (55,00%, dưới 60%); xếp loại “Hoàn thành nhiệm vụ”.',
    );
    expect(demotionNote(u, PER_FIELD, 'en')).toBe(
      'Index 89.17% is in “Good”, but Công tác chỉ đạo, điều hành (65.00%, under 70%) and Cải cách TTHC (55.00%, under 60%); rated “Complete”.',
    );
  });

  test('one floor for every failing field reads as before', () => {
    const u = byName(scoreTable(table, PER_FIELD)).P3;
    expect(demotionNote(u, PER_FIELD, 'vi')).toBe(
      'Chỉ số 80,00% thuộc mức “Hoàn thành tốt nhiệm vụ” nhưng lĩnh vực Cải cách TTHC (55,00%) dưới 60%; xếp loại “Hoàn thành nhiệm vụ”.',
    );
  });

  test('the summary counts units under each field’s own floor', () => {
    const s = scoreTable(table, PER_FIELD).summary;
    const tthc = s.fields.find((f) => f.label === 'Cải cách TTHC');
    const cqs = s.fields.find((f) => f.label === 'Chính quyền số');
    expect(tthc?.underFloor.good).toBe(1); // 55 < 60; 65 ≥ 60
    expect(cqs?.underFloor.complete).toBe(0); // freed
    expect(cqs?.underFloor.good).toBe(1); // 45 < 70
  });

  test('a floor naming a field the table does not have is an error, not ignored', () => {
    const rules: RuleSet = {
      ...PER_FIELD,
      bands: PER_FIELD.bands.map((b) =>
        b.code === 'good' ? { ...b, fieldFloors: [{ field: 'Cải cách thủ tục', pct: 60 }] } : b,
      ),
    };
    const f = ruleTableFindings(table, rules, { bonus: null, deduction: null });
    expect(f.map((x) => describeFinding(x, 'vi'))).toEqual([
      `'Tổng hợp'!C2: bộ tiêu chí đặt ngưỡng riêng cho lĩnh vực “Cải cách thủ tục” ở mức “good” nhưng bảng không có lĩnh vực này (các lĩnh vực: ${LABELS3.join(', ')})`,
    ]);
  });
});

describe('components', () => {
  const comp = (convert: boolean, surveyFloor = false): RuleSet => ({
    ...HAI_DUONG_2018,
    components: {
      appraisal: { label: { vi: 'Điểm thẩm định', en: 'Appraisal' }, points: 70, floorApplies: false },
      survey: { label: { vi: 'Điều tra xã hội học', en: 'Survey' }, points: 30, floorApplies: surveyFloor },
      convertWithoutSurvey: convert,
    },
  });
  const table = tableWith([
    { name: 'S', scores: [90, 90, 90], extra: { surveyScaled: 24e4 } }, // 63 + 24 = 87%
    { name: 'N', scores: [90, 90, 90], extra: { surveyScaled: null } }, // no survey
    { name: 'L', scores: [100, 100, 100], extra: { surveyScaled: 6e4 } }, // 70 + 6 = 76%, survey 20%
  ]);

  test('the index is appraisal scaled to its points plus the survey, over the whole scale', () => {
    const u = byName(scoreTable(table, comp(true)));
    expect(u.S.indexPct).toBe(87);
    expect(u.S.band).toBe('good');
    expect(u.S.components).toEqual({
      appraisalPct: 90,
      appraisalPoints: 63,
      surveyPct: 80,
      surveyPoints: 24,
      converted: false,
    });
  });

  test('no survey: converted to the whole scale when the rules say so, else the survey counts 0', () => {
    expect(byName(scoreTable(table, comp(true))).N).toMatchObject({
      indexPct: 90,
      band: 'excellent',
      components: { converted: true, surveyPct: null },
    });
    expect(byName(scoreTable(table, comp(false))).N).toMatchObject({
      indexPct: 63,
      band: 'incomplete',
      components: { converted: false },
    });
  });

  test('a component is not a field: no floor on it unless the rules say so', () => {
    expect(byName(scoreTable(table, comp(true, false))).L).toMatchObject({
      indexPct: 76,
      band: 'complete',
      demotedFrom: null,
    });
    const held = byName(scoreTable(table, comp(true, true))).L;
    expect(held.band).toBe('incomplete');
    expect(held.demotion[0].failingFields).toEqual([{ label: 'Điều tra xã hội học', pct: 20, floorPct: 50 }]);
  });

  test('no survey, not converted: the survey counts 0 for its floor too (a tiny survey never rates lower than none)', () => {
    // The property test's counterexample (stop 19's CI): no survey passed the survey floor and a 0,0001-point survey failed it.
    const full = tableWith([{ name: 'N', scores: [100, 100, 100], extra: { surveyScaled: null } }]); // 70% + 0
    const none = byName(scoreTable(full, comp(false, true))).N;
    expect(none.indexPct).toBe(70);
    expect(none.band).toBe('incomplete');
    expect(
      none.demotion.flatMap((d) => d.failingFields).some((f) => f.label === 'Điều tra xã hội học' && f.pct === 0),
    ).toBe(true);
    const tiny = tableWith([{ name: 'N', scores: [100, 100, 100], extra: { surveyScaled: 1 } }]);
    const order = HAI_DUONG_2018.bands.map((b) => b.code);
    expect(order.indexOf(byName(scoreTable(tiny, comp(false, true))).N.band)).toBeLessThanOrEqual(
      order.indexOf(none.band),
    );
  });

  test('the summary reports the components apart', () => {
    expect(scoreTable(table, comp(true)).summary.components).toEqual({
      appraisalAveragePct: 93.33,
      surveyAveragePct: 50,
      withoutSurvey: 1,
    });
    expect(scoreTable(table, HAI_DUONG_2018).summary.components).toBeUndefined();
  });

  test('survey points outside the survey’s points are an error naming the unit', () => {
    const bad = tableWith([{ name: 'Xã Z', scores: [90, 90, 90], extra: { surveyScaled: 31e4 } }]);
    expect(
      ruleTableFindings(bad, comp(true), { bonus: null, deduction: null }).map((f) => describeFinding(f, 'vi')),
    ).toEqual([`'Tổng hợp'!B3: điểm khảo sát 31 của Xã Z phải từ 0 đến 30 điểm (số điểm của thành phần khảo sát)`]);
  });
});

describe('bonus and penalty caps', () => {
  const rules: RuleSet = { ...HAI_DUONG_2018, caps: { bonusPoints: 3, deductionPoints: 5 } };
  const grid: CellValue[][] = [
    ['STT', 'Tên đơn vị', 'Lĩnh vực A', 'Điểm cộng', 'Điểm trừ'],
    [null, 'Điểm tối đa', 10, null, null],
    [1, 'Xã A', 8, 4, 0],
    [2, 'Xã B', 8, 3, 6],
    [3, 'Xã C', 8, 3, 5],
  ];

  test('points over a cap are an error naming the cell; points at the cap are fine', () => {
    const s = scoreGrid(grid, 'Tổng hợp', rules);
    if (!s.found) throw new Error('no table');
    expect(s.errors.map((f) => describeFinding(f, 'vi'))).toEqual([
      `'Tổng hợp'!D3: điểm cộng 4 của Xã A vượt mức tối đa 3 điểm bộ tiêu chí cho phép`,
      `'Tổng hợp'!E4: điểm trừ 6 của Xã B vượt mức tối đa 5 điểm bộ tiêu chí cho phép`,
    ]);
  });

  test('without caps the same points are no error', () => {
    const s = scoreGrid(grid, 'Tổng hợp', HAI_DUONG_2018);
    if (!s.found) throw new Error('no table');
    expect(s.errors).toEqual([]);
  });
});

describe('blocks', () => {
  const rules: RuleSet = { ...HAI_DUONG_2018, blocks: EVERY_FEATURE.blocks };
  const table = tableWith([
    { name: 'X1', scores: [90, 90, 90], extra: { block: 'xa' } },
    { name: 'X2', scores: [85, 85, 85], extra: { block: 'Xã' } },
    { name: 'X3', scores: [85, 85, 85], extra: { block: 'XA' } },
    { name: 'X4', scores: [80, 80, 80], extra: { block: 'xa' } },
    { name: 'P1', scores: [88, 88, 88], extra: { block: 'Phường, thị trấn' } },
    { name: 'P2', scores: [95, 95, 95], extra: { block: 'phuong' } },
    { name: 'C1', scores: [99, 99, 99], extra: { block: 'co-quan' } },
    { name: 'N1', scores: [70, 70, 70] },
    { name: 'N2', scores: [80, 80, 80], extra: { unranked: true } },
  ]);

  test('ranks within each block; a block named by code or label; units left out get no rank', () => {
    const u = byName(scoreTable(table, rules));
    expect([u.X1, u.X2, u.X3, u.X4].map((x) => x.rank)).toEqual([1, 2, 2, 4]);
    expect([u.P2.rank, u.P1.rank]).toEqual([1, 2]);
    expect([u.C1.ranked, u.C1.rank, u.N2.ranked, u.N2.rank]).toEqual([false, 0, false, 0]);
    expect(u.N1.rank).toBe(1);
    expect([u.X2.block, u.P1.block, u.N1.block]).toEqual(['xa', 'phuong', null]);
  });

  test('dense ranks when the rules say so', () => {
    const u = byName(scoreTable(table, { ...rules, rankMethod: 'dense' }));
    expect([u.X1, u.X2, u.X3, u.X4].map((x) => x.rank)).toEqual([1, 2, 2, 3]);
  });

  test('a block with its own bands classifies its units with them', () => {
    const u = byName(scoreTable(table, rules));
    expect([u.P1.band, u.P2.band, u.X2.band]).toEqual(['p-good', 'p-good', 'good']);
  });

  test('output: no rank for a unit left out, and the note says why; the summary names the blocks', () => {
    const r = scoreTable(table, rules);
    const block = outputBlock(r, 'vi');
    const k = r.units.findIndex((u) => u.name === 'C1');
    expect(block.rows[k][1]).toBe('');
    expect(block.rows[k][3]).toBe('Không xếp hạng (khối “Cơ quan không xếp hạng”).');
    expect(block.rows[r.units.findIndex((u) => u.name === 'N2')][3]).toBe('Không xếp hạng.');
    expect(block.rows[r.units.findIndex((u) => u.name === 'X3')][3]).toBe('Hạng 2 trong khối “Xã”.');
    expect(outputBlock(r, 'en').rows[r.units.findIndex((u) => u.name === 'P1')][3]).toBe(
      'Rank 2 in block “Wards and towns”.',
    );
    expect(block.rows[r.units.findIndex((u) => u.name === 'N1')][3]).toBe('');
    expect(r.summary.blocks?.map((b) => [b.code, b.unitCount, b.rankedCount])).toEqual([
      ['xa', 4, 4],
      ['phuong', 2, 2],
      ['co-quan', 1, 0],
    ]);
    expect(r.summary.blocks?.[1].counts).toEqual({ 'p-good': 2, 'p-rest': 0 });
  });

  test('a block the rules do not know is an error naming the unit’s cell', () => {
    const t = tableWith([{ name: 'T', scores: [80, 80, 80], extra: { block: 'Thôn' } }]);
    expect(ruleTableFindings(t, rules, { bonus: null, deduction: null }).map((f) => describeFinding(f, 'vi'))).toEqual([
      `'Tổng hợp'!B3: khối “Thôn” của T không có trong bộ tiêu chí (các khối: xa, phuong, co-quan)`,
    ]);
  });

  test('without blocks in the rules, a block column still ranks units within each block it names', () => {
    const u = byName(scoreTable(table, HAI_DUONG_2018));
    expect(u.P2.rank).toBe(1);
    expect(u.C1.rank).toBe(1); // its own block "co-quan", ranked: only the rules leave a block out
  });
});

describe('band caps', () => {
  const reason = 'Chủ tịch UBND xã bị kỷ luật khiển trách';
  test('the unit stops at its cap band and the note says why', () => {
    const t = tableWith([
      { name: 'K', scores: [95, 95, 95], extra: { bandCap: { band: 'Hoàn thành tốt nhiệm vụ', reason } } },
    ]);
    const u = scoreTable(t, HAI_DUONG_2018).units[0];
    expect(u).toMatchObject({
      indexBand: 'excellent',
      band: 'good',
      cappedAt: { band: 'good', from: 'excellent', reason },
    });
    expect(demotionNote(u, HAI_DUONG_2018, 'vi')).toBe(
      `Chỉ số 95,00% thuộc mức “Hoàn thành xuất sắc nhiệm vụ” nhưng đơn vị chỉ được xếp tối đa mức “Hoàn thành tốt nhiệm vụ”: ${reason}; xếp loại “Hoàn thành tốt nhiệm vụ”.`,
    );
  });

  test('from the cap band the floors still apply', () => {
    const t = tableWith(
      [{ name: 'K', scores: [100, 65, 200], extra: { bandCap: { band: 'good', reason } } }],
      [100, 100, 200],
    ); // 91,25%
    const u = scoreTable(t, HAI_DUONG_2018).units[0];
    expect(u.band).toBe('complete');
    expect(demotionNote(u, HAI_DUONG_2018, 'vi')).toBe(
      `Chỉ số 91,25% thuộc mức “Hoàn thành xuất sắc nhiệm vụ” nhưng đơn vị chỉ được xếp tối đa mức “Hoàn thành tốt nhiệm vụ”: ${reason}; chưa đạt mức “Hoàn thành tốt nhiệm vụ” vì lĩnh vực Cải cách TTHC (65,00%) dưới 70%; xếp loại “Hoàn thành nhiệm vụ”.`,
    );
  });

  test('a cap at or above the band reached changes nothing; an unknown cap band is an error', () => {
    const t = tableWith([{ name: 'K', scores: [85, 85, 85], extra: { bandCap: { band: 'excellent', reason } } }]);
    expect(scoreTable(t, HAI_DUONG_2018).units[0]).toMatchObject({ band: 'good', cappedAt: null });
    const bad = tableWith([{ name: 'K', scores: [85, 85, 85], extra: { bandCap: { band: 'Loại A', reason } } }]);
    expect(ruleTableFindings(bad, HAI_DUONG_2018, { bonus: null, deduction: null }).map((f) => f.code)).toEqual([
      'unknownCapBand',
    ]);
  });
});

describe('rounding and ranks as settings', () => {
  const table = tableWith([
    { name: 'R1', scores: [90, 89.985, 90] }, // exactly 89,995%
    { name: 'R2', scores: [90, 90, 90] }, // 90%
  ]);

  test('exact by default: 89,995% is under 90% and the note says it is shown at the bound', () => {
    const u = byName(scoreTable(table, HAI_DUONG_2018));
    expect([u.R1.band, u.R1.indexPct, u.R1.rank, u.R2.rank]).toEqual(['good', 90, 2, 1]);
    expect(demotionNote(u.R1, HAI_DUONG_2018, 'vi')).toBe('Chỉ số 89,995%, hiển thị 90,00%, chưa đạt 90%.');
    expect(demotionNote(u.R1, HAI_DUONG_2018, 'en')).toBe('Index 89.995%, shown as 90.00%, does not reach 90%.');
  });

  test('rounded to 2 decimals as published: 89,995% reads 90,00% and reaches it; equal as published, equal in rank', () => {
    const u = byName(scoreTable(table, { ...HAI_DUONG_2018, indexDecimals: 2 }));
    expect([u.R1.band, u.R1.rank, u.R2.rank]).toEqual(['excellent', 1, 1]);
    expect(u.R1.belowShownBound).toBeNull();
  });

  test('rounded to 3 decimals: still under, and said so', () => {
    const u = byName(scoreTable(table, { ...HAI_DUONG_2018, indexDecimals: 3 }));
    expect(u.R1.band).toBe('good');
    expect(u.R1.belowShownBound).toEqual({ band: 'excellent', boundPct: 90, exactPct: 89.995 });
  });
});

describe('a rule set using every feature', () => {
  test('scores a table with components, blocks, caps and floors together', () => {
    const t = tableWith([
      { name: 'A', scores: [90, 50, 90], extra: { block: 'xa', surveyScaled: 27e4 } }, // 0,7667×70 + 27 = 80,67%: TTHC freed in good
      { name: 'B', scores: [90, 90, 55], extra: { block: 'xa', surveyScaled: 27e4 } }, // CQS 55 < 60 in good
      { name: 'C', scores: [95, 95, 95], extra: { block: 'phuong', surveyScaled: null } }, // converted: 95% p-good
      { name: 'D', scores: [95, 95, 95], extra: { block: 'co-quan', surveyScaled: 30e4 } },
    ]);
    const u = byName(scoreTable(t, EVERY_FEATURE));
    expect(u.A).toMatchObject({ indexPct: 80.67, band: 'good', rank: 2 });
    expect(u.B).toMatchObject({
      indexPct: 81.83,
      rank: 1,
      band: 'complete',
      demotion: [{ band: 'good', failingFields: [{ label: 'Chính quyền số', pct: 55, floorPct: 60 }] }],
    });
    expect(u.C).toMatchObject({ indexPct: 95, band: 'p-good', rank: 1, components: { converted: true } });
    expect(u.D).toMatchObject({ ranked: false, rank: 0 });
  });
});

describe('the report sheet with blocks', () => {
  test('the band table lists the blocks’ own bands too (counts add up); a unit left out has no rank', () => {
    const rules: RuleSet = { ...HAI_DUONG_2018, blocks: EVERY_FEATURE.blocks };
    const t = tableWith([
      { name: 'X1', scores: [90, 90, 90], extra: { block: 'xa' } },
      { name: 'P1', scores: [88, 88, 88], extra: { block: 'phuong' } },
      { name: 'C1', scores: [99, 99, 99], extra: { block: 'co-quan' } },
    ]);
    const r = scoreTable(t, rules);
    const model = reportSheetModel(r, { title: '', paragraphs: [] }, { year: 2024 }, 'vi');
    const band = model.rows.slice(
      model.bandTable.headerRow + 1,
      model.bandTable.headerRow + 1 + model.bandTable.rowCount,
    );
    expect(band.map((row) => [row[0].band, row[1].value])).toEqual([
      ['excellent', 2],
      ['good', 0],
      ['complete', 0],
      ['incomplete', 0],
      ['p-good', 1],
      ['p-rest', 0],
    ]);
    const ranking = model.rows.slice(model.rankingTable.headerRow + 1);
    expect(ranking.map((row) => [row[1].value, row[0].value])).toEqual([
      ['C1', ''],
      ['X1', 1],
      ['P1', 1],
    ]);
  });
});
