/**
 * What the headless scorer tells: the JSON report and the one-screen terminal summary.
 * Both are renderings of the engine's result; no figure is computed here.
 */
import {
  bandLabel,
  blockLabel,
  demotionNote,
  fill,
  findingMessage,
  formatBound,
  formatPct,
  joinList,
  messages,
  unitFields,
  type BandRule,
  type FieldFloor,
  type Finding,
  type Lang,
  type RuleSet,
  type ScoringResult,
  type Summary,
  type UnitResult,
} from '../engine';

export interface JsonFinding {
  cell: string | null;
  sheet: string;
  code: string;
  message: string;
}

export interface JsonReport {
  input: string;
  output: string | null;
  sheet: string | null;
  lang: Lang;
  /** True when the table was scored and the workbook written (no errors). */
  scored: boolean;
  rules: {
    id: string;
    name: string;
    bands: { code: string; label: string; min: BandRule['min']; max: BandRule['max']; fieldFloorPct: number | null; fieldFloors?: FieldFloor[] }[];
    /** The rule set's settings beyond the bands (format version 2). */
    decision?: RuleSet['decision'];
    indexDecimals?: number | null;
    rankMethod?: string;
    caps?: RuleSet['caps'];
    components?: RuleSet['components'];
    blocks?: { code: string; label: string; ranked: boolean; bands: string[] | null }[];
  };
  fields: { label: string; max: number | null; column: string; maxCell: string; averagePct: number | null; underFloor: Record<string, number> }[];
  units: JsonUnit[];
  counts: Record<string, number> | null;
  groups: Record<string, number> | null;
  lastYearCounts: Record<string, number> | null;
  summary: {
    unitCount: number;
    demotedCount: number;
    averageIndexPct: number | null;
    highest: { name: string; indexPct: number } | null;
    lowest: { name: string; indexPct: number } | null;
    lastYearUnitCount: number;
    blocks?: Summary['blocks'];
    components?: Summary['components'];
  } | null;
  errors: JsonFinding[];
  warnings: JsonFinding[];
}

export interface JsonUnit {
  name: string;
  row: number;
  indexPct: number;
  rank: number;
  band: string;
  bandLabel: string;
  /** The score group: the band by index alone. */
  indexBand: string;
  demotedFrom: string | null;
  /** Labels of the fields that held the unit back at its index band. */
  failingFields: string[];
  demotion: { band: string; failingFields: { label: string; pct: number; floorPct: number }[] }[];
  note: string;
  fields: { label: string; score: number | null; max: number; pct: number | null; notApplicable: boolean }[];
  lastYearIndexPct: number | null;
  lastYearBand: string | null;
  /** The block the unit is ranked in (its code) and its label; null: no block. `rank` is within the block. */
  block?: string | null;
  blockLabel?: string | null;
  /** false: scored, not ranked (rank 0). */
  ranked?: boolean;
  cappedAt?: UnitResult['cappedAt'];
  components?: UnitResult['components'];
}

export function jsonFinding(f: Finding, lang: Lang): JsonFinding {
  return { cell: f.cell, sheet: f.sheet, code: f.code, message: findingMessage(f, lang) };
}

export function jsonRules(rules: RuleSet, lang: Lang): JsonReport['rules'] {
  return {
    id: rules.id,
    name: rules.name[lang],
    bands: rules.bands.map((b) => ({ code: b.code, label: b.label[lang], min: b.min, max: b.max, fieldFloorPct: b.fieldFloorPct, fieldFloors: b.fieldFloors ?? [] })),
    decision: rules.decision ?? null,
    indexDecimals: rules.indexDecimals ?? null,
    rankMethod: rules.rankMethod ?? 'rankEq',
    caps: rules.caps ?? { bonusPoints: null, deductionPoints: null },
    components: rules.components ?? null,
    blocks: (rules.blocks ?? []).map((b) => ({ code: b.code, label: b.label[lang], ranked: b.ranked, bands: b.bands ? b.bands.map((x) => x.code) : null })),
  };
}

/** The scored part of the report: fields, units (sheet order), counts, summary. */
export function jsonResult(result: ScoringResult, lang: Lang): Pick<JsonReport, 'fields' | 'units' | 'counts' | 'groups' | 'lastYearCounts' | 'summary'> {
  const s = result.summary;
  return {
    fields: result.table.fields.map((f, i) => ({
      label: f.label,
      max: f.maxScaled === null ? null : f.maxScaled / 1e4,
      column: f.column,
      maxCell: f.maxAddress,
      averagePct: s.fields[i]?.averagePct ?? null,
      underFloor: s.fields[i]?.underFloor ?? {},
    })),
    units: result.units.map((u, k) => ({
      name: u.name,
      row: u.row,
      indexPct: u.indexPct,
      rank: u.rank,
      band: u.band,
      bandLabel: bandLabel(result.rules, u.band, lang),
      indexBand: u.indexBand,
      demotedFrom: u.demotedFrom,
      failingFields: (u.demotion[0]?.failingFields ?? []).map((f) => f.label),
      demotion: u.demotion.map((d) => ({ band: d.band, failingFields: d.failingFields.map((f) => ({ ...f })) })),
      note: demotionNote(u, result.rules, lang),
      fields: unitFields(result, k).map((f) => ({ label: f.label, score: f.score, max: f.max, pct: f.pct, notApplicable: f.notApplicable })),
      lastYearIndexPct: u.lastYearIndexPct,
      lastYearBand: u.lastYearBand,
      block: u.block ?? null,
      blockLabel: u.block ? blockLabel(result.rules, u.block, lang) : null,
      ranked: u.ranked !== false,
      cappedAt: u.cappedAt ?? null,
      components: u.components ?? null,
    })),
    counts: { ...s.counts },
    groups: { ...s.groupCounts },
    lastYearCounts: s.lastYearCounts ? { ...s.lastYearCounts } : null,
    summary: {
      unitCount: s.unitCount,
      demotedCount: s.demotedCount,
      averageIndexPct: s.averageIndexPct,
      highest: s.highest,
      lowest: s.lowest,
      lastYearUnitCount: s.lastYearUnitCount,
      blocks: s.blocks ?? [],
      components: s.components ?? null,
    },
  };
}

