/** The headless scorer's rules: from the workbook's owned sheet, or from --rules (which wins); invalid ones refused. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { HAI_DUONG_2018, RULES_SHEET, ruleSetToJson, ruleSetToRows, scoreGrid, type RuleSet } from '../../src/engine';
import { readSheetGrid } from './exceljs-grid';
import { bandCell } from '../engine/rules-fixtures';
import type { JsonReport } from '../../src/cli/report';
import { SAMPLE, readWorkbook, runCli, tempDir } from './helpers';

const dir = tempDir('par-cli-rules-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The default with the "good" band from `pct`% (and "complete" up to under it). */
function goodFrom(pct: number): RuleSet {
  return {
    ...HAI_DUONG_2018,
    id: `good-from-${pct}`,
    name: { vi: `Tốt từ ${pct}%`, en: `Good from ${pct}%` },
    bands: HAI_DUONG_2018.bands.map((b) => {
      if (b.code === 'good') return { ...b, min: { pct, inclusive: true } };
      if (b.code === 'complete') return { ...b, max: { pct, inclusive: false } };
      return b;
    }),
  };
}

/** Band per unit, as the engine gives it for the sample and `rules`. */
async function expectedBands(rules: RuleSet): Promise<Record<string, string>> {
  const wb = await readWorkbook(SAMPLE);
  const ws = wb.getWorksheet('Tổng hợp');
  if (!ws) throw new Error('sample sheet');
  const { grid, formats } = readSheetGrid(ws);
  const s = scoreGrid(grid, ws.name, rules, { formats });
  if (!s.found) throw new Error('no table');
  return Object.fromEntries(s.result.units.map((u) => [u.name, u.band]));
}

function reportBands(json: string): Record<string, string> {
  const report: JsonReport = JSON.parse(fs.readFileSync(json, 'utf8'));
  return Object.fromEntries(report.units.map((u) => [u.name, u.band]));
}

/** The sample with the add-in's rules sheet (VeryHidden) holding `rules` rows (or raw rows). */
async function sampleWithStoredRules(file: string, rows: unknown[][]): Promise<string> {
  const wb = await readWorkbook(SAMPLE);
  const ws = wb.addWorksheet(RULES_SHEET, { state: 'veryHidden' });
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== '') ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    }),
  );
  await wb.xlsx.writeFile(file);
  return file;
}

test('the same workbook scored with two rule sets gives the two expected band sets', async () => {
  const rulesFile = path.join(dir, 'good-from-85.json');
  fs.writeFileSync(rulesFile, ruleSetToJson(goodFrom(85)));
  const a = await runCli([SAMPLE, '--out', path.join(dir, 'a.xlsx'), '--json', path.join(dir, 'a.json')]);
  const b = await runCli([
    SAMPLE,
    '--rules',
    rulesFile,
    '--out',
    path.join(dir, 'b.xlsx'),
    '--json',
    path.join(dir, 'b.json'),
  ]);
  expect([a.code, b.code]).toEqual([0, 0]);
  const bandsA = reportBands(path.join(dir, 'a.json'));
  const bandsB = reportBands(path.join(dir, 'b.json'));
  expect(bandsA).toEqual(await expectedBands(HAI_DUONG_2018));
  expect(bandsB).toEqual(await expectedBands(goodFrom(85)));
  const count = (bands: Record<string, string>, code: string) => Object.values(bands).filter((x) => x === code).length;
  expect([count(bandsA, 'good'), count(bandsA, 'complete')]).toEqual([8, 15]);
  const moved = Object.keys(bandsA).filter((n) => bandsA[n] !== bandsB[n]);
  expect(moved.length).toBeGreaterThan(0);
  for (const n of moved) expect([bandsA[n], bandsB[n]]).toEqual(['good', 'complete']);
  // The band column of the scored copy says the same.
  const copy = await readWorkbook(path.join(dir, 'b.xlsx'));
  const texts = readSheetGrid(copy.getWorksheet('Tổng hợp') as ExcelJS.Worksheet).grid.flat();
  expect(texts.filter((v) => v === 'Hoàn thành tốt nhiệm vụ')).toHaveLength(count(bandsB, 'good'));
  expect(b.stderr).toContain(`Bộ tiêu chí lấy từ tệp ${rulesFile}: Tốt từ 85%.`);
  // No silent default: the run without --rules on a workbook that stores none says so, and why.
  expect(a.stderr).toContain(
    'Bộ tiêu chí mặc định: Hải Dương, Quyết định 29/2018/QĐ-UBND (sổ tính chưa lưu bộ tiêu chí nào và không có --rules)',
  );
  expect(b.stderr).not.toContain('Bộ tiêu chí mặc định');
});

