/**
 * The rules sheet, format version 2: one row per item, its kind in column A (`setting`,
 * `component`, `block`, `band`, `floor`), rows whose column A starts with `#` are titles for a
 * person who unhides the sheet. Version 1 (bands only) is still read (rules-io.ts); rules are
 * always written back as version 2. Every problem names its cell, the band and the value.
 */
import { cellAddress, qualifiedAddress } from './address';
import { messages } from './i18n';
import { ruleSetFingerprint, validateRuleSet, type RuleProblem } from './rules';
import { normaliseRuleSet } from './rules-json';
import { shownValue } from './rules-json';
import { cellBoolean, cellNumber, isBlank, type RuleSetRead, type RuleSourceProblem } from './rules-io';
import { cellText, fold } from './text';
import type { BandRule, CellValue, IndexComponent, RuleBlock, RuleSet } from './types';

export const RULES_SHEET_VERSION_2 = 2;

const BAND_COLUMNS = 10;

const yes = (b: boolean) => b;
const orBlank = (v: number | null | undefined): CellValue => (v === null || v === undefined ? '' : v);

function bandRow(b: BandRule, block: string): CellValue[] {
  return [
    'band',
    block,
    b.code,
    b.label.vi,
    b.label.en,
    b.min.pct,
    yes(b.min.inclusive),
    b.max.pct,
    yes(b.max.inclusive),
    orBlank(b.fieldFloorPct),
  ];
}

function floorRows(b: BandRule, block: string): CellValue[][] {
  return (b.fieldFloors ?? []).map((f) => ['floor', block, b.code, f.field, orBlank(f.pct)]);
}

function componentRow(code: string, c: IndexComponent): CellValue[] {
  return ['component', code, c.label.vi, c.label.en, c.points, c.floorApplies];
}

/** The rule set as the rules sheet (format version 2) holds it, from A1. Titles in Vietnamese (the sheet is shared). */
export function ruleSetToRowsV2(input: RuleSet): CellValue[][] {
  const rules = normaliseRuleSet(input);
  const t = messages('vi').ruleSets.sheet;
  const rows: CellValue[][] = [
    ['PAR-RULES', RULES_SHEET_VERSION_2, rules.id, rules.name.vi, rules.name.en, ruleSetFingerprint(rules)],
    [`# ${t.settings}`],
  ];
  rows.push(...settingRows(rules));
  rows.push([`# ${t.components}`]);
  if (rules.components) {
    rows.push(['setting', 'components.convertWithoutSurvey', rules.components.convertWithoutSurvey]);
    rows.push(componentRow('appraisal', rules.components.appraisal), componentRow('survey', rules.components.survey));
  }
  rows.push([`# ${t.blocks}`]);
  for (const b of rules.blocks ?? []) rows.push(['block', b.code, b.label.vi, b.label.en, b.ranked]);
  rows.push([`# ${t.bands}`]);
  const owners: [string, BandRule[]][] = [
    ['', rules.bands],
    ...(rules.blocks ?? []).filter((b) => b.bands).map((b): [string, BandRule[]] => [b.code, b.bands as BandRule[]]),
  ];
  for (const [block, bands] of owners) for (const b of bands) rows.push(bandRow(b, block));
  rows.push([`# ${t.floors}`]);
  for (const [block, bands] of owners) for (const b of bands) rows.push(...floorRows(b, block));
  return rows.map((r) => [...r, ...Array<CellValue>(BAND_COLUMNS - r.length).fill('')]);
}

/** The `setting` rows (the decision, rounding, rank method, caps), in a fixed order. */
function settingRows(rules: RuleSet): CellValue[][] {
  const d = rules.decision ?? null;
  const values: [string, CellValue][] = [
    ['decision.number', d?.number ?? ''],
    ['decision.date', d?.date ?? ''],
    ['decision.issuer.vi', d?.issuer.vi ?? ''],
    ['decision.issuer.en', d?.issuer.en ?? ''],
    ['indexDecimals', orBlank(rules.indexDecimals)],
    ['rankMethod', rules.rankMethod ?? 'rankEq'],
    ['caps.bonusPoints', orBlank(rules.caps?.bonusPoints)],
    ['caps.deductionPoints', orBlank(rules.caps?.deductionPoints)],
  ];
  return values.map(([key, value]) => ['setting', key, value]);
}

/** What the reader met, with the rows each item came from (to place rule problems on their cells). */
interface SheetRead {
  problems: RuleSourceProblem[];
  settings: Map<string, { value: CellValue; row: number }>;
  components: Map<string, { c: IndexComponent; row: number }>;
  blocks: { b: RuleBlock; row: number }[];
  bands: Map<string, { b: BandRule; row: number }[]>;
  floorRow: Map<string, number>;
  at: (r: number, c: number) => string;
}

