/**
 * The narrative of section II of the annual report, generated from a scoring result. Every
 * figure is computed from the result and the settings; every phrase comes from the messages.
 */
import { bandOfIndexPct, lastYearBandOf } from '../classify';
import { roundedPct } from '../decimal';
import { fill, formatBound, formatNumber, formatPct, joinList } from '../format';
import { messages } from '../i18n';
import { compileRuleSet } from '../rules';
import type { BandCode, BandRule, Lang, ScoringResult, UnitResult } from '../types';
import { joinLabels } from './labels';
import { floorClause, isBottomBand, rangeText } from './ranges';
import type { Narrative, NarrativeParagraph, ParagraphLevel, ReportSettings } from './types';
import { collectiveNoun, formatCount, unitInSentence, unitList, unitNoun } from './units';
import { blockParagraphs, componentParagraphs, floorWords } from './rule-sections';

/** The difference a − b of two percentages, in percentage points, computed on hundredths. */
export function percentagePointChange(a: number, b: number): number {
  return (Math.round(a * 100) - Math.round(b * 100)) / 100;
}

/** Each unit's band last year: the band given, else the band its index alone gives; null when unknown. */
export function lastYearBands(result: ScoringResult): (BandCode | null)[] {
  const compiled = compileRuleSet(result.rules);
  return result.units.map((u) =>
    lastYearBandOf(u.lastYearBand, u.lastYearIndexPct === null ? null : Math.round(u.lastYearIndexPct * 1e4), compiled),
  );
}

/** What every subsection reads: the result, the settings, the phrases, and the paragraphs so far. */
interface Context {
  result: ScoringResult;
  settings: ReportSettings;
  lang: Lang;
  m: ReturnType<typeof messages>['narrative'];
  bands: readonly BandRule[];
  year: number;
  lastYear: number;
  summary: ScoringResult['summary'];
  total: number;
  /** The units in rank order. */
  ranked: UnitResult[];
  /** The units of each band and of each score group, in rank order. */
  byBand: Map<string, UnitResult[]>;
  byGroup: Map<string, UnitResult[]>;
  allNames: string[];
  unitTerm: string;
  /** The district's name, or null when none was given. */
  district: string | null;
  /** Each unit's band last year (lastYearBands). */
  lastBands: (BandCode | null)[];
  paragraphs: NarrativeParagraph[];
}

type Figures = Record<string, number | string>;

function contextOf(result: ScoringResult, settings: ReportSettings, lang: Lang): Context {
  const m = messages(lang).narrative;
  const bands = result.rules.bands;
  const ranked: UnitResult[] = result.rankOrder.map((i) => result.units[i]);
  // The units of each band and of each score group, in rank order: one pass, not one per band.
  const byBand = new Map<string, UnitResult[]>(bands.map((b) => [b.code, []]));
  const byGroup = new Map<string, UnitResult[]>(bands.map((b) => [b.code, []]));
  for (const u of ranked) {
    byBand.get(u.band)?.push(u);
    byGroup.get(u.indexBand)?.push(u);
  }
  const allNames = result.units.map((u) => u.name);
  const unitTerm =
    lang === 'vi'
      ? (settings.unitTerm?.vi ?? m.unitTerm)
      : (settings.unitTerm?.en ??
        (allNames.length > 0 ? collectiveNoun([...allNames, ...allNames], lang) : m.unitTerm));
  return {
    result,
    settings,
    lang,
    m,
    bands,
    year: settings.year,
    lastYear: settings.year - 1,
    summary: result.summary,
    total: result.summary.unitCount,
    ranked,
    byBand,
    byGroup,
    allNames,
    unitTerm,
    district: settings.districtName?.trim() || null,
    lastBands: lastYearBands(result),
    paragraphs: [],
  };
}

function push(ctx: Context, id: string, level: ParagraphLevel, text: string, figures: Figures = {}): void {
  ctx.paragraphs.push({ id, level, text, figures });
}

