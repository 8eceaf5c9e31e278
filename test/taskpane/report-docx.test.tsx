/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * "Tải về .docx" on the Báo cáo tab (issue 17, item 4): where the host allows downloads, the
 * narrative saved as a Word document through a Blob and an anchor download, the same document
 * the CLI's --report x.docx writes (src/docx); where it does not (Office on Mac, iPad), only
 * "copy for Word" is offered.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import JSZip from 'jszip';
import { TextDecoder, TextEncoder } from 'node:util';
import { narrativeDocxBuffer } from '../../src/docx/narrative-docx';
import { generateNarrative } from '../../src/engine';
import { canDownload } from '../../src/taskpane/download';
import { App } from '../../src/taskpane/App';
import type { LoadedWorkbook } from '../../src/workbench/loadXlsx';
import { confirmRulesIfAsked, fakeOf, loadSample } from './helpers';

// jsdom leaves out TextEncoder, which docx uses to pack (browsers have it).
Object.assign(globalThis, {
  TextEncoder: globalThis.TextEncoder ?? TextEncoder,
  TextDecoder: globalThis.TextDecoder ?? TextDecoder,
});

let sample: LoadedWorkbook;
let restore: (() => void) | null = null;
const createObjectURL = URL.createObjectURL;
const revokeObjectURL = URL.revokeObjectURL;

beforeAll(async () => {
  sample = await loadSample();
});

afterEach(() => {
  cleanup();
  restore?.();
  restore = null;
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
  delete (globalThis as { Office?: unknown }).Office;
  jest.restoreAllMocks();
});

/** Blobs handed to URL.createObjectURL, and the anchors clicked. */
function captureDownloads() {
  const blobs: Blob[] = [];
  URL.createObjectURL = jest.fn((b: Blob) => {
    blobs.push(b);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = jest.fn();
  const clicked: { href: string; download: string }[] = [];
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download });
  });
  return { blobs, clicked };
}

async function openReportTab() {
  const f = fakeOf(sample);
  restore = f.restore;
  render(<App run={f.run} lang="vi" />);
  await screen.findByTestId('found-unit-count', {}, { timeout: 10000 });
  await confirmRulesIfAsked();
  fireEvent.click(screen.getByRole('tab', { name: 'Báo cáo' }));
  await screen.findByTestId('report-panel', {}, { timeout: 10000 });
  await screen.findByTestId('report-preview');
  return f;
}

function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

test('"Tải về .docx" saves the narrative as the CLI’s Word document: same text, page numbers at the top from page 2', async () => {
  const { blobs, clicked } = captureDownloads();
  await openReportTab();
  fireEvent.change(screen.getByTestId('report-district'), { target: { value: 'Tứ Kỳ' } });
  await waitFor(() => expect(screen.getByTestId('report-preview').textContent).toContain('huyện Tứ Kỳ'));
  const button = screen.getByTestId('report-download');
  expect(button.textContent).toBe('Tải về .docx');
  await act(async () => {
    fireEvent.click(button);
  });
  const outcome = await screen.findByTestId('report-export-outcome', {}, { timeout: 10000 });
  expect(`${outcome.getAttribute('data-status')}: ${outcome.textContent}`).toMatch(/^downloaded: /);
  expect(outcome.textContent).toContain('Báo cáo CCHC 2021.docx');
  expect(clicked).toEqual([{ href: 'blob:test/1', download: 'Báo cáo CCHC 2021.docx' }]);
  expect(blobs).toHaveLength(1);

  const zip = await JSZip.loadAsync(await blobBytes(blobs[0]));
  const body = await zip.file('word/document.xml')!.async('string');
  expect(body).toContain('huyện Tứ Kỳ');
  // The first page's header is empty, the others carry the page number, centred.
  expect(body).toContain('<w:titlePg/>');
  const headers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/header\d+\.xml$/.test(n))
      .map((n) => zip.file(n)!.async('string')),
  );
  expect(headers.filter((h) => h.includes('PAGE'))).toHaveLength(1);
  expect(headers.find((h) => h.includes('PAGE'))).toContain('<w:jc w:val="center"/>');

  // The CLI's document for the same narrative: the same body, byte for byte.
  const f = fakeOf(sample);
  const { inspectWorkbook } = await import('../../src/excel/workbook');
  const { HAI_DUONG_2018 } = await import('../../src/engine');
  const inspection = await inspectWorkbook(f.run, HAI_DUONG_2018, 'vi');
  f.restore();
  const narrative = generateNarrative(inspection.result, { year: 2021, districtName: 'Tứ Kỳ' }, 'vi');
  const cli = await JSZip.loadAsync(await narrativeDocxBuffer(narrative, 'vi'));
  expect(body).toBe(await cli.file('word/document.xml')!.async('string'));
});

test('where the host blocks downloads (Office on Mac), only "copy for Word" is offered', async () => {
  captureDownloads();
  (globalThis as { Office?: unknown }).Office = { context: { platform: 'Mac' } };
  expect(canDownload()).toBe(false);
  (globalThis as { Office?: unknown }).Office = { context: { platform: 'OfficeOnline' } };
  expect(canDownload()).toBe(true);
  (globalThis as { Office?: unknown }).Office = { context: { platform: 'Mac' } };
  await openReportTab();
  expect(screen.queryByTestId('report-download')).toBeNull();
  expect(screen.getByTestId('report-copy').textContent).toBe('Sao chép để dán vào Word');
});
