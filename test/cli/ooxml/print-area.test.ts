/** A sheet's print area in the workbook part (XlsxBook.printArea / setPrintArea): the `_xlnm.Print_Area` defined name of its place in the sheet list. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { XlsxBook } from '../../../src/cli/ooxml/book';
import { tempDir, writeWorkbook } from '../helpers';

let dir: string;
beforeAll(() => (dir = tempDir('par-print-area-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function workbookXml(book: XlsxBook): Promise<string> {
  const zip = await JSZip.loadAsync(book.toBuffer());
  return zip.file('xl/workbook.xml')!.async('string');
}

test('a workbook without defined names gets one for the sheet, at its place in the list; set again, it is replaced', async () => {
  const file = await writeWorkbook(path.join(dir, 'two.xlsx'), [
    { name: 'Hướng dẫn', rows: [['x']] },
    { name: "Tổng hợp's", rows: [['a', 1]] },
  ]);
  const book = XlsxBook.read(fs.readFileSync(file));
  const sheet = book.sheets[1];
  expect(book.printArea(sheet)).toBeNull();
  book.setPrintArea(sheet, 'A1:K29');
  expect(book.printArea(sheet)).toBe("'Tổng hợp''s'!$A$1:$K$29");
  book.setPrintArea(sheet, 'A1:O29');
  expect(book.printArea(book.sheets[0])).toBeNull();
  const xml = await workbookXml(book);
  expect([...xml.matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0])).toEqual([
    `<definedName name="_xlnm.Print_Area" localSheetId="1">'Tổng hợp''s'!$A$1:$O$29</definedName>`,
  ]);
  // CT_Workbook's order: the names after the sheet list.
  expect(xml.indexOf('<definedNames>')).toBeGreaterThan(xml.indexOf('</sheets>'));
  // The copy reads back the same.
  const copy = XlsxBook.read(book.toBuffer());
  expect(copy.printArea(copy.sheets[1])).toBe("'Tổng hợp''s'!$A$1:$O$29");
});
