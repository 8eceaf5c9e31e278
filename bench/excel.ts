/**
 * Figure 2: Excel round trips on the fake host (tools/fake-excel), at 23 rows (a district) and
 * 10,600 rows (every commune) × 30 fields. The task pane's guarded run (inspectWithRules when
 * the pane reads the sheet, then scoreSafely on the click: read stamp → check → write, with the
 * output record and the audit log) and the plain adapter (scoreWorkbook), against the per-row
 * pattern many samples use: load one row per context.sync(), score, then write one output row per
 * context.sync(). Same data, same fake, same engine. The guarded run's syncs at 23 and 10,600
 * rows are printed in both modes (target: at most 4 at a district).
 */
import { HAI_DUONG_2018, outputBlock, scoreGrid, type CellValue } from '../src/engine';
import { inspectWithRules, scoreSafely } from '../src/excel/safe-write';
import { scoreWorkbook } from '../src/excel/workbook';
import { fakeWith, runOf } from '../test/excel/helpers';
import type { FakeExcel } from '../tools/fake-excel';
import { SHORT, bytes, num, ratio, verdict } from './common';
import { scoringGrid } from './data';

const FIELDS = 30;
const SIZES = SHORT ? [23, 1_000] : [23, 10_600];
const LIMIT = 5 * 1024 * 1024;

interface Traffic {
  syncs: number;
  maxRequest: number;
  totalRequest: number;
  maxResponse: number;
  totalResponse: number;
}

function traffic(fake: FakeExcel): Traffic {
  const h = fake.host;
  return {
    syncs: h.syncCount,
    maxRequest: h.maxRequestBytes,
    totalRequest: h.requestBytes.reduce((a, b) => a + b, 0),
    maxResponse: h.maxResponseBytes,
    totalResponse: h.responseBytes.reduce((a, b) => a + b, 0),
  };
}

/** The per-row pattern: one sync per row read, one per row written. */
async function perRow(fake: FakeExcel): Promise<void> {
  const run = runOf(fake);
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    const used = sheet.getUsedRange(true);
    used.load('rowCount, columnCount');
    await context.sync();
    const grid: CellValue[][] = [];
    for (let r = 0; r < used.rowCount; r++) {
      const row = sheet.getRangeByIndexes(r, 0, 1, used.columnCount);
      row.load('values');
      await context.sync();
      grid.push(row.values[0] as CellValue[]);
    }
    const scored = scoreGrid(grid, sheet.name, HAI_DUONG_2018);
    if (!scored.found || scored.errors.length > 0) throw new Error('per-row baseline: the sheet did not score');
    const block = outputBlock(scored.result, 'vi');
    const { layout } = scored;
    const rows: (string | number)[][] = [block.headers.slice(), ['', '', '', ''], ...block.rows];
    for (let i = 0; i < rows.length; i++) {
      const range = sheet.getRangeByIndexes(layout.headerRow + i, layout.outputTargetCol, 1, 4);
      range.numberFormat = [i < 2 ? ['@', '@', '@', '@'] : ['0.00%', '0', '@', '@']];
      range.values = [rows[i]];
      await context.sync();
    }
  });
}

interface Guarded {
  preview: number;
  click: number;
  stats: { syncs: number; readChunks: number; writeChunks: number };
  /** Largest request or response of the click's round trips. */
  largest: number;
}

/** The task pane's guarded run: the preview's read, then the click. Syncs of each, on a fresh fake. */
async function guarded(n: number): Promise<Guarded> {
  const fake = fakeWith(scoringGrid(n, FIELDS));
  const run = runOf(fake);
  const { stamp } = await inspectWithRules(run, 'vi');
  const preview = fake.host.syncCount;
  fake.host.resetCounters();
  const outcome = await scoreSafely(run, { lang: 'vi', since: stamp, now: () => new Date(0) });
  if (outcome.status !== 'written')
    throw new Error(`guarded run: ${outcome.status}${'message' in outcome ? `: ${outcome.message}` : ''}`);
  return {
    preview,
    click: fake.host.syncCount,
    stats: outcome.stats,
    largest: Math.max(fake.host.maxRequestBytes, fake.host.maxResponseBytes),
  };
}

