/**
 * `npm run bench` (full) and `npm run bench -- --short` (CI: small N, every line printed).
 * Runs each figure in its own node process (a fresh heap each; the engine with --expose-gc)
 * and prints one line per figure; each figure is a ratio measured in this run.
 *   1. engine against its floor        bench/engine.ts
 *   2. Excel round trips on the fake    bench/excel.ts
 *   3. headless scorer vs LibreOffice   bench/scorer.ts
 *   4. task pane bundle, gzipped        bench/bundle.ts
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { SHORT, nowMs, num } from './common';

const SECTIONS: { file: string; flags: string[] }[] = [
  { file: 'engine.js', flags: ['--expose-gc', '--max-old-space-size=8192'] },
  { file: 'excel.js', flags: ['--max-old-space-size=8192'] },
  { file: 'scorer.js', flags: [] },
  { file: 'bundle.js', flags: [] },
];

function main(): void {
  const t0 = nowMs();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `bench ${SHORT ? 'short' : 'full'}: node ${process.version}, ${os.cpus().length} CPUs (${cpu}), ${num(os.totalmem() / 2 ** 30, 1)} GB RAM`,
  );
  let failed = 0;
  for (const s of SECTIONS) {
    const args = [...s.flags, path.join(__dirname, s.file), ...(SHORT ? ['--short'] : [])];
    const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (r.status !== 0) {
      failed++;
      console.log(`bench ${s.file}: FAILED (exit ${r.status ?? r.signal})`);
    }
  }
  console.log(`bench done in ${num((nowMs() - t0) / 1000, 1)} s${failed ? `, ${failed} section(s) failed` : ''}`);
  if (failed) process.exitCode = 1;
}

main();
