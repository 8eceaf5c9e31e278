/**
 * The scored copy keeps everything of the input it does not write: the CLI patches the package
 * (src/cli/ooxml), so every part other than the scoring sheet, the styles and the sheet list is
 * copied byte for byte (compressed bytes included), and the scoring sheet's own XML is unchanged
 * outside the four output columns. Checked on a workbook carrying what exceljs's model used to
 * drop or rewrite: an image, a cell note, data validation, conditional formatting, a defined
 * name, frozen panes, and parts no spreadsheet library knows (a chart part, custom XML).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { ZipArchive, writeZip } from '../../src/cli/ooxml/zip';
import { readWorkbookParts } from '../../src/cli/ooxml/package';
import { ROOT, SAMPLE, libreOfficeSheets, runCli, tempDir } from './helpers';

const SHEET = 'Tổng hợp';
const CHART_PART = 'xl/charts/chart1.xml';
const CUSTOM_PART = 'customXml/item1.xml';
const CHART_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>';
const CUSTOM_XML = '<?xml version="1.0"?><hồSơ xmlns="urn:example:par">Sở Nội vụ — lưu trữ</hồSơ>';

let dir: string;
let input: string;
let output: string;
let source: ZipArchive;
let scored: ZipArchive;

/** The sample with an image, a note, validation, conditional formatting, a defined name and frozen panes (exceljs), plus two parts exceljs would not keep. */
async function richInput(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.getWorksheet(SHEET) as ExcelJS.Worksheet;
  const image = wb.addImage({
    buffer: fs.readFileSync(path.join(ROOT, 'assets', 'icon-32.png')) as unknown as ExcelJS.Buffer,
    extension: 'png',
  });
  ws.addImage(image, { tl: { col: 14, row: 1 }, ext: { width: 32, height: 32 } });
  ws.getCell('B7').note = 'Số liệu đã được Sở Nội vụ thẩm định';
  ws.getCell('C7').dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 10] };
  ws.addConditionalFormatting({
    ref: 'C7:C29',
    rules: [
      {
        type: 'cellIs',
        operator: 'lessThan',
        formulae: [5],
        priority: 1,
        style: { font: { color: { argb: 'FFC00000' } } },
      },
    ],
  });
  wb.definedNames.add(`'${SHEET}'!$B$7:$B$29`, 'DonVi');
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 6 }];
  await wb.xlsx.writeFile(file);
  // Parts outside exceljs's model: a chart part and a custom XML part, with their content types.
  const zip = ZipArchive.read(fs.readFileSync(file));
  const types = zip
    .text('[Content_Types].xml')
    .replace(
      '</Types>',
      `<Override PartName="/${CHART_PART}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
    );
  const changes = new Map<string, string>([
    ['[Content_Types].xml', types],
    [CHART_PART, CHART_XML],
    [CUSTOM_PART, CUSTOM_XML],
  ]);
  fs.writeFileSync(file, writeZip(zip, changes));
}

beforeAll(async () => {
  dir = tempDir('par-fidelity-');
  input = path.join(dir, 'rich.xlsx');
  output = path.join(dir, 'rich.scored.xlsx');
  await richInput(input);
  const r = await runCli([input, '--out', output]);
  expect(r.code).toBe(0);
  source = ZipArchive.read(fs.readFileSync(input));
  scored = ZipArchive.read(fs.readFileSync(output));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('every part the scorer does not write is copied byte for byte, compressed bytes included', () => {
  const parts = readWorkbookParts(source);
  const scoring = parts.sheets.find((s) => s.name === SHEET)?.path;
  // What a run writes: the scoring sheet, the styles (new looks appended), and, for the added
  // report sheet, the workbook's sheet list, its relationships and the content types.
  const written = new Set([scoring, parts.stylesPath, parts.workbookPath, parts.relsPath, '[Content_Types].xml']);
  const kept = source.names().filter((n) => !written.has(n));
  expect(kept).toEqual(expect.arrayContaining([CHART_PART, CUSTOM_PART]));
  for (const part of [
    /^xl\/media\/image\d*\.png$/,
    /^xl\/comments\d*\.xml$/,
    /^xl\/drawings\/drawing\d+\.xml$/,
    /vmlDrawing/,
  ]) {
    expect({ part: String(part), kept: kept.some((n) => part.test(n)) }).toEqual({ part: String(part), kept: true });
  }
  for (const name of kept) {
    expect({ name, raw: Buffer.from(scored.raw(name)).equals(Buffer.from(source.raw(name))) }).toEqual({
      name,
      raw: true,
    });
  }
  // Nothing of the input is missing; the only new part is the report sheet.
  const added = scored.names().filter((n) => !source.names().includes(n));
  expect(source.names().every((n) => scored.names().includes(n))).toBe(true);
  expect(added).toHaveLength(1);
  expect(added[0]).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
});

test("the scoring sheet's XML is unchanged outside the four output columns", () => {
  const parts = readWorkbookParts(source);
  const scoringPath = parts.sheets.find((s) => s.name === SHEET)?.path as string;
  const before = source.text(scoringPath);
  const after = scored.text(scoringPath);
  // Drop the output columns' cells (L..O on this sheet), the widths of those columns and the
  // dimension and spans, which the run widens, and the row heights (below): the rest must be
  // identical, character for character.
  const strip = (xml: string) =>
    xml
      .replace(/<c r="[L-O]\d+"[^>]*?(\/>|>[\s\S]*?<\/c>)/g, '')
      .replace(/<col min="1[2-5]" max="1[2-5]"[^>]*\/>/g, '')
      .replace(/<dimension ref="[^"]*"\/>/, '')
      .replace(/ spans="[^"]*"/g, '')
      .replace(/(<row\b[^>]*?) ht="[^"]*"( customHeight="1")?/g, '$1');
  expect(strip(after)).toBe(strip(before));
  // Heights: every row keeps the one it had; only unit rows (7–29) whose note wraps get one.
  const heights = (xml: string) =>
    new Map(
      [...xml.matchAll(/<row r="(\d+)"[^>]*>/g)].map((m) => [Number(m[1]), /\bht="([^"]*)"/.exec(m[0])?.[1] ?? null]),
    );
  const was = heights(before);
  const now = heights(after);
  for (const [row, ht] of was) if (ht !== null) expect({ row, ht: now.get(row) }).toEqual({ row, ht });
  const grown = [...now].filter(([row, ht]) => ht !== null && was.get(row) === null).map(([row]) => row);
  expect(grown.length).toBeGreaterThan(0);
  expect(grown.every((row) => row >= 7 && row <= 29)).toBe(true);
  expect(after).toContain('<dataValidation');
  expect(after).toContain('<conditionalFormatting');
  expect(after).toMatch(/<pane [^>]*state="frozen"/);
});

test('the note, the image, the defined name are there when exceljs reads the copy; LibreOffice opens it', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  const ws = wb.getWorksheet(SHEET) as ExcelJS.Worksheet;
  expect(ws.getCell('B7').note).toBe('Số liệu đã được Sở Nội vụ thẩm định');
  expect(ws.getImages()).toHaveLength(1);
  expect(wb.definedNames.getRanges('DonVi').ranges).toEqual([`'${SHEET}'!$B$7:$B$29`]);
  expect(ws.getCell('N7').value).toBe('Hoàn thành tốt nhiệm vụ');
  const sheets = (await libreOfficeSheets([output])).get(output) as Map<string, string[][]>;
  const table = sheets.get(SHEET) as string[][];
  expect(table[6].slice(11, 14)).toEqual(['89.58%', '1', 'Hoàn thành tốt nhiệm vụ']);
});

describe('a macro-enabled workbook (.xlsm)', () => {
  const VBA = Buffer.from('not really VBA, but bytes the scorer must copy: \u0000\u0001\u0002 Sở Nội vụ', 'utf8');
  let xlsm: string;

  beforeAll(() => {
    // The sample made macro-enabled: the main part's content type, a VBA project part and its relationship.
    const zip = ZipArchive.read(fs.readFileSync(SAMPLE));
    const types = zip
      .text('[Content_Types].xml')
      .replace(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      )
      .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
    const rels = zip
      .text('xl/_rels/workbook.xml.rels')
      .replace(
        '</Relationships>',
        '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
      );
    xlsm = path.join(dir, 'macros.xlsm');
    fs.writeFileSync(
      xlsm,
      writeZip(
        zip,
        new Map<string, string | Buffer>([
          ['[Content_Types].xml', types],
          ['xl/_rels/workbook.xml.rels', rels],
          ['xl/vbaProject.bin', VBA],
        ]),
      ),
    );
  });

  test("is scored into an .xlsm whose VBA project is the input's, byte for byte", async () => {
    const r = await runCli([xlsm]);
    expect(r.code).toBe(0);
    const out = path.join(dir, 'macros.scored.xlsm');
    const copy = ZipArchive.read(fs.readFileSync(out));
    expect(copy.bytes('xl/vbaProject.bin').equals(VBA)).toBe(true);
    expect(
      Buffer.from(copy.raw('xl/vbaProject.bin')).equals(
        Buffer.from(ZipArchive.read(fs.readFileSync(xlsm)).raw('xl/vbaProject.bin')),
      ),
    ).toBe(true);
    expect(copy.text('[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(copy.text('xl/_rels/workbook.xml.rels')).toContain('vbaProject.bin');
    const table = ((await libreOfficeSheets([out])).get(out) as Map<string, string[][]>).get(SHEET) as string[][];
    expect(table[6].slice(11, 14)).toEqual(['89.58%', '1', 'Hoàn thành tốt nhiệm vụ']);
  });

  test('refuses an .xlsx name for the copy (Excel would not open it): exit 2, nothing written', async () => {
    const wrong = path.join(dir, 'macros-copy.xlsx');
    const r = await runCli([xlsm, '--out', wrong]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('phải có đuôi .xlsm như tệp đầu vào');
    expect(fs.existsSync(wrong)).toBe(false);
  });
});

describe('a scoring sheet with a unit row that is not closed', () => {
  test('the reader stops: exit 2, the workbook named unreadable, nothing written, the input unchanged', async () => {
    const dir = tempDir();
    try {
      const zip = ZipArchive.read(fs.readFileSync(SAMPLE));
      const sheetPath = readWorkbookParts(zip).sheets[0].path;
      const xml = zip.text(sheetPath);
      // Row 7 holds a unit (Quang Khải): its cells run on into row 8's.
      const at = xml.indexOf('</row>', xml.indexOf('<row r="7"'));
      const bad = path.join(dir, 'unclosed.xlsx');
      fs.writeFileSync(
        bad,
        writeZip(
          zip,
          new Map<string, string | Buffer>([[sheetPath, xml.slice(0, at) + xml.slice(at + '</row>'.length)]]),
        ),
      );
      const before = fs.readFileSync(bad);
      const out = path.join(dir, 'unclosed-out.xlsx');
      const r = await runCli([bad, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Không đọc được');
      // The XML parser names the part and what is wrong with it.
      expect(r.stderr).toContain(sheetPath);
      expect(fs.existsSync(out)).toBe(false);
      expect(fs.readFileSync(bad).equals(before)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
