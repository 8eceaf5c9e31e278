/** Report paragraphs over a cell's 32,767 characters continue on the rows below (src/cli/report-split.ts). */
import { splitLongParagraphs, splitText } from '../../src/cli/report-split';
import type { ReportSheetModel } from '../../src/engine';

const names = Array.from({ length: 2000 }, (_, i) => `Xã Đông Hưng ${i + 1}`);

test('pieces fit a cell, are cut after a comma, and join back into the text', () => {
  const text = `Nhóm Hoàn thành tốt nhiệm vụ gồm 2000 xã: ${names.join(', ')}.`;
  const pieces = splitText(text, 1000);
  expect(pieces.length).toBeGreaterThan(text.length / 1000);
  expect(pieces.every((p) => p.length <= 1000)).toBe(true);
  expect(pieces.slice(0, -1).every((p) => p.endsWith(','))).toBe(true);
  expect(pieces.join(' ')).toBe(text);
  expect(splitText('ngắn', 1000)).toEqual(['ngắn']);
});

test('the model gains the continuation rows; the tables and chart move down by as many', () => {
  const long = names.join(', ');
  const model = {
    rows: [
      [{ value: 'Báo cáo', role: 'title' }],
      [{ value: long, role: 'paragraph' }],
      [{ value: 'Bảng 1', role: 'caption' }],
    ],
    paragraphRows: 2,
    bandTable: { headerRow: 3, rowCount: 4, columnCount: 3 },
    rankingTable: { headerRow: 10, rowCount: 2000, columnCount: 5 },
    chart: { firstRow: 8, rows: 10, title: 'x' },
    columnWidths: [100],
    marker: () => ['a', 'b', 'c', 'd'],
  } as unknown as ReportSheetModel;
  const split = splitLongParagraphs(model, 10_000);
  const added = split.paragraphRows - 2;
  expect(added).toBe(Math.ceil(long.length / 10_000) - 1);
  expect(split.rows.slice(1, 2 + added).every((r) => r[0].role === 'paragraph' && String(r[0].value).length <= 10_000)).toBe(true);
  expect(split.rows[2 + added]).toEqual([{ value: 'Bảng 1', role: 'caption' }]);
  expect([split.bandTable.headerRow, split.rankingTable.headerRow, split.chart?.firstRow]).toEqual([3 + added, 10 + added, 8 + added]);
  expect(splitLongParagraphs(split, 10_000)).toBe(split);
});