const count = (ctx: Context, n: number) => formatCount(n, ctx.lang);
const pct = (ctx: Context, p: number) => formatPct(p, ctx.lang);
const label = (ctx: Context, b: BandRule) => b.label[ctx.lang];
const names = (units: readonly UnitResult[]) => units.map((u) => u.name);
const nameFigure = (units: readonly UnitResult[]) => names(units).join('; ');
const inBand = (ctx: Context, code: string) => ctx.byBand.get(code) ?? [];
/** "a. ", "b. " when a sub-section has more than one lettered part, else nothing. */
const letters = (ctx: Context, n: number) => (i: number) =>
  n > 1 ? fill(ctx.m.letter, { letter: String.fromCharCode(97 + i) }) : '';
/** "5 xã, thị trấn: A, B, …" of a list of units. */
const membersText = (ctx: Context, template: string, members: readonly UnitResult[]) =>
  fill(template, {
    count: count(ctx, members.length),
    noun: collectiveNoun(names(members), ctx.lang),
    list: unitList(names(members), ctx.lang),
  });

/** II.1.1 The district's index, and its change against last year when given. */
function districtIndex(ctx: Context, n: string): void {
  const { m, year, lastYear, lang } = ctx;
  const district = ctx.district as string;
  const index = ctx.settings.districtIndexPct as number;
  const last = ctx.settings.districtIndexLastYearPct;
  push(ctx, 'district.heading', 3, fill(m.headingDistrict, { n }));
  if (last === undefined) {
    push(ctx, 'district.index', 0, fill(m.districtIndex, { year, district, index: pct(ctx, index) }), {
      indexPct: index,
    });
    return;
  }
  const change = percentagePointChange(index, last);
  const template = change > 0 ? m.changeUp : change < 0 ? m.changeDown : m.changeNone;
  const changeText = fill(template, { points: formatNumber(Math.abs(change), lang, 2) });
  push(
    ctx,
    'district.index',
    0,
    fill(m.districtIndexChange, {
      year,
      lastYear,
      district,
      index: pct(ctx, index),
      lastIndex: pct(ctx, last),
      change: changeText,
    }),
    {
      indexPct: index,
      lastYearIndexPct: last,
      changePoints: change,
    },
  );
}

/** II.1 The index: the district's (when given), then the units by score group. */
function indexSection(ctx: Context): void {
  const { m, year } = ctx;
  push(ctx, 'index.heading', 2, fill(m.headingIndex, { n: 1, year }), { year });
  let sub = 0;
  if (ctx.district !== null && ctx.settings.districtIndexPct !== undefined) districtIndex(ctx, `1.${++sub}`);
  push(ctx, 'groups.heading', 3, fill(m.headingUnits, { n: `1.${++sub}` }));
  const groups = ctx.bands.filter((b) => (ctx.summary.groupCounts[b.code] ?? 0) > 0);
  push(
    ctx,
    'groups.intro',
    0,
    fill(m.groupsIntro, { year, unitTerm: ctx.unitTerm, count: count(ctx, groups.length) }),
    { groups: groups.length },
  );
  for (const b of groups) {
    const members = ctx.byGroup.get(b.code) ?? [];
    push(
      ctx,
      `groups.${b.code}`,
      'bullet',
      fill(m.group, {
        range: rangeText(b, ctx.lang),
        count: count(ctx, members.length),
        noun: collectiveNoun(names(members), ctx.lang),
        list: unitList(names(members), ctx.lang),
      }),
      {
        count: members.length,
        minPct: b.min.pct,
        maxPct: b.max.pct,
        units: nameFigure(members),
      },
    );
  }
  ctx.paragraphs.push(...componentParagraphs(ctx.result, ctx.lang));
}

/** Units whose index reached a higher band but whose fields held them back to band `bi`. */
function demotedParagraphs(ctx: Context, bi: number): void {
  const { m, bands, lang } = ctx;
  const b = bands[bi];
  const above = bi > 0 ? bands[bi - 1] : null;
  if (above === null || floorWords(above, lang) === null) return;
  const members = inBand(ctx, b.code);
  for (const from of bands.slice(0, bi)) {
    const demoted = members.filter((u) => u.demotedFrom === from.code);
    if (demoted.length === 0) continue;
    const text = fill(m.demoted, {
      count: count(ctx, demoted.length),
      noun: collectiveNoun(names(demoted), lang),
      range: rangeText(from, lang),
      list: unitList(names(demoted), lang),
      band: label(ctx, b),
      floor: floorWords(above, lang) as string,
      above: label(ctx, above),
    });
    push(ctx, `bands.${b.code}.demoted.${from.code}`, 0, text, {
      count: demoted.length,
      floorPct: above.fieldFloorPct ?? '',
      units: nameFigure(demoted),
    });
  }
}

