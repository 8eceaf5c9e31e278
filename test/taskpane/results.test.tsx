/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Results lead to rows (issue 17, item 8): a unit in the results selects its row on the scoring
 * sheet, the sheet activated, in one round trip; demoted units as a compact table.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { selectRange, unitRowAddress } from '../../src/excel/select';
import { App } from '../../src/taskpane/App';
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

async function scored(lang: 'vi' | 'en' = 'vi') {
  const f = fakeOf(sample);
  restore = f.restore;
  render(<App run={f.run} lang={lang} />);
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
  await confirmRulesIfAsked();
  fireEvent.click(screen.getByRole('button', { name: lang === 'vi' ? 'Chấm điểm' : 'Score' }));
  await waitFor(() => expect(screen.getByTestId('outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  return { ...f, results: await screen.findByTestId('results') };
}

test('a unit in the top list selects its row, from the table’s first column to the last output column', async () => {
  const { fake, results } = await scored();
  // The user has moved to another sheet meanwhile.
  fake.host.select("'Hướng dẫn'!A1");
  expect(fake.host.activeSheet).toBe('Hướng dẫn');
  const link = within(within(results).getByTestId('top')).getAllByTestId('unit-link')[0];
  expect(link.textContent).toContain('Quang Khải');
  await act(async () => {
    fireEvent.click(link);
  });
  await waitFor(() => expect(fake.host.selection).toBe("'Tổng hợp'!A7:O7"));
  expect(fake.host.activeSheet).toBe('Tổng hợp');
});

test('selecting a range activates its sheet and selects it in one round trip', async () => {
  const f = fakeOf(sample);
  restore = f.restore;
  f.fake.host.select("'Hướng dẫn'!A1");
  f.fake.host.resetCounters();
  await selectRange(f.run, 'Tổng hợp', 'A9:O9');
  expect(f.fake.host.syncCount).toBe(1);
  expect(f.fake.host.selection).toBe("'Tổng hợp'!A9:O9");
  expect(f.fake.host.activeSheet).toBe('Tổng hợp');
});

test('demoted units as a table: unit, index, band by points, band given, the failing fields; a click selects the row', async () => {
  const { fake, results } = await scored();
  const table = within(results).getByTestId('demoted');
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent);
  expect(headers).toEqual(['Đơn vị', 'Chỉ số', 'Mức theo điểm', 'Xếp loại']);
  const rows = within(table).getAllByTestId('demoted-row');
  expect(rows).toHaveLength(9);
  const binhLang = rows.find((r) => r.textContent?.includes('Bình Lãng'));
  expect(binhLang).toBeDefined();
  const cells = within(binhLang!)
    .getAllByRole('cell')
    .map((c) => c.textContent);
  // Held back from "good" to "complete" by a field under 70%.
  expect(cells[1]).toBe('Hoàn thành tốt nhiệm vụ');
  expect(cells[2]).toBe('Hoàn thành nhiệm vụ');
  // The failing fields under them, across the row: a field under the 70% floor of "good".
  expect(cells[3]).toMatch(/^Lĩnh vực chưa đạt: .+ \((\d+),\d\d%\)$/);
  expect(Number(/\((\d+),\d\d%\)$/.exec(cells[3]!)![1])).toBeLessThan(70);
  const pct = Number(cells[0]!.replace('%', '').replace(',', '.'));
  expect(pct).toBeGreaterThanOrEqual(80);
  expect(pct).toBeLessThan(90);
  const row = Number(within(binhLang!).getByTestId('unit-link').getAttribute('data-row'));
  await act(async () => {
    fireEvent.click(within(binhLang!).getByTestId('unit-link'));
  });
  await waitFor(() => expect(fake.host.selection).toBe(`'Tổng hợp'!A${row}:O${row}`));
  expect(fake.host.sheet('Tổng hợp').values(`B${row}`)[0][0]).toBe('Bình Lãng');
});

test('a selection the host refuses is said in the results, next to the unit', async () => {
  const { fake, results } = await scored();
  fake.host.failNextSync('ItemNotFound');
  await act(async () => {
    fireEvent.click(within(within(results).getByTestId('bottom')).getAllByTestId('unit-link')[0]);
  });
  const error = await screen.findByTestId('unit-select-error');
  expect(error.textContent).toMatch(/^Không chọn được dòng 'Tổng hợp'!A\d+:O\d+: Không tìm thấy/);
});

test('the row address follows the output block when it was moved right', () => {
  const inspection = {
    read: { origin: { row: 1, col: 0 } },
    layout: { nameCol: 1, sttCol: 0, outputTargetCol: 11 },
    outputColumns: ['Q', 'R', 'S', 'T'],
  } as unknown as Parameters<typeof unitRowAddress>[0];
  expect(unitRowAddress(inspection, 12)).toBe('A12:T12');
});
