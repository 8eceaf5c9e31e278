/**
 * The CLI's report writers: the report sheet in the scored copy (read back by exceljs and by
 * LibreOffice headless, replaced on a re-run by its marker, a user's sheet of the same name left
 * alone, the marker surviving a LibreOffice round trip), and --report as .txt (= the golden
 * file), .md and .docx (headings as Word headings, list items as list paragraphs, Times New Roman 13 pt).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  HAI_DUONG_2018,
  generateNarrative,
  narrativeToMarkdown,
  narrativeToText,
  scoreGrid,
  type Narrative,
  type ScoringResult,
} from '../../src/engine';
import { reportSettings } from '../../src/cli/report-options';
import {
  MARKER_COLUMN,
  REPORT_MARKER,
  guessReportYear,
  pickReportSheetName,
  reportCellLook,
  reportSheetModel,
  yearIn,
} from '../../src/engine';
import { readSheetGrid } from './exceljs-grid';
import {
  SAMPLE,
  libreOfficeConvert,
  libreOfficeSheets,
  pdfPages,
  readWorkbook,
  runCli,
  sha256,
  tempDir,
} from './helpers';

const GOLDEN_VI = path.join(__dirname, '..', 'golden', 'narrative-sample.vi.txt');
/** The settings of the golden file (test/narrative/seed-fixture.ts SEED_SETTINGS), as options. */
const SEED_ARGS = [
  '--district',
  'Tứ Kỳ',
  '--district-index',
  '83,30',
  '--district-index-last',
  '63,19',
  '--district-rank',
  '6/12',
  '--district-band',
  'good',
];
const SHEET = 'Báo cáo CCHC 2021';

let dir: string;
let sampleResult: ScoringResult;
const out = (name: string) => path.join(dir, name);

async function scoreSample(): Promise<ScoringResult> {
  const wb = await readWorkbook(SAMPLE);
  const ws = wb.getWorksheet('Tổng hợp')!;
  const { grid, formats } = readSheetGrid(ws);
  const s = scoreGrid(grid, ws.name, HAI_DUONG_2018, { formats });
  if (!s.found) throw new Error('no table in the sample');
  return s.result;
}

function expectOk(r: { code: number; stderr: string }): void {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
}

/** AZ1:AZ3 of a sheet. */
function marker(ws: ExcelJS.Worksheet): unknown[] {
  return [1, 2, 3].map((r) => ws.getCell(r, MARKER_COLUMN + 1).value);
}

/** Column A of a sheet, as text. */
function columnA(ws: ExcelJS.Worksheet): string[] {
  const outRows: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    outRows.push(v === null || v === undefined ? '' : String(v));
  }
  return outRows;
}

/** A copy of the sample with a user's own sheet named like the report. */
async function sampleWithUserSheet(file: string, name = SHEET): Promise<string> {
  const wb = await readWorkbook(SAMPLE);
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = 'Ghi chú của tôi — không được xoá';
  ws.getCell('B2').value = 42;
  await wb.xlsx.writeFile(file);
  return file;
}

/** Opens an .xlsx in LibreOffice headless and saves it again as .xlsx (a real program's round trip). */
function libreOfficeResave(file: string, outDir: string): Promise<string> {
  return libreOfficeConvert(file, 'xlsx:Calc MS Excel 2007 XML', outDir);
}