/** II.2.1 Ranking and classification: the district's rank (when given), each band's units, the demotions. */
function bandsSection(ctx: Context): void {
  const { m, year, bands, lang } = ctx;
  push(ctx, 'ranking.heading', 2, fill(m.headingRanking, { n: 2, year }), { year });
  push(ctx, 'bands.heading', 3, fill(m.headingBands, { n: '2.1', year }));
  const hasRank = ctx.district !== null && ctx.settings.districtRank !== undefined;
  const letter = letters(ctx, hasRank ? 2 : 1);
  if (hasRank) {
    const r = ctx.settings.districtRank as { rank: number; of: number };
    push(
      ctx,
      'district.rank',
      0,
      fill(m.districtRank, { letter: letter(0), district: ctx.district as string, rank: r.rank, of: r.of }),
      { rank: r.rank, of: r.of },
    );
  }
  push(ctx, 'bands.intro', 0, fill(m.bandsIntro, { letter: letter(hasRank ? 1 : 0), unitTerm: ctx.unitTerm }));
  bands.forEach((b, bi) => {
    const members = inBand(ctx, b.code);
    const head = fill(isBottomBand(b, bi, bands) ? m.bandBottom : m.band, {
      label: label(ctx, b),
      range: rangeText(b, lang),
      floor: floorClause(b, lang),
    });
    const tail = members.length === 0 ? m.bandNone : membersText(ctx, m.bandMembers, members);
    push(ctx, `bands.${b.code}`, 'bullet', head + tail, {
      count: members.length,
      minPct: b.min.pct,
      maxPct: b.max.pct,
      floorPct: b.fieldFloorPct ?? '',
      units: nameFigure(members),
    });
    demotedParagraphs(ctx, bi);
  });
}

/** Last year's counts per band, and the bands above the best one reached then; figures added to `figures`. */
function lastYearCountsText(ctx: Context, figures: Figures): string {
  const { m, bands, summary, result, lang } = ctx;
  if (summary.lastYearCounts === null) return '';
  const lastCounts = summary.lastYearCounts;
  const lastTotal = summary.lastYearUnitCount;
  const nonEmpty = bands.filter((b) => (lastCounts[b.code] ?? 0) > 0);
  const lastItems = nonEmpty.map((b) => {
    const members = result.units.filter((_, k) => ctx.lastBands[k] === b.code);
    return fill(m.countItem, {
      count: count(ctx, lastCounts[b.code]),
      total: count(ctx, lastTotal),
      noun: collectiveNoun(names(members), lang, true),
      band: label(ctx, b),
    });
  });
  // Bands above the best one reached last year: "không có xã, thị trấn đạt mức …".
  const best = nonEmpty.length > 0 ? bands.indexOf(nonEmpty[0]) : bands.length;
  const emptyAbove = bands.slice(0, best);
  if (emptyAbove.length > 0)
    lastItems.push(
      fill(m.countNone, {
        unitTerm: ctx.unitTerm,
        bands: joinLabels(
          emptyAbove.map((b) => label(ctx, b)),
          lang,
          m.countNoneConjunction,
        ),
      }),
    );
  figures.lastYearTotal = lastTotal;
  for (const b of bands) figures[`lastYear.${b.code}`] = lastCounts[b.code] ?? 0;
  return fill(m.countsLastYear, { lastYear: ctx.lastYear, items: lastItems.join(m.itemSeparator) });
}

/** The closing count sentence of II.2.1, with last year's counts. */
function countsParagraph(ctx: Context): void {
  const { m, bands, summary, result, total, year, district } = ctx;
  if (total === 0) return;
  const items = bands
    .filter((b) => summary.counts[b.code] > 0)
    .map((b) => {
      const members = result.units.filter((u) => u.band === b.code);
      return fill(m.countItem, {
        count: count(ctx, members.length),
        total: count(ctx, total),
        noun: collectiveNoun(names(members), ctx.lang, true),
        band: label(ctx, b),
      });
    });
  const figures: Figures = { total };
  for (const b of bands) figures[b.code] = summary.counts[b.code];
  const lastText = lastYearCountsText(ctx, figures);
  const itemsText = items.join(m.itemSeparator);
  const text =
    district !== null
      ? fill(m.counts, { year, district, items: itemsText, lastYear: lastText })
      : fill(m.countsNoDistrict, { year, items: itemsText, lastYear: lastText });
  push(ctx, 'counts', 0, text, figures);
}