/** A band's index range in words: "từ 80% đến dưới 90%", "dưới 65%". */
export function rangeLabel(band: BandRule, lang: Lang): string {
  const r = messages(lang).cli.range;
  const min = formatBound(band.min.pct, lang);
  const max = formatBound(band.max.pct, lang);
  if (band.min.pct === 0 && band.min.inclusive) return fill(band.max.inclusive ? r.to : r.under, { max });
  const key = band.min.inclusive ? (band.max.inclusive ? 'fromTo' : 'fromUnder') : band.max.inclusive ? 'aboveTo' : 'aboveUnder';
  return fill(r[key], { min, max });
}

function padLines(rows: [string, string][], indent = '  '): string[] {
  const width = Math.max(0, ...rows.map(([a]) => [...a].length));
  return rows.map(([a, b]) => `${indent}${a}${' '.repeat(width - [...a].length)}  ${b}`);
}

/** Demoted units listed in the terminal summary before "… and N more". */
export const DEMOTED_PRINT_LIMIT = 20;

/** The one-screen summary: counts per band and per score group, demoted units and why, extremes, last year. */
export function summaryText(result: ScoringResult, lang: Lang): string {
  const m = messages(lang).cli;
  const s = result.summary;
  const total = s.unitCount;
  // Counts as reports write them, two digits ("08/23"); larger counts as they are ("682/10000").
  const pad2 = (n: number) => String(n).padStart(2, '0');
  const lines: string[] = [];
  lines.push(fill(m.summaryTitle, { sheet: result.table.sheet, units: total, fields: result.table.fields.length }));
  lines.push(fill(m.rules, { name: result.rules.name[lang] }));
  lines.push('');
  lines.push(m.bandsTitle);
  lines.push(...padLines(result.rules.bands.map((b) => [b.label[lang], `${pad2(s.counts[b.code] ?? 0)}/${total}`])));
  lines.push(m.groupsTitle);
  lines.push(...padLines(result.rules.bands.map((b) => [rangeLabel(b, lang), `${pad2(s.groupCounts[b.code] ?? 0)}/${total}`])));
  if (s.lastYearCounts) {
    lines.push(fill(m.lastYearTitle, { count: s.lastYearUnitCount, total }));
    lines.push(...padLines(result.rules.bands.map((b) => [b.label[lang], `${pad2(s.lastYearCounts?.[b.code] ?? 0)}/${s.lastYearUnitCount}`])));
  }
  lines.push('');
  const demoted = result.rankOrder.map((k) => result.units[k]).filter((u) => u.demotedFrom !== null);
  if (demoted.length === 0) lines.push(m.noDemoted);
  else {
    lines.push(fill(m.demotedTitle, { count: demoted.length }));
    // One screen: the first in rank order; every one of them is in the "Ghi chú" column and in --json.
    for (const u of demoted.slice(0, DEMOTED_PRINT_LIMIT)) {
      const first = u.demotion[0];
      const fields = first
        ? fill(m.fieldsUnder, {
            fields: joinList(first.failingFields.map((f) => `${f.label} (${formatPct(f.pct, lang)})`), lang),
            floor: formatBound(first.failingFields[0]?.floorPct ?? 0, lang),
          })
        : '';
      lines.push(
        '  ' +
          fill(m.demotedLine, {
            name: u.name,
            index: formatPct(u.indexPct, lang),
            rank: u.rank,
            from: bandLabel(result.rules, u.demotedFrom as string, lang),
            to: bandLabel(result.rules, u.band, lang),
            fields,
          }),
      );
    }
    if (demoted.length > DEMOTED_PRINT_LIMIT) lines.push(`  ${fill(m.moreDemoted, { count: demoted.length - DEMOTED_PRINT_LIMIT })}`);
  }
  lines.push('');
  if (s.highest && s.lowest) {
    lines.push(
      fill(m.extremes, {
        high: s.highest.name,
        highPct: formatPct(s.highest.indexPct, lang),
        low: s.lowest.name,
        lowPct: formatPct(s.lowest.indexPct, lang),
        avg: s.averageIndexPct === null ? '–' : formatPct(s.averageIndexPct, lang),
      }),
    );
  }
  const ranked = s.fields.filter((f) => f.averagePct !== null).sort((a, b) => (a.averagePct as number) - (b.averagePct as number));
  if (ranked.length > 1) {
    lines.push(fill(m.weakestFields, { fields: joinList(ranked.slice(0, 2).map((f) => `${f.label} (${formatPct(f.averagePct as number, lang)})`), lang) }));
  }
  return lines.join('\n') + '\n';
}
