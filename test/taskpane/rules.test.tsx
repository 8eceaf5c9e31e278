/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The "Tiêu chí" tab on the fake Excel host: the rules in force read from the workbook; a bound
 * edited into a gap flagged next to the field with Apply disabled; 80 → 82 previewing exactly the
 * units that change (and writing nothing); Apply writing the rules (read back with readRules),
 * re-scoring the band cells and logging; a co-author's edit and hand-edited output cells stopping
 * the run until the user re-reads or confirms "Ghi đè"; the scoring tab scoring with the
 * workbook's rules.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { checkDraft, draftOf, readPercent } from '../../src/taskpane/hooks/useRules';
import {
  HAI_DUONG_2018,
  HAI_DUONG_2018_ABOVE_80,
  RULES_SHEET,
  ruleSetFingerprint,
  ruleSetToRows,
  type RuleSet,
} from '../../src/engine';
import { readAuditLog } from '../../src/excel/audit';
import { readRulesRun, writeRules } from '../../src/excel/rules-store';
import type { LoadedWorkbook } from '../../src/workbench/loadXlsx';
import { fakeOf, loadSample } from './helpers';
import { bandCell } from '../engine/rules-fixtures';

const SHEET = 'Tổng hợp';
const GOOD = 'Hoàn thành tốt nhiệm vụ';
const COMPLETE = 'Hoàn thành nhiệm vụ';

let sample: LoadedWorkbook;
let restore: (() => void) | null = null;

beforeAll(async () => {
  sample = await loadSample();
});

afterEach(() => {
  cleanup();
  restore?.();
  restore = null;
});

/** The default with the "good" lower bound (and the "complete" upper bound) at `pct`. */
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

