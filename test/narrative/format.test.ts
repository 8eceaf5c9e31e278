/** The formatting rules of DOMAIN.md, one by one, on the helpers and in generated text. */
import { formatBound, formatPct, joinList, twoDigits } from '../../src/engine/format';
import {
  baseName,
  collectiveNoun,
  escapeMarkdown,
  formatCount,
  generateNarrative,
  joinLabels,
  percentagePointChange,
  unitInSentence,
  unitKind,
  unitList,
} from '../../src/engine/narrative';
import { grid, oneField, score } from './helpers';

const settings = { year: 2021 };
const paragraph = (r: ReturnType<typeof score>, id: string, lang: 'vi' | 'en' = 'vi') =>
  generateNarrative(r, settings, lang).paragraphs.find((p) => p.id === id)?.text;

describe('two-digit counts', () => {
  test('helpers: 8 → "08", 15 → "15", 0 → "00" in Vietnamese; plain in English', () => {
    expect(twoDigits(8)).toBe('08');
    expect(formatCount(8, 'vi')).toBe('08');
    expect(formatCount(0, 'vi')).toBe('00');
    expect(formatCount(15, 'vi')).toBe('15');
    expect(formatCount(123, 'vi')).toBe('123');
    expect(formatCount(8, 'en')).toBe('8');
  });

  test('in the text: "gồm 01 xã", "01/03", "02 nhóm điểm"', () => {
    const r = score(
      oneField([
        { name: 'An Bình', index: 85 },
        { name: 'Hà Kỳ', index: 70 },
        { name: 'Tân Kỳ', index: 71 },
      ]),
    );
    expect(paragraph(r, 'bands.good')).toContain('gồm 01 xã: Xã An Bình.');
    expect(paragraph(r, 'groups.intro')).toContain('được xếp theo 02 nhóm điểm');
    expect(paragraph(r, 'counts')).toBe(
      'Năm 2021, có 01/03 xã đạt mức Hoàn thành tốt nhiệm vụ; 02/03 xã đạt mức Hoàn thành nhiệm vụ.',
    );
  });
});

describe('decimal comma', () => {
  test('percentages with two decimals and a comma in Vietnamese, a point in English', () => {
    expect(formatPct(83.3, 'vi')).toBe('83,30%');
    expect(formatPct(83.3, 'en')).toBe('83.30%');
    expect(formatBound(82.5, 'vi')).toBe('82,5%');
  });

  test('in the text: the average, highest and lowest indexes', () => {
    const r = score(
      grid(
        [30, 70],
        [
          { name: 'A Lư', scores: [25.5, 60.25] },
          { name: 'Bắc Sơn', scores: [20, 50.05] },
        ],
      ),
    );
    // 85,75% and 70,05%: average 77,90%.
    expect(paragraph(r, 'average')).toBe(
      'Chỉ số tổng hợp bình quân của 02 xã là 77,90%; cao nhất là xã A Lư (85,75%), thấp nhất là xã Bắc Sơn (70,05%).',
    );
    expect(paragraph(r, 'average', 'en')).toBe(
      'The average index of the 2 communes is 77.90%; the highest is A Lư (85.75%), the lowest Bắc Sơn (70.05%).',
    );
  });

  test('the share of each band, in percent with a decimal comma', () => {
    const r = score(
      oneField([
        { name: 'A', index: 85 },
        { name: 'B', index: 70 },
        { name: 'C', index: 71 },
      ]),
    );
    expect(paragraph(r, 'shares')).toBe(
      'Tỷ lệ xã, thị trấn theo mức xếp loại: Hoàn thành xuất sắc nhiệm vụ: 00/03 (0,00%); Hoàn thành tốt nhiệm vụ: 01/03 (33,33%); Hoàn thành nhiệm vụ: 02/03 (66,67%); Không hoàn thành nhiệm vụ: 00/03 (0,00%).',
    );
  });
});

describe('percentage-point change, computed', () => {
  test('83,30 − 63,19 = 20,11 exactly (no binary noise), and the other directions', () => {
    expect(percentagePointChange(83.3, 63.19)).toBe(20.11);
    expect(percentagePointChange(80.3, 60.1)).toBe(20.2);
    expect(80.3 - 60.1).not.toBe(20.2); // what a naive subtraction gives
    expect(percentagePointChange(63.19, 83.3)).toBe(-20.11);
    expect(percentagePointChange(70.1, 70.1)).toBe(0);
  });

  test('in the text, after a comma: "tăng 20,11 điểm phần trăm", "giảm …", "không thay đổi", English "up 20.11 percentage points"', () => {
    const r = score(oneField([{ name: 'A', index: 85 }]));
    const say = (index: number, last: number, lang: 'vi' | 'en' = 'vi') =>
      generateNarrative(
        r,
        { year: 2021, districtName: 'Tứ Kỳ', districtIndexPct: index, districtIndexLastYearPct: last },
        lang,
      ).paragraphs.find((p) => p.id === 'district.index')?.text;
    expect(say(83.3, 63.19)).toBe(
      'Năm 2021, Chỉ số CCHC của UBND huyện Tứ Kỳ đạt 83,30% (năm 2020: 63,19%), tăng 20,11 điểm phần trăm so với năm 2020.',
    );
    expect(say(63.19, 83.3)).toContain('(năm 2020: 83,30%), giảm 20,11 điểm phần trăm so với năm 2020.');
    expect(say(80, 80)).toContain('(năm 2020: 80,00%), không thay đổi so với năm 2020.');
    expect(say(83.3, 63.19, 'en')).toBe(
      "In 2021, the PAR Index of the People's Committee of Tứ Kỳ district is 83.30% (2020: 63.19%), up 20.11 percentage points against 2020.",
    );
  });

  test("without last year's district index, the index alone", () => {
    const r = score(oneField([{ name: 'A', index: 85 }]));
    const n = generateNarrative(r, { year: 2021, districtName: 'Tứ Kỳ', districtIndexPct: 83.3 }, 'vi');
    expect(n.paragraphs.find((p) => p.id === 'district.index')?.text).toBe(
      'Năm 2021, Chỉ số CCHC của UBND huyện Tứ Kỳ đạt 83,30%.',
    );
  });
});

