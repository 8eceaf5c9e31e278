/**
 * A scoring sheet whose header spans two rows ("Tên đơn vị" merged down, the field names on the
 * row under a group title), as many district workbooks are laid out.
 */
import * as path from 'node:path';
import type { JsonReport } from '../../src/cli/report';
import { readWorkbook, rowTexts, runCli, tempDir, writeWorkbook, type Rows } from './helpers';
import * as fs from 'node:fs';

const SHEET = 'Tổng hợp';

function twoRowTable(): Rows {
  return [
    ['BẢNG TỔNG HỢP ĐIỂM CHỈ SỐ CCHC NĂM 2021'],
    ['STT', 'Tên đơn vị', 'Các lĩnh vực CCHC', null, null, 'Tổng điểm'],
    [null, null, 'Chỉ đạo, điều hành', 'Cải cách thể chế', 'Cải cách TTHC', null],
    [null, 'Điểm tối đa', 10, 20, 70, 100],
    [1, 'Hà Kỳ', 9, 18, 60, 87],
    [2, 'Văn Tố', 8, 16, 45, 69],
    [3, 'Tái Sơn', 9, 13, 60, 82],
  ];
}

test('scored through the CLI: the output headers sit on the lower header row; a re-run replaces them', async () => {
  const dir = tempDir();
  const input = await writeWorkbook(path.join(dir, 'two-rows.xlsx'), [{ name: SHEET, rows: twoRowTable() }]);
  const json = path.join(dir, 'two-rows.json');
  const first = await runCli([input, '--json', json, '--no-report-sheet']);
  expect(first.code).toBe(0);
  const report: JsonReport = JSON.parse(fs.readFileSync(json, 'utf8'));
  expect(report.units.map((u) => [u.name, u.row, u.band])).toEqual([
    ['Hà Kỳ', 5, 'good'],
    ['Văn Tố', 6, 'complete'],
    ['Tái Sơn', 7, 'complete'],
  ]);
  expect(report.units[2].failingFields).toEqual(['Cải cách thể chế']);

  const out = path.join(dir, 'two-rows.scored.xlsx');
  let ws = (await readWorkbook(out)).getWorksheet(SHEET)!;
  expect(rowTexts(ws, 3).slice(6, 10)).toEqual(['Chỉ số (%)', 'Xếp hạng', 'Xếp loại', 'Ghi chú']);
  expect(rowTexts(ws, 2).slice(0, 6)).toEqual(['STT', 'Tên đơn vị', 'Các lĩnh vực CCHC', '', '', 'Tổng điểm']);
  expect(rowTexts(ws, 5).slice(7, 9)).toEqual(['1', 'Hoàn thành tốt nhiệm vụ']);

  const again = await runCli([out, '--out', path.join(dir, 'again.xlsx'), '--no-report-sheet']);
  expect(again.code).toBe(0);
  ws = (await readWorkbook(path.join(dir, 'again.xlsx'))).getWorksheet(SHEET)!;
  expect(ws.columnCount).toBe(10);
  expect(rowTexts(ws, 3).slice(6, 10)).toEqual(['Chỉ số (%)', 'Xếp hạng', 'Xếp loại', 'Ghi chú']);
});
