/**
 * The xlsx cell reader (src/cli/ooxml/read.ts) against exceljs: for every workbook here, each
 * sheet's grid and number formats equal what exceljs's model gives (readSheetGrid, the reader
 * the CLI used before). Workbooks: the sample, the CLI tests' small table, one exceljs writes with
 * every kind of cell, hand-written XML for what exceljs never writes, and LibreOffice's re-saves.
 * Where the reader deliberately differs from exceljs (exceljs is wrong or throws), the value is
 * asserted directly.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { isDate1904, parseSharedStrings, parseStyleFormats, readSheetXml } from '../../../src/cli/ooxml/read';
import { MalformedPartError } from '../../../src/cli/ooxml/xml';
import type { SheetGrid } from '../../../src/cli/ooxml/read';
import { readSheetGrid, toCellValue } from '../exceljs-grid';
import { SAMPLE, SMALL_SHEET, findSoffice, readWorkbook, smallTable, tempDir, writeWorkbook } from '../helpers';
import { unzipRaw, zipRaw } from '../../fixtures/zip-raw';

// The fixtures' own zip reader and writer: the test must not depend on the package's zip code.

function unzip(buf: Buffer): Map<string, string> {
  return new Map(unzipRaw(buf).map((e) => [e.name, e.data.toString('utf8')]));
}

function zip(files: Record<string, string>): Buffer {
  return zipRaw(Object.entries(files).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })));
}

function readOoxml(file: string, maxRows?: number): Map<string, SheetGrid> {
  const parts = unzip(fs.readFileSync(file));
  const part = (name: string): string | null => parts.get(name) ?? null;
  const workbook = part('xl/workbook.xml') as string;
  const rels = part('xl/_rels/workbook.xml.rels') as string;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sharedStrings = parseSharedStrings(part('xl/sharedStrings.xml'));
  const styles = parseStyleFormats(part('xl/styles.xml'));
  const date1904 = isDate1904(workbook);
  const out = new Map<string, SheetGrid>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1] as string;
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] as string;
    const xml = part(targets.get(rid) as string) as string;
    out.set(decodeXmlAttr(name), readSheetXml(xml, sharedStrings, styles, { date1904, maxRows }));
  }
  return out;
}

function decodeXmlAttr(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/**
 * exceljs's grid, but a formula cell gives its cached result even when that is 0, false or '':
 * exceljs's formula value keeps only truthy fields (`_copyModel`), so it reads those as empty; and
 * a formula without text (a data table) or a shared formula whose master it has not met reads
 * empty too. The reader gives the cached value, as for any other cell.
 */
function exceljsReference(ws: ExcelJS.Worksheet): SheetGrid {
  const ref = readSheetGrid(ws);
  ref.grid.forEach((row, r) =>
    row.forEach((_v, c) => {
      const cell = ws.getRow(r + 1).findCell(c + 1);
      if (!cell || cell.type !== ExcelJS.ValueType.Formula || (cell.isMerged && cell.master.address !== cell.address))
        return;
      const result = (cell.model as { result?: ExcelJS.CellValue }).result;
      if (result !== undefined) row[c] = toCellValue(result);
    }),
  );
  return ref;
}

/**
 * The cells that hold a value, with their number formats: what the two readers must agree on. The
 * reader's grid is sparse (only the cells present), exceljs's is a rectangle padded with nulls.
 */
function present(sheet: SheetGrid): [number, number, unknown, string | null][] {
  const out: [number, number, unknown, string | null][] = [];
  sheet.grid.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v !== null && v !== undefined) out.push([r, c, v, sheet.formats[r]?.[c] ?? null]);
    }),
  );
  return out;
}

/** The sparse grid as a rectangle `width` wide, nulls where no cell is (to compare with a written-out table). */
function dense(sheet: SheetGrid, width: number): SheetGrid {
  const rows = sheet.grid.length;
  const fill = <T>(g: (T | null)[][]) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => g[r]?.[c] ?? null));
  return { grid: fill(sheet.grid), formats: fill(sheet.formats) };
}

