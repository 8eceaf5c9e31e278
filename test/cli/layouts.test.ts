/**
 * Every generated layout (test/fixtures/layouts.ts) through the headless scorer and through the
 * add-in on the fake Excel host: the same bands and ranks, the same as the layout's plain
 * equivalent, and the output on each unit's own row. The uncertain layout: exit 1 with the
 * proposed mapping, nothing written, the input unchanged; confirmed with --map, the right result.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import {
  HAI_DUONG_2018,
  MAPPING_SHEET,
  NATIONAL_GROUPS_2024,
  bandLabel,
  mappingFromRows,
  parseColumnMap,
  scoreGrid,
  type CellValue,
  type RoleOverrides,
  type RuleSet,
} from '../../src/engine';
import { readOwnedSheet, scoreSafely } from '../../src/excel/safe-write';
import { inspectWorkbook, scoreWorkbook } from '../../src/excel/workbook';
import { createFakeExcel } from '../../tools/fake-excel';
import { runOf } from '../excel/helpers';
import {
  genLayouts,
  genRanks,
  genResultsOnly,
  genTransposed,
  genUnits,
  SHEET,
  writeLayoutWorkbook,
  type GenLayout,
} from '../fixtures/layouts';
import { ROOT, readWorkbook, runCli, sha256, tempDir } from './helpers';

const rules = HAI_DUONG_2018;
const layouts = genLayouts();
const dir = tempDir('par-layouts-');

interface Row {
  name: string;
  rank: number;
  band: string;
}

function plainResult(layout: GenLayout, with_: RuleSet = rules): Row[] {
  const s = scoreGrid(layout.plain, SHEET, with_);
  if (!s.found) throw new Error('plain not found');
  return s.result.units.map((u) => ({ name: u.name, rank: u.rank, band: u.band }));
}

/** The add-in on the fake host: the result, and the band and rank cells it wrote on each unit's row. */
async function addIn(
  layout: GenLayout,
  with_: RuleSet = rules,
): Promise<{ rows: Row[]; written: [unknown, unknown][]; expectedCells: [number, string][] }> {
  const fake = createFakeExcel({ sheets: [{ name: SHEET, cells: layout.rows }], activeSheet: SHEET, selection: 'A1' });
  const roles = layout.map ? (parseColumnMap(layout.map) as { ok: true; roles: Map<number, never> }).roles : undefined;
  const outcome = await scoreWorkbook(runOf(fake), {
    rules: with_,
    lang: 'vi',
    override: roles ? { roles } : undefined,
  });
  if (outcome.status !== 'written')
    throw new Error(`${layout.name}: ${outcome.status} ${'message' in outcome ? outcome.message : ''}`);
  const { result, outputColumns } = outcome.inspection;
  const sheet = fake.host.sheet(SHEET);
  const written = result.units.map(
    (u) =>
      [sheet.values(`${outputColumns[1]}${u.row}`)[0][0], sheet.values(`${outputColumns[2]}${u.row}`)[0][0]] as [
        unknown,
        unknown,
      ],
  );
  return {
    rows: result.units.map((u) => ({ name: u.name, rank: u.rank, band: u.band })),
    written,
    expectedCells: result.units.map((u) => [u.rank, bandLabel(with_, u.band, 'vi')]),
  };
}

