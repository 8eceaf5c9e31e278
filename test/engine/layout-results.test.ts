/**
 * Results-only tables (issue 15 item 7): an index column and no field points, banded and ranked
 * from the index as given; rules that need field points (floors, components) are refused.
 */
import {
  NATIONAL_GROUPS_2024,
  authorityDisagreements,
  describeFinding,
  detectLayout,
  readingNotes,
  scoreGrid,
  type CellValue,
  type RuleSet,
} from '../../src/engine';
import { genIndex, genRanks, genResultsOnly, genUnits } from '../fixtures/layouts';
import { RULES } from './helpers';

const SHEET = 'Tổng hợp';

function scored(grid: CellValue[][], rules: RuleSet = NATIONAL_GROUPS_2024) {
  const s = scoreGrid(grid, SHEET, rules);
  if (!s.found) throw new Error(`not found: ${s.reason} ${s.detail}`);
  return s;
}

describe('a results-only table', () => {
  const layout = genResultsOnly();

  it('is read from its index column, told apart from a table with field points by having none', () => {
    const s = scored(layout.rows);
    expect(s.layout.resultsOnly).toBe(true);
    expect(s.layout.fieldCols).toEqual([2]);
    expect(s.result.table.resultsOnly).toBe(true);
    // With a field column beside it, the same header is the authority's index, compared, never scored.
    const withField = [
      ['Tên đơn vị', 'LV1', 'Chỉ số CCHC (%)'],
      ['Điểm tối đa', 100, null],
      ['Xã A', 80, 80],
    ];
    const f = scored(withField);
    expect(f.layout.resultsOnly).toBeUndefined();
    expect(f.result.table.fields.map((x) => x.label)).toEqual(['LV1']);
    expect(f.result.table.authorityColumns?.index).toBe('C');
  });

  it("bands and ranks from the index as given: the same as its plain equivalent and the fixture's arithmetic", () => {
    const s = scored(layout.rows);
    const plain = scored(layout.plain);
    expect(s.errors).toEqual([]);
    expect(s.result.units.map((u) => [u.name, u.indexPct, u.rank, u.band])).toEqual(
      plain.result.units.map((u) => [u.name, u.indexPct, u.rank, u.band]),
    );
    expect(s.result.units.map((u) => u.indexPct)).toEqual(genUnits().map(genIndex));
    expect(s.result.units.map((u) => u.rank)).toEqual(genRanks(genUnits()));
    expect(new Set(s.result.units.map((u) => u.band)).size).toBeGreaterThanOrEqual(2);
  });

  it("compares the authority's rank with ours (the index is ours as given)", () => {
    const s = scored(layout.rows);
    expect(authorityDisagreements(s.result, 'vi').map((d) => d.cell)).toEqual(layout.authorityOff);
  });

  it('says how it was read, in both languages', () => {
    const s = scored(layout.rows);
    expect(readingNotes(s.result.table, 'vi')).toEqual([
      `'Tổng hợp': bảng chỉ có kết quả, không có điểm lĩnh vực: xếp loại và xếp hạng theo chỉ số ghi trong bảng (cột C, “Chỉ số CCHC (%)”), không tính lại.`,
    ]);
    expect(readingNotes(s.result.table, 'en')[0]).toContain('results-only table');
    expect(readingNotes(scored(layout.plain).result.table, 'vi')).toEqual([]);
  });

  it('reads an index written as text with %, or as fractions (0,865 = 86,5%)', () => {
    const text = scored([
      ['Đơn vị', 'Chỉ số (%)'],
      ['Xã A', '86,5%'],
      ['Xã B', 91.25],
    ]);
    expect(text.result.units.map((u) => u.indexPct)).toEqual([86.5, 91.25]);
    const fractions = scored([
      ['Đơn vị', 'Chỉ số CCHC'],
      ['Xã A', 0.865],
      ['Xã B', 0.9125],
    ]);
    expect(fractions.result.units.map((u) => [u.indexPct, u.band])).toEqual([
      [86.5, 'B'],
      [91.25, 'A'],
    ]);
    const bad = scoreGrid(
      [
        ['Đơn vị', 'Chỉ số (%)'],
        ['Xã A', 120],
        ['Xã B', null],
      ],
      SHEET,
      NATIONAL_GROUPS_2024,
    );
    if (!bad.found) throw new Error('not found');
    expect(bad.errors.map((f) => [f.address, f.code])).toEqual([
      ['B2', 'notANumber'],
      ['B3', 'emptyScore'],
    ]);
  });

  it("a rule set with field floors is refused, naming each floor's band, the rule set and the table", () => {
    const s = scoreGrid(layout.rows, SHEET, RULES);
    if (!s.found) throw new Error('not found');
    expect(s.errors.map((f) => [f.cell, f.code, f.params.bandVi, f.params.floor])).toEqual([
      ["'Tổng hợp'!C3", 'floorsNeedPoints', 'Hoàn thành xuất sắc nhiệm vụ', '80%'],
      ["'Tổng hợp'!C3", 'floorsNeedPoints', 'Hoàn thành tốt nhiệm vụ', '70%'],
      ["'Tổng hợp'!C3", 'floorsNeedPoints', 'Hoàn thành nhiệm vụ', '50%'],
    ]);
    const text = describeFinding(s.errors[1], 'vi');
    expect(text).toContain('bảng “Tổng hợp” chỉ có chỉ số (cột C)');
    expect(text).toContain(`bộ tiêu chí “${RULES.name.vi}” đặt ngưỡng lĩnh vực ở mức “Hoàn thành tốt nhiệm vụ” (70%)`);
    expect(describeFinding(s.errors[1], 'en')).toContain('field floors need points per field');
    // The same rule set without floors scores it.
    const noFloors: RuleSet = {
      ...RULES,
      id: 'no-floors',
      bands: RULES.bands.map((b) => ({ ...b, fieldFloorPct: null, fieldFloors: [] })),
    };
    expect(scoreGrid(layout.rows, SHEET, noFloors)).toMatchObject({ found: true, errors: [] });
  });

  it('a rule set with components is refused too', () => {
    const withComponents: RuleSet = {
      ...NATIONAL_GROUPS_2024,
      id: 'components',
      components: {
        appraisal: { label: { vi: 'Thẩm định', en: 'Appraisal' }, points: 70, floorApplies: false },
        survey: { label: { vi: 'Điều tra xã hội học', en: 'Survey' }, points: 30, floorApplies: false },
        convertWithoutSurvey: false,
      },
    };
    const s = scoreGrid(layout.rows, SHEET, withComponents);
    if (!s.found) throw new Error('not found');
    expect(s.errors.map((f) => f.code)).toContain('componentsNeedPoints');
  });

  it('a name column alone (no index, no fields) is still "no field columns"', () => {
    expect(
      detectLayout([
        ['Tên đơn vị', 'Ghi chú'],
        ['Xã A', 'x'],
      ]),
    ).toMatchObject({ ok: false, reason: 'noFields' });
  });
});
