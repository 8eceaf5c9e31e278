import {
  AUDIT_SHEET,
  describeFinding,
  HAI_DUONG_2018,
  HAI_DUONG_2018_ABOVE_80,
  MAPPING_SHEET,
  RULES_SHEET,
  STATE_SHEET,
  parseColumnMap,
  previewRuleChange,
  ruleSetFingerprint,
  ruleSetToRows,
  type RoleOverrides,
  type RuleSet,
} from '../../src/engine';
import { appendAudit, auditEntryFor, readAuditLog, verifyAuditLog, AUDIT_COLUMNS } from '../../src/excel/audit';
import { readRulesRun, writeRules } from '../../src/excel/rules-store';
import { scoreWorkbook } from '../../src/excel/workbook';
import { applyRules, inspectWithRules, readOwnedSheet, scoreSafely } from '../../src/excel/safe-write';
import { createFakeExcel, type FakeExcel } from '../../tools/fake-excel';
import { runOf, sampleWorkbookData } from './helpers';
import { bandCell } from '../engine/rules-fixtures';
import { genLayouts, SHEET as LAYOUT_SHEET, type GenLayout } from '../fixtures/layouts';

const SHEET = 'Tổng hợp';
const clock = (iso: string) => () => new Date(iso);

/** The default with the "good" lower bound (and "complete" upper bound) at `pct`. */
function goodFrom(pct: number): RuleSet {
  return {
    ...HAI_DUONG_2018,
    id: `good-from-${pct}`,
    bands: HAI_DUONG_2018.bands.map((b) => {
      if (b.code === 'good') return { ...b, min: { pct, inclusive: true } };
      if (b.code === 'complete') return { ...b, max: { pct, inclusive: false } };
      return b;
    }),
  };
}

async function sample(): Promise<FakeExcel> {
  return createFakeExcel(await sampleWorkbookData());
}

/** Band per unit name, as the sheet shows them after a run. */
async function sheetBands(fake: FakeExcel): Promise<Record<string, string>> {
  const { inspection } = await inspectWithRules(runOf(fake), 'vi');
  const { read, layout, outputColumns } = inspection;
  const sheet = fake.host.sheet(SHEET);
  const out: Record<string, string> = {};
  for (const u of inspection.result.units) out[u.name] = String(sheet.values(`${outputColumns[2]}${u.row}`)[0][0]);
  expect(layout.outputCol).not.toBeNull();
  expect(read.sheet).toBe(SHEET);
  return out;
}

