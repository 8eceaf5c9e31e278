/**
 * The built CLI as a child process, as a user runs it: `node build/cli/par-score.js`, the
 * package's bin, and `npm run --silent score`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../../src/cli/report';
import { ROOT, SAMPLE, SMALL_SHEET, setCell, sha256, smallTable, tempDir, writeWorkbook } from './helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const ENTRY = path.join(ROOT, 'build', 'cli', 'par-score.js');
let dir: string;

beforeAll(() => {
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
  dir = tempDir();
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function node(args: string[]) {
  return spawnSync(process.execPath, [ENTRY, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

test('the bin of the package is the compiled entry, with a shebang', () => {
  expect(path.resolve(ROOT, pkg.bin['par-score'])).toBe(ENTRY);
  expect(fs.readFileSync(ENTRY, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  expect(pkg.scripts.score).toBe('node build/cli/par-score.js');
});

test('one file: no module of ours loaded beside it; a report file written with docx, the one package it loads', () => {
  const text = fs.readFileSync(ENTRY, 'utf8');
  expect(text).not.toMatch(/require\(["']\.{1,2}\//);
  const docx = path.join(dir, 'bundle-report.docx');
  const r = node([SAMPLE, '--out', path.join(dir, 'bundle.xlsx'), '--report', docx, '--year', '2021']);
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
  const input = await writeWorkbook(path.join(dir, 'bad.xlsx'), [{ name: SMALL_SHEET, rows: setCell(smallTable(), 'E5', 41) }]);
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
  const r = spawnSync('npm', ['run', '--silent', 'score', '--', copy], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('Đã ghi tệp kết quả');
  // stdout is the scorer's alone (the build before it writes to stderr): it can be piped.
  expect(r.stdout.startsWith('Chỉ số CCHC: trang tính')).toBe(true);
  expect(fs.existsSync(path.join(dir, 'mẫu.scored.xlsx'))).toBe(true);
}, 120_000);
