/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * First run and trust (issue 17, item 10): a short panel (the table the add-in needs, the sample,
 * the guide), dismissed once and remembered by the pane (local storage), never by the workbook;
 * the version from package.json in the footer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { FIRST_RUN_KEY } from '../../src/taskpane/hooks/useFirstRun';
import type { LoadedWorkbook } from '../../src/workbench/loadXlsx';
import { fakeOf, loadSample } from './helpers';

let sample: LoadedWorkbook;
let restore: (() => void) | null = null;
const VERSION = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version as string;

beforeAll(async () => {
  sample = await loadSample();
});

beforeEach(() => localStorage.clear());

afterEach(() => {
  cleanup();
  restore?.();
  restore = null;
  delete (globalThis as { __APP_VERSION__?: string }).__APP_VERSION__;
});

async function open(lang: 'vi' | 'en' = 'vi') {
  const f = fakeOf(sample);
  restore = f.restore;
  render(<App run={f.run} lang={lang} />);
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
  return f;
}

test('the first open shows what table is needed, the sample and the guide; dismissed, it stays hidden on the next open', async () => {
  const { fake } = await open();
  const before = fake.host.snapshot();
  const panel = screen.getByTestId('first-run');
  expect(panel.textContent).toContain('Bắt đầu');
  expect(panel.textContent).toContain('“Tên đơn vị”');
  expect(panel.textContent).toContain('“Điểm tối đa”');
  expect(within(panel).getByTestId('first-run-sample').getAttribute('href')).toBe('assets/chi-so-cchc-2021-tu-ky.xlsx');
  expect(within(panel).getByTestId('first-run-help').getAttribute('href')).toBe('help.html');
  // The files the links name are shipped by the build.
  const config = fs.readFileSync(path.join(__dirname, '..', '..', 'webpack.config.js'), 'utf8');
  // Quotes as the formatter leaves them: compare the text with its quotes taken out.
  expect(config.replace(/['"]/g, '')).toContain(
    '{ from: examples/chi-so-cchc-2021-tu-ky.xlsx, to: assets/[name][ext] }',
  );
  // The panel is a labelled message (its title names it).
  expect(panel.getAttribute('aria-labelledby')).toBeTruthy();
  expect(document.getElementById(panel.getAttribute('aria-labelledby')!)?.textContent).toBe('Bắt đầu');

  await act(async () => {
    fireEvent.click(screen.getByTestId('first-run-dismiss'));
  });
  expect(screen.queryByTestId('first-run')).toBeNull();
  expect(localStorage.getItem(FIRST_RUN_KEY)).toBe('1');
  // Remembered by the pane, not the workbook: nothing written, no setting stored.
  expect(fake.host.snapshot()).toEqual(before);

  cleanup();
  restore?.();
  await open();
  expect(screen.queryByTestId('first-run')).toBeNull();
  // The footer's link shows it again.
  await act(async () => {
    fireEvent.click(screen.getByTestId('first-run-reopen'));
  });
  expect(screen.getByTestId('first-run')).toBeTruthy();
});

test('the footer shows the version webpack builds in from package.json; English panel in English', async () => {
  (globalThis as { __APP_VERSION__?: string }).__APP_VERSION__ = VERSION;
  await open('en');
  expect(screen.getByTestId('app-version').textContent).toBe(`Version ${VERSION}`);
  expect(screen.getByTestId('first-run').textContent).toContain('Getting started');
  for (const file of ['webpack.config.js', 'webpack.workbench.js']) {
    expect(fs.readFileSync(path.join(__dirname, '..', '..', file), 'utf8').replace(/['"]/g, '')).toContain(
      '__APP_VERSION__: JSON.stringify(require(./package.json).version)',
    );
  }
});