describe('the rule set stored in the workbook', () => {
  test('a workbook without one uses the default, and writes nothing to find out', async () => {
    const fake = await sample();
    const before = JSON.stringify(fake.host.snapshot());
    const stored = await readRulesRun(runOf(fake));
    expect(stored).toEqual({ source: 'default', rules: HAI_DUONG_2018, stamp: 'none' });
    expect(JSON.stringify(fake.host.snapshot())).toBe(before);
  });

  test("stored and read back; the owned sheet is VeryHidden, the user's view does not move", async () => {
    const fake = await sample();
    const run = runOf(fake);
    await run((context) => writeRules(context, HAI_DUONG_2018_ABOVE_80));
    const stored = await readRulesRun(run);
    expect(stored).toEqual({
      source: 'workbook',
      rules: HAI_DUONG_2018_ABOVE_80,
      stamp: ruleSetFingerprint(HAI_DUONG_2018_ABOVE_80),
    });
    expect(fake.host.sheet(RULES_SHEET).visibility).toBe('VeryHidden');
    expect(fake.host.activeSheet).toBe(SHEET);
    expect(fake.host.sheet(RULES_SHEET).values()).toEqual(ruleSetToRows(HAI_DUONG_2018_ABOVE_80));
    // Rewriting replaces the rows: a shorter rule set leaves no stale band behind.
    const three: RuleSet = {
      ...HAI_DUONG_2018,
      id: 'three',
      bands: [
        HAI_DUONG_2018.bands[0],
        HAI_DUONG_2018.bands[1],
        { ...HAI_DUONG_2018.bands[3], max: { pct: 80, inclusive: false } },
      ],
    };
    await run((context) => writeRules(context, three));
    expect(await readRulesRun(run)).toMatchObject({ source: 'workbook', rules: three });
    expect(fake.host.sheet(RULES_SHEET).values()).toEqual(ruleSetToRows(three));
  });

  test('labels that look like formulas stay text', async () => {
    const fake = await sample();
    const run = runOf(fake);
    const odd: RuleSet = {
      ...HAI_DUONG_2018,
      bands: HAI_DUONG_2018.bands.map((b, i) => (i === 0 ? { ...b, label: { vi: '=SUM(A1)', en: '+1' } } : b)),
    };
    await run((context) => writeRules(context, odd));
    expect(
      fake.host.sheet(RULES_SHEET).cell(bandCell(ruleSetToRows(odd), 'excellent', 'labelVi').address).formula,
    ).toBeNull();
    expect(await readRulesRun(run)).toMatchObject({ source: 'workbook', rules: odd });
  });

  test("a co-author's bad edit of the rules sheet is reported with its cell, and scoring refuses", async () => {
    const fake = await sample();
    const run = runOf(fake);
    await run((context) => writeRules(context, HAI_DUONG_2018));
    const goodMin = bandCell(ruleSetToRows(HAI_DUONG_2018), 'good', 'min').address;
    fake.host.setCell(RULES_SHEET, goodMin, 'tám mươi');
    const stored = await readRulesRun(run);
    expect(stored.source).toBe('invalid');
    const before = JSON.stringify(fake.host.snapshot());
    const outcome = await scoreSafely(run, { lang: 'vi' });
    expect(outcome.status).toBe('rulesInvalid');
    if (outcome.status !== 'rulesInvalid') return;
    expect(outcome.problems[0]).toMatchObject({
      kind: 'source',
      code: 'notANumber',
      where: `${RULES_SHEET}!${goodMin}`,
      band: 'good',
    });
    expect(JSON.stringify(fake.host.snapshot())).toBe(before);
  });
});

