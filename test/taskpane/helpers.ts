/** Shared by the task-pane tests: the sample workbook on the fake Excel host. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFakeExcel, installFakeExcelGlobals, type FakeExcel } from '../../tools/fake-excel';
import type { ExcelRun } from '../../src/excel/workbook';
import { fakeDataOf } from '../../src/workbench/fakeHost';
import { loadXlsx, type LoadedWorkbook } from '../../src/workbench/loadXlsx';

export const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'chi-so-cchc-2021-tu-ky.xlsx');

export async function loadSample(): Promise<LoadedWorkbook> {
  const buf = fs.readFileSync(SAMPLE);
  return loadXlsx(
    buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer,
    path.basename(SAMPLE),
  );
}

/** A fake host holding the workbook, installed as the global Excel (the adapter reads enums from it). */
export function fakeOf(
  book: LoadedWorkbook,
  settings?: Record<string, unknown>,
): { fake: FakeExcel; run: ExcelRun; restore: () => void } {
  const fake = createFakeExcel({ ...fakeDataOf(book), settings });
  const restore = installFakeExcelGlobals(fake);
  return { fake, run: fake.Excel.run as unknown as ExcelRun, restore };
}

/** A deep copy of the workbook with `value` written into one cell of the named sheet (0-based row/col). */
export function withCell(
  book: LoadedWorkbook,
  sheet: string,
  row: number,
  col: number,
  value: string | number | null,
): LoadedWorkbook {
  const copy: LoadedWorkbook = JSON.parse(JSON.stringify(book));
  const s = copy.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  s.values[row][col] = value;
  return copy;
}

/**
 * A workbook with no stored rules asks to confirm the default or pick a preset before the first
 * write (issue 16 item 9): confirms the default when asked, and waits for the table to be read again.
 */
export async function confirmRulesIfAsked(): Promise<void> {
  const { screen, fireEvent, waitFor } = await import('@testing-library/react');
  const confirm = screen.queryByTestId('rules-confirm');
  if (!confirm) return;
  fireEvent.click(confirm);
  await waitFor(() => expect(screen.queryByTestId('rules-notice')).toBeNull(), { timeout: 10000 });
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
}