/** II.2.2 (a) The district's chairman: its score group, and its band when given. */
function chairDistrict(ctx: Context, letter: string): void {
  const { m, year, lang } = ctx;
  const district = ctx.district as string;
  const index = ctx.settings.districtIndexPct as number;
  const group = bandOfIndexPct(Math.round(index * 1e4), compileRuleSet(ctx.result.rules)).rule;
  let text = fill(m.chairDistrict, { letter, year, district, range: rangeText(group, lang) });
  const given =
    ctx.settings.districtBand !== undefined ? ctx.bands.find((b) => b.code === ctx.settings.districtBand) : undefined;
  if (given) text += fill(m.chairDistrictBand, { district, band: label(ctx, given), year });
  push(ctx, 'chairs.district', 0, text, { indexPct: index, group: group.code, band: given?.code ?? '' });
}

/** II.2.2 The chairmen: the district's (when given), then the units' by band. */
function chairsSection(ctx: Context): void {
  const { m, lang } = ctx;
  push(ctx, 'chairs.heading', 3, fill(m.headingChairs, { n: '2.2' }));
  push(ctx, 'chairs.intro', 0, fill(m.chairsIntro, { ruleSet: ctx.result.rules.name[lang] }));
  const hasDistrictIndex = ctx.district !== null && ctx.settings.districtIndexPct !== undefined;
  const letter = letters(ctx, hasDistrictIndex ? 2 : 1);
  if (hasDistrictIndex) chairDistrict(ctx, letter(0));
  push(ctx, 'chairs.units', 0, fill(m.chairUnits, { letter: letter(hasDistrictIndex ? 1 : 0) }));
  for (const b of ctx.bands) {
    const members = inBand(ctx, b.code);
    const head = fill(m.chairBand, {
      label: label(ctx, b),
      unitTerm: ctx.unitTerm,
      range: rangeText(b, lang),
      floor: floorClause(b, lang),
    });
    const tail =
      members.length === 0
        ? m.bandNone
        : fill(m.chairMembers, {
            count: count(ctx, members.length),
            unitNoun: unitNoun(members.length, lang),
            noun: collectiveNoun(names(members), lang),
            list: unitList(names(members), lang, false),
          });
    push(ctx, `chairs.${b.code}`, 'bullet', head + tail, { count: members.length, units: nameFigure(members) });
  }
}

/** II.2.3 (first part) The average, the highest and the lowest. */
function averageParagraph(ctx: Context, averagePct: number): void {
  const { ranked, lang } = ctx;
  // Over all units: a rank within a block (or none) does not say who is highest in the district.
  const overall = (u: UnitResult) => u.overallRank ?? u.rank;
  const topRank = overall(ranked[0]);
  const bottomRank = overall(ranked[ranked.length - 1]);
  const highest = ranked.filter((u) => overall(u) === topRank);
  const lowest = ranked.filter((u) => overall(u) === bottomRank);
  const inSentence = (units: UnitResult[]) =>
    joinList(
      units.map((u) => unitInSentence(u.name, lang)),
      lang,
    );
  const text = fill(ctx.m.average, {
    count: count(ctx, ctx.total),
    noun: collectiveNoun(ctx.allNames, lang),
    average: pct(ctx, averagePct),
    highest: inSentence(highest),
    highestIndex: pct(ctx, highest[0].indexPct),
    lowest: inSentence(lowest),
    lowestIndex: pct(ctx, lowest[0].indexPct),
  });
  push(ctx, 'average', 0, text, {
    averagePct,
    highest: nameFigure(highest),
    highestPct: highest[0].indexPct,
    lowest: nameFigure(lowest),
    lowestPct: lowest[0].indexPct,
  });
}