describe('preview and apply', () => {
  test('preview from the sheet lists exactly the units that change; apply writes rules, output and log in one go', async () => {
    const fake = await sample();
    const run = runOf(fake);
    expect((await scoreSafely(run, { lang: 'vi', now: clock('2024-03-01T08:00:00Z') })).status).toBe('written');
    const before = await sheetBands(fake);

    const { stored, inspection, stamp } = await inspectWithRules(run, 'vi');
    const next = goodFrom(85);
    const preview = previewRuleChange(inspection.result.table, stored.rules, next);
    if (!preview.ok) throw new Error('invalid');
    const expected = Object.keys(before).filter(
      (n) =>
        before[n] === 'Hoàn thành tốt nhiệm vụ' &&
        (inspection.result.units.find((u) => u.name === n)?.indexPct ?? 0) < 85,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(preview.changes.map((c) => c.name).sort()).toEqual(expected.sort());

    const outcome = await applyRules(run, next, {
      lang: 'vi',
      since: stamp,
      who: 'Phòng Nội vụ',
      now: clock('2024-03-01T09:00:00Z'),
    });
    expect(outcome.status).toBe('written');
    const after = await sheetBands(fake);
    for (const n of Object.keys(before))
      expect(after[n]).toBe(expected.includes(n) ? 'Hoàn thành nhiệm vụ' : before[n]);
    expect(await readRulesRun(run)).toMatchObject({ source: 'workbook', rules: next });

    const log = await readAuditLog(run);
    expect(log.brokenAt).toBeNull();
    expect(log.rows[0]).toEqual([...AUDIT_COLUMNS]);
    expect(log.rows.slice(1).map((r) => [r[0], r[1], r[2], r[8]])).toEqual([
      ['2024-03-01T08:00:00.000Z', 'scored', 'hai-duong-29-2018', ''],
      ['2024-03-01T09:00:00.000Z', 'rulesChanged', 'good-from-85', 'Phòng Nội vụ'],
      ['2024-03-01T09:00:00.000Z', 'scored', 'good-from-85', 'Phòng Nội vụ'],
    ]);
    expect(log.rows[3][4]).toBe(
      `excellent=0; good=${8 - expected.length}; complete=${15 + expected.length}; incomplete=0`,
    );
    for (const s of [RULES_SHEET, AUDIT_SHEET, STATE_SHEET]) expect(fake.host.sheet(s).visibility).toBe('VeryHidden');
  });

  test('an invalid rule set is refused before anything is read or written', async () => {
    const fake = await sample();
    const before = JSON.stringify(fake.host.snapshot());
    const bad = goodFrom(92); // "good" from 92% overlaps "excellent" from 90%
    const outcome = await applyRules(runOf(fake), bad, { lang: 'vi' });
    expect(outcome.status).toBe('rulesInvalid');
    if (outcome.status === 'rulesInvalid') expect(outcome.message).toContain('“good”');
    expect(JSON.stringify(fake.host.snapshot())).toBe(before);
  });
});

describe('safe writes on a shared workbook', () => {
  test("a co-author's edit of an input cell between read and write: nothing written, the cell named", async () => {
    const fake = await sample();
    const run = runOf(fake);
    const { inspection } = await inspectWithRules(run, 'vi');
    const unit = inspection.result.table.units[3];
    const cell = `${inspection.result.table.fields[1].column}${unit.row}`;
    let afterEdit = '';
    const outcome = await scoreSafely(run, {
      lang: 'vi',
      progress: (step) => {
        if (step !== 'score') return;
        fake.host.setCell(SHEET, cell, 1);
        afterEdit = JSON.stringify(fake.host.snapshot());
      },
    });
    expect(outcome.status).toBe('changedSinceRead');
    if (outcome.status !== 'changedSinceRead') return;
    expect(outcome.cells).toEqual([`'${SHEET}'!${cell}`]);
    expect(outcome.rules).toBeNull();
    expect(outcome.message).toContain(`'${SHEET}'!${cell}`);
    expect(JSON.stringify(fake.host.snapshot())).toBe(afterEdit);
  });

  test("a co-author's edit of the rules between read and write: nothing written, the rules named", async () => {
    const fake = await sample();
    const run = runOf(fake);
    await run((context) => writeRules(context, HAI_DUONG_2018));
    let afterEdit = '';
    const outcome = await scoreSafely(run, {
      lang: 'en',
      progress: (step) => {
        if (step !== 'score') return;
        fake.host.setCell(RULES_SHEET, bandCell(ruleSetToRows(HAI_DUONG_2018), 'good', 'min').address, 82);
        fake.host.setCell(RULES_SHEET, bandCell(ruleSetToRows(HAI_DUONG_2018), 'complete', 'max').address, 82);
        afterEdit = JSON.stringify(fake.host.snapshot());
      },
    });
    expect(outcome.status).toBe('changedSinceRead');
    if (outcome.status !== 'changedSinceRead') return;
    expect(outcome.cells).toEqual([]);
    expect(outcome.rules?.old).toBe(ruleSetFingerprint(HAI_DUONG_2018));
    expect(outcome.rules?.new).toBe(ruleSetFingerprint(goodFrom(82)));
    expect(outcome.message).toMatch(/^Someone changed the workbook since it was read \(the rule set/);
    expect(JSON.stringify(fake.host.snapshot())).toBe(afterEdit);
  });

  test('a row added under the table between read and write is a change of size', async () => {
    const fake = await sample();
    const run = runOf(fake);
    const { inspection } = await inspectWithRules(run, 'vi');
    const below = inspection.read.grid.length + 1;
    const outcome = await scoreSafely(run, {
      lang: 'vi',
      progress: (step) => step === 'score' && fake.host.setCell(SHEET, `B${below}`, 'Xã mới'),
    });
    expect(outcome.status).toBe('changedSinceRead');
    if (outcome.status === 'changedSinceRead') expect(outcome.size).not.toBeNull();
  });

  test('an edit after the preview (since) stops the apply, naming the cell', async () => {
    const fake = await sample();
    const run = runOf(fake);
    const { inspection, stamp } = await inspectWithRules(run, 'vi');
    const cell = inspection.result.table.units[0].nameAddress;
    fake.host.setCell(SHEET, cell, 'Xã Quang Khải (đã đổi tên)');
    const before = JSON.stringify(fake.host.snapshot());
    const outcome = await applyRules(run, goodFrom(85), { lang: 'vi', since: stamp });
    expect(outcome).toMatchObject({ status: 'changedSinceRead', cells: [`'${SHEET}'!${cell}`] });
    expect(JSON.stringify(fake.host.snapshot())).toBe(before);
  });

  test('the log only grows: two runs append two rows, the first byte-identical, the chain intact', async () => {
    const fake = await sample();
    const run = runOf(fake);
    expect((await scoreSafely(run, { lang: 'vi', now: clock('2024-03-01T08:00:00Z') })).status).toBe('written');
    const first = fake.host.snapshot().sheets.find((s) => s.name === AUDIT_SHEET);
    expect(first?.values).toHaveLength(2);
    expect((await scoreSafely(run, { lang: 'vi', now: clock('2024-03-02T08:00:00Z') })).status).toBe('written');
    const second = fake.host.snapshot().sheets.find((s) => s.name === AUDIT_SHEET);
    expect(second?.values).toHaveLength(3);
    for (const key of ['values', 'formulas', 'numberFormats', 'fills', 'fontBold', 'quotePrefix'] as const) {
      expect(JSON.stringify((second as unknown as Record<string, unknown[]>)[key].slice(0, 2))).toBe(
        JSON.stringify((first as unknown as Record<string, unknown[]>)[key]),
      );
    }
    expect(second?.values[2][9]).toBe(second?.values[1][10]);
    expect(verifyAuditLog(second?.values ?? [])).toBeNull();
    // A rewritten row breaks the chain at that row.
    fake.host.setCell(AUDIT_SHEET, 'E2', 'excellent=23');
    expect((await readAuditLog(run)).brokenAt).toBe(2);
  });

  test('a report generated is appended to the same chain', async () => {
    const fake = await sample();
    const run = runOf(fake);
    const scored = await scoreSafely(run, { lang: 'vi', now: clock('2024-03-01T08:00:00Z') });
    if (scored.status !== 'written') throw new Error(scored.status);
    await appendAudit(run, [
      auditEntryFor('reportGenerated', scored.inspection.result, {
        sheet: SHEET,
        who: 'Tổ thẩm định',
        time: new Date('2024-03-01T08:05:00Z'),
      }),
    ]);
    const log = await readAuditLog(run);
    expect(log.rows.map((r) => r[1])).toEqual(['Hành động (action)', 'scored', 'reportGenerated']);
    expect(log.rows[2][8]).toBe('Tổ thẩm định');
    expect(log.brokenAt).toBeNull();
  });

  test('an output cell edited by hand: outputEdited with the cell, nothing written; overwriteEdited goes ahead', async () => {
    const fake = await sample();
    const run = runOf(fake);
    const firstRun = await scoreSafely(run, { lang: 'vi' });
    if (firstRun.status !== 'written') throw new Error(firstRun.status);
    const unit = firstRun.inspection.result.units[2];
    const bandCell = `${firstRun.inspection.outputColumns[2]}${unit.row}`;
    fake.host.setCell(SHEET, bandCell, 'Hoàn thành xuất sắc nhiệm vụ');
    const before = JSON.stringify(fake.host.snapshot());

    const stopped = await scoreSafely(run, { lang: 'vi' });
    expect(stopped.status).toBe('outputEdited');
    if (stopped.status !== 'outputEdited') return;
    expect(stopped.cells).toEqual([`'${SHEET}'!${bandCell}`]);
    expect(stopped.message).toContain(bandCell);
    expect(JSON.stringify(fake.host.snapshot())).toBe(before);

    const forced = await scoreSafely(run, { lang: 'vi', overwriteEdited: true });
    expect(forced.status).toBe('written');
    expect(fake.host.sheet(SHEET).values(bandCell)[0][0]).toBe(
      unit.band === 'good' ? 'Hoàn thành tốt nhiệm vụ' : 'Hoàn thành nhiệm vụ',
    );
    // Once rewritten, the next run is clean again.
    expect((await scoreSafely(run, { lang: 'vi' })).status).toBe('written');
    const state = await readOwnedSheet(run, STATE_SHEET);
    expect(state?.[0][0]).toBe('PAR-OUTPUT');
  });

  test("a guarded run on a district table costs 4 syncs, first run or not: the plain run's 3 and 1 to check; the owned sheets ride on the table's read, the record on the write", async () => {
    const plain = await sample();
    const base = await scoreWorkbook(runOf(plain), { rules: HAI_DUONG_2018, lang: 'vi' });
    expect(base.stats).toEqual({ syncs: 3, readChunks: 1, writeChunks: 1 });
    const fake = await sample();
    const run = runOf(fake);
    fake.host.resetCounters();
    const outcome = await scoreSafely(run, { lang: 'vi' });
    expect(outcome.status).toBe('written');
    expect(outcome.stats).toEqual({ ...base.stats, syncs: base.stats.syncs + 1 });
    expect(fake.host.syncCount).toBe(4); // nothing outside the run
    fake.host.resetCounters();
    // Now with the owned sheets (the record, the log) to read and extend.
    const again = await scoreSafely(run, { lang: 'vi' });
    expect(again.status).toBe('written');
    expect(again.stats.syncs).toBe(4);
    expect(fake.host.syncCount).toBe(4);
    expect(fake.host.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(fake.host.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    // Applying rules writes them with the output: still 4.
    fake.host.resetCounters();
    expect((await applyRules(run, HAI_DUONG_2018, { lang: 'vi' })).stats.syncs).toBe(4);
    expect(fake.host.syncCount).toBe(4);
  });

  test('with a column mapping the user confirmed and the workbook stores, still 4: the mapping sheet rides with the other owned sheets', async () => {
    const layout = genLayouts().find((l) => l.map) as GenLayout;
    const roles = (parseColumnMap(layout.map as string) as { ok: true; roles: RoleOverrides }).roles;
    const fake = createFakeExcel({
      sheets: [{ name: LAYOUT_SHEET, cells: layout.rows }],
      activeSheet: LAYOUT_SHEET,
      selection: 'A1',
    });
    const run = runOf(fake);
    const confirmed = await scoreSafely(run, { lang: 'vi', override: { roles, sheet: LAYOUT_SHEET } });
    expect(confirmed.status).toBe('written');
    expect(confirmed.stats.syncs).toBe(4);
    expect(fake.host.sheetNames).toContain(MAPPING_SHEET);
    fake.host.resetCounters();
    // The next run, unconfirmed: the stored mapping is what lets it read the table at all.
    const again = await scoreSafely(run, { lang: 'vi' });
    expect(again.status).toBe('written');
    expect(fake.host.syncCount).toBe(4);
    const without = createFakeExcel({
      sheets: [{ name: LAYOUT_SHEET, cells: layout.rows }],
      activeSheet: LAYOUT_SHEET,
      selection: 'A1',
    });
    expect((await scoreSafely(runOf(without), { lang: 'vi' })).status).not.toBe('written');
  });

  test('a stored mapping whose confirmed header changed is not used, and the pane is told why (never silently)', async () => {
    const layout = genLayouts().find((l) => l.map) as GenLayout;
    const roles = (parseColumnMap(layout.map as string) as { ok: true; roles: RoleOverrides }).roles;
    const fake = createFakeExcel({
      sheets: [{ name: LAYOUT_SHEET, cells: layout.rows }],
      activeSheet: LAYOUT_SHEET,
      selection: 'A1',
    });
    const run = runOf(fake);
    expect((await scoreSafely(run, { lang: 'vi', override: { roles, sheet: LAYOUT_SHEET } })).status).toBe('written');
    // Still fitting: used, and no word about it.
    const fits = await inspectWithRules(run, 'vi');
    expect(fits.inspection.warnings.filter((w) => w.code === 'storedMappingStale')).toEqual([]);
    // A confirmed column's sub-title retyped: the mapping no longer fits that column.
    fake.host.setCell(LAYOUT_SHEET, 'C4', 'Điểm ĐV (sửa)');
    let said = '';
    try {
      const { inspection } = await inspectWithRules(run, 'vi');
      said = inspection.warnings.map((w) => describeFinding(w, 'vi')).join('\n');
    } catch (e) {
      said = (e as Error).message;
    }
    expect(said).toContain(MAPPING_SHEET);
    expect(said).toMatch(/tiêu đề cột C\b/);
  });
});
