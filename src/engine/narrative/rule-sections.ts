/**
 * Narrative for the rules provinces use (issue 16): the index's components reported apart, the
 * ranking by block, and per-field floors in the band definitions. Each function gives nothing
 * when the rule set does not use the feature, so a plain rule set's text is unchanged.
 */
import { fill, formatBound, formatPct, joinList } from '../format';
import { bandLabel, blockLabel } from '../describe';
import { messages } from '../i18n';
import type { BandRule, Lang, ScoringResult, UnitResult } from '../types';
import type { NarrativeParagraph } from './types';
import { collectiveNoun, formatCount, unitList } from './units';

/** A label inside a sentence: its first letter in lower case in Vietnamese ("điều tra xã hội học"). */
function inSentence(label: string, lang: Lang): string {
  return lang === 'vi'
    ? label.charAt(0).toLocaleLowerCase('vi') + label.slice(1)
    : label.charAt(0).toLowerCase() + label.slice(1);
}

/** "Chỉ số tổng hợp gồm hai thành phần: …", with the averages and the units without a survey. */
export function componentParagraphs(result: ScoringResult, lang: Lang): NarrativeParagraph[] {
  const c = result.rules.components;
  const avg = result.summary.components;
  if (!c || !avg) return [];
  const m = messages(lang).ruleSets.narrative;
  const appraisal = inSentence(c.appraisal.label[lang], lang);
  const survey = inSentence(c.survey.label[lang], lang);
  const points = (p: number) => formatBound(p, lang).replace('%', '');
  let text = fill(m.components, {
    appraisal,
    survey,
    appraisalPoints: points(c.appraisal.points),
    surveyPoints: points(c.survey.points),
  });
  if (avg.appraisalAveragePct !== null) {
    text +=
      avg.surveyAveragePct !== null
        ? fill(m.componentAverages, {
            appraisal,
            survey,
            appraisalAvg: formatPct(avg.appraisalAveragePct, lang),
            surveyAvg: formatPct(avg.surveyAveragePct, lang),
          })
        : fill(m.componentAveragesNoSurvey, { appraisal, appraisalAvg: formatPct(avg.appraisalAveragePct, lang) });
  }
  const without = result.rankOrder.map((k) => result.units[k]).filter((u) => u.components?.surveyPct === null);
  if (without.length > 0) {
    const names = without.map((u) => u.name);
    text += fill(c.convertWithoutSurvey ? m.withoutSurveyConverted : m.withoutSurveyZero, {
      count: formatCount(names.length, lang),
      noun: collectiveNoun(names, lang),
      list: unitList(names, lang, false),
      survey,
    });
  }
  return [
    {
      id: 'components',
      level: 0,
      text,
      figures: {
        appraisalPoints: c.appraisal.points,
        surveyPoints: c.survey.points,
        appraisalAveragePct: avg.appraisalAveragePct ?? '',
        surveyAveragePct: avg.surveyAveragePct ?? '',
        withoutSurvey: without.length,
      },
    },
  ];
}

/** The ranking by block: each block's units, bands and leader (units left out of ranking are said so). */
export function blockParagraphs(result: ScoringResult, lang: Lang): NarrativeParagraph[] {
  const blocks = result.summary.blocks;
  if (!blocks || blocks.length === 0) return [];
  const m = messages(lang).ruleSets.narrative;
  const ordered = result.rankOrder.map((k) => result.units[k]);
  const own = (result.rules.blocks ?? [])
    .filter((b) => b.bands && blocks.some((s) => s.code === b.code && s.unitCount > 0))
    .map((b) => b.label[lang]);
  const intro = fill(m.blocksIntro, {
    count: formatCount(blocks.length, lang),
    own: own.length > 0 ? fill(m.ownBands, { labels: joinList(own, lang) }) : '',
  });
  const paragraphs: NarrativeParagraph[] = [
    { id: 'blocks.intro', level: 0, text: intro, figures: { blocks: blocks.length } },
  ];
  for (const b of blocks) {
    const label = blockLabel(result.rules, b.code, lang);
    const members = ordered.filter((u) => u.block === b.code);
    if (members.length === 0) {
      paragraphs.push({
        id: `blocks.${b.code}`,
        level: 'bullet',
        text: fill(m.blockEmpty, { label }),
        figures: { count: 0 },
      });
      continue;
    }
    paragraphs.push({
      id: `blocks.${b.code}`,
      level: 'bullet',
      text: blockSentence(result, members, label, b.rankedCount, lang),
      figures: { count: members.length, ranked: b.rankedCount, ...b.counts },
    });
  }
  return paragraphs;
}

