/**
 * "Write further right" (issue 17 item 6) and the re-run after it: when cells right of the table
 * are in use, the user may put the output block in the first free columns further right; a later
 * run — in the same session or a fresh one, plain or guarded — recognises that block as its own
 * (the engine's ownBlockFurtherRight) and replaces it, instead of writing a second copy further
 * right again. The CLI, through the same engine entry, recognises it too.
 */
import { HAI_DUONG_2018, ownBlockFurtherRight, scoreGrid, type CellValue } from '../../src/engine';
import { scoreSafely } from '../../src/excel/safe-write';
import { inspectWorkbook, scoreWorkbook, type MappingOverride } from '../../src/excel/workbook';
import { fakeWith, runOf, syntheticSheet } from './helpers';

const SHEET = 'Tổng hợp';
const HEADERS = ['Chỉ số (%)', 'Xếp hạng', 'Xếp loại', 'Ghi chú'];

/** Five units, three fields (A:E), a note typed in F6, where the block would go. */
function sheetWithNote() {
  const cells = syntheticSheet(5, 3);
  cells[5][5] = 'ghi chú của cán bộ';
  return fakeWith(cells, SHEET);
}

/** Where the output headers stand in the header row (row 2), by column letter. */
function headerCopies(fake: ReturnType<typeof fakeWith>): string[] {
  const row = fake.host.sheet(SHEET).values('A2:Z2')[0];
  return row.flatMap((v, c) => (v === HEADERS[2] ? [String.fromCharCode(65 + c)] : []));
}

async function writeRight(fake: ReturnType<typeof fakeWith>): Promise<MappingOverride> {
  const first = await inspectWorkbook(runOf(fake), HAI_DUONG_2018, 'vi');
  expect(first.occupied).toEqual(['F6']);
  expect(first.freeColumn).toBe('G');
  const override: MappingOverride = { layout: { outputTargetCol: 6 }, sheet: SHEET };
  const outcome = await scoreSafely(runOf(fake), { lang: 'vi', override });
  expect(outcome.status).toBe('written');
  expect(fake.host.sheet(SHEET).values('G2:J2')[0]).toEqual(HEADERS);
  return override;
}

test('a fresh run (no override) recognises the block further right and replaces it: one copy', async () => {
  const fake = sheetWithNote();
  await writeRight(fake);
  const again = await inspectWorkbook(runOf(fake), HAI_DUONG_2018, 'vi');
  expect(again.layout.outputCol).toBe(6);
  expect(again.occupied).toEqual([]);
  expect(again.outputColumns).toEqual(['G', 'H', 'I', 'J']);
  const outcome = await scoreSafely(runOf(fake), { lang: 'vi' });
  expect(outcome.status).toBe('written');
  expect(headerCopies(fake)).toEqual(['I']);
  expect(fake.host.sheet(SHEET).values('F6')).toEqual([['ghi chú của cán bộ']]);
  expect(
    fake.host
      .sheet(SHEET)
      .values('K1:Z8')
      .flat()
      .every((v) => v === ''),
  ).toBe(true);
});

test('a run in the same session (the override kept) replaces it too', async () => {
  const fake = sheetWithNote();
  const override = await writeRight(fake);
  expect((await scoreWorkbook(runOf(fake), { rules: HAI_DUONG_2018, lang: 'vi', override })).status).toBe('written');
  expect((await scoreSafely(runOf(fake), { lang: 'vi', override })).status).toBe('written');
  expect(headerCopies(fake)).toEqual(['I']);
});

test('a re-run after the table lost a unit clears the leftover row of the block further right', async () => {
  const fake = sheetWithNote();
  await writeRight(fake);
  fake.host.setCells(SHEET, 'A8:E8', [[null, null, null, null, null]]);
  const outcome = await scoreSafely(runOf(fake), { lang: 'vi' });
  expect(outcome.status).toBe('written');
  expect(fake.host.sheet(SHEET).values('G8:J8')[0]).toEqual(['', '', '', '']);
  expect(headerCopies(fake)).toEqual(['I']);
});

test('the engine (the CLI’s path) finds the same block; headers that are not exactly ours are not taken', () => {
  const cells: CellValue[][] = syntheticSheet(5, 3);
  cells[5][5] = 'ghi chú';
  HEADERS.forEach((h, i) => (cells[1][6 + i] = h));
  const found = scoreGrid(cells, SHEET, HAI_DUONG_2018);
  expect(found.found && found.layout.outputCol).toBe(6);
  const other = cells.map((r) => r.slice());
  other[1][8] = 'Xếp loại (tự đánh giá)';
  const notOurs = scoreGrid(other, SHEET, HAI_DUONG_2018);
  expect(notOurs.found && notOurs.layout.outputCol).toBeNull();
  if (found.found)
    expect(ownBlockFurtherRight(cells, { ...found.layout, outputCol: null, outputTargetCol: 5 })).toBe(6);
});
