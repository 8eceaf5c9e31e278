/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Accessibility of the pane's structure (issue 17, item 12), beside the axe check of the day
 * test: a main landmark that is not itself the tab panel, every message bar named (Fluent's
 * MessageBar points aria-labelledby at a title it may not have), the report preview in headings.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
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
});

/** Message bars (Fluent: role="group" with the fui-MessageBar class) without an accessible name that resolves. */
function unnamedMessageBars(): string[] {
  return [...document.querySelectorAll('.fui-MessageBar')]
    .filter((bar) => {
      const label = bar.getAttribute('aria-label');
      if (label && label.trim() !== '') return false;
      const ids = (bar.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      return !ids.some((id) => (document.getElementById(id)?.textContent ?? '').trim() !== '');
    })
    .map((bar) => `${bar.getAttribute('data-testid') ?? '?'}: ${bar.textContent?.slice(0, 60)}`);
}

test('a main landmark holds the tab panel, and is not one itself', async () => {
  const f = fakeOf(sample);
  restore = f.restore;
  render(<App run={f.run} lang="vi" />);
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
  const mains = screen.getAllByRole('main');
  expect(mains).toHaveLength(1);
  expect(mains[0].getAttribute('role')).toBeNull();
  const panel = screen.getByRole('tabpanel');
  expect(mains[0].contains(panel)).toBe(true);
  expect(panel.getAttribute('aria-labelledby')).toBe(screen.getByRole('tab', { name: 'Chấm điểm' }).id);
});

test('every message bar of the scoring and report tabs is named, errors and warnings by their kind', async () => {
  // D9 holds text: an error bar; the first-run panel is there too.
  const f = fakeOf(withCell(sample, 'Tổng hợp', 8, 3, 'abc'));
  restore = f.restore;
  render(<App run={f.run} lang="vi" />);
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
  expect(screen.getByTestId('errors-block').getAttribute('aria-label')).toBe('Lỗi');
  expect(screen.getByTestId('first-run')).toBeTruthy();
  expect(unnamedMessageBars()).toEqual([]);
  cleanup();
  restore();

  const g = fakeOf(sample);
  restore = g.restore;
  render(<App run={g.run} lang="vi" />);
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
  await confirmRulesIfAsked();
  fireEvent.click(screen.getByRole('button', { name: 'Chấm điểm' }));
  await waitFor(() => expect(screen.getByTestId('outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect(screen.getByTestId('outcome').getAttribute('aria-label')).toBe('Thành công');
  expect(unnamedMessageBars()).toEqual([]);

  fireEvent.click(screen.getByRole('tab', { name: 'Báo cáo' }));
  await screen.findByTestId('report-panel', {}, { timeout: 10000 });
  await act(async () => {
    fireEvent.click(screen.getByTestId('report-button'));
  });
  await waitFor(() => expect(screen.getByTestId('report-outcome').getAttribute('data-status')).toBe('written'), {
    timeout: 10000,
  });
  expect(unnamedMessageBars()).toEqual([]);

  // The preview: the title and the narrative's headings are headings, one level under the section's, none skipped.
  const preview = screen.getByTestId('report-preview');
  const levels = [...preview.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
  expect(levels[0]).toBe(3);
  expect(levels.filter((l) => l === 4).length).toBeGreaterThan(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
  expect(preview.closest('section')?.querySelector('h2')?.textContent).toBe('Xem trước lời văn');
});
