/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The "Báo cáo" tab on the fake Excel host: the year taken from the table's title, the district
 * figures typed and checked, a preview of the narrative, "Tạo báo cáo" writing the report sheet
 * (chart included), a second click replacing it, and a bad value blocking the button.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { checkReportForm, readPct } from '../../src/taskpane/hooks/useReport';
import { AUDIT_SHEET, RULES_SHEET, messages } from '../../src/engine';
import type { LoadedWorkbook } from '../../src/workbench/loadXlsx';
import { confirmRulesIfAsked, fakeOf, loadSample } from './helpers';

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

async function openReportTab(lang: 'vi' | 'en' = 'vi', settings?: Record<string, unknown>) {
  const f = fakeOf(sample, settings);
  restore = f.restore;
  render(<App run={f.run} lang={lang} />);
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
  await confirmRulesIfAsked();
  fireEvent.click(screen.getByRole('tab', { name: lang === 'vi' ? 'Báo cáo' : 'Report' }));
  await screen.findByTestId('report-panel', {}, { timeout: 10000 });
  return f;
}

const type = (name: string, value: string) =>
  fireEvent.change(screen.getByTestId(`report-${name}`), { target: { value } });

test('the year comes from the table title; the preview shows the narrative with the district figures typed', async () => {
  const { fake } = await openReportTab();
  expect((screen.getByTestId('report-year') as HTMLInputElement).value).toBe('2021');
  const before = fake.host.snapshot();
  const preview = await screen.findByTestId('report-preview');
  expect(preview.textContent).toContain('II. KẾT QUẢ ĐÁNH GIÁ, XÁC ĐỊNH CHỈ SỐ CCHC VÀ PHÂN LOẠI CCHC NĂM 2021');
  expect(preview.textContent).not.toContain('Đối với cấp huyện');

  type('district', 'Tứ Kỳ');
  type('districtIndex', '83,30');
  type('districtIndexLast', '63,19');
  type('rank', '6');
  type('rankOf', '12');
  await waitFor(() =>
    expect(screen.getByTestId('report-preview').textContent).toContain(
      'Năm 2021, Chỉ số CCHC của UBND huyện Tứ Kỳ đạt 83,30% (năm 2020: 63,19%), tăng 20,11 điểm phần trăm so với năm 2020.',
    ),
  );
  expect(screen.getByTestId('report-preview').textContent).toContain('Huyện Tứ Kỳ xếp thứ 6/12 huyện');
  // Typing and previewing write no cell (the inputs go to the workbook's settings).
  expect(fake.host.snapshot().sheets).toEqual(before.sheets);
  // The inputs are labelled (Fluent Field): a screen reader reads "Năm báo cáo".
  expect((screen.getByLabelText('Năm báo cáo') as HTMLInputElement).value).toBe('2021');
});

