/**
 * Real summary tables (issue 15): column roles by header words, headers over several rows with
 * sub-columns, unit-name headers, maxima from wherever the table keeps them, blocks, subtotal
 * rows, the authority's own results, and no silent guess when a column is uncertain.
 */
import {
  authorityDisagreements,
  detectLayout,
  headerRole,
  isNameHeader,
  foldHeader,
  parseColumnMap,
  proposalLines,
  readTable,
  scoreGrid,
  selfAssessedDifferences,
  tableCheckLines,
  type CellValue,
  type Layout,
  type RoleOverrides,
} from '../../src/engine';
import { FIELDS, genBand, genIndex, genLayouts, genRanks, genUnits, genTransposed } from '../fixtures/layouts';
import { RULES } from './helpers';

const SHEET = 'Tổng hợp';

function layoutOf(grid: CellValue[][], roles?: RoleOverrides): Layout {
  const d = detectLayout(grid, 50, undefined, roles);
  if (!d.ok) throw new Error(`no layout: ${d.reason} ${d.detail}`);
  return d.layout;
}

function scored(grid: CellValue[][], roles?: RoleOverrides) {
  const s = scoreGrid(grid, SHEET, RULES, { roles });
  if (!s.found) throw new Error(`not found: ${s.reason} ${s.detail}`);
  return s;
}

describe('header words', () => {
  it.each([
    ['Tự chấm', 'selfAssessed'],
    ['Điểm tự đánh giá', 'selfAssessed'],
    ['TĐG', 'selfAssessed'],
    ['Thẩm định', 'appraised'],
    ['Kết quả thẩm định', 'appraised'],
    ['HĐ thẩm định', 'appraised'],
    ['Điều tra xã hội học', 'survey'],
    ['ĐTXHH', 'survey'],
    ['Chỉ số hài lòng (SIPAS)', 'survey'],
    ['Điểm thưởng', 'bonus'],
    ['Điểm phạt', 'penalty'],
    ['Khối', 'block'],
    ['Loại đơn vị', 'block'],
    ['Chỉ số CCHC (%)', 'authorityIndex'],
    ['Thứ hạng', 'authorityRank'],
    ['XẾP LOẠI', 'authorityBand'],
    ['Chỉ số năm trước (%)', 'lastYearIndex'],
    ['Xếp loại năm trước', 'lastYearBand'],
    ['Ghi chú', 'notes'],
    ['Tổng điểm thẩm định', 'total'],
    ['Cải cách tài chính công', 'field'],
    ['Xây dựng và phát triển Chính quyền điện tử, Chính quyền số', 'field'],
  ])('%p is %p, whatever the case and diacritics', (header, role) => {
    expect(headerRole(header)).toEqual({ role, candidates: [] });
    expect(headerRole(header.toUpperCase()).role).toBe(role);
    expect(headerRole(foldHeader(header)).role).toBe(role);
  });

  it('a header naming two kinds of points is uncertain, with both candidates', () => {
    const r = headerRole('Tự chấm / Thẩm định');
    expect(r.candidates).toEqual(expect.arrayContaining(['selfAssessed', 'appraised']));
  });

  it.each([
    ['Tên đơn vị'],
    ['Đơn vị'],
    ['Tên xã'],
    ['Tên xã, thị trấn'],
    ['Xã, phường, thị trấn'],
    ['Tên phường, xã'],
    ['Tên cơ quan, đơn vị'],
    ['Cơ quan, đơn vị'],
    ['Đơn vị, địa phương'],
    ['Địa phương'],
  ])('%p names the units', (h) => {
    expect(isNameHeader(foldHeader(h))).toBe(true);
    const l = layoutOf([
      ['STT', h, 'LV1'],
      [null, 'Điểm tối đa', 10],
      [1, 'Xã A', 5],
    ]);
    expect(l.nameCol).toBe(1);
  });

  it.each([['Đơn vị tính'], ['Tên lĩnh vực'], ['Cải cách thể chế'], ['Xã hội hoá']])('%p does not', (h) => {
    expect(isNameHeader(foldHeader(h))).toBe(false);
  });
});