async function open(
  opts: { lang?: 'vi' | 'en'; before?: (f: ReturnType<typeof fakeOf>) => Promise<void>; scoringTable?: false } = {},
) {
  const f = fakeOf(sample);
  restore = f.restore;
  await opts.before?.(f);
  render(<App run={f.run} lang={opts.lang ?? 'vi'} />);
  await screen.findByTestId(opts.scoringTable === false ? 'rules-notice' : 'found-unit-count', {}, { timeout: 10000 });
  fireEvent.click(screen.getByRole('tab', { name: opts.lang === 'en' ? 'Rules' : 'Tiêu chí' }));
  await screen.findByTestId('rules-panel', {}, { timeout: 10000 });
  return f;
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
/** The messages listed under a band's row, each with the fields it concerns (data-fields: "min max"). */
const problemsOf = (code: string) =>
  Array.from(screen.queryByTestId(`rules-${code}-problems`)?.querySelectorAll('li') ?? []).map((li) => ({
    text: li.textContent ?? '',
    fields: li.getAttribute('data-fields') ?? '',
  }));
/** Opens a band's details (names, "từ"/"trên", per-field floors). */
const details = (code: string) => fireEvent.click(screen.getByTestId(`rules-${code}-details`));
/** Names the amended rule set by its decision (Apply is blocked until then). */
const decide = (number = '12/2024/QĐ-UBND', date = '2024-03-15') => {
  fireEvent.change(input('rules-decision-number'), { target: { value: number } });
  fireEvent.change(input('rules-decision-date'), { target: { value: date } });
};
/** The workbook holds no rules: confirm the default before the first write. */
async function confirmDefault() {
  fireEvent.click(await screen.findByTestId('rules-confirm'));
  await waitFor(() => expect(screen.queryByTestId('rules-notice')).toBeNull(), { timeout: 10000 });
}
const type = (testId: string, value: string) => fireEvent.change(input(testId), { target: { value } });
const applyButton = () => screen.getByTestId('rules-apply') as HTMLButtonElement;

async function preview() {
  fireEvent.click(screen.getByTestId('rules-preview-button'));
  return screen.findByTestId('rules-preview', {}, { timeout: 10000 });
}

/** Unit name → the band cell (column N) of the scoring sheet. */
function bandCells(f: ReturnType<typeof fakeOf>): Record<string, string> {
  const sheet = f.fake.host.sheet(SHEET);
  const out: Record<string, string> = {};
  for (let row = 7; row <= 29; row++)
    out[String(sheet.values(`B${row}`)[0][0])] = String(sheet.values(`N${row}`)[0][0]);
  return out;
}

test('shows the rule set in force: the default when the workbook holds none, labelled fields per band', async () => {
  await open();
  expect(screen.getByTestId('rules-source').getAttribute('data-source')).toBe('default');
  expect(screen.getByTestId('rules-source').textContent).toBe(
    'Sổ tính chưa có bộ tiêu chí; dùng mặc định: Hải Dương, Quyết định 29/2018/QĐ-UBND.',
  );
  // The form holds the default; each input is named by its band and its label (screen readers).
  const min = screen.getByRole('textbox', { name: 'Hoàn thành tốt nhiệm vụ Ngưỡng dưới (%)' }) as HTMLInputElement;
  expect(min.value).toBe('80');
  expect(screen.getByRole('textbox', { name: 'Hoàn thành tốt nhiệm vụ Mỗi lĩnh vực đạt ít nhất (%)' })).toBe(
    input('rules-good-floor'),
  );
  // One row per band in the compact table; the rest under "Chi tiết".
  expect(within(screen.getByTestId('rules-bands')).getAllByRole('row')).toHaveLength(1 + 4);
  details('good');
  details('complete');
  expect(
    screen.getByRole('combobox', { name: 'Hoàn thành tốt nhiệm vụ: Ngưỡng dưới: “từ” (kể cả) hay “trên” (không kể)' }),
  ).toBeTruthy();
  expect((screen.getByTestId('rules-good-min-kind') as HTMLSelectElement).value).toBe('inclusive');
  expect((screen.getByTestId('rules-good-max-kind') as HTMLSelectElement).value).toBe('exclusive');
  expect(input('rules-incomplete-floor').value).toBe('');
  expect(input('rules-excellent-floor').value).toBe('80');
  expect(screen.getByTestId('rules-dirty').getAttribute('data-dirty')).toBe('false');
  // Apply waits for a preview.
  expect(applyButton().disabled).toBe(true);
});

test('a bound edited into a gap: the message sits next to the field, Apply is disabled, nothing is written', async () => {
  const f = await open();
  const before = JSON.stringify(f.fake.host.snapshot());
  await preview();
  await waitFor(() => expect(applyButton().disabled).toBe(false));

  type('rules-good-min', '85');
  // In an officer's words: which bound must equal which, and who would be left without a band.
  const message =
    'Ngưỡng dưới của mức “Hoàn thành tốt nhiệm vụ” (85%) phải bằng ngưỡng trên của mức “Hoàn thành nhiệm vụ” (80%); nếu không, đơn vị đạt từ 80% đến 85% sẽ không được xếp loại';
  expect(problemsOf('good')).toEqual([{ text: message, fields: 'min' }]);
  expect(input('rules-good-min').getAttribute('aria-invalid')).toBe('true');
  // The message describes the input (aria-describedby → the message under the row).
  const described = input('rules-good-min')
    .getAttribute('aria-describedby')!
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '');
  expect(described).toEqual([message]);
  // The neighbouring bound shares the problem; the others are clean.
  expect(problemsOf('complete')).toEqual([{ text: message, fields: 'max' }]);
  expect(input('rules-complete-max').getAttribute('aria-invalid')).toBe('true');
  expect(input('rules-excellent-min').getAttribute('aria-invalid')).toBeNull();
  expect(screen.getByTestId('rules-problems').textContent).toContain('1 lỗi');
  expect(applyButton().disabled).toBe(true);
  expect(screen.getByTestId('rules-preview-invalid')).toBeTruthy();

  // Not a number, and an exclusive/inclusive pair that overlaps.
  type('rules-good-min', 'tám mươi');
  expect(problemsOf('good')).toEqual([
    { text: '“tám mươi” không phải là số: hãy nhập một số như 82,5', fields: 'min' },
  ]);
  type('rules-good-min', '80');
  details('complete');
  fireEvent.change(screen.getByTestId('rules-complete-max-kind'), { target: { value: 'inclusive' } });
  expect(problemsOf('good')[0].text).toBe(
    'Đơn vị đạt đúng 80% sẽ thuộc cả hai mức “Hoàn thành tốt nhiệm vụ” và “Hoàn thành nhiệm vụ”: chọn “trên” cho ngưỡng dưới của mức “Hoàn thành tốt nhiệm vụ” hoặc “dưới” cho ngưỡng trên của mức “Hoàn thành nhiệm vụ”',
  );
  // A lower bound above the upper one.
  fireEvent.change(screen.getByTestId('rules-complete-max-kind'), { target: { value: 'exclusive' } });
  type('rules-complete-min', '81');
  expect(problemsOf('complete').map((p) => p.text)).toContain(
    'Mức “Hoàn thành nhiệm vụ”: ngưỡng dưới phải nhỏ hơn ngưỡng trên (đang là 81% và 80%)',
  );
  type('rules-complete-min', '65');
  expect(screen.getByTestId('rules-dirty').getAttribute('data-dirty')).toBe('false');

  // A decimal comma closes it: từ 82,5 / dưới 82,5.
  type('rules-good-min', '82,5');
  type('rules-complete-max', '82,5');
  expect(screen.queryByTestId('rules-problems')).toBeNull();
  // An amended rule set: Apply is blocked, with the reason, until its decision names it.
  expect(applyButton().disabled).toBe(true);
  expect(screen.getByTestId('rules-decision-needed').textContent).toContain(
    'hãy ghi số hiệu, ngày và cơ quan ban hành văn bản trước khi áp dụng',
  );
  expect(screen.getByTestId('rules-apply-hint').textContent).toContain('Chưa áp dụng được');
  decide();
  await waitFor(() => expect(applyButton().disabled).toBe(false));
  expect(screen.getByTestId('rules-decision-name').textContent).toBe(
    'Báo cáo sẽ trích dẫn bộ tiêu chí này là: UBND tỉnh Hải Dương, Quyết định số 12/2024/QĐ-UBND ngày 15/03/2024',
  );
  expect(input('rules-good-min').getAttribute('aria-invalid')).toBeNull();
  expect(JSON.stringify(f.fake.host.snapshot())).toBe(before);
});

