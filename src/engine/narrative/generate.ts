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
  return result.units.map((u) => lastYearBandOf(u.lastYearBand, u.lastYearIndexPct === null ? null : Math.round(u.lastYearIndexPct * 1e4), compiled));
}

export function generateNarrative(result: ScoringResult, settings: ReportSettings, lang: Lang): Narrative {
  const m = messages(lang).narrative;
  const rules = result.rules;
  const bands = rules.bands;
  const year = settings.year;
  const lastYear = year - 1;
  const summary = result.summary;
  const total = summary.unitCount;
  const ranked: UnitResult[] = result.rankOrder.map((i) => result.units[i]);
  // The units of each band and of each score group, in rank order: one pass, not one per band.
  const byBand = new Map<string, UnitResult[]>(bands.map((b) => [b.code, []]));
  const byGroup = new Map<string, UnitResult[]>(bands.map((b) => [b.code, []]));
  for (const u of ranked) {
    byBand.get(u.band)?.push(u);
    byGroup.get(u.indexBand)?.push(u);
  }
  const inBand = (code: string) => byBand.get(code) ?? [];
  const allNames = result.units.map((u) => u.name);
  const unitTerm =
    lang === 'vi'
      ? settings.unitTerm?.vi ?? m.unitTerm
      : settings.unitTerm?.en ?? (allNames.length > 0 ? collectiveNoun([...allNames, ...allNames], lang) : m.unitTerm);
  const district = settings.districtName?.trim() || null;
  const count = (n: number) => formatCount(n, lang);
  const pct = (p: number) => formatPct(p, lang);
  const label = (b: BandRule) => b.label[lang];
  const bandByCode = new Map(bands.map((b, i) => [b.code, { band: b, index: i }]));

  const paragraphs: NarrativeParagraph[] = [];
  const push = (id: string, level: ParagraphLevel, text: string, figures: Record<string, number | string> = {}) =>
    paragraphs.push({ id, level, text, figures });
  const names = (units: readonly UnitResult[]) => units.map((u) => u.name);
  const nameFigure = (units: readonly UnitResult[]) => names(units).join('; ');
  /** "a. ", "b. " when a sub-section has more than one lettered part, else nothing. */
  const letters = (n: number) => (i: number) => (n > 1 ? fill(m.letter, { letter: String.fromCharCode(97 + i) }) : '');

  // II.1 The index.
  push('index.heading', 2, fill(m.headingIndex, { n: 1, year }), { year });
  let sub = 0;
  if (district !== null && settings.districtIndexPct !== undefined) {
    sub++;
    push('district.heading', 3, fill(m.headingDistrict, { n: `1.${sub}` }));
    const index = settings.districtIndexPct;
    const last = settings.districtIndexLastYearPct;
    if (last === undefined) {
      push('district.index', 0, fill(m.districtIndex, { year, district, index: pct(index) }), { indexPct: index });
    } else {
      const change = percentagePointChange(index, last);
      const template = change > 0 ? m.changeUp : change < 0 ? m.changeDown : m.changeNone;
      const changeText = fill(template, { points: formatNumber(Math.abs(change), lang, 2) });
      push(
        'district.index',
        0,
        fill(m.districtIndexChange, { year, lastYear, district, index: pct(index), lastIndex: pct(last), change: changeText }),
        { indexPct: index, lastYearIndexPct: last, changePoints: change },
      );
    }
  }
  sub++;
  push('groups.heading', 3, fill(m.headingUnits, { n: `1.${sub}` }));
  const groups = bands.filter((b) => (summary.groupCounts[b.code] ?? 0) > 0);
  push('groups.intro', 0, fill(m.groupsIntro, { year, unitTerm, count: count(groups.length) }), { groups: groups.length });
  for (const b of groups) {
    const members = byGroup.get(b.code) ?? [];
    push(
      `groups.${b.code}`,
      'bullet',
      fill(m.group, { range: rangeText(b, lang), count: count(members.length), noun: collectiveNoun(names(members), lang), list: unitList(names(members), lang) }),
      { count: members.length, minPct: b.min.pct, maxPct: b.max.pct, units: nameFigure(members) },
    );
  }
  paragraphs.push(...componentParagraphs(result, lang));

  // II.2.1 Ranking and classification.
  push('ranking.heading', 2, fill(m.headingRanking, { n: 2, year }), { year });
  push('bands.heading', 3, fill(m.headingBands, { n: '2.1', year }));
  const hasRank = district !== null && settings.districtRank !== undefined;
  const letter21 = letters(hasRank ? 2 : 1);
  if (hasRank) {
    const r = settings.districtRank as { rank: number; of: number };
    push('district.rank', 0, fill(m.districtRank, { letter: letter21(0), district: district as string, rank: r.rank, of: r.of }), { rank: r.rank, of: r.of });
  }
  push('bands.intro', 0, fill(m.bandsIntro, { letter: letter21(hasRank ? 1 : 0), unitTerm }));
  bands.forEach((b, bi) => {
    const members = inBand(b.code);
    const head = fill(isBottomBand(b, bi, bands) ? m.bandBottom : m.band, { label: label(b), range: rangeText(b, lang), floor: floorClause(b, lang) });
    const tail =
      members.length === 0
        ? m.bandNone
        : fill(m.bandMembers, { count: count(members.length), noun: collectiveNoun(names(members), lang), list: unitList(names(members), lang) });
    push(`bands.${b.code}`, 'bullet', head + tail, {
      count: members.length,
      minPct: b.min.pct,
      maxPct: b.max.pct,
      floorPct: b.fieldFloorPct ?? '',
      units: nameFigure(members),
    });
    // Units whose index reached a higher band but whose fields held them back to this one.
    const above = bi > 0 ? bands[bi - 1] : null;
    if (above === null || floorWords(above, lang) === null) return;
    for (const from of bands.slice(0, bi)) {
      const demoted = members.filter((u) => u.demotedFrom === from.code);
      if (demoted.length === 0) continue;
      const noun = collectiveNoun(names(demoted), lang);
      push(
        `bands.${b.code}.demoted.${from.code}`,
        0,
        fill(m.demoted, {
          count: count(demoted.length),
          noun,
          range: rangeText(from, lang),
          list: unitList(names(demoted), lang),
          band: label(b),
          floor: floorWords(above, lang) as string,
          above: label(above),
        }),
        { count: demoted.length, floorPct: above.fieldFloorPct ?? '', units: nameFigure(demoted) },
      );
    }
  });

  // The closing count sentence, with last year's counts.
  const lastBands = lastYearBands(result);
  if (total > 0) {
    const items = bands
      .filter((b) => summary.counts[b.code] > 0)
      .map((b) => {
        const members = result.units.filter((u) => u.band === b.code);
        return fill(m.countItem, { count: count(members.length), total: count(total), noun: collectiveNoun(names(members), lang, true), band: label(b) });
      });
    let lastText = '';
    const figures: Record<string, number | string> = { total };
    for (const b of bands) figures[b.code] = summary.counts[b.code];
    if (summary.lastYearCounts !== null) {
      const lastCounts = summary.lastYearCounts;
      const lastTotal = summary.lastYearUnitCount;
      const nonEmpty = bands.filter((b) => (lastCounts[b.code] ?? 0) > 0);
      const lastItems = nonEmpty.map((b) => {
        const members = result.units.filter((_, k) => lastBands[k] === b.code);
        return fill(m.countItem, { count: count(lastCounts[b.code]), total: count(lastTotal), noun: collectiveNoun(names(members), lang, true), band: label(b) });
      });
      // Bands above the best one reached last year: "không có xã, thị trấn đạt mức …".
      const best = nonEmpty.length > 0 ? bands.indexOf(nonEmpty[0]) : bands.length;
      const emptyAbove = bands.slice(0, best);
      if (emptyAbove.length > 0) lastItems.push(fill(m.countNone, { unitTerm, bands: joinLabels(emptyAbove.map(label), lang, m.countNoneConjunction) }));
      lastText = fill(m.countsLastYear, { lastYear, items: lastItems.join(m.itemSeparator) });
      figures.lastYearTotal = lastTotal;
      for (const b of bands) figures[`lastYear.${b.code}`] = lastCounts[b.code] ?? 0;
    }
    const itemsText = items.join(m.itemSeparator);
    push(
      'counts',
      0,
      district !== null ? fill(m.counts, { year, district, items: itemsText, lastYear: lastText }) : fill(m.countsNoDistrict, { year, items: itemsText, lastYear: lastText }),
      figures,
    );
  }
  paragraphs.push(...blockParagraphs(result, lang));

  // II.2.2 The chairmen.
  push('chairs.heading', 3, fill(m.headingChairs, { n: '2.2' }));
  push('chairs.intro', 0, fill(m.chairsIntro, { ruleSet: rules.name[lang] }));
  const hasDistrictIndex = district !== null && settings.districtIndexPct !== undefined;
  const letter22 = letters(hasDistrictIndex ? 2 : 1);
  if (hasDistrictIndex) {
    const index = settings.districtIndexPct as number;
    const compiled = compileRuleSet(rules);
    const group = bandOfIndexPct(Math.round(index * 1e4), compiled).rule;
    let text = fill(m.chairDistrict, { letter: letter22(0), year, district: district as string, range: rangeText(group, lang) });
    const given = settings.districtBand !== undefined ? bandByCode.get(settings.districtBand) : undefined;
    if (given) text += fill(m.chairDistrictBand, { district: district as string, band: label(given.band), year });
    push('chairs.district', 0, text, { indexPct: index, group: group.code, band: given?.band.code ?? '' });
  }
  push('chairs.units', 0, fill(m.chairUnits, { letter: letter22(hasDistrictIndex ? 1 : 0) }));
  for (const b of bands) {
    const members = inBand(b.code);
    const head = fill(m.chairBand, { label: label(b), unitTerm, range: rangeText(b, lang), floor: floorClause(b, lang) });
    const tail =
      members.length === 0
        ? m.bandNone
        : fill(m.chairMembers, {
            count: count(members.length),
            unitNoun: unitNoun(members.length, lang),
            noun: collectiveNoun(names(members), lang),
            list: unitList(names(members), lang, false),
          });
    push(`chairs.${b.code}`, 'bullet', head + tail, { count: members.length, units: nameFigure(members) });
  }

  // II.2.3 Summary figures: average, highest and lowest, shares, movement against last year.
  push('figures.heading', 3, fill(m.headingFigures, { n: '2.3' }));
  if (total > 0 && summary.averageIndexPct !== null) {
    // Over all units: a rank within a block (or none) does not say who is highest in the district.
    const overall = (u: UnitResult) => u.overallRank ?? u.rank;
    const topRank = overall(ranked[0]);
    const bottomRank = overall(ranked[ranked.length - 1]);
    const highest = ranked.filter((u) => overall(u) === topRank);
    const lowest = ranked.filter((u) => overall(u) === bottomRank);
    const inSentence = (units: UnitResult[]) => joinList(units.map((u) => unitInSentence(u.name, lang)), lang);
    push(
      'average',
      0,
      fill(m.average, {
        count: count(total),
        noun: collectiveNoun(allNames, lang),
        average: pct(summary.averageIndexPct),
        highest: inSentence(highest),
        highestIndex: pct(highest[0].indexPct),
        lowest: inSentence(lowest),
        lowestIndex: pct(lowest[0].indexPct),
      }),
      {
        averagePct: summary.averageIndexPct,
        highest: nameFigure(highest),
        highestPct: highest[0].indexPct,
        lowest: nameFigure(lowest),
        lowestPct: lowest[0].indexPct,
      },
    );
    const shareFigures: Record<string, number> = {};
    const shareItems = bands.map((b) => {
      const share = roundedPct(summary.counts[b.code], total);
      shareFigures[b.code] = share;
      return fill(m.shareItem, { band: label(b), count: count(summary.counts[b.code]), total: count(total), share: pct(share) });
    });
    push('shares', 0, fill(m.shares, { unitTerm, items: shareItems.join(m.itemSeparator) }), shareFigures);
  }
  movement(result, lastBands, ranked, lastYear, unitTerm, lang, push);

  // II.2.4 The weakest fields.
  push('fields.heading', 3, fill(m.headingFields, { n: '2.4' }));
  const stats = summary.fields.map((f, i) => ({ ...f, i })).filter((f) => f.averagePct !== null);
  const wanted = Math.min(settings.weakestFieldCount ?? 2, stats.length - 1);
  if (wanted > 0) {
    const sorted = [...stats].sort((a, b) => (a.averagePct as number) - (b.averagePct as number) || a.i - b.i);
    const cut = sorted[wanted - 1].averagePct as number;
    const weakest = sorted.filter((f) => (f.averagePct as number) <= cut);
    const items = joinList(weakest.map((f) => fill(m.fieldPct, { label: f.label, pct: pct(f.averagePct as number) })), lang);
    push('fields.weakest', 0, fill(weakest.length === 1 ? m.weakestOne : m.weakestMany, { items }), {
      fields: weakest.map((f) => f.label).join('; '),
      averages: weakest.map((f) => formatNumber(f.averagePct as number, 'en', 2)).join('; '),
    });
  }
  const floors = bands.filter((b) => b.fieldFloorPct !== null);
  summary.fields.forEach((f, i) => {
    if (f.averagePct === null) {
      push(`fields.${i}`, 'bullet', fill(m.fieldNotApplicable, { label: f.label }), { field: f.label });
      return;
    }
    const figures: Record<string, number | string> = { field: f.label, averagePct: f.averagePct };
    const parts = floors.map((b) => {
      const n = f.underFloor[b.code] ?? 0;
      figures[`under.${b.code}`] = n;
      const floor = formatBound(b.fieldFloorPct as number, lang);
      return n === 0 ? fill(m.fieldUnderNone, { floor }) : fill(m.fieldUnder, { count: count(n), noun: unitNoun(n, lang), floor });
    });
    push(`fields.${i}`, 'bullet', fill(m.fieldLine, { label: f.label, average: pct(f.averagePct), items: joinList(parts, lang) }), figures);
  });

  const title = fill(m.title, { year, unitTermUpper: unitTerm.toLocaleUpperCase(lang) });
  return { title, paragraphs };
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
  const nounOf = (units: UnitResult[]) => collectiveNoun(units.map((u) => u.name), lang);
  const parts = [
    up.length > 0 ? fill(m.movedUp, { count: formatCount(up.length, lang), noun: nounOf(up) }) : fill(m.movedUpNone, { unitTerm }),
    ...(same.length > 0 ? [fill(m.unchanged, { count: formatCount(same.length, lang), noun: nounOf(same) })] : []),
    down.length > 0 ? fill(m.movedDown, { count: formatCount(down.length, lang), noun: nounOf(down) }) : fill(m.movedDownNone, { unitTerm }),
  ];
  push('movement', 0, fill(m.movement, { lastYear, items: parts.join(m.itemSeparator) }), { up: up.length, same: same.length, down: down.length });
  // One bullet per transition: the highest band reached first, then from the highest band left.
  const transitions = new Map<string, { from: number; to: number; units: UnitResult[] }>();
  for (const u of [...up, ...down]) {
    const key = `${before(u)}>${now(u)}`;
    const t = transitions.get(key) ?? { from: before(u), to: now(u), units: [] };
    t.units.push(u);
    transitions.set(key, t);
  }
  const ordered = [...transitions.values()].sort((a, b) => (a.to < a.from ? 0 : 1) - (b.to < b.from ? 0 : 1) || a.to - b.to || a.from - b.from);
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
  // A set, not known.includes per unit: 10^4 units with partial last-year data would be 10^8 comparisons.
  const knownSet = new Set(known);
  const missing = ranked.filter((u) => !knownSet.has(u));
  if (missing.length > 0) {
    const missingNames = missing.map((u) => u.name);
    push(
      'movement.missing',
      0,
      fill(m.noLastYear, { lastYear, count: formatCount(missing.length, lang), noun: collectiveNoun(missingNames, lang), list: unitList(missingNames, lang) }),
      { count: missing.length, units: missingNames.join('; ') },
    );
  }
}
