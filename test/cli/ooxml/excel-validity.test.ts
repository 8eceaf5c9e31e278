/**
 * The scored copy against the rules Excel enforces when it opens a workbook (a break of one
 * makes it offer to "recover" the file): element order in worksheet and styles parts, counts,
 * rows, cells and columns in order, sheet names and ids, every part with its content type and
 * every relationship with its part, table headers equal to their table's column names, and a
 * calculation chain that names only cells with formulas. The inputs are made the way Excel
 * itself writes (mc:Ignorable, x14ac, spans, shared strings, calcChain, tables), by exceljs
 * and by LibreOffice.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fflate from 'fflate';
import ExcelJS from 'exceljs';
import { XlsxBook } from '../../../src/cli/ooxml/book';
import { parseRelationships, relsPathOf, resolveTarget, dirOf } from '../../../src/cli/ooxml/package';
import { attr, decodeOoxmlText } from '../../../src/cli/ooxml/xml';
import { ZipArchive } from '../../../src/cli/ooxml/zip';
import { libreOfficeSheets, runCli, tempDir } from '../helpers';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

// ---------------------------------------------------------------------------------------------
// An Excel-made workbook, written the way Excel 365 writes one.

interface Cell {
  ref: string;
  /** Shared-string index, number, or formula. */
  s?: number;
  n?: number;
  f?: string;
  /** Cached text result of a formula. */
  str?: string;
  style?: number;
}

const STRINGS = [
  'BẢNG ĐIỂM THỬ', // 0
  'STT',
  'Tên đơn vị',
  'Lĩnh vực A',
  'Lĩnh vực B',
  'Lĩnh vực C', // 5
  'Tổng điểm',
  'Điểm tối đa',
  'Xã A',
  'Xã B',
  'Xã C', // 10
  'Xã D',
  'Chỉ số (%)',
  'Xếp hạng',
  'Xếp loại',
  'Ghi chú', // 15
  'Xuất sắc',
  'Tốt',
  'Hoàn thành',
  'Chưa hoàn thành',
];

const UNITS: [number, number, number, number, number, number][] = [
  [1, 8, 28, 27, 36, 91],
  [2, 9, 25, 24, 33, 82],
  [3, 10, 20, 15, 38, 73],
  [4, 11, 15, 15, 20, 50],
];

interface ExcelBookOptions {
  /** The output block of an earlier run in G:J (the add-in's, Vietnamese headers). */
  previousOutput?: boolean;
  /** An Excel table (ListObject) over A3:J8 (A3:F8 without previousOutput). */
  table?: boolean;
  /** A formula in J5 (the note column), listed in calcChain with F5's. */
  formulaInOutput?: boolean;
  /** A second sheet: an earlier report (marker in AZ1:AZ3) with a chart in a drawing. */
  oldReport?: boolean;
  /** A chartsheet under this name. */
  chartsheetName?: string;
}

function cellXml(c: Cell): string {
  const s = c.style ? ` s="${c.style}"` : '';
  if (c.f !== undefined)
    return `<c r="${c.ref}"${s}${c.str !== undefined ? ' t="str"' : ''}><f>${c.f}</f><v>${c.str ?? c.n ?? ''}</v></c>`;
  if (c.s !== undefined) return `<c r="${c.ref}"${s} t="s"><v>${c.s}</v></c>`;
  if (c.n !== undefined) return `<c r="${c.ref}"${s}><v>${c.n}</v></c>`;
  return `<c r="${c.ref}"${s}/>`;
}

function rowXml(r: number, cells: Cell[], extra = ''): string {
  const cols = cells.map((c) => c.ref.replace(/\d+$/, '').charCodeAt(0) - 64);
  const spans = cells.length ? ` spans="${Math.min(...cols)}:${Math.max(...cols)}"` : '';
  return `<row r="${r}"${spans}${extra} x14ac:dyDescent="0.25">${cells.map(cellXml).join('')}</row>`;
}

