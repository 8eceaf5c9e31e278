/**
 * Issue 16, format version 2 of the rule set: JSON and the rules sheet round-trip every preset and
 * a set using every feature; version 1 is still read and written back as 2; every new key is
 * checked with a message naming the path or cell, the band and the value; the schema file covers
 * the keys the reader takes; presets are files under rules/ named by their decision.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  PRESETS,
  PRESET_FILES,
  RULES_SHEET,
  amendRuleSet,
  describeRuleSourceProblem,
  needsDecision,
  normaliseRuleSet,
  parseRuleSetJson,
  ruleSetFromRows,
  ruleSetToJson,
  ruleSetToRows,
  ruleSetToRowsV1,
  scoreTable,
  type CellValue,
  type RuleSet,
} from '../../src/engine';
import { EVERY_FEATURE, PER_FIELD, tableWith } from './rules-fixtures';

const ROOT = path.join(__dirname, '..', '..');
const ALL: RuleSet[] = [...PRESETS, PER_FIELD, EVERY_FEATURE];

function messagesOf(read: ReturnType<typeof parseRuleSetJson>, lang: 'vi' | 'en' = 'vi'): string[] {
  if (read.ok) throw new Error('expected problems');
  return read.problems.map((p) => describeRuleSourceProblem(p, lang));
}

describe('round trip: sheet ↔ JSON ↔ engine', () => {
  test.each(ALL.map((r) => [r.id, r]))('%s', (_id, rules) => {
    const norm = normaliseRuleSet(rules);
    const fromJson = parseRuleSetJson(ruleSetToJson(rules));
    expect(fromJson).toEqual({ ok: true, rules: norm });
    if (!fromJson.ok) return;
    const fromSheet = ruleSetFromRows(ruleSetToRows(fromJson.rules));
    expect(fromSheet).toEqual({ ok: true, rules: norm });
    if (!fromSheet.ok) return;
    expect(parseRuleSetJson(ruleSetToJson(fromSheet.rules))).toEqual({ ok: true, rules: norm });
    // …and the engine scores the same whichever way the rules came.
    const t = tableWith([
      { name: 'A', scores: [90, 50, 90], extra: { block: 'xa', surveyScaled: 27e4 } },
      { name: 'B', scores: [95, 95, 95], extra: { block: 'phuong', surveyScaled: null } },
    ]);
    const plain = (r: RuleSet) => scoreTable(t, r).units.map((u) => [u.band, u.rank, u.indexPct]);
    if (!rules.blocks?.length) t.units.forEach((u) => (u.block = null));
    expect(plain(fromSheet.rules)).toEqual(plain(rules));
  });

  test('the sheet is written as version 2, kind in column A, titles in # rows', () => {
    const rows = ruleSetToRows(EVERY_FEATURE);
    expect(rows[0].slice(0, 3)).toEqual(['PAR-RULES', 2, 'tinh-x-12-2024']);
    const kinds = new Set(rows.slice(1).map((r) => String(r[0]).replace(/^#.*/, '#')));
    expect([...kinds].sort()).toEqual(['#', 'band', 'block', 'component', 'floor', 'setting']);
    expect(rows).toContainEqual(['floor', 'phuong', 'p-good', 'Cải cách TTHC', 70, '', '', '', '', '']);
    expect(rows).toContainEqual(['setting', 'decision.number', '12/2024/QĐ-UBND', '', '', '', '', '', '', '']);
  });
});

describe('version 1 is still read, and written back as 2', () => {
  const v1 = PRESETS[0];
  test('a version-1 sheet and a version-1 JSON file read as the same rules', () => {
    const fromSheet = ruleSetFromRows(ruleSetToRowsV1(v1));
    const v1Json = JSON.stringify({ id: v1.id, name: v1.name, bands: v1.bands.map(({ fieldFloors: _f, ...b }) => b) });
    const fromJson = parseRuleSetJson(v1Json);
    expect(fromSheet).toEqual({ ok: true, rules: { ...normaliseRuleSet(v1), decision: null } });
    expect(fromJson).toEqual(fromSheet);
    if (!fromSheet.ok) return;
    expect(ruleSetToRows(fromSheet.rules)[0][1]).toBe(2);
    expect(JSON.parse(ruleSetToJson(fromSheet.rules)).formatVersion).toBe(2);
  });
  test('a version the reader does not know is refused, naming the cell', () => {
    const rows = ruleSetToRows(v1) as CellValue[][];
    rows[0][1] = 3;
    expect(messagesOf(ruleSetFromRows(rows))).toEqual([
      `${RULES_SHEET}!B1: phiên bản định dạng “3” không được hỗ trợ (cần 1, 2)`,
    ]);
    expect(
      messagesOf(parseRuleSetJson(JSON.stringify({ ...JSON.parse(ruleSetToJson(v1)), formatVersion: 3 })))[0],
    ).toBe('formatVersion: phiên bản định dạng “3” không được hỗ trợ (cần 1, 2)');
  });
});