describe('maxima', () => {
  it('a "Điểm tối đa" row after a numbering row, anywhere before the first unit', () => {
    const l = layoutOf([
      ['STT', 'Tên đơn vị', 'LV1', 'LV2'],
      ['(1)', '(2)', '(3)', '(4)'],
      [null, 'Điểm tối đa', 10, 20],
      [1, 'Xã A', 5, 10],
    ]);
    expect([l.maxRow, l.firstUnitRow]).toEqual([2, 3]);
    const { table, findings } = readTable(
      [
        ['STT', 'Tên đơn vị', 'LV1', 'LV2'],
        ['(1)', '(2)', '(3)', '(4)'],
        [null, 'Điểm tối đa', 10, 20],
        [1, 'Xã A', 5, 10],
      ],
      l,
      SHEET,
    );
    expect(findings).toEqual([]);
    expect(table.fields.map((f) => [f.maxScaled, f.maxAddress])).toEqual([
      [100000, 'C3'],
      [200000, 'D3'],
    ]);
  });

  it('a number in the field title, "(11 điểm)" or "tối đa 11", the title shown without it', () => {
    const grid: CellValue[][] = [
      ['Tên đơn vị', 'Chỉ đạo, điều hành (11 điểm)', 'Thể chế - tối đa 9,5'],
      ['Xã A', 10, 9],
    ];
    const { table, findings } = readTable(grid, layoutOf(grid), SHEET);
    expect(findings).toEqual([]);
    expect(table.fields.map((f) => [f.label, f.maxScaled, f.maxAddress])).toEqual([
      ['Chỉ đạo, điều hành', 110000, 'B1'],
      ['Thể chế', 95000, 'C1'],
    ]);
  });

  it('a field with no maximum anywhere is an error naming the field, at its title', () => {
    const grid: CellValue[][] = [
      ['Tên đơn vị', 'LV1 (10 điểm)', 'Cải cách thể chế'],
      ['Xã A', 10, 9],
    ];
    const { findings } = readTable(grid, layoutOf(grid), SHEET);
    expect(findings.map((f) => [f.cell, f.code, f.params.field])).toEqual([
      ["'Tổng hợp'!C1", 'missingMax', 'Cải cách thể chế'],
    ]);
  });

  it('a maximum column under a field ("Tối đa | Tự chấm | Thẩm định"), the same on every row', () => {
    const grid: CellValue[][] = [
      ['Tên đơn vị', 'Cải cách thể chế', null, null],
      [null, 'Tối đa', 'Tự chấm', 'Thẩm định'],
      ['Xã A', 12, 11, 10],
      ['Xã B', 13, 9, 8],
    ];
    const { table, findings } = readTable(grid, layoutOf(grid), SHEET);
    expect(table.fields.map((f) => [f.label, f.maxScaled, f.column, f.selfColumn])).toEqual([
      ['Cải cách thể chế', 120000, 'D', 'C'],
    ]);
    expect(findings.map((f) => [f.address, f.code])).toEqual([['B4', 'maxColumnVaries']]);
  });
});

