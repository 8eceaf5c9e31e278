/**
 * The built CLI as a child process, as a user runs it: `node build/cli/par-score.js`, the
 * package's bin, and `npm run --silent score`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JsonReport } from '../../src/cli/report';
import { ROOT, SAMPLE, SMALL_SHEET, setCell, sha256, smallTable, tempDir, writeWorkbook } from './helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const ENTRY = path.join(ROOT, 'build', 'cli', 'par-score.js');
let dir: string;

beforeAll(() => {
  // Built only if a source is newer than the bin (as npm run score does).
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'cli-fresh.js')], { cwd: ROOT, stdio: 'pipe' });
  dir = tempDir();
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function node(args: string[]) {
  return spawnSync(process.execPath, [ENTRY, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

test('the bin of the package is the compiled entry, with a shebang', () => {
  expect(path.resolve(ROOT, pkg.bin['par-score'])).toBe(ENTRY);
  expect(fs.readFileSync(ENTRY, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  expect(pkg.scripts.score).toMatch(/node build\/cli\/par-score\.js$/);
  // The package installs with nothing beside it: every package is bundled at build time.
  expect(pkg.dependencies ?? {}).toEqual({});
});

test('the bin needs no package: build/cli copied away from node_modules scores the sample and writes a Word report', () => {
  // Outside the project no node_modules can be found by walking up: only the bundle's own chunks load.
  const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'par-bin-'));
  fs.cpSync(path.join(ROOT, 'build', 'cli'), path.join(alone, 'build', 'cli'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(alone, 'package.json'));
  const docx = path.join(dir, 'bundle-report.docx');
  const r = spawnSync(
    process.execPath,
    [
      path.join(alone, 'build', 'cli', 'par-score.js'),
      SAMPLE,
      '--out',
      path.join(dir, 'bundle.xlsx'),
      '--report',
      docx,
      '--year',
      '2021',
    ],
    {
      cwd: alone,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  fs.rmSync(alone, { recursive: true, force: true });
  expect(r.stderr).not.toMatch(/Cannot find module/);
  expect(r.status).toBe(0);
  // A .docx is a zip whose first entry is the content types.
  const bytes = fs.readFileSync(docx);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
});

test('scores the sample: exit 0, the summary on stdout, progress on stderr, the copy and the JSON written', () => {
  const out = path.join(dir, 'out.xlsx');
  const json = path.join(dir, 'r.json');
  const before = sha256(SAMPLE);
  const r = node([SAMPLE, '--out', out, '--json', json]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/Hoàn thành tốt nhiệm vụ\s+08\/23/);
  expect(r.stdout).toMatch(/Hoàn thành nhiệm vụ\s+15\/23/);
  expect(r.stdout).toContain('Hạ mức vì có lĩnh vực chưa đạt (9)');
  expect(r.stderr).toContain('Đang đọc');
  expect(fs.existsSync(out)).toBe(true);
  const report: JsonReport = JSON.parse(fs.readFileSync(json, 'utf8'));
  expect(report.counts).toEqual({ excellent: 0, good: 8, complete: 15, incomplete: 0 });
  expect(report.groups).toEqual({ excellent: 0, good: 17, complete: 6, incomplete: 0 });
  expect(sha256(SAMPLE)).toBe(before);
});

test('bad input: exit 1, the cell on stderr, nothing written', async () => {
  const input = await writeWorkbook(path.join(dir, 'bad.xlsx'), [
    { name: SMALL_SHEET, rows: setCell(smallTable(), 'E5', 41) },
  ]);
  const before = sha256(input);
  const r = node([input]);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(`'${SMALL_SHEET}'!E5: 41 điểm vượt điểm tối đa 40`);
  expect(r.stdout).toBe('');
  expect(fs.existsSync(path.join(dir, 'bad.scored.xlsx'))).toBe(false);
  expect(sha256(input)).toBe(before);
});

test('bad usage: exit 2', () => {
  expect(node([]).status).toBe(2);
  expect(node([SAMPLE, '--nope']).status).toBe(2);
  expect(node([SAMPLE, '--out', SAMPLE]).status).toBe(2);
});

test('npm run --silent score -- <sample> writes the default <input>.scored.xlsx next to a copy', () => {
  const copy = path.join(dir, 'mẫu.xlsx');
  fs.copyFileSync(SAMPLE, copy);
  const r = spawnSync('npm', ['run', '--silent', 'score', '--', copy], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('Đã ghi tệp kết quả');
  // stdout is the scorer's alone (the build before it writes to stderr): it can be piped.
  expect(r.stdout.startsWith('Chỉ số CCHC: trang tính')).toBe(true);
  expect(fs.existsSync(path.join(dir, 'mẫu.scored.xlsx'))).toBe(true);
}, 120_000);

test('npm run score a second time does not rebuild: the bin is left as it was and nothing is printed of a build', () => {
  const copy = path.join(dir, 'lần-hai.xlsx');
  fs.copyFileSync(SAMPLE, copy);
  const builtAt = fs.statSync(ENTRY).mtimeMs;
  const r = spawnSync('npm', ['run', '--silent', 'score', '--', copy, '--no-report-sheet'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status).toBe(0);
  expect(r.stderr).not.toMatch(/build|webpack/i);
  expect(fs.statSync(ENTRY).mtimeMs).toBe(builtAt);
}, 120_000);

test('--version prints the package version; -v too', () => {
  for (const flag of ['--version', '-v']) {
    const r = node([flag]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`par-score ${pkg.version}\n`);
  }
});

test("option mistakes are told in Vietnamese, none of Node's English parser messages", () => {
  for (const args of [
    ['--frobnicate'],
    [SAMPLE, '--out'],
    [SAMPLE, '--help=yes'],
    [SAMPLE, '-z'],
    [SAMPLE, '--lang', 'fr'],
  ]) {
    const r = node(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/tuỳ chọn|Tuỳ chọn|chỉ nhận/);
    expect(r.stderr).not.toMatch(/Unknown option|ERR_PARSE_ARGS|argument missing|Option '/);
  }
});

describe('the package: npm pack, installed globally with no network', () => {
  let prefix: string;
  let tarball: string;
  beforeAll(() => {
    const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-pack-'));
    prefix = path.join(packDir, 'prefix');
    const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    tarball = path.join(packDir, out.trim().split('\n').pop() as string);
    execFileSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], {
      encoding: 'utf8',
      stdio: 'pipe',
      cwd: packDir,
    });
  }, 180_000);
  afterAll(() => fs.rmSync(path.dirname(prefix), { recursive: true, force: true }));

  test('the tarball holds the bin and its chunks, not the sources', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listing).toContain('package/build/cli/par-score.js');
    expect(listing).toContain('package/package.json');
    expect(listing.some((f) => f.startsWith('package/src/'))).toBe(false);
    expect(listing.some((f) => f.startsWith('package/test/'))).toBe(false);
  });

  test('par-score --version and a scoring run from the installed package', () => {
    const bin = path.join(prefix, 'bin', 'par-score');
    const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(v.stdout).toBe(`par-score ${pkg.version}\n`);
    const out = path.join(dir, 'installed.xlsx');
    const r = spawnSync(bin, [SAMPLE, '--out', out, '--report', path.join(dir, 'installed.docx')], {
      encoding: 'utf8',
      cwd: os.tmpdir(),
      timeout: 60_000,
    });
    expect(r.stderr).not.toMatch(/Cannot find module/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Hoàn thành tốt nhiệm vụ\s+08\/23/);
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'installed.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
