/** The narrative of a table reproducing the seed's outcome, against DOMAIN.md's section II. */
import { generateNarrative, narrativeToText } from '../../src/engine/narrative';
import { compareWithDomain, DOMAIN_SECTION_II } from './domain-section';
import { seedResult } from './helpers';
import { SEED_SETTINGS } from './seed-fixture';

const result = seedResult();
const vi = generateNarrative(result, SEED_SETTINGS, 'vi');
const text = (id: string) => vi.paragraphs.find((p) => p.id === id)?.text;

describe("the seed fixture reproduces the seed's outcome", () => {
  test('17 units from 80% to under 90%, 6 from 65% to under 80%; 8 good, 15 complete, 9 demoted', () => {
    const s = result.summary;
    expect(s.unitCount).toBe(23);
    expect(s.groupCounts).toEqual({ excellent: 0, good: 17, complete: 6, incomplete: 0 });
    expect(s.counts).toEqual({ excellent: 0, good: 8, complete: 15, incomplete: 0 });
    expect(s.demotedCount).toBe(9);
    expect(s.lastYearCounts).toEqual({ excellent: 0, good: 0, complete: 8, incomplete: 15 });
  });

  test('Văn Tố sits exactly on 80,00% and is in the 80–90% group', () => {
    const u = result.units.find((x) => x.name === 'Văn Tố');
    expect(u?.indexPct).toBe(80);
    expect(u?.indexBand).toBe('good');
    expect(u?.band).toBe('complete');
  });
});

describe('section II, sentence by sentence against DOMAIN.md', () => {
  test('every paragraph of the restored section appears, in order, except the listed differences', () => {
    expect(compareWithDomain(vi)).toEqual([]);
  });

  test('every allowed difference has a reason', () => {
    for (const p of DOMAIN_SECTION_II) if (p.generated !== undefined) expect(p.reason).toBeTruthy();
  });

  test("the change of the district index is computed: 83,30 − 63,19 = 20,11 points, not the seed's 19,69", () => {
    expect(text('district.index')).toContain('(năm 2020: 63,19%), tăng 20,11 điểm phần trăm so với năm 2020');
    expect(narrativeToText(vi)).not.toContain('19,69');
    expect(vi.paragraphs.find((p) => p.id === 'district.index')?.figures.changePoints).toBe(20.11);
  });

  test('the parts of the seed that DOMAIN.md leaves out of its quote are there too', () => {
    expect(text('district.rank')).toBe(
      'a. Đối với cấp huyện: Huyện Tứ Kỳ xếp thứ 6/12 huyện, thị xã, thành phố trên địa bàn tỉnh.',
    );
    expect(text('bands.intro')).toBe(
      'b. Đối với cấp xã: Căn cứ kết quả thẩm định, việc xếp hạng và phân loại kết quả CCHC của các xã, thị trấn như sau:',
    );
    expect(text('chairs.good')).toBe(
      'Nhóm Hoàn thành tốt nhiệm vụ: Là Chủ tịch UBND các xã, thị trấn có điểm Chỉ số tổng hợp đạt từ 80% đến dưới 90% so với điểm tối đa, đồng thời các lĩnh vực CCHC phải đạt từ 70% số điểm trở lên: Có 08 đơn vị (gồm Chủ tịch UBND các xã: Quang Khải, Hà Kỳ, Minh Đức, Quang Nghiệp, Nguyên Giáp, Hà Thanh, Đại Hợp và Tái Sơn).',
    );
  });

  test("the weakest fields are the seed's: Cải cách TTHC and Chính quyền điện tử, số", () => {
    const weakest = vi.paragraphs.find((p) => p.id === 'fields.weakest');
    expect(String(weakest?.figures.fields).split('; ').sort()).toEqual(
      ['Cải cách thủ tục hành chính', 'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số'].sort(),
    );
  });
});

test('the comparison catches a changed sentence', () => {
  const changed = {
    ...vi,
    paragraphs: vi.paragraphs.map((p) =>
      p.id === 'bands.excellent' ? { ...p, text: p.text.replace('Không có.', 'Có.') } : p,
    ),
  };
  const problems = compareWithDomain(changed);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain('want: ');
});
