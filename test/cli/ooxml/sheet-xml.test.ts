/** Worksheet XML edits (src/cli/ooxml/sheet-xml.ts): only the named cells change, everything else is kept as it was. */
import { MalformedPartError } from '../../../src/cli/ooxml/xml';
import {
  CellTooLongError,
  MAX_CELL_TEXT,
  OccupiedCellError,
  cellXml,
  columnIndex,
  editRows,
  replaceSheetData,
  setColumns,
  widenDimension,
} from '../../../src/cli/ooxml/sheet-xml';

const HEAD =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/>';
const TAIL = '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><drawing r:id="rId1"/></worksheet>';
const sheet = (rows: string) => `${HEAD}<sheetData>${rows}</sheetData>${TAIL}`;

describe('columnIndex and cellXml', () => {
  test('letters to 0-based columns', () => {
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('Z9')).toBe(25);
    expect(columnIndex('AA10')).toBe(26);
    expect(columnIndex('AZ1')).toBe(51);
  });

  test('text is an inline string, so a leading = + - @ never makes a formula', () => {
    for (const text of ['=SUM(A1:A2)', '+1', '-5', '@x']) {
      const xml = cellXml(4, { col: 3, style: 2, value: text });
      expect(xml).toBe(`<c r="D5" s="2" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`);
      expect(xml).not.toMatch(/<f>/);
    }
  });

  test('numbers keep every digit, text is escaped, empty values keep only the style', () => {
    expect(cellXml(0, { col: 0, style: 0, value: 0.8958333333333334 })).toBe('<c r="A1"><v>0.8958333333333334</v></c>');
    expect(cellXml(0, { col: 1, style: 3, value: 'a < b & c' })).toContain('a &lt; b &amp; c');
    expect(cellXml(0, { col: 1, style: 3, value: null })).toBe('<c r="B1" s="3"/>');
  });
});

describe('editRows', () => {
  const rows =
    '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c></row>' +
    '<row r="2" spans="1:3"><c r="A2" s="5" t="s"><v>1</v></c><c r="B2"><v>7</v></c><c r="F2"><v>99</v></c></row>' +
    '<row r="4"><c r="A4" s="6"><v>3</v></c></row>';

  test('inserts cells in column order, keeps cells left and right, and the rest of the part byte for byte', () => {
    const out = editRows(sheet(rows), [1], { from: 2, to: 3 }, (_row, styleAt) => [
      { col: 3, style: styleAt(0), value: 'x' },
      { col: 2, style: 1, value: 0.5 },
    ]);
    expect(out).toContain(
      '<row r="2"><c r="A2" s="5" t="s"><v>1</v></c><c r="B2"><v>7</v></c><c r="C2" s="1"><v>0.5</v></c><c r="D2" s="5" t="inlineStr"><is><t xml:space="preserve">x</t></is></c><c r="F2"><v>99</v></c></row>',
    );
    expect(out.startsWith(`${HEAD}<sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c></row>`)).toBe(true);
    expect(out.endsWith(`<row r="4"><c r="A4" s="6"><v>3</v></c></row></sheetData>${TAIL}`)).toBe(true);
  });

  test('a row the part lacks is created in its place; rows past the last are appended', () => {
    const out = editRows(sheet(rows), [2, 6], { from: 1, to: 1 }, (row) => [{ col: 1, style: 0, value: row }]);
    expect(out).toContain('</row><row r="3"><c r="B3"><v>2</v></c></row><row r="4">');
    expect(out).toContain('<row r="7"><c r="B7"><v>6</v></c></row></sheetData>');
  });

  test("replaces a previous run's cells; with mustBeEmpty a cell holding something stops the edit", () => {
    const out = editRows(sheet(rows), [1], { from: 1, to: 1 }, () => [{ col: 1, style: 0, value: 8 }]);
    expect(out).toContain('<c r="B2"><v>8</v></c>');
    expect(out).not.toContain('<v>7</v>');
    expect(() => editRows(sheet(rows), [1], { from: 1, to: 1, mustBeEmpty: true }, () => [])).toThrow(
      OccupiedCellError,
    );
    const formula = sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="str"><f>IF(A1,"","x")</f><v></v></c></row>');
    expect(() => editRows(formula, [0], { from: 1, to: 1, mustBeEmpty: true }, () => [])).toThrow(/B1/);
    const styledOnly = sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="4"/></row>');
    expect(
      editRows(styledOnly, [0], { from: 1, to: 1, mustBeEmpty: true }, () => [{ col: 1, style: 9, value: 2 }]),
    ).toContain('<c r="B1" s="9"><v>2</v></c>');
  });

  test("a shared formula's first cell in the replaced columns stops the edit even on a re-run (its followers would be stranded)", () => {
    const shared = sheet(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>',
    );
    expect(() => editRows(shared, [0], { from: 1, to: 1 }, () => [])).toThrow(OccupiedCellError);
    const follower = sheet('<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" si="0"/><v>2</v></c></row>');
    expect(editRows(follower, [1], { from: 1, to: 1 }, () => [{ col: 1, style: 0, value: 5 }])).toContain(
      '<c r="B2"><v>5</v></c>',
    );
  });

  test('cells and rows without r are placed by position and get their reference', () => {
    const noRefs = sheet('<row><c t="s"><v>0</v></c><c><v>5</v></c></row><row><c><v>1</v></c></row>');
    const out = editRows(noRefs, [1], { from: 2, to: 2 }, () => [{ col: 2, style: 0, value: 3 }]);
    expect(out).toContain('<row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row>');
    expect(out).toContain('<row><c t="s"><v>0</v></c><c><v>5</v></c></row>');
  });

  test('an empty sheetData is opened', () => {
    const out = editRows(`${HEAD}<sheetData/>${TAIL}`, [0], { from: 0, to: 0 }, () => [{ col: 0, style: 0, value: 1 }]);
    expect(out).toBe(`${HEAD}<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${TAIL}`);
  });
});

