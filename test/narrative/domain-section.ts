/**
 * Section II of the seed as DOMAIN.md restores it ("The narrative"), paragraph by paragraph, and
 * the differences a generated narrative is allowed to have, each with its reason. Both the seed
 * fixture test and the golden test check a narrative against it.
 */
import type { Narrative } from '../../src/engine/narrative';

/** One paragraph of the restored section II, as DOMAIN.md (and, for 1.1, the seed) prints it. */
export interface SeedParagraph {
  text: string;
  /** What the generated text says instead, and why; absent when it must be identical. */
  generated?: string;
  reason?: string;
}

export const DOMAIN_SECTION_II: readonly SeedParagraph[] = [
  {
    // II.1.1 is in the seed, not in DOMAIN.md's restored quote, which names the slip.
    text: 'Năm 2021, Chỉ số CCHC của UBND huyện Tứ Kỳ đạt 83,30% (năm 2020: 63,19%): Tăng 19,69% so với năm 2020.',
    generated:
      'Năm 2021, Chỉ số CCHC của UBND huyện Tứ Kỳ đạt 83,30% (năm 2020: 63,19%), tăng 20,11 điểm phần trăm so với năm 2020.',
    reason:
      'the seed\'s arithmetic slip (DOMAIN.md): 83,30% − 63,19% is 20,11 percentage points, computed, not 19,69%; and the seed\'s colon and capital "Tăng" ' +
      'mid-sentence are written as a comma and a lower-case "tăng" (likewise "giảm", "không thay đổi"), as Vietnamese punctuation has it',
  },
  { text: '1.2. Đối với cấp xã' },
  {
    text: 'Việc xác định Chỉ số Cải cách hành chính năm 2021 của UBND các xã, thị trấn được xếp theo 02 nhóm điểm như sau:',
  },
  {
    text: 'Nhóm đạt Chỉ số tổng hợp từ 80% đến dưới 90% số điểm so với điểm tối đa, gồm 17 xã, thị trấn: Xã Quang Khải, Hà Kỳ, Minh Đức, Quang Nghiệp, Nguyên Giáp, Hà Thanh, Đại Hợp, Thị trấn Tứ Kỳ, Bình Lãng, Quang Trung, Tân Kỳ, An Thanh, Ngọc Kỳ, Quang Phục, Phượng Kỳ, Tái Sơn và Văn Tố.',
    generated:
      'Nhóm đạt Chỉ số tổng hợp từ 80% đến dưới 90% số điểm so với điểm tối đa, gồm 17 xã, thị trấn: Thị trấn Tứ Kỳ và các xã: Quang Khải, Hà Kỳ, Minh Đức, Quang Nghiệp, Nguyên Giáp, Hà Thanh, Đại Hợp, Bình Lãng, Quang Trung, Tân Kỳ, An Thanh, Ngọc Kỳ, Quang Phục, Phượng Kỳ, Tái Sơn và Văn Tố.',
    reason:
      'lists of several kinds name each kind once, as an officer writes them (issue 17, item 9): "Thị trấn Tứ Kỳ và các xã: …", towns first; a bare commune name after "Thị trấn Tứ Kỳ" would read as a town',
  },
  {
    text: 'Nhóm đạt Chỉ số tổng hợp từ 65% đến dưới 80% số điểm so với điểm tối đa, gồm 06 xã: Hưng Đạo, Tiên Động, Đại Sơn, Dân Chủ, Cộng Lạc, Chí Minh.',
    generated:
      'Nhóm đạt Chỉ số tổng hợp từ 65% đến dưới 80% số điểm so với điểm tối đa, gồm 06 xã: Xã Hưng Đạo, Tiên Động, Đại Sơn, Dân Chủ, Cộng Lạc và Chí Minh.',
    reason:
      'formatting rules applied uniformly: "và" before the last name, and the first commune of a list written "Xã …" as in the seed\'s other lists',
  },
  { text: '2. Xếp hạng và phân loại kết quả CCHC năm 2021' },
  {
    text: 'Nhóm Hoàn thành xuất sắc nhiệm vụ, có Chỉ số tổng hợp đạt từ 90% đến 100% so với điểm tối đa, đồng thời các lĩnh vực CCHC phải đạt từ 80% số điểm trở lên: Không có.',
  },
  {
    text: 'Nhóm Hoàn thành tốt nhiệm vụ, có Chỉ số tổng hợp đạt từ 80% đến dưới 90% so với điểm tối đa, đồng thời các lĩnh vực CCHC phải đạt từ 70% số điểm trở lên gồm 08 xã: Xã Quang Khải, Hà Kỳ, Minh Đức, Quang Nghiệp, Nguyên Giáp, Hà Thanh, Đại Hợp và Tái Sơn.',
  },
  {
    text: 'Nhóm Hoàn thành nhiệm vụ, có Chỉ số tổng hợp đạt từ 65% đến dưới 80% so với điểm tối đa, đồng thời các lĩnh vực CCHC phải đạt từ 50% số điểm trở lên gồm 15 xã, thị trấn: Thị trấn Tứ Kỳ, Bình Lãng, Quang Trung, Tân Kỳ, An Thanh, Ngọc Kỳ, Quang Phục, Phượng Kỳ, Hưng Đạo, Tiên Động, Đại Sơn, Dân Chủ, Cộng Lạc, Chí Minh và Văn Tố.',
    generated:
      'Nhóm Hoàn thành nhiệm vụ, có Chỉ số tổng hợp đạt từ 65% đến dưới 80% so với điểm tối đa, đồng thời các lĩnh vực CCHC phải đạt từ 50% số điểm trở lên gồm 15 xã, thị trấn: Thị trấn Tứ Kỳ và các xã: Bình Lãng, Quang Trung, Tân Kỳ, An Thanh, Ngọc Kỳ, Quang Phục, Phượng Kỳ, Văn Tố, Hưng Đạo, Tiên Động, Đại Sơn, Dân Chủ, Cộng Lạc và Chí Minh.',
    reason:
      "list order (DOMAIN.md: the seed's lists are not in one order, Văn Tố moves about): rank order, so Văn Tố (index 80–90%) comes before the units under 80%; and " +
      'lists of several kinds name each kind once, as an officer writes them (issue 17, item 9): "Thị trấn Tứ Kỳ và các xã: …", towns first; a bare commune name after "Thị trấn Tứ Kỳ" would read as a town',
  },
  {
    text: 'Trong đó 09 xã có Chỉ số tổng hợp đạt từ 80% đến dưới 90% so với điểm tối đa gồm: Thị trấn Tứ Kỳ, Bình Lãng, Quang Trung, Phượng Kỳ, Tân Kỳ, An Thanh, Ngọc Kỳ, Văn Tố và Quang Phục. Tuy nhiên, các xã này chỉ được xếp vào nhóm Hoàn thành nhiệm vụ do Chỉ số của một số lĩnh vực chưa đạt mức 70% số điểm trở lên so với tỷ lệ quy định để đạt mức Hoàn thành tốt nhiệm vụ.',
    generated:
      'Trong đó 09 xã, thị trấn có Chỉ số tổng hợp đạt từ 80% đến dưới 90% so với điểm tối đa gồm: Thị trấn Tứ Kỳ và các xã: Bình Lãng, Quang Trung, Tân Kỳ, An Thanh, Ngọc Kỳ, Quang Phục, Phượng Kỳ và Văn Tố. Tuy nhiên, các xã, thị trấn này chỉ được xếp vào nhóm Hoàn thành nhiệm vụ do Chỉ số của một số lĩnh vực chưa đạt mức 70% số điểm trở lên so với tỷ lệ quy định để đạt mức Hoàn thành tốt nhiệm vụ.',
    reason:
      'list order (rank order: Phượng Kỳ and Văn Tố move, as the seed\'s own lists disagree), and the collective noun follows the units listed: the nine include Thị trấn Tứ Kỳ, so "xã, thị trấn", not the seed\'s "xã"; and ' +
      'lists of several kinds name each kind once, as an officer writes them (issue 17, item 9): "Thị trấn Tứ Kỳ và các xã: …", towns first; a bare commune name after "Thị trấn Tứ Kỳ" would read as a town',
  },
  { text: 'Nhóm Không hoàn thành nhiệm vụ, có Chỉ số CCHC đạt dưới 65% so với điểm tối đa: Không có.' },
  {
    text: 'Năm 2021, huyện Tứ Kỳ có 08/23 xã đạt mức Hoàn thành tốt nhiệm vụ; 15/23 xã, thị trấn đạt mức Hoàn thành nhiệm vụ (năm 2020: có 08/23 xã, thị trấn đạt mức Hoàn thành nhiệm vụ; 15/23 xã đạt mức Không hoàn thành nhiệm vụ; không có xã, thị trấn đạt mức Hoàn thành xuất sắc và Hoàn thành tốt nhiệm vụ).',
  },
];

