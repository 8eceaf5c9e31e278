/**
 * The workbench in Debian's Chromium (playwright-core): the task pane on the fake Excel host next
 * to the grid. Scores the sample and checks the grid's rank/band cells and the pane's summary;
 * opens a workbook with bad cells and clicks an error to select its cell; switches to English.
 * Screenshots of the pane go to test-artifacts/.
 *
 * The suite builds the workbench (webpack.workbench.js → build/workbench/) when the build is
 * older than the sources and starts scripts/workbench.js itself on a free port (helpers.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import {
  ARTIFACTS,
  SHEET,
  describeIfChromium,
  gridCell,
  openWorkbench,
  rowOf as rowIn,
  startWorkbench,
  stopServer,
} from './helpers';

/** A workbook of 80 units with three bad cells, the first far down the sheet. */
async function badWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['STT', 'Tên đơn vị', 'Công tác chỉ đạo, điều hành', 'Cải cách thể chế', 'Cải cách thủ tục hành chính']);
  ws.addRow([null, 'Điểm tối đa', 10, 10, 20]);
  for (let i = 1; i <= 80; i++) ws.addRow([i, `Xã số ${i}`, 8, 8, 16]);
  ws.getCell('D75').value = 'abc'; // row 75: unit 73, "Cải cách thể chế"
  ws.getCell('E10').value = 25; // over the max of 20
  ws.getCell('C20').value = null; // empty score
  ws.getColumn(2).width = 16;
  await wb.xlsx.writeFile(file);
}

