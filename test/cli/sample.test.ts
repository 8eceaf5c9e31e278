/**
 * The sample workbook through the CLI gives the seed's published outcome (Tứ Kỳ, 2021):
 * groups, bands, the 9 demoted units, counts, and last year's counts.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../../src/cli/report';
import { ROOT, SAMPLE, readWorkbook, runCli, sha256, tempDir } from './helpers';

const GROUP_80_90 = [
  'Quang Khải',
  'Hà Kỳ',
  'Minh Đức',
  'Quang Nghiệp',
  'Nguyên Giáp',
  'Hà Thanh',
  'Đại Hợp',
  'Thị trấn Tứ Kỳ',
  'Bình Lãng',
  'Quang Trung',
  'Tân Kỳ',
  'An Thanh',
  'Ngọc Kỳ',
  'Quang Phục',
  'Phượng Kỳ',
  'Tái Sơn',
  'Văn Tố',
];
const GROUP_65_80 = ['Hưng Đạo', 'Tiên Động', 'Đại Sơn', 'Dân Chủ', 'Cộng Lạc', 'Chí Minh'];
const GOOD = ['Quang Khải', 'Hà Kỳ', 'Minh Đức', 'Quang Nghiệp', 'Nguyên Giáp', 'Hà Thanh', 'Đại Hợp', 'Tái Sơn'];
const DEMOTED = [
  'Thị trấn Tứ Kỳ',
  'Bình Lãng',
  'Quang Trung',
  'Phượng Kỳ',
  'Tân Kỳ',
  'An Thanh',
  'Ngọc Kỳ',
  'Văn Tố',
  'Quang Phục',
];
const TTHC = 'Cải cách thủ tục hành chính';
const CQDT = 'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số';

const sorted = (xs: string[]) => [...xs].sort((a, b) => a.localeCompare(b, 'vi'));

describe('the sample workbook through the CLI', () => {
  let dir: string;
  let report: JsonReport;
  let stdout: string;
  let stderr: string;
  const inputHash = sha256(SAMPLE);

  beforeAll(async () => {
    dir = tempDir();
    const r = await runCli([SAMPLE, '--out', path.join(dir, 'out.xlsx'), '--json', path.join(dir, 'r.json')]);
    expect(r.code).toBe(0);
    stdout = r.stdout;
    stderr = r.stderr;
    report = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const names = (pred: (u: JsonReport['units'][number]) => boolean) =>
    sorted(report.units.filter(pred).map((u) => u.name));

  test('skips the instructions sheet and scores "Tổng hợp": 23 units, 7 fields, no errors or warnings', () => {
    expect(report.sheet).toBe('Tổng hợp');
    expect(report.scored).toBe(true);
    expect(report.units).toHaveLength(23);
    expect(report.fields).toHaveLength(7);
    expect(report.fields.reduce((a, f) => a + (f.max ?? 0), 0)).toBe(100);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.rules.id).toBe('hai-duong-29-2018');
  });

  test('score groups by index alone: 17 from 80% to under 90%, 6 from 65% to under 80% (seed II.1.2)', () => {
    expect(names((u) => u.indexBand === 'good')).toEqual(sorted(GROUP_80_90));
    expect(names((u) => u.indexBand === 'complete')).toEqual(sorted(GROUP_65_80));
    expect(report.groups).toEqual({ excellent: 0, good: 17, complete: 6, incomplete: 0 });
    for (const u of report.units) {
      if (u.indexBand === 'good') expect(u.indexPct >= 80 && u.indexPct < 90).toBe(true);
      else expect(u.indexPct >= 65 && u.indexPct < 80).toBe(true);
    }
  });

  test('bands: 8 "Hoàn thành tốt nhiệm vụ", 15 "Hoàn thành nhiệm vụ", none excellent or incomplete', () => {
    expect(report.counts).toEqual({ excellent: 0, good: 8, complete: 15, incomplete: 0 });
    expect(names((u) => u.band === 'good')).toEqual(sorted(GOOD));
    expect(names((u) => u.band === 'complete')).toEqual(sorted([...DEMOTED, ...GROUP_65_80]));
    for (const u of report.units.filter((x) => x.band === 'good')) expect(u.bandLabel).toBe('Hoàn thành tốt nhiệm vụ');
  });

  test('the 9 units the seed names are demoted from "good" by a field under 70%, mostly TTHC and e-government', () => {
    const demoted = report.units.filter((u) => u.demotedFrom !== null);
    expect(sorted(demoted.map((u) => u.name))).toEqual(sorted(DEMOTED));
    const weak = new Map<string, number>();
    for (const u of demoted) {
      expect(u.demotedFrom).toBe('good');
      expect(u.band).toBe('complete');
      expect(u.failingFields.length).toBeGreaterThan(0);
      for (const label of u.failingFields) {
        const f = u.fields.find((x) => x.label === label);
        expect(f?.pct).toBeLessThan(70);
        weak.set(label, (weak.get(label) ?? 0) + 1);
      }
      for (const f of u.fields) expect(f.pct).toBeGreaterThanOrEqual(50);
      expect(u.note).toMatch(/dưới 70%/);
      expect(u.note).toContain('Hoàn thành nhiệm vụ');
    }
    expect((weak.get(TTHC) ?? 0) + (weak.get(CQDT) ?? 0)).toBeGreaterThan(
      [...weak.values()].reduce((a, b) => a + b) / 2,
    );
    for (const u of report.units.filter((x) => x.demotedFrom === null)) {
      expect(u.failingFields).toEqual([]);
      expect(u.note).toBe('');
    }
  });

  test('every good unit has all fields at 70% or more; every unit all fields at 50% or more', () => {
    for (const u of report.units) {
      const floor = u.band === 'good' ? 70 : 50;
      for (const f of u.fields) expect(f.pct).toBeGreaterThanOrEqual(floor);
    }
  });

  test("ranks: no ties, Quang Khải first, the 80–90% group in the seed's list order", () => {
    const ranks = report.units.map((u) => u.rank).sort((a, b) => a - b);
    expect(ranks).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    const byRank = [...report.units].sort((a, b) => a.rank - b.rank).map((u) => u.name);
    expect(byRank.slice(0, 17)).toEqual(GROUP_80_90);
    expect(byRank.slice(17)).toEqual(GROUP_65_80);
  });

  test('last year (2020): 8 units "Hoàn thành nhiệm vụ", 15 "Không hoàn thành nhiệm vụ"', () => {
    expect(report.lastYearCounts).toEqual({ excellent: 0, good: 0, complete: 8, incomplete: 15 });
    expect(report.summary?.lastYearUnitCount).toBe(23);
  });

  test("the average index is 83,30% (the seed's district figure), and the weakest fields are TTHC and e-government", () => {
    expect(report.summary?.averageIndexPct).toBe(83.3);
    const weakest = [...report.fields]
      .sort((a, b) => (a.averagePct ?? 0) - (b.averagePct ?? 0))
      .slice(0, 2)
      .map((f) => f.label);
    expect(sorted(weakest)).toEqual(sorted([TTHC, CQDT]));
  });

  test('JSON units carry the keys the issue names', () => {
    const u = report.units.find((x) => x.name === 'Thị trấn Tứ Kỳ');
    expect(u).toBeDefined();
    expect(Object.keys(u as object)).toEqual(
      expect.arrayContaining(['name', 'row', 'indexPct', 'rank', 'band', 'demotedFrom', 'failingFields', 'fields']),
    );
    expect(u?.row).toBe(14);
    expect(u?.failingFields).toEqual([CQDT]);
    expect(u?.fields[0]).toEqual(expect.objectContaining({ label: 'Công tác chỉ đạo, điều hành', max: 11 }));
  });

  test('the terminal summary shows counts per band and group, and the demoted units with the reason', () => {
    expect(stdout).toMatch(/Hoàn thành tốt nhiệm vụ\s+08\/23/);
    expect(stdout).toMatch(/Hoàn thành nhiệm vụ\s+15\/23/);
    expect(stdout).toMatch(/từ 80% đến dưới 90%\s+17\/23/);
    expect(stdout).toMatch(/từ 65% đến dưới 80%\s+06\/23/);
    expect(stdout).toMatch(/Không hoàn thành nhiệm vụ\s+15\/23/); // last year
    expect(stdout).toContain('(9)');
    for (const name of DEMOTED) expect(stdout).toContain(`${name} (`);
    expect(stdout).toContain('83,30%');
    expect(stdout.split('\n').length).toBeLessThan(45);
    expect(stderr).toContain('Bỏ qua trang tính “Hướng dẫn”');
  });

  test('the input file is not written', () => {
    expect(sha256(SAMPLE)).toBe(inputHash);
  });

  test('--lang en gives English labels and messages', async () => {
    const r = await runCli([
      SAMPLE,
      '--out',
      path.join(dir, 'en.xlsx'),
      '--json',
      path.join(dir, 'en.json'),
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Good\s+08\/23/);
    const en: JsonReport = JSON.parse(fs.readFileSync(path.join(dir, 'en.json'), 'utf8'));
    expect(en.counts).toEqual(report.counts);
    expect(en.units.find((u) => u.name === 'Bình Lãng')?.note).toMatch(
      /under its 70% field floor: Cải cách thủ tục hành chính \(67.00%\)/,
    );
    const wb = await readWorkbook(path.join(dir, 'en.xlsx'));
    expect(wb.getWorksheet('Tổng hợp')?.getCell('L5').value).toBe('Index (%)');
  });
});

describe('the committed sample matches its generator', () => {
  test('scripts/make-sample.js writes the same cells as examples/chi-so-cchc-2021-tu-ky.xlsx', async () => {
    const dir = tempDir();
    try {
      const fresh = path.join(dir, 'fresh.xlsx');
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'make-sample.js'), fresh], { stdio: 'pipe' });
      const cells = async (file: string) => {
        const wb = await readWorkbook(file);
        return wb.worksheets.map((ws) => {
          const out: [string, string, unknown][] = [];
          ws.eachRow((row) => row.eachCell((cell) => out.push([ws.name, cell.address, cell.value])));
          return out;
        });
      };
      expect(await cells(SAMPLE)).toEqual(await cells(fresh));
      const wb = await readWorkbook(SAMPLE);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Tổng hợp']);
      const guide = wb.getWorksheet('Hướng dẫn');
      const text = guide ? guide.getColumn(1).values.join('\n') : '';
      expect(text).toContain('điểm minh hoạ');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
