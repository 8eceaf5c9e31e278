/**
 * The rule set as JSON, format version 2 (version 1, without `formatVersion`, still read): every
 * key's type checked, unknown keys refused, each problem naming its JSON path, the band and the
 * value; then the rules themselves (validateRuleSet), each problem placed on its path.
 * rules/rules.schema.json describes the same shape for editors.
 */
import { validateRuleSet, type RuleProblem } from './rules';
import type {
  BandRule,
  FieldFloor,
  IndexBound,
  IndexComponent,
  IndexComponents,
  LocalisedText,
  PointCaps,
  RuleBlock,
  RuleDecision,
  RuleSet,
} from './types';
import type { RuleSetRead, RuleSourceCode, RuleSourceProblem } from './rules-io';

export const RULES_JSON_FORMAT_VERSION = 2;

const RULESET_KEYS = [
  '$schema',
  'formatVersion',
  'id',
  'name',
  'decision',
  'indexDecimals',
  'rankMethod',
  'caps',
  'components',
  'blocks',
  'bands',
];
const BAND_KEYS = ['code', 'label', 'min', 'max', 'fieldFloorPct', 'fieldFloors'];
const TEXT_KEYS = ['vi', 'en'];
const BOUND_KEYS = ['pct', 'inclusive'];
const DECISION_KEYS = ['number', 'date', 'issuer'];
const CAPS_KEYS = ['bonusPoints', 'deductionPoints'];
const COMPONENTS_KEYS = ['appraisal', 'survey', 'convertWithoutSurvey'];
const COMPONENT_KEYS = ['label', 'points', 'floorApplies'];
const BLOCK_KEYS = ['code', 'label', 'ranked', 'bands'];
const FLOOR_KEYS = ['field', 'pct'];

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function shownValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Reads typed values at JSON paths, collecting a problem for each wrong one. */
class Reader {
  readonly problems: RuleSourceProblem[] = [];

  problem(code: RuleSourceCode, where: string, band?: string, value?: unknown): void {
    this.problems.push({
      kind: 'source',
      code,
      where,
      band,
      value: value === undefined ? undefined : shownValue(value),
    });
  }