describeIfChromium('workbench in Chromium', () => {
  let server: ChildProcess | null = null;
  let browser: Browser;
  let base: string;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, browser, base } = await startWorkbench());
  }, 360000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  });

  beforeEach(async () => {
    errors.length = 0;
    page = await openWorkbench(browser, base, errors);
  });

  afterEach(async () => {
    await page.close();
    expect(errors).toEqual([]);
  });

  const cell = (address: string) => gridCell(page, address);

  /** The sheet row (1-based) whose column B holds the unit's name. */
  const rowOf = (name: string) => rowIn(page, name);

  test('scores the sample: ranks, bands and notes in the grid, the summary in the pane', async () => {
    await expect(page.getByTestId('found-sheet').textContent()).resolves.toBe(SHEET);
    await expect(page.getByTestId('found-unit-count').textContent()).resolves.toBe('23');
    // Nothing written before scoring.
    await expect(cell('N5').textContent()).resolves.toBe('');
    await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-before.png') });

    await page.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
    await page.locator('[data-testid="outcome"][data-status="written"]').waitFor({ timeout: 30000 });

    // Output headers L5:O5, written by the adapter through the fake host and redrawn.
    expect(await cell('L5').textContent()).toBe('Chỉ số (%)');
    expect(await cell('M5').textContent()).toBe('Xếp hạng');
    expect(await cell('N5').textContent()).toBe('Xếp loại');
    expect(await cell('O5').textContent()).toBe('Ghi chú');

    const qk = await rowOf('Quang Khải');
    expect(await cell(`L${qk}`).textContent()).toBe('89.58%');
    expect(await cell(`M${qk}`).textContent()).toBe('1');
    expect(await cell(`N${qk}`).textContent()).toBe('Hoàn thành tốt nhiệm vụ');
    expect(await cell(`O${qk}`).textContent()).toBe('');
    // The band's fill (conditional format) shows in the grid: BAND_FILL.good = #DDEBF7.
    expect(await cell(`N${qk}`).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(221, 235, 247)');

    const bl = await rowOf('Bình Lãng');
    expect(await cell(`N${bl}`).textContent()).toBe('Hoàn thành nhiệm vụ');
    expect(Number(await cell(`M${bl}`).textContent())).toBe(9);
    const note = (await cell(`O${bl}`).getAttribute('title')) ?? (await cell(`O${bl}`).textContent());
    expect(note).toContain('thuộc mức “Hoàn thành tốt nhiệm vụ” nhưng lĩnh vực');
    expect(note).toContain('Cải cách thủ tục hành chính (67,00%) dưới 70%');
    expect(await cell(`N${bl}`).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 242, 204)');

    // The pane's summary.
    expect(await page.getByTestId('band-count-excellent').textContent()).toBe('0/23');
    expect(await page.getByTestId('band-count-good').textContent()).toBe('8/23');
    expect(await page.getByTestId('band-count-complete').textContent()).toBe('15/23');
    expect(await page.getByTestId('band-count-incomplete').textContent()).toBe('0/23');
    expect(await page.getByTestId('demoted-row').count()).toBe(9);
    expect(await page.getByTestId('top').locator('li').first().textContent()).toBe('Hạng 1: Quang Khải, 89,58%');

    await page.getByTestId('pane').screenshot({ path: path.join(ARTIFACTS, 'pane-scored-vi.png') });
    await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-scored.png') });
  });

  test('a workbook with bad cells: the error list, and a click selects the cell in the grid', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-')), 'bad-cells.xlsx');
    await badWorkbook(file);
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('file-name').filter({ hasText: 'bad-cells.xlsx' }).waitFor();
    await page.getByTestId('found-unit-count').filter({ hasText: '80' }).waitFor({ timeout: 30000 });

    const list = page.getByTestId('findings-error');
    await list.waitFor();
    const items = list.getByRole('button');
    expect(await items.count()).toBe(3);
    const texts = await items.allTextContents();
    expect(texts.some((t) => t.includes(`'${SHEET}'!D75`) && t.includes('“abc” không phải là số'))).toBe(true);
    expect(texts.some((t) => t.includes(`'${SHEET}'!E10`) && t.includes('vượt điểm tối đa 20'))).toBe(true);
    expect(texts.some((t) => t.includes(`'${SHEET}'!C20`) && t.includes('ô điểm trống'))).toBe(true);

    // Scoring cannot start while errors remain, and the pane says why.
    expect(await page.getByRole('button', { name: 'Chấm điểm', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByTestId('errors-block').textContent()).toContain('Còn 3 lỗi');
    expect(await cell('F1').textContent()).toBe('');

    // D75 is far below the fold: the click selects it and the grid scrolls to it.
    expect(await cell('D75').getAttribute('aria-selected')).toBeNull();
    await list.getByRole('button', { name: /D75/ }).click();
    await page
      .getByTestId('namebox')
      .filter({ hasText: `'${SHEET}'!D75` })
      .waitFor();
    expect(await page.getByTestId('namebox').textContent()).toBe(`'${SHEET}'!D75`);
    await page.locator('td[data-address="D75"].wb-anchor').waitFor();
    expect(await cell('D75').getAttribute('aria-selected')).toBe('true');
    expect(await cell('D75').textContent()).toBe('abc');
    const scroller = await page.locator('.wb-grid-scroll').boundingBox();
    const box = await cell('D75').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(scroller!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(scroller!.y + scroller!.height);

    // Keyboard: the next error is reachable with Tab and selected with Enter.
    await list.getByRole('button', { name: /E10/ }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByTestId('namebox')
      .filter({ hasText: `'${SHEET}'!E10` })
      .waitFor();
    expect(await page.getByTestId('namebox').textContent()).toBe(`'${SHEET}'!E10`);

    await page.getByTestId('pane').screenshot({ path: path.join(ARTIFACTS, 'pane-errors-vi.png') });
    await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-errors.png') });
  });

  test('switches to English', async () => {
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('button', { name: 'Score', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Scoring table found' }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Report' }).count()).toBe(1);
    expect(await page.getByTestId('found-unit-rows').textContent()).toBe('rows 7 to 29');
    await page.getByRole('button', { name: 'Score', exact: true }).click();
    await page.locator('[data-testid="outcome"][data-status="written"]').waitFor({ timeout: 30000 });
    expect(await page.getByTestId('band-good').textContent()).toBe('Good8/23');
    // The workbook's language stays Vietnamese: an English pane writes a Vietnamese sheet.
    const qk = await rowOf('Quang Khải');
    expect(await cell(`N${qk}`).textContent()).toBe('Hoàn thành tốt nhiệm vụ');
    expect(await cell('N5').textContent()).toBe('Xếp loại');
    await page.getByTestId('pane').screenshot({ path: path.join(ARTIFACTS, 'pane-scored-en.png') });
    // And back.
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('button', { name: 'Chấm điểm', exact: true }).waitFor();
  });
});
