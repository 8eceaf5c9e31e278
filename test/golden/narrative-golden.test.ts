/**
 * Golden test: the narrative of the sample workbook (examples/chi-so-cchc-2021-tu-ky.xlsx) equals
 * the checked-in text, and that text matches DOMAIN.md's restored section II sentence by sentence
 * except where the seed is inconsistent (see test/narrative/domain-section.ts).
 *
 * Regenerate after an intended change: UPDATE_GOLDEN=1 npx jest test/golden
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { detectLayout, type Grid } from '../../src/engine/layout';
import { readTable } from '../../src/engine/read-table';
import { generateNarrative, narrativeToText, type Narrative } from '../../src/engine/narrative';
import { HAI_DUONG_2018 } from '../../src/engine/rules';
import { scoreTable } from '../../src/engine/score';
import type { CellValue, Lang, ScoringResult } from '../../src/engine/types';
import { compareWithDomain } from '../narrative/domain-section';
import { SEED_SETTINGS } from '../narrative/seed-fixture';

const ROOT = path.join(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'examples/chi-so-cchc-2021-tu-ky.xlsx');
const golden = (lang: Lang) => path.join(__dirname, `narrative-sample.${lang}.txt`);
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** A cell as the engine's grid holds it: formula results, rich text and errors flattened. */
function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('error' in v) return String(v.error);
    if ('result' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

/** The first sheet holding a scoring table, scored with the default rules. */
async function scoreSample(): Promise<ScoringResult> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  for (const ws of wb.worksheets) {
    const values: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      values.push([]);
      formats.push([]);
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        values[r - 1].push(cellValue(cell.value));
        formats[r - 1].push(cell.numFmt ?? null);
      }
    }
    const grid: Grid = values;
    const detected = detectLayout(grid);
    if (!detected.ok) continue;
    const { table, findings } = readTable(grid, detected.layout, ws.name, { formats, rules: HAI_DUONG_2018 });
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) throw new Error(`the sample workbook has errors: ${JSON.stringify(errors)}`);
    return scoreTable(table, HAI_DUONG_2018);
  }
  throw new Error('no scoring table in the sample workbook');
}

let narratives: Record<Lang, Narrative>;

beforeAll(async () => {
  if (!fs.existsSync(SAMPLE)) throw new Error(`${path.relative(ROOT, SAMPLE)} is missing: the golden test reads it`);
  const result = await scoreSample();
  narratives = {
    vi: generateNarrative(result, SEED_SETTINGS, 'vi'),
    en: generateNarrative(result, SEED_SETTINGS, 'en'),
  };
  if (UPDATE)
    for (const lang of ['vi', 'en'] as const) fs.writeFileSync(golden(lang), narrativeToText(narratives[lang]), 'utf8');
});

describe.each(['vi', 'en'] as const)("the sample workbook's narrative (%s)", (lang) => {
  test('equals the golden file', () => {
    const expected = fs.readFileSync(golden(lang), 'utf8');
    expect(narrativeToText(narratives[lang])).toBe(expected);
  });
});

test("the golden text matches DOMAIN.md's section II sentence by sentence, except the listed differences", () => {
  expect(compareWithDomain(narratives.vi)).toEqual([]);
  // The same check on the checked-in file itself, read back paragraph by paragraph.
  const blocks = fs.readFileSync(golden('vi'), 'utf8').trimEnd().split('\n\n');
  const fromFile: Narrative = {
    title: blocks[0],
    paragraphs: blocks.slice(1).map((t, i) => ({ id: String(i), level: 0, text: t.replace(/^- /, ''), figures: {} })),
  };
  expect(compareWithDomain(fromFile)).toEqual([]);
});
