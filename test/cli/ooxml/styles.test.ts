/** StyleBook (src/cli/ooxml/styles.ts): looks are appended; every existing entry keeps its index. */
import { StyleBook } from '../../../src/cli/ooxml/styles';

const STYLES =
  '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><i/><sz val="12"/><name val="Times New Roman"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyAlignment="1"><alignment horizontal="left"/><protection locked="0"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function section(xml: string, name: string): string[] {
  const inner = new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? '';
  const child = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' }[name] as string;
  return [...inner.matchAll(new RegExp(`<${child}\\b[^>]*?/>|<${child}\\b[^>]*>[\\s\\S]*?</${child}>`, 'g'))].map(
    (m) => m[0],
  );
}

test('an unchanged book writes back the same part', () => {
  const book = new StyleBook(STYLES);
  expect(book.changed).toBe(false);
  expect(book.toXml()).toBe(STYLES);
});

test('a look from a cell keeps its font and border, sets format, fill and alignment, and is added once', () => {
  const book = new StyleBook(STYLES);
  const a = book.xf({ from: 1, numFmt: '0.00%', fill: '#C6EFCE', alignment: { horizontal: 'right', vertical: 'top' } });
  expect(
    book.xf({ from: 1, numFmt: '0.00%', fill: '#C6EFCE', alignment: { horizontal: 'right', vertical: 'top' } }),
  ).toBe(a);
  expect(a).toBe(2);
  const xml = book.toXml();
  const xfs = section(xml, 'cellXfs');
  expect(xfs.slice(0, 2)).toEqual(section(STYLES, 'cellXfs'));
  expect(xfs[2]).toBe(
    '<xf numFmtId="10" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="top"/></xf>',
  );
  expect(xml).toContain('<cellXfs count="3">');
  expect(section(xml, 'fills')[2]).toBe(
    '<fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/><bgColor indexed="64"/></patternFill></fill>',
  );
  expect(xml).toContain('<fills count="3">');
});

test("whole copies the cell's look (format, alignment, protection) and merges the new alignment", () => {
  const book = new StyleBook(STYLES);
  book.xf({ from: 1, whole: true, alignment: { wrapText: true } });
  expect(section(book.toXml(), 'cellXfs')[2]).toBe(
    '<xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment horizontal="left" wrapText="1"/><protection locked="0"/></xf>',
  );
});

test('bold and size make a new font from the base font; custom formats get a new id; borders are added', () => {
  const book = new StyleBook(STYLES);
  book.xf({ font: { bold: true, size: 14 }, numFmt: '#,##0.000', border: '#808080' });
  const xml = book.toXml();
  expect(section(xml, 'fonts')[2]).toBe('<font><b/><sz val="14"/><name val="Calibri"/></font>');
  expect(section(xml, 'numFmts')).toEqual([
    '<numFmt numFmtId="164" formatCode="0.0"/>',
    '<numFmt numFmtId="165" formatCode="#,##0.000"/>',
  ]);
  expect(section(xml, 'borders')[2]).toContain('<left style="thin"><color rgb="FF808080"/></left>');
  expect(section(xml, 'cellXfs')[2]).toBe(
    '<xf numFmtId="165" fontId="2" fillId="0" borderId="2" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/>',
  );
  // An existing custom format is reused.
  expect(new StyleBook(STYLES).xf({ numFmt: '0.0' })).toBe(2);
});

test('a styles part without numFmts gets one as its first section', () => {
  const noFormats = STYLES.replace(/<numFmts[\s\S]*?<\/numFmts>/, '');
  const book = new StyleBook(noFormats);
  book.xf({ numFmt: '0.000%' });
  expect(book.toXml()).toMatch(
    /<styleSheet[^>]*><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000%"\/><\/numFmts><fonts/,
  );
});