/** II.2.3 Summary figures: average, highest and lowest, shares, movement against last year. */
function figuresSection(ctx: Context): void {
  const { m, bands, summary, total } = ctx;
  push(ctx, 'figures.heading', 3, fill(m.headingFigures, { n: '2.3' }));
  if (total > 0 && summary.averageIndexPct !== null) {
    averageParagraph(ctx, summary.averageIndexPct);
    const shareFigures: Record<string, number> = {};
    const shareItems = bands.map((b) => {
      const share = roundedPct(summary.counts[b.code], total);
      shareFigures[b.code] = share;
      return fill(m.shareItem, {
        band: label(ctx, b),
        count: count(ctx, summary.counts[b.code]),
        total: count(ctx, total),
        share: pct(ctx, share),
      });
    });
    push(
      ctx,
      'shares',
      0,
      fill(m.shares, { unitTerm: ctx.unitTerm, items: shareItems.join(m.itemSeparator) }),
      shareFigures,
    );
  }
  movement(ctx.result, ctx.lastBands, ctx.ranked, ctx.lastYear, ctx.unitTerm, ctx.lang, (id, level, text, figures) =>
    push(ctx, id, level, text, figures),
  );
}

/** II.2.4 (first part) The weakest fields by average: `weakestFieldCount` of them (2 by default), ties kept. */
function weakestFields(ctx: Context): void {
  const { m, lang } = ctx;
  const stats = ctx.summary.fields.map((f, i) => ({ ...f, i })).filter((f) => f.averagePct !== null);
  const wanted = Math.min(ctx.settings.weakestFieldCount ?? 2, stats.length - 1);
  if (wanted <= 0) return;
  const sorted = [...stats].sort((a, b) => (a.averagePct as number) - (b.averagePct as number) || a.i - b.i);
  const cut = sorted[wanted - 1].averagePct as number;
  const weakest = sorted.filter((f) => (f.averagePct as number) <= cut);
  const items = joinList(
    weakest.map((f) => fill(m.fieldPct, { label: f.label, pct: pct(ctx, f.averagePct as number) })),
    lang,
  );
  push(ctx, 'fields.weakest', 0, fill(weakest.length === 1 ? m.weakestOne : m.weakestMany, { items }), {
    fields: weakest.map((f) => f.label).join('; '),
    averages: weakest.map((f) => formatNumber(f.averagePct as number, 'en', 2)).join('; '),
  });
}

/** II.2.4 The weakest fields, then each field's average and the units under each band's floor. */
function fieldsSection(ctx: Context): void {
  const { m, lang } = ctx;
  push(ctx, 'fields.heading', 3, fill(m.headingFields, { n: '2.4' }));
  weakestFields(ctx);
  const floors = ctx.bands.filter((b) => b.fieldFloorPct !== null);
  ctx.summary.fields.forEach((f, i) => {
    if (f.averagePct === null) {
      push(ctx, `fields.${i}`, 'bullet', fill(m.fieldNotApplicable, { label: f.label }), { field: f.label });
      return;
    }
    const figures: Figures = { field: f.label, averagePct: f.averagePct };
    const parts = floors.map((b) => {
      const n = f.underFloor[b.code] ?? 0;
      figures[`under.${b.code}`] = n;
      const floor = formatBound(b.fieldFloorPct as number, lang);
      return n === 0
        ? fill(m.fieldUnderNone, { floor })
        : fill(m.fieldUnder, { count: count(ctx, n), noun: unitNoun(n, lang), floor });
    });
    push(
      ctx,
      `fields.${i}`,
      'bullet',
      fill(m.fieldLine, { label: f.label, average: pct(ctx, f.averagePct), items: joinList(parts, lang) }),
      figures,
    );
  });
}

/** Section II of the annual report, subsection by subsection, over one shared context. */
export function generateNarrative(result: ScoringResult, settings: ReportSettings, lang: Lang): Narrative {
  const ctx = contextOf(result, settings, lang);
  indexSection(ctx);
  bandsSection(ctx);
  countsParagraph(ctx);
  ctx.paragraphs.push(...blockParagraphs(ctx.result, ctx.lang));
  chairsSection(ctx);
  figuresSection(ctx);
  fieldsSection(ctx);
  const title = fill(ctx.m.title, { year: ctx.year, unitTermUpper: ctx.unitTerm.toLocaleUpperCase(lang) });
  return { title, paragraphs: ctx.paragraphs };
}

