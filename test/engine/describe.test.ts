import { bandLabel, demotionNote, describeFinding, findingMessage } from '../../src/engine/describe';
import { en, messages, vi } from '../../src/engine/i18n';
import {
  BAND_FILL,
  INDEX_NUMBER_FORMAT,
  OUTPUT_COLUMN_COUNT,
  looksLikeFormula,
  outputBlock,
} from '../../src/engine/output';
import type { Finding, FindingCode } from '../../src/engine/types';
import { RULES, score, scoreOne } from './helpers';

const LABELS = ['Cải cách TTHC', 'Chính quyền điện tử, số'];

function finding(code: FindingCode, params: Finding['params'], address = 'D7'): Finding {
  return { severity: 'error', sheet: 'Tổng hợp', address, cell: `'Tổng hợp'!${address}`, code, params };
}

describe('demotionNote', () => {
  it('is empty for a unit kept in its index band', () => {
    expect(demotionNote(scoreOne([10, 90], [9, 85]), RULES, 'vi')).toBe('');
    expect(demotionNote(scoreOne([10, 90], [9, 85]), RULES, 'en')).toBe('');
  });

  it('explains one step in Vietnamese, with a decimal comma', () => {
    const u = scoreOne([20, 80], [13, 72], RULES, LABELS); // 85%, field 1 at 65%
    expect(demotionNote(u, RULES, 'vi')).toBe(
      'Chỉ số 85,00% thuộc mức “Hoàn thành tốt nhiệm vụ” nhưng lĩnh vực Cải cách TTHC (65,00%) dưới 70%; xếp loại “Hoàn thành nhiệm vụ”.',
    );
  });

  it('explains one step in English', () => {
    const u = scoreOne([20, 80], [13, 72], RULES, LABELS);
    expect(demotionNote(u, RULES, 'en')).toBe(
      'Index 85.00% is in “Good”, but under its 70% field floor: Cải cách TTHC (65.00%); rated “Complete”.',
    );
  });

  it('explains a cascade two bands down, naming the field and the floors 80 and 70', () => {
    const u = scoreOne([10, 90], [6, 90], RULES, LABELS);
    expect(demotionNote(u, RULES, 'vi')).toBe(
      'Chỉ số 96,00% thuộc mức “Hoàn thành xuất sắc nhiệm vụ” nhưng lĩnh vực Cải cách TTHC (60,00%) dưới 80%; ' +
        'chưa đạt mức “Hoàn thành tốt nhiệm vụ” vì lĩnh vực Cải cách TTHC (60,00%) dưới 70%; ' +
        'xếp loại “Hoàn thành nhiệm vụ”.',
    );
  });

  it('joins several failing fields with "và" / "and", and rounds their percentages', () => {
    const u = scoreOne([30, 30, 40], [20, 20, 40], RULES, ['A', 'B', 'C']); // 80%; A and B at 66.67%
    expect(demotionNote(u, RULES, 'vi')).toBe(
      'Chỉ số 80,00% thuộc mức “Hoàn thành tốt nhiệm vụ” nhưng lĩnh vực A (66,67%) và B (66,67%) dưới 70%; xếp loại “Hoàn thành nhiệm vụ”.',
    );
    expect(demotionNote(u, RULES, 'en')).toContain('under its 70% field floor: A (66.67%) and B (66.67%)');
  });

  it('prints a floor with decimals as the rule set holds it', () => {
    const rules = JSON.parse(JSON.stringify(RULES));
    rules.bands[1].fieldFloorPct = 72.5;
    const u = scoreOne([10, 90], [7, 81], rules, LABELS);
    expect(demotionNote(u, rules, 'vi')).toContain('Cải cách TTHC (70,00%) dưới 72,5%');
    expect(demotionNote(u, rules, 'en')).toContain('under its 72.5% field floor: Cải cách TTHC (70.00%)');
  });
});

describe('findingMessage and describeFinding', () => {
  it('writes numbers with a decimal comma in Vietnamese and a point in English', () => {
    const f = finding('overMax', { value: 10.5, max: 10, field: 'Cải cách TTHC' });
    expect(findingMessage(f, 'vi')).toBe('10,5 điểm vượt điểm tối đa 10 của lĩnh vực “Cải cách TTHC”');
    expect(findingMessage(f, 'en')).toBe('10.5 points exceed the maximum 10 of field “Cải cách TTHC”');
    const t = finding('totalMismatch', { stated: 86.25, computed: 87.75 });
    expect(findingMessage(t, 'vi')).toBe('tổng điểm ghi 86,25 nhưng tổng các lĩnh vực (cộng, trừ điểm) là 87,75');
  });

  it('prefixes the sheet-qualified cell', () => {
    const f = finding('notANumber', { value: 'abc' });
    expect(describeFinding(f, 'vi')).toBe(`'Tổng hợp'!D7: “abc” không phải là số`);
    expect(describeFinding(f, 'en')).toBe(`'Tổng hợp'!D7: “abc” is not a number`);
  });

  it('leaves text parameters as they are (no comma put into "8.5" typed by the user)', () => {
    const f = finding('numberFromText', { value: '8.5', number: 8.5 });
    expect(findingMessage(f, 'vi')).toBe('“8.5” là văn bản, đã đọc thành số 8,5');
  });

  it('has a message for every finding code in both languages, with no placeholder left', () => {
    const params = {
      value: 1.5,
      number: 1.5,
      readings: '1.234 | 1234',
      max: 10,
      field: 'F',
      unit: 'U',
      name: 'N',
      first: 'B6',
      firstCell: 'B6',
      stated: 1,
      computed: 2,
      abs: 1.5,
      column: 'E',
      store: '_CotCCHC',
      columns: 'C, D',
    };
    for (const code of Object.keys(vi.findings) as FindingCode[]) {
      for (const lang of ['vi', 'en'] as const) {
        const text = findingMessage(finding(code, params), lang);
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text.length).toBeGreaterThan(5);
      }
    }
  });
});

