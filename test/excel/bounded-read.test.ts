/**
 * The add-in reads the table's region, never a whole used range (issue 14 item 1): a value at
 * XFD1048576, a formatted cell at FOO100000 or a note far below the table make the used range
 * reach the sheet's end, yet a run transfers about as many cells as without them, takes as many
 * round trips, and scores the same. The fake host counts the cells each round trip sends back.
 */
import { scoreSafely } from '../../src/excel/safe-write';
import { GAP_ROWS, HEAD_COLS, HEAD_ROWS, SLACK_COLS, blockEnd, readWidth } from '../../src/excel/locate';
import { inspectWorkbook } from '../../src/excel/workbook';
import { HAI_DUONG_2018, type CellValue } from '../../src/engine';
import type { FakeExcel } from '../../tools/fake-excel';
import { fakeWith, runOf, syntheticSheet } from './helpers';

const SHEET = 'Tổng hợp';
const UNITS = 23;
const FIELDS = 7;

function plain(): FakeExcel {
  return fakeWith(syntheticSheet(UNITS, FIELDS), SHEET);
}

async function decorated(decorate: (fake: FakeExcel) => Promise<void> | void): Promise<FakeExcel> {
  const fake = plain();
  await decorate(fake);
  fake.host.resetCounters();
  return fake;
}

async function inspected(fake: FakeExcel) {
  const inspection = await inspectWorkbook(runOf(fake), HAI_DUONG_2018, 'vi');
  return { inspection, cells: fake.host.totalCellsRead, syncs: fake.host.syncCount };
}

/** What a run concludes, without where it read from. */
const verdict = (i: Awaited<ReturnType<typeof inspected>>['inspection']) => ({
  layout: i.layout,
  findings: i.findings,
  units: i.result.units,
  occupied: i.occupied,
  outputColumns: i.outputColumns,
});

/** The most a read may take on the decorated sheet: the head, then one first chunk of the table's columns, values and formats. */
const BOUND = HEAD_ROWS * HEAD_COLS + 2 * 2000 * (2 + FIELDS + SLACK_COLS);

describe('decoration far from the table', () => {
  const cases: [string, (fake: FakeExcel) => Promise<void> | void][] = [
    ['a value at XFD1048576', (fake) => fake.host.setCell(SHEET, 'XFD1048576', 'ghi chú')],
    [
      'a formatted cell at FOO100000',
      (fake) =>
        runOf(fake)(async (context) => {
          const cell = context.workbook.worksheets.getItem(SHEET).getRange('FOO100000');
          cell.numberFormat = [['0.00%']];
          cell.format.fill.color = '#FFFF00';
          await context.sync();
        }),
    ],
    ['a note 200 rows under the table', (fake) => fake.host.setCell(SHEET, `B${UNITS + 3 + 200}`, 'Người lập biểu')],
    [
      'a value at XFD1 and one at A1048576',
      (fake) => {
        fake.host.setCell(SHEET, 'XFD1', 'x');
        fake.host.setCell(SHEET, 'A1048576', 'y');
      },
    ],
  ];

  test.each(cases)('%s: bounded cells, the same round trips, the same answer', async (_name, decorate) => {
    const without = await inspected(plain());
    const fake = await decorated(decorate);
    const withIt = await inspected(fake);
    expect(verdict(withIt.inspection)).toEqual(verdict(without.inspection));
    expect(withIt.syncs).toBe(without.syncs);
    expect(withIt.cells).toBeLessThanOrEqual(BOUND);
    // The sheet the decoration spans holds billions of cells; what was read is near the table.
    expect(Math.max(...fake.host.cellsRead)).toBeLessThanOrEqual(BOUND);
  });

  test('a guarded run writes the same cells with the value at XFD1048576 as without it', async () => {
    const a = plain();
    const b = await decorated((fake) => fake.host.setCell(SHEET, 'XFD1048576', 'ghi chú'));
    const now = () => new Date('2026-01-01T00:00:00Z');
    const ra = await scoreSafely(runOf(a), { lang: 'vi', now });
    const rb = await scoreSafely(runOf(b), { lang: 'vi', now });
    expect(ra.status).toBe('written');
    expect(rb.status).toBe('written');
    expect(rb.stats.syncs).toBe(ra.stats.syncs);
    const window = 'A1:Z40';
    expect(b.host.sheet(SHEET).values(window)).toEqual(a.host.sheet(SHEET).values(window));
    expect(b.host.maxResponseBytes).toBeLessThan(1024 * 1024);
  });

  test('a value typed at XFD1048576 between read and write still counts as a change of size', async () => {
    const fake = plain();
    const outcome = await scoreSafely(runOf(fake), {
      lang: 'vi',
      progress: (step) => {
        if (step === 'score') fake.host.setCell(SHEET, 'XFD1048576', 'x');
      },
    });
    expect(outcome.status).toBe('changedSinceRead');
    if (outcome.status === 'changedSinceRead') expect(outcome.size?.new).toMatch(/XFD1048576$/);
  });

  test('a table wider than the head is read whole (the used range stands)', async () => {
    const fake = fakeWith(syntheticSheet(UNITS, HEAD_COLS + 4), SHEET);
    const { inspection } = await inspected(fake);
    expect(inspection.result.table.fields).toHaveLength(HEAD_COLS + 4);
    expect(inspection.read.clippedRight).toBe(false);
  });

  test('an output column chosen right of what was read is checked before writing', async () => {
    const fake = await decorated((f) => {
      f.host.setCell(SHEET, 'XFD1048576', 'x');
      f.host.setCell(SHEET, 'AZ3', 'của người dùng');
    });
    const first = await inspectWorkbook(runOf(fake), HAI_DUONG_2018, 'vi');
    expect(first.read.clippedRight).toBe(true);
    const layout = { ...first.layout, outputTargetCol: 49 }; // AX: the block covers AX:BA, AZ3 among them
    const outcome = await scoreSafely(runOf(fake), { lang: 'vi', override: { layout, sheet: SHEET } });
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.message).toContain('AZ3');
    expect(fake.host.sheet(SHEET).values('AZ3')).toEqual([['của người dùng']]);
  });
});

describe('the bounds (pure)', () => {
  const row = (n: number, filled: number[]): CellValue[] =>
    Array.from({ length: n }, (_, c) => (filled.includes(c) ? 'x' : null));

  test('readWidth: the head’s last filled column and SLACK_COLS more, never past the used range', () => {
    expect(readWidth([row(HEAD_COLS, [0, 5]), row(HEAD_COLS, [8])], 16384)).toBe(9 + SLACK_COLS);
    expect(readWidth([row(HEAD_COLS, [0, 5])], 7)).toBe(7);
    expect(readWidth([row(HEAD_COLS, [HEAD_COLS - 1])], 16384)).toBe(16384);
  });

  test('blockEnd: one past the last filled row before the first run of GAP_ROWS empty rows', () => {
    const empty = (n: number) => Array.from({ length: n }, () => row(3, []));
    expect(blockEnd([row(3, [0]), row(3, [1]), ...empty(GAP_ROWS - 1)])).toBeNull();
    expect(blockEnd([row(3, [0]), row(3, [1]), ...empty(GAP_ROWS)])).toBe(2);
    expect(blockEnd([row(3, [0]), ...empty(GAP_ROWS - 1), row(3, [2]), ...empty(GAP_ROWS), row(3, [0])])).toBe(
      GAP_ROWS + 1,
    );
    expect(blockEnd([...empty(GAP_ROWS + 5), row(3, [0])])).toBeNull();
  });
});
