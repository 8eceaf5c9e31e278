/**
 * Preview before apply: which units a rule change moves, and why. Nothing is written; the
 * same table is scored under both rule sets and compared unit by unit. The reason names the
 * bound or the field floor responsible, with the unit's own figure.
 */
import { meetsFloor, reachesBound } from './classify';
import { pctToScaled, roundedPct } from './decimal';
import { bandLabel } from './describe';
import { fill, formatBound, formatPct, joinList } from './format';
import { messages } from './i18n';
import { ruleSetFingerprint, validateRuleSet, type RuleProblem } from './rules';
import { scoreTable } from './score';
import type { BandCode, BandRule, IndexBound, Lang, RuleSet, ScoringResult, ScoringTable, UnitResult } from './types';

/** Why a unit's band changed. */
export type ChangeReason =
  | {
      /** A band's lower bound moved across the unit's index. */
      kind: 'bound';
      band: BandCode;
      old: IndexBound | null;
      new: IndexBound | null;
      indexPct: number;
      /** Whether the index reaches the band's lower bound now. */
      reachesNow: boolean;
    }
  | {
      /** A band's field floor moved across one or more of the unit's fields. */
      kind: 'floor';
      band: BandCode;
      oldFloorPct: number | null;
      newFloorPct: number | null;
      /** Fields whose standing against the floor flipped, with their index (2 decimals). */
      fields: { label: string; pct: number }[];
      meetsNow: boolean;
    }
  | { kind: 'bandRemoved'; band: BandCode };

export interface UnitChange {
  /** Position in the table's units (sheet order). */
  unit: number;
  name: string;
  row: number;
  indexPct: number;
  oldBand: BandCode;
  newBand: BandCode;
  oldRank: number;
  newRank: number;
  reasons: ChangeReason[];
}

export type RulePreview =
  | {
      ok: true;
      /** Units whose band or rank changes, in the new rank order (equal ranks alphabetical). */
      changes: UnitChange[];
      unitCount: number;
      oldCounts: Record<string, number>;
      newCounts: Record<string, number>;
      oldFingerprint: string;
      newFingerprint: string;
      /** The two results, for a UI that wants more than the changes. */
      before: ScoringResult;
      after: ScoringResult;
    }
  | { ok: false; problems: RuleProblem[] };

function reaches(totalScaled: number, maxScaled: number, bound: IndexBound): boolean {
  return reachesBound(totalScaled, maxScaled, pctToScaled(bound.pct), bound.inclusive);
}

/** The bands a unit was tried against, from the one its index reached down to the one it got. */
function triedBands(result: ScoringResult, k: number): BandCode[] {
  const u = result.units[k];
  const codes = result.rules.bands.map((b) => b.code);
  const from = codes.indexOf(u.indexBand);
  const to = codes.indexOf(u.band);
  return codes.slice(Math.max(0, from), Math.max(from, to) + 1);
}

/**
 * Scores `table` under `oldRules` and `newRules` and lists the units whose band or rank
 * changes, each with the reasons. An invalid `newRules` gives its problems instead.
 */
export function previewRuleChange(table: ScoringTable, oldRules: RuleSet, newRules: RuleSet): RulePreview {
  const problems = validateRuleSet(newRules);
  if (problems.length > 0) return { ok: false, problems };
  const before = scoreTable(table, oldRules);
  const after = scoreTable(table, newRules);
  const changes: UnitChange[] = [];
  for (const k of after.rankOrder) {
    const a = before.units[k];
    const b = after.units[k];
    if (a.band === b.band && a.rank === b.rank) continue;
    changes.push({
      unit: k,
      name: b.name,
      row: b.row,
      indexPct: b.indexPct,
      oldBand: a.band,
      newBand: b.band,
      oldRank: a.rank,
      newRank: b.rank,
      reasons: a.band === b.band ? [] : reasonsFor(table, before, after, k),
    });
  }
  return {
    ok: true,
    changes,
    unitCount: table.units.length,
    oldCounts: before.summary.counts,
    newCounts: after.summary.counts,
    oldFingerprint: ruleSetFingerprint(oldRules),
    newFingerprint: ruleSetFingerprint(newRules),
    before,
    after,
  };
}

/** Whether a unit's index reaches band `b` (the bottom band takes everyone left: its own lower bound decides nothing). */
function reachesBand(u: UnitResult, b: BandRule | null, bottom: BandCode): boolean {
  return b !== null && (b.code === bottom || reaches(u.totalScaled, u.maxScaled, b.min));
}

function reasonsFor(table: ScoringTable, before: ScoringResult, after: ScoringResult, k: number): ChangeReason[] {
  const u = after.units[k];
  const reasons: ChangeReason[] = [];
  const oldByCode = new Map<string, BandRule>(before.rules.bands.map((b) => [b.code, b]));
  const newByCode = new Map<string, BandRule>(after.rules.bands.map((b) => [b.code, b]));
  const tried = new Set<BandCode>([...triedBands(before, k), ...triedBands(after, k)]);
  // Bands in the new order first, then any the new rules dropped.
  const order = [...after.rules.bands.map((b) => b.code), ...before.rules.bands.map((b) => b.code).filter((c) => !newByCode.has(c))];
  const bottomOld = before.rules.bands[before.rules.bands.length - 1].code;
  const bottomNew = after.rules.bands[after.rules.bands.length - 1].code;

  for (const code of order) {
    if (!tried.has(code)) continue;
    const o = oldByCode.get(code) ?? null;
    const n = newByCode.get(code) ?? null;
    const reachOld = reachesBand(u, o, bottomOld);
    const reachNew = reachesBand(u, n, bottomNew);
    if (reachOld !== reachNew) {
      reasons.push({ kind: 'bound', band: code, old: o ? o.min : null, new: n ? n.min : null, indexPct: u.indexPct, reachesNow: reachNew });
      continue;
    }
    const floor = reachNew && o && n ? floorReason(table, k, code, o, n) : null;
    if (floor) reasons.push(floor);
  }
  const oldBand = before.units[k].band;
  if (reasons.length === 0 && !newByCode.has(oldBand)) reasons.push({ kind: 'bandRemoved', band: oldBand });
  return reasons;
}

