/**
 * A reviewer in the workbench (Chromium, the task pane on the fake Excel host next to the grid):
 * scores the sample, opens "Tiêu chí", moves the "good" lower bound 80 → 85 (the gap it opens is
 * flagged next to the field and Apply is disabled until "Hoàn thành nhiệm vụ" ends under 85%),
 * sees the preview list the one unit that changes (Tái Sơn, 81,53%: the only unit rated
 * "Hoàn thành tốt nhiệm vụ" under 85%; the seven others are 86,41% and up) with nothing written,
 * names the amended set by its decision (Apply is blocked until then), applies it from the
 * keyboard, and the band column of the grid changes for that unit alone. Then, in a 320 px pane
 * with no horizontal scrolling: a floor for one field, previewed with the field named, the
 * decision, Apply, and scoring again with the stored rules. Screenshots in test-artifacts/.
 */
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import {
  ARTIFACTS,
  confirmRulesIfAsked,
  describeIfChromium,
  gridCell,
  openWorkbench,
  paneOverflow,
  rowOf,
  startWorkbench,
  stopServer,
} from './helpers';

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
  });

  afterEach(async () => {
    await page.close();
    expect(errors).toEqual([]);
  });

  /** Band column (N) of every unit row, by unit name. */
  async function bands(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (let row = 7; row <= 29; row++)
      out[(await gridCell(page, `B${row}`).textContent()) ?? ''] =
        (await gridCell(page, `N${row}`).textContent()) ?? '';
    return out;
  }

  test('a reviewer moves the "good" bound 80 → 85, previews, applies, and the band column changes', async () => {
    page = await openWorkbench(browser, base, errors);
    // Scored first with the rules in force (the default, confirmed when the pane opened).
    await page.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
    await page.locator('[data-testid="outcome"][data-status="written"]').waitFor({ timeout: 30000 });
    const before = await bands();
    expect(Object.keys(before).filter((n) => before[n] === GOOD)).toEqual(GOOD_UNITS);
    const ts = await rowOf(page, 'Tái Sơn');
    expect(await gridCell(page, `L${ts}`).textContent()).toBe('81.53%');
    expect(await gridCell(page, `N${ts}`).textContent()).toBe(GOOD);

    await page.getByRole('tab', { name: 'Tiêu chí' }).click();
    await page.getByTestId('rules-panel').waitFor({ timeout: 30000 });
    expect(await page.getByTestId('rules-source').getAttribute('data-source')).toBe('workbook');

    // The lower bound of "Hoàn thành tốt nhiệm vụ", found by its accessible name (row and column).
    const goodMin = page.getByRole('textbox', { name: 'Hoàn thành tốt nhiệm vụ Ngưỡng dưới (%)', exact: true });
    await goodMin.fill('85');
    const message = page.getByTestId('rules-good-problems');
    await message.filter({ hasText: 'đơn vị đạt từ 80% đến 85% sẽ không được xếp loại' }).waitFor();
    expect(await goodMin.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('rules-apply').isDisabled()).toBe(true);
    await page.getByTestId('rules-bands').screenshot({ path: path.join(ARTIFACTS, 'pane-rules-gap-vi.png') });

    // "Hoàn thành nhiệm vụ" now ends under 85%, typed from the keyboard.
    const completeMax = page.getByRole('textbox', { name: 'Hoàn thành nhiệm vụ Ngưỡng trên (%)', exact: true });
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
    expect(item).toContain(`ngưỡng mức “${GOOD}” từ 80% lên 85%: chỉ số 81,53% không còn đạt`);
    expect(await page.getByTestId('rules-count-good').textContent()).toBe(`${GOOD}: 8 → 7`);
    expect(await page.getByTestId('rules-count-complete').textContent()).toBe(`${COMPLETE}: 15 → 16`);
    expect(await bands()).toEqual(before);
    await page.getByTestId('rules-preview').screenshot({ path: path.join(ARTIFACTS, 'pane-rules-preview-vi.png') });

    // Blocked until the amended set is named by its decision; then applied from the keyboard.
    const apply = page.getByTestId('rules-apply');
    expect(await apply.isDisabled()).toBe(true);
    expect(await page.getByTestId('rules-apply-hint').textContent()).toContain('Chưa áp dụng được');
    await page.getByTestId('rules-decision-number').fill('12/2024/QĐ-UBND');
    await page.getByTestId('rules-decision-date').fill('2024-03-15');
    await page.locator('[data-testid="rules-apply"]:not([disabled])').waitFor();
    await apply.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="rules-outcome"][data-status="written"]').waitFor({ timeout: 30000 });
    expect(await page.getByTestId('rules-outcome').textContent()).toContain(
      '“UBND tỉnh Hải Dương, Quyết định số 12/2024/QĐ-UBND ngày 15/03/2024”: đã ghi vào sổ tính, chấm lại 23 đơn vị',
    );

    // The band column: Tái Sơn alone moves, its fill with it (BAND_FILL.complete = #FFF2CC).
    await gridCell(page, `N${ts}`)
      .filter({ hasText: new RegExp(`^${COMPLETE}$`) })
      .waitFor();
    const after = await bands();
    expect(Object.keys(after).filter((n) => after[n] !== before[n])).toEqual(['Tái Sơn']);
    expect(await gridCell(page, `N${ts}`).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(255, 242, 204)',
    );

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
  test('at 320 px: a floor for one field, previewed with the field named, named by its decision, applied, scored', async () => {
    page = await openWorkbench(browser, base, errors, { query: '?pane=320', width: 1320, confirm: false });
    // No stored rules: the pane asks first, and the question fits the pane.
    await page.getByTestId('rules-confirm').waitFor({ timeout: 30000 });
    expect(await page.getByRole('button', { name: 'Chấm điểm', exact: true }).isDisabled()).toBe(true);
    expect(await paneOverflow(page)).toBe(0);
    await page.getByTestId('pane').screenshot({ path: path.join(ARTIFACTS, 'pane-rules-confirm-320.png') });
    await confirmRulesIfAsked(page);
    await page.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
    await page.locator('[data-testid="outcome"][data-status="written"]').waitFor({ timeout: 30000 });
    const before = await bands();
    await page.getByTestId('pane').getByRole('tab', { name: 'Tiêu chí', exact: true }).click();
    await page.getByTestId('rules-panel').waitFor({ timeout: 30000 });
    expect(await paneOverflow(page)).toBe(0);

    // Read the table first: its fields are offered for a per-field floor.
    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
    await page.getByTestId('rules-preview').waitFor({ timeout: 30000 });
    await page.getByTestId('rules-good-details').click();
    await page.getByTestId('rules-good-ff-add').click();
    const fields = await page
      .getByTestId('rules-good-field-floors')
      .locator('datalist option')
      .evaluateAll((els) => els.map((e) => e.getAttribute('value') ?? ''));
    expect(fields.length).toBeGreaterThan(0);
    await page.getByTestId('rules-good-ff0-pct').fill('95');
    // The first field whose 95% floor holds back a unit rated "good".
    let field = '';
    for (const label of fields) {
      await page.getByTestId('rules-good-ff0-field').fill(label);
      if ((await page.getByTestId('rules-preview-item').count()) > 0) {
        field = label;
        break;
      }
    }
    expect(field).not.toBe('');
    const items = page.getByTestId('rules-preview-item');
    const changed = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit') ?? ''));
    for (const text of await items.allTextContents())
      expect(text).toContain(`ngưỡng lĩnh vực “${field}” của mức “${GOOD}” 70% → 95%`);
    expect(await paneOverflow(page)).toBe(0);
    await page.getByTestId('pane').screenshot({ path: path.join(ARTIFACTS, 'pane-rules-field-floor-320.png') });

    // The settings and a block with its own bands fit too.
    await page.getByTestId('rules-settings-header').getByRole('button').click();
    await page.getByTestId('rules-blocks-header').getByRole('button').click();
    await page.getByTestId('rules-block-add').click();
    await page.getByTestId('rules-k0-own-bands').check();
    await page.getByTestId('rules-k0-bands').waitFor();
    expect(await paneOverflow(page)).toBe(0);
    await page.getByTestId('rules-k0-remove').click();
    await page.getByTestId('rules-block-0').waitFor({ state: 'detached' });

    // Apply is blocked, with the reason, until the decision names the set.
    expect(await page.getByTestId('rules-apply').isDisabled()).toBe(true);
    await page.getByTestId('rules-decision-needed').waitFor();
    await page.getByTestId('rules-decision-number').fill('7/2025/QĐ-UBND');
    await page.getByTestId('rules-decision-date').fill('2025-01-10');
    await page
      .getByTestId('rules-decision-name')
      .filter({ hasText: 'UBND tỉnh Hải Dương, Quyết định số 7/2025/QĐ-UBND ngày 10/01/2025' })
      .waitFor();
    expect(await paneOverflow(page)).toBe(0);
    await page.getByTestId('rules-apply').click();
    await page.locator('[data-testid="rules-outcome"][data-status="written"]').waitFor({ timeout: 30000 });

    // The units the preview named left "good" in the grid; no other unit moved.
    const after = await bands();
    expect(
      Object.keys(after)
        .filter((n) => after[n] !== before[n])
        .sort(),
    ).toEqual([...changed].sort());
    for (const name of changed) expect(after[name]).not.toBe(GOOD);

    // Scoring again uses the stored rules: the same bands.
    await page.getByTestId('pane').getByRole('tab', { name: 'Chấm điểm', exact: true }).click();
    await page.getByTestId('found-unit-count').waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
    await page.locator('[data-testid="outcome"][data-status="written"]').waitFor({ timeout: 30000 });
    expect(await bands()).toEqual(after);
  });
});