describe('"và" before the last name', () => {
  test('helpers', () => {
    expect(joinList(['A', 'B', 'C'], 'vi')).toBe('A, B và C');
    expect(joinList(['A', 'B'], 'en')).toBe('A and B');
    expect(unitList(['Quang Khải'], 'vi')).toBe('Xã Quang Khải');
    expect(unitList(['Quang Khải', 'Hà Kỳ'], 'vi')).toBe('Xã Quang Khải và Hà Kỳ');
    expect(unitList(['Quang Khải', 'Hà Kỳ', 'Minh Đức'], 'vi')).toBe('Xã Quang Khải, Hà Kỳ và Minh Đức');
    expect(unitList(['Quang Khải', 'Hà Kỳ', 'Minh Đức'], 'en')).toBe('Quang Khải, Hà Kỳ and Minh Đức');
  });

  test('band labels say their shared ending once', () => {
    expect(joinLabels(['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ'], 'vi')).toBe(
      'Hoàn thành xuất sắc và Hoàn thành tốt nhiệm vụ',
    );
    expect(joinLabels(['Excellent', 'Good'], 'en', 'or')).toBe('Excellent or Good');
    expect(joinLabels(['Tốt', 'Khá'], 'vi')).toBe('Tốt và Khá');
  });
});

describe('unit kinds, list prefixes and the collective noun', () => {
  test('"Thị trấn …" is a town, "Phường …" a ward, others communes; "Phượng Kỳ" is a commune', () => {
    expect(unitKind('Thị trấn Tứ Kỳ')).toBe('town');
    expect(unitKind('thị trấn  Gia Lộc')).toBe('town');
    expect(unitKind('Phường Ngọc Châu')).toBe('ward');
    expect(unitKind('Phượng Kỳ')).toBe('commune');
    expect(unitKind('Quang Khải')).toBe('commune');
    expect(unitKind('Xã Hà Kỳ')).toBe('commune');
    expect(baseName('Xã Hà Kỳ')).toBe('Hà Kỳ');
    expect(baseName('Thị trấn Tứ Kỳ')).toBe('Thị trấn Tứ Kỳ');
  });

  test('the first commune of a list gets "Xã "; towns keep "Thị trấn X"; a typed "Xã" is not doubled', () => {
    expect(unitList(['Xã Quang Khải', 'Xã Hà Kỳ'], 'vi')).toBe('Xã Quang Khải và Hà Kỳ');
    // Several kinds: each named once, as an officer writes it (issue 17, item 9).
    expect(unitList(['Thị trấn Tứ Kỳ', 'Bình Lãng', 'Quang Trung'], 'vi')).toBe(
      'Thị trấn Tứ Kỳ và các xã: Bình Lãng và Quang Trung',
    );
    expect(unitList(['Bình Lãng', 'Thị trấn Tứ Kỳ'], 'vi')).toBe('Thị trấn Tứ Kỳ và xã Bình Lãng');
    expect(unitList(['Bình Lãng', 'Thị trấn Tứ Kỳ', 'Văn Tố'], 'vi', false)).toBe(
      'thị trấn Tứ Kỳ và các xã: Bình Lãng và Văn Tố',
    );
    expect(unitList(['Phường A', 'Phường B', 'Xã C', 'D', 'Thị trấn E'], 'vi')).toBe(
      'Thị trấn E; các phường: A và B; các xã: C và D',
    );
    expect(unitList(['Thị trấn Tứ Kỳ', 'Bình Lãng'], 'en')).toBe('Thị trấn Tứ Kỳ and Bình Lãng');
    expect(unitList(['Quang Khải', 'Hà Kỳ'], 'vi', false)).toBe('Quang Khải và Hà Kỳ');
    expect(unitInSentence('Quang Khải', 'vi')).toBe('xã Quang Khải');
    expect(unitInSentence('Thị trấn Tứ Kỳ', 'vi')).toBe('thị trấn Tứ Kỳ');
    expect(unitInSentence('Phường Ngọc Châu', 'vi')).toBe('phường Ngọc Châu');
  });

  test('the noun follows the units listed', () => {
    expect(collectiveNoun(['Quang Khải', 'Hà Kỳ'], 'vi')).toBe('xã');
    expect(collectiveNoun(['Thị trấn Tứ Kỳ'], 'vi')).toBe('thị trấn');
    expect(collectiveNoun(['Thị trấn Tứ Kỳ', 'Thị trấn Gia Lộc'], 'vi')).toBe('thị trấn');
    expect(collectiveNoun(['Thị trấn Tứ Kỳ', 'Quang Khải'], 'vi')).toBe('xã, thị trấn');
    expect(collectiveNoun(['Phường A', 'Thị trấn B', 'C'], 'vi')).toBe('xã, phường, thị trấn');
    expect(collectiveNoun(['Quang Khải'], 'en')).toBe('commune');
    expect(collectiveNoun(['Quang Khải', 'Hà Kỳ'], 'en')).toBe('communes');
    expect(collectiveNoun(['Thị trấn Tứ Kỳ', 'Quang Khải'], 'en')).toBe('communes and towns');
  });

  test('in the text: single-type and mixed bands', () => {
    const r = score(
      oneField([
        { name: 'Thị trấn Tứ Kỳ', index: 86 },
        { name: 'Thị trấn Gia Lộc', index: 85 },
        { name: 'Quang Khải', index: 75 },
        { name: 'Thị trấn Nam Sách', index: 70 },
      ]),
    );
    expect(paragraph(r, 'bands.good')).toContain('gồm 02 thị trấn: Thị trấn Tứ Kỳ và Thị trấn Gia Lộc.');
    expect(paragraph(r, 'bands.complete')).toContain('gồm 02 xã, thị trấn: Thị trấn Nam Sách và xã Quang Khải.');
    expect(paragraph(r, 'counts')).toBe(
      'Năm 2021, có 02/04 thị trấn đạt mức Hoàn thành tốt nhiệm vụ; 02/04 xã, thị trấn đạt mức Hoàn thành nhiệm vụ.',
    );
    expect(paragraph(r, 'bands.complete', 'en')).toContain('; 2 communes and towns: Quang Khải and Thị trấn Nam Sách.');
  });
});