describe('every new key is checked: the path or cell, the band, the value', () => {
  const json = () => JSON.parse(ruleSetToJson(EVERY_FEATURE));
  const parse = (data: unknown) => parseRuleSetJson(JSON.stringify(data));

  test('a per-field floor out of range, in JSON', () => {
    const d = json();
    d.bands[1].fieldFloors[0].pct = 120;
    expect(messagesOf(parse(d))).toEqual([
      'bands[1].fieldFloors[0]: Lĩnh vực “Chính quyền số”: Mức “good”: số điểm tối thiểu của lĩnh vực phải từ 0% đến 100%, đang là 120%',
    ]);
    expect(messagesOf(parse(d), 'en')).toEqual([
      "bands[1].fieldFloors[0]: Field “Chính quyền số”: Band “good”: a field's minimum must be between 0% and 100%; it is 120%",
    ]);
  });

  test('a per-field floor in a block’s own bands, and a floor of the wrong type', () => {
    const d = json();
    d.blocks[1].bands[0].fieldFloors[0].pct = -1;
    expect(messagesOf(parse(d))).toEqual([
      'blocks[1].bands[0].fieldFloors[0]: Khối “phuong”: Lĩnh vực “Cải cách TTHC”: Mức “p-good”: số điểm tối thiểu của lĩnh vực phải từ 0% đến 100%, đang là -1%',
    ]);
    d.blocks[1].bands[0].fieldFloors[0].pct = '70%';
    expect(messagesOf(parse(d))).toEqual([
      'blocks[1].bands[0].fieldFloors[0].pct: mức “p-good”: “70%” không phải là số',
    ]);
  });

  test('settings: decimals, rank method, caps, components, decision', () => {
    const d = json();
    d.indexDecimals = 7;
    d.rankMethod = 'average';
    d.caps.bonusPoints = -2;
    d.components.survey.points = 0;
    d.decision.date = '15/03/2024';
    expect(messagesOf(parse(d))).toEqual([
      'indexDecimals: số chữ số thập phân khi so sánh chỉ số phải là số nguyên từ 0 đến 4 (hoặc để trống: so sánh chính xác), đang là “7”',
      'rankMethod: cách xếp hạng phải là “rankEq” (RANK.EQ: 1, 2, 2, 4) hoặc “dense” (1, 2, 2, 3), đang là “average”',
      'caps.bonusPoints: mức tối đa phải là số điểm không âm, tối đa 4 chữ số thập phân, đang là “-2”',
      'components.survey.points: số điểm của thành phần phải là số dương, tối đa 4 chữ số thập phân, đang là “0”',
      'decision.date: ngày ban hành phải có dạng NNNN-TT-NN (ví dụ 2024-03-15) hoặc để trống, đang là “15/03/2024”',
    ]);
  });

  test('blocks: a code twice, a block without a label; unknown and missing keys', () => {
    const d = json();
    d.blocks[1].code = 'xa';
    d.blocks[2].label.en = '';
    expect(messagesOf(parse(d))).toEqual([
      'blocks[0]: Mã khối “xa” bị trùng',
      'blocks[2]: Khối “co-quan” thiếu tên tiếng Việt hoặc tiếng Anh',
    ]);
    const e = json();
    e.caps = { bonus: 3 };
    e.blocks[0].rank = true;
    expect(messagesOf(parse(e))).toEqual([
      'caps.bonus: khoá không có trong định dạng bộ tiêu chí',
      'caps.bonusPoints: thiếu giá trị',
      'caps.deductionPoints: thiếu giá trị',
      'blocks[0].rank: khoá không có trong định dạng bộ tiêu chí',
    ]);
  });

  test('on the sheet, each problem is on its cell', () => {
    const rows = ruleSetToRows(EVERY_FEATURE) as CellValue[][];
    const rowOf = (pred: (r: CellValue[]) => boolean) => rows.findIndex(pred);
    const dec = rowOf((r) => r[0] === 'setting' && r[1] === 'indexDecimals');
    const floor = rowOf((r) => r[0] === 'floor' && r[2] === 'p-good');
    const band = rowOf((r) => r[0] === 'band' && r[2] === 'good');
    rows[dec][2] = 'hai';
    expect(messagesOf(ruleSetFromRows(rows))).toEqual([`${RULES_SHEET}!C${dec + 1}: “hai” không phải là số`]);
    rows[dec][2] = 6;
    rows[floor][4] = 150;
    rows[band][9] = '75,5';
    rows[band][5] = 82;
    expect(messagesOf(ruleSetFromRows(rows))).toEqual([
      `${RULES_SHEET}!F${band + 1}: Ngưỡng dưới của mức “good” (82%) phải bằng ngưỡng trên của mức “complete” (80%); nếu không, đơn vị đạt từ 80% đến 82% sẽ không được xếp loại`,
      `${RULES_SHEET}!C${dec + 1}: indexDecimals: số chữ số thập phân khi so sánh chỉ số phải là số nguyên từ 0 đến 4 (hoặc để trống: so sánh chính xác), đang là “6”`,
      `${RULES_SHEET}!E${floor + 1}: Khối “phuong”: Lĩnh vực “Cải cách TTHC”: Mức “p-good”: số điểm tối thiểu của lĩnh vực phải từ 0% đến 100%, đang là 150%`,
    ]);
  });

  test('an unknown kind or setting on the sheet is named, not ignored', () => {
    const rows = ruleSetToRows(PRESETS[0]) as CellValue[][];
    rows.push(['seting', 'rankMethod', 'dense'], ['setting', 'rank', 'dense']);
    expect(messagesOf(ruleSetFromRows(rows))).toEqual([
      `${RULES_SHEET}!A${rows.length - 1}: khoá không có trong định dạng bộ tiêu chí`,
      `${RULES_SHEET}!B${rows.length}: khoá không có trong định dạng bộ tiêu chí`,
    ]);
  });
});

