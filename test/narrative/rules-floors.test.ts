/** Issue 16: per-field floors in the narrative's band definitions and demotion sentences. */
import { generateNarrative, narrativeToText } from '../../src/engine/narrative';
import { HAI_DUONG_2018 } from '../../src/engine/rules';
import { scoreTable } from '../../src/engine/score';
import type { RuleSet } from '../../src/engine/types';
import { PER_FIELD, tableWith } from '../engine/rules-fixtures';

const table = tableWith([
  { name: 'Quang Khải', scores: [95, 55, 90] }, // 80%: TTHC 55% under its own 60% → complete
  { name: 'Hà Kỳ', scores: [85, 85, 85] },
]);

test('a band with a common floor and a field of its own: both in the definition and in the demotion', () => {
  const text = narrativeToText(generateNarrative(scoreTable(table, PER_FIELD), { year: 2024 }, 'vi'));
  expect(text).toContain(
    'đồng thời các lĩnh vực CCHC phải đạt từ 70% số điểm trở lên (riêng lĩnh vực Cải cách TTHC từ 60%) gồm 01 xã: Xã Hà Kỳ.',
  );
  expect(text).toContain('chưa đạt mức 70% (riêng lĩnh vực Cải cách TTHC từ 60%) số điểm trở lên');
});

test('a band with floors on some fields only', () => {
  const some: RuleSet = {
    ...HAI_DUONG_2018,
    bands: HAI_DUONG_2018.bands.map((b) =>
      b.code === 'good' ? { ...b, fieldFloorPct: null, fieldFloors: [{ field: 'Cải cách TTHC', pct: 60 }] } : b,
    ),
  };
  const r = scoreTable(table, some);
  expect(r.units[0].band).toBe('complete');
  const vi = narrativeToText(generateNarrative(r, { year: 2024 }, 'vi'));
  expect(vi).toContain(
    'có Chỉ số tổng hợp đạt từ 80% đến dưới 90% so với điểm tối đa, đồng thời lĩnh vực Cải cách TTHC từ 60% số điểm trở lên gồm',
  );
  expect(vi).toContain('chưa đạt mức 60% (lĩnh vực Cải cách TTHC) số điểm trở lên');
  const en = narrativeToText(generateNarrative(r, { year: 2024 }, 'en'));
  expect(en).toContain('and field Cải cách TTHC from 60% of the points');
});