describe('"Không có." for an empty group', () => {
  test('an empty band reads "Không có." (en "none."), and the chairmen\'s too', () => {
    const r = score(oneField([{ name: 'A', index: 85 }]));
    expect(paragraph(r, 'bands.excellent')).toMatch(/trở lên: Không có\.$/);
    expect(paragraph(r, 'bands.incomplete')).toBe(
      'Nhóm Không hoàn thành nhiệm vụ, có Chỉ số CCHC đạt dưới 65% so với điểm tối đa: Không có.',
    );
    expect(paragraph(r, 'chairs.incomplete')).toMatch(/: Không có\.$/);
    expect(paragraph(r, 'bands.excellent', 'en')).toMatch(/: none\.$/);
  });

  test('score groups list only the non-empty groups', () => {
    const r = score(
      oneField([
        { name: 'A', index: 85 },
        { name: 'B', index: 50 },
      ]),
    );
    const n = generateNarrative(r, settings, 'vi');
    expect(n.paragraphs.filter((p) => p.id.startsWith('groups.') && p.level === 'bullet').map((p) => p.id)).toEqual([
      'groups.good',
      'groups.incomplete',
    ]);
    expect(paragraph(r, 'groups.incomplete')).toBe(
      'Nhóm đạt Chỉ số tổng hợp dưới 65% số điểm so với điểm tối đa, gồm 01 xã: Xã B.',
    );
  });
});

describe('rank order, ties in Vietnamese alphabetical order', () => {
  test('higher index first; equal indexes by Vietnamese order (Ân before Bình, D before Đ)', () => {
    const r = score(
      oneField([
        { name: 'Đại Sơn', index: 82 },
        { name: 'Bình Lãng', index: 84 },
        { name: 'Dân Chủ', index: 82 },
        { name: 'Ân Thi', index: 84 },
        { name: 'Quang Khải', index: 88 },
      ]),
    );
    expect(paragraph(r, 'bands.good')).toContain('gồm 05 xã: Xã Quang Khải, Ân Thi, Bình Lãng, Dân Chủ và Đại Sơn.');
    // Code-point order would have put "Bình" before "Ân".
    expect(['Ân Thi', 'Bình Lãng'].sort()).toEqual(['Bình Lãng', 'Ân Thi']);
  });

  test('equal highest indexes are all named', () => {
    const r = score(
      oneField([
        { name: 'Bình Lãng', index: 84 },
        { name: 'Ân Thi', index: 84 },
        { name: 'Hà Kỳ', index: 70 },
      ]),
    );
    expect(paragraph(r, 'average')).toContain(
      'cao nhất là xã Ân Thi và xã Bình Lãng (84,00%), thấp nhất là xã Hà Kỳ (70,00%).',
    );
  });
});

test('markdown escaping keeps names plain', () => {
  expect(escapeMarkdown('a*b_c [d]')).toBe('a\\*b\\_c \\[d\\]');
});
