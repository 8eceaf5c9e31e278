/**
 * The benchmark's CI mode cannot rot: `npm run bench -- --short` runs to the end and prints
 * every figure with a number. Nothing here asserts speed: timings are printed, never tested.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const N = '[\\d,]+(?:\\.\\d+)?';

function runShortBench(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.platform === 'win32' ? 'npm.cmd' : 'npm',
      ['run', '--silent', 'bench', '--', '--short'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 280_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run bench -- --short', () => {
  let out: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    out = await runShortBench();
  }, 300_000);

  test('exits 0', () => {
    if (out.code !== 0) console.log(out.stdout, out.stderr);
    expect(out.code).toBe(0);
  });

  const expected: [string, RegExp][] = [
    ['machine', new RegExp(`^bench short: node v\\d+\\.\\d+\\.\\d+, \\d+ CPUs .*, ${N} GB RAM$`)],
    ['engine 10^3', new RegExp(`^engine N=10\\^3 × 7 fields: ${N} units/s \\(median of \\d+: ${N} ms\\); floor ${N} units/s \\(median of \\d+: ${N} ms\\); ratio to floor ${N}×$`)],
    ['engine 10^4', new RegExp(`^engine N=10\\^4 × 7 fields: ${N} units/s \\(median of \\d+: ${N} ms\\); floor ${N} units/s \\(median of \\d+: ${N} ms\\); ratio to floor ${N}×$`)],
    ['engine growth', new RegExp(`^engine growth N=10\\^3→10\\^4: per-unit cost ×${N} \\(${N} → ${N} ns/unit; floor ×${N}; N log N allows ×${N}\\): .+$`)],
    ['engine target', new RegExp(`^engine target ≤ 3× floor at N=10\\^4 .*: ${N}×: (met|MISSED)$`)],
    ['excel 10 rows', new RegExp(`^excel rows=10 × 30 fields: adapter ${N} syncs .*per-row ${N} syncs, max request ${N} [KM]?B.*; baseline/adapter syncs ${N}×, request bytes ${N}×$`)],
    ['excel 10^3 rows', new RegExp(`^excel rows=10\\^3 × 30 fields: adapter ${N} syncs .*per-row ${N} syncs, max request ${N} [KM]?B.*; baseline/adapter syncs ${N}×, request bytes ${N}×$`)],
    ['excel target', new RegExp(`^excel target: .*largest request or response ${N} [KM]?B < 5 MB: (met|MISSED)$`)],
    ['scorer', new RegExp(`^scorer 1,000 units × 30 fields: par-score ${N} s, peak RSS (${N} MB|n/a); (LibreOffice .* ${N} s, peak RSS (${N} MB|n/a); LibreOffice/scorer ${N}× \\(target ≥ 10×: (met|MISSED)\\).*|skipped LibreOffice: soffice not found)$`)],
    ['scorer phases', new RegExp(`^scorer phases, median run \\(ms\\): start-up and modules ${N}, open ${N}, read ${N}, score ${N}, .*files ${N}; process ${N}$`)],
    ['bundle', new RegExp(`^bundle taskpane (initial JS .*: ${N} KB, gzip ${N} KB \\(target ≤ 350 KB: (met|MISSED)\\).*|: skipped: no src/taskpane/index\\.tsx)$`)],
    ['done', new RegExp(`^bench done in ${N} s$`)],
  ];

  test.each(expected)('prints the %s line with its figures', (_name, pattern) => {
    const lines = out.stdout.split('\n');
    expect(lines.some((l) => pattern.test(l))).toBe(true);
  });
});