describe.each(layouts.filter((l) => !l.map).map((l) => [l.name, l] as const))('layout %s', (name, layout) => {
  const input = path.join(dir, `${name}.xlsx`);
  const out = path.join(dir, `${name}.scored.xlsx`);
  const json = path.join(dir, `${name}.json`);
  let cli: Awaited<ReturnType<typeof runCli>>;
  let report: {
    units: { name: string; rank: number; band: string; row: number }[];
    selfAssessedDifferences: unknown[];
    authorityDisagreements: { cell: string }[];
    blocks: { block: string }[] | null;
  };

  beforeAll(async () => {
    await writeLayoutWorkbook(layout, input);
    cli = await runCli([input, '--out', out, '--json', json, '--no-report-sheet']);
    report = JSON.parse(fs.readFileSync(json, 'utf8'));
  });

  it('the CLI scores it like its plain equivalent (ranks within each block where the table has blocks)', () => {
    expect(cli.code).toBe(0);
    const byBlock = name === 'block-titles' || name === 'authority';
    const ranks = byBlock ? genRanks(genUnits(), true) : plainResult(layout).map((u) => u.rank);
    expect(report.units.map((u) => ({ name: u.name, rank: u.rank, band: u.band }))).toEqual(
      plainResult(layout).map((u, k) => ({ ...u, rank: ranks[k], name: report.units[k].name })),
    );
  });

  it("the add-in (fake host) gives the same bands and ranks, written on each unit's row", async () => {
    const a = await addIn(layout);
    expect(a.rows).toEqual(report.units.map((u) => ({ name: u.name, rank: u.rank, band: u.band })));
    expect(a.written).toEqual(a.expectedCells);
  });

  it("the scored copy has each unit's rank and band on its own row, and nothing on the other rows", async () => {
    const wb = await readWorkbook(out);
    const ws = wb.getWorksheet(SHEET);
    if (!ws) throw new Error('no sheet');
    const units = new Map(report.units.map((u, k) => [k, u]));
    const rowsOfUnits = new Set<number>();
    const s = scoreGrid(layout.rows, SHEET, rules);
    if (!s.found) throw new Error('not found');
    // 1-based: the output block starts at outputTargetCol (0-based); rank is its second column.
    const rankCol = s.layout.outputTargetCol + 2;
    const header = s.layout.headerRow + 1;
    s.result.units.forEach((u, k) => {
      rowsOfUnits.add(u.row);
      expect(ws.getCell(u.row, rankCol).value).toBe(units.get(k)?.rank);
      expect(ws.getCell(u.row, rankCol + 1).value).toBe(bandLabel(rules, u.band, 'vi'));
    });
    for (let r = header + 1; r <= layout.rows.length; r++)
      if (!rowsOfUnits.has(r)) expect(ws.getCell(r, rankCol + 1).value ?? null).toBeNull();
  });

  if (name === 'self-appraised') {
    it('lists every self-assessed difference in the JSON and on stdout', () => {
      const units = genUnits();
      const expected = units.reduce((n, u) => n + u.self.filter((x, i) => x !== u.appraised[i]).length, 0);
      expect(expected).toBeGreaterThan(0);
      expect(report.selfAssessedDifferences).toHaveLength(expected);
      expect(cli.stdout).toContain(
        `Điểm tự chấm khác điểm thẩm định (thông tin, điểm thẩm định được tính): ${expected} ô`,
      );
    });
  }
  if (name === 'authority') {
    it("lists the authority's disagreements (cell, theirs, ours), exactly the slips the fixture made", () => {
      expect(report.authorityDisagreements.map((d) => d.cell).sort()).toEqual([...(layout.authorityOff ?? [])].sort());
      expect(cli.stdout).toContain(
        `Đối chiếu với kết quả cơ quan công bố trong bảng: ${layout.authorityOff?.length} chỗ khác nhau`,
      );
    });
  }
  if (name === 'block-titles' || name === 'authority') {
    it('gives every unit its block', () => {
      expect(new Set(report.blocks?.map((b) => b.block)).size).toBe(2);
    });
  }
});