test('moving 80 → 82 previews exactly the units that change, with the reason, and writes nothing', async () => {
  const f = await open();
  const before = JSON.stringify(f.fake.host.snapshot());
  await preview();
  expect(screen.getByTestId('rules-preview-summary').textContent).toBe(
    'Không có đơn vị nào thay đổi mức xếp loại hay xếp hạng.',
  );

  type('rules-good-min', '82');
  type('rules-complete-max', '82');
  // The units rated good today with an index under 82%: only Tái Sơn (81,53%).
  await waitFor(() =>
    expect(screen.getAllByTestId('rules-preview-item').map((li) => li.getAttribute('data-unit'))).toEqual(['Tái Sơn']),
  );
  const item = screen.getByTestId('rules-preview-item');
  expect(item.textContent).toContain(`Tái Sơn (81,53%): ${GOOD} → ${COMPLETE}`);
  expect(item.textContent).toContain(`ngưỡng mức “${GOOD}” từ 80% lên 82%: chỉ số 81,53% không còn đạt`);
  expect(screen.getByTestId('rules-preview-summary').textContent).toBe('1/23 đơn vị thay đổi mức xếp loại.');
  expect(screen.getByTestId('rules-count-good').textContent).toBe(`${GOOD}: 8 → 7`);
  expect(screen.getByTestId('rules-count-complete').textContent).toBe(`${COMPLETE}: 15 → 16`);
  expect(screen.getByTestId('rules-dirty').getAttribute('data-dirty')).toBe('true');
  expect((screen.getByTestId('rules-preset') as HTMLSelectElement).value).toBe('custom');

  // 85: the units of 80–85% that were good; Thị trấn Tứ Kỳ and the others above 85% stay.
  type('rules-good-min', '85');
  type('rules-complete-max', '85');
  await waitFor(() => expect(screen.getByTestId('rules-count-good').textContent).toBe(`${GOOD}: 8 → 7`));
  expect(screen.getAllByTestId('rules-preview-item').map((li) => li.getAttribute('data-unit'))).toEqual(['Tái Sơn']);

  // The "trên 80%" preset: nobody sits on exactly 80%.
  fireEvent.change(screen.getByTestId('rules-preset'), { target: { value: HAI_DUONG_2018_ABOVE_80.id } });
  await waitFor(() =>
    expect(screen.getByTestId('rules-preview-summary').textContent).toBe(
      'Không có đơn vị nào thay đổi mức xếp loại hay xếp hạng.',
    ),
  );
  details('good');
  expect((screen.getByTestId('rules-good-min-kind') as HTMLSelectElement).value).toBe('exclusive');
  // Back to the rules in force.
  fireEvent.click(screen.getByTestId('rules-reset'));
  expect(input('rules-good-min').value).toBe('80');
  expect((screen.getByTestId('rules-preset') as HTMLSelectElement).value).toBe('inForce');

  expect(JSON.stringify(f.fake.host.snapshot())).toBe(before);
});

