/**
 * Transposed tables (issue 15 item 6): units as columns, fields as rows with a "Điểm tối đa"
 * column, read turned into the usual shape; every finding still names the sheet's cell.
 */
import {
  HAI_DUONG_2018,
  describeFinding,
  detectLayout,
  findTransposition,
  readingNotes,
  scoreGrid,
  turnTable,
  type CellValue,
} from '../../src/engine';
import { FIELDS, genIndex, genRanks, genTransposed, genUnits } from '../fixtures/layouts';

const SHEET = 'Tổng hợp';
const layout = genTransposed();

function scored(grid: CellValue[][]) {
  const s = scoreGrid(grid, SHEET, HAI_DUONG_2018);
  if (!s.found) throw new Error(`not found: ${s.reason} ${s.detail}`);
  return s;
}

describe('turning a transposed table (pure)', () => {
  const t = findTransposition(layout.rows, 50);

  it('finds the header row, the label and maximum columns, the field rows and the unit columns', () => {
    expect(t).toEqual({
      headerRow: 2,
      labelCol: 1,
      maxCol: 2,
      fieldRows: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      unitCols: Array.from({ length: 14 }, (_, k) => 3 + k),
    });
  });

  it('gives the usual shape: names and labels, the maxima, a row per unit; each cell from where it was', () => {
    if (!t) throw new Error('not found');
    const before = JSON.stringify(layout.rows);
    const turned = turnTable(layout.rows, t);
    expect(JSON.stringify(layout.rows)).toBe(before);
    expect(turned.grid[0]).toEqual([
      'Tên đơn vị',
      ...FIELDS.map((f) => f.label),
      'Điểm thưởng',
      'Điểm phạt',
      'Tổng điểm',
    ]);
    expect(turned.grid[1]).toEqual(['Điểm tối đa', ...FIELDS.map((f) => f.max), null, null, 100]);
    const units = genUnits();
    expect(turned.grid[2 + 4].slice(0, 1 + FIELDS.length)).toEqual([units[4].name, ...units[4].appraised]);
    expect(turned.cell(2 + 4, 3)).toEqual({ row: 5, col: 7 });
    expect(layout.rows[5][7]).toBe(turned.grid[6][3]);
  });

  it('is not found in a usual table', () => {
    expect(findTransposition(layout.plain, 50)).toBeNull();
  });
});

describe('a transposed table scored', () => {
  it('scores like its plain equivalent, and as the fixture computes it', () => {
    const s = scored(layout.rows);
    const plain = scored(layout.plain);
    expect(s.errors).toEqual([]);
    expect(s.result.units.map((u) => [u.name, u.indexPct, u.rank, u.band])).toEqual(
      plain.result.units.map((u) => [u.name, u.indexPct, u.rank, u.band]),
    );
    expect(s.result.units.map((u) => u.indexPct)).toEqual(genUnits().map(genIndex));
    expect(s.result.units.map((u) => u.rank)).toEqual(genRanks(genUnits()));
    expect(new Set(s.result.units.map((u) => u.band)).size).toBeGreaterThanOrEqual(3);
  });

  it('names the sheet cells: each unit its column, each field its row', () => {
    const s = scored(layout.rows);
    expect(s.result.table.units.map((u) => [u.column, u.nameAddress]).slice(0, 2)).toEqual([
      ['D', 'D3'],
      ['E', 'E3'],
    ]);
    expect(s.result.table.fields.map((f) => f.maxAddress)).toEqual(['C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10']);
    const bad = layout.rows.map((r) => r.slice());
    bad[5][6] = 'abc';
    bad[4][7] = 99;
    bad[9][3] = null;
    const b = scoreGrid(bad, SHEET, HAI_DUONG_2018);
    if (!b.found) throw new Error('not found');
    // In the order read: unit by unit (a unit is a column), field by field.
    expect(b.errors.map((f) => describeFinding(f, 'vi'))).toEqual([
      `'Tổng hợp'!D10: ô điểm trống (Phường Trần Hưng Đạo, lĩnh vực “Xây dựng và phát triển Chính quyền điện tử, Chính quyền số”); ghi “KAD” nếu lĩnh vực không áp dụng`,
      `'Tổng hợp'!G6: “abc” không phải là số`,
      `'Tổng hợp'!H5: 99 điểm vượt điểm tối đa 15 của lĩnh vực “Cải cách thể chế”`,
    ]);
  });

  it('says it was read turned, with where the units and fields are', () => {
    expect(readingNotes(scored(layout.rows).result.table, 'vi')).toEqual([
      "'Tổng hợp': bảng xoay chiều (mỗi đơn vị một cột, D–Q; mỗi lĩnh vực một dòng, 4–10): đã đọc bằng cách chuyển vị; kết quả không ghi vào bảng này (xem báo cáo, hoặc tệp JSON của công cụ dòng lệnh).",
    ]);
    expect(readingNotes(scored(layout.plain).result.table, 'vi')).toEqual([]);
  });

  it('a transposed table that cannot be read even turned is refused, naming its "Điểm tối đa" cell, never misread', () => {
    const unsure = layout.rows.map((r, i) => (i === 3 ? [r[0], 'Tự chấm / Thẩm định', ...r.slice(2)] : r));
    expect(detectLayout(unsure)).toEqual({ ok: false, reason: 'transposed', detail: 'C3' });
  });
});
