/**
 * A reviewer in the workbench (Chromium, the task pane on the fake Excel host next to the grid):
 * scores the sample, opens "Tiêu chí", moves the "good" lower bound 80 → 85 (the gap it opens is
 * flagged next to the field and Apply is disabled until "Hoàn thành nhiệm vụ" ends under 85%),
 * sees the preview list the one unit that changes (Tái Sơn, 81,53%: the only unit rated
 * "Hoàn thành tốt nhiệm vụ" under 85%; the seven others are 86,41% and up) with nothing written,
 * applies it from the keyboard, and the band column of the grid changes for that unit alone.
 * Screenshots in test-artifacts/.
 */
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, describeIfChromium, gridCell, openWorkbench, rowOf, startWorkbench, stopServer } from './helpers';

const GOOD = 'Hoàn thành tốt nhiệm vụ';
const COMPLETE = 'Hoàn thành nhiệm vụ';
/** The units the sample rates "Hoàn thành tốt nhiệm vụ" (8), by index; only Tái Sơn is under 85%. */
const GOOD_UNITS = ['Quang Khải', 'Hà Kỳ', 'Minh Đức', 'Quang Nghiệp', 'Nguyên Giáp', 'Hà Thanh', 'Đại Hợp', 'Tái Sơn'];

describeIfChromium('rules editor in Chromium', () => {
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

  /** Band column (N) of every unit row, by unit name. */
  async function bands(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (let row = 7; row <= 29; row++) out[(await gridCell(page, `B${row}`).textContent()) ?? ''] = (await gridCell(page, `N${row}`).textContent()) ?? '';
    return out;
  }

  test('a reviewer moves the "good" bound 80 → 85, previews, applies, and the band column changes', async () => {
    // Scored first with the rules in force (the default: the workbook holds none).
    await page.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
    await page.locator('[data-testid="outcome"][data-status="written"]').waitFor({ timeout: 30000 });
    const before = await bands();
    expect(Object.keys(before).filter((n) => before[n] === GOOD)).toEqual(GOOD_UNITS);
    const ts = await rowOf(page, 'Tái Sơn');
    expect(await gridCell(page, `L${ts}`).textContent()).toBe('81.53%');
    expect(await gridCell(page, `N${ts}`).textContent()).toBe(GOOD);

    await page.getByRole('tab', { name: 'Tiêu chí' }).click();
    await page.getByTestId('rules-panel').waitFor({ timeout: 30000 });
    expect(await page.getByTestId('rules-source').textContent()).toContain('dùng mặc định');

    // The lower bound of "Hoàn thành tốt nhiệm vụ", found by its accessible name.
    const goodMin = page.getByRole('textbox', { name: 'Mức 2: Hoàn thành tốt nhiệm vụ Ngưỡng dưới (%)' });
    await goodMin.fill('85');
    const message = page.getByTestId('rules-field-good-min');
    await message.filter({ hasText: 'các chỉ số giữa 80% và 85% không thuộc mức nào' }).waitFor();
    expect(await goodMin.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('rules-apply').isDisabled()).toBe(true);
    await page.getByTestId('rules-band-good').screenshot({ path: path.join(ARTIFACTS, 'pane-rules-gap-vi.png') });

    // "Hoàn thành nhiệm vụ" now ends under 85%, typed from the keyboard.
    const completeMax = page.getByRole('textbox', { name: 'Mức 3: Hoàn thành nhiệm vụ Ngưỡng trên (%)' });
    await completeMax.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('85');
    await page.getByTestId('rules-problems').waitFor({ state: 'detached' });
    expect(await goodMin.getAttribute('aria-invalid')).toBeNull();

    // Preview: the one unit, old → new and why; nothing written.
    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
    await page.getByTestId('rules-preview').waitFor({ timeout: 30000 });
    const items = page.getByTestId('rules-preview-item');
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')))).toEqual(['Tái Sơn']);
    const item = await items.first().textContent();
    expect(item).toContain(`Tái Sơn (81,53%): ${GOOD} → ${COMPLETE}`);
    expect(item).toContain(`ngưỡng mức "${GOOD}" từ 80% lên 85%: chỉ số 81,53% không còn đạt`);
    expect(await page.getByTestId('rules-count-good').textContent()).toBe(`${GOOD}: 8 → 7`);
    expect(await page.getByTestId('rules-count-complete').textContent()).toBe(`${COMPLETE}: 15 → 16`);
    expect(await bands()).toEqual(before);
    await page.getByTestId('rules-preview').screenshot({ path: path.join(ARTIFACTS, 'pane-rules-preview-vi.png') });

    // Apply, from the keyboard.
    const apply = page.getByTestId('rules-apply');
    expect(await apply.isEnabled()).toBe(true);
    await apply.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="rules-outcome"][data-status="written"]').waitFor({ timeout: 30000 });
    expect(await page.getByTestId('rules-outcome').textContent()).toContain('chấm lại 23 đơn vị');

    // The band column: Tái Sơn alone moves, its fill with it (BAND_FILL.complete = #FFF2CC).
    await gridCell(page, `N${ts}`).filter({ hasText: new RegExp(`^${COMPLETE}$`) }).waitFor();
    const after = await bands();
    expect(Object.keys(after).filter((n) => after[n] !== before[n])).toEqual(['Tái Sơn']);
    expect(await gridCell(page, `N${ts}`).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 242, 204)');

    // The pane now reads the rules from the workbook.
    await page.locator('[data-testid="rules-source"][data-source="workbook"]').waitFor();
    expect(await goodMin.inputValue()).toBe('85');
    await page.getByTestId('pane').screenshot({ path: path.join(ARTIFACTS, 'pane-rules-applied-vi.png') });
    // The grid scrolled to the output columns, Tái Sơn's band cell in view.
    await gridCell(page, `N${ts}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-rules-applied.png') });

    // And the scoring tab scores with them: 7 good.
    await page.getByRole('tab', { name: 'Chấm điểm' }).click();
    await page.getByTestId('found-unit-count').waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
    await page.locator('[data-testid="outcome"][data-status="written"]').waitFor({ timeout: 30000 });
    expect(await page.getByTestId('band-count-good').textContent()).toBe('7/23');
  });
});
