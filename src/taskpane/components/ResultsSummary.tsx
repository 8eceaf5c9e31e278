/** The results of a run: counts per band with their colours, demoted units with the reason, top and bottom units. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { BAND_FILL, bandLabel, demotionNote, fill, formatPct, type Lang, type ScoringResult, type UnitResult } from '../../engine';
import type { UiStrings } from '../hooks/useLang';
import { Section } from './Section';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  band: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, paddingBlock: '2px', paddingInline: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium, color: '#1b1b1b' },
  count: { marginInlineStart: 'auto', fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  ranks: { margin: 0, paddingInlineStart: 0, listStyleType: 'none' },
});

function RankList({ title, units, lang, t, testId }: { title: string; units: UnitResult[]; lang: Lang; t: UiStrings; testId: string }) {
  const styles = useStyles();
  return (
    <div>
      <h3 className={styles.heading}>{title}</h3>
      <ol className={styles.ranks} aria-label={title} data-testid={testId}>
        {/* The top and bottom over all units: a rank within a block (or none, 0) would mislead here. */}
        {units.map((u) => (
          <li key={u.row}>{fill(t.resultsRankLine, { rank: u.overallRank ?? u.rank, name: u.name, index: formatPct(u.indexPct, lang) })}</li>
        ))}
      </ol>
    </div>
  );
}

export default function ResultsSummary({ result, lang, t }: { result: ScoringResult; lang: Lang; t: UiStrings }) {
  const styles = useStyles();
  const { summary, rules } = result;
  const ranked = result.rankOrder.map((i) => result.units[i]);
  const demoted = ranked.filter((u) => u.demotedFrom !== null);
  const n = Math.min(3, ranked.length);
  return (
    <Section title={t.resultsTitle} testId="results">
      <div>
        <h3 className={styles.heading}>{t.resultsCounts}</h3>
        <ul className={styles.list} aria-label={t.resultsCounts}>
          {rules.bands.map((b) => (
            <li key={b.code} className={styles.band} style={{ background: BAND_FILL[b.code] ?? tokens.colorNeutralBackground3 }} data-testid={`band-${b.code}`}>
              <span>{bandLabel(rules, b.code, lang)}</span>
              <span className={styles.count} data-testid={`band-count-${b.code}`}>
                {fill(t.resultsCount, { count: summary.counts[b.code] ?? 0, total: summary.unitCount })}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className={styles.heading}>{fill(t.resultsDemoted, { count: demoted.length })}</h3>
        {demoted.length === 0 ? (
          <p className={styles.note}>{t.resultsNoDemoted}</p>
        ) : (
          <ul className={styles.list} data-testid="demoted">
            {demoted.map((u) => (
              <li key={u.row}>
                <strong>{u.name}</strong>
                <div className={styles.note}>{demotionNote(u, rules, lang)}</div>
              </li>
            ))}
          </ul>
        )}
      </div>
      <RankList title={t.resultsTop} units={ranked.slice(0, n)} lang={lang} t={t} testId="top" />
      <RankList title={t.resultsBottom} units={ranked.slice(ranked.length - n)} lang={lang} t={t} testId="bottom" />
    </Section>
  );
}