describe('an invalid rule file is refused with exit 2, the band and the value named', () => {
  test('a bound that is not a number', async () => {
    const data = JSON.parse(ruleSetToJson(HAI_DUONG_2018));
    data.bands[1].min.pct = '80%';
    const file = path.join(dir, 'text-bound.json');
    fs.writeFileSync(file, JSON.stringify(data));
    const out = path.join(dir, 'never.xlsx');
    const r = await runCli([SAMPLE, '--rules', file, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Bộ tiêu chí “${file}” không hợp lệ:`);
    expect(r.stderr).toContain('bands[1].min.pct: mức “good”: “80%” không phải là số');
    expect(fs.existsSync(out)).toBe(false);
  });

  test('an overlap, in English', async () => {
    const data = JSON.parse(ruleSetToJson(HAI_DUONG_2018));
    data.bands[0].min.pct = 88;
    const file = path.join(dir, 'overlap.json');
    fs.writeFileSync(file, JSON.stringify(data));
    const r = await runCli([SAMPLE, '--rules', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'bands[0]: The lower bound of band “excellent” (88%) must equal the upper bound of band “good” (90%); otherwise units scoring from 88% to 90% fall in both bands',
    );
  });

  test('a floor out of range and an unknown key', async () => {
    const data = JSON.parse(ruleSetToJson(HAI_DUONG_2018));
    data.bands[2].fieldFloorPct = 150;
    const file = path.join(dir, 'floor.json');
    fs.writeFileSync(file, JSON.stringify(data));
    const r = await runCli([SAMPLE, '--rules', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Mức “complete”: số điểm tối thiểu của lĩnh vực phải từ 0% đến 100%, đang là 150%');
    data.bands[2].fieldFloorPct = 50;
    data.bands[2].floor = 50;
    fs.writeFileSync(file, JSON.stringify(data));
    const k = await runCli([SAMPLE, '--rules', file]);
    expect(k.code).toBe(2);
    expect(k.stderr).toContain('bands[2].floor: mức “complete”: khoá không có trong định dạng bộ tiêu chí');
  });
});

describe("rules read from the workbook's owned sheet", () => {
  test('used when present; the sheet is no scoring table; the copy keeps it hidden', async () => {
    const input = await sampleWithStoredRules(path.join(dir, 'stored.xlsx'), ruleSetToRows(goodFrom(85)));
    const json = path.join(dir, 'stored.json');
    const out = path.join(dir, 'stored.scored.xlsx');
    const r = await runCli([input, '--out', out, '--json', json]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Bộ tiêu chí lấy từ sổ tính (trang “${RULES_SHEET}”): Tốt từ 85%.`);
    expect(r.stderr).not.toContain(`Bỏ qua trang tính "${RULES_SHEET}"`);
    expect(reportBands(json)).toEqual(await expectedBands(goodFrom(85)));
    const copy = await readWorkbook(out);
    expect(copy.getWorksheet(RULES_SHEET)?.state).toBe('veryHidden');
  });

  test("--rules wins over the stored rules, and the copy's sheet is brought in step", async () => {
    const input = await sampleWithStoredRules(path.join(dir, 'stored2.xlsx'), ruleSetToRows(goodFrom(85)));
    const file = path.join(dir, 'default.json');
    fs.writeFileSync(file, ruleSetToJson(HAI_DUONG_2018));
    const json = path.join(dir, 'stored2.json');
    const out = path.join(dir, 'stored2.scored.xlsx');
    const r = await runCli([input, '--rules', file, '--out', out, '--json', json]);
    expect(r.code).toBe(0);
    expect(reportBands(json)).toEqual(await expectedBands(HAI_DUONG_2018));
    const copy = await readWorkbook(out);
    const ws = copy.getWorksheet(RULES_SHEET) as ExcelJS.Worksheet;
    expect(readSheetGrid(ws).grid).toEqual(
      ruleSetToRows(HAI_DUONG_2018).map((row) => row.map((v) => (v === '' ? null : v))),
    );
    expect(ws.state).toBe('veryHidden');
  });

  test('an invalid stored rule set: exit 2 naming the cell, band and value', async () => {
    const rows = ruleSetToRows(HAI_DUONG_2018);
    const goodMin = bandCell(rows, 'good', 'min');
    rows[goodMin.row][goodMin.col] = 95; // "good" from 95%: overlaps "excellent" from 90%
    const input = await sampleWithStoredRules(path.join(dir, 'stored-bad.xlsx'), rows);
    const out = path.join(dir, 'stored-bad.scored.xlsx');
    const r = await runCli([input, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Bộ tiêu chí lưu trong sổ tính (trang “${RULES_SHEET}”) không hợp lệ:`);
    expect(r.stderr).toMatch(new RegExp(`${RULES_SHEET}!F\\d+: .*[Mm]ức “(excellent|good)”.*95%`));
    expect(fs.existsSync(out)).toBe(false);
  });
});