/** Splits text into sentences (". " followed by a capital), for sentence-by-sentence messages. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.:])\s+(?=[A-ZÀ-ỸĐ])/u);
}

/**
 * Checks that the narrative carries every paragraph of the restored section II, in order, as
 * written or as its allowed difference says; returns what does not match (empty when all do).
 */
export function compareWithDomain(n: Narrative): string[] {
  const texts = n.paragraphs.map((p) => p.text);
  const problems: string[] = [];
  let from = 0;
  for (const p of DOMAIN_SECTION_II) {
    const expected = p.generated ?? p.text;
    const at = texts.indexOf(expected, from);
    if (at < 0) {
      const anywhere = texts.indexOf(expected);
      if (anywhere >= 0) {
        problems.push(`out of order: ${expected}`);
        continue;
      }
      // Name the first sentence that differs, to make the failure readable.
      const want = sentences(expected);
      const closest = texts.find((t) => sentences(t)[0].slice(0, 40) === want[0].slice(0, 40));
      const got = closest ? sentences(closest) : [];
      const k = want.findIndex((s, i) => s !== got[i]);
      problems.push(
        `missing: ${expected}\n  first differing sentence:\n  want: ${want[k]}\n  got:  ${got[k] ?? '(no such paragraph)'}`,
      );
      continue;
    }
    from = at + 1;
  }
  return problems;
}
