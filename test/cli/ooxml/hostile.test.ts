/**
 * The hostile set (test/fixtures/hostile.ts) through the built scorer as a child process with
 * 512 MB of heap and a time limit: each file is scored or refused as expected, nothing is written
 * when it is refused, and the input stays byte-identical.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostileCases, type HostileCase } from '../../fixtures/hostile';
import { ROOT, sha256, tempDir } from '../helpers';

const ENTRY = path.join(ROOT, 'build', 'cli', 'par-score.js');
/** Per file: a scoring workbook of this size scores in well under a second; the limit leaves room for a loaded machine. */
const TIME_LIMIT_MS = 60_000;

let dir: string;
let cases: HostileCase[] = [];
beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'cli-fresh.js')], { cwd: ROOT, stdio: 'pipe' });
  dir = tempDir('par-hostile-');
  cases = await hostileCases(dir);
}, 300_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const EXIT = { scored: 0, errors: 1, refused: 2 } as const;

test('every hostile file is scored or refused as expected, in bounded memory and time; nothing written when refused; the input unchanged', () => {
  expect(cases.length).toBeGreaterThan(30);
  const failures: string[] = [];
  for (const c of cases) {
    const out = path.join(dir, `${c.name}.out.xlsx`);
    const before = sha256(c.file);
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=512', ENTRY, c.file, '--out', out, '--no-report-sheet'],
      { cwd: dir, encoding: 'utf8', timeout: TIME_LIMIT_MS },
    );
    const problems: string[] = [];
    if (r.error) problems.push(`did not finish: ${r.error.message}`);
    if (r.status !== EXIT[c.expect])
      problems.push(
        `exit ${r.status} (${r.signal ?? ''}), expected ${EXIT[c.expect]}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`,
      );
    if (c.message && !c.message.test(r.stderr))
      problems.push(`stderr does not match ${c.message}: ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`);
    if (c.expect !== 'scored' && fs.existsSync(out)) problems.push('an output was written');
    if (c.expect === 'scored' && !fs.existsSync(out)) problems.push('no output');
    if (sha256(c.file) !== before) problems.push('the input changed');
    if (problems.length > 0) failures.push(`${c.name}: ${problems.join('; ')}`);
  }
  expect(failures).toEqual([]);
}, 900_000);