function excelBook(o: ExcelBookOptions = {}): Buffer {
  const lastCol = o.previousOutput ? 'J' : 'F';
  const bands = [16, 17, 18, 19];
  const rows: string[] = [];
  rows.push(rowXml(1, [{ ref: 'A1', s: 0, style: 1 }], ' ht="18.75" customHeight="1"'));
  const header: Cell[] = [1, 2, 3, 4, 5, 6].map((s, i) => ({ ref: `${'ABCDEF'[i]}3`, s, style: 2 }));
  if (o.previousOutput) header.push(...[12, 13, 14, 15].map((s, i) => ({ ref: `${'GHIJ'[i]}3`, s, style: 2 })));
  rows.push(rowXml(3, header, ' ht="30" customHeight="1"'));
  const max: Cell[] = [
    { ref: 'B4', s: 7 },
    { ref: 'C4', n: 30 },
    { ref: 'D4', n: 30 },
    { ref: 'E4', n: 40 },
    { ref: 'F4', n: 100 },
  ];
  rows.push(rowXml(4, max, ' hidden="1"'));
  UNITS.forEach(([stt, name, a, b, c, total], k) => {
    const r = 5 + k;
    const cells: Cell[] = [
      { ref: `A${r}`, n: stt },
      { ref: `B${r}`, s: name },
      { ref: `C${r}`, n: a },
      { ref: `D${r}`, n: b },
      { ref: `E${r}`, n: c },
      { ref: `F${r}`, n: total, f: `SUM(C${r}:E${r})` },
    ];
    if (o.previousOutput) {
      cells.push({ ref: `G${r}`, n: total / 100, style: 3 }, { ref: `H${r}`, n: stt });
      cells.push({ ref: `I${r}`, s: bands[k] });
      if (r === 5 && o.formulaInOutput) cells.push({ ref: `J${r}`, f: `IF(H${r}&gt;3,"x","")`, str: '' });
    }
    rows.push(rowXml(r, cells));
  });

  const sheet1 =
    XML_HEAD +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{00000000-0001-0000-0000-000000000000}">` +
    `<sheetPr><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:${lastCol}8"/>` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="B5" sqref="B5"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
    '<cols><col min="1" max="1" width="5.7109375" customWidth="1"/><col min="2" max="2" width="24.7109375" customWidth="1"/><col min="3" max="16384" width="12.7109375" style="4" customWidth="1"/></cols>' +
    `<sheetData>${rows.join('')}</sheetData>` +
    '<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>' +
    '<conditionalFormatting sqref="C5:E8"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>10</formula></cfRule></conditionalFormatting>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" r:id="rId1"/>' +
    (o.table ? '<tableParts count="1"><tablePart r:id="rId2"/></tableParts>' : '') +
    '</worksheet>';

  const sheet1Rels = [
    `<Relationship Id="rId1" Type="${NS_R}/printerSettings" Target="../printerSettings/printerSettings1.bin"/>`,
  ];
  const files: Record<string, string | Uint8Array> = {};
  const overrides: [string, string][] = [
    ['/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
    ['/xl/worksheets/sheet1.xml', `${CT}.spreadsheetml.worksheet+xml`],
    ['/xl/theme/theme1.xml', `${CT}.theme+xml`],
    ['/xl/styles.xml', `${CT}.spreadsheetml.styles+xml`],
    ['/xl/sharedStrings.xml', `${CT}.spreadsheetml.sharedStrings+xml`],
    ['/xl/calcChain.xml', `${CT}.spreadsheetml.calcChain+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', `${CT}.extended-properties+xml`],
  ];
  if (o.table) {
    sheet1Rels.push(`<Relationship Id="rId2" Type="${NS_R}/table" Target="../tables/table1.xml"/>`);
    overrides.push(['/xl/tables/table1.xml', `${CT}.spreadsheetml.table+xml`]);
    const names = [1, 2, 3, 4, 5, 6, ...(o.previousOutput ? [12, 13, 14, 15] : [])].map((s) => STRINGS[s]);
    files['xl/tables/table1.xml'] =
      XML_HEAD +
      `<table xmlns="${NS_MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr xr3" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" id="1" xr:uid="{11111111-0000-0000-0000-000000000000}" name="Bang1" displayName="Bang1" ref="A3:${lastCol}8">` +
      `<autoFilter ref="A3:${lastCol}8" xr:uid="{22222222-0000-0000-0000-000000000000}"/>` +
      `<tableColumns count="${names.length}">${names.map((n, i) => `<tableColumn id="${i + 1}" xr3:uid="{3333333${i}-0000-0000-0000-000000000000}" name="${n}"/>`).join('')}</tableColumns>` +
      '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>';
  }
  files['xl/worksheets/sheet1.xml'] = sheet1;
  files['xl/worksheets/_rels/sheet1.xml.rels'] =
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${sheet1Rels.join('')}</Relationships>`;
  files['xl/printerSettings/printerSettings1.bin'] = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);

  const sheets = [`<sheet name="Bảng điểm" sheetId="1" r:id="rId1"/>`];
  const wbRels = [
    `<Relationship Id="rId3" Type="${NS_R}/theme" Target="theme/theme1.xml"/>`,
    `<Relationship Id="rId4" Type="${NS_R}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId5" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/>`,
    `<Relationship Id="rId6" Type="${NS_R}/calcChain" Target="calcChain.xml"/>`,
    `<Relationship Id="rId1" Type="${NS_R}/worksheet" Target="worksheets/sheet1.xml"/>`,
  ];
  const strings = [...STRINGS];
  if (o.oldReport) {
    const markerAt = strings.length;
    strings.push('par-index-report:v1', '2024', 'Báo cáo CCHC 2024', 'Bảng điểm', 'Báo cáo cũ');
    sheets.push(`<sheet name="Báo cáo CCHC 2024" sheetId="2" r:id="rId2"/>`);
    wbRels.push(`<Relationship Id="rId2" Type="${NS_R}/worksheet" Target="worksheets/sheet2.xml"/>`);
    overrides.push(
      ['/xl/worksheets/sheet2.xml', `${CT}.spreadsheetml.worksheet+xml`],
      ['/xl/drawings/drawing1.xml', `${CT}.drawing+xml`],
      ['/xl/charts/chart1.xml', `${CT}.drawingml.chart+xml`],
    );
    const az = (r: number, s: number) => `<c r="AZ${r}" t="s"><v>${s}</v></c>`;
    files['xl/worksheets/sheet2.xml'] =
      XML_HEAD +
      `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><dimension ref="A1:AZ4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      `<sheetData><row r="1"><c r="A1" t="s"><v>${markerAt + 4}</v></c>${az(1, markerAt)}</row><row r="2">${az(2, markerAt + 1)}</row><row r="3">${az(3, markerAt + 2)}</row><row r="4">${az(4, markerAt + 3)}</row>` +
      `<row r="5"><c r="B5"><v>1</v></c><c r="C5"><f>B5*2</f><v>2</v></c></row></sheetData>` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></worksheet>';
    files['xl/worksheets/_rels/sheet2.xml.rels'] =
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`;
    files['xl/drawings/drawing1.xml'] =
      XML_HEAD +
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';
    files['xl/drawings/_rels/drawing1.xml.rels'] =
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_R}/chart" Target="../charts/chart1.xml"/></Relationships>`;
    files['xl/charts/chart1.xml'] =
      XML_HEAD +
      `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Báo cáo CCHC 2024'!$B$5</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  }
  if (o.chartsheetName !== undefined) {
    sheets.push(`<sheet name="${o.chartsheetName}" sheetId="3" r:id="rId7"/>`);
    wbRels.push(`<Relationship Id="rId7" Type="${NS_R}/chartsheet" Target="chartsheets/sheet1.xml"/>`);
    overrides.push(['/xl/chartsheets/sheet1.xml', `${CT}.spreadsheetml.chartsheet+xml`]);
    files['xl/chartsheets/sheet1.xml'] =
      `${XML_HEAD}<chartsheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;
  }

  files['[Content_Types].xml'] =
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('') +
    '</Types>';
  files['_rels/.rels'] =
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId3" Type="${NS_R}/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  files['docProps/app.xml'] =
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><AppVersion>16.0300</AppVersion></Properties>`;
  files['docProps/core.xml'] =
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>u</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created></cp:coreProperties>`;
  files['xl/theme/theme1.xml'] =
    `${XML_HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements/></a:theme>`;
  files['xl/_rels/workbook.xml.rels'] =
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${wbRels.join('')}</Relationships>`;
  files['xl/workbook.xml'] =
    XML_HEAD +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">` +
    '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="202300"/>' +
    '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720" xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews>' +
    `<sheets>${sheets.join('')}</sheets>` +
    `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'Bảng điểm'!$3:$3</definedName></definedNames>` +
    '<calcPr calcId="191029"/></workbook>';
  files['xl/sharedStrings.xml'] =
    XML_HEAD +
    `<sst xmlns="${NS_MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
  files['xl/calcChain.xml'] =
    XML_HEAD +
    `<calcChain xmlns="${NS_MAIN}"><c r="F5" i="1"/><c r="F6"/><c r="F7"/><c r="F8"/>${o.formulaInOutput ? '<c r="J5"/>' : ''}${o.oldReport ? '<c r="C5" i="2"/>' : ''}</calcChain>`;
  files['xl/styles.xml'] =
    XML_HEAD +
    `<styleSheet xmlns="${NS_MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
    '<fonts count="3" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="14"/><color theme="1"/><name val="Times New Roman"/><family val="1"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Times New Roman"/><family val="1"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="10" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>' +
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst>' +
    '</styleSheet>';

  const entries: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) entries[k] = typeof v === 'string' ? fflate.strToU8(v) : v;
  return Buffer.from(fflate.zipSync(entries));
}

