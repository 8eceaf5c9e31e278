/**
 * Preview before apply: which units a rule change moves, and why. Nothing is written; the
 * same table is scored under both rule sets and compared unit by unit. The reason names the
 * bound or the field floor responsible, with the unit's own figure.
 */
import { comparedFigures, meetsFloor, reachesBound } from './classify';
import { pctToScaled, roundedPct } from './decimal';
import { bandLabel, blockLabel } from './describe';
import { fill, formatBound, formatPct, joinList } from './format';
import { messages } from './i18n';
import {
  compileRules,
  floorFor,
  ruleSetFingerprint,
  validateRuleSet,
  type CompiledBand,
  type RuleProblem,
} from './rules';
import { scoreTable } from './score';
import type { BandCode, BandRule, IndexBound, Lang, RuleSet, ScoringResult, ScoringTable } from './types';

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
      /** Fields whose standing against the floor flipped, with their index (2 decimals) and each field's floor before and now. */
      fields: { label: string; pct: number; oldFloorPct?: number | null; newFloorPct?: number | null }[];
      meetsNow: boolean;
    }
  | {
      /** The unit's block changed how it is scored: own bands given or taken away, ranked or not. */
      kind: 'block';
      block: string;
      change: 'bands' | 'bandsRemoved' | 'ranked' | 'unranked';
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
    if (a.band === b.band && a.rank === b.rank && a.ranked === b.ranked) continue;
    changes.push({
      unit: k,
      name: b.name,
      row: b.row,
      indexPct: b.indexPct,
      oldBand: a.band,
      newBand: b.band,
      oldRank: a.rank,
      newRank: b.rank,
      reasons: a.band === b.band ? blockReasons(before, after, k) : reasonsFor(table, before, after, k),
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

/** The bands a unit of `block` is classified with under `rules`. */
function bandRulesFor(rules: RuleSet, block: string | null | undefined): BandRule[] {
  const own = block ? rules.blocks?.find((b) => b.code === block)?.bands : undefined;
  return own ?? rules.bands;
}

/** The compiled band of `code` among the bands of the unit's block (compiled once per rule set). */
function compiledBandsFor(rules: RuleSet, block: string | null | undefined): CompiledBand[] {
  const c = compileRules(rules);
  const own = block ? c.blocks.find((b) => b.code === block) : undefined;
  return own?.bands ?? c.bands;
}

/** Whether a unit's block gained or lost its own bands, or its ranking, between the two rule sets. */
function blockReasons(before: ScoringResult, after: ScoringResult, k: number): ChangeReason[] {
  const block = after.units[k].block ?? before.units[k].block;
  if (!block) return [];
  const reasons: ChangeReason[] = [];
  const oldOwn = !!before.rules.blocks?.find((b) => b.code === block)?.bands;
  const newOwn = !!after.rules.blocks?.find((b) => b.code === block)?.bands;
  if (oldOwn !== newOwn) reasons.push({ kind: 'block', block, change: newOwn ? 'bands' : 'bandsRemoved' });
  const oldRanked = before.units[k].ranked !== false;
  const newRanked = after.units[k].ranked !== false;
  if (oldRanked !== newRanked) reasons.push({ kind: 'block', block, change: newRanked ? 'ranked' : 'unranked' });
  return reasons;
}

function reasonsFor(table: ScoringTable, before: ScoringResult, after: ScoringResult, k: number): ChangeReason[] {
  const u = after.units[k];
  const reasons: ChangeReason[] = blockReasons(before, after, k);
  const oldBands = bandRulesFor(before.rules, before.units[k].block);
  const newBands = bandRulesFor(after.rules, u.block);
  // The block's bands were swapped as a whole: comparing band by band would only list every old band as dropped.
  if (reasons.some((r) => r.kind === 'block' && (r.change === 'bands' || r.change === 'bandsRemoved'))) {
    const got = newBands.find((b) => b.code === u.band);
    if (got && got !== newBands[newBands.length - 1])
      reasons.push({ kind: 'bound', band: got.code, old: null, new: got.min, indexPct: u.indexPct, reachesNow: true });
    return reasons;
  }
  const oldByCode = new Map<string, BandRule>(oldBands.map((b) => [b.code, b]));
  const newByCode = new Map<string, BandRule>(newBands.map((b) => [b.code, b]));
  const tried = new Set<BandCode>([...triedBands(before, k), ...triedBands(after, k)]);
  // Bands in the new order first, then any the new rules dropped.
  const order = [...newBands.map((b) => b.code), ...oldBands.map((b) => b.code).filter((c) => !newByCode.has(c))];
  const ctx: ReasonContext = {
    table,
    k,
    oldCompiled: compiledBandsFor(before.rules, before.units[k].block),
    newCompiled: compiledBandsFor(after.rules, u.block),
    oldFig: comparedFigures(before.units[k], before.rules.indexDecimals ?? null),
    newFig: comparedFigures(u, after.rules.indexDecimals ?? null),
    bottomOld: oldBands[oldBands.length - 1].code,
    bottomNew: newBands[newBands.length - 1].code,
    indexPct: u.indexPct,
  };
  for (const code of order) {
    if (!tried.has(code)) continue;
    const r = bandReason(ctx, code, oldByCode.get(code) ?? null, newByCode.get(code) ?? null);
    if (r) reasons.push(r);
  }
  const oldBand = before.units[k].band;
  if (reasons.length === 0 && !newByCode.has(oldBand)) reasons.push({ kind: 'bandRemoved', band: oldBand });
  return reasons;
}

interface ReasonContext {
  table: ScoringTable;
  k: number;
  oldCompiled: CompiledBand[];
  newCompiled: CompiledBand[];
  oldFig: { totalScaled: number; maxScaled: number };
  newFig: { totalScaled: number; maxScaled: number };
  bottomOld: string;
  bottomNew: string;
  indexPct: number;
}

/** Why one band was reached or refused differently: its lower bound, or its floors. */
function bandReason(ctx: ReasonContext, code: BandCode, o: BandRule | null, n: BandRule | null): ChangeReason | null {
  // The bottom band takes everyone left: its own lower bound decides nothing.
  const reachOld = o ? code === ctx.bottomOld || reaches(ctx.oldFig.totalScaled, ctx.oldFig.maxScaled, o.min) : false;
  const reachNew = n ? code === ctx.bottomNew || reaches(ctx.newFig.totalScaled, ctx.newFig.maxScaled, n.min) : false;
  if (reachOld !== reachNew)
    return {
      kind: 'bound',
      band: code,
      old: o ? o.min : null,
      new: n ? n.min : null,
      indexPct: ctx.indexPct,
      reachesNow: reachNew,
    };
  if (!reachNew || !o || !n) return null;
  const ob = ctx.oldCompiled.find((b) => b.rule.code === code);
  const nb = ctx.newCompiled.find((b) => b.rule.code === code);
  if (!ob || !nb) return null;
  const flipped: { label: string; pct: number; oldFloorPct: number | null; newFloorPct: number | null }[] = [];
  let meetsOld = true;
  let meetsNew = true;
  const input = ctx.table.units[ctx.k];
  ctx.table.fields.forEach((f, i) => {
    const s = input.scores[i];
    if (s.kind !== 'points' || f.maxScaled === null || f.maxScaled <= 0) return;
    const fo = floorFor(ob, f.label);
    const fn = floorFor(nb, f.label);
    const okOld = fo === null || meetsFloor(s.scaled, f.maxScaled, fo.scaled);
    const okNew = fn === null || meetsFloor(s.scaled, f.maxScaled, fn.scaled);
    meetsOld &&= okOld;
    meetsNew &&= okNew;
    if (okOld !== okNew)
      flipped.push({
        label: f.label,
        pct: roundedPct(s.scaled, f.maxScaled),
        oldFloorPct: fo?.pct ?? null,
        newFloorPct: fn?.pct ?? null,
      });
  });
  if (meetsOld === meetsNew || flipped.length === 0) return null;
  return {
    kind: 'floor',
    band: code,
    oldFloorPct: o.fieldFloorPct,
    newFloorPct: n.fieldFloorPct,
    fields: flipped,
    meetsNow: meetsNew,
  };
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
  if (r.kind === 'block') return blockReasonText(r, newRules, lang);
  const label = (code: BandCode) =>
    bandLabel(newRules, code, lang) !== code ? bandLabel(newRules, code, lang) : bandLabel(oldRules, code, lang);
  const band = label(r.band);
  if (r.kind === 'bandRemoved') return fill(m.other, { band });
  if (r.kind === 'bound') {
    let what: string;
    if (r.old && r.new) {
      if (r.old.inclusive === r.new.inclusive && r.old.pct !== r.new.pct) {
        what = fill(r.new.pct > r.old.pct ? m.boundUp : m.boundDown, {
          band,
          old: formatBound(r.old.pct, lang),
          new: formatBound(r.new.pct, lang),
        });
      } else what = fill(m.boundChanged, { band, old: lowerBoundText(r.old, lang), new: lowerBoundText(r.new, lang) });
    } else if (r.new) what = fill(m.boundAdded, { band, new: lowerBoundText(r.new, lang) });
    else what = fill(m.boundRemoved, { band, old: r.old ? lowerBoundText(r.old, lang) : '' });
    const effect = fill(r.reachesNow ? m.indexNowReaches : m.indexNoLongerReaches, {
      index: formatPct(r.indexPct, lang),
    });
    return fill(m.reason, { what, effect });
  }
  const floor = (v: number | null | undefined) => (v === null || v === undefined ? m.noFloor : formatBound(v, lang));
  // The band's floor for every field moved: one clause; else each field's own floor is named.
  const perField = r.fields.some(
    (f) => f.oldFloorPct !== undefined && (f.oldFloorPct !== r.oldFloorPct || f.newFloorPct !== r.newFloorPct),
  );
  const what = perField
    ? joinList(
        dedupe(
          r.fields.map((f) =>
            fill(messages(lang).ruleSets.review.fieldFloorChanged, {
              field: f.label,
              band,
              old: floor(f.oldFloorPct),
              new: floor(f.newFloorPct),
            }),
          ),
        ),
        lang,
      )
    : fill(m.floorChanged, { band, old: floor(r.oldFloorPct), new: floor(r.newFloorPct) });
  const fields = joinList(
    r.fields.map((f) => fill(m.fieldPct, { label: f.label, pct: formatPct(f.pct, lang) })),
    lang,
  );
  const effect = fill(r.meetsNow ? m.fieldsNowMeet : m.fieldsNoLongerMeet, { fields });
  return fill(m.reason, { what, effect });
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}

/** `khối "Phường" có mức xếp loại riêng` / `block "Agencies" is not ranked`. */
function blockReasonText(r: Extract<ChangeReason, { kind: 'block' }>, rules: RuleSet, lang: Lang): string {
  const m = messages(lang).ruleSets.review;
  const what = {
    bands: m.blockBands,
    bandsRemoved: m.blockBandsRemoved,
    ranked: m.blockRanked,
    unranked: m.blockUnranked,
  }[r.change];
  return fill(m.blockChanged, { block: blockLabel(rules, r.block, lang), what });
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
  // Rank 0: left out of ranking.
  const rank = (r: number) => (r === 0 ? '–' : r);
  if (c.oldRank !== c.newRank) line += `; ${fill(m.rankLine, { old: rank(c.oldRank), new: rank(c.newRank) })}`;
  return line;
}

/** The preview as lines of text: a count, then each unit with its reasons. */
export function describePreview(p: RulePreview, oldRules: RuleSet, newRules: RuleSet, lang: Lang): string[] {
  if (!p.ok) return [];
  const m = messages(lang).review;
  if (p.changes.length === 0) return [m.noChange];
  const lines = [
    fill(m.changeCount, { count: p.changes.filter((c) => c.oldBand !== c.newBand).length, total: p.unitCount }),
  ];
  for (const c of p.changes) {
    lines.push(`- ${describeUnitChange(c, oldRules, newRules, lang)}`);
    for (const r of c.reasons) lines.push(`  · ${describeChangeReason(r, oldRules, newRules, lang)}`);
  }
  return lines;
}