describe('a part whose rows are not closed', () => {
  test('stops the edit with MalformedPartError, whatever rows are asked for (no endless loop, no half-copied part)', () => {
    const unclosedRow = `${HEAD}<sheetData><row r="1"><c r="A1"><v>1</v></c></sheetData>${TAIL}`;
    const unclosedData = `${HEAD}<sheetData><row r="1"><c r="A1"><v>1</v></c></row>`;
    const unclosedTag = `${HEAD}<sheetData><row r="1"`;
    for (const xml of [unclosedRow, unclosedData, unclosedTag]) {
      for (const rows of [[0], [1], [0, 5]]) {
        const edit = () => [{ col: 3, style: 0, value: 1 }];
        expect(() => editRows(xml, rows, { from: 3, to: 3 }, edit)).toThrow(MalformedPartError);
      }
    }
  });
});

describe('setColumns, widenDimension, replaceSheetData', () => {
  test("splits a range that covers the columns set, keeping the neighbours' widths", () => {
    const xml = `${HEAD}<cols><col min="1" max="10" width="12" customWidth="1"/></cols><sheetData/>${TAIL}`;
    const out = setColumns(
      xml,
      new Map([
        [3, { width: 20 }],
        [4, { width: 30 }],
      ]),
    );
    expect(out).toContain(
      '<cols><col min="1" max="3" width="12" customWidth="1"/><col min="4" max="4" width="20" customWidth="1"/><col min="5" max="5" width="30" customWidth="1"/><col min="6" max="10" width="12" customWidth="1"/></cols>',
    );
  });

  test('adds <cols> before sheetData when there is none; a hidden column', () => {
    const out = setColumns(`${HEAD}<sheetData/>${TAIL}`, new Map([[51, { hidden: true }]]));
    expect(out).toContain('<cols><col min="52" max="52" width="9.140625" hidden="1"/></cols><sheetData/>');
  });

  test('the dimension grows to the new columns and rows, never shrinks', () => {
    expect(widenDimension(`${HEAD}<sheetData/>`, 6, 9)).toContain('<dimension ref="A1:G10"/>');
    expect(widenDimension(`${HEAD}<sheetData/>`, 1, 1)).toContain('<dimension ref="A1:C3"/>');
  });

  test('replaceSheetData swaps every row and nothing else', () => {
    const out = replaceSheetData(sheet('<row r="1"><c r="A1"><v>1</v></c></row>'), [
      [{ col: 0, style: 2, value: 'a' }],
      [],
      [{ col: 1, style: 0, value: 3 }],
    ]);
    expect(out).toBe(
      `${HEAD}<sheetData><row r="1"><c r="A1" s="2" t="inlineStr"><is><t xml:space="preserve">a</t></is></c></row><row r="3"><c r="B3"><v>3</v></c></row></sheetData>${TAIL}`,
    );
  });
});

describe('a text longer than a cell holds', () => {
  test('is never written: 32,767 characters are, 32,768 stop the write naming the cell', () => {
    expect(cellXml(4, { col: 2, style: 0, value: 'a'.repeat(MAX_CELL_TEXT) })).toContain('a'.repeat(MAX_CELL_TEXT));
    expect(() => cellXml(4, { col: 2, style: 0, value: 'a'.repeat(MAX_CELL_TEXT + 1) })).toThrow(
      new CellTooLongError('C5', MAX_CELL_TEXT + 1),
    );
  });
});

describe('editRows: row heights for wrapped text (rowHeight)', () => {
  const rows =
    '<row r="1"><c r="A1"><v>1</v></c></row>' +
    '<row r="2" ht="60" customHeight="1"><c r="A2"><v>2</v></c></row>' +
    '<row r="3" spans="1:1"><c r="A3"><v>3</v></c></row>';
  const height = (row0: number) => (row0 === 4 ? 45 : row0 === 3 ? null : 30);
  const out = editRows(sheet(rows), [0, 1, 2, 3, 4], { from: 2, to: 2, rowHeight: height }, () => [
    { col: 2, style: 0, value: 'x' },
  ]);
  const tag = (r: number) => new RegExp(`<row r="${r}"[^>]*>`).exec(out)?.[0];

  test('a row that needs a height gets it; a taller row keeps its own; null leaves the row as it was', () => {
    expect(tag(1)).toBe('<row r="1" ht="30" customHeight="1">');
    expect(tag(2)).toBe('<row r="2" ht="60" customHeight="1">');
    expect(tag(3)).toBe('<row r="3" ht="30" customHeight="1">');
    // Rows the part lacks are made with their height (row 5), or none (row 4).
    expect(tag(4)).toBe('<row r="4">');
    expect(tag(5)).toBe('<row r="5" ht="45" customHeight="1">');
  });
});