test('Apply writes the rules (read back), re-scores the band cells, logs, and the scoring tab follows', async () => {
  const f = await open();
  // Score first with the default (confirmed: the workbook holds no rules), to see the band cells change.
  fireEvent.click(screen.getByRole('tab', { name: 'Chấm điểm' }));
  await confirmDefault();
  fireEvent.click(await screen.findByRole('button', { name: 'Chấm điểm' }));
  await waitFor(() => expect(screen.getByTestId('outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  const scored = bandCells(f);
  expect(scored['Tái Sơn']).toBe(GOOD);

  fireEvent.click(screen.getByRole('tab', { name: 'Tiêu chí' }));
  await screen.findByTestId('rules-panel', {}, { timeout: 10000 });
  type('rules-good-min', '82');
  type('rules-complete-max', '82');
  fireEvent.change(screen.getByTestId('rules-who'), { target: { value: 'Phòng Nội vụ' } });
  await preview();
  decide();
  await waitFor(() => expect(applyButton().disabled).toBe(false));
  await act(async () => {
    fireEvent.click(applyButton());
  });
  await waitFor(() => expect(screen.getByTestId('rules-outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  // Cited by its decision, never "(đã sửa)".
  expect(screen.getByTestId('rules-outcome').textContent).toBe(
    'Đã áp dụng bộ tiêu chí “UBND tỉnh Hải Dương, Quyết định số 12/2024/QĐ-UBND ngày 15/03/2024”: đã ghi vào sổ tính, chấm lại 23 đơn vị (cột L–O của trang tính “Tổng hợp”) và ghi nhật ký.',
  );

  // The rules, read back from the workbook.
  const stored = await readRulesRun(f.run);
  expect(stored.source).toBe('workbook');
  const good = stored.rules.bands.find((b) => b.code === 'good')!;
  const complete = stored.rules.bands.find((b) => b.code === 'complete')!;
  expect(good.min).toEqual({ pct: 82, inclusive: true });
  expect(complete.max).toEqual({ pct: 82, inclusive: false });
  expect(stored.rules.id).toBe('12-2024-qd-ubnd');
  expect(stored.rules.decision).toEqual({
    number: '12/2024/QĐ-UBND',
    date: '2024-03-15',
    issuer: HAI_DUONG_2018.decision!.issuer,
  });
  expect(f.fake.host.sheet(RULES_SHEET).visibility).toBe('VeryHidden');

  // Band cells: Tái Sơn only.
  const now = bandCells(f);
  expect(now['Tái Sơn']).toBe(COMPLETE);
  expect(Object.keys(now).filter((name) => now[name] !== scored[name])).toEqual(['Tái Sơn']);

  // Logged: the default confirmed, the first scoring from the Chấm điểm tab (no name given
  // there), then the apply: rules changed, then scored, with the name typed.
  const log = await readAuditLog(f.run);
  expect(log.brokenAt).toBeNull();
  expect(log.rows.slice(1).map((row) => [row[1], row[8]])).toEqual([
    ['rulesChanged', ''],
    ['scored', ''],
    ['rulesChanged', 'Phòng Nội vụ'],
    ['scored', 'Phòng Nội vụ'],
  ]);

  // The pane now shows the workbook's rules; the form follows them.
  await waitFor(() => expect(screen.getByTestId('rules-source').getAttribute('data-source')).toBe('workbook'));
  expect(screen.getByTestId('rules-source').textContent).toContain(`(trang “${RULES_SHEET}”)`);
  expect(input('rules-good-min').value).toBe('82');
  expect(screen.getByTestId('rules-dirty').getAttribute('data-dirty')).toBe('false');
  expect(applyButton().disabled).toBe(true);

  // The scoring tab scores with the workbook's rules: 7 good.
  fireEvent.click(screen.getByRole('tab', { name: 'Chấm điểm' }));
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  await waitFor(() => expect(screen.getByTestId('outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect((await screen.findByTestId('band-count-good')).textContent).toBe('7/23');
  expect(bandCells(f)['Tái Sơn']).toBe(COMPLETE);
});

test('the scoring tab uses the rules stored in the workbook from the start', async () => {
  const f = await open({ before: (x) => x.run((context) => writeRules(context, goodFrom(85))) });
  expect(screen.getByTestId('rules-source').getAttribute('data-source')).toBe('workbook');
  expect(input('rules-good-min').value).toBe('85');
  fireEvent.click(screen.getByRole('tab', { name: 'Chấm điểm' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Chấm điểm' }));
  await waitFor(() => expect(screen.getByTestId('outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect((await screen.findByTestId('band-count-good')).textContent).toBe('7/23');
  expect(bandCells(f)['Tái Sơn']).toBe(COMPLETE);
});

test('an invalid rules sheet: the scoring tab says so and scores nothing; the editor can replace it', async () => {
  const f = await open({
    before: async (x) => {
      await x.run((context) => writeRules(context, HAI_DUONG_2018));
      x.fake.host.setCell(RULES_SHEET, bandCell(ruleSetToRows(HAI_DUONG_2018), 'good', 'min').address, 'tám mươi');
    },
    scoringTable: false,
  });
  expect(screen.getByTestId('rules-store-invalid').textContent).toContain('“tám mươi” không phải là số');
  fireEvent.click(screen.getByRole('tab', { name: 'Chấm điểm' }));
  expect((await screen.findByTestId('rules-notice')).getAttribute('data-kind')).toBe('invalid');
  expect((screen.getByTestId('score-button') as HTMLButtonElement).disabled).toBe(true);

  fireEvent.click(screen.getByRole('tab', { name: 'Tiêu chí' }));
  await screen.findByTestId('rules-panel', {}, { timeout: 10000 });
  await preview();
  await act(async () => {
    fireEvent.click(applyButton());
  });
  await waitFor(() => expect(screen.getByTestId('rules-outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect(await readRulesRun(f.run)).toMatchObject({ source: 'workbook', rules: { bands: HAI_DUONG_2018.bands } });
  fireEvent.click(screen.getByRole('tab', { name: 'Chấm điểm' }));
  await waitFor(() => expect(screen.queryByTestId('rules-notice')).toBeNull());
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
});

test('a co-author edits the table after the preview: nothing is written, the cell is named; re-read and apply', async () => {
  const f = await open();
  type('rules-good-min', '82');
  type('rules-complete-max', '82');
  decide();
  await preview();
  f.fake.host.setCell(SHEET, 'K22', 70); // Tái Sơn, last year's index
  const before = JSON.stringify(f.fake.host.snapshot());
  await act(async () => {
    fireEvent.click(applyButton());
  });
  await waitFor(
    () => expect(screen.getByTestId('rules-outcome').getAttribute('data-status')).toBe('changedSinceRead'),
    { timeout: 10000 },
  );
  expect(screen.getByTestId('rules-outcome').textContent).toContain(`'${SHEET}'!K22`);
  expect(screen.getByTestId('rules-outcome').textContent).toContain('chưa ghi gì');
  expect(JSON.stringify(f.fake.host.snapshot())).toBe(before);
  expect((await readRulesRun(f.run)).source).toBe('default');
  expect(screen.getByTestId('rules-decision-name').textContent).toContain('12/2024/QĐ-UBND');

  fireEvent.click(screen.getByTestId('rules-reread'));
  await waitFor(() => expect(screen.queryByTestId('rules-outcome')).toBeNull(), { timeout: 10000 });
  await screen.findByTestId('rules-preview');
  await waitFor(() => expect(applyButton().disabled).toBe(false));
  await act(async () => {
    fireEvent.click(applyButton());
  });
  await waitFor(() => expect(screen.getByTestId('rules-outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect((await readRulesRun(f.run)).source).toBe('workbook');
});

test('output cells edited by hand: listed, nothing written until "Ghi đè" is confirmed', async () => {
  const f = await open();
  // A first apply writes the output and the record of it.
  await preview();
  await act(async () => {
    fireEvent.click(applyButton());
  });
  await waitFor(() => expect(screen.getByTestId('rules-outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  f.fake.host.setCell(SHEET, 'N22', 'Hoàn thành xuất sắc nhiệm vụ');

  type('rules-good-min', '82');
  type('rules-complete-max', '82');
  decide();
  await preview();
  await waitFor(() => expect(applyButton().disabled).toBe(false));
  const before = JSON.stringify(f.fake.host.snapshot());
  await act(async () => {
    fireEvent.click(applyButton());
  });
  await waitFor(() => expect(screen.getByTestId('rules-outcome').getAttribute('data-status')).toBe('outputEdited'), {
    timeout: 10000,
  });
  expect(
    within(screen.getByTestId('rules-edited-cells'))
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([`'${SHEET}'!N22`]);
  expect(JSON.stringify(f.fake.host.snapshot())).toBe(before);

  // "Huỷ" keeps everything; "Ghi đè" goes ahead.
  fireEvent.click(screen.getByTestId('rules-cancel'));
  expect(screen.queryByTestId('rules-outcome')).toBeNull();
  await act(async () => {
    fireEvent.click(applyButton());
  });
  await screen.findByTestId('rules-overwrite', {}, { timeout: 10000 });
  await act(async () => {
    fireEvent.click(screen.getByTestId('rules-overwrite'));
  });
  await waitFor(() => expect(screen.getByTestId('rules-outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect(f.fake.host.sheet(SHEET).values('N22')[0][0]).toBe(COMPLETE);
  expect((await readRulesRun(f.run)).rules.bands[1].min.pct).toBe(82);
});

test('in English: labels, and the messages in English', async () => {
  await open({ lang: 'en' });
  expect(screen.getByRole('heading', { name: 'Rule set in force' })).toBeTruthy();
  const min = screen.getByRole('textbox', { name: 'Good Lower bound (%)' }) as HTMLInputElement;
  fireEvent.change(min, { target: { value: '85' } });
  expect(problemsOf('good')[0].text).toBe(
    'The lower bound of band “Good” (85%) must equal the upper bound of band “Complete” (80%); otherwise units scoring from 80% to 85% get no band',
  );
  expect(screen.getByTestId('rules-apply').textContent).toBe('Apply');
});

test('the draft check: decimal comma or point, percent sign, empty floor; problems on their fields', () => {
  expect(readPercent('82,5')).toBe(82.5);
  expect(readPercent('82.5 %')).toBe(82.5);
  expect(readPercent('')).toBeNull();
  expect(readPercent('abc')).toBeNaN();
  const draft = draftOf(HAI_DUONG_2018, 'vi');
  const clean = checkDraft(draft, 'vi');
  expect(clean).toMatchObject({ errors: {}, general: [], count: 0 });
  // An untouched form gives back the rule set it was loaded with (same meaning, same decision).
  expect(ruleSetFingerprint(clean.rules!)).toBe(ruleSetFingerprint(HAI_DUONG_2018));
  expect(clean.rules!.decision).toEqual(HAI_DUONG_2018.decision);
  const top = { ...draft, bands: draft.bands.map((b, i) => (i === 0 ? { ...b, maxText: '99', labelEn: ' ' } : b)) };
  const check = checkDraft(top, 'vi');
  expect(check.rules).toBeNull();
  expect(check.errors['b0.max']).toEqual(['Mức cao nhất phải đến hết 100% (chọn “đến” 100), đang dừng ở 99%']);
  expect(check.errors['b0.labelEn']).toEqual(['Cần nhập tên mức']);
  const empty = { ...draft, bands: draft.bands.map((b, i) => (i === 3 ? { ...b, minText: '' } : b)) };
  expect(checkDraft(empty, 'vi').errors['b3.min']).toEqual(['Cần nhập một số từ 0 đến 100 (ví dụ 82,5)']);
});