/** Units that moved up or down a band against last year, grouped by transition. */
function movement(
  result: ScoringResult,
  lastBands: readonly (BandCode | null)[],
  ranked: readonly UnitResult[],
  lastYear: number,
  unitTerm: string,
  lang: Lang,
  push: (id: string, level: ParagraphLevel, text: string, figures?: Record<string, number | string>) => void,
): void {
  const m = messages(lang).narrative;
  const bands = result.rules.bands;
  const position = new Map(bands.map((b, i) => [b.code, i]));
  const lastOf = new Map(result.units.map((u, k) => [u, lastBands[k]]));
  const known = ranked.filter((u) => lastOf.get(u) != null && position.has(lastOf.get(u) as string));
  if (known.length === 0) return;
  const now = (u: UnitResult) => position.get(u.band) as number;
  const before = (u: UnitResult) => position.get(lastOf.get(u) as string) as number;
  const up = known.filter((u) => now(u) < before(u));
  const down = known.filter((u) => now(u) > before(u));
  const same = known.filter((u) => now(u) === before(u));
  const nounOf = (units: UnitResult[]) =>
    collectiveNoun(
      units.map((u) => u.name),
      lang,
    );
  const parts = [
    up.length > 0
      ? fill(m.movedUp, { count: formatCount(up.length, lang), noun: nounOf(up) })
      : fill(m.movedUpNone, { unitTerm }),
    ...(same.length > 0 ? [fill(m.unchanged, { count: formatCount(same.length, lang), noun: nounOf(same) })] : []),
    down.length > 0
      ? fill(m.movedDown, { count: formatCount(down.length, lang), noun: nounOf(down) })
      : fill(m.movedDownNone, { unitTerm }),
  ];
  push('movement', 0, fill(m.movement, { lastYear, items: parts.join(m.itemSeparator) }), {
    up: up.length,
    same: same.length,
    down: down.length,
  });
  transitionBullets(result, up.concat(down), before, now, lang, push);
  // A set, not known.includes per unit: 10^4 units with partial last-year data would be 10^8 comparisons.
  const knownSet = new Set(known);
  const missing = ranked.filter((u) => !knownSet.has(u));
  if (missing.length > 0) {
    const missingNames = missing.map((u) => u.name);
    push(
      'movement.missing',
      0,
      fill(m.noLastYear, {
        lastYear,
        count: formatCount(missing.length, lang),
        noun: collectiveNoun(missingNames, lang),
        list: unitList(missingNames, lang),
      }),
      { count: missing.length, units: missingNames.join('; ') },
    );
  }
}

/** One bullet per transition between bands: the highest band reached first, then from the highest band left. */
function transitionBullets(
  result: ScoringResult,
  moved: readonly UnitResult[],
  before: (u: UnitResult) => number,
  now: (u: UnitResult) => number,
  lang: Lang,
  push: (id: string, level: ParagraphLevel, text: string, figures?: Record<string, number | string>) => void,
): void {
  const m = messages(lang).narrative;
  const bands = result.rules.bands;
  const transitions = new Map<string, { from: number; to: number; units: UnitResult[] }>();
  for (const u of moved) {
    const key = `${before(u)}>${now(u)}`;
    const t = transitions.get(key) ?? { from: before(u), to: now(u), units: [] };
    t.units.push(u);
    transitions.set(key, t);
  }
  const ordered = [...transitions.values()].sort(
    (a, b) => (a.to < a.from ? 0 : 1) - (b.to < b.from ? 0 : 1) || a.to - b.to || a.from - b.from,
  );
  for (const t of ordered) {
    const unitNames = t.units.map((u) => u.name);
    push(
      `movement.${bands[t.from].code}.${bands[t.to].code}`,
      'bullet',
      fill(t.to < t.from ? m.transitionUp : m.transitionDown, {
        from: bands[t.from].label[lang],
        to: bands[t.to].label[lang],
        count: formatCount(unitNames.length, lang),
        noun: collectiveNoun(unitNames, lang),
        list: unitList(unitNames, lang),
      }),
      { count: unitNames.length, units: unitNames.join('; ') },
    );
  }
}
