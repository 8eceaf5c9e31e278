/** Issue 16 in the CLI's JSON report: the rank within the block and the block named, units left out, components apart, the rule set's settings. */
import { jsonResult, jsonRules } from '../../src/cli/report';
import { scoreTable } from '../../src/engine';
import { EVERY_FEATURE, tableWith } from '../engine/rules-fixtures';

test('units carry their block, rank within it, components and cap; the rules their settings', () => {
  const t = tableWith([
    { name: 'A', scores: [90, 80, 90], extra: { block: 'xa', surveyScaled: 27e4 } },
    {
      name: 'B',
      scores: [95, 95, 95],
      extra: { block: 'Phường, thị trấn', surveyScaled: null, bandCap: { band: 'p-rest', reason: 'vi phạm kỷ luật' } },
    },
    { name: 'C', scores: [95, 95, 95], extra: { block: 'co-quan', surveyScaled: 30e4 } },
  ]);
  const json = jsonResult(scoreTable(t, EVERY_FEATURE), 'vi');
  expect(json.units.map((u) => [u.name, u.block, u.blockLabel, u.ranked, u.rank])).toEqual([
    ['A', 'xa', 'Xã', true, 1],
    ['B', 'phuong', 'Phường, thị trấn', true, 1],
    ['C', 'co-quan', 'Cơ quan không xếp hạng', false, 0],
  ]);
  expect(json.units[1]).toMatchObject({
    band: 'p-rest',
    cappedAt: { band: 'p-rest', from: 'p-good', reason: 'vi phạm kỷ luật' },
    components: { converted: true },
  });
  expect(json.units[0].components).toMatchObject({ appraisalPct: 86.67, surveyPct: 90 });
  expect(json.summary?.blocks?.map((b) => [b.code, b.unitCount, b.rankedCount])).toEqual([
    ['xa', 1, 1],
    ['phuong', 1, 1],
    ['co-quan', 1, 0],
  ]);
  const rules = jsonRules(EVERY_FEATURE, 'en');
  expect(rules).toMatchObject({
    decision: { number: '12/2024/QĐ-UBND' },
    indexDecimals: 2,
    rankMethod: 'dense',
    caps: { bonusPoints: 3 },
  });
  expect(rules.blocks).toEqual([
    { code: 'xa', label: 'Communes', ranked: true, bands: null },
    { code: 'phuong', label: 'Wards and towns', ranked: true, bands: ['p-good', 'p-rest'] },
    { code: 'co-quan', label: 'Agencies not ranked', ranked: false, bands: null },
  ]);
});