// ---------------------------------------------------------------------------------------------
// What Excel checks, as far as a text scan can tell.

const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
const STYLES_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

/** The local names of the root element's children, in order (mc:AlternateContent skipped). */
function topLevel(xml: string): string[] {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const out: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[^>]*?(\/?)>/g)) {
    const [, close, , local, self] = m;
    if (close) depth--;
    else {
      if (depth === 1) out.push(local);
      if (!self) depth++;
    }
  }
  return out;
}

function checkOrder(children: string[], order: string[], part: string, problems: string[]): void {
  let at = -1;
  for (const c of children) {
    const i = order.indexOf(c);
    if (i < 0) continue;
    if (i < at) problems.push(`${part}: <${c}> after <${order[at]}>`);
    at = Math.max(at, i);
  }
}

function colOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

function checkWorksheet(xml: string, part: string, problems: string[]): void {
  checkOrder(topLevel(xml), WORKSHEET_ORDER, part, problems);
  const cols = /<cols>([\s\S]*?)<\/cols>/.exec(xml);
  if (/<cols\s*\/>|<cols><\/cols>/.test(xml)) problems.push(`${part}: empty <cols>`);
  if (cols) {
    let last = 0;
    for (const m of cols[1].matchAll(/<col\b[^>]*>/g)) {
      const min = Number(attr(m[0], 'min'));
      const max = Number(attr(m[0], 'max'));
      if (!(min >= 1 && max >= min && max <= 16384)) problems.push(`${part}: bad <col> ${m[0]}`);
      if (min <= last) problems.push(`${part}: <col> ${m[0]} overlaps or is out of order`);
      last = max;
    }
  }
  let lastRow = 0;
  for (const m of xml.matchAll(/<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attr(`<row${m[1]}>`, 'r'));
    if (!(r > lastRow)) problems.push(`${part}: row ${r} after row ${lastRow}`);
    lastRow = r;
    let lastCol = 0;
    for (const c of (m[3] ?? '').matchAll(/<c\b[^>]*>/g)) {
      const ref = attr(c[0], 'r');
      if (ref === null) continue;
      if (Number(ref.replace(/^[A-Z]+/, '')) !== r) problems.push(`${part}: ${ref} in row ${r}`);
      const col = colOf(ref);
      if (!(col > lastCol)) problems.push(`${part}: ${ref} not after the cell before it`);
      lastCol = col;
    }
  }
  for (const m of xml.matchAll(/<is>[\s\S]*?<\/is>|<v>([\s\S]*?)<\/v>/g)) {
    const text = m[0].startsWith('<is>') ? decodeOoxmlText(m[0].replace(/<[^>]+>/g, '')) : '';
    if (text.length > 32767)
      problems.push(`${part}: an inline string of ${text.length} characters (Excel's limit: 32,767)`);
  }
  for (const m of xml.matchAll(/<row\b[^>]*\bht="([^"]*)"/g))
    if (Number(m[1]) > 409.5) problems.push(`${part}: row height ${m[1]} (Excel's limit: 409.5)`);
  for (const m of xml.matchAll(/<col\b[^>]*\bwidth="([^"]*)"/g))
    if (Number(m[1]) > 255) problems.push(`${part}: column width ${m[1]} (Excel's limit: 255)`);
}