describe('sub-columns and self-assessed points', () => {
  const grid: CellValue[][] = [
    ['STT', 'Tên đơn vị', 'Chỉ đạo, điều hành', null, 'Thể chế', null],
    [null, null, 'Tự chấm', 'Thẩm định', 'Tự chấm', 'Thẩm định'],
    [null, 'Điểm tối đa', 10, 10, 20, 20],
    [1, 'Xã A', 10, 9, 20, 18],
    [2, 'Xã B', 8, 8, 15, 16],
  ];

  it('the appraised points score; the self-assessed are kept, never added', () => {
    const s = scored(grid);
    expect(s.layout.fieldCols).toEqual([3, 5]);
    expect(s.layout.selfCols).toEqual([2, 4]);
    expect(s.result.units.map((u) => u.totalScaled / 1e4)).toEqual([27, 24]);
    expect(s.result.table.units[0].selfAssessedScores).toEqual([
      { kind: 'points', scaled: 100000 },
      { kind: 'points', scaled: 200000 },
    ]);
  });

  it('every difference is listed per unit and field (information, not an error)', () => {
    const s = scored(grid);
    expect(s.errors).toEqual([]);
    expect(
      selfAssessedDifferences(s.result.table).map((d) => [
        d.unit,
        d.field,
        d.selfCell,
        d.appraisedCell,
        d.self,
        d.appraised,
        d.difference,
      ]),
    ).toEqual([
      ['Xã A', 'Chỉ đạo, điều hành', 'C4', 'D4', 10, 9, -1],
      ['Xã A', 'Thể chế', 'E4', 'F4', 20, 18, -2],
      ['Xã B', 'Thể chế', 'E5', 'F5', 15, 16, 1],
    ]);
    expect(tableCheckLines(s.result, 'vi')).toContain(
      "  'Tổng hợp'!E5 (Xã B, “Thể chế”): tự chấm 15, thẩm định 16 (chênh 1)",
    );
  });

  it('an unknown pair of sub-columns is uncertain: nothing read, the mapping proposed with how to confirm it', () => {
    const unsure = grid.map((r, i) => (i === 1 ? [null, null, 'Điểm ĐV', 'Điểm HĐ', 'Điểm ĐV', 'Điểm HĐ'] : r));
    const d = detectLayout(unsure);
    expect(d.ok).toBe(false);
    if (d.ok || d.reason !== 'uncertain') throw new Error('expected uncertain');
    expect(d.detail).toBe('C2, D2, E2, F2');
    const lines = proposalLines(d.proposal.columns, d.proposal.uncertain, 0, 'vi');
    expect(lines).toContain(
      '  C  “Chỉ đạo, điều hành › Điểm ĐV” → ? selfAssessed (Điểm tự chấm (giữ lại, không tính)) (hoặc: appraised, ignored)',
    );
    expect(lines[lines.length - 1]).toContain('--map "C=selfAssessed,D=appraised,E=selfAssessed,F=appraised"');
    // Confirmed, the same result as the plain reading.
    const map = parseColumnMap('C=selfAssessed,D=appraised,E=tự chấm,F=thẩm định');
    if (!map.ok) throw new Error(map.item);
    expect(scored(unsure, map.roles).result.units.map((u) => [u.indexPct, u.band])).toEqual(
      scored(grid).result.units.map((u) => [u.indexPct, u.band]),
    );
  });

  it('a second unit-name column is uncertain until one is chosen', () => {
    const two: CellValue[][] = [
      ['Tên đơn vị', 'Tên xã', 'LV1'],
      ['Điểm tối đa', null, 10],
      ['UBND xã A', 'Xã A', 5],
    ];
    const d = detectLayout(two);
    expect(d).toMatchObject({ ok: false, reason: 'uncertain', detail: 'B1' });
    const map = parseColumnMap('{"B": "name", "A": "ignored"}');
    if (!map.ok) throw new Error(map.item);
    expect(scored(two, map.roles).result.units.map((u) => u.name)).toEqual(['Xã A']);
  });

  it('a --map item that is not Column=role is refused, naming it', () => {
    expect(parseColumnMap('E=appraised,F')).toEqual({ ok: false, item: 'F=' });
    expect(parseColumnMap('E=chấm lại')).toEqual({ ok: false, item: 'E=chấm lại' });
    expect(parseColumnMap('7=field')).toMatchObject({ ok: false });
  });
});

describe('blocks and summary rows', () => {
  it('title rows give each unit its block; subtotal, total and average rows are never units', () => {
    const grid: CellValue[][] = [
      ['STT', 'Tên đơn vị', 'LV1'],
      [null, 'Điểm tối đa', 10],
      ['I', 'Khối phường'],
      [1, 'Phường A', 9],
      [2, 'Phường B', 8],
      [null, 'Cộng khối phường', 17],
      ['II', 'KHỐI XÃ'],
      [1, 'Cộng Lạc', 7],
      [null, 'Cộng', 7],
      [null, 'Tổng cộng', 24],
      [null, 'Bình quân', 8],
    ];
    const s = scored(grid);
    expect(s.result.table.units.map((u) => [u.name, u.block, u.row])).toEqual([
      ['Phường A', 'Khối phường', 4],
      ['Phường B', 'Khối phường', 5],
      ['Cộng Lạc', 'KHỐI XÃ', 8],
    ]);
    expect(s.layout.endRow).toBe(8);
  });

  it('a block column', () => {
    const s = scored([
      ['Tên đơn vị', 'Nhóm', 'LV1'],
      ['Điểm tối đa', null, 10],
      ['Xã A', 'Nhóm 1', 9],
      ['Xã B', null, 8],
    ]);
    expect(s.result.table.units.map((u) => u.block)).toEqual(['Nhóm 1', null]);
    expect(s.result.table.fields).toHaveLength(1);
  });
});

describe('a transposed table', () => {
  it('is recognised and read turned (test/engine/layout-transposed.test.ts)', () => {
    expect(detectLayout(genTransposed().rows)).toMatchObject({
      ok: true,
      layout: { transposed: { headerRow: 2, maxCol: 2 } },
    });
  });
});