describe('presets: files under rules/ named by their decision', () => {
  test.each(PRESETS.map((p) => [p.id, p]))('%s is read from its file by the same checker', (id, p) => {
    const file = path.join(ROOT, PRESET_FILES[id]);
    const read = parseRuleSetJson(fs.readFileSync(file, 'utf8'));
    expect(read).toEqual({ ok: true, rules: normaliseRuleSet(p) });
    expect(p.decision?.number).toBeTruthy();
    expect(path.basename(file)).toMatch(/\.json$/);
    // The file is named by the decision's number, or its issuer for a ministry's publication.
    const slug = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/gi, 'd')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-');
    expect(slug(path.basename(file))).toContain(
      slug(p.decision?.number.match(/^\d+\/\d+\/[^ ]+/)?.[0] ?? p.decision?.issuer.vi ?? '').replace(/-+$/, ''),
    );
  });

  test('the default is Hải Dương 29/2018/QĐ-UBND with the seed’s numbers', () => {
    const d = PRESETS[0];
    expect(d.decision).toMatchObject({ number: '29/2018/QĐ-UBND', issuer: { vi: 'UBND tỉnh Hải Dương' } });
    expect(d.bands.map((b) => [b.code, b.min.pct, b.min.inclusive, b.fieldFloorPct])).toEqual([
      ['excellent', 90, true, 80],
      ['good', 80, true, 70],
      ['complete', 65, true, 50],
      ['incomplete', 0, true, null],
    ]);
  });

  test('the national groups: A from 90%, B from 80% to under 90%', () => {
    const n = PRESETS.find((p) => p.id === 'bo-noi-vu-par-index-2024-nhom');
    expect(n?.bands.slice(0, 2).map((b) => [b.code, b.min.pct, b.max.pct, b.max.inclusive])).toEqual([
      ['A', 90, 100, true],
      ['B', 80, 90, false],
    ]);
  });

  test('every file under rules/ is a preset or the schema', () => {
    const files = fs.readdirSync(path.join(ROOT, 'rules')).sort();
    expect(files).toEqual([...Object.values(PRESET_FILES).map((f) => path.basename(f)), 'rules.schema.json'].sort());
  });
});