  keys(obj: Obj, allowed: readonly string[], path: string, band?: string): void {
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) this.problem('unknownKey', join(path, k), band);
  }

  obj(parent: Obj, key: string, path: string, allowed: readonly string[], band?: string): Obj | null {
    const v = parent[key];
    const where = join(path, key);
    if (!isObject(v)) {
      this.problem(v === undefined ? 'missing' : 'notAnObject', where, band, v);
      return null;
    }
    this.keys(v, allowed, where, band);
    return v;
  }

  str(parent: Obj, key: string, path: string, band?: string): string {
    const v = parent[key];
    if (typeof v === 'string') return v;
    this.problem(v === undefined ? 'missing' : 'notText', join(path, key), band, v);
    return '';
  }

  num(parent: Obj, key: string, path: string, band?: string, nullable = false): number | null {
    const v = parent[key];
    if (nullable && v === null) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.problem(v === undefined ? 'missing' : 'notANumber', join(path, key), band, v);
    return Number.NaN;
  }

  bool(parent: Obj, key: string, path: string, band?: string): boolean {
    const v = parent[key];
    if (typeof v === 'boolean') return v;
    this.problem(v === undefined ? 'missing' : 'notABoolean', join(path, key), band, v);
    return false;
  }

  text(parent: Obj, key: string, path: string, band?: string): LocalisedText {
    const v = this.obj(parent, key, path, TEXT_KEYS, band);
    return v
      ? { vi: this.str(v, 'vi', join(path, key), band), en: this.str(v, 'en', join(path, key), band) }
      : { vi: '', en: '' };
  }

  list(parent: Obj, key: string, path: string, band?: string): unknown[] | null {
    const v = parent[key];
    if (Array.isArray(v)) return v;
    this.problem(v === undefined ? 'missing' : 'notAList', join(path, key), band, v);
    return null;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function readBound(r: Reader, b: Obj, key: string, path: string, band: string): IndexBound {
  const v = r.obj(b, key, path, BOUND_KEYS, band);
  if (!v) return { pct: Number.NaN, inclusive: false };
  const where = join(path, key);
  return { pct: r.num(v, 'pct', where, band) as number, inclusive: r.bool(v, 'inclusive', where, band) };
}

function readFloors(r: Reader, b: Obj, path: string, band: string): FieldFloor[] | undefined {
  if (b.fieldFloors === undefined) return undefined;
  const list = r.list(b, 'fieldFloors', path, band) ?? [];
  return list.map((f, k) => {
    const where = `${path}.fieldFloors[${k}]`;
    if (!isObject(f)) {
      r.problem('notAnObject', where, band, f);
      return { field: '', pct: null };
    }
    r.keys(f, FLOOR_KEYS, where, band);
    return { field: r.str(f, 'field', where, band), pct: r.num(f, 'pct', where, band, true) };
  });
}

function readBands(r: Reader, list: unknown[], path: string): BandRule[] {
  const bands: BandRule[] = [];
  list.forEach((b, i) => {
    const where = `${path}[${i}]`;
    if (!isObject(b)) {
      r.problem('notAnObject', where, undefined, b);
      return;
    }
    const band = typeof b.code === 'string' && b.code.trim() !== '' ? b.code : `#${i + 1}`;
    r.keys(b, BAND_KEYS, where, band);
    const rule: BandRule = {
      code: r.str(b, 'code', where, band),
      label: r.text(b, 'label', where, band),
      min: readBound(r, b, 'min', where, band),
      max: readBound(r, b, 'max', where, band),
      fieldFloorPct: r.num(b, 'fieldFloorPct', where, band, true),
    };
    const floors = readFloors(r, b, where, band);
    bands.push({ ...rule, fieldFloors: floors ?? [] });
  });
  return bands;
}

function readDecision(r: Reader, data: Obj): RuleDecision | null {
  if (data.decision === undefined || data.decision === null) return null;
  const d = r.obj(data, 'decision', '', DECISION_KEYS);
  if (!d) return null;
  return {
    number: r.str(d, 'number', 'decision'),
    date: r.str(d, 'date', 'decision'),
    issuer: r.text(d, 'issuer', 'decision'),
  };
}

function readCaps(r: Reader, data: Obj): PointCaps {
  if (data.caps === undefined) return { bonusPoints: null, deductionPoints: null };
  const c = r.obj(data, 'caps', '', CAPS_KEYS);
  if (!c) return { bonusPoints: null, deductionPoints: null };
  return {
    bonusPoints: r.num(c, 'bonusPoints', 'caps', undefined, true),
    deductionPoints: r.num(c, 'deductionPoints', 'caps', undefined, true),
  };
}

function readComponent(r: Reader, parent: Obj, key: string): IndexComponent {
  const path = `components.${key}`;
  const c = r.obj(parent, key, 'components', COMPONENT_KEYS);
  if (!c) return { label: { vi: '', en: '' }, points: Number.NaN, floorApplies: false };
  return {
    label: r.text(c, 'label', path),
    points: r.num(c, 'points', path) as number,
    floorApplies: r.bool(c, 'floorApplies', path),
  };
}

function readComponents(r: Reader, data: Obj): IndexComponents | null {
  if (data.components === undefined || data.components === null) return null;
  const c = r.obj(data, 'components', '', COMPONENTS_KEYS);
  if (!c) return null;
  return {
    appraisal: readComponent(r, c, 'appraisal'),
    survey: readComponent(r, c, 'survey'),
    convertWithoutSurvey: r.bool(c, 'convertWithoutSurvey', 'components'),
  };
}

function readBlocks(r: Reader, data: Obj): RuleBlock[] {
  if (data.blocks === undefined) return [];
  return (r.list(data, 'blocks', '') ?? []).map((b, i) => {
    const where = `blocks[${i}]`;
    if (!isObject(b)) {
      r.problem('notAnObject', where, undefined, b);
      return { code: '', label: { vi: '', en: '' }, ranked: true };
    }
    r.keys(b, BLOCK_KEYS, where);
    const block: RuleBlock = {
      code: r.str(b, 'code', where),
      label: r.text(b, 'label', where),
      ranked: r.bool(b, 'ranked', where),
    };
    if (b.bands !== undefined && b.bands !== null)
      block.bands = readBands(r, r.list(b, 'bands', where) ?? [], `${where}.bands`);
    return block;
  });
}

function readSettings(r: Reader, data: Obj): Omit<RuleSet, 'id' | 'name' | 'bands'> {
  const v = data.formatVersion;
  if (v !== undefined && v !== 1 && v !== RULES_JSON_FORMAT_VERSION)
    r.problem('badVersion', 'formatVersion', undefined, v);
  const d = data.indexDecimals;
  const rank = data.rankMethod;
  if (d !== undefined && d !== null && (typeof d !== 'number' || !Number.isFinite(d)))
    r.problem('notANumber', 'indexDecimals', undefined, d);
  if (rank !== undefined && typeof rank !== 'string') r.problem('notText', 'rankMethod', undefined, rank);
  return {
    decision: readDecision(r, data),
    indexDecimals: typeof d === 'number' ? d : null,
    rankMethod: typeof rank === 'string' ? (rank as RuleSet['rankMethod']) : 'rankEq',
    caps: readCaps(r, data),
    components: readComponents(r, data),
    blocks: readBlocks(r, data),
  };
}

/** The structural checks of parseRuleSetJson, on a value already parsed. */
export function checkRuleSetData(data: unknown): RuleSetRead {
  if (!isObject(data))
    return { ok: false, problems: [{ kind: 'source', code: 'notAnObject', where: '$', value: shownValue(data) }] };
  const r = new Reader();
  r.keys(data, RULESET_KEYS, '');
  const id = r.str(data, 'id', '');
  const name = r.text(data, 'name', '');
  const settings = readSettings(r, data);
  const list = r.list(data, 'bands', '');
  const bands = list ? readBands(r, list, 'bands') : [];
  if (r.problems.length > 0) return { ok: false, problems: r.problems };
  const rules: RuleSet = { id, name, ...settings, bands };
  const ruleProblems = validateRuleSet(rules);
  if (ruleProblems.length > 0)
    return {
      ok: false,
      problems: ruleProblems.map((p) => ({ kind: 'rule', where: jsonPathOf(p, rules), problem: p })),
    };
  return { ok: true, rules };
}

/** Where a rule problem sits in the JSON: the setting's key, the block's or band's path, the field floor's. */
export function jsonPathOf(p: RuleProblem, rules: RuleSet): string | null {
  if (p.key !== undefined) return p.key;
  const blockIndex = p.block === undefined ? -1 : (rules.blocks ?? []).findIndex((b) => b.code === p.block);
  const prefix = blockIndex >= 0 ? `blocks[${blockIndex}].` : '';
  const bands = blockIndex >= 0 ? (rules.blocks?.[blockIndex].bands ?? []) : rules.bands;
  if (p.band === '') return blockIndex >= 0 ? `blocks[${blockIndex}]` : null;
  const i = bands.findIndex((b) => b.code === p.band);
  if (i < 0) return prefix ? prefix.slice(0, -1) : null;
  if (p.field !== undefined) {
    const k = (bands[i].fieldFloors ?? []).findIndex((f) => f.field === p.field);
    if (k >= 0) return `${prefix}bands[${i}].fieldFloors[${k}]`;
  }
  return `${prefix}bands[${i}]`;
}

/** A rule set with every version-2 key present (defaults filled in), so two readings of the same rules compare equal. */
export function normaliseRuleSet(rules: RuleSet): RuleSet {
  const bands = (list: readonly BandRule[]): BandRule[] =>
    list.map((b) => ({
      code: b.code,
      label: { vi: b.label.vi, en: b.label.en },
      min: { pct: b.min.pct, inclusive: b.min.inclusive },
      max: { pct: b.max.pct, inclusive: b.max.inclusive },
      fieldFloorPct: b.fieldFloorPct,
      fieldFloors: (b.fieldFloors ?? []).map((f) => ({ field: f.field, pct: f.pct })),
    }));
  const component = (c: IndexComponent): IndexComponent => ({
    label: { vi: c.label.vi, en: c.label.en },
    points: c.points,
    floorApplies: c.floorApplies,
  });
  const c = rules.components ?? null;
  const d = rules.decision ?? null;
  return {
    id: rules.id,
    name: { vi: rules.name.vi, en: rules.name.en },
    decision: d ? { number: d.number, date: d.date, issuer: { vi: d.issuer.vi, en: d.issuer.en } } : null,
    indexDecimals: rules.indexDecimals ?? null,
    rankMethod: rules.rankMethod ?? 'rankEq',
    caps: { bonusPoints: rules.caps?.bonusPoints ?? null, deductionPoints: rules.caps?.deductionPoints ?? null },
    components: c
      ? { appraisal: component(c.appraisal), survey: component(c.survey), convertWithoutSurvey: c.convertWithoutSurvey }
      : null,
    blocks: (rules.blocks ?? []).map((b) => ({
      code: b.code,
      label: { vi: b.label.vi, en: b.label.en },
      ranked: b.ranked,
      ...(b.bands ? { bands: bands(b.bands) } : {}),
    })),
    bands: bands(rules.bands),
  };
}

/** The JSON the add-in and `--rules` exchange (format version 2): pretty-printed, every key present, a trailing newline. */
export function ruleSetToJson(rules: RuleSet, schema?: string): string {
  const head: Record<string, unknown> = schema ? { $schema: schema } : {};
  return (
    JSON.stringify({ ...head, formatVersion: RULES_JSON_FORMAT_VERSION, ...normaliseRuleSet(rules) }, null, 2) + '\n'
  );
}