describe("the authority's own results", () => {
  it('are read beside ours, never scored, and every disagreement is listed with its cell', () => {
    const grid: CellValue[][] = [
      ['Tên đơn vị', 'LV1', 'LV2', 'Chỉ số (%)', 'Thứ hạng', 'Xếp loại'],
      ['Điểm tối đa', 50, 50, null, null, null],
      ['Xã A', 45, 46, 91, 1, 'Hoàn thành xuất sắc nhiệm vụ'],
      ['Xã B', 40, 41, 81, 1, 'Hoàn thành tốt nhiệm vụ'],
      ['Xã C', 30, 30, 60, 3, 'Hoàn thành nhiệm vụ'],
    ];
    const s = scored(grid);
    expect(s.result.table.fields.map((f) => f.label)).toEqual(['LV1', 'LV2']);
    expect(s.result.table.units[1].authority).toEqual({ indexPct: 81, rank: 1, band: 'good' });
    expect(authorityDisagreements(s.result, 'vi')).toEqual([
      { unit: 'Xã B', cell: 'E4', what: 'rank', theirs: 1, ours: 2 },
      { unit: 'Xã C', cell: 'F5', what: 'band', theirs: 'Hoàn thành nhiệm vụ', ours: 'Không hoàn thành nhiệm vụ' },
    ]);
  });
});

describe('every generated layout scores like its plain equivalent', () => {
  const units = genUnits();
  it('the generated data spreads over the bands (the comparison means something)', () => {
    expect(new Set(units.map(genBand)).size).toBeGreaterThanOrEqual(3);
  });

  it.each(genLayouts().map((l) => [l.name, l] as const))('%s', (_, layout) => {
    const roles = layout.map ? (parseColumnMap(layout.map) as { ok: true; roles: RoleOverrides }).roles : undefined;
    if (layout.map) expect(detectLayout(layout.rows)).toMatchObject({ ok: false, reason: 'uncertain' });
    const s = scored(layout.rows, roles);
    const plain = scored(layout.plain);
    expect(s.errors).toEqual([]);
    expect(s.result.table.fields.map((f) => f.maxScaled)).toEqual(FIELDS.map((f) => f.max * 1e4));
    expect(s.result.units.map((u) => [u.indexPct, u.band])).toEqual(
      plain.result.units.map((u) => [u.indexPct, u.band]),
    );
    // A table divided into blocks ranks within each block (issue 16); the plain equivalent has none.
    const byBlock = layout.name === 'block-titles' || layout.name === 'authority';
    if (!byBlock) expect(s.result.units.map((u) => u.rank)).toEqual(plain.result.units.map((u) => u.rank));
    // And both agree with the fixture's own arithmetic.
    const expected =
      layout.name === 'self-appraised' || layout.name === 'four-rows' || layout.name === 'uncertain'
        ? units.map((u) => ({ ...u, bonus: 0, penalty: 0 }))
        : units;
    expect(s.result.units.map((u) => u.indexPct)).toEqual(expected.map(genIndex));
    expect(s.result.units.map((u) => u.rank)).toEqual(genRanks(expected, byBlock));
  });
});

describe('a table that keeps the survey inside its fields, under a rule set with components', () => {
  const fourRows = genLayouts().find((l) => l.name === 'four-rows');
  const withComponents = {
    ...RULES,
    id: 'with-components',
    components: {
      appraisal: { label: { vi: 'Điểm thẩm định', en: 'Appraisal' }, points: 70, floorApplies: false },
      survey: { label: { vi: 'Điều tra xã hội học', en: 'Survey' }, points: 30, floorApplies: false },
      convertWithoutSurvey: false,
    },
  };

  it("scores the fields' total once (the survey is not added a second time) and says so in a warning", () => {
    if (!fourRows) throw new Error('the four-rows layout is missing');
    const plain = scored(fourRows.rows);
    const s = scoreGrid(fourRows.rows, SHEET, withComponents);
    if (!s.found) throw new Error(`not found: ${s.reason}`);
    expect(s.result.units.map((u) => [u.indexPct, u.band, u.rank])).toEqual(
      plain.result.units.map((u) => [u.indexPct, u.band, u.rank]),
    );
    const warning = s.warnings.find((w) => w.code === 'surveyAlreadyInFields');
    expect(warning).toBeDefined();
    expect(s.errors).toEqual([]);
    expect(plain.warnings.some((w) => w.code === 'surveyAlreadyInFields')).toBe(false);
  });
});