function blockSentence(
  result: ScoringResult,
  members: readonly UnitResult[],
  label: string,
  rankedCount: number,
  lang: Lang,
): string {
  const m = messages(lang).ruleSets.narrative;
  const counts = new Map<string, number>();
  for (const u of members) counts.set(u.band, (counts.get(u.band) ?? 0) + 1);
  // Bands in the rule set's order (the block's own bands first when it has them).
  const order = [...(result.rules.blocks ?? []).flatMap((b) => b.bands ?? []), ...result.rules.bands].map(
    (b) => b.code,
  );
  const bands = [...counts.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const bandText = joinList(
    bands.map((code) =>
      fill(m.blockBand, { count: formatCount(counts.get(code) ?? 0, lang), band: bandLabel(result.rules, code, lang) }),
    ),
    lang,
  );
  const names = members.map((u) => u.name);
  let text = fill(m.block, {
    label,
    count: formatCount(members.length, lang),
    noun: collectiveNoun(names, lang),
    unranked: rankedCount === 0 ? m.blockUnranked : '',
    bands: bandText,
  });
  const leaders = members.filter((u) => u.ranked !== false && u.rank === 1);
  if (rankedCount > 0 && leaders.length > 0)
    text += fill(m.blockTop, {
      list: unitList(
        leaders.map((u) => u.name),
        lang,
        false,
      ),
      index: formatPct(leaders[0].indexPct, lang),
    });
  return text;
}

/**
 * A band's floors in words when some fields have their own: appended to the common floor clause
 * (" (riêng lĩnh vực Cải cách TTHC từ 60%)"), or the whole clause when the band has no common floor.
 */
export function fieldFloorsClause(band: BandRule, lang: Lang): string {
  const floors = band.fieldFloors ?? [];
  if (floors.length === 0) return '';
  const m = messages(lang).ruleSets.narrative;
  const items = floors.map((f) =>
    f.pct === null
      ? fill(m.fieldFloorNone, { field: f.field })
      : fill(m.fieldFloorItem, { field: f.field, floor: formatBound(f.pct, lang) }),
  );
  if (band.fieldFloorPct !== null) return fill(m.fieldFloors, { items: joinList(items, lang) });
  const own = floors
    .filter((f) => f.pct !== null)
    .map((f) => fill(m.fieldFloorItem, { field: f.field, floor: formatBound(f.pct as number, lang) }));
  return own.length === 0 ? '' : fill(m.onlyFieldFloors, { items: joinList(own, lang) });
}

/**
 * A band's floors as the demotion sentence names them: "70%", "70% (riêng lĩnh vực Cải cách TTHC
 * từ 60%)", or for a band with floors on some fields only "60% (lĩnh vực Cải cách TTHC)"; null: no floor.
 */
export function floorWords(band: BandRule, lang: Lang): string | null {
  if (band.fieldFloorPct !== null) return formatBound(band.fieldFloorPct, lang) + fieldFloorsClause(band, lang);
  const own = (band.fieldFloors ?? []).filter((f) => f.pct !== null);
  if (own.length === 0) return null;
  const m = messages(lang).ruleSets.narrative;
  return joinList(
    own.map((f) => fill(m.floorOfField, { floor: formatBound(f.pct as number, lang), field: f.field })),
    lang,
  );
}