describe('rules/rules.schema.json', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'rules.schema.json'), 'utf8'));

  /** The keys an object in the JSON written by ruleSetToJson has, by path pattern. */
  function keysByShape(value: unknown, at: string, out: Map<string, Set<string>>): void {
    if (Array.isArray(value)) return value.forEach((v) => keysByShape(v, `${at}[]`, out));
    if (typeof value !== 'object' || value === null) return;
    const set = out.get(at) ?? new Set<string>();
    for (const [k, v] of Object.entries(value)) {
      set.add(k);
      keysByShape(v, `${at}.${k}`, out);
    }
    out.set(at, set);
  }

  function schemaAt(p: string): { properties?: Record<string, unknown>; required?: string[] } {
    let node = schema;
    const resolve = (n: any): any => {
      if (n.$ref)
        return resolve(
          n.$ref
            .replace('#/', '')
            .split('/')
            .reduce((o: any, k: string) => o[k], schema),
        );
      if (n.oneOf) return resolve(n.oneOf.find((o: any) => o.type !== 'null'));
      return n;
    };
    for (const part of p.split('.').slice(1)) {
      node = resolve(node);
      node = part.endsWith('[]') ? resolve(resolve(node.properties[part.slice(0, -2)]).items) : node.properties[part];
    }
    return resolve(node);
  }

  test('every object the writer writes is described, every key in it allowed, none else', () => {
    const shapes = new Map<string, Set<string>>();
    keysByShape(JSON.parse(ruleSetToJson(EVERY_FEATURE, './rules.schema.json')), '$', shapes);
    expect(shapes.size).toBeGreaterThan(10);
    for (const [p, keys] of shapes) {
      const node = schemaAt(p);
      expect({
        p,
        keys: Object.keys(node.properties ?? {})
          .filter((k) => keys.has(k) || (node.required ?? []).includes(k))
          .sort(),
      }).toEqual({ p, keys: [...keys].sort() });
    }
  });
});

describe('an amended rule set is named and numbered by its decision', () => {
  const base = PRESETS[0];
  const edited: RuleSet = {
    ...base,
    bands: base.bands.map((b) => (b.code === 'good' ? { ...b, fieldFloorPct: 65 } : b)),
  };
  const decision = {
    number: '12/2024/QĐ-UBND',
    date: '2024-03-15',
    issuer: { vi: 'UBND tỉnh Hải Dương', en: 'Hải Dương Provincial People’s Committee' },
  };

  test('the name cites the decision, in both languages; never "(đã sửa)"', () => {
    const a = amendRuleSet(edited, decision);
    expect(a.name).toEqual({
      vi: 'UBND tỉnh Hải Dương, Quyết định số 12/2024/QĐ-UBND ngày 15/03/2024',
      en: 'Hải Dương Provincial People’s Committee, Decision No. 12/2024/QĐ-UBND of 15/03/2024',
    });
    expect(a.id).toBe('12-2024-qd-ubnd');
    expect(a.name.vi).not.toContain('đã sửa');
    expect(amendRuleSet(edited, { ...decision, date: '' }).name.vi).toBe(
      'UBND tỉnh Hải Dương, Quyết định số 12/2024/QĐ-UBND',
    );
    // …and it survives the sheet and the JSON.
    expect(ruleSetFromRows(ruleSetToRows(a))).toEqual({ ok: true, rules: normaliseRuleSet(a) });
  });

  test('an edited set needs its own decision before it is applied; a known set does not', () => {
    expect(needsDecision(edited, PRESETS, base)).toBe(true); // carries the origin's decision
    expect(needsDecision({ ...edited, decision: null }, PRESETS, base)).toBe(true);
    expect(needsDecision({ ...edited, decision }, PRESETS, base)).toBe(false);
    expect(needsDecision({ ...base }, PRESETS, base)).toBe(false);
  });
});
