/**
 * Puts a loaded workbook into the fake Excel host and wraps its Excel.run so the page can redraw
 * the grid after every sync, as Excel would repaint after each round trip.
 */
import {
  createFakeExcel,
  installFakeExcelGlobals,
  type FakeExcel,
  type FakeWorkbookData,
} from '../../tools/fake-excel';
import type { CellInput } from '../../tools/fake-excel';
import type { ExcelRun } from '../excel/workbook';
import type { LoadedWorkbook } from './loadXlsx';

export function fakeDataOf(book: LoadedWorkbook): FakeWorkbookData {
  return {
    name: book.name,
    activeSheet: book.sheets[book.active]?.name,
    sheets: book.sheets.map((s) => ({
      name: s.name,
      cells: s.values.map((row) => row.map((v) => (v === null ? null : (v as CellInput)))),
      numberFormats: s.numberFormats.map((row) => Array.from(row, (f) => f ?? null)),
    })),
  };
}

export interface Bench {
  fake: FakeExcel;
  /** The fake's Excel.run, calling `onSync` after every context.sync() and at the end of the run. */
  run: ExcelRun;
}

export function benchOf(book: LoadedWorkbook, onSync: () => void): Bench {
  const fake = createFakeExcel(fakeDataOf(book));
  // The workbook's column widths (Excel character units → points), so the grid looks like the file.
  for (const sheet of book.sheets) {
    const state = fake.host._sheet(sheet.name);
    sheet.columnWidths.forEach((w, c) => {
      if (w) state.columnWidths.set(c, Math.round((w * 7 + 5) * 0.75));
    });
  }
  // The adapter reads enums from the global Excel namespace (Excel.ConditionalFormatType, …).
  installFakeExcelGlobals(fake);
  const run = ((batch: (context: unknown) => Promise<unknown>) =>
    fake.Excel.run(async (context) => {
      const sync = context.sync.bind(context);
      (context as { sync: typeof sync }).sync = async <T>(value?: T) => {
        try {
          return await sync(value);
        } finally {
          onSync();
        }
      };
      return batch(context);
    }).finally(onSync)) as unknown as ExcelRun;
  return { fake, run };
}