/** When band `code`'s field floor changed: the fields whose meeting it flipped, if that flips the unit. */
function floorReason(table: ScoringTable, k: number, code: BandCode, o: BandRule, n: BandRule): ChangeReason | null {
  if (o.fieldFloorPct === n.fieldFloorPct) return null;
  const input = table.units[k];
  const flipped: { label: string; pct: number }[] = [];
  let meetsOld = true;
  let meetsNew = true;
  table.fields.forEach((f, i) => {
    const s = input.scores[i];
    if (s.kind !== 'points' || f.maxScaled === null || f.maxScaled <= 0) return;
    const okOld = o.fieldFloorPct === null || meetsFloor(s.scaled, f.maxScaled, pctToScaled(o.fieldFloorPct));
    const okNew = n.fieldFloorPct === null || meetsFloor(s.scaled, f.maxScaled, pctToScaled(n.fieldFloorPct));
    meetsOld &&= okOld;
    meetsNew &&= okNew;
    if (okOld !== okNew) flipped.push({ label: f.label, pct: roundedPct(s.scaled, f.maxScaled) });
  });
  if (meetsOld === meetsNew || flipped.length === 0) return null;
  return { kind: 'floor', band: code, oldFloorPct: o.fieldFloorPct, newFloorPct: n.fieldFloorPct, fields: flipped, meetsNow: meetsNew };
}

function lowerBoundText(b: IndexBound, lang: Lang): string {
  return fill(messages(lang).percentRange[b.inclusive ? 'from' : 'above'], { value: formatBound(b.pct, lang) });
}

/**
 * One reason as a sentence: `ngưỡng mức "Hoàn thành tốt nhiệm vụ" từ 80% lên 82%: chỉ số 81,20%
 * không còn đạt` / `ngưỡng lĩnh vực của mức "Hoàn thành tốt nhiệm vụ" 70% → 65%: Cải cách TTHC
 * 66,00% nay đạt`. Band labels come from the new rule set (the old one for a dropped band).
 */
export function describeChangeReason(r: ChangeReason, oldRules: RuleSet, newRules: RuleSet, lang: Lang): string {
  const m = messages(lang).review;
  const label = (code: BandCode) => (newRules.bands.some((b) => b.code === code) ? bandLabel(newRules, code, lang) : bandLabel(oldRules, code, lang));
  const band = label(r.band);
  if (r.kind === 'bandRemoved') return fill(m.other, { band });
  if (r.kind === 'bound') {
    let what: string;
    if (r.old && r.new) {
      if (r.old.inclusive === r.new.inclusive && r.old.pct !== r.new.pct) {
        what = fill(r.new.pct > r.old.pct ? m.boundUp : m.boundDown, { band, old: formatBound(r.old.pct, lang), new: formatBound(r.new.pct, lang) });
      } else what = fill(m.boundChanged, { band, old: lowerBoundText(r.old, lang), new: lowerBoundText(r.new, lang) });
    } else if (r.new) what = fill(m.boundAdded, { band, new: lowerBoundText(r.new, lang) });
    else what = fill(m.boundRemoved, { band, old: r.old ? lowerBoundText(r.old, lang) : '' });
    const effect = fill(r.reachesNow ? m.indexNowReaches : m.indexNoLongerReaches, { index: formatPct(r.indexPct, lang) });
    return fill(m.reason, { what, effect });
  }
  const floor = (v: number | null) => (v === null ? m.noFloor : formatBound(v, lang));
  const what = fill(m.floorChanged, { band, old: floor(r.oldFloorPct), new: floor(r.newFloorPct) });
  const fields = joinList(r.fields.map((f) => fill(m.fieldPct, { label: f.label, pct: formatPct(f.pct, lang) })), lang);
  const effect = fill(r.meetsNow ? m.fieldsNowMeet : m.fieldsNoLongerMeet, { fields });
  return fill(m.reason, { what, effect });
}

/** `Bình Lãng (81,20%): Hoàn thành tốt nhiệm vụ → Hoàn thành nhiệm vụ` (plus the rank when it moves). */
export function describeUnitChange(c: UnitChange, oldRules: RuleSet, newRules: RuleSet, lang: Lang): string {
  const m = messages(lang).review;
  let line = fill(m.unitLine, {
    name: c.name,
    index: formatPct(c.indexPct, lang),
    oldBand: bandLabel(oldRules, c.oldBand, lang),
    newBand: bandLabel(newRules, c.newBand, lang),
  });
  if (c.oldRank !== c.newRank) line += `; ${fill(m.rankLine, { old: c.oldRank, new: c.newRank })}`;
  return line;
}

/** The preview as lines of text: a count, then each unit with its reasons. */
export function describePreview(p: RulePreview, oldRules: RuleSet, newRules: RuleSet, lang: Lang): string[] {
  if (!p.ok) return [];
  const m = messages(lang).review;
  if (p.changes.length === 0) return [m.noChange];
  const lines = [fill(m.changeCount, { count: p.changes.filter((c) => c.oldBand !== c.newBand).length, total: p.unitCount })];
  for (const c of p.changes) {
    lines.push(`- ${describeUnitChange(c, oldRules, newRules, lang)}`);
    for (const r of c.reasons) lines.push(`  · ${describeChangeReason(r, oldRules, newRules, lang)}`);
  }
  return lines;
}
