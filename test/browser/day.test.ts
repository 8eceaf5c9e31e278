/**
 * The officer's day (issue 17) in Debian's Chromium, at the two pane widths Office gives
 * (320 px, the narrowest, and 400 px): the sample opens on its "Hướng dẫn" sheet; the pane finds
 * the table on "Tổng hợp" without being told; score; make the report (which activates the report
 * sheet); score again from there; change and apply a rule; go back and score again; export the
 * report (copied for Word and downloaded as .docx). No dead end: every step ends in a success
 * message, never in an error. Also: the first-run panel, shown once and remembered; a unit in the
 * results selecting its row on the scoring sheet.
 *
 * On every tab: axe-core (its source injected into the page) finds no violation, and the pane has
 * no horizontal scrolling. Screenshots of every step go to test-artifacts/day-<width>-<step>.png.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, ROOT, SHEET, confirmRulesIfAsked, describeIfChromium, startWorkbench, stopServer } from './helpers';

const GUIDE = 'Hướng dẫn';
const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * The one documented Fluent UI false positive: "aria-hidden-focus" on Tabster's dummy inputs.
 * Fluent v9 (through Tabster, its focus manager) puts `<i tabindex="0" aria-hidden="true"
 * data-tabster-dummy>` at the edges of focus groups to catch Tab and move focus on at once; a
 * screen reader never lands on them and a keyboard user never stops on them, but axe sees a
 * focusable element inside aria-hidden. Only those nodes are left out, nothing else of the rule.
 */
