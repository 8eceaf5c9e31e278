/** The terminal summary (summaryText) stays one screen on a large table. */
import { DEMOTED_PRINT_LIMIT, summaryText } from '../../src/cli/report';
import { HAI_DUONG_2018, scoreGrid, type CellValue } from '../../src/engine';

/** `n` units at 85 % whose field A is at 60 %: every one is placed lower than its index. */
function demotedTable(n: number): CellValue[][] {
  const grid: CellValue[][] = [
    ['STT', 'Tên đơn vị', 'Lĩnh vực A', 'Lĩnh vực B'],
    [null, 'Điểm tối đa', 20, 80],
  ];
  for (let i = 0; i < n; i++) grid.push([i + 1, `Xã Số ${String(i + 1).padStart(3, '0')}`, 12, 73]);
  return grid;
}

test('lists the first demoted units in rank order, then says how many more, in both languages', () => {
  const scored = scoreGrid(demotedTable(125), 'Bảng', HAI_DUONG_2018);
  if (!scored.found) throw new Error(scored.reason);
  expect(scored.errors).toEqual([]);
  const vi = summaryText(scored.result, 'vi').split('\n');
  const listed = vi.filter((l) => /^ {2}Xã Số \d{3} \(85,00%/.test(l));
  expect(listed).toHaveLength(DEMOTED_PRINT_LIMIT);
  // Ties at rank 1, listed in Vietnamese order: Số 001 … Số 020.
  expect(listed[0]).toMatch(/^ {2}Xã Số 001 /);
  expect(listed[DEMOTED_PRINT_LIMIT - 1]).toMatch(/^ {2}Xã Số 020 /);
  expect(vi).toContain(`  … và ${125 - DEMOTED_PRINT_LIMIT} đơn vị khác bị hạ mức (xem cột “Ghi chú” hoặc --json)`);
  // Counts: two digits at least, never padded to the total's width.
  expect(vi.some((l) => /Hoàn thành nhiệm vụ\s+125\/125$/.test(l))).toBe(true);
  expect(vi.some((l) => /Hoàn thành tốt nhiệm vụ\s+00\/125$/.test(l))).toBe(true);
  const en = summaryText(scored.result, 'en');
  expect(en).toContain(`… and ${125 - DEMOTED_PRINT_LIMIT} more units placed lower (see the “Note” column or --json)`);
});

test('a table with fewer demoted units than the limit lists them all, with no "more" line', () => {
  const scored = scoreGrid(demotedTable(DEMOTED_PRINT_LIMIT), 'Bảng', HAI_DUONG_2018);
  if (!scored.found) throw new Error(scored.reason);
  const text = summaryText(scored.result, 'vi');
  expect(text.split('\n').filter((l) => /^ {2}Xã Số/.test(l))).toHaveLength(DEMOTED_PRINT_LIMIT);
  expect(text).not.toContain('đơn vị khác bị hạ mức');
});
