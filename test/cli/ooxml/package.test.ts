/** The workbook's structure read from the package: workbook part, sheets in order, their parts. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fflate from 'fflate';
import ExcelJS from 'exceljs';
import { PackageError, readWorkbookParts, relsPathOf, resolveTarget } from '../../../src/cli/ooxml/package';
import { ZipArchive } from '../../../src/cli/ooxml/zip';
import { SAMPLE, findSoffice, tempDir } from '../helpers';

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function pkg(files: Record<string, string>): ZipArchive {
  const entries: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) entries[k] = fflate.strToU8(v);
  return ZipArchive.read(Buffer.from(fflate.zipSync(entries)));
}

function rels(list: [id: string, type: string, target: string][]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list
    .map(
      ([id, type, target]) =>
        `<Relationship Id="${id}" Type="${type.includes('/') ? type : `${NS_REL}/${type}`}" Target="${target}"/>`,
    )
    .join('')}</Relationships>`;
}

const ROOT_RELS = rels([['rId1', 'officeDocument', 'xl/workbook.xml']]);

describe('resolveTarget and relsPathOf', () => {
  it('resolves relative, ./, ../ and absolute targets', () => {
    expect(resolveTarget('xl', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/', './worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(resolveTarget('xl/worksheets', '../../../x.xml')).toBe('x.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(resolveTarget('', '/xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(resolveTarget('xl', 'worksheets\\sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
  });

  it('names the relationships part of a part', () => {
    expect(relsPathOf('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
    expect(relsPathOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(relsPathOf('/xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(relsPathOf('workbook.xml')).toBe('_rels/workbook.xml.rels');
    expect(relsPathOf('')).toBe('_rels/.rels');
  });
});

describe('readWorkbookParts', () => {
  it('reads the example workbook', () => {
    const parts = readWorkbookParts(ZipArchive.read(fs.readFileSync(SAMPLE)));
    expect(parts.workbookPath).toBe('xl/workbook.xml');
    expect(parts.relsPath).toBe('xl/_rels/workbook.xml.rels');
    expect(parts.sheets.map((s) => [s.name, s.sheetId, s.state])).toEqual([
      ['Hướng dẫn', 1, 'visible'],
      ['Tổng hợp', 2, 'visible'],
    ]);
    const zip = ZipArchive.read(fs.readFileSync(SAMPLE));
    for (const s of parts.sheets) {
      expect(s.relId).toMatch(/^rId\d+$/);
      expect(zip.text(s.path)).toMatch(/<worksheet[\s>]/);
    }
    expect(parts.sharedStringsPath).toBe('xl/sharedStrings.xml');
    expect(parts.stylesPath).toBe('xl/styles.xml');
  });

  it('reads a workbook saved by LibreOffice (hidden sheet, non-ASCII names, data descriptors)', async () => {
    const dir = tempDir('par-pkg-lo-');
    const profile = path.join(os.tmpdir(), `lo-profile-${randomBytes(6).toString('hex')}`);
    try {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Hướng dẫn').getCell('A1').value = 'Đọc kỹ';
      wb.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 1;
      wb.addWorksheet('Tổng hợp & điểm').getCell('B2').value = 'x';
      const source = path.join(dir, 'source.xlsx');
      await wb.xlsx.writeFile(source);
      const outDir = path.join(dir, 'out');
      await new Promise<void>((resolve, reject) => {
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
            source,
          ],
          { timeout: 180_000, env: { ...process.env, HOME: dir } },
          (err, stdout, stderr) =>
            err ? reject(new Error(`soffice failed: ${err.message}\n${stdout}\n${stderr}`)) : resolve(),
        );
      });
      const data = fs.readFileSync(path.join(outDir, 'source.xlsx'));
      const zip = ZipArchive.read(data);
      // LibreOffice streams its zip: sizes in data descriptors, so this also exercises that path.
      expect(zip.names().some((n) => ((zip.entry(n)?.flags ?? 0) & 0x0008) !== 0)).toBe(true);
      for (const n of zip.names()) expect(zip.bytes(n).length).toBe(zip.entry(n)?.size);

      const parts = readWorkbookParts(zip);
      expect(parts.workbookPath).toBe('xl/workbook.xml');
      expect(parts.sheets.map((s) => [s.name, s.state])).toEqual([
        ['Hướng dẫn', 'visible'],
        ['Ẩn', 'hidden'],
        ['Tổng hợp & điểm', 'visible'],
      ]);
      for (const s of parts.sheets) expect(zip.text(s.path)).toMatch(/<worksheet[\s>]/);
      expect(zip.text(parts.sheets[0].path)).toContain('<c r="A1"');
      expect(parts.sharedStringsPath).not.toBeNull();
      expect(zip.text(parts.sharedStringsPath as string)).toContain('Đọc kỹ');
      expect(parts.stylesPath).toBe('xl/styles.xml');
    } finally {
      for (const d of [dir, profile]) fs.rmSync(d, { recursive: true, force: true });
    }
  });

  it('resolves absolute targets, skips chartsheets and dialog sheets, reads prefixed and commented XML', () => {
    const zip = pkg({
      '[Content_Types].xml': '<Types/>',
      '_rels/.rels': rels([
        ['rId1', 'officeDocument', '/xl/workbook.xml'],
        ['rId2', 'extended-properties', 'docProps/app.xml'],
      ]),
      'xl/workbook.xml':
        `<?xml version="1.0"?>\n<!-- <x:sheets><x:sheet name="fake" sheetId="9" rel:id="rId9"/></x:sheets> -->\n<x:workbook xmlns:x="${NS_MAIN}" xmlns:rel="${NS_REL}"><x:sheets>` +
        '<x:sheet name="Biểu đồ" sheetId="3" rel:id="rId3"/>' +
        '<x:sheet name="A &amp; B" sheetId="1" rel:id="rId1"/>' +
        '<x:sheet name="Hộp thoại" sheetId="4" rel:id="rId4"/>' +
        '<x:sheet name="Rất ẩn" sheetId="2" state="veryHidden" rel:id="rId2"/>' +
        '</x:sheets></x:workbook>',
      'xl/_rels/workbook.xml.rels': rels([
        ['rId1', 'worksheet', '/xl/worksheets/sheet1.xml'],
        ['rId2', 'worksheet', '../xl/worksheets/sheet2.xml'],
        ['rId3', 'chartsheet', 'chartsheets/sheet1.xml'],
        ['rId4', 'dialogsheet', '/xl/dialogsheets/sheet1.xml'],
        ['rId5', 'sharedStrings', '/xl/sharedStrings.xml'],
        ['rId6', 'styles', 'styles.xml'],
      ]),
      'xl/worksheets/sheet1.xml': '<worksheet/>',
      'xl/worksheets/sheet2.xml': '<worksheet/>',
      'xl/chartsheets/sheet1.xml': '<chartsheet/>',
      'xl/dialogsheets/sheet1.xml': '<dialogsheet/>',
      'xl/sharedStrings.xml': '<sst/>',
      'xl/styles.xml': '<styleSheet/>',
    });
    const parts = readWorkbookParts(zip);
    expect(parts.sheets).toEqual([
      { name: 'A & B', sheetId: 1, relId: 'rId1', state: 'visible', path: 'xl/worksheets/sheet1.xml' },
      { name: 'Rất ẩn', sheetId: 2, relId: 'rId2', state: 'veryHidden', path: 'xl/worksheets/sheet2.xml' },
    ]);
    expect(parts.sharedStringsPath).toBe('xl/sharedStrings.xml');
    expect(parts.stylesPath).toBe('xl/styles.xml');
  });

  it('finds parts under another directory, percent-encoded or in another case, and tolerates missing optional parts', () => {
    const zip = pkg({
      '_rels/.rels': rels([
        ['rId1', 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument', 'book/Workbook.xml'],
      ]),
      'book/Workbook.xml': `<workbook xmlns="${NS_MAIN}" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><sheets><sheet name="Một" sheetId="1" r:id="s1"/><sheet name="Hai" sheetId="2" r:id="s2"/></sheets></workbook>`,
      'book/_rels/Workbook.xml.rels': rels([
        ['s1', 'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet', 'sheets/sheet%20one.xml'],
        ['s2', 'worksheet', 'SHEETS/Sheet2.XML'],
      ]),
      'book/sheets/sheet one.xml': '<worksheet/>',
      'book/sheets/sheet2.xml': '<worksheet/>',
    });
    const parts = readWorkbookParts(zip);
    expect(parts.workbookPath).toBe('book/Workbook.xml');
    expect(parts.relsPath).toBe('book/_rels/Workbook.xml.rels');
    expect(parts.sheets.map((s) => s.path)).toEqual(['book/sheets/sheet one.xml', 'book/sheets/sheet2.xml']);
    expect(parts.sharedStringsPath).toBeNull();
    expect(parts.stylesPath).toBeNull();
  });

  it('throws PackageError for what is not a spreadsheet package', () => {
    const expectPackageError = (zip: ZipArchive, message: RegExp): void => {
      expect(() => readWorkbookParts(zip)).toThrow(PackageError);
      expect(() => readWorkbookParts(zip)).toThrow(message);
    };
    expectPackageError(pkg({ 'readme.txt': 'a plain zip' }), /no _rels\/\.rels/);
    expectPackageError(
      pkg({
        '_rels/.rels': rels([['rId1', 'officeDocument', 'word/document.xml']]),
        'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="x"/>',
      }),
      /Word document/,
    );
    expectPackageError(
      pkg({ '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]) }),
      /xl\/workbook\.xml.*missing/,
    );
    expectPackageError(
      pkg({
        '_rels/.rels': ROOT_RELS,
        'xl/workbook.xml': `<workbook xmlns:r="${NS_REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      }),
      /xl\/_rels\/workbook\.xml\.rels is missing/,
    );
    expectPackageError(
      pkg({
        '_rels/.rels': ROOT_RELS,
        'xl/workbook.xml': `<workbook xmlns:r="${NS_REL}"><sheets><sheet name="S" sheetId="1" r:id="rId7"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': rels([['rId1', 'worksheet', 'worksheets/sheet1.xml']]),
      }),
      /sheet "S" refers to relationship rId7/,
    );
    expectPackageError(
      pkg({
        '_rels/.rels': ROOT_RELS,
        'xl/workbook.xml': `<workbook xmlns:r="${NS_REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': rels([['rId1', 'worksheet', 'worksheets/sheet1.xml']]),
      }),
      /sheet "S" is stored in xl\/worksheets\/sheet1\.xml, which the package does not have/,
    );
  });
});