beforeAll(async () => {
  dir = tempDir('par-report-');
  sampleResult = await scoreSample();
  expectOk(await runCli([SAMPLE, '--out', out('scored.xlsx'), '--report', out('report.txt'), ...SEED_ARGS]));
  expectOk(await runCli([out('scored.xlsx'), '--out', out('rescored.xlsx'), ...SEED_ARGS]));
  await sampleWithUserSheet(out('user.xlsx'));
  expectOk(await runCli([out('user.xlsx'), '--out', out('user.scored.xlsx'), ...SEED_ARGS]));
  expectOk(await runCli([out('user.scored.xlsx'), '--out', out('user.rescored.xlsx'), ...SEED_ARGS]));
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the report sheet in the scored copy', () => {
  test('is added after the input sheets, marked as ours in the hidden column AZ', async () => {
    const wb = await readWorkbook(out('scored.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Tổng hợp', SHEET]);
    const ws = wb.getWorksheet(SHEET)!;
    expect(marker(ws)).toEqual([REPORT_MARKER, '2021', SHEET]);
    expect(ws.getColumn(MARKER_COLUMN + 1).hidden).toBe(true);
  });

  test('holds the narrative in column A (merged across the columns, wrapped, headings bold), the band table and the ranking table', async () => {
    const wb = await readWorkbook(out('scored.xlsx'));
    const ws = wb.getWorksheet(SHEET)!;
    const narrative = generateNarrative(
      sampleResult,
      { ...reportSettings(argsOf(SEED_ARGS), HAI_DUONG_2018, 'vi'), year: 2021 },
      'vi',
    );
    const a = columnA(ws);
    const expected = [
      narrative.title,
      ...narrative.paragraphs.map((p) => (p.level === 'bullet' ? `- ${p.text}` : p.text)),
    ];
    expect(a.slice(0, expected.length)).toEqual(expected);
    // Each paragraph spans the report's columns (A–E, about a page wide at the print scale), merged.
    expect([1, 2, 3, 4, 5].reduce((w, c) => w + (ws.getColumn(c).width ?? 0), 0)).toBeGreaterThanOrEqual(90);
    expected.forEach((_, i) =>
      expect({
        row: i + 1,
        merged: ws.getCell(i + 1, 5).isMerged && ws.getCell(i + 1, 5).master.address === `A${i + 1}`,
      }).toEqual({ row: i + 1, merged: true }),
    );
    expect(ws.getCell(1, 1).font?.bold).toBe(true);
    narrative.paragraphs.forEach((p, i) => {
      const cell = ws.getCell(i + 2, 1);
      expect(cell.alignment?.wrapText).toBe(true);
      expect(Boolean(cell.font?.bold)).toBe(p.level !== 0 && p.level !== 'bullet');
      expect(cell.numFmt).toBe('@'); // "- Nhóm …" stays text
    });

    const bandHeader = a.indexOf('Mức xếp loại');
    expect(bandHeader).toBeGreaterThan(expected.length);
    const row = (r: number, n: number) => Array.from({ length: n }, (_, c) => ws.getCell(r + 1, c + 1).value);
    expect(row(bandHeader, 3)).toEqual(['Mức xếp loại', 'Số đơn vị', 'Tỷ lệ']);
    expect(row(bandHeader + 1, 3)).toEqual(['Hoàn thành xuất sắc nhiệm vụ', 0, 0]);
    expect(row(bandHeader + 2, 3)).toEqual(['Hoàn thành tốt nhiệm vụ', 8, 0.3478]);
    expect(row(bandHeader + 3, 3)).toEqual(['Hoàn thành nhiệm vụ', 15, 0.6522]);
    expect(row(bandHeader + 4, 3)).toEqual(['Không hoàn thành nhiệm vụ', 0, 0]);
    expect(row(bandHeader + 5, 3)).toEqual(['Tổng cộng', 23, 1]);
    expect(ws.getCell(bandHeader + 3, 3).numFmt).toBe('0.00%');

    const rankHeader = a.indexOf('Xếp hạng');
    expect(row(rankHeader, 5)).toEqual(['Xếp hạng', 'Đơn vị', 'Chỉ số', 'Xếp loại', 'Ghi chú']);
    const ranked = sampleResult.rankOrder.map((k) => sampleResult.units[k]);
    ranked.forEach((u, i) => {
      const [rank, name, index, band] = row(rankHeader + 1 + i, 4);
      expect([rank, name, band]).toEqual([
        u.rank,
        u.name,
        u.band === 'good' ? 'Hoàn thành tốt nhiệm vụ' : 'Hoàn thành nhiệm vụ',
      ]);
      expect(index).toBeCloseTo(u.indexPct / 100, 6);
      expect(ws.getCell(rankHeader + 2 + i, 3).numFmt).toBe('0.00%');
    });
    const vanTo = ranked.findIndex((u) => u.name === 'Văn Tố');
    expect(String(ws.getCell(rankHeader + 2 + vanTo, 5).value)).toMatch(
      /^Chỉ số 80,75% thuộc mức “Hoàn thành tốt nhiệm vụ” nhưng lĩnh vực .* dưới 70%/,
    );
  });

  test("every cell looks as the engine's table says for its role (the add-in draws from the same table)", async () => {
    const wb = await readWorkbook(out('scored.xlsx'));
    const ws = wb.getWorksheet(SHEET)!;
    const narrative = generateNarrative(
      sampleResult,
      { ...reportSettings(argsOf(SEED_ARGS), HAI_DUONG_2018, 'vi'), year: 2021 },
      'vi',
    );
    const model = reportSheetModel(sampleResult, narrative, { year: 2021 }, 'vi');
    const argb = (colour: string | null) => (colour === null ? null : `FF${colour.slice(1).toUpperCase()}`);
    let checked = 0;
    model.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const look = reportCellLook(cell);
        const got = ws.getCell(r + 1, c + 1);
        const fill =
          got.fill?.type === 'pattern' && got.fill.pattern === 'solid' ? (got.fill.fgColor?.argb ?? null) : null;
        expect({
          r,
          c,
          role: cell.role,
          bold: Boolean(got.font?.bold),
          size: got.font?.size ?? 11,
          fill,
          numFmt: got.numFmt,
          wrap: Boolean(got.alignment?.wrapText),
          h: got.alignment?.horizontal ?? 'general',
          v: got.alignment?.vertical,
          indent: got.alignment?.indent ?? 0,
          border: got.border?.top?.color?.argb ?? null,
        }).toEqual({
          r,
          c,
          role: cell.role,
          bold: look.bold,
          size: look.size ?? 11,
          fill: argb(look.fill),
          numFmt: look.numberFormat,
          wrap: look.wrap,
          h: look.horizontal,
          v: look.vertical === 'center' ? 'middle' : 'top',
          indent: look.indent,
          border: look.border ? 'FF808080' : null,
        });
        checked++;
      }),
    );
    expect(checked).toBeGreaterThan(23 * 5);
    expect(ws.getCell(1, 1).font?.size).toBe(14);
  });

  test('a re-run replaces the sheet it made, in the same place, and still finds the scoring table', async () => {
    const before = await readWorkbook(out('scored.xlsx'));
    const after = await readWorkbook(out('rescored.xlsx'));
    expect(after.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Tổng hợp', SHEET]);
    expect(columnA(after.getWorksheet(SHEET)!)).toEqual(columnA(before.getWorksheet(SHEET)!));
  });

  test('a user\'s sheet with the default name survives: the report goes to "… (2)", and a re-run replaces only that one', async () => {
    for (const file of ['user.scored.xlsx', 'user.rescored.xlsx']) {
      const wb = await readWorkbook(out(file));
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Tổng hợp', SHEET, `${SHEET} (2)`]);
      const user = wb.getWorksheet(SHEET)!;
      expect(user.getCell('A1').value).toBe('Ghi chú của tôi — không được xoá');
      expect(user.getCell('B2').value).toBe(42);
      expect(user.rowCount).toBe(2);
      expect(marker(wb.getWorksheet(`${SHEET} (2)`)!)).toEqual([REPORT_MARKER, '2021', `${SHEET} (2)`]);
    }
  });

  test('a copy of our sheet under another name, or a report of another year, is not ours', async () => {
    const wb = await readWorkbook(out('scored.xlsx'));
    const copy = wb.addWorksheet('Bản sao báo cáo');
    copy.model = { ...wb.getWorksheet(SHEET)!.model, name: 'Bản sao báo cáo' } as ExcelJS.WorksheetModel;
    await wb.xlsx.writeFile(out('copied.xlsx'));
    expectOk(await runCli([out('copied.xlsx'), '--out', out('copied.scored.xlsx'), '--year', '2022']));
    const after = await readWorkbook(out('copied.scored.xlsx'));
    expect(after.worksheets.map((w) => w.name)).toEqual([
      'Hướng dẫn',
      'Tổng hợp',
      SHEET,
      'Bản sao báo cáo',
      'Báo cáo CCHC 2022',
    ]);
    expect(columnA(after.getWorksheet(SHEET)!)).toEqual(columnA(wb.getWorksheet(SHEET)!));
    expect(marker(after.getWorksheet('Báo cáo CCHC 2022')!)).toEqual([REPORT_MARKER, '2022', 'Báo cáo CCHC 2022']);
  });

  test('--lang en names it "PAR report <year>"; --no-report-sheet leaves it out', async () => {
    expectOk(await runCli([SAMPLE, '--out', out('en.xlsx'), '--lang', 'en']));
    const en = await readWorkbook(out('en.xlsx'));
    expect(en.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Tổng hợp', 'PAR report 2021']);
    expect(columnA(en.getWorksheet('PAR report 2021')!)).toContain('Rating');
    const none = await runCli([SAMPLE, '--out', out('none.xlsx'), '--no-report-sheet']);
    expectOk(none);
    expect((await readWorkbook(out('none.xlsx'))).worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Tổng hợp']);
    // No report of any kind: no report year to guess, no narrative made.
    expect(none.stderr).not.toContain('Năm báo cáo');
    const fileOnly = await runCli([
      SAMPLE,
      '--out',
      out('file-only.xlsx'),
      '--no-report-sheet',
      '--report',
      out('file-only.txt'),
    ]);
    expectOk(fileOnly);
    expect(fileOnly.stderr).toContain('Năm báo cáo: 2021');
    expect(fs.readFileSync(out('file-only.txt'), 'utf8')).toContain('NĂM 2021');
  });

  test('the input workbook is never written', async () => {
    const hash = sha256(SAMPLE);
    expectOk(await runCli([SAMPLE, '--out', out('again.xlsx')]));
    expect(sha256(SAMPLE)).toBe(hash);
  });
});

describe('read back by LibreOffice headless', () => {
  let sheets: Map<string, Map<string, string[][]>>;
  let resaved: string;
  beforeAll(async () => {
    sheets = await libreOfficeSheets([out('scored.xlsx'), out('user.rescored.xlsx')]);
    const loDir = tempDir('par-lo-resave-');
    resaved = await libreOfficeResave(out('scored.xlsx'), loDir);
  }, 300_000);

  test('the report sheet: paragraphs, the band table with shares, the ranking with indexes as 0.00%', () => {
    const rows = sheets.get(out('scored.xlsx'))!.get(SHEET)!;
    const golden = fs.readFileSync(GOLDEN_VI, 'utf8').trimEnd().split('\n\n');
    expect(rows.slice(0, golden.length).map((r) => r[0])).toEqual(golden);
    const band = rows.findIndex((r) => r[0] === 'Mức xếp loại');
    const shown = (r: string[]) => r.slice(0, 3).map((t) => t.replace(',', '.'));
    expect(shown(rows[band + 2])).toEqual(['Hoàn thành tốt nhiệm vụ', '8', '34.78%']);
    expect(shown(rows[band + 3])).toEqual(['Hoàn thành nhiệm vụ', '15', '65.22%']);
    expect(shown(rows[band + 5])).toEqual(['Tổng cộng', '23', '100.00%']);
    const rank = rows.findIndex((r) => r[0] === 'Xếp hạng');
    expect(rows[rank + 1].slice(0, 4).map((t) => t.replace(',', '.'))).toEqual([
      '1',
      'Quang Khải',
      '89.58%',
      'Hoàn thành tốt nhiệm vụ',
    ]);
    expect(rows[rank + 23][1]).toBe('Chí Minh');
    // The marker cells are in the file (hidden column AZ).
    expect([rows[0][MARKER_COLUMN], rows[1][MARKER_COLUMN], rows[2][MARKER_COLUMN]]).toEqual([
      REPORT_MARKER,
      '2021',
      SHEET,
    ]);
  });

  test("the user's sheet of the same name is as the user left it", () => {
    const book = sheets.get(out('user.rescored.xlsx'))!;
    expect(book.get(SHEET)![0][0]).toBe('Ghi chú của tôi — không được xoá');
    expect(book.get(`${SHEET} (2)`)![0][0]).toMatch(/^II\. KẾT QUẢ/);
  });

  test('the marker survives a LibreOffice save: a re-run on the saved file replaces the sheet, no "(2)"', async () => {
    const wb = await readWorkbook(resaved);
    expect(marker(wb.getWorksheet(SHEET)!).map(String)).toEqual([REPORT_MARKER, '2021', SHEET]);
    expectOk(await runCli([resaved, '--out', out('lo.rescored.xlsx'), ...SEED_ARGS]));
    const after = await readWorkbook(out('lo.rescored.xlsx'));
    expect(after.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Tổng hợp', SHEET]);
  }, 60_000);
});

/** Options as parseArgs gives them, for reportSettings. */
function argsOf(args: string[]): Record<string, string> {
  const o: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) o[args[i].slice(2)] = args[i + 1];
  return o;
}

describe('--report writes the narrative alone', () => {
  let narrative: Narrative;
  beforeAll(() => {
    narrative = generateNarrative(
      sampleResult,
      { ...reportSettings(argsOf(SEED_ARGS), HAI_DUONG_2018, 'vi'), year: 2021 },
      'vi',
    );
  });

  test('.txt: narrativeToText of the sample, equal to the golden file (same settings)', () => {
    const text = fs.readFileSync(out('report.txt'), 'utf8');
    expect(text).toBe(narrativeToText(narrative));
    expect(text).toBe(fs.readFileSync(GOLDEN_VI, 'utf8'));
  });

  test('.md: narrativeToMarkdown of the sample', async () => {
    expectOk(
      await runCli([SAMPLE, '--out', out('md.xlsx'), '--report', out('report.md'), '--no-report-sheet', ...SEED_ARGS]),
    );
    const md = fs.readFileSync(out('report.md'), 'utf8');
    expect(md).toBe(narrativeToMarkdown(narrative));
    expect(md.startsWith('# II. KẾT QUẢ')).toBe(true);
    expect(md).toContain('\n## 1. Kết quả xác định Chỉ số CCHC năm 2021');
  });

  test('.docx: headings as Word headings, list items as list paragraphs, Times New Roman 13 pt, every sentence', async () => {
    expectOk(
      await runCli([
        SAMPLE,
        '--out',
        out('docx.xlsx'),
        '--report',
        out('report.docx'),
        '--no-report-sheet',
        ...SEED_ARGS,
      ]),
    );
    const zip = await JSZip.loadAsync(fs.readFileSync(out('report.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const decode = (t: string) =>
      t
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
      const body = m[1] ?? m[2];
      return {
        style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? null,
        list: body.includes('<w:numPr>'),
        text: decode([...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
      };
    });
    const expected = [
      { style: 'Heading1', list: false, text: narrative.title },
      ...narrative.paragraphs.map((p) => ({
        style: p.level === 'bullet' ? 'ListParagraph' : p.level === 0 ? null : `Heading${p.level}`,
        list: p.level === 'bullet',
        text: p.text,
      })),
    ];
    expect(paragraphs).toEqual(expected);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="26"\/>/);
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    expect(numbering).toContain('w:val="bullet"');
  });

  test('.docx: page numbers centred at the top from page 2 on, none on page 1 (Decree 30/2020), as LibreOffice prints it', async () => {
    expectOk(
      await runCli([
        SAMPLE,
        '--out',
        out('pages.xlsx'),
        '--report',
        out('pages.docx'),
        '--no-report-sheet',
        ...SEED_ARGS,
      ]),
    );
    const zip = await JSZip.loadAsync(fs.readFileSync(out('pages.docx')));
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toContain('<w:titlePg/>');
    const pdf = await libreOfficeConvert(out('pages.docx'), 'pdf', dir);
    const pages = (await pdfPages(pdf)).map((p) => p.text).filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const firstLine = (page: string) =>
      page
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim();
    // Page 1 opens with the title (wrapped over two lines), no number above it.
    expect(narrative.title.startsWith(firstLine(pages[0]) as string)).toBe(true);
    pages.slice(1).forEach((page, i) => {
      const line = page.split('\n').find((l) => l.trim() !== '') as string;
      expect(line.trim()).toBe(String(i + 2));
      // Centred: as much space on the left as the number's line leaves on the right, within a few characters.
      expect(line.length - line.trimStart().length).toBeGreaterThan(20);
    });
  }, 120_000);

  test('English: the same paragraphs in English', async () => {
    expectOk(
      await runCli([
        SAMPLE,
        '--out',
        out('en2.xlsx'),
        '--lang',
        'en',
        '--report',
        out('report.en.txt'),
        '--no-report-sheet',
        ...SEED_ARGS,
      ]),
    );
    expect(fs.readFileSync(out('report.en.txt'), 'utf8')).toBe(
      fs.readFileSync(path.join(__dirname, '..', 'golden', 'narrative-sample.en.txt'), 'utf8'),
    );
  });
});

describe('report options', () => {
  test.each([
    [['--report', 'x.pdf'], /\.txt, \.md hoặc \.docx/],
    [['--year', '21'], /--year/],
    [['--district', 'Tứ Kỳ', '--district-index', '120'], /--district-index .*0 đến 100/],
    [['--district', 'Tứ Kỳ', '--district-rank', '13/12'], /--district-rank/],
    [['--district-index', '83,3'], /cần kèm --district/],
    [['--district', 'Tứ Kỳ', '--district-band', 'giỏi'], /không có mức xếp loại “giỏi”/],
    [['--report', 'examples/chi-so-cchc-2021-tu-ky.xlsx'], /--report/],
  ])('%j is bad usage (exit 2), nothing written', async (args, message) => {
    const target = out(`bad-${randomBytes(4).toString('hex')}.xlsx`);
    const r = await runCli([SAMPLE, '--out', target, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fs.existsSync(target)).toBe(false);
  });

  test('--year overrides the guess; the guess reads the title, then the sheet name, then the header', async () => {
    const r = await runCli([SAMPLE, '--out', out('y.xlsx'), '--year', '2022', '--report', out('y.txt')]);
    expectOk(r);
    expect(fs.readFileSync(out('y.txt'), 'utf8')).toMatch(/NĂM 2022/);
    expect((await readWorkbook(out('y.xlsx'))).worksheets.map((w) => w.name)).toContain('Báo cáo CCHC 2022');
    const layout = { headerRow: 2, lastYearIndexCol: 3, lastYearBandCol: null, outputCol: null };
    expect(
      guessReportYear(
        [['BẢNG ĐIỂM NĂM 2021'], [], ['Tên đơn vị', 'A', 'B', 'Chỉ số năm 2020']],
        layout,
        'TH2019',
        2030,
      ),
    ).toEqual({ year: 2021, source: 'title' });
    expect(
      guessReportYear([[], [], ['Tên đơn vị', 'Điểm 2023', 'B', 'Chỉ số năm 2020']], layout, 'TH2019', 2030),
    ).toEqual({ year: 2019, source: 'sheet' });
    expect(
      guessReportYear([[], [], ['Tên đơn vị', 'Điểm 2023', 'B', 'Chỉ số năm 2020']], layout, 'Tổng hợp', 2030),
    ).toEqual({ year: 2023, source: 'header' });
    expect(guessReportYear([[], [], ['Tên đơn vị', 'A', 'B', 'Chỉ số năm 2020']], layout, 'Tổng hợp', 2030)).toEqual({
      year: 2030,
      source: 'default',
    });
    expect(yearIn('QĐ 29/2018/QĐ-UBND')).toBe(2018);
    expect(yearIn('12021')).toBeNull();
  });

  test('sheet names: the default when free or ours, else "(2)", "(3)", compared without case, within 31 characters', () => {
    expect(pickReportSheetName('Báo cáo CCHC 2021', ['Tổng hợp'], null)).toBe('Báo cáo CCHC 2021');
    expect(pickReportSheetName('Báo cáo CCHC 2021', ['báo cáo cchc 2021'], null)).toBe('Báo cáo CCHC 2021 (2)');
    expect(
      pickReportSheetName('Báo cáo CCHC 2021', ['Báo cáo CCHC 2021', 'Báo cáo CCHC 2021 (2)'], 'Báo cáo CCHC 2021 (2)'),
    ).toBe('Báo cáo CCHC 2021 (2)');
    expect(pickReportSheetName('Báo cáo CCHC 2021', ['Báo cáo CCHC 2021', 'Báo cáo CCHC 2021 (2)'], null)).toBe(
      'Báo cáo CCHC 2021 (3)',
    );
    expect(pickReportSheetName('x'.repeat(31), ['x'.repeat(31)], null)).toBe(`${'x'.repeat(27)} (2)`);
  });
});
