/**
 * Print-ready output from the CLI (issue 17, item 3): the scoring sheet's print area grown over the
 * output columns, rows whose notes wrap given their heights, the report sheet set up as the add-in
 * sets it (A4 portrait, one page wide, Decree 30/2020 margins, Times New Roman; the values of
 * src/engine/print-setup.ts). The print check: the scored copy converted to PDF by LibreOffice,
 * read with pdftotext and pdfinfo.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { FIT_TO_PAGES, ND30_MARGINS_MM, PRINT_FONT, columnLetter } from '../../src/engine';
import type { JsonReport } from '../../src/cli/report';
import {
  SAMPLE,
  SMALL_SHEET,
  libreOfficeConvert,
  pdfPages,
  readWorkbook,
  runCli,
  smallTable,
  tempDir,
  writeWorkbook,
  type PdfPage,
} from './helpers';

let dir: string;
const out = (name: string) => path.join(dir, name);
let report: JsonReport;
let parts: JSZip;

async function part(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`no part ${name}`);
  return file.async('string');
}

/** The `_xlnm.Print_Area` names of a workbook part: localSheetId → text (entities resolved). */
function printAreas(workbookXml: string): Map<string, string[]> {
  const areas = new Map<string, string[]>();
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    if (!/name="_xlnm\.Print_Area"/.test(m[1])) continue;
    const id = /localSheetId="(\d+)"/.exec(m[1])?.[1] ?? '';
    areas.set(id, [...(areas.get(id) ?? []), m[2].replace(/&apos;/g, "'").replace(/&amp;/g, '&')]);
  }
  return areas;
}

/** The output block's first and last columns (letters) and header row, as the scored sheet shows them. */
async function outputColumns(file: string): Promise<{ first: string; last: string; headerRow: number }> {
  const ws = (await readWorkbook(file)).getWorksheet('Tổng hợp')!;
  for (let r = 1; r <= 10; r++) {
    const texts: string[] = [];
    ws.getRow(r).eachCell((cell, c) => (texts[c - 1] = String(cell.value)));
    const first = texts.indexOf('Chỉ số (%)');
    const last = texts.indexOf('Ghi chú');
    if (first >= 0 && last >= 0) return { first: columnLetter(first), last: columnLetter(last), headerRow: r };
  }
  throw new Error('no output headers');
}

/** `<row r="N" …>` start tags of a sheet part, by row number. */
function rowTags(sheetXml: string): Map<number, string> {
  return new Map([...sheetXml.matchAll(/<row\b[^>]*?\br="(\d+)"[^>]*>/g)].map((m) => [Number(m[1]), m[0]]));
}

const heightOf = (tag: string | undefined) => Number(/\bht="([\d.]+)"/.exec(tag ?? '')?.[1] ?? '0');

beforeAll(async () => {
  dir = tempDir('par-print-');
  const r = await runCli([SAMPLE, '--out', out('scored.xlsx'), '--json', out('scored.json')]);
  expect(r).toMatchObject({ code: 0 });
  report = JSON.parse(fs.readFileSync(out('scored.json'), 'utf8')) as JsonReport;
  parts = await JSZip.loadAsync(fs.readFileSync(out('scored.xlsx')));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the sample's print area (A1:K29, the input only) is grown over the output columns; a re-run keeps one", async () => {
  const { last } = await outputColumns(out('scored.xlsx'));
  const lastRow = Math.max(...report.units.map((u) => u.row));
  const areas = printAreas(await part(parts, 'xl/workbook.xml'));
  // "Tổng hợp" is the second sheet (localSheetId 1).
  expect(areas.get('1')).toEqual([`'Tổng hợp'!$A$1:$${last}$${lastRow}`]);
  expect(last > 'K').toBe(true);

  expect(await runCli([out('scored.xlsx'), '--out', out('rescored.xlsx')])).toMatchObject({ code: 0 });
  const again = printAreas(await part(await JSZip.loadAsync(fs.readFileSync(out('rescored.xlsx'))), 'xl/workbook.xml'));
  expect(again.get('1')).toEqual(areas.get('1'));
  expect(again.get('2')).toEqual(areas.get('2'));
});

test('a workbook without a print area gets none on its scoring sheet (its used range prints, output included)', async () => {
  await writeWorkbook(out('small.xlsx'), [{ name: SMALL_SHEET, rows: smallTable() }]);
  expect(await runCli([out('small.xlsx'), '--out', out('small.scored.xlsx')])).toMatchObject({ code: 0 });
  const areas = printAreas(
    await part(await JSZip.loadAsync(fs.readFileSync(out('small.scored.xlsx'))), 'xl/workbook.xml'),
  );
  expect(areas.has('0')).toBe(false);
  // The report sheet (the second) has its own.
  expect(areas.get('1')?.[0]).toMatch(/!\$A\$1:\$E\$\d+$/);
});

test('rows whose note wraps get a height; the others keep theirs', async () => {
  const tags = rowTags(await part(parts, 'xl/worksheets/sheet2.xml'));
  const demoted = report.units.filter((u) => u.demotedFrom !== null);
  const plain = report.units.filter((u) => u.demotedFrom === null);
  expect(demoted.length).toBeGreaterThan(0);
  for (const u of demoted) {
    expect({ unit: u.name, tag: tags.get(u.row) }).toEqual({
      unit: u.name,
      tag: expect.stringContaining('customHeight="1"'),
    });
    // Two lines or more at the sheet's font: taller than a one-line row (15 points).
    expect(heightOf(tags.get(u.row))).toBeGreaterThan(20);
  }
  for (const u of plain) expect({ unit: u.name, ht: heightOf(tags.get(u.row)) }).toEqual({ unit: u.name, ht: 0 });
});

