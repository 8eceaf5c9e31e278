/** Issue 16: the preview explains a per-field floor change and a block change, unit by unit. */
import { HAI_DUONG_2018, describePreview, previewRuleChange, type RuleSet } from '../../src/engine';
import { tableWith } from './rules-fixtures';

const table = tableWith([
  { name: 'Xã A', scores: [92, 91, 93] },
  { name: 'Xã C', scores: [90, 66, 90] }, // 82%, TTHC 66%: held back by the 70% floor
  { name: 'Xã G', scores: [90, 90, 66] }, // 82%, Chính quyền số 66%
]);

describe('a per-field floor change', () => {
  const next: RuleSet = {
    ...HAI_DUONG_2018,
    id: 'x',
    bands: HAI_DUONG_2018.bands.map((b) =>
      b.code === 'good' ? { ...b, fieldFloors: [{ field: 'Cải cách TTHC', pct: 65 }] } : b,
    ),
  };

  test('names the field, its floor before and now, and only the unit it moves', () => {
    const p = previewRuleChange(table, HAI_DUONG_2018, next);
    if (!p.ok) throw new Error('invalid');
    expect(p.changes.map((c) => [c.name, c.oldBand, c.newBand])).toEqual([['Xã C', 'complete', 'good']]);
    expect(describePreview(p, HAI_DUONG_2018, next, 'vi')).toEqual([
      '1/3 đơn vị thay đổi mức xếp loại.',
      '- Xã C (82,00%): Hoàn thành nhiệm vụ → Hoàn thành tốt nhiệm vụ',
      '  · ngưỡng lĩnh vực “Cải cách TTHC” của mức “Hoàn thành tốt nhiệm vụ” 70% → 65%: Cải cách TTHC 66,00% nay đạt',
    ]);
    expect(describePreview(p, HAI_DUONG_2018, next, 'en')[2]).toBe(
      '  · floor of field “Cải cách TTHC” in “Good” 70% → 65%: Cải cách TTHC 66.00% now meets it',
    );
  });

  test('freeing a field from a floor (null) reads "không yêu cầu"', () => {
    const freed: RuleSet = {
      ...HAI_DUONG_2018,
      bands: HAI_DUONG_2018.bands.map((b) =>
        b.code === 'good' ? { ...b, fieldFloors: [{ field: 'Chính quyền số', pct: null }] } : b,
      ),
    };
    const p = previewRuleChange(table, HAI_DUONG_2018, freed);
    expect(describePreview(p, HAI_DUONG_2018, freed, 'vi').slice(1)).toEqual([
      '- Xã G (82,00%): Hoàn thành nhiệm vụ → Hoàn thành tốt nhiệm vụ',
      '  · ngưỡng lĩnh vực “Chính quyền số” của mức “Hoàn thành tốt nhiệm vụ” 70% → không yêu cầu: Chính quyền số 66,00% nay đạt',
    ]);
  });
});

describe('a block change', () => {
  const blocks = (ownBands: boolean, ranked: boolean): RuleSet => ({
    ...HAI_DUONG_2018,
    blocks: [
      { code: 'xa', label: { vi: 'Xã', en: 'Communes' }, ranked: true },
      {
        code: 'phuong',
        label: { vi: 'Phường', en: 'Wards' },
        ranked,
        ...(ownBands
          ? {
              bands: [
                {
                  code: 'p-good',
                  label: { vi: 'Tốt', en: 'Good' },
                  min: { pct: 85, inclusive: true },
                  max: { pct: 100, inclusive: true },
                  fieldFloorPct: null,
                },
                {
                  code: 'p-rest',
                  label: { vi: 'Còn lại', en: 'Rest' },
                  min: { pct: 0, inclusive: true },
                  max: { pct: 85, inclusive: false },
                  fieldFloorPct: null,
                },
              ],
            }
          : {}),
      },
    ],
  });
  const t = tableWith([
    { name: 'Xã A', scores: [92, 91, 93], extra: { block: 'xa' } },
    { name: 'Phường 1', scores: [90, 66, 90], extra: { block: 'phuong' } }, // 82%
    { name: 'Phường 2', scores: [88, 88, 88], extra: { block: 'phuong' } }, // 88%
  ]);

  test('a block given its own bands: the units moved, the block named, and the bound each one meets', () => {
    const before = blocks(false, true);
    const after = blocks(true, true);
    const p = previewRuleChange(t, before, after);
    if (!p.ok) throw new Error('invalid');
    expect(describePreview(p, before, after, 'vi')).toEqual([
      '2/3 đơn vị thay đổi mức xếp loại.',
      '- Phường 2 (88,00%): Hoàn thành tốt nhiệm vụ → Tốt',
      '  · khối “Phường” có mức xếp loại riêng',
      '  · mức “Tốt” mới, từ 85%: chỉ số 88,00% nay đạt',
      '- Phường 1 (82,00%): Hoàn thành nhiệm vụ → Còn lại',
      '  · khối “Phường” có mức xếp loại riêng',
    ]);
  });

  test('a block left out of ranking: its units lose their rank, and the block is named', () => {
    const before = blocks(false, true);
    const after = blocks(false, false);
    const p = previewRuleChange(t, before, after);
    if (!p.ok) throw new Error('invalid');
    expect(describePreview(p, before, after, 'vi')).toEqual([
      '0/3 đơn vị thay đổi mức xếp loại.',
      '- Phường 2 (88,00%): Hoàn thành tốt nhiệm vụ → Hoàn thành tốt nhiệm vụ; hạng 1 → –',
      '  · khối “Phường” không xếp hạng',
      '- Phường 1 (82,00%): Hoàn thành nhiệm vụ → Hoàn thành nhiệm vụ; hạng 2 → –',
      '  · khối “Phường” không xếp hạng',
    ]);
  });
});
