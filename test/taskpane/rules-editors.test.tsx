/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Issue 16 on the "Tiêu chí" tab: a floor per field (edited under a band's "Chi tiết", previewed
 * with the field named, applied once the decision names the set), the settings (rounding, rank
 * method), the components when the rule set has them, the blocks (their own bands, ranked or
 * not) and the preview of a block change; and a workbook with no stored rules asking to confirm
 * the default or pick a preset before anything is written.
 */
import { cleanup, fireEvent, render, screen, waitFor, within, act } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { RulesPreview } from '../../src/taskpane/components/RulesPreview';
import { checkDraft, draftOf, ruleSetOf, type PreviewRead } from '../../src/taskpane/hooks/useRules';
import { withBand, withBlock } from '../../src/taskpane/hooks/useRulesDraft';
import {
  HAI_DUONG_2018,
  NATIONAL_GROUPS_2024,
  RULES_SHEET,
  messages,
  rangeText,
  previewRuleChange,
  ruleSetFingerprint,
  type RuleSet,
} from '../../src/engine';
import { readAuditLog } from '../../src/excel/audit';
import { readRulesRun, writeRules } from '../../src/excel/rules-store';
import type { LoadedWorkbook } from '../../src/workbench/loadXlsx';
import { fakeOf, loadSample } from './helpers';
import { EVERY_FEATURE, tableWith } from '../engine/rules-fixtures';

const SHEET = 'Tổng hợp';
const GOOD = 'Hoàn thành tốt nhiệm vụ';

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