/** Every sheet is read by both readers alike; returns the reader's sheets for further checks. */
async function expectSameAsExceljs(file: string): Promise<Map<string, SheetGrid>> {
  const wb = await readWorkbook(file);
  const ours = readOoxml(file);
  expect([...ours.keys()].sort()).toEqual(wb.worksheets.map((ws) => ws.name).sort());
  for (const ws of wb.worksheets) {
    const theirs = exceljsReference(ws);
    const mine = ours.get(ws.name) as SheetGrid;
    expect({ sheet: ws.name, cells: present(mine) }).toEqual({ sheet: ws.name, cells: present(theirs) });
  }
  return ours;
}

let dir: string;
beforeAll(() => {
  dir = tempDir('par-read-');
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Workbooks

/** One sheet with every kind of cell exceljs writes, and a second, date-system-dependent one. */
async function kitchenSink(file: string, date1904 = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('Tổng hợp & kiểm tra');
  ws.getCell('A1').value = 'BẢNG ĐIỂM — Chỉ số CCHC năm 2021';
  ws.mergeCells('A1:F1');
  ws.getCell('H2').numFmt = '0.00'; // styled, empty, in a row without values: not in the width
  ws.getCell('A3').value = 'Tên đơn vị';
  ws.mergeCells('A3:A4');
  ws.getCell('B3').value = { formula: 'SUM(C5:C6)', result: 52.5 };
  ws.getCell('C3').value = { formula: 'A3&"x"', result: 'Tên đơn vịx & <y>' };
  ws.getCell('D3').value = { formula: '1=1', result: true };
  ws.getCell('E3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('F3').value = { formula: 'NOW()', date1904 } as ExcelJS.CellFormulaValue; // no cached result
  ws.getCell('B5').value = { richText: [{ text: 'Xã ', font: { bold: true } }, { text: 'Đông Hưng' }] };
  ws.getCell('C5').value = 25.25;
  ws.getCell('C6').value = 27.25;
  ws.getCell('D5').value = { formula: 'C5*2', result: 50.5 };
  ws.getCell('D6').value = { sharedFormula: 'D5', result: 54.5 };
  ws.getCell('B6').value = false;
  ws.getCell('E5').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('J5').numFmt = '0%'; // styled, empty, in a row with values: widens the grid
  ws.getCell('A7').value = new Date(Date.UTC(2021, 2, 4));
  ws.getCell('A8').value = new Date(Date.UTC(1999, 11, 31, 18));
  ws.getCell('A8').numFmt = 'dd/mm/yyyy';
  ws.getCell('A9').value = 44256;
  ws.getCell('A9').numFmt = 'd-mmm-yy';
  ws.getCell('A10').value = { formula: 'TODAY()', result: new Date(Date.UTC(2020, 1, 29)) };
  ws.getCell('A10').numFmt = 'yyyy-mm-dd';
  ws.getCell('A11').value = 0.75;
  ws.getCell('A11').numFmt = '[h]:mm:ss';
  ws.getCell('A12').value = 3;
  ws.getCell('A12').numFmt = '0 "ngày"'; // letters inside quotes: not a date
  ws.getCell('A13').value = 4;
  ws.getCell('A13').numFmt = '[Red]0.0'; // letters inside brackets: not a date
  ws.getCell('A14').value = 12.5;
  ws.getCell('A14').numFmt = '0.0\\ "điểm"'; // exceljs reads the backslash escapes away
  ws.getCell('B7').value = 0.123;
  ws.getCell('B7').numFmt = '0%';
  ws.getCell('B8').value = 0.5;
  ws.getCell('B8').numFmt = '0.00%';
  ws.getCell('B9').value = 1234.5;
  ws.getCell('B9').numFmt = '#,##0.00';
  ws.getCell('B10').value = { text: 'trang chủ', hyperlink: 'https://example.com/a?b=1&c=2' };
  ws.getCell('C7').value = 'A & B <c> "q" \'a\'';
  ws.getCell('C8').value = 'dòng 1\r\ndòng 2';
  ws.getCell('C9').value = 'a_x000D_b';
  ws.getCell('C10').value = '  khoảng trắng  ';
  ws.getCell('C11').value = '=không phải công thức';
  ws.getCell('D7').value = 1e21;
  ws.getCell('D8').value = -0.5;
  ws.getCell('D9').value = 1 / 3;
  ws.getCell('D10').value = 123456789012345680;
  ws.getCell('D11').value = 0.1 + 0.2;
  ws.getCell('D12').value = -1234567.891;
  ws.getCell('D13').value = 1e-7;
  ws.getCell('K20').value = 'xa'; // sparse: rows 15–19 absent
  ws.mergeCells('H22:I24'); // a merge whose top-left has no value
  wb.addWorksheet('Trống');
  const small = wb.addWorksheet(SMALL_SHEET);
  smallTable().forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) small.getCell(r + 1, c + 1).value = v;
    }),
  );
  await wb.xlsx.writeFile(file);
  return file;
}

