/** No report-sheet cell over the 32,767 characters a cell holds: long paragraphs continue on the rows below, in the engine's model (both writers). */
import { MAX_CELL_TEXT, messages, reportSheetModel, splitText } from '../../src/engine';
import { generateNarrative } from '../../src/engine/narrative';
import { oneField, score } from '../narrative/helpers';

const names = Array.from({ length: 2000 }, (_, i) => `Xã Đông Hưng ${i + 1}`);

test('pieces fit a cell, are cut after a comma, and join back into the text', () => {
  const text = `Nhóm Hoàn thành tốt nhiệm vụ gồm 2000 xã: ${names.join(', ')}.`;
  const pieces = splitText(text, 1000);
  expect(pieces.length).toBeGreaterThan(text.length / 1000);
  expect(pieces.every((p) => p.length <= 1000)).toBe(true);
  expect(pieces.slice(0, -1).every((p) => p.endsWith(','))).toBe(true);
  expect(pieces.join(' ')).toBe(text);
  expect(splitText('ngắn', 1000)).toEqual(['ngắn']);
  expect(MAX_CELL_TEXT).toBe(32_767);
});

test('the report model continues a long paragraph on the rows below; the tables follow it', () => {
  const result = score(
    oneField([
      { name: 'Xã A', index: 85 },
      { name: 'Xã B', index: 60 },
    ]),
  );
  const narrative = generateNarrative(result, { year: 2024 }, 'vi');
  const long = names.join(', ');
  const withLong = {
    ...narrative,
    paragraphs: [...narrative.paragraphs, { id: 'long', level: 0 as const, text: long, figures: {} }],
  };
  const plain = reportSheetModel(result, narrative, { year: 2024 }, 'vi', 0, undefined, 10_000);
  const split = reportSheetModel(result, withLong, { year: 2024 }, 'vi', 0, undefined, 10_000);
  const added = split.paragraphRows - plain.paragraphRows;
  expect(added).toBe(Math.ceil(long.length / 10_000));
  expect(
    split.rows.every((row) => row.every((cell) => typeof cell.value !== 'string' || cell.value.length <= 10_000)),
  ).toBe(true);
  const pieces = split.rows.slice(plain.paragraphRows, split.paragraphRows);
  expect(pieces.every((r) => r[0].role === 'paragraph')).toBe(true);
  expect(pieces.map((r) => r[0].value).join(' ')).toBe(long);
  // The band table's header row is still the band table's header.
  expect(split.rows[split.bandTable.headerRow].map((c) => c.value)).toEqual([
    ...messages('vi').output.report.bandHeaders,
  ]);
  expect(split.bandTable.headerRow - plain.bandTable.headerRow).toBe(added);
  expect(split.rankingTable.headerRow - plain.rankingTable.headerRow).toBe(added);
});