const SETTING_KEYS = [
  'decision.number',
  'decision.date',
  'decision.issuer.vi',
  'decision.issuer.en',
  'indexDecimals',
  'rankMethod',
  'caps.bonusPoints',
  'caps.deductionPoints',
  'components.convertWithoutSurvey',
];

function cellReaders(s: SheetRead, row: readonly CellValue[], r: number, band?: string) {
  return {
    text: (c: number): string => {
      if (isBlank(row[c])) s.problems.push({ kind: 'source', code: 'missing', where: s.at(r, c), band });
      return cellText(row[c]);
    },
    num: (c: number, nullable = false): number | null => {
      if (nullable && isBlank(row[c])) return null;
      const n = cellNumber(row[c]);
      if (n === null)
        s.problems.push({
          kind: 'source',
          code: isBlank(row[c]) ? 'missing' : 'notANumber',
          where: s.at(r, c),
          band,
          value: shownValue(row[c]),
        });
      return n ?? Number.NaN;
    },
    bool: (c: number): boolean => {
      const b = cellBoolean(row[c]);
      if (b === null)
        s.problems.push({
          kind: 'source',
          code: isBlank(row[c]) ? 'missing' : 'notABoolean',
          where: s.at(r, c),
          band,
          value: shownValue(row[c]),
        });
      return b ?? false;
    },
  };
}

function readRow(s: SheetRead, row: readonly CellValue[], r: number): void {
  const kind = fold(cellText(row[0]));
  const read = cellReaders(s, row, r, kind === 'band' || kind === 'floor' ? cellText(row[2]) || undefined : undefined);
  if (kind === 'setting') {
    const key = cellText(row[1]);
    if (!SETTING_KEYS.includes(key))
      s.problems.push({ kind: 'source', code: 'unknownKey', where: s.at(r, 1), value: key });
    else s.settings.set(key, { value: row[2] ?? null, row: r });
  } else if (kind === 'component') {
    const code = cellText(row[1]);
    if (code !== 'appraisal' && code !== 'survey')
      s.problems.push({ kind: 'source', code: 'unknownKey', where: s.at(r, 1), value: code });
    else
      s.components.set(code, {
        c: { label: { vi: read.text(2), en: read.text(3) }, points: read.num(4) as number, floorApplies: read.bool(5) },
        row: r,
      });
  } else if (kind === 'block') {
    s.blocks.push({
      b: { code: read.text(1), label: { vi: read.text(2), en: read.text(3) }, ranked: read.bool(4) },
      row: r,
    });
  } else if (kind === 'band') {
    const block = cellText(row[1]);
    const b: BandRule = {
      code: read.text(2),
      label: { vi: read.text(3), en: read.text(4) },
      min: { pct: read.num(5) as number, inclusive: read.bool(6) },
      max: { pct: read.num(7) as number, inclusive: read.bool(8) },
      fieldFloorPct: read.num(9, true),
      fieldFloors: [],
    };
    s.bands.set(block, [...(s.bands.get(block) ?? []), { b, row: r }]);
  } else if (kind === 'floor') {
    readFloorRow(s, row, r, read);
  } else {
    s.problems.push({ kind: 'source', code: 'unknownKey', where: s.at(r, 0), value: cellText(row[0]) });
  }
}

function readFloorRow(s: SheetRead, row: readonly CellValue[], r: number, read: ReturnType<typeof cellReaders>): void {
  const block = cellText(row[1]);
  const code = read.text(2);
  const field = read.text(3);
  const pct = read.num(4, true);
  const band = (s.bands.get(block) ?? []).find((x) => x.b.code === code);
  if (!band) {
    s.problems.push({ kind: 'source', code: 'unknownKey', where: s.at(r, 2), band: code, value: code });
    return;
  }
  band.b.fieldFloors = [...(band.b.fieldFloors ?? []), { field, pct }];
  s.floorRow.set(`${block}\u0001${code}\u0001${fold(field)}`, r);
}

/** Settings rows as rule set keys; a number or boolean that cannot be read is a problem on its cell. */
function settingsOf(
  s: SheetRead,
): Pick<RuleSet, 'decision' | 'indexDecimals' | 'rankMethod' | 'caps'> & { convert: boolean } {
  const get = (k: string) => s.settings.get(k);
  const text = (k: string) => cellText(get(k)?.value);
  const num = (k: string): number | null => {
    const e = get(k);
    if (!e || isBlank(e.value)) return null;
    const n = cellNumber(e.value);
    if (n === null)
      s.problems.push({ kind: 'source', code: 'notANumber', where: s.at(e.row, 2), value: shownValue(e.value) });
    return n;
  };
  const hasDecision = ['decision.number', 'decision.date', 'decision.issuer.vi', 'decision.issuer.en'].some(
    (k) => text(k) !== '',
  );
  const conv = get('components.convertWithoutSurvey');
  return {
    decision: hasDecision
      ? {
          number: text('decision.number'),
          date: text('decision.date'),
          issuer: { vi: text('decision.issuer.vi'), en: text('decision.issuer.en') },
        }
      : null,
    indexDecimals: num('indexDecimals'),
    rankMethod: (text('rankMethod') || 'rankEq') as RuleSet['rankMethod'],
    caps: { bonusPoints: num('caps.bonusPoints'), deductionPoints: num('caps.deductionPoints') },
    convert: conv ? cellBoolean(conv.value) === true : false,
  };
}