function checkStyles(xml: string, problems: string[]): void {
  checkOrder(topLevel(xml), STYLES_ORDER, 'styles', problems);
  const child: Record<string, string> = {
    numFmts: 'numFmt',
    fonts: 'font',
    fills: 'fill',
    borders: 'border',
    cellStyleXfs: 'xf',
    cellXfs: 'xf',
    cellStyles: 'cellStyle',
    dxfs: 'dxf',
  };
  const counts: Record<string, number> = {};
  for (const [section, tag] of Object.entries(child)) {
    const m = new RegExp(`<${section}\\b([^>]*?)(/>|>([\\s\\S]*?)</${section}>)`).exec(xml);
    if (!m) continue;
    const n = [...(m[3] ?? '').matchAll(new RegExp(`<${tag}[\\s/>]`, 'g'))].length;
    counts[section] = n;
    const declared = attr(`<x${m[1]}>`, 'count');
    if (declared !== null && Number(declared) !== n)
      problems.push(`styles: <${section} count="${declared}"> holds ${n}`);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  for (const xf of xfs.matchAll(/<xf\b[^>]*>/g)) {
    for (const [a, section] of [
      ['fontId', 'fonts'],
      ['fillId', 'fills'],
      ['borderId', 'borders'],
      ['xfId', 'cellStyleXfs'],
    ] as const) {
      const v = Number(attr(xf[0], a) ?? '0');
      if (v >= (counts[section] ?? 0)) problems.push(`styles: ${xf[0]} points past ${section}`);
    }
  }
}

interface Inspection {
  problems: string[];
  zip: ZipArchive;
  book: XlsxBook;
}

/** Everything in the package Excel would object to. */
function inspect(file: string): Inspection {
  const data = fs.readFileSync(file);
  const zip = ZipArchive.read(data);
  const book = XlsxBook.read(data);
  const problems: string[] = [];
  const names = new Set(zip.names());

  // Content types: every override names a part, every part has a type.
  const types = zip.text('[Content_Types].xml');
  const overrides = new Map(
    [...types.matchAll(/<Override\b[^>]*>/g)].map((m) => [
      (attr(m[0], 'PartName') ?? '').replace(/^\//, '').toLowerCase(),
      attr(m[0], 'ContentType') ?? '',
    ]),
  );
  const defaults = new Set(
    [...types.matchAll(/<Default\b[^>]*>/g)].map((m) => (attr(m[0], 'Extension') ?? '').toLowerCase()),
  );
  for (const p of overrides.keys())
    if (![...names].some((n) => n.toLowerCase() === p))
      problems.push(`[Content_Types].xml overrides ${p}, which the package lacks`);
  for (const n of names) {
    if (n.endsWith('/') || n === '[Content_Types].xml') continue;
    if (!overrides.has(n.toLowerCase()) && !defaults.has(n.slice(n.lastIndexOf('.') + 1).toLowerCase()))
      problems.push(`${n} has no content type`);
  }

  // Relationships: every internal target exists; ids unique. Parts reached from the root.
  const reached = new Set<string>();
  const walk = (part: string) => {
    const relsPath = part === '' ? '_rels/.rels' : relsPathOf(part);
    if (!names.has(relsPath)) return;
    const rels = parseRelationships(zip.text(relsPath));
    const ids = new Set<string>();
    for (const r of rels) {
      if (ids.has(r.id)) problems.push(`${relsPath}: duplicate Id ${r.id}`);
      ids.add(r.id);
      if (r.external) continue;
      const target = resolveTarget(dirOf(part), r.target);
      if (!names.has(target)) problems.push(`${relsPath}: ${r.id} targets ${target}, which the package lacks`);
      else if (!reached.has(target)) {
        reached.add(target);
        walk(target);
      }
    }
  };
  walk('');
  for (const n of names) {
    if (n.endsWith('/') || n.endsWith('.rels') || n === '[Content_Types].xml' || reached.has(n)) continue;
    problems.push(`${n} is in the package but nothing refers to it`);
  }

  // Sheets: names valid and unique (case-insensitively), ids unique.
  const wb = zip.text('xl/workbook.xml');
  const sheetTags = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]);
  const seenNames = new Set<string>();
  const seenIds = new Set<string>();
  for (const tag of sheetTags) {
    const name = attr(tag, 'name') ?? '';
    const id = attr(tag, 'sheetId') ?? '';
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name))
      problems.push(`sheet name "${name}" is not one Excel allows`);
    if (seenNames.has(name.toLowerCase())) problems.push(`two sheets are named "${name}"`);
    seenNames.add(name.toLowerCase());
    if (seenIds.has(id)) problems.push(`two sheets have sheetId ${id}`);
    seenIds.add(id);
  }
  for (const m of wb.matchAll(/localSheetId="(\d+)"/g))
    if (Number(m[1]) >= sheetTags.length) problems.push(`a defined name's localSheetId ${m[1]} names no sheet`);

  // Worksheets and styles.
  for (const s of book.sheets) checkWorksheet(zip.text(s.path), s.path, problems);
  if (names.has('xl/styles.xml')) checkStyles(zip.text('xl/styles.xml'), problems);

  // Tables: the header cells hold their column's name.
  for (const s of book.sheets) {
    const relsPath = relsPathOf(s.path);
    if (!names.has(relsPath)) continue;
    for (const r of parseRelationships(zip.text(relsPath))) {
      if (!r.type.endsWith('/table')) continue;
      const table = zip.text(resolveTarget(dirOf(s.path), r.target));
      const ref = attr(/<table\b[^>]*>/.exec(table)?.[0] ?? '', 'ref') ?? '';
      if ((attr(/<table\b[^>]*>/.exec(table)?.[0] ?? '', 'headerRowCount') ?? '1') === '0') continue;
      const [, c0, r0] = /^([A-Z]+)(\d+)/.exec(ref) ?? [];
      const grid = book.grid(s).grid;
      const columns = [...table.matchAll(/<tableColumn\b[^>]*>/g)].map((m) =>
        decodeOoxmlText(attr(m[0], 'name') ?? ''),
      );
      columns.forEach((name, i) => {
        const cell = grid[Number(r0) - 1]?.[colOf(c0) - 1 + i];
        if (String(cell ?? '') !== name)
          problems.push(`table ${r.target}: column "${name}" over a header cell holding "${String(cell ?? '')}"`);
      });
    }
  }

  // The calculation chain names cells that hold formulas.
  if (names.has('xl/calcChain.xml')) {
    const bySheetId = new Map(sheetTags.map((t) => [attr(t, 'sheetId') ?? '', attr(t, 'name') ?? '']));
    let sheetId = '';
    for (const m of zip.text('xl/calcChain.xml').matchAll(/<c\b[^>]*>/g)) {
      sheetId = attr(m[0], 'i') ?? sheetId;
      const ref = attr(m[0], 'r') ?? '';
      const sheet = book.sheets.find((s) => s.name === bySheetId.get(sheetId));
      if (!sheet) continue;
      const cell = new RegExp(`<c r="${ref}"[^>]*?(/>|>[\\s\\S]*?</c>)`).exec(zip.text(sheet.path));
      if (!cell || !/<f\b/.test(cell[0]))
        problems.push(`calcChain.xml lists ${sheet.name}!${ref}, which holds no formula`);
    }
  }
  return { problems, zip, book };
}