test('"Tạo báo cáo" writes the report sheet with its chart; a second click replaces it', async () => {
  const { fake } = await openReportTab();
  type('district', 'Tứ Kỳ');
  type('districtIndex', '83,3');
  fireEvent.click(screen.getByTestId('report-button'));
  await waitFor(() => expect(screen.getByTestId('report-outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect(screen.getByTestId('report-outcome').textContent).toBe('Đã ghi báo cáo vào trang tính “Báo cáo CCHC 2021”.');
  // The add-in's own (very hidden) audit log sheet records the report.
  // (The rules sheet and the log came first, when the default rules were confirmed.)
  expect(fake.host.sheetNames).toEqual(['Hướng dẫn', 'Tổng hợp', RULES_SHEET, AUDIT_SHEET, 'Báo cáo CCHC 2021']);
  const sheet = fake.host.sheet('Báo cáo CCHC 2021');
  expect(sheet.charts()).toHaveLength(1);
  expect(sheet.values('A4')[0][0]).toBe('Năm 2021, Chỉ số CCHC của UBND huyện Tứ Kỳ đạt 83,30%.');

  fireEvent.click(screen.getByTestId('report-button'));
  await waitFor(
    () =>
      expect(screen.getByTestId('report-outcome').textContent).toBe(
        'Đã thay trang báo cáo cũ bằng trang tính “Báo cáo CCHC 2021”.',
      ),
    { timeout: 10000 },
  );
  // The add-in's own (very hidden) audit log sheet records the report.
  // (The rules sheet and the log came first, when the default rules were confirmed.)
  expect(fake.host.sheetNames).toEqual(['Hướng dẫn', 'Tổng hợp', RULES_SHEET, AUDIT_SHEET, 'Báo cáo CCHC 2021']);
  expect(fake.host.charts()).toHaveLength(1);
});

test('a bad percentage or rank is flagged and the button stays disabled', async () => {
  await openReportTab();
  type('districtIndex', '120');
  expect(await screen.findByText('“120” không phải là tỷ lệ phần trăm từ 0 đến 100')).toBeTruthy();
  expect((screen.getByTestId('report-button') as HTMLButtonElement).disabled).toBe(true);
  type('districtIndex', '83,3');
  type('rank', '13');
  type('rankOf', '12');
  expect(await screen.findByText(messages('vi').ui.reportRankInvalid)).toBeTruthy();
  expect((screen.getByTestId('report-button') as HTMLButtonElement).disabled).toBe(true);
  type('rank', '6');
  await waitFor(() => expect((screen.getByTestId('report-button') as HTMLButtonElement).disabled).toBe(false));
});

test('an English pane writes a Vietnamese workbook: the sheet is in the workbook language, not the display language', async () => {
  const { fake } = await openReportTab('en');
  expect(screen.getByTestId('report-button').textContent).toBe('Make the report');
  fireEvent.click(screen.getByTestId('report-button'));
  await waitFor(() => expect(screen.getByTestId('report-outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect(fake.host.sheetNames).toContain('Báo cáo CCHC 2021');
  expect(fake.host.sheetNames).not.toContain('PAR report 2021');
});

test('a workbook whose document language is English gets an English report sheet, whatever the pane shows', async () => {
  const { fake } = await openReportTab('vi', { 'parIndex.documentLanguage': 'en' });
  fireEvent.click(screen.getByTestId('report-button'));
  await waitFor(() => expect(screen.getByTestId('report-outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect(fake.host.sheetNames).toContain('PAR report 2021');
});

test('the form check: percentages in either notation, empty optional fields left out', () => {
  const t = messages('vi').ui;
  expect(readPct('83,30')).toBe(83.3);
  expect(readPct('83.3 %')).toBe(83.3);
  expect(readPct('101')).toBeNull();
  const empty = {
    year: '',
    district: '',
    districtIndex: '',
    districtIndexLast: '',
    rank: '',
    rankOf: '',
    districtBand: '',
  };
  expect(checkReportForm(empty, 2021, t)).toEqual({ settings: { year: 2021 }, errors: {} });
  expect(checkReportForm({ ...empty, year: '1999' }, 2021, t).errors.year).toBe(t.reportYearInvalid);
  expect(checkReportForm({ ...empty, district: ' Tứ Kỳ ', rank: '6', rankOf: '12' }, 2021, t).settings).toEqual({
    year: 2021,
    districtName: 'Tứ Kỳ',
    districtRank: { rank: 6, of: 12 },
  });
});

test('what the officer typed survives a tab switch and is stored in the workbook, read back when the pane opens again', async () => {
  const { fake, run } = await openReportTab();
  type('district', 'Tứ Kỳ');
  type('districtIndex', '83,30');
  fireEvent.click(screen.getByRole('tab', { name: 'Chấm điểm' }));
  await screen.findByTestId('score-button');
  fireEvent.click(screen.getByRole('tab', { name: 'Báo cáo' }));
  await screen.findByTestId('report-panel', {}, { timeout: 10000 });
  expect((screen.getByTestId('report-district') as HTMLInputElement).value).toBe('Tứ Kỳ');
  expect((screen.getByTestId('report-districtIndex') as HTMLInputElement).value).toBe('83,30');
  await waitFor(
    () =>
      expect(fake.host.settings()['parIndex.reportInputs']).toMatchObject({
        district: 'Tứ Kỳ',
        districtIndex: '83,30',
      }),
    { timeout: 5000 },
  );
  // The pane opened again on the same workbook shows them.
  cleanup();
  render(<App run={run} lang="vi" />);
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
  fireEvent.click(screen.getByRole('tab', { name: 'Báo cáo' }));
  await waitFor(() => expect((screen.getByTestId('report-district') as HTMLInputElement).value).toBe('Tứ Kỳ'), {
    timeout: 10000,
  });
});