const FLUENT_FALSE_POSITIVE = { id: 'aria-hidden-focus', selector: '[data-tabster-dummy]' };

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run({ include: [['[data-testid="pane"]']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const isDummy = (target: string[]) =>
    page.evaluate(([sel, t]) => document.querySelector(t)?.matches(sel) ?? false, [
      FLUENT_FALSE_POSITIVE.selector,
      target[0],
    ] as const);
  const out: AxeViolation[] = [];
  for (const v of violations) {
    if (v.id !== FLUENT_FALSE_POSITIVE.id) {
      out.push(v);
      continue;
    }
    const nodes: AxeViolation['nodes'] = [];
    for (const n of v.nodes) if (!(await isDummy(n.target))) nodes.push(n);
    if (nodes.length > 0) out.push({ ...v, nodes });
  }
  return out;
}

/** The pane has no horizontal scrolling: nothing in it is wider than the pane (else the widest elements, to fix). */
async function horizontalOverflow(page: Page): Promise<number | string[]> {
  return page.getByTestId('pane').evaluate((el) => {
    const over = el.scrollWidth - el.clientWidth;
    if (over <= 0) return 0;
    const right = el.getBoundingClientRect().left + el.clientWidth;
    return [...el.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > right + 0.5)
      .slice(0, 8)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${String((e as HTMLElement).className).slice(0, 40)} ${Math.round(e.getBoundingClientRect().right - right)}px`,
      );
  });
}

/** A cell of the fake workbook, whatever sheet the grid shows. */
async function hostValue(page: Page, sheet: string, address: string): Promise<unknown> {
  return page.evaluate(([s, a]) => window.workbench!.bench.fake.host.sheet(s).values(a)[0][0], [
    sheet,
    address,
  ] as const);
}

async function activeSheet(page: Page): Promise<string> {
  return page.evaluate(() => window.workbench!.bench.fake.host.activeSheet);
}

describeIfChromium('the officer’s day in the workbench', () => {
  let server: ChildProcess | null = null;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ server, browser, base } = await startWorkbench());
  }, 360000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  });

  for (const width of [320, 400]) {
    test(`at ${width} px: open on "${GUIDE}", score, report, score again, change a rule, score again, export`, async () => {
      const errors: string[] = [];
      const context = await browser.newContext({ viewport: { width: 1000 + width, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route('**/*', (route) =>
        new URL(route.request().url()).hostname === 'localhost' ? route.continue() : route.abort(),
      );
      const shot = (step: string) =>
        page.getByTestId('pane').screenshot({ path: path.join(ARTIFACTS, `day-${width}-${step}.png`) });
      const expectTabClean = async (tab: string) => {
        expect({ tab, violations: await axeViolations(page) }).toEqual({ tab, violations: [] });
        expect({ tab, overflow: await horizontalOverflow(page) }).toEqual({ tab, overflow: 0 });
      };
      const score = async () => {
        await page.getByTestId('pane').getByRole('tab', { name: 'Chấm điểm', exact: true }).click();
        await page.getByTestId('found-unit-count').waitFor({ timeout: 30000 });
        // The sample holds no rules: the default is confirmed before the first write (issue 16 item 9).
        await confirmRulesIfAsked(page);
        expect(await page.getByTestId('inspect-error').count()).toBe(0);
        await page.getByRole('button', { name: 'Chấm điểm', exact: true }).click();
        await page.locator('[data-testid="outcome"][data-status="written"]').waitFor({ timeout: 30000 });
      };

      // 0. The first open shows the first-run panel (what table is needed, the sample, the guide) and the
      // version; dismissed, it stays hidden when the pane opens again (remembered by the pane, not the workbook).
      await page.goto(`${base}?sheet=${encodeURIComponent(GUIDE)}&pane=${width}`);
      await page.getByTestId('found-unit-count').waitFor({ timeout: 30000 });
      await page.getByTestId('first-run').waitFor({ timeout: 30000 });
      expect(await page.getByTestId('first-run').textContent()).toContain('“Điểm tối đa”');
      expect(await page.getByTestId('app-version').textContent()).toMatch(/^Phiên bản \d+\.\d+\.\d+$/);
      await shot('0-first-run');
      await expectTabClean('Chấm điểm (first run)');
      await page.getByTestId('first-run-dismiss').click();
      await page.getByTestId('first-run').waitFor({ state: 'detached' });

      // 1. Opened on the instructions sheet: the table is found on "Tổng hợp", the sheet stays as the user left it.
      await page.goto(`${base}?sheet=${encodeURIComponent(GUIDE)}&pane=${width}`);
      await page.getByTestId('found-unit-count').waitFor({ timeout: 30000 });
      expect(await page.getByTestId('first-run').count()).toBe(0);
      expect(await activeSheet(page)).toBe(GUIDE);
      expect(await page.getByTestId('found-sheet').textContent()).toBe(SHEET);
      expect(await page.getByTestId('found-unit-count').textContent()).toBe('23');
      expect(await page.getByTestId('inspect-error').count()).toBe(0);
      await shot('1-open');
      await expectTabClean('Chấm điểm');

      // 2. Score.
      await score();
      expect(await hostValue(page, SHEET, 'N5')).toBe('Xếp loại');
      expect(await page.getByTestId('band-count-good').textContent()).toBe('8/23');
      await shot('2-scored');

      // 2b. Results lead to rows: the first unit of the top list selects its row on "Tổng hợp" (the user was on the guide).
      expect(await activeSheet(page)).toBe(GUIDE);
      await page.getByTestId('top').getByTestId('unit-link').first().click();
      await page.waitForFunction(() => window.workbench!.bench.fake.host.selection === "'Tổng hợp'!A7:O7", undefined, {
        timeout: 10000,
      });
      expect(await activeSheet(page)).toBe(SHEET);
      // A demoted unit too: its row, and the table of demoted units in columns.
      const demoted = page.getByTestId('demoted-row').first();
      const row = await demoted.getByTestId('unit-link').getAttribute('data-row');
      await demoted.getByTestId('unit-link').click();
      await page.waitForFunction((r) => window.workbench!.bench.fake.host.selection === `'Tổng hợp'!A${r}:O${r}`, row, {
        timeout: 10000,
      });
      expect(await page.getByTestId('demoted-row').count()).toBe(9);
      await shot('2b-row-selected');
      await expectTabClean('Chấm điểm (results)');

      // 3. The report: the district's figures typed once.
      await page.getByTestId('pane').getByRole('tab', { name: 'Báo cáo', exact: true }).click();
      await page.getByTestId('report-panel').waitFor({ timeout: 30000 });
      await page.getByTestId('report-district').fill('Tứ Kỳ');
      await page.getByTestId('report-districtIndex').fill('83,30');
      await page.getByTestId('report-districtIndexLast').fill('63,19');
      await page.getByTestId('report-rank').fill('6');
      await page.getByTestId('report-rankOf').fill('12');
      await expectTabClean('Báo cáo');
      await page.getByTestId('report-button').click();
      await page.locator('[data-testid="report-outcome"][data-status="written"]').waitFor({ timeout: 30000 });
      expect(await activeSheet(page)).toBe('Báo cáo CCHC 2021');
      await shot('3-report');

      // 4. From the report sheet, scoring still finds "Tổng hợp" (remembered), and "Xem trước" too.
      await score();
      expect(await activeSheet(page)).toBe('Báo cáo CCHC 2021');

      // 5. A reviewer moves "good" from 80% to 85%, previews and applies.
      await page.getByTestId('pane').getByRole('tab', { name: 'Tiêu chí', exact: true }).click();
      await page.getByTestId('rules-panel').waitFor({ timeout: 30000 });
      await page.getByRole('textbox', { name: 'Hoàn thành tốt nhiệm vụ Ngưỡng dưới (%)', exact: true }).fill('85');
      await page.getByRole('textbox', { name: 'Hoàn thành nhiệm vụ Ngưỡng trên (%)', exact: true }).fill('85');
      await page.getByTestId('rules-problems').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
      await page.getByTestId('rules-preview').waitFor({ timeout: 30000 });
      // An amended rule set is named by its decision before it is applied.
      await page.getByTestId('rules-decision-number').fill('12/2024/QĐ-UBND');
      await page.locator('[data-testid="rules-apply"]:not([disabled])').waitFor();
      await expectTabClean('Tiêu chí');
      await page.getByTestId('rules-apply').click();
      await page.locator('[data-testid="rules-outcome"][data-status="written"]').waitFor({ timeout: 30000 });
      await shot('5-rules-applied');

      // 6. Back to scoring: 7 good now.
      await score();
      expect(await page.getByTestId('band-count-good').textContent()).toBe('7/23');
      await shot('6-scored-again');

      // 7. The report again, the inputs remembered, then exported as formatted text for Word.
      await page.getByTestId('pane').getByRole('tab', { name: 'Báo cáo', exact: true }).click();
      await page.getByTestId('report-panel').waitFor({ timeout: 30000 });
      expect(await page.getByTestId('report-district').inputValue()).toBe('Tứ Kỳ');
      // The report sheet made before the rule change says it is out of date, until it is made again.
      expect(await page.getByTestId('report-stale').textContent()).toContain('Báo cáo CCHC 2021');
      await page.getByTestId('report-button').click();
      await page.locator('[data-testid="report-outcome"][data-status="written"]').waitFor({ timeout: 30000 });
      await page.getByTestId('report-stale').waitFor({ state: 'detached' });
      await page.getByTestId('report-copy').click();
      await page.locator('[data-testid="report-export-outcome"][data-status="copied"]').waitFor({ timeout: 10000 });
      const html = await page.evaluate(async () => {
        const items = await navigator.clipboard.read();
        const blob = await items[0].getType('text/html');
        return blob.text();
      });
      expect(html).toContain('<h2');
      expect(html).toContain('huyện Tứ Kỳ');
      expect(html).toContain('Times New Roman');
      // The .docx where the host allows downloads (Chromium does): the same narrative as a Word file.
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30000 }),
        page.getByTestId('report-download').click(),
      ]);
      expect(download.suggestedFilename()).toBe('Báo cáo CCHC 2021.docx');
      const docx = path.join(ARTIFACTS, `day-${width}-report.docx`);
      await download.saveAs(docx);
      expect(fs.readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');
      await page.locator('[data-testid="report-export-outcome"][data-status="downloaded"]').waitFor({ timeout: 10000 });
      await shot('7-exported');
      await expectTabClean('Báo cáo (after export)');

      // 8. The log: the day's actions in words, the chain intact, filtered by action.
      await page.getByTestId('pane').getByRole('tab', { name: 'Nhật ký', exact: true }).click();
      await page.getByTestId('log-chain').waitFor({ timeout: 30000 });
      expect(await page.getByTestId('log-chain').getAttribute('data-intact')).toBe('true');
      const actions = await page
        .getByTestId('log-row')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
      // Newest first: report, scored (apply re-scores in the same run as rulesChanged), …
      expect(actions.filter((a) => a === 'scored').length).toBe(4);
      // The default confirmed before the first write, then the rule change applied.
      expect(actions.filter((a) => a === 'rulesChanged').length).toBe(2);
      expect(actions.filter((a) => a === 'reportGenerated').length).toBe(2);
      expect(await page.getByTestId('log-row').first().textContent()).toContain('Tạo báo cáo');
      await page.getByTestId('log-action').selectOption('rulesChanged');
      expect(await page.getByTestId('log-row').count()).toBe(2);
      expect(await page.getByTestId('log-row').first().textContent()).toContain('Áp dụng tiêu chí mới');
      await shot('8-log');
      await expectTabClean('Nhật ký');

      expect(errors).toEqual([]);
      await context.close();
    }, 300000);
  }
});