/** The sizes the guarded run's sync count is reported at, in both modes (issue 17 item 11): a district and every commune. */
const GUARDED_SIZES = [23, 10_600];
/** At most this many round trips for a guarded run on a district table. */
const DISTRICT_SYNCS = 4;

/** One line: the guarded run's syncs at 23 and 10,600 rows (reusing the runs made above), against the target. */
async function guardedLine(done: Map<number, Guarded>): Promise<void> {
  const runs: [number, Guarded][] = [];
  for (const n of GUARDED_SIZES) runs.push([n, done.get(n) ?? (await guarded(n))]);
  const largest = Math.max(...runs.map(([, g]) => g.largest));
  const district = runs[0][1].click;
  const ok = district <= DISTRICT_SYNCS && largest < LIMIT;
  console.log(
    `excel guarded run syncs (scoreSafely, ${FIELDS} fields): ` +
      runs
        .map(
          ([n, g]) =>
            `${num(n)} rows ${g.click} syncs (${g.stats.readChunks} read + ${g.stats.writeChunks} write chunks)`,
        )
        .join('; ') +
      `; largest request or response ${bytes(largest)}; target ≤ ${DISTRICT_SYNCS} syncs at a district, every request < 5 MB: ${verdict(ok)}`,
  );
}

async function main(): Promise<void> {
  const adapterSyncs: number[] = [];
  let largest = 0;
  let perChunkConstant = true;
  const guardedRuns = new Map<number, Guarded>();
  for (const n of SIZES) {
    const fake = fakeWith(scoringGrid(n, FIELDS));
    const outcome = await scoreWorkbook(runOf(fake), { rules: HAI_DUONG_2018, lang: 'vi' });
    if (outcome.status !== 'written')
      throw new Error(`adapter: ${outcome.status}${'message' in outcome ? `: ${outcome.message}` : ''}`);
    const a = traffic(fake);
    const s = outcome.stats;
    if (a.syncs !== 1 + s.readChunks + s.writeChunks) perChunkConstant = false;
    adapterSyncs.push(a.syncs);
    largest = Math.max(largest, a.maxRequest, a.maxResponse);

    const g = await guarded(n);
    guardedRuns.set(n, g);
    console.log(
      `excel guarded run, rows=${num(n)} × ${FIELDS} fields: preview (inspectWithRules) ${g.preview} syncs; click (scoreSafely) ${g.click} syncs ` +
        `(${g.stats.readChunks} read + ${g.stats.writeChunks} write chunks, 1 to find the table, 1 to re-read before writing; the owned sheets ride on the read, the record and log on the write)`,
    );

    const base = fakeWith(scoringGrid(n, FIELDS));
    await perRow(base);
    const b = traffic(base);
    largest = Math.max(largest, b.maxRequest, b.maxResponse);
    console.log(
      `excel rows=${num(n)} × ${FIELDS} fields: adapter ${num(a.syncs)} syncs (1 locate + ${s.readChunks} read + ${s.writeChunks} write chunks), ` +
        `max request ${bytes(a.maxRequest)}, total request ${bytes(a.totalRequest)}, total response ${bytes(a.totalResponse)}; ` +
        `per-row ${num(b.syncs)} syncs, max request ${bytes(b.maxRequest)}, total request ${bytes(b.totalRequest)}, total response ${bytes(b.totalResponse)}; ` +
        `baseline/adapter syncs ${ratio(b.syncs / a.syncs)}, request bytes ${ratio(b.totalRequest / a.totalRequest)}`,
    );
  }
  await guardedLine(guardedRuns);
  const ok = perChunkConstant && largest < LIMIT;
  console.log(
    `excel target: syncs = 1 + read chunks + write chunks (${adapterSyncs.join(', ')} syncs for ${SIZES.map((n) => num(n)).join(', ')} rows), ` +
      `largest request or response ${bytes(largest)} < 5 MB: ${verdict(ok)}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