test('the report sheet: A4 portrait, one page wide, Decree 30/2020 margins, Times New Roman, paragraphs across the columns', async () => {
  const xml = await part(parts, 'xl/worksheets/sheet3.xml');
  expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  const setup = /<pageSetup\b[^>]*>/.exec(xml)?.[0] ?? '';
  expect(setup).toContain('paperSize="9"');
  expect(setup).toContain('orientation="portrait"');
  expect(setup).toContain(`fitToWidth="${FIT_TO_PAGES.wide}"`);
  expect(setup).toContain(`fitToHeight="${FIT_TO_PAGES.tall}"`);
  const margins = /<pageMargins\b[^>]*>/.exec(xml)?.[0] ?? '';
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const inches = Number(new RegExp(`\\b${side}="([\\d.]+)"`).exec(margins)?.[1]);
    expect({ side, mm: Math.round(inches * 25.4 * 10) / 10 }).toEqual({ side, mm: ND30_MARGINS_MM[side] });
  }
  // CT_Worksheet's order.
  const order = [
    '<sheetPr',
    '<dimension',
    '<sheetViews',
    '<sheetFormatPr',
    '<cols',
    '<sheetData',
    '<mergeCells',
    '<printOptions',
    '<pageMargins',
    '<pageSetup',
  ].map((t) => xml.indexOf(t));
  expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);

  const ws = (await readWorkbook(out('scored.xlsx'))).worksheets[2];
  expect(ws.getCell('A1').font?.name).toBe(PRINT_FONT);
  expect(ws.getCell('A2').font?.name).toBe(PRINT_FONT);
  // The title spans A:E; the ranking table keeps one field a column.
  expect(ws.getCell('A1').isMerged).toBe(true);
  expect(ws.getCell('E1').master.address).toBe('A1');
  const last = ws.rowCount;
  expect(ws.getCell(`B${last}`).value).toBe(
    report.units.find((u) => u.rank === Math.max(...report.units.map((v) => v.rank)))?.name,
  );
  expect(ws.getCell(`B${last}`).isMerged).toBe(false);
});

/** A copy of a workbook with its part `name` edited. */
async function editPart(source: string, target: string, name: string, edit: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(source));
  zip.file(name, edit(await part(zip, name)));
  fs.writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return target;
}

/** The scoring page's text: the page with the sample's title. */
function scoringPage(pages: PdfPage[]): string {
  const scoring = pages.filter((p) => p.text.includes('BẢNG TỔNG HỢP ĐIỂM THẨM ĐỊNH'));
  expect(scoring).toHaveLength(1);
  return scoring[0].text;
}

/** Whether a page shows the output block: its headers and every unit's index as the output column shows it (0.00%). */
function showsOutput(text: string): boolean {
  const headers = ['Xếp hạng', 'Xếp loại', 'Ghi chú'].every((h) => text.includes(h));
  return headers && report.units.every((u) => new RegExp(`${u.indexPct.toFixed(2).replace('.', '[.,]')}%`).test(text));
}

describe('the print check: LibreOffice prints the scored copy to PDF', () => {
  let pages: PdfPage[];
  let unextended: PdfPage[];
  beforeAll(async () => {
    // The sample's print area as Excel writes it ($A$1:$K$29): LibreOffice 7.4 ignores the sample's "$A1:$K29" when printing.
    const absolute = await editPart(SAMPLE, out('absolute.xlsx'), 'xl/workbook.xml', (xml) =>
      xml.replace('$A1:$K29', '$A$1:$K$29'),
    );
    expect(await runCli([absolute, '--out', out('absolute.scored.xlsx')])).toMatchObject({ code: 0 });
    pages = await pdfPages(await libreOfficeConvert(out('absolute.scored.xlsx'), 'pdf', dir));
    // The control: the same scored copy with the input's print area put back.
    const back = await editPart(out('absolute.scored.xlsx'), out('unextended.xlsx'), 'xl/workbook.xml', (xml) =>
      xml.replace(/(localSheetId="1">[^<]*!)[^<]*/, '$1$$A$$1:$$K$$29'),
    );
    unextended = await pdfPages(await libreOfficeConvert(back, 'pdf', dir));
  }, 180_000);

  test('the scoring page shows the output columns beside the input (and would not with the input print area)', () => {
    expect(showsOutput(scoringPage(pages))).toBe(true);
    expect(showsOutput(scoringPage(unextended))).toBe(false);
  });

  test('the report sheet prints on 2 to 3 A4 portrait pages, every column and unit on them', () => {
    const first = pages.findIndex((p) => p.text.includes('II. KẾT QUẢ ĐÁNH GIÁ'));
    expect(first).toBeGreaterThan(0);
    const reportPages = pages.slice(first);
    console.log(
      `report sheet: ${reportPages.length} pages, ${reportPages.map((p) => `${p.width}×${p.height} pt`).join(', ')}`,
    );
    expect(reportPages.length).toBeGreaterThanOrEqual(2);
    expect(reportPages.length).toBeLessThanOrEqual(3);
    for (const p of reportPages)
      expect({ width: Math.round(p.width), height: Math.round(p.height) }).toEqual({ width: 595, height: 842 });
    const text = reportPages.map((p) => p.text).join('\n');
    // One page wide: the ranking table's first and last headers on the same page.
    expect(reportPages.some((p) => p.text.includes('Xếp hạng') && p.text.includes('Ghi chú'))).toBe(true);
    for (const u of report.units)
      expect({ unit: u.name, on: text.includes(u.name) }).toEqual({ unit: u.name, on: true });
  });
});
