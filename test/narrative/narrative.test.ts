/** The generator on small hand-made tables: bands, rule sets, languages, last year, fields, renderers. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateNarrative, narrativeToMarkdown, narrativeToText, type Narrative } from '../../src/engine/narrative';
import { HAI_DUONG_2018 } from '../../src/engine/rules';
import type { RuleSet } from '../../src/engine/types';
import { grid, oneField, score } from './helpers';

const byId = (n: Narrative, id: string) => n.paragraphs.find((p) => p.id === id);
const textOf = (n: Narrative, id: string) => byId(n, id)?.text;

/** The default rules with some bands changed. */
function withBands(change: (bands: RuleSet['bands']) => void): RuleSet {
  const rules: RuleSet = JSON.parse(JSON.stringify(HAI_DUONG_2018));
  rules.id = 'test';
  change(rules.bands);
  return rules;
}

describe('bands', () => {
  test('a single unit', () => {
    const n = generateNarrative(score(oneField([{ name: 'Hà Kỳ', index: 91 }])), { year: 2022 }, 'vi');
    expect(textOf(n, 'groups.intro')).toBe(
      'Việc xác định Chỉ số Cải cách hành chính năm 2022 của UBND các xã, thị trấn được xếp theo 01 nhóm điểm như sau:',
    );
    expect(textOf(n, 'groups.excellent')).toBe(
      'Nhóm đạt Chỉ số tổng hợp từ 90% đến 100% số điểm so với điểm tối đa, gồm 01 xã: Xã Hà Kỳ.',
    );
    expect(textOf(n, 'bands.excellent')).toBe(
      'Nhóm Hoàn thành xuất sắc nhiệm vụ, có Chỉ số tổng hợp đạt từ 90% đến 100% so với điểm tối đa, đồng thời các lĩnh vực CCHC phải đạt từ 80% số điểm trở lên gồm 01 xã: Xã Hà Kỳ.',
    );
    expect(textOf(n, 'counts')).toBe('Năm 2022, có 01/01 xã đạt mức Hoàn thành xuất sắc nhiệm vụ.');
    expect(textOf(n, 'average')).toBe(
      'Chỉ số tổng hợp bình quân của 01 xã là 91,00%; cao nhất là xã Hà Kỳ (91,00%), thấp nhất là xã Hà Kỳ (91,00%).',
    );
    expect(textOf(n, 'chairs.excellent')).toMatch(/: Có 01 đơn vị \(gồm Chủ tịch UBND các xã: Hà Kỳ\)\.$/);
    const en = generateNarrative(score(oneField([{ name: 'Hà Kỳ', index: 91 }])), { year: 2022 }, 'en');
    expect(textOf(en, 'counts')).toBe('In 2022: 1 of 1 communes rated Excellent.');
    expect(textOf(en, 'chairs.excellent')).toMatch(/: 1 unit \(the Chairmen of the People's Committees of Hà Kỳ\)\.$/);
  });

  test('all units in one band: one score group, every other band "Không có.", a share of 100,00%', () => {
    const n = generateNarrative(
      score(
        oneField([
          { name: 'A', index: 70 },
          { name: 'B', index: 66 },
          { name: 'Thị trấn C', index: 79.99 },
        ]),
      ),
      { year: 2021 },
      'vi',
    );
    expect(textOf(n, 'groups.intro')).toContain('được xếp theo 01 nhóm điểm');
    expect(n.paragraphs.filter((p) => p.id.startsWith('groups.') && p.level === 'bullet')).toHaveLength(1);
    expect(textOf(n, 'groups.complete')).toBe(
      'Nhóm đạt Chỉ số tổng hợp từ 65% đến dưới 80% số điểm so với điểm tối đa, gồm 03 xã, thị trấn: Thị trấn C và các xã: A và B.',
    );
    for (const code of ['excellent', 'good', 'incomplete']) expect(textOf(n, `bands.${code}`)).toMatch(/: Không có\.$/);
    expect(textOf(n, 'shares')).toContain('Hoàn thành nhiệm vụ: 03/03 (100,00%)');
    expect(textOf(n, 'counts')).toBe('Năm 2021, có 03/03 xã, thị trấn đạt mức Hoàn thành nhiệm vụ.');
  });

  test('units held back by a field: one paragraph under the band they landed in, naming the floor missed', () => {
    const r = score(
      grid(
        [50, 50],
        [
          { name: 'Quang Khải', scores: [48, 40] }, // 88%, fields 96% and 80%: good
          { name: 'Thị trấn Tứ Kỳ', scores: [50, 34] }, // 84%, field 68% < 70%: complete
          { name: 'Bình Lãng', scores: [47, 34.5] }, // 81,5%, field 69% < 70%: complete
          { name: 'Hà Kỳ', scores: [50, 24] }, // 74%, field 48% < 50%: incomplete
        ],
      ),
    );
    const n = generateNarrative(r, { year: 2021 }, 'vi');
    expect(textOf(n, 'bands.complete.demoted.good')).toBe(
      'Trong đó 02 xã, thị trấn có Chỉ số tổng hợp đạt từ 80% đến dưới 90% so với điểm tối đa gồm: Thị trấn Tứ Kỳ và xã Bình Lãng. Tuy nhiên, các xã, thị trấn này chỉ được xếp vào nhóm Hoàn thành nhiệm vụ do Chỉ số của một số lĩnh vực chưa đạt mức 70% số điểm trở lên so với tỷ lệ quy định để đạt mức Hoàn thành tốt nhiệm vụ.',
    );
    expect(textOf(n, 'bands.incomplete.demoted.complete')).toBe(
      'Trong đó 01 xã có Chỉ số tổng hợp đạt từ 65% đến dưới 80% so với điểm tối đa gồm: Xã Hà Kỳ. Tuy nhiên, các xã này chỉ được xếp vào nhóm Không hoàn thành nhiệm vụ do Chỉ số của một số lĩnh vực chưa đạt mức 50% số điểm trở lên so với tỷ lệ quy định để đạt mức Hoàn thành nhiệm vụ.',
    );
    // The demotion paragraph follows its band's bullet.
    const ids = n.paragraphs.map((p) => p.id);
    expect(ids.indexOf('bands.complete.demoted.good')).toBe(ids.indexOf('bands.complete') + 1);
    expect(textOf(n, 'bands.incomplete')).toContain('gồm 01 xã: Xã Hà Kỳ.');
  });

  test('a unit falling two bands is described from the band its index reached', () => {
    // 92%, one field at 65%: under 80% (excellent) and under 70% (good): complete.
    const n = generateNarrative(score(grid([80, 20], [{ name: 'Tân Kỳ', scores: [79, 13] }])), { year: 2021 }, 'vi');
    expect(textOf(n, 'bands.complete.demoted.excellent')).toBe(
      'Trong đó 01 xã có Chỉ số tổng hợp đạt từ 90% đến 100% so với điểm tối đa gồm: Xã Tân Kỳ. Tuy nhiên, các xã này chỉ được xếp vào nhóm Hoàn thành nhiệm vụ do Chỉ số của một số lĩnh vực chưa đạt mức 70% số điểm trở lên so với tỷ lệ quy định để đạt mức Hoàn thành tốt nhiệm vụ.',
    );
  });
});

describe('the rule set in force flows into the text', () => {
  test('a reviewer who moves 80% to 82% sees "82%" in every definition, and a unit at 81% moves down', () => {
    const rules = withBands((b) => {
      b[1].min.pct = 82;
      b[2].max.pct = 82;
    });
    const n = generateNarrative(
      score(
        oneField([
          { name: 'A', index: 81 },
          { name: 'B', index: 85 },
        ]),
        rules,
      ),
      { year: 2021 },
      'vi',
    );
    expect(textOf(n, 'bands.good')).toBe(
      'Nhóm Hoàn thành tốt nhiệm vụ, có Chỉ số tổng hợp đạt từ 82% đến dưới 90% so với điểm tối đa, đồng thời các lĩnh vực CCHC phải đạt từ 70% số điểm trở lên gồm 01 xã: Xã B.',
    );
    expect(textOf(n, 'bands.complete')).toContain('có Chỉ số tổng hợp đạt từ 65% đến dưới 82% so với điểm tối đa');
    expect(textOf(n, 'bands.complete')).toContain('gồm 01 xã: Xã A.');
    expect(textOf(n, 'groups.complete')).toContain('từ 65% đến dưới 82% số điểm');
    expect(textOf(n, 'chairs.good')).toContain('đạt từ 82% đến dưới 90%');
    // 80% is left only as the excellent band's field floor.
    for (const p of n.paragraphs.filter((x) => /^(groups|bands|chairs)\./.test(x.id)))
      expect(p.text.replace('từ 80% số điểm trở lên', '')).not.toMatch(/\b80%/);
  });

  test('exclusive lower bound: "trên 80%"; inclusive upper bound: "đến 80%"; a unit exactly on 80% goes below', () => {
    const rules = withBands((b) => {
      b[1].min.inclusive = false;
      b[2].max.inclusive = true;
    });
    const n = generateNarrative(
      score(
        oneField([
          { name: 'A', index: 80 },
          { name: 'B', index: 80.01 },
        ]),
        rules,
      ),
      { year: 2021 },
      'vi',
    );
    expect(textOf(n, 'bands.good')).toContain('có Chỉ số tổng hợp đạt trên 80% đến dưới 90% so với điểm tối đa');
    expect(textOf(n, 'bands.good')).toContain('gồm 01 xã: Xã B.');
    expect(textOf(n, 'bands.complete')).toContain('có Chỉ số tổng hợp đạt từ 65% đến 80% so với điểm tối đa');
    expect(textOf(n, 'bands.complete')).toContain('gồm 01 xã: Xã A.');
    const en = generateNarrative(score(oneField([{ name: 'A', index: 80 }]), rules), { year: 2021 }, 'en');
    expect(textOf(en, 'bands.good')).toContain('index above 80% to under 90%');
    expect(textOf(en, 'bands.complete')).toContain('index from 65% to 80%');
  });

  test('an inclusive top of the bottom band reads "không quá"; fractional bounds keep their decimals', () => {
    const rules = withBands((b) => {
      b[2].min = { pct: 65.5, inclusive: false };
      b[3].max = { pct: 65.5, inclusive: true };
      b[1].fieldFloorPct = 72.5;
    });
    const n = generateNarrative(score(oneField([{ name: 'A', index: 65.5 }]), rules), { year: 2021 }, 'vi');
    expect(textOf(n, 'bands.incomplete')).toBe(
      'Nhóm Không hoàn thành nhiệm vụ, có Chỉ số CCHC đạt không quá 65,5% so với điểm tối đa gồm 01 xã: Xã A.',
    );
    expect(textOf(n, 'bands.complete')).toContain('đạt trên 65,5% đến dưới 80%');
    expect(textOf(n, 'bands.good')).toContain('phải đạt từ 72,5% số điểm trở lên');
  });

  test('a changed floor is named in the demotion paragraph', () => {
    const rules = withBands((b) => {
      b[1].fieldFloorPct = 75;
    });
    const n = generateNarrative(score(grid([50, 50], [{ name: 'A', scores: [50, 37] }]), rules), { year: 2021 }, 'vi'); // 87%, field 74%
    expect(textOf(n, 'bands.good')).toContain('phải đạt từ 75% số điểm trở lên: Không có.');
    expect(textOf(n, 'bands.complete.demoted.good')).toContain(
      'chưa đạt mức 75% số điểm trở lên so với tỷ lệ quy định để đạt mức Hoàn thành tốt nhiệm vụ.',
    );
  });

  test("band labels and the rule set's name come from the rule set", () => {
    const rules = withBands((b) => {
      b[1].label = { vi: 'Tốt', en: 'Well done' };
    });
    rules.name = { vi: 'Bộ tiêu chí thử', en: 'Trial rules' };
    const n = generateNarrative(score(oneField([{ name: 'A', index: 85 }]), rules), { year: 2021 }, 'vi');
    expect(textOf(n, 'bands.good')).toMatch(/^Nhóm Tốt, có Chỉ số/);
    expect(textOf(n, 'chairs.intro')).toContain('trên cơ sở bộ tiêu chí Bộ tiêu chí thử, cụ thể:');
    expect(
      textOf(generateNarrative(score(oneField([{ name: 'A', index: 85 }]), rules), { year: 2021 }, 'en'), 'counts'),
    ).toContain('rated Well done');
  });
});

describe('last year', () => {
  const rows = [
    { name: 'Quang Khải', index: 85, last: 70 }, // complete → good
    { name: 'Hà Kỳ', index: 70, last: 60 }, // incomplete → complete
    { name: 'Thị trấn Tứ Kỳ', index: 70, last: 82 }, // good → complete
    { name: 'Minh Đức', index: 60, last: 50 }, // incomplete → incomplete
  ];

  test("the count sentence adds last year's counts and the top bands nobody reached", () => {
    const n = generateNarrative(score(oneField(rows)), { year: 2021, districtName: 'Tứ Kỳ' }, 'vi');
    expect(textOf(n, 'counts')).toBe(
      'Năm 2021, huyện Tứ Kỳ có 01/04 xã đạt mức Hoàn thành tốt nhiệm vụ; 02/04 xã, thị trấn đạt mức Hoàn thành nhiệm vụ; 01/04 xã đạt mức Không hoàn thành nhiệm vụ (năm 2020: có 01/04 thị trấn đạt mức Hoàn thành tốt nhiệm vụ; 01/04 xã đạt mức Hoàn thành nhiệm vụ; 02/04 xã đạt mức Không hoàn thành nhiệm vụ; không có xã, thị trấn đạt mức Hoàn thành xuất sắc nhiệm vụ).',
    );
  });

  test('units that moved up or down a band, by transition', () => {
    const n = generateNarrative(score(oneField(rows)), { year: 2021 }, 'vi');
    expect(textOf(n, 'movement')).toBe(
      'So với năm 2020: có 02 xã được xếp loại cao hơn; 01 xã giữ nguyên mức xếp loại; có 01 thị trấn bị xếp loại thấp hơn.',
    );
    expect(textOf(n, 'movement.complete.good')).toBe(
      'Từ mức Hoàn thành nhiệm vụ lên mức Hoàn thành tốt nhiệm vụ: 01 xã (Xã Quang Khải).',
    );
    expect(textOf(n, 'movement.incomplete.complete')).toBe(
      'Từ mức Không hoàn thành nhiệm vụ lên mức Hoàn thành nhiệm vụ: 01 xã (Xã Hà Kỳ).',
    );
    expect(textOf(n, 'movement.good.complete')).toBe(
      'Từ mức Hoàn thành tốt nhiệm vụ xuống mức Hoàn thành nhiệm vụ: 01 thị trấn (Thị trấn Tứ Kỳ).',
    );
    const en = generateNarrative(score(oneField(rows)), { year: 2021 }, 'en');
    expect(textOf(en, 'movement')).toBe(
      'Against 2020: 2 communes rated higher; 1 commune kept the same band; 1 town rated lower.',
    );
  });

  test("last year's band column is used where given", () => {
    const g = grid(
      [100],
      [
        { name: 'A', scores: [85], lastBand: 'Hoàn thành xuất sắc nhiệm vụ' },
        { name: 'B', scores: [85], lastBand: 'Hoàn thành tốt nhiệm vụ' },
      ],
    );
    const n = generateNarrative(score(g), { year: 2021 }, 'vi');
    expect(textOf(n, 'movement')).toBe(
      'So với năm 2020: không có xã, thị trấn nào được xếp loại cao hơn; 01 xã giữ nguyên mức xếp loại; có 01 xã bị xếp loại thấp hơn.',
    );
    expect(textOf(n, 'counts')).toContain(
      '(năm 2020: có 01/02 xã đạt mức Hoàn thành xuất sắc nhiệm vụ; 01/02 xã đạt mức Hoàn thành tốt nhiệm vụ)',
    );
  });

  test("units without last year's figures are named; nothing about last year when no unit has them", () => {
    const partial = generateNarrative(
      score(
        oneField([
          { name: 'A', index: 85, last: 70 },
          { name: 'B', index: 85 },
        ]),
      ),
      { year: 2021 },
      'vi',
    );
    expect(textOf(partial, 'movement.missing')).toBe('Chưa có số liệu năm 2020 của 01 xã: Xã B.');
    const none = generateNarrative(score(oneField([{ name: 'A', index: 85 }])), { year: 2021 }, 'vi');
    expect(none.paragraphs.some((p) => p.id.startsWith('movement'))).toBe(false);
    expect(textOf(none, 'counts')).not.toContain('năm 2020');
  });
});

describe('the weakest fields', () => {
  const labels = ['Chỉ đạo, điều hành', 'Cải cách TTHC', 'Chính quyền số', 'Tài chính công'];
  const rows = [
    { name: 'A', scores: [9, 6, 7, 10] },
    { name: 'B', scores: [10, 4.5, 6.8, 9] },
    { name: 'C', scores: [8, 7, 'KAD', 9] },
  ];

  test('the two fields with the lowest average index, and the units under each floor', () => {
    const n = generateNarrative(score(grid([10, 10, 10, 10], rows, labels)), { year: 2021 }, 'vi');
    // Averages: 90%, 58,33%, 69% (2 units), 93,33%.
    expect(textOf(n, 'fields.weakest')).toBe(
      'Các lĩnh vực có Chỉ số bình quân thấp nhất là Cải cách TTHC (58,33%) và Chính quyền số (69,00%).',
    );
    expect(textOf(n, 'fields.1')).toBe(
      'Cải cách TTHC: Chỉ số bình quân 58,33%; 03 đơn vị dưới 80%, 02 đơn vị dưới 70% và 01 đơn vị dưới 50%.',
    );
    expect(textOf(n, 'fields.0')).toBe(
      'Chỉ đạo, điều hành: Chỉ số bình quân 90,00%; không có đơn vị nào dưới 80%, không có đơn vị nào dưới 70% và không có đơn vị nào dưới 50%.',
    );
    expect(byId(n, 'fields.1')?.figures).toMatchObject({
      averagePct: 58.33,
      'under.excellent': 3,
      'under.good': 2,
      'under.complete': 1,
    });
    const en = generateNarrative(score(grid([10, 10, 10, 10], rows, labels)), { year: 2021 }, 'en');
    expect(textOf(en, 'fields.1')).toBe(
      'Cải cách TTHC: average index 58.33%; 3 units under 80%, 2 units under 70% and 1 unit under 50%.',
    );
  });

  test('weakestFieldCount, and a field that applies to no unit', () => {
    const n = generateNarrative(
      score(grid([10, 10], [{ name: 'A', scores: [9, 'KAD'] }], ['X', 'Y'])),
      { year: 2021, weakestFieldCount: 1 },
      'vi',
    );
    expect(textOf(n, 'fields.1')).toBe('Y: không áp dụng cho đơn vị nào.');
    expect(byId(n, 'fields.weakest')).toBeUndefined(); // one applicable field: nothing to compare
    const m = generateNarrative(
      score(grid([10, 10, 10], [{ name: 'A', scores: [9, 5, 7] }], ['X', 'Y', 'Z'])),
      { year: 2021, weakestFieldCount: 1 },
      'vi',
    );
    expect(textOf(m, 'fields.weakest')).toBe('Lĩnh vực có Chỉ số bình quân thấp nhất là Y (50,00%).');
  });
});

describe('district settings and numbering', () => {
  const r = score(oneField([{ name: 'A', index: 85 }]));

  test('without district figures: no district paragraphs, sub-sections renumbered, no letters', () => {
    const n = generateNarrative(r, { year: 2021 }, 'vi');
    expect(n.paragraphs.some((p) => p.id.startsWith('district.') || p.id === 'chairs.district')).toBe(false);
    expect(textOf(n, 'groups.heading')).toBe('1.1. Đối với cấp xã');
    expect(textOf(n, 'bands.intro')).toBe(
      'Đối với cấp xã: Căn cứ kết quả thẩm định, việc xếp hạng và phân loại kết quả CCHC của các xã, thị trấn như sau:',
    );
    expect(textOf(n, 'chairs.units')).toBe('Đối với cấp xã:');
  });

  test("with them: the index, the rank, the district's group and its chairman's band", () => {
    const n = generateNarrative(
      r,
      {
        year: 2021,
        districtName: 'Tứ Kỳ',
        districtIndexPct: 91.2,
        districtRank: { rank: 2, of: 12 },
        districtBand: 'excellent',
      },
      'vi',
    );
    expect(textOf(n, 'district.heading')).toBe('1.1. Đối với cấp huyện');
    expect(textOf(n, 'groups.heading')).toBe('1.2. Đối với cấp xã');
    expect(textOf(n, 'district.rank')).toBe(
      'a. Đối với cấp huyện: Huyện Tứ Kỳ xếp thứ 2/12 huyện, thị xã, thành phố trên địa bàn tỉnh.',
    );
    expect(textOf(n, 'chairs.district')).toBe(
      'a. Đối với cấp huyện: Năm 2021, huyện Tứ Kỳ thuộc nhóm có Chỉ số tổng hợp đạt từ 90% đến 100% so với điểm tối đa. Chủ tịch UBND huyện Tứ Kỳ được đánh giá Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2021.',
    );
    expect(textOf(n, 'chairs.units')).toBe('b. Đối với cấp xã:');
  });

  test('the unit term and the title', () => {
    const n = generateNarrative(
      r,
      { year: 2023, unitTerm: { vi: 'xã, phường, thị trấn', en: 'communes, wards and towns' } },
      'vi',
    );
    expect(n.title).toBe(
      'II. KẾT QUẢ ĐÁNH GIÁ, XÁC ĐỊNH CHỈ SỐ CCHC VÀ PHÂN LOẠI CCHC NĂM 2023 CỦA UBND CÁC XÃ, PHƯỜNG, THỊ TRẤN',
    );
    expect(textOf(n, 'groups.intro')).toContain('của UBND các xã, phường, thị trấn');
  });
});

describe('English output', () => {
  const r = score(
    oneField([
      { name: 'Quang Khải', index: 88.5, last: 70 },
      { name: 'Thị trấn Tứ Kỳ', index: 84.2, last: 60 },
      { name: 'Hà Kỳ', index: 70, last: 60 },
    ]),
  );
  const settings = {
    year: 2021,
    districtName: 'Tứ Kỳ',
    districtIndexPct: 83.3,
    districtIndexLastYearPct: 63.19,
    districtRank: { rank: 6, of: 12 },
  };
  const vi = generateNarrative(r, settings, 'vi');
  const en = generateNarrative(r, settings, 'en');

  test('the same structure: the same paragraphs, ids, levels and figures', () => {
    expect(en.paragraphs.map((p) => [p.id, p.level])).toEqual(vi.paragraphs.map((p) => [p.id, p.level]));
    expect(en.paragraphs.map((p) => p.figures)).toEqual(vi.paragraphs.map((p) => p.figures));
  });

  test('English words, decimal points, "and"; no Vietnamese phrase left', () => {
    expect(en.title).toBe(
      "II. APPRAISAL RESULTS: PAR INDEX AND CLASSIFICATION 2021 OF THE PEOPLE'S COMMITTEES OF THE COMMUNES AND TOWNS",
    );
    expect(textOf(en, 'bands.good')).toBe(
      'Good: index from 80% to under 90% of the maximum points, with every field at 70% of its points or more; 2 communes and towns: Quang Khải and Thị trấn Tứ Kỳ.',
    );
    expect(textOf(en, 'counts')).toBe(
      'In 2021, Tứ Kỳ district has 2 of 3 communes and towns rated Good; 1 of 3 communes rated Complete (2020: 1 of 3 communes rated Complete; 2 of 3 communes and towns rated Incomplete; no communes and towns rated Excellent or Good).',
    );
    const all = narrativeToText(en);
    for (const word of ['Nhóm', 'gồm', 'Không có', 'đạt', 'năm', 'xã', ' và ']) expect(all).not.toContain(word);
    expect(all).not.toMatch(/\d,\d\d%/);
  });
});

describe('renderers', () => {
  const n = generateNarrative(
    score(
      oneField([
        { name: 'A', index: 85 },
        { name: 'B', index: 70 },
      ]),
    ),
    { year: 2021 },
    'vi',
  );

  test('text: the title, then paragraphs separated by blank lines, list items with "- "', () => {
    const t = narrativeToText(n);
    expect(
      t.startsWith(
        `${n.title}\n\n1. Kết quả xác định Chỉ số CCHC năm 2021 (PAR Index 2021)\n\n1.1. Đối với cấp xã\n\n`,
      ),
    ).toBe(true);
    expect(t).toContain('\n\n- Nhóm Hoàn thành tốt nhiệm vụ, có Chỉ số tổng hợp');
    expect(t.endsWith('.\n')).toBe(true);
    expect(t.split('\n\n')).toHaveLength(n.paragraphs.length + 1);
  });

  test('markdown: headings by level, consecutive list items in one list, body lines kept as text', () => {
    const md = narrativeToMarkdown(n);
    expect(md.startsWith(`# ${n.title}\n\n## 1. Kết quả xác định`)).toBe(true);
    expect(md).toContain('\n\n### 1.1. Đối với cấp xã\n\n');
    expect(md).toMatch(/\n- Nhóm Hoàn thành xuất sắc nhiệm vụ[^\n]*\n- Nhóm Hoàn thành tốt nhiệm vụ/);
    const body = generateNarrative(
      score(oneField([{ name: 'A', index: 85 }])),
      { year: 2021, districtName: 'Tứ Kỳ', districtRank: { rank: 1, of: 2 } },
      'vi',
    );
    const bodyMd = narrativeToMarkdown({
      title: 'T',
      paragraphs: [{ id: 'x', level: 0, text: '1. Not a list *really*', figures: {} }, ...body.paragraphs],
    });
    expect(bodyMd).toContain('\n\n1\\. Not a list \\*really\\*\n\n');
  });
});

test('the engine stays pure: the narrative imports nothing outside the engine', () => {
  const dir = path.join(__dirname, '../../src/engine/narrative');
  for (const f of fs.readdirSync(dir)) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/from '([^']+)'/g)) expect(m[1]).toMatch(/^\.\.?\//);
    expect(src).not.toMatch(/\b(Office|Excel|document|window|require|process)\b\s*[.(]/);
  }
});