// ---------------------------------------------------------------------------------------------

let dir: string;
beforeAll(() => {
  dir = tempDir('par-excel-validity-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function score(name: string, input: Buffer | string, args: string[] = []): Promise<string> {
  const inFile = path.join(dir, `${name}.xlsx`);
  if (typeof input === 'string') fs.copyFileSync(input, inFile);
  else fs.writeFileSync(inFile, input);
  const out = path.join(dir, `${name}-out.xlsx`);
  const res = await runCli([inFile, '--out', out, ...args]);
  if (res.code !== 0) throw new Error(`exit ${res.code}: ${res.stderr}`);
  return out;
}

describe('the scored copy of an Excel-made workbook', () => {
  it('has nothing Excel would repair (first run: x14ac rows, a column range over the output columns, a hidden row, styles with dxfs and extLst)', async () => {
    const out = await score('excel-first', excelBook());
    const { problems, zip } = inspect(out);
    expect(problems).toEqual([]);
    const sheet = zip.text('xl/worksheets/sheet1.xml');
    // The range C:XFD (width and style) is split around G:J, not dropped.
    expect(sheet).toContain('<col min="3" max="6" width="12.7109375" style="4" customWidth="1"/>');
    expect(sheet).toContain('<col min="11" max="16384" width="12.7109375" style="4" customWidth="1"/>');
    expect(sheet).toMatch(/<row r="4"[^>]*hidden="1"/);
    // The rows keep x14ac:dyDescent (declared on the root, which is unchanged).
    expect(sheet).toMatch(/<row r="5" x14ac:dyDescent="0.25">/);
  });

  it('re-run over an Excel table holding the output columns: the table columns are named as their header cells now read', async () => {
    // The add-in scored in Vietnamese and made G:J table columns; the CLI re-runs in English.
    const out = await score('table-en', excelBook({ previousOutput: true, table: true }), ['--lang', 'en']);
    const { problems, zip } = inspect(out);
    expect(problems).toEqual([]);
    expect(zip.text('xl/tables/table1.xml')).toContain('name="Index (%)"');
  });

  it('re-run over a formula in an output cell: the calculation chain names no cell without a formula', async () => {
    const out = await score('calcchain', excelBook({ previousOutput: true, formulaInOutput: true }));
    const { problems, zip } = inspect(out);
    expect(problems).toEqual([]);
    // The formulas the user kept are still there.
    expect(zip.text('xl/worksheets/sheet1.xml')).toContain('<f>SUM(C5:E5)</f>');
  });

  it('an earlier report with a chart, replaced: no orphaned drawing or chart left behind, and the chain does not name its cells', async () => {
    const out = await score('old-report', excelBook({ previousOutput: true, oldReport: true }), ['--year', '2024']);
    const { problems, zip } = inspect(out);
    expect(problems).toEqual([]);
    expect(zip.names()).not.toContain('xl/drawings/drawing1.xml');
    expect(zip.names()).not.toContain('xl/charts/chart1.xml');
  });
});

describe('sheet names', () => {
  // report-xlsx.ts picks the report's name among book.sheets, which lists worksheets only: a
  // chartsheet under the default name is not seen, and the report got the same name (Excel
  // repairs a workbook with two sheets of one name). XlsxBook.addSheet now refuses the clash
  // (the CLI stops instead of writing a damaged copy); report-xlsx.ts must pick among
  // book.sheetNames for this to pass.
  test("a chartsheet under the report's default name: the report goes under another name", async () => {
    const out = await score('chartsheet', excelBook({ chartsheetName: 'Báo cáo CCHC 2024' }), ['--year', '2024']);
    const { problems, book } = inspect(out);
    expect(problems).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toContain('Báo cáo CCHC 2024 (2)');
  });

  it('XlsxBook refuses a sheet name another sheet of any kind holds (case-insensitively), and names Excel rejects', () => {
    const book = XlsxBook.read(excelBook({ chartsheetName: 'Biểu đồ' }));
    expect(book.sheetNames).toEqual(['Bảng điểm', 'Biểu đồ']);
    const xml = `<worksheet xmlns="${NS_MAIN}"><sheetData/></worksheet>`;
    expect(() => book.addSheet('BIỂU ĐỒ', xml)).toThrow(/already has a sheet/);
    expect(() => book.addSheet('a/b', xml)).toThrow(/not a sheet name/);
    expect(() => book.addSheet('x'.repeat(32), xml)).toThrow(/not a sheet name/);
    expect(() => book.renameSheet(book.sheets[0], 'biểu đồ')).toThrow(/already has a sheet/);
    expect(book.addSheet('Mới', xml).name).toBe('Mới');
  });
});

describe('inputs from exceljs and LibreOffice', () => {
  // (No note beside the table: exceljs itself writes <legacyDrawing> after <tableParts>, out of order.)
  it('exceljs: a table left of the output and an image; the copy has nothing to repair and LibreOffice and exceljs read it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bảng điểm');
    ws.getCell('A1').value = 'BẢNG ĐIỂM THỬ';
    ws.addTable({
      name: 'Bang1',
      ref: 'A3',
      headerRow: true,
      columns: ['STT', 'Tên đơn vị', 'Lĩnh vực A', 'Lĩnh vực B', 'Lĩnh vực C', 'Tổng điểm'].map((name) => ({ name })),
      rows: [
        [null, 'Điểm tối đa', 30, 30, 40, 100],
        ...UNITS.map(([stt, name, a, b, c, t]) => [stt, STRINGS[name], a, b, c, t]),
      ],
    });
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'H12:I14');
    const input = path.join(dir, 'exceljs-table.xlsx');
    await wb.xlsx.writeFile(input);
    const out = await score('exceljs-table-run', input);
    const { problems } = inspect(out);
    expect(problems).toEqual([]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.getWorksheet('Bảng điểm')?.getCell('H3').value).toBe('Xếp hạng');
    const lo = await libreOfficeSheets([out]);
    expect(lo.get(out)?.get('Bảng điểm')?.[2]?.slice(6, 10)).toEqual(['Chỉ số (%)', 'Xếp hạng', 'Xếp loại', 'Ghi chú']);
  });

  it('a scored copy re-saved by LibreOffice, scored again: nothing to repair', async () => {
    const first = await score('lo-first', excelBook({ table: true }));
    const { execFileSync } = await import('node:child_process');
    const { findSoffice } = await import('../helpers');
    const loDir = path.join(dir, 'lo');
    const profile = path.join(dir, 'lo-profile');
    execFileSync(
      findSoffice(),
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        loDir,
        first,
      ],
      {
        timeout: 180_000,
        env: { ...process.env, HOME: dir },
      },
    );
    const resaved = path.join(loDir, path.basename(first));
    const out = await score('lo-second', resaved);
    expect(inspect(out).problems).toEqual([]);
  });
});