/** The parts of a minimal workbook around hand-written sheet XML. */
function handWritten(
  file: string,
  sheets: string[],
  opts: { styles?: string; sharedStrings?: string; workbookPr?: string } = {},
): string {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_s, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      (opts.styles
        ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        : '') +
      (opts.sharedStrings
        ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        : '') +
      '</Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      (opts.workbookPr ?? '<workbookPr/>') +
      '<sheets>' +
      sheets.map((_s, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets
        .map(
          (_s, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      (opts.styles
        ? '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        : '') +
      (opts.sharedStrings
        ? '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        : '') +
      '</Relationships>',
  };
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  if (opts.styles) files['xl/styles.xml'] = opts.styles;
  if (opts.sharedStrings) files['xl/sharedStrings.xml'] = opts.sharedStrings;
  fs.writeFileSync(file, zip(files));
  return file;
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const sheetXml = (body: string, before = '', after = ''): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${before}<sheetData>${body}</sheetData>${after}</worksheet>`;

/** Styles: 0 General (but xf 0 says 14: exceljs ignores style 0), 1 id 14, 2 id 22, 3 id 27 (no code in exceljs), 4 id 45, 5 id 49, 6 custom 'General', 7 custom date with escapes, 8 id 9, 9 custom '0.0" đ"', 10 id 10, 11 unknown id 200. */
const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet ${NS}>` +
  '<numFmts count="4"><numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="dd\\/mm\\/yyyy"/><numFmt numFmtId="166" formatCode="0.0&quot; đ&quot;"/><numFmt numFmtId="167" formatCode="[&gt;=100]0;0.00"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="9" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="13">' +
  ['14', '14', '22', '27', '45', '49', '164', '165', '9', '166', '10', '200', '167']
    .map(
      (id) =>
        `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id === '49' ? ' applyNumberFormat="1"><alignment wrapText="1"/></xf>' : '/>'}`,
    )
    .join('') +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const SST =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${NS} count="6" uniqueCount="6">` +
  '<si><t>Tên đơn vị</t></si>' +
  '<si><r><rPr><b/></rPr><t xml:space="preserve">Xã </t></r><r><t>A &amp; B</t></r></si>' +
  '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="0"/></si>' +
  '<si><t xml:space="preserve">dòng 1_x000D_\ndòng 2 &lt;&#8211;&gt; &#x1F600;</t></si>' +
  '<si><t/></si>' +
  '<si><t>_x005F_x000D_ giữ nguyên</t></si>' +
  '</sst>';

describe('the same grid as exceljs', () => {
  test('the sample workbook, every sheet', async () => {
    const ours = await expectSameAsExceljs(SAMPLE);
    expect(ours.size).toBeGreaterThan(1);
  });

  test("the CLI tests' small table", async () => {
    const ours = await expectSameAsExceljs(
      await writeWorkbook(path.join(dir, 'small.xlsx'), [{ name: SMALL_SHEET, rows: smallTable() }]),
    );
    expect(ours.get(SMALL_SHEET)?.grid[4]).toEqual([1, 'Xã A', 28, 27, 36, 91]);
  });

  test('every kind of cell exceljs writes', async () => {
    const ours = await expectSameAsExceljs(await kitchenSink(path.join(dir, 'kinds.xlsx')));
    const { grid, formats } = ours.get('Tổng hợp & kiểm tra') as SheetGrid;
    const at = (a1: string): unknown => {
      const m = /^([A-Z])(\d+)$/.exec(a1) as RegExpExecArray;
      return grid[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65] ?? null;
    };
    const fmt = (a1: string): unknown => {
      const m = /^([A-Z])(\d+)$/.exec(a1) as RegExpExecArray;
      return formats[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65] ?? null;
    };
    // Only the cells that hold a value: the last is K20; H22:I24, a merge with no value, adds nothing.
    expect(grid.length).toBe(20);
    expect(grid[1]).toBeUndefined(); // H2: styled, empty
    expect([at('A1'), at('B1'), at('A3'), at('A4')]).toEqual([
      'BẢNG ĐIỂM — Chỉ số CCHC năm 2021',
      null,
      'Tên đơn vị',
      null,
    ]);
    expect([at('B3'), at('C3'), at('D3'), at('E3'), at('F3')]).toEqual([
      52.5,
      'Tên đơn vịx & <y>',
      true,
      '#DIV/0!',
      null,
    ]);
    expect([at('B5'), at('D6'), at('B6'), at('E5')]).toEqual(['Xã Đông Hưng', 54.5, false, '#N/A']);
    expect([at('A7'), at('A8'), at('A9'), at('A10'), at('A11'), at('A12'), at('A13')]).toEqual([
      '2021-03-04',
      '1999-12-31',
      '2021-03-01',
      '2020-02-29',
      '1899-12-30',
      3,
      4,
    ]);
    // J5 is styled and empty: not kept (a formatted column costs nothing).
    expect([fmt('A7'), fmt('A8'), fmt('A14'), fmt('B7'), fmt('B8'), fmt('J5'), fmt('C5')]).toEqual([
      'mm-dd-yy',
      'dd/mm/yyyy',
      '0.0 "điểm"',
      '0%',
      '0.00%',
      null,
      null,
    ]);
    expect([at('C7'), at('C8'), at('C9'), at('C10'), at('C11')]).toEqual([
      'A & B <c> "q" \'a\'',
      'dòng 1\ndòng 2',
      'a\rb',
      '  khoảng trắng  ',
      '=không phải công thức',
    ]);
    expect([at('D7'), at('D8'), at('D9'), at('D10'), at('D11'), at('D12'), at('D13')]).toEqual([
      1e21,
      -0.5,
      1 / 3,
      123456789012345680,
      0.1 + 0.2,
      -1234567.891,
      1e-7,
    ]);
    expect([at('B10'), at('K20')]).toEqual(['trang chủ', 'xa']);
  });

  test('the 1904 date system', async () => {
    const ours = await expectSameAsExceljs(await kitchenSink(path.join(dir, 'kinds-1904.xlsx'), true));
    expect(ours.get('Tổng hợp & kiểm tra')?.grid[6][0]).toBe('2021-03-04');
  });

  test('hand-written XML: inline strings, shared formulas, built-in and custom formats, styled empty cells', async () => {
    const body =
      '<row r="1" spans="1:9">' +
      '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c>' +
      '<c r="G1" t="inlineStr"><is><t>inline &amp; đơn</t></is></c>' +
      '<c r="H1" t="inlineStr"><is><r><rPr><i/></rPr><t xml:space="preserve">rich </t></r><r><t>inline</t></r></is></c>' +
      '<c r="I1" t="inlineStr" s="5"><is><t></t></is></c>' +
      '</row>' +
      '<row r="2"><c r="A2" s="1"><v>44256</v></c><c r="B2" s="2"><v>44256.5</v></c><c r="C2" s="3"><v>44256</v></c><c r="D2" s="4"><v>0.5</v></c>' +
      '<c r="E2" s="5"><v>7</v></c><c r="F2" s="6"><v>8</v></c><c r="G2" s="7"><v>44256</v></c><c r="H2" s="8"><v>0.25</v></c><c r="I2" s="9"><v>2.5</v></c>' +
      '<c r="J2" s="10"><v>0.125</v></c><c r="K2" s="11"><v>1</v></c><c r="L2" s="0"><v>44256</v></c><c r="M2" s="12"><v>150</v></c></row>' +
      '<row r="3"><c r="A3"><f>B3*2</f><v>4</v></c><c r="B3" t="n"><v>2</v></c>' +
      '<c r="C3"><f t="shared" ref="C3:C5" si="0">A3+1</f><v>5</v></c>' +
      '<c r="D3" t="b"><v>1</v></c><c r="E3" t="b"><v>0</v></c><c r="F3" t="e"><v>#REF!</v></c>' +
      '<c r="G3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="H3" t="e"><f>NA()</f><v>#N/A</v></c><c r="I3" t="b"><f>TRUE()</f><v>1</v></c>' +
      '<c r="J3" s="1"><f>TODAY()</f><v>44000</v></c><c r="K3"><f>NOW()</f></c><c r="L3" t="str" s="1"><f>"x"</f><v>x</v></c>' +
      '</row>' +
      '<row r="4"><c r="C4"><f t="shared" si="0"/><v>6</v></c><c r="D4" s="8"/><c r="E4"/><c r="F4" s="0"/>' +
      '<c r="G4"><v>1E3</v></c><c r="H4"><v> 12 </v></c><c r="I4"><v>-0</v></c><c r="J4"><v>123456789012345678</v></c><c r="K4"><v>.5</v></c><c r="L4"><v>0.30000000000000004</v></c><c r="M4"><v>1.7976931348623157E308</v></c></row>' +
      '<row r="5"><c r="C5"><f t="shared" si="0"/><v>7</v></c><c r="P5" s="8"/></row>' +
      '<row r="7" s="10" customFormat="1"/>' +
      '<row r="8" s="8" customFormat="1"><c r="B8" s="1"/></row>' +
      '<row r="9"><c r="A9" t="s"><v>0</v></c></row>' +
      '<row r="12"/>';
    const merges =
      '<mergeCells count="3"><mergeCell ref="A8:A9"/><mergeCell ref="C8:D9"/><mergeCell ref="F9:H10"/></mergeCells>';
    const cols = '<cols><col min="6" max="8" width="9" style="1" customWidth="1"/></cols>';
    const file = handWritten(path.join(dir, 'hand.xlsx'), [sheetXml(body, cols, merges), sheetXml('')], {
      styles: STYLES,
      sharedStrings: SST,
    });
    const ours = await expectSameAsExceljs(file);
    const sparse = ours.get('S1') as SheetGrid;
    const { grid, formats } = dense(sparse, 16);
    expect(sparse.grid.length).toBe(9); // A9, emptied as a merged cell, was the last value
    expect(grid[0]).toEqual([
      'Tên đơn vị',
      'Xã A & B',
      '東京',
      'dòng 1\r\ndòng 2 <–> 😀',
      '',
      '_x000D_ giữ nguyên',
      'inline & đơn',
      'rich inline',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(formats[1]).toEqual([
      'mm-dd-yy',
      'm/d/yy "h":mm',
      null,
      'mm:ss',
      '@',
      'General',
      'dd/mm/yyyy',
      '0%',
      '0.0" đ"',
      '0.00%',
      null,
      null,
      '[>=100]0;0.00',
      null,
      null,
      null,
    ]);
    expect(grid[1].slice(0, 8)).toEqual(['2021-03-01', '2021-03-01', 44256, '1899-12-30', 7, 8, '2021-03-01', 0.25]);
    expect(grid[2].slice(0, 13)).toEqual([
      4,
      2,
      5,
      true,
      false,
      '#REF!',
      'ab',
      '#N/A',
      true,
      '2020-06-18',
      null,
      '',
      null,
    ]);
    expect(grid[3].slice(2, 13)).toEqual([
      6,
      null,
      null,
      null,
      1000,
      12,
      -0,
      123456789012345680,
      0.5,
      0.30000000000000004,
      1.7976931348623157e308,
    ]);
    // Styled empty cells are not kept: no value, so no format either.
    expect([formats[3][3], formats[4][15], sparse.grid[3]?.[3], sparse.grid[4]?.[15]]).toEqual([
      null,
      null,
      undefined,
      undefined,
    ]);
    // Merges: the covered cells are empty (A9 held a value); a master with no value is not kept.
    expect([grid[8][0], formats[7][2], formats[8][5], formats[8][6], sparse.grid[9]?.[5]]).toEqual([
      null,
      null,
      null,
      null,
      undefined,
    ]);
    // The formula without a cached value (K3) is listed.
    expect(sparse.uncomputed).toEqual([{ row: 2, col: 10 }]);
  });

  test('hand-written XML: dates in the 1904 system, an empty sheet, a sheet without shared strings or styles', async () => {
    const file = handWritten(
      path.join(dir, 'hand-1904.xlsx'),
      [
        sheetXml('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>1</v></c></row>'),
        `<worksheet ${NS}><sheetData/></worksheet>`,
      ],
      {
        styles: STYLES,
        workbookPr: '<workbookPr date1904="1" defaultThemeVersion="124226"/>',
      },
    );
    const ours = await expectSameAsExceljs(file);
    expect(ours.get('S1')?.grid).toEqual([['1904-01-01', '1904-01-02']]);
    expect(ours.get('S2')).toEqual({ grid: [], formats: [], uncomputed: [] });
    const bare = handWritten(path.join(dir, 'bare.xlsx'), [
      sheetXml('<row r="2"><c r="B2"><v>5</v></c><c r="C2" t="inlineStr"><is><t>x</t></is></c></row>'),
    ]);
    expect(dense((await expectSameAsExceljs(bare)).get('S1') as SheetGrid, 3)).toEqual({
      grid: [
        [null, null, null],
        [null, 5, 'x'],
      ],
      formats: [
        [null, null, null],
        [null, null, null],
      ],
    });
  });
});

describe('where the reader deliberately differs from exceljs', () => {
  const styles = parseStyleFormats(STYLES);
  const read = (body: string, sst: readonly string[] = [], after = ''): SheetGrid =>
    readSheetXml(sheetXml(body, '', after), sst, styles);

  test('cells without r follow the previous cell, rows without r the previous row (exceljs throws)', () => {
    const { grid } = dense(
      read(
        '<row><c><v>1</v></c><c t="inlineStr"><is><t>b</t></is></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row><row r="5"><c><v>5</v></c></row><row><c r="B6"><v>6</v></c></row>',
      ),
      4,
    );
    expect(grid).toEqual([
      [1, 'b', null, null],
      [null, null, 3, 4],
      [null, null, null, null],
      [null, null, null, null],
      [5, null, null, null],
      [null, 6, null, null],
    ]);
  });

  test('a formula whose cached result is 0, false or empty text gives it (exceljs: null)', () => {
    const { grid } = read(
      '<row r="1"><c r="A1"><f>A2-A2</f><v>0</v></c><c r="B1" t="b"><f>FALSE()</f><v>0</v></c><c r="C1" t="str"><f>""</f><v></v></c><c r="D1" t="str"><f>" "</f><v> </v></c><c r="E1"><f t="dataTable" ref="E1" dt2D="0" dtr="0" r1="A1"/><v>3</v></c></row>',
    );
    expect(grid).toEqual([[0, false, null, ' ', 3]]);
  });

  test('t="d" reads as its ISO date (exceljs: parseFloat, the year)', () => {
    expect(
      read(
        '<row r="1"><c r="A1" t="d"><v>2021-03-04T00:00:00</v></c><c r="B1" t="d" s="1"><v>2021-03-04</v></c><c r="C1" t="d"><v>x</v></c></row>',
      ).grid,
    ).toEqual([['2021-03-04', '2021-03-04', '']]);
  });

  test('phonetic runs are left out of inline strings too; text is decoded once, _xHHHH_ everywhere', () => {
    const { grid } = read(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>' +
        '<c r="B1" t="str"><f>X()</f><v>&amp;lt; a_x000D_b</v></c><c r="C1" t="inlineStr"><is><t>c_x000a_d</t></is></c><c r="D1" t="s"><v>9</v></c></row>',
    );
    expect(grid).toEqual([['東京', '&lt; a\rb', 'c\nd', null]]);
  });

  test('shared strings: rich runs joined, phonetic runs left out, an empty <si/> is empty text', () => {
    expect(parseSharedStrings(SST)).toEqual([
      'Tên đơn vị',
      'Xã A & B',
      '東京',
      'dòng 1\r\ndòng 2 <–> 😀',
      '',
      '_x000D_ giữ nguyên',
    ]);
    expect(parseSharedStrings('<sst><si/><si><t>a</t></si></sst>')).toEqual(['', 'a']);
    expect(parseSharedStrings(null)).toEqual([]);
  });
});

describe('options and helpers', () => {
  test('maxRows reads only the first rows, as the whole read has them', async () => {
    const file = await kitchenSink(path.join(dir, 'kinds-max.xlsx'));
    const whole = readOoxml(file).get('Tổng hợp & kiểm tra') as SheetGrid;
    const first = readOoxml(file, 3).get('Tổng hợp & kiểm tra') as SheetGrid;
    expect(first.grid.length).toBe(3);
    expect(first.grid).toEqual(whole.grid.slice(0, 3));
    expect(first.formats).toEqual(whole.formats.slice(0, 3));
    expect(
      readSheetXml(
        sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="9"><c r="A9"><v>9</v></c></row>'),
        [],
        parseStyleFormats(null),
        { maxRows: 3 },
      ).grid,
    ).toEqual([[1]]);
  });

  test('isDate1904 and style formats', () => {
    expect(isDate1904('<workbook><workbookPr date1904="1"/></workbook>')).toBe(true);
    expect(isDate1904('<workbook><workbookPr date1904="true"/></workbook>')).toBe(true); // an XML boolean (exceljs: false)
    expect(isDate1904('<workbook><workbookProtection date1904="1"/></workbook>')).toBe(false);
    const styles = parseStyleFormats(STYLES);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 99].map((i) => styles.formatOf(i))).toEqual([
      null,
      'mm-dd-yy',
      'm/d/yy "h":mm',
      null,
      'mm:ss',
      '@',
      'General',
      'dd/mm/yyyy',
      null,
    ]);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => styles.isDate(i))).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(parseStyleFormats(null).formatOf(1)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// LibreOffice's re-saves: another writer (no spans, its own styles, shared strings, merges).

function libreOfficeResave(files: string[], outDir: string): Promise<void> {
  const profile = path.join(os.tmpdir(), `lo-profile-${randomBytes(6).toString('hex')}`);
  const home = tempDir('par-lo-home-');
  return new Promise((resolve, reject) => {
    execFile(
      findSoffice(),
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        outDir,
        ...files,
      ],
      { timeout: 180_000, env: { ...process.env, HOME: home } },
      (err, stdout, stderr) => {
        for (const d of [profile, home]) fs.rmSync(d, { recursive: true, force: true });
        if (err) reject(new Error(`${err.message}\n${stdout}\n${stderr}`));
        else resolve();
        if (process.env.KEEP_LO)
          for (const f of fs.readdirSync(outDir))
            fs.copyFileSync(path.join(outDir, f), path.join(process.env.KEEP_LO, f));
      },
    );
  });
}

describe('workbooks saved by LibreOffice', () => {
  test('the sample and the every-kind workbook, re-saved, read as exceljs reads them', async () => {
    const src = path.join(dir, 'lo-src');
    const out = path.join(dir, 'lo-out');
    fs.mkdirSync(src);
    fs.mkdirSync(out);
    fs.copyFileSync(SAMPLE, path.join(src, 'sample.xlsx'));
    await kitchenSink(path.join(src, 'kinds.xlsx'));
    await libreOfficeResave([path.join(src, 'sample.xlsx'), path.join(src, 'kinds.xlsx')], out);
    const sample = await expectSameAsExceljs(path.join(out, 'sample.xlsx'));
    // The same cells as the original (LibreOffice drops empty texts).
    const blank = (g: SheetGrid | undefined): unknown =>
      g &&
      present(g)
        .filter(([, , v]) => v !== '')
        .map(([r, c, v]) => [r, c, v]);
    for (const [name, sheet] of readOoxml(SAMPLE)) expect(blank(sample.get(name))).toEqual(blank(sheet));
    const kinds = await expectSameAsExceljs(path.join(out, 'kinds.xlsx'));
    expect(kinds.get('Tổng hợp & kiểm tra')?.grid[4].slice(1, 5)).toEqual(['Xã Đông Hưng', 25.25, 50.5, '#N/A']);
  }, 240_000);
});

describe('a row that is not closed', () => {
  const styles = parseStyleFormats(null);
  const part = (rows: string) =>
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
  test("stops the reader with MalformedPartError naming the part (exceljs's parser stops too; the writer could not splice it)", () => {
    expect(() =>
      readSheetXml(part('<row r="1"><c r="A1"><v>1</v></c><row r="2"><c r="A2"><v>2</v></c></row>'), [], styles, {
        part: 'xl/worksheets/sheet1.xml',
      }),
    ).toThrow(MalformedPartError);
    expect(() =>
      readSheetXml(part('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c>'), [], styles, {
        part: 'xl/worksheets/sheet1.xml',
      }),
    ).toThrow(/xl\/worksheets\/sheet1.xml/);
  });
  test('closed rows, self-closing rows and rows without r read as before', () => {
    const { grid } = readSheetXml(
      part('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"/><row><c><v>3</v></c></row>'),
      [],
      styles,
    );
    expect(grid[0]).toEqual([1]);
    expect(grid[2]).toEqual([3]);
  });
});
