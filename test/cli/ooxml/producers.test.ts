/**
 * The same scoring table written by every producer (test/fixtures/producers.ts, docs/producers.md)
 * gives the same bands and ranks, and every scored copy, with its report sheet, opens in
 * LibreOffice with the bands in place (a part rewritten from UTF-16, a prefixed or Strict package included).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../../../src/cli/report';
import {
  cdataAndComments,
  prefixed,
  relsOnSheet,
  strict,
  transform,
  utf16,
  writeExceljs,
  writeLibreOffice,
  writePython,
  writeSheetjs,
  PRODUCER_SHEET,
} from '../../fixtures/producers';
import { libreOfficeSheets, runCli, tempDir } from '../helpers';

/** Bands and ranks worked out by hand from the table (see producerTable's comments). */
const EXPECTED: Record<string, [string, number]> = {
  'Xã Quang Khải': ['excellent', 1],
  'Xã Hà Kỳ': ['good', 2],
  'Thị trấn Tứ Kỳ': ['complete', 2],
  'Xã Minh Đức': ['good', 2],
  'Xã Đại Hợp': ['good', 5],
  'Xã Văn Tố': ['incomplete', 5],
  'Xã Bình Lãng': ['complete', 7],
  'Xã Tân Kỳ': ['complete', 8],
  'Xã Ứng Hoè': ['incomplete', 9],
  'Xã Ngọc Kỳ': ['incomplete', 10],
};

let dir: string;
const files = new Map<string, string>();
beforeAll(async () => {
  dir = tempDir('par-producers-');
  const base = await writeExceljs(path.join(dir, 'exceljs.xlsx'));
  files.set('exceljs', base);
  files.set('SheetJS', writeSheetjs(path.join(dir, 'sheetjs.xlsx')));
  files.set('openpyxl', writePython(path.join(dir, 'openpyxl.xlsx'), 'openpyxl'));
  files.set('xlsxwriter', writePython(path.join(dir, 'xlsxwriter.xlsx'), 'xlsxwriter'));
  const loDir = path.join(dir, 'lo');
  fs.mkdirSync(loDir);
  files.set('LibreOffice', writeLibreOffice(base, loDir));
  files.set('prefixed (Open XML SDK)', transform(base, path.join(dir, 'prefixed.xlsx'), prefixed));
  files.set('Strict OOXML, prefixed', transform(base, path.join(dir, 'strict.xlsx'), strict));
  files.set('CDATA, comments, character references', transform(base, path.join(dir, 'cdata.xlsx'), cdataAndComments));
  files.set('UTF-16 parts', transform(base, path.join(dir, 'utf16.xlsx'), utf16));
  files.set('relationships namespace on <sheet>', transform(base, path.join(dir, 'rels-on-sheet.xlsx'), relsOnSheet));
}, 300_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('every producer gives the same bands and ranks, the ones worked out by hand; every scored copy opens in LibreOffice with them', async () => {
  const outputs: [string, string][] = [];
  for (const [producer, file] of files) {
    // Distinct names: LibreOffice's CSV export names its files by the workbook's base name.
    const out = path.join(dir, `${producer.replace(/[^A-Za-z0-9]+/g, '-')}.scored.xlsx`);
    const json = file.replace(/\.xlsx$/, '.json');
    const r = await runCli([file, '--out', out, '--json', json, '--year', '2021']);
    expect({ producer, code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ producer, code: 0, stderr: '' });
    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as JsonReport;
    const got = Object.fromEntries(report.units.map((u) => [u.name, [u.band, u.rank]]));
    expect({ producer, units: got }).toEqual({ producer, units: EXPECTED });
    outputs.push([producer, out]);
  }
  expect(outputs.length).toBeGreaterThanOrEqual(10);

  // What LibreOffice shows in the band column of each copy.
  const opened = await libreOfficeSheets(outputs.map(([, f]) => f));
  const labels = new Set([
    'Hoàn thành xuất sắc nhiệm vụ',
    'Hoàn thành tốt nhiệm vụ',
    'Hoàn thành nhiệm vụ',
    'Không hoàn thành nhiệm vụ',
  ]);
  for (const [producer, out] of outputs) {
    const rows = opened.get(out)?.get(PRODUCER_SHEET) ?? [];
    const bandCol = rows[1]?.indexOf('Xếp loại') ?? -1;
    const bands = rows.slice(3, 13).map((row) => [row[1], row[bandCol]]);
    expect({ producer, bandCol: bandCol > 0, all: bands.every(([, b]) => labels.has(b)), count: bands.length }).toEqual(
      { producer, bandCol: true, all: true, count: 10 },
    );
    // The report sheet was added beside it, in the package's own namespaces.
    expect({ producer, sheets: opened.get(out)?.size }).toEqual({ producer, sheets: 2 });
  }
}, 600_000);
