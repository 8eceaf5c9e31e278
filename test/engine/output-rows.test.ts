import { isFilledCell, isOwnOutputRow, occupiedOutputCells, planOutputWrite } from '../../src/engine/output-rows';
import { detectLayout, type CellValue } from '../../src/engine';
import { outputBlock } from '../../src/engine/output';
import { RULES, score } from './helpers';

describe('isOwnOutputRow', () => {
  it('recognises the rows the scorer writes, in either language', () => {
    const r = score(
      [10],
      [
        { name: 'A', scores: [9] },
        { name: 'B', scores: [5] },
      ],
    );
    for (const lang of ['vi', 'en'] as const)
      for (const row of outputBlock(r, lang).rows) expect(isOwnOutputRow(row, RULES)).toBe(true);
    expect(isOwnOutputRow([0.8330123, 3, 'Hoàn thành tốt nhiệm vụ', ''], RULES)).toBe(true);
    expect(isOwnOutputRow([null, 1, 'Excellent', null], RULES)).toBe(true);
    expect(isOwnOutputRow([0, 12, 'Không hoàn thành nhiệm vụ', 'Chỉ số …'], RULES)).toBe(true);
  });

  it('refuses anything else: a signature, an empty row, other numbers or labels', () => {
    expect(isOwnOutputRow([null, null, null, 'Ký tên'], RULES)).toBe(false);
    expect(isOwnOutputRow([null, null, null, null], RULES)).toBe(false);
    expect(isOwnOutputRow([], RULES)).toBe(false);
    expect(isOwnOutputRow([83.3, 1, 'Hoàn thành tốt nhiệm vụ', null], RULES)).toBe(false); // index over 1
    expect(isOwnOutputRow([-0.1, 1, 'Hoàn thành tốt nhiệm vụ', null], RULES)).toBe(false);
    expect(isOwnOutputRow(['83,30%', 1, 'Hoàn thành tốt nhiệm vụ', null], RULES)).toBe(false);
    expect(isOwnOutputRow([0.8, 0, 'Hoàn thành tốt nhiệm vụ', null], RULES)).toBe(false); // rank 0
    expect(isOwnOutputRow([0.8, 1.5, 'Hoàn thành tốt nhiệm vụ', null], RULES)).toBe(false);
    expect(isOwnOutputRow([0.8, '1', 'Hoàn thành tốt nhiệm vụ', null], RULES)).toBe(false);
    expect(isOwnOutputRow([0.8, 1, 'Loại khá', null], RULES)).toBe(false);
    expect(isOwnOutputRow([0.8, 1, 'good', null], RULES)).toBe(false); // a code, not a label
    expect(isOwnOutputRow([0.8, 1, null, null], RULES)).toBe(false);
  });
});

describe('the guards of a write, over a plain grid', () => {
  const grid = (): CellValue[][] => [
    ['STT', 'Tên đơn vị', 'Lĩnh vực A', 'Tổng điểm'],
    [null, 'Điểm tối đa', 10, 10],
    [1, 'Xã A', 9, 9],
    [2, 'Xã B', 5, 5],
  ];
  const layoutOf = (g: CellValue[][]) => {
    const found = detectLayout(g);
    if (!found.ok) throw new Error(found.reason);
    return found.layout;
  };

  it('what counts as filled: anything but null and the empty string (spaces are filled)', () => {
    expect([null, undefined, '', ' ', '\t', 0, false, 'x'].map(isFilledCell)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('lists the filled cells where a first run would write, header row to last unit, in sheet addresses', () => {
    const g = grid();
    const col = layoutOf(g).outputTargetCol;
    g[2][col] = 'x';
    g[3][col + 3] = ' ';
    g[6] = [];
    g[6][col] = 'note under the table';
    expect(occupiedOutputCells(g, layoutOf(g))).toEqual([
      `${String.fromCharCode(65 + col)}3`,
      `${String.fromCharCode(68 + col)}4`,
    ]);
    // A grid read from C5 (a selection): addresses are the sheet's.
    expect(occupiedOutputCells(g, layoutOf(g), { row: 5, col: 2 })).toEqual([
      `${String.fromCharCode(67 + col)}7`,
      `${String.fromCharCode(70 + col)}8`,
    ]);
  });

  it("a re-run: nothing is in the way, and the earlier longer run's rows are cleared up to the first that is not ours", () => {
    const r = score(
      [10],
      [
        { name: 'A', scores: [9] },
        { name: 'B', scores: [5] },
      ],
    );
    const rows = outputBlock(r, 'vi').rows;
    const g = grid();
    const col = layoutOf(g).outputTargetCol;
    for (let i = 0; i < 4; i++) g[0][col + i] = outputBlock(r, 'vi').headers[i];
    g[4] = [];
    g[5] = [];
    rows[0].forEach((v, i) => (g[4][col + i] = v));
    rows[1].forEach((v, i) => (g[5][col + i] = v));
    g[6] = [];
    g[6][col + 3] = 'Ký tên';
    const layout = layoutOf(g);
    expect(layout.outputCol).toBe(col);
    const plan = planOutputWrite(g, layout, RULES);
    expect(plan).toEqual({ col, firstRow: 0, endRow: 4, clearEnd: 6, occupied: [] });
  });
});
