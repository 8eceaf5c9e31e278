/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The task pane on the fake Excel host: the sample scored (8 good, 15 complete), a bad cell listed
 * and selected on click, the mapping edited, the language switched.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as select from '../../src/excel/select';
import { App } from '../../src/taskpane/App';
import { bandRangeText } from '../../src/taskpane/format';
import { langFromDisplayLanguage } from '../../src/taskpane/hooks/useLang';
import { HAI_DUONG_2018 } from '../../src/engine';
import type { LoadedWorkbook } from '../../src/workbench/loadXlsx';
import { confirmRulesIfAsked, fakeOf, loadSample, withCell } from './helpers';

let sample: LoadedWorkbook;
let restore: (() => void) | null = null;

beforeAll(async () => {
  sample = await loadSample();
});

afterEach(() => {
  cleanup();
  restore?.();
  restore = null;
  jest.restoreAllMocks();
});

function setup(book: LoadedWorkbook, lang: 'vi' | 'en' = 'vi') {
  const f = fakeOf(book);
  restore = f.restore;
  render(<App run={f.run} lang={lang} />);
  return f;
}

async function found() {
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
  await confirmRulesIfAsked();
  return screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
}

test('shows what it found before writing anything, then scores the sample: 8 good, 15 complete', async () => {
  const { fake } = setup(sample);
  expect((await found()).textContent).toBe('23');
  expect(screen.getByTestId('found-sheet').textContent).toBe('Tổng hợp');
  expect(screen.getByTestId('found-header-row').textContent).toBe('5');
  expect(screen.getByTestId('found-max-row').textContent).toBe('6');
  expect(screen.getByTestId('found-unit-rows').textContent).toBe('dòng 7 đến 29');
  expect(screen.getByTestId('found-field-count').textContent).toBe('7');
  const before = fake.host.snapshot();

  // Nothing written by the inspection.
  expect(
    fake.host
      .sheet('Tổng hợp')
      .values('L5:O7')
      .flat()
      .every((v) => v === ''),
  ).toBe(true);

  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  await waitFor(() => expect(screen.getByTestId('outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect(screen.getByTestId('outcome').textContent).toContain('23 đơn vị');

  const results = await screen.findByTestId('results');
  expect(within(results).getByTestId('band-count-excellent').textContent).toBe('0/23');
  expect(within(results).getByTestId('band-count-good').textContent).toBe('8/23');
  expect(within(results).getByTestId('band-count-complete').textContent).toBe('15/23');
  expect(within(results).getByTestId('band-count-incomplete').textContent).toBe('0/23');
  // Band colours.
  expect(within(results).getByTestId('band-good').style.background).toBeTruthy();
  // 9 demoted, each with the engine's reason.
  const demoted = within(results).getByTestId('demoted');
  expect(within(demoted).getAllByTestId('demoted-row')).toHaveLength(9);
  expect(demoted.textContent).toContain('Bình Lãng');
  expect(within(demoted).getAllByTestId('demoted-row')[0].getAttribute('title')).toContain(
    'xếp loại “Hoàn thành nhiệm vụ”',
  );
  expect(within(results).getByTestId('top').textContent).toContain('Hạng 1: Quang Khải, 89,58%');
  expect(within(results).getByTestId('bottom').querySelectorAll('li')).toHaveLength(3);

  // Written into the sheet: rank and band of Quang Khải (row 7).
  const row7 = fake.host.sheet('Tổng hợp').values('L7:N7')[0];
  expect(row7[1]).toBe(1);
  expect(row7[2]).toBe('Hoàn thành tốt nhiệm vụ');
  // Input cells untouched.
  expect(fake.host.sheet('Tổng hợp').values('A1:K29')).toEqual(
    before.sheets
      .find((s) => s.name === 'Tổng hợp')!
      .values.slice(0, 29)
      .map((r) => r.slice(0, 11)),
  );
});

test('a bad cell is listed as an error; a click selects it in the sheet', async () => {
  // D9 (row 9, Cải cách thể chế of Minh Đức) holds text.
  const { fake, run } = setup(withCell(sample, 'Tổng hợp', 8, 3, 'abc'));
  const spy = jest.spyOn(select, 'selectRange');
  await found();
  const errors = await screen.findByTestId('findings-error');
  const button = within(errors).getByRole('button', { name: /D9/ });
  expect(button.textContent).toContain('“abc” không phải là số');

  // While errors remain, "Chấm điểm" is disabled and says why; nothing is written.
  expect((screen.getByRole('button', { name: 'Chấm điểm' }) as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByTestId('errors-block').textContent).toContain('Còn 1 lỗi');
  expect(
    fake.host
      .sheet('Tổng hợp')
      .values('L5:O7')
      .flat()
      .every((v) => v === ''),
  ).toBe(true);

  await act(async () => {
    fireEvent.click(within(screen.getByTestId('findings-error')).getByRole('button', { name: /D9/ }));
  });
  await waitFor(() => expect(spy).toHaveBeenCalledWith(run, 'Tổng hợp', 'D9'));
  await waitFor(() => expect(fake.host.selection).toBe("'Tổng hợp'!D9"));
});

test('the mapping is editable: dropping a field and changing a max point re-reads with the override', async () => {
  setup(sample);
  await found();
  fireEvent.click(await screen.findByRole('button', { name: 'Cột và vai trò' }, { timeout: 10000 }));
  const mapping = await screen.findByTestId('mapping', {}, { timeout: 10000 });
  // Field columns C..I with their max points from row 6.
  const maxC = within(mapping).getByLabelText('Điểm tối đa của cột C') as HTMLInputElement;
  expect(maxC.value).toBe('11');
  fireEvent.click(within(within(mapping).getByTestId('mapping-field-I')).getByRole('checkbox'));
  fireEvent.change(maxC, { target: { value: 'x' } });
  expect(within(mapping).getByText('“x” không phải là số điểm hợp lệ')).toBeTruthy();
  expect((within(mapping).getByRole('button', { name: 'Áp dụng cách đọc cột' }) as HTMLButtonElement).disabled).toBe(
    true,
  );
  fireEvent.change(maxC, { target: { value: '12,5' } });
  fireEvent.click(within(mapping).getByRole('button', { name: 'Áp dụng cách đọc cột' }));
  await waitFor(() => expect(screen.getByTestId('found-field-count').textContent).toBe('6'), { timeout: 10000 });
  await waitFor(() => expect(screen.getByText('Đang dùng cách đọc cột đã sửa.')).toBeTruthy());
  expect((screen.getByLabelText('Điểm tối đa của cột C') as HTMLInputElement).value).toBe('12.5');
  fireEvent.click(screen.getByRole('button', { name: 'Về cách đọc tự nhận' }));
  await waitFor(() => expect(screen.getByTestId('found-field-count').textContent).toBe('7'), { timeout: 10000 });
});

test('switching to English changes the labels; English display language starts in English', async () => {
  setup(sample);
  await found();
  expect(screen.getByRole('tab', { name: 'Báo cáo' })).toBeTruthy();
  fireEvent.click(screen.getByTestId('lang-toggle'));
  expect(screen.getByRole('button', { name: 'Score' })).toBeTruthy();
  expect(screen.getByRole('tab', { name: 'Report' })).toBeTruthy();
  expect(screen.getByText('Scoring table found')).toBeTruthy();
  expect(screen.getByTestId('found-unit-rows').textContent).toBe('rows 7 to 29');
  fireEvent.click(screen.getByRole('tab', { name: 'Rules' }));
  expect(await screen.findByRole('heading', { name: 'Rule set in force' }, { timeout: 10000 })).toBeTruthy();
  cleanup();

  expect(langFromDisplayLanguage('en-US')).toBe('en');
  expect(langFromDisplayLanguage('vi-VN')).toBe('vi');
  expect(langFromDisplayLanguage(undefined)).toBe('vi');
});

test('the rules in force read as the decision words them', () => {
  const [excellent, good, complete, incomplete] = HAI_DUONG_2018.bands;
  expect(bandRangeText(excellent, 'vi')).toBe('từ 90% đến 100%');
  expect(bandRangeText(good, 'vi')).toBe('từ 80% đến dưới 90%');
  expect(bandRangeText(complete, 'vi')).toBe('từ 65% đến dưới 80%');
  expect(bandRangeText(incomplete, 'vi')).toBe('dưới 65%');
  expect(bandRangeText(good, 'en')).toBe('from 80% to under 90%');
  expect(bandRangeText({ ...good, min: { pct: 80, inclusive: false }, max: { pct: 90, inclusive: true } }, 'vi')).toBe(
    'trên 80% đến 90%',
  );
});

test('a long run shows a progress bar with the current step', async () => {
  const f = fakeOf(sample);
  restore = f.restore;
  // Every round trip takes 30 ms, as on a slow connection to Excel on the web.
  const slow = ((batch: (context: Excel.RequestContext) => Promise<unknown>) =>
    f.run(async (context) => {
      const sync = context.sync.bind(context);
      (context as { sync: unknown }).sync = async <T,>(value?: T) => {
        await new Promise((r) => setTimeout(r, 30));
        return sync(value);
      };
      return batch(context);
    })) as typeof f.run;
  render(<App run={slow} lang="vi" />);
  await found();
  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  const progress = await screen.findByTestId('progress');
  expect(within(progress).getByRole('progressbar')).toBeTruthy();
  expect(progress.textContent).toMatch(/Đang (tìm bảng|đọc dữ liệu|chấm điểm|ghi kết quả)/);
  expect((screen.getByTestId('score-button') as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByTestId('score-button').textContent).toBe('Đang chấm điểm…');
  await waitFor(() => expect(screen.getByTestId('outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect(screen.queryByTestId('progress')).toBeNull();
});

test('an output cell edited by hand is not overwritten silently: listed, then "Ghi đè" replaces it; each run is logged', async () => {
  const { fake, run } = setup(sample);
  await found();
  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  await waitFor(() => expect(screen.getByTestId('outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });

  // Someone types over Quang Khải's band cell (row 7, column N).
  fake.host.setCell('Tổng hợp', 'N7', 'Xuất sắc (sửa tay)');
  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  await waitFor(() => expect(screen.getByTestId('outcome').getAttribute('data-status')).toBe('outputEdited'), {
    timeout: 10000,
  });
  expect(screen.getByTestId('edited-cells').textContent).toContain('N7');
  expect(fake.host.sheet('Tổng hợp').values('N7')[0][0]).toBe('Xuất sắc (sửa tay)');

  fireEvent.click(screen.getByTestId('overwrite-button'));
  await waitFor(() => expect(screen.getByTestId('outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect(fake.host.sheet('Tổng hợp').values('N7')[0][0]).toBe('Hoàn thành tốt nhiệm vụ');

  const { readAuditLog } = await import('../../src/excel/audit');
  const log = await readAuditLog(run);
  expect(log.brokenAt).toBeNull();
  // The default confirmed (no stored rules), then the two runs.
  expect(log.rows.slice(1).map((r) => r[1])).toEqual(['rulesChanged', 'scored', 'scored']);
});