/** Reads a version-2 rules sheet's grid (row 1 already checked by the caller). */
export function ruleSetFromRowsV2(grid: readonly (readonly CellValue[])[], sheet: string): RuleSetRead {
  const s: SheetRead = {
    problems: [],
    settings: new Map(),
    components: new Map(),
    blocks: [],
    bands: new Map(),
    floorRow: new Map(),
    at: (r, c) => qualifiedAddress(sheet, cellAddress(r + 1, c)),
  };
  const head = grid[0] ?? [];
  const headText = (c: number) => {
    if (isBlank(head[c])) s.problems.push({ kind: 'source', code: 'missing', where: s.at(0, c) });
    return cellText(head[c]);
  };
  const id = headText(2);
  const name = { vi: headText(3), en: headText(4) };
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every(isBlank) || cellText(row[0]).startsWith('#')) continue;
    readRow(s, row, r);
  }
  const settings = settingsOf(s);
  if (s.problems.length > 0) return { ok: false, problems: s.problems };
  const appraisal = s.components.get('appraisal');
  const survey = s.components.get('survey');
  const { convert, ...rest } = settings;
  const rules: RuleSet = {
    id,
    name,
    ...rest,
    components:
      appraisal && survey ? { appraisal: appraisal.c, survey: survey.c, convertWithoutSurvey: convert } : null,
    blocks: s.blocks.map(({ b }) =>
      s.bands.has(b.code) ? { ...b, bands: (s.bands.get(b.code) ?? []).map((x) => x.b) } : b,
    ),
    bands: (s.bands.get('') ?? []).map((x) => x.b),
  };
  const problems = validateRuleSet(rules);
  if (problems.length > 0)
    return { ok: false, problems: problems.map((p) => ({ kind: 'rule', where: cellOf(p, s), problem: p })) };
  return { ok: true, rules: normaliseRuleSet(rules) };
}

/** The columns of a band row: code, labels, min, min inclusive, max, max inclusive, floor. */
function bandColumn(p: RuleProblem, b: BandRule): number {
  switch (p.code) {
    case 'missingLabel':
      return b.label.vi?.trim() ? 4 : 3;
    case 'floorOutOfRange':
      return 9;
    case 'topNot100':
      return 7;
    case 'emptyRange':
    case 'outOfRange':
    case 'tooManyDecimals':
    case 'notANumber':
      return p.value === b.max.pct && p.value !== b.min.pct ? 7 : p.value === b.fieldFloorPct ? 9 : 5;
    case 'badCode':
    case 'duplicateCode':
      return 2;
    default:
      return 5;
  }
}

/** The cell a rule problem belongs on. */
function cellOf(p: RuleProblem, s: SheetRead): string | null {
  if (p.key !== undefined) return settingCellOf(p.key, s);
  if (p.band === '' && p.block !== undefined) {
    const b = s.blocks.find((x) => x.b.code === p.block);
    return b ? s.at(b.row, p.code === 'missingBlockLabel' ? 2 : 1) : null;
  }
  const block = p.block ?? '';
  const floorRow = p.field === undefined ? undefined : s.floorRow.get(`${block}\u0001${p.band}\u0001${fold(p.field)}`);
  if (floorRow !== undefined)
    return s.at(floorRow, p.code === 'badFloorField' || p.code === 'duplicateFloorField' ? 3 : 4);
  const band = (s.bands.get(block) ?? []).find((x) => x.b.code === p.band);
  return band ? s.at(band.row, bandColumn(p, band.b)) : null;
}

/** A setting's value cell, a component's points, a block's code. */
function settingCellOf(key: string, s: SheetRead): string | null {
  const setting = s.settings.get(key);
  if (setting) return s.at(setting.row, 2);
  const comp = /^components\.(appraisal|survey)\.points$/.exec(key);
  if (comp) return s.at(s.components.get(comp[1])?.row ?? 0, 4);
  const block = /^blocks\[(\d+)\]/.exec(key);
  if (block) return s.at(s.blocks[Number(block[1])]?.row ?? 0, 1);
  return null;
}
