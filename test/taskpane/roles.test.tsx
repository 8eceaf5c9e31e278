/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The pane's column roles and preview (issue 15 items 8–9) on the fake Excel host: a table whose
 * sub-columns are uncertain shows every column with its role, the uncertain ones marked; confirmed,
 * the table is read, previewed and scored, and the mapping is stored for the next run.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MAPPING_SHEET, mappingFromRows } from '../../src/engine';
import { readOwnedSheet } from '../../src/excel/safe-write';
import { App } from '../../src/taskpane/App';
import type { LoadedWorkbook } from '../../src/workbench/loadXlsx';
import { genLayouts, genTransposed, SHEET } from '../fixtures/layouts';
import { confirmRulesIfAsked, fakeOf } from './helpers';

const layout = genLayouts().find((l) => l.map);
if (!layout) throw new Error('no uncertain layout');
const book: LoadedWorkbook = {
  name: 'uncertain.xlsx',
  active: 0,
  sheets: [{ name: SHEET, values: layout.rows, numberFormats: [], columnWidths: [] }],
};
let restore: (() => void) | null = null;

afterEach(() => {
  cleanup();
  restore?.();
  restore = null;
});

test('uncertain columns: every column with its role, the uncertain marked; confirmed, the table is read, previewed, scored and its mapping stored', async () => {
  const f = fakeOf(book);
  restore = f.restore;
  render(<App run={f.run} lang="vi" />);
  const roles = await screen.findByTestId('column-roles', {}, { timeout: 10000 });
  expect(within(roles).getByRole('heading', { name: 'Vai trò từng cột' })).toBeTruthy();
  expect(within(roles).getByText(/Phần bổ trợ chưa chắc vai trò của 14 cột/)).toBeTruthy();
  // Every column, in an officer's words: "Cột B — “Tên đơn vị”", its role "Tên đơn vị".
  expect(roles.querySelectorAll('li')).toHaveLength(16);
  expect(within(within(roles).getByTestId('role-B')).getByRole('combobox').textContent).toBe('Tên đơn vị');
  const d = within(roles).getByTestId('role-D');
  expect(within(d).getByText('Chưa chắc')).toBeTruthy();
  expect(within(d).getByRole('combobox').getAttribute('aria-label')).toBe('Vai trò của cột D');
  expect(within(d).getByRole('combobox').textContent).toBe('Điểm thẩm định (được tính)');
  fireEvent.click(within(roles).getByRole('button', { name: 'Xác nhận vai trò các cột' }));
  expect((await screen.findByTestId('found-unit-count', {}, { timeout: 10000 })).textContent).toBe('14');
  expect(screen.getByTestId('found-field-count').textContent).toBe('7');

  // The preview: first units and their fields, in the mapping section.
  fireEvent.click(await screen.findByRole('button', { name: 'Cột và vai trò' }, { timeout: 10000 }));
  const preview = await screen.findByTestId('table-preview', {}, { timeout: 10000 });
  const units = within(preview).getAllByTestId('preview-unit');
  expect(units).toHaveLength(3);
  expect(units[0].textContent).toContain('Phường Trần Hưng Đạo');
  expect(units[0].textContent).toContain(`Công tác chỉ đạo, điều hành: ${String(layout.rows[5][3]).replace('.', ',')}`);
  expect(within(preview).getByText('… và 11 đơn vị nữa')).toBeTruthy();

  await confirmRulesIfAsked();
  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  await waitFor(() => expect(screen.getByTestId('outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  const stored = mappingFromRows((await readOwnedSheet(f.run, MAPPING_SHEET)) ?? []);
  expect(stored.ok && stored.mappings[0].columns.map((c) => `${c.column}=${c.role}`).join(',')).toBe(layout.map);
}, 180000);

test('a transposed table in the pane: read turned, said so, its units counted; the write refused with why', async () => {
  const turned = genTransposed();
  const f = fakeOf({
    name: 'transposed.xlsx',
    active: 0,
    sheets: [{ name: SHEET, values: turned.rows, numberFormats: [], columnWidths: [] }],
  });
  restore = f.restore;
  render(<App run={f.run} lang="vi" />);
  expect((await screen.findByTestId('found-unit-count', {}, { timeout: 10000 })).textContent).toBe('14');
  expect(screen.getByTestId('found-header-row').textContent).toBe('3');
  expect(screen.getByTestId('reading-note').textContent).toContain(
    "'Tổng hợp': bảng xoay chiều (mỗi đơn vị một cột, D–Q; mỗi lĩnh vực một dòng, 4–10)",
  );
  const before = f.fake.host.snapshot();
  await confirmRulesIfAsked();
  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  await waitFor(() => expect(screen.getByTestId('outcome').getAttribute('data-status')).toBe('failed'), {
    timeout: 10000,
  });
  expect(screen.getByTestId('outcome').textContent).toContain('là bảng xoay chiều (mỗi đơn vị một cột)');
  expect(f.fake.host.snapshot().sheets.find((s) => s.name === SHEET)).toEqual(
    before.sheets.find((s) => s.name === SHEET),
  );
}, 120000);