describe('messages', () => {
  it('has the same keys in vi and en', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && !Array.isArray(v) ? keys(v).map((s) => `${k}.${s}`) : [k],
      );
    expect(keys(en).sort()).toEqual(keys(vi).sort());
    for (const [k, v] of Object.entries(vi.findings)) {
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(en.findings[k as keyof typeof en.findings])).toEqual(ph(v));
    }
  });
  it('picks the language, falling back to Vietnamese', () => {
    expect(messages('vi')).toBe(vi);
    expect(messages('en')).toBe(en);
    expect(messages('fr' as 'vi')).toBe(vi);
  });
  it('writes Vietnamese with its diacritics', () => {
    expect(vi.output.headers).toEqual(['Chỉ số (%)', 'Xếp hạng', 'Xếp loại', 'Ghi chú']);
    expect(vi.findings.missingMax).toContain('điểm tối đa');
  });
});

describe('bandLabel', () => {
  it('gives the label in the language, or the code when unknown', () => {
    expect(bandLabel(RULES, 'good', 'vi')).toBe('Hoàn thành tốt nhiệm vụ');
    expect(bandLabel(RULES, 'good', 'en')).toBe('Good');
    expect(bandLabel(RULES, 'nope', 'vi')).toBe('nope');
  });
});

describe('outputBlock', () => {
  const r = score(
    [10, 90],
    [
      { name: 'Xã A', scores: [9, 85] },
      { name: 'Xã B', scores: [6, 85] },
      { name: 'Xã C', scores: [8, 75.3] },
    ],
    RULES,
    LABELS,
  );

  it('writes index as a fraction, rank, band label and note per unit in sheet order', () => {
    const b = outputBlock(r, 'vi');
    expect(b.headers).toEqual(['Chỉ số (%)', 'Xếp hạng', 'Xếp loại', 'Ghi chú']);
    expect(b.headers).toHaveLength(OUTPUT_COLUMN_COUNT);
    expect(b.rows.map((row) => row.slice(0, 3))).toEqual([
      [0.94, 1, 'Hoàn thành xuất sắc nhiệm vụ'],
      [0.91, 2, 'Hoàn thành nhiệm vụ'],
      [0.833, 3, 'Hoàn thành tốt nhiệm vụ'],
    ]);
    expect(b.rows[0][3]).toBe('');
    expect(b.rows[1][3]).toContain('Cải cách TTHC (60,00%) dưới 80%');
    expect(b.bands).toEqual(['excellent', 'complete', 'good']);
  });

  it('writes English headers and labels', () => {
    const b = outputBlock(r, 'en');
    expect(b.headers).toEqual(['Index (%)', 'Rank', 'Band', 'Note']);
    expect(b.rows[1][2]).toBe('Complete');
  });

  it('defaults to Vietnamese', () => {
    expect(outputBlock(r).headers[0]).toBe('Chỉ số (%)');
  });

  it('writes the index as the exact fraction, unrounded, so a sheet formula ranking it agrees with the ranks', () => {
    const s = score([3], [{ name: 'A', scores: [2] }]);
    expect(outputBlock(s).rows[0][0]).toBe(2 / 3);
    // 89,996% and 89,9951% both show as 90,00% but stay apart, in the order of their ranks.
    const close = score(
      [100],
      [
        { name: 'A', scores: [89.996] },
        { name: 'B', scores: [89.9951] },
      ],
    );
    const rows = outputBlock(close).rows;
    expect(rows[0][0]).toBeGreaterThan(rows[1][0]);
    expect([rows[0][1], rows[1][1]]).toEqual([1, 2]);
  });

  it('has a percent format and a fill per default band', () => {
    expect(INDEX_NUMBER_FORMAT).toBe('0.00%');
    for (const b of RULES.bands) expect(BAND_FILL[b.code]).toMatch(/^#[0-9A-F]{6}$/);
  });
});

describe('looksLikeFormula', () => {
  it('flags text Excel would take for a formula', () => {
    expect(looksLikeFormula('=SUM(A1)')).toBe(true);
    expect(looksLikeFormula('+84')).toBe(true);
    expect(looksLikeFormula('-1')).toBe(true);
    expect(looksLikeFormula('@x')).toBe(true);
    expect(looksLikeFormula('Chỉ số 85,00%')).toBe(false);
    expect(looksLikeFormula('')).toBe(false);
  });
});