async function open(opts: { before?: (f: ReturnType<typeof fakeOf>) => Promise<void> } = {}) {
  const f = fakeOf(sample);
  restore = f.restore;
  await opts.before?.(f);
  render(<App run={f.run} lang="vi" />);
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
  fireEvent.click(screen.getByRole('tab', { name: 'Tiêu chí' }));
  await screen.findByTestId('rules-panel', {}, { timeout: 10000 });
  return f;
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const type = (testId: string, value: string) => fireEvent.change(input(testId), { target: { value } });
const applyButton = () => screen.getByTestId('rules-apply') as HTMLButtonElement;
const items = () => screen.queryAllByTestId('rules-preview-item');
/** Opens a collapsed part of the form ("Cách so sánh và xếp hạng", "Khối xếp hạng"). */
const openPart = (testId: string) => fireEvent.click(within(screen.getByTestId(testId)).getByRole('button'));

/** Unit name → band cell (column N) of the scoring sheet. */
function bandCells(f: ReturnType<typeof fakeOf>): Record<string, string> {
  const sheet = f.fake.host.sheet(SHEET);
  const out: Record<string, string> = {};
  for (let row = 7; row <= 29; row++)
    out[String(sheet.values(`B${row}`)[0][0])] = String(sheet.values(`N${row}`)[0][0]);
  return out;
}

test('the form round-trips a rule set using every feature: same meaning, same decision, no problem', () => {
  const check = checkDraft(draftOf(EVERY_FEATURE, 'vi'), 'vi');
  expect(check).toMatchObject({ errors: {}, general: [], count: 0 });
  expect(ruleSetFingerprint(check.rules!)).toBe(ruleSetFingerprint(EVERY_FEATURE));
  expect(check.rules!.decision).toEqual(EVERY_FEATURE.decision);
  expect(check.rules!.components).toEqual(EVERY_FEATURE.components);
  // A change in a block's own band is a change of meaning.
  const moved = withBand(draftOf(EVERY_FEATURE, 'vi'), { block: 1, index: 0 }, { minText: '86' });
  const movedRules = ruleSetOf(moved).rules;
  expect(ruleSetFingerprint(movedRules)).not.toBe(ruleSetFingerprint(EVERY_FEATURE));
  expect(movedRules.blocks![1].bands![0].min.pct).toBe(86);
});

test('a floor per field: edited under "Chi tiết", previewed with the field named, applied once named by its decision', async () => {
  const f = await open();
  fireEvent.click(screen.getByTestId('rules-preview-button'));
  await screen.findByTestId('rules-preview', {}, { timeout: 10000 });
  // The fields of the table read are offered.
  fireEvent.click(screen.getByTestId('rules-good-details'));
  fireEvent.click(screen.getByTestId('rules-good-ff-add'));
  const offered = Array.from(screen.getByTestId('rules-good-field-floors').querySelectorAll('datalist option')).map(
    (o) => o.getAttribute('value') ?? '',
  );
  expect(offered).toHaveLength(7);
  // A field with no name is flagged on its input.
  expect(screen.getByTestId('rules-good-problems').textContent).toContain('Cần nhập tên lĩnh vực');
  type('rules-good-ff0-pct', '95');
  // The first field that holds back some unit rated "good" at 95%.
  let field = '';
  for (const label of offered) {
    type('rules-good-ff0-field', label);
    if (items().length > 0) {
      field = label;
      break;
    }
  }
  expect(field).not.toBe('');
  expect(within(screen.getByTestId('rules-good-row')).getByText('+1 riêng')).toBeTruthy();
  const reason = `ngưỡng lĩnh vực “${field}” của mức “${GOOD}” 70% → 95%`;
  const changed = items().map((li) => li.getAttribute('data-unit') ?? '');
  for (const li of items()) {
    expect(li.textContent).toContain(`${GOOD} → `);
    expect(li.textContent).toContain(reason);
  }

  // Apply is blocked, with the reason, until the amended set is named.
  expect(applyButton().disabled).toBe(true);
  expect(screen.getByTestId('rules-decision-needed')).toBeTruthy();
  type('rules-decision-number', '7/2025/QĐ-UBND');
  await waitFor(() => expect(applyButton().disabled).toBe(false));
  await act(async () => {
    fireEvent.click(applyButton());
  });
  await waitFor(() => expect(screen.getByTestId('rules-outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  const stored = await readRulesRun(f.run);
  expect(stored.rules.bands.find((b) => b.code === 'good')!.fieldFloors).toEqual([{ field, pct: 95 }]);
  expect(stored.rules.name.vi).toBe('UBND tỉnh Hải Dương, Quyết định số 7/2025/QĐ-UBND');
  // The rules in force, as the tab shows them, list the field's own floor under the band's.
  await waitFor(() => expect(screen.getByTestId('rules-source').getAttribute('data-source')).toBe('workbook'));
  expect(within(screen.getByTestId('rules-in-force-table')).getByTestId('field-floors-good').textContent).toBe(
    `${field}: 95%`,
  );
  // The units the preview named are no longer "good" in the sheet; the others are as the default rates them.
  const cells = bandCells(f);
  for (const name of changed) expect(cells[name]).not.toBe(GOOD);
});

test('the settings: rounding and rank method, stored with the rules', async () => {
  const f = await open();
  openPart('rules-settings-header');
  fireEvent.change(screen.getByTestId('rules-index-decimals'), { target: { value: '2' } });
  fireEvent.change(screen.getByTestId('rules-rank-method'), { target: { value: 'dense' } });
  expect(screen.getByTestId('rules-dirty').getAttribute('data-dirty')).toBe('true');
  // The default has no components: no components editor.
  expect(screen.queryByTestId('rules-components')).toBeNull();
  fireEvent.click(screen.getByTestId('rules-preview-button'));
  await screen.findByTestId('rules-preview', {}, { timeout: 10000 });
  type('rules-decision-number', '8/2025/QĐ-UBND');
  await waitFor(() => expect(applyButton().disabled).toBe(false));
  await act(async () => {
    fireEvent.click(applyButton());
  });
  await waitFor(() => expect(screen.getByTestId('rules-outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect((await readRulesRun(f.run)).rules).toMatchObject({ indexDecimals: 2, rankMethod: 'dense' });
});

test('components: edited when the rule set has them; their problems on their fields', async () => {
  await open({ before: (x) => x.run((context) => writeRules(context, EVERY_FEATURE)) });
  expect(screen.getByTestId('rules-dirty').getAttribute('data-dirty')).toBe('false');
  openPart('rules-settings-header');
  expect(input('rules-component-appraisal-points').value).toBe('70');
  // Each part named as the rule set names it.
  expect(screen.getByTestId('rules-component-survey').querySelector('legend')!.textContent).toBe(
    EVERY_FEATURE.components!.survey.label.vi,
  );
  expect(input('rules-component-survey-points').value).toBe('30');
  expect(input('rules-convert-without-survey').checked).toBe(true);
  type('rules-component-survey-points', '0');
  expect(screen.getByTestId('rules-component-survey').textContent).toContain(
    'Số điểm phải lớn hơn 0, tối đa 4 chữ số sau dấu phẩy',
  );
  type('rules-component-survey-points', 'ba mươi');
  expect(screen.getByTestId('rules-component-survey').textContent).toContain('“ba mươi” không phải là số');
  expect(screen.getByTestId('rules-problems').textContent).toContain('1 lỗi');
  type('rules-component-survey-points', '30');
  fireEvent.click(input('rules-component-survey-floor'));
  expect(screen.getByTestId('rules-dirty').getAttribute('data-dirty')).toBe('true');
  expect(screen.queryByTestId('rules-problems')).toBeNull();
});

test('blocks: added, named, given their own bands; problems said on their fields', async () => {
  await open();
  openPart('rules-blocks-header');
  expect(screen.getByTestId('rules-blocks').textContent).toContain('Chưa có khối');
  fireEvent.click(screen.getByTestId('rules-block-add'));
  expect(screen.getByTestId('rules-block-0').textContent).toContain('Cần nhập mã khối');
  type('rules-k0-code', 'phuong');
  expect(screen.getByTestId('rules-block-0').textContent).toContain('Cần nhập tên khối bằng tiếng Việt và tiếng Anh');
  type('rules-k0-labelVi', 'Phường');
  type('rules-k0-labelEn', 'Wards');
  expect(screen.queryByTestId('rules-problems')).toBeNull();
  fireEvent.click(input('rules-k0-own-bands'));
  const own = screen.getByTestId('rules-k0-bands');
  expect(within(own).getAllByRole('row')).toHaveLength(1 + HAI_DUONG_2018.bands.length);
  type('rules-k0-good-min', '85');
  // The block's own band: the message under its row, not under the rule set's.
  expect(screen.getByTestId('rules-k0-good-problems').textContent).toContain(
    'Khối “Phường”: Ngưỡng dưới của mức “Hoàn thành tốt nhiệm vụ” (85%) phải bằng ngưỡng trên',
  );
  expect(screen.queryByTestId('rules-good-problems')).toBeNull();
  type('rules-k0-complete-max', '85');
  expect(screen.queryByTestId('rules-problems')).toBeNull();
  fireEvent.click(input('rules-k0-ranked'));
  expect(screen.getByTestId('rules-dirty').getAttribute('data-dirty')).toBe('true');
});

test('the preview names a block change: a block left out of ranking, a block given its own bands', () => {
  const before: RuleSet = {
    ...HAI_DUONG_2018,
    blocks: [
      { code: 'xa', label: { vi: 'Xã', en: 'Communes' }, ranked: true },
      { code: 'phuong', label: { vi: 'Phường', en: 'Wards' }, ranked: true },
    ],
  };
  const table = tableWith([
    { name: 'Xã A', scores: [92, 91, 93], extra: { block: 'xa' } },
    { name: 'Phường 1', scores: [90, 66, 90], extra: { block: 'phuong' } },
    { name: 'Phường 2', scores: [84, 84, 84], extra: { block: 'phuong' } },
  ]);
  const read = {
    stored: { source: 'workbook', rules: before, stamp: 'x' },
    inspection: { errors: [], read: { sheet: 'Tổng hợp' } },
  } as unknown as PreviewRead;
  const show = (after: RuleSet) => {
    const preview = previewRuleChange(table, before, after);
    if (!preview.ok) throw new Error('invalid');
    render(
      <FluentProvider theme={webLightTheme}>
        <RulesPreview preview={preview} read={read} newRules={after} lang="vi" r={messages('vi').rulesUi} />
      </FluentProvider>,
    );
    return screen.getAllByTestId('rules-preview-item');
  };

  // Made with the form's own helpers: the block's "ranked" box cleared.
  const unranked = ruleSetOf(withBlock(draftOf(before, 'vi'), 1, { ranked: false })).rules;
  const list = show(unranked);
  expect(list.map((li) => li.getAttribute('data-unit')).sort()).toEqual(['Phường 1', 'Phường 2']);
  for (const li of list) expect(li.textContent).toContain('khối “Phường” không xếp hạng');
  cleanup();

  // Its own bands: copied from the rule set's, then the "good" bound raised to 85% within the block.
  let draft = withBlock(draftOf(before, 'vi'), 1, { ownBands: true });
  draft = withBand(
    withBand(draft, { block: 1, index: 1 }, { minText: '85' }),
    { block: 1, index: 2 },
    { maxText: '85' },
  );
  const own = ruleSetOf(draft).rules;
  expect(checkDraft(draft, 'vi').count).toBe(0);
  const moved = show(own);
  expect(moved.map((li) => li.getAttribute('data-unit'))).toEqual(['Phường 2']);
  expect(moved[0].textContent).toContain('khối “Phường” có mức xếp loại riêng');
});

test('no stored rules: nothing is written until the default is confirmed or a preset picked; the choice is stored and logged', async () => {
  const f = fakeOf(sample);
  restore = f.restore;
  render(<App run={f.run} lang="vi" />);
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
  const notice = await screen.findByTestId('rules-notice');
  expect(notice.getAttribute('data-kind')).toBe('confirm');
  expect(notice.textContent).toContain('Sổ tính chưa lưu bộ tiêu chí nào');
  expect((screen.getByTestId('score-button') as HTMLButtonElement).disabled).toBe(true);
  // The report tab asks the same and offers no write.
  fireEvent.click(screen.getByRole('tab', { name: 'Báo cáo' }));
  expect((await screen.findByTestId('rules-notice')).getAttribute('data-kind')).toBe('confirm');
  expect(screen.queryByTestId('report-button')).toBeNull();
  expect(f.fake.host.sheetNames).not.toContain(RULES_SHEET);
  const before = JSON.stringify(f.fake.host.snapshot());
  fireEvent.click(screen.getByRole('tab', { name: 'Chấm điểm' }));

  // Nothing written so far.
  expect(JSON.stringify(f.fake.host.snapshot())).toBe(before);

  // The bands of the set to confirm are shown: the default's first.
  const shown = () =>
    within(screen.getByTestId('rules-confirm-bands'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
  expect(shown()).toEqual(HAI_DUONG_2018.bands.map((b) => `${b.label.vi}: ${rangeText(b, 'vi')}`));
  // Pick the national groups instead of the default.
  fireEvent.change(await screen.findByTestId('rules-confirm-preset'), { target: { value: NATIONAL_GROUPS_2024.id } });
  expect(shown()).toEqual(NATIONAL_GROUPS_2024.bands.map((b) => `${b.label.vi}: ${rangeText(b, 'vi')}`));
  await act(async () => {
    fireEvent.click(screen.getByTestId('rules-confirm'));
  });
  await waitFor(() => expect(screen.queryByTestId('rules-notice')).toBeNull(), { timeout: 10000 });
  const stored = await readRulesRun(f.run);
  expect(stored.source).toBe('workbook');
  expect(ruleSetFingerprint(stored.rules)).toBe(ruleSetFingerprint(NATIONAL_GROUPS_2024));
  expect((await readAuditLog(f.run)).rows.slice(1).map((row) => [row[1], row[2]])).toEqual([
    ['rulesChanged', NATIONAL_GROUPS_2024.id],
  ]);

  // Scoring now uses the chosen rules.
  await waitFor(() => expect((screen.getByTestId('score-button') as HTMLButtonElement).disabled).toBe(false), {
    timeout: 10000,
  });
  fireEvent.click(screen.getByTestId('score-button'));
  await waitFor(() => expect(screen.getByTestId('outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  const labels = NATIONAL_GROUPS_2024.bands.map((b) => b.label.vi);
  expect(Object.values(bandCells(f)).every((v) => labels.includes(v))).toBe(true);
});
