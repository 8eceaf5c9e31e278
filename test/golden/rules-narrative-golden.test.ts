/**
 * Golden texts (vi, en) of the narrative with the rules provinces use: the index in components
 * (appraisal 70 + survey 30, one unit without a survey converted), units ranked in blocks (wards
 * and towns with their own bands, agencies left out of ranking), a per-field floor.
 * The table is built here; the texts are checked in.
 *
 * Regenerate after an intended change: UPDATE_GOLDEN=1 npx jest test/golden/rules-narrative-golden.test.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateNarrative, narrativeToText } from '../../src/engine/narrative';
import { HAI_DUONG_2018 } from '../../src/engine/rules';
import { scoreTable } from '../../src/engine/score';
import type { Lang, RuleSet } from '../../src/engine/types';
import { tableWith } from '../engine/rules-fixtures';

const golden = (lang: Lang) => path.join(__dirname, `narrative-rules.${lang}.txt`);
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const RULES: RuleSet = {
  ...HAI_DUONG_2018,
  id: 'tinh-x-12-2024',
  name: {
    vi: 'UBND tỉnh X, Quyết định số 12/2024/QĐ-UBND ngày 15/03/2024',
    en: 'Province X People’s Committee, Decision No. 12/2024/QĐ-UBND of 15/03/2024',
  },
  decision: {
    number: '12/2024/QĐ-UBND',
    date: '2024-03-15',
    issuer: { vi: 'UBND tỉnh X', en: 'Province X People’s Committee' },
  },
  components: {
    appraisal: { label: { vi: 'Điểm thẩm định', en: 'Appraised points' }, points: 70, floorApplies: false },
    survey: { label: { vi: 'Điều tra xã hội học', en: 'Sociological survey' }, points: 30, floorApplies: false },
    convertWithoutSurvey: true,
  },
  blocks: [
    { code: 'xa', label: { vi: 'xã', en: 'communes' }, ranked: true },
    {
      code: 'phuong',
      label: { vi: 'phường, thị trấn', en: 'wards and towns' },
      ranked: true,
      bands: [
        {
          code: 'p-tot',
          label: { vi: 'Hoàn thành tốt nhiệm vụ (phường)', en: 'Good (wards)' },
          min: { pct: 85, inclusive: true },
          max: { pct: 100, inclusive: true },
          fieldFloorPct: 75,
        },
        {
          code: 'p-ht',
          label: { vi: 'Hoàn thành nhiệm vụ (phường)', en: 'Complete (wards)' },
          min: { pct: 0, inclusive: true },
          max: { pct: 85, inclusive: false },
          fieldFloorPct: null,
        },
      ],
    },
    { code: 'sap-nhap', label: { vi: 'xã mới sáp nhập', en: 'newly merged communes' }, ranked: false },
  ],
  bands: HAI_DUONG_2018.bands.map((b) =>
    b.code === 'good' ? { ...b, fieldFloors: [{ field: 'Cải cách TTHC', pct: 65 }] } : b,
  ),
};

const TABLE = tableWith([
  { name: 'Quang Khải', scores: [92, 90, 94], extra: { block: 'xa', surveyScaled: 27e4 } },
  { name: 'Hà Kỳ', scores: [88, 66, 86], extra: { block: 'xa', surveyScaled: 25.5e4 } },
  { name: 'Minh Đức', scores: [80, 75, 78], extra: { block: 'xa', surveyScaled: null } },
  { name: 'Dân Chủ', scores: [70, 60, 72], extra: { block: 'xa', surveyScaled: 21e4 } },
  { name: 'Phường Ngọc Châu', scores: [95, 90, 92], extra: { block: 'phuong', surveyScaled: 28.5e4 } },
  { name: 'Thị trấn Tứ Kỳ', scores: [85, 84, 86], extra: { block: 'phuong', surveyScaled: 24e4 } },
  { name: 'Ngọc Sơn', scores: [90, 90, 90], extra: { block: 'sap-nhap', surveyScaled: 27e4 } },
]);

const texts: Partial<Record<Lang, string>> = {};

beforeAll(() => {
  const result = scoreTable(TABLE, RULES);
  for (const lang of ['vi', 'en'] as const) {
    texts[lang] = narrativeToText(generateNarrative(result, { year: 2024, districtName: 'Tứ Kỳ' }, lang));
    if (UPDATE) fs.writeFileSync(golden(lang), texts[lang] as string, 'utf8');
  }
});

describe.each(['vi', 'en'] as const)('the narrative with components and blocks (%s)', (lang) => {
  test('equals the golden file', () => {
    expect(texts[lang]).toBe(fs.readFileSync(golden(lang), 'utf8'));
  });
});

test('the text names the components and every block, and the per-field floor', () => {
  const vi = texts.vi as string;
  expect(vi).toContain(
    'Chỉ số tổng hợp gồm hai thành phần: điểm thẩm định (70 điểm) và điều tra xã hội học (30 điểm).',
  );
  for (const block of ['Khối xã:', 'Khối phường, thị trấn:', 'Khối xã mới sáp nhập:']) expect(vi).toContain(block);
  expect(vi).toContain('riêng lĩnh vực Cải cách TTHC từ 65%');
});
