/**
 * Figure 2: Excel round trips on the fake host (tools/fake-excel), at 23 rows (a district) and
 * 10,600 rows (every commune) × 30 fields. The task pane's guarded run (inspectWithRules when
 * the pane reads the sheet, then scoreSafely on the click: read stamp → check → write, with the
 * output record and the audit log) and the plain adapter (scoreWorkbook), against the per-row
 * pattern many samples use: load one row per context.sync(), score, then write one output row per
 * context.sync(). Same data, same fake, same engine.
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

/** The task pane's guarded run: the preview's read, then the click. Syncs of each, on a fresh fake. */
async function guarded(n: number): Promise<{ preview: number; click: number; stats: { syncs: number; readChunks: number; writeChunks: number } }> {
  const fake = fakeWith(scoringGrid(n, FIELDS));
  const run = runOf(fake);
  const { stamp } = await inspectWithRules(run, 'vi');
  const preview = fake.host.syncCount;
  const outcome = await scoreSafely(run, { lang: 'vi', since: stamp, now: () => new Date(0) });
  if (outcome.status !== 'written') throw new Error(`guarded run: ${outcome.status}${'message' in outcome ? `: ${outcome.message}` : ''}`);
  return { preview, click: fake.host.syncCount - preview, stats: outcome.stats };
}

async function main(): Promise<void> {
  const adapterSyncs: number[] = [];
  let largest = 0;
  let perChunkConstant = true;
  for (const n of SIZES) {
    const fake = fakeWith(scoringGrid(n, FIELDS));
    const outcome = await scoreWorkbook(runOf(fake), { rules: HAI_DUONG_2018, lang: 'vi' });
    if (outcome.status !== 'written') throw new Error(`adapter: ${outcome.status}${'message' in outcome ? `: ${outcome.message}` : ''}`);
    const a = traffic(fake);
    const s = outcome.stats;
    if (a.syncs !== 1 + s.readChunks + s.writeChunks) perChunkConstant = false;
    adapterSyncs.push(a.syncs);
    largest = Math.max(largest, a.maxRequest, a.maxResponse);

    const g = await guarded(n);
    console.log(
      `excel guarded run, rows=${num(n)} × ${FIELDS} fields: preview (inspectWithRules) ${g.preview} syncs; click (scoreSafely) ${g.click} syncs ` +
        `(${g.stats.readChunks} read + ${g.stats.writeChunks} write chunks; the rest: owned sheets, re-read before writing, record and log)`,
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