describe('an uncertain layout', () => {
  const layout = layouts.find((l) => l.map) as GenLayout;
  const input = path.join(dir, 'uncertain.xlsx');
  const out = path.join(dir, 'uncertain.scored.xlsx');

  beforeAll(async () => {
    await writeLayoutWorkbook(layout, input);
  });

  it('exits 1 printing the proposed mapping and how to confirm it; nothing written, the input unchanged', async () => {
    const before = sha256(input);
    const r = await runCli([input, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("'Tổng hợp': chưa chắc vai trò của 14 cột; không ghi gì, tệp đầu vào giữ nguyên.");
    expect(r.stderr).toContain('  D  “Công tác chỉ đạo, điều hành › Điểm HĐ” → ? appraised');
    expect(r.stderr).toMatch(/--map "C=selfAssessed,D=appraised,/);
    expect(fs.existsSync(out)).toBe(false);
    expect(sha256(input)).toBe(before);
  });

  it('--print-map prints the mapping as JSON that --map reads back', async () => {
    const r = await runCli([input, '--print-map']);
    const printed = JSON.parse(r.stdout) as Record<string, string>;
    expect(printed).toMatchObject({ A: 'stt', B: 'name' });
    expect(fs.existsSync(out)).toBe(false);
  });

  it('with the mapping confirmed (--map inline or a .json file), the plain result, and the add-in agrees', async () => {
    const inline = await runCli([
      input,
      '--out',
      out,
      '--json',
      path.join(dir, 'u.json'),
      '--no-report-sheet',
      '--map',
      layout.map as string,
    ]);
    expect(inline.code).toBe(0);
    const units = (JSON.parse(fs.readFileSync(path.join(dir, 'u.json'), 'utf8')) as { units: Row[] }).units.map(
      (u) => ({ name: u.name, rank: u.rank, band: u.band }),
    );
    expect(units).toEqual(plainResult(layout));
    const file = path.join(dir, 'map.json');
    fs.writeFileSync(
      file,
      JSON.stringify(Object.fromEntries((layout.map as string).split(',').map((p) => p.split('=')))),
    );
    const fromFile = await runCli([input, '--out', path.join(dir, 'u2.xlsx'), '--no-report-sheet', '--map', file]);
    expect(fromFile.code).toBe(0);
    expect((await addIn(layout)).rows).toEqual(units);
  });

  it('the add-in, unconfirmed, writes nothing and says which columns are uncertain', async () => {
    const fake = createFakeExcel({
      sheets: [{ name: SHEET, cells: layout.rows }],
      activeSheet: SHEET,
      selection: 'A1',
    });
    const before = fake.host.snapshot();
    const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
    expect(outcome).toMatchObject({ status: 'failed', code: 'uncertainColumns' });
    expect(outcome.status === 'failed' && outcome.message).toContain('Chưa chắc vai trò của cột (C4, D4,');
    expect(fake.host.snapshot()).toEqual(before);
  });

  it('a --map that is not Column=role is a usage error (exit 2)', async () => {
    const r = await runCli([input, '--map', 'C=chấm lại']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--map: “C=chấm lại” không đúng dạng Cột=vai trò');
  });
});

describe('a transposed table', () => {
  const layout = genTransposed();
  const input = path.join(dir, 'transposed.xlsx');

  beforeAll(async () => {
    await writeLayoutWorkbook(layout, input);
  });

  it('the CLI reads it turned, says so, scores it like its plain equivalent, writes nothing into the table (report and JSON only)', async () => {
    const out = path.join(dir, 'transposed.scored.xlsx');
    const json = path.join(dir, 'transposed.json');
    const before = sha256(input);
    const r = await runCli([input, '--out', out, '--json', json]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "'Tổng hợp': bảng xoay chiều (mỗi đơn vị một cột, D–Q; mỗi lĩnh vực một dòng, 4–10): đã đọc bằng cách chuyển vị",
    );
    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as {
      units: Row[];
      transposed: { unitColumns: string[]; fieldRows: number[] };
    };
    expect(report.units.map((u) => ({ name: u.name, rank: u.rank, band: u.band }))).toEqual(plainResult(layout));
    expect(report.transposed.unitColumns.slice(0, 3)).toEqual(['D', 'E', 'F']);
    expect(report.transposed.fieldRows).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(sha256(input)).toBe(before);
    // The scoring sheet of the copy is the input's, cell for cell; the report sheet is added.
    const [orig, copy] = [await readWorkbook(input), await readWorkbook(out)];
    const values = (wb: typeof orig) =>
      (wb.getWorksheet(SHEET)?.getSheetValues() ?? []).map((row) => JSON.stringify(row ?? null));
    expect(values(copy)).toEqual(values(orig));
    expect(copy.worksheets.map((w) => w.name).some((n) => n.startsWith('Báo cáo CCHC'))).toBe(true);
  });

  it('the add-in (fake host) gives the same bands and ranks, and writes nothing into the table, saying why', async () => {
    const fake = createFakeExcel({
      sheets: [{ name: SHEET, cells: layout.rows }],
      activeSheet: SHEET,
      selection: 'A1',
    });
    const inspection = await inspectWorkbook(runOf(fake), rules, 'vi');
    expect(inspection.result.units.map((u) => ({ name: u.name, rank: u.rank, band: u.band }))).toEqual(
      plainResult(layout),
    );
    expect(inspection.occupied).toEqual([]);
    const before = fake.host.snapshot();
    const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
    expect(outcome).toMatchObject({ status: 'failed', code: 'transposedNotWritten' });
    expect(outcome.status === 'failed' && outcome.message).toContain(
      'Trang “Tổng hợp” là bảng xoay chiều (mỗi đơn vị một cột)',
    );
    expect(outcome.status === 'failed' && outcome.inspection?.result.units.map((u) => u.band)).toEqual(
      plainResult(layout).map((u) => u.band),
    );
    expect(fake.host.snapshot()).toEqual(before);
  });
});

describe('a results-only table (an index column, no field points)', () => {
  const layout = genResultsOnly();
  const input = path.join(dir, 'results-only.xlsx');
  const national = path.join(ROOT, 'rules', 'bo-noi-vu-par-index-2024-nhom.json');

  beforeAll(async () => {
    await writeLayoutWorkbook(layout, input);
  });

  it('the CLI bands and ranks it from the index as given, says so, and the add-in (fake host) agrees', async () => {
    const json = path.join(dir, 'results-only.json');
    const r = await runCli([
      input,
      '--out',
      path.join(dir, 'results-only.scored.xlsx'),
      '--json',
      json,
      '--no-report-sheet',
      '--rules',
      national,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `'Tổng hợp': bảng chỉ có kết quả, không có điểm lĩnh vực: xếp loại và xếp hạng theo chỉ số ghi trong bảng (cột C, “Chỉ số CCHC (%)”), không tính lại.`,
    );
    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as {
      units: Row[];
      resultsOnly: boolean;
      authorityDisagreements: { cell: string }[];
    };
    expect(report.resultsOnly).toBe(true);
    const cli = report.units.map((u) => ({ name: u.name, rank: u.rank, band: u.band }));
    expect(cli).toEqual(plainResult(layout, NATIONAL_GROUPS_2024));
    expect(report.authorityDisagreements.map((d) => d.cell)).toEqual(layout.authorityOff);
    const a = await addIn(layout, NATIONAL_GROUPS_2024);
    expect(a.rows).toEqual(cli);
    expect(a.written).toEqual(a.expectedCells);
  });

  it('with a rule set that has field floors (the default): exit 1 naming the floor and the table, nothing written', async () => {
    const out = path.join(dir, 'results-only.floors.xlsx');
    const before = sha256(input);
    const r = await runCli([input, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bảng “Tổng hợp” chỉ có chỉ số (cột C), không có điểm từng lĩnh vực');
    expect(r.stderr).toContain('ngưỡng lĩnh vực cần điểm từng lĩnh vực');
    expect(fs.existsSync(out)).toBe(false);
    expect(sha256(input)).toBe(before);
    const fake = createFakeExcel({
      sheets: [{ name: SHEET, cells: layout.rows }],
      activeSheet: SHEET,
      selection: 'A1',
    });
    const outcome = await scoreWorkbook(runOf(fake), { rules, lang: 'vi' });
    expect(outcome.status).toBe('hasErrors');
    expect(outcome.status === 'hasErrors' && outcome.inspection.errors.map((f) => f.code)).toEqual([
      'floorsNeedPoints',
      'floorsNeedPoints',
      'floorsNeedPoints',
    ]);
  });
});

describe('a mapping confirmed in the add-in, stored in the workbook (the next run and the CLI use it)', () => {
  const layout = layouts.find((l) => l.map) as GenLayout;
  const roles = (parseColumnMap(layout.map as string) as { ok: true; roles: RoleOverrides }).roles;
  let stored: CellValue[][] = [];

  /** The table and the mapping sheet the add-in stored, as an .xlsx (the mapping sheet hidden, as Excel keeps it). */
  async function withStore(rows: CellValue[][], file: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEET);
    rows.forEach((row, r) =>
      row.forEach((v, c) => v !== null && v !== undefined && (ws.getCell(r + 1, c + 1).value = v)),
    );
    const m = wb.addWorksheet(MAPPING_SHEET, { state: 'veryHidden' });
    stored.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && (m.getCell(r + 1, c + 1).value = v)));
    await wb.xlsx.writeFile(file);
  }

  beforeAll(async () => {
    const fake = createFakeExcel({
      sheets: [{ name: SHEET, cells: layout.rows }],
      activeSheet: SHEET,
      selection: 'A1',
    });
    const outcome = await scoreSafely(runOf(fake), { lang: 'vi', override: { roles, sheet: SHEET } });
    expect(outcome.status).toBe('written');
    stored = (await readOwnedSheet(runOf(fake), MAPPING_SHEET)) ?? [];
  });

  it('a run with the mapping confirmed stores it (an owned sheet, each column with its role and header)', () => {
    const read = mappingFromRows(stored);
    expect(read).toMatchObject({ ok: true, mappings: [{ sheet: SHEET }] });
    expect(read.ok && read.mappings[0].columns.map((c) => `${c.column}=${c.role}`).join(',')).toBe(layout.map);
  });

  it('the next add-in run, unconfirmed, reads the table with it', async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: SHEET, cells: layout.rows },
        { name: MAPPING_SHEET, cells: stored, visibility: 'VeryHidden' },
      ],
      activeSheet: SHEET,
      selection: 'A1',
    });
    const outcome = await scoreSafely(runOf(fake), { lang: 'vi' });
    expect(outcome.status).toBe('written');
    expect(
      outcome.status === 'written' &&
        outcome.inspection.result.units.map((u) => ({ name: u.name, rank: u.rank, band: u.band })),
    ).toEqual(plainResult(layout));
  });

  it('the CLI, without --map, uses it and says so; the same bands and ranks', async () => {
    const input = path.join(dir, 'stored-map.xlsx');
    const json = path.join(dir, 'stored-map.json');
    await withStore(layout.rows, input);
    const r = await runCli([
      input,
      '--out',
      path.join(dir, 'stored-map.scored.xlsx'),
      '--json',
      json,
      '--no-report-sheet',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `'Tổng hợp': dùng cách đọc cột đã xác nhận, lưu trong sổ tính (trang ${MAPPING_SHEET}): ${layout.map}`,
    );
    const units = (JSON.parse(fs.readFileSync(json, 'utf8')) as { units: Row[] }).units.map((u) => ({
      name: u.name,
      rank: u.rank,
      band: u.band,
    }));
    expect(units).toEqual(plainResult(layout));
  });

  it('once a confirmed header changed, neither uses it: the CLI says why and proposes the mapping again (exit 1)', async () => {
    const changed = layout.rows.map((row) => row.slice());
    changed[3][3] = 'Điểm HĐTĐ';
    const input = path.join(dir, 'stale-map.xlsx');
    await withStore(changed, input);
    const r = await runCli([input, '--out', path.join(dir, 'stale-map.scored.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `cách đọc cột lưu trong sổ tính (trang ${MAPPING_SHEET}) không còn khớp với bảng (tiêu đề cột D đã khác lúc xác nhận)`,
    );
    expect(r.stderr).toContain('chưa chắc vai trò');
    const fake = createFakeExcel({
      sheets: [
        { name: SHEET, cells: changed },
        { name: MAPPING_SHEET, cells: stored, visibility: 'VeryHidden' },
      ],
      activeSheet: SHEET,
      selection: 'A1',
    });
    expect(await scoreSafely(runOf(fake), { lang: 'vi' })).toMatchObject({
      status: 'failed',
      code: 'uncertainColumns',
    });
  });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
