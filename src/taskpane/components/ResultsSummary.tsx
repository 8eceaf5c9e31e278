/**
 * The results of a run: counts per band with their colours, demoted units as a compact table, top
 * and bottom units. Every unit named is a link to its row on the scoring sheet (issue 17, item 8).
 */
import { Link, MessageBar, MessageBarBody, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  BAND_FILL,
  bandLabel,
  demotionNote,
  fill,
  formatPct,
  messages,
  type Lang,
  type Messages,
  type RuleSet,
  type ScoringResult,
  type UnitResult,
} from '../../engine';
import type { ReactNode } from 'react';
import type { UiStrings } from '../hooks/useLang';
import type { SelectError } from '../hooks/useSelection';
import { Section } from './Section';
import { labelled } from './labelled';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  band: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: '2px',
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    color: '#1b1b1b',
  },
  count: { marginInlineStart: 'auto', fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  ranks: { margin: 0, paddingInlineStart: 0, listStyleType: 'none' },
  // Five narrow columns that wrap inside a 320 px pane rather than scroll.
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  th: {
    textAlign: 'start',
    verticalAlign: 'bottom',
    fontWeight: tokens.fontWeightSemibold,
    paddingInline: '2px',
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: 'solid',
    borderBottomColor: tokens.colorNeutralStroke1,
    overflowWrap: 'anywhere',
  },
  cell: { verticalAlign: 'top', paddingInline: '2px', paddingBlockStart: '2px', overflowWrap: 'anywhere' },
  td: {
    verticalAlign: 'top',
    paddingInline: '2px',
    paddingBlockEnd: '2px',
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: 'solid',
    borderBottomColor: tokens.colorNeutralStroke3,
    color: tokens.colorNeutralForeground2,
  },
  fieldsLabel: { fontWeight: tokens.fontWeightSemibold },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', overflowWrap: 'normal' },
  unit: { textAlign: 'start' },
});

export type SelectUnit = (unit: UnitResult) => void;

/** A unit's name as a link to its row (plain text when nothing can select). */
function UnitLink({
  unit,
  t,
  onSelectUnit,
  children,
}: {
  unit: UnitResult;
  t: Messages['pane'];
  onSelectUnit?: SelectUnit;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const text = children ?? unit.name;
  if (!onSelectUnit) return <>{text}</>;
  return (
    <Link
      as="button"
      inline
      className={styles.unit}
      title={fill(t.unitGoTo, { name: unit.name })}
      onClick={() => onSelectUnit(unit)}
      data-row={unit.row}
      data-testid="unit-link"
    >
      {text}
    </Link>
  );
}

function RankList({
  title,
  units,
  lang,
  t,
  testId,
  onSelectUnit,
}: {
  title: string;
  units: UnitResult[];
  lang: Lang;
  t: UiStrings;
  testId: string;
  onSelectUnit?: SelectUnit;
}) {
  const styles = useStyles();
  const p = messages(lang).pane;
  return (
    <div>
      <h3 className={styles.heading}>{title}</h3>
      <ol className={styles.ranks} aria-label={title} data-testid={testId}>
        {/* The top and bottom over all units: a rank within a block (or none, 0) would mislead here. */}
        {units.map((u) => (
          <li key={u.row}>
            <UnitLink unit={u} t={p} onSelectUnit={onSelectUnit}>
              {fill(t.resultsRankLine, {
                rank: u.overallRank ?? u.rank,
                name: u.name,
                index: formatPct(u.indexPct, lang),
              })}
            </UnitLink>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The fields that held a unit back, with their index ("Cải cách TTHC (63,64%)"); else the engine's note (a cap). */
export function failingFieldsText(u: UnitResult, rules: RuleSet, lang: Lang): string {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const step of u.demotion) {
    for (const f of step.failingFields) {
      if (seen.has(f.label)) continue;
      seen.add(f.label);
      items.push(`${f.label} (${formatPct(f.pct, lang)})`);
    }
  }
  return items.length > 0 ? items.join('; ') : demotionNote(u, rules, lang);
}

/**
 * Demoted units, compact at 320 px: unit, index, band by points, band given on one line; the
 * failing fields under them across the row (a fifth column would wrap every cell into a tower).
 */
function DemotedTable({
  demoted,
  rules,
  lang,
  onSelectUnit,
}: {
  demoted: UnitResult[];
  rules: RuleSet;
  lang: Lang;
  onSelectUnit?: SelectUnit;
}) {
  const styles = useStyles();
  const p = messages(lang).pane;
  const headers = [p.demotedUnit, p.demotedIndex, p.demotedByPoints, p.demotedGiven];
  // The index column holds "85,83%" on one line at 320 px (about 44 px in the table's font).
  const widths = ['29%', '19%', '26%', '26%'];
  return (
    <table className={styles.table} data-testid="demoted">
      <colgroup>
        {widths.map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {headers.map((h, i) => (
            <th key={h} scope="col" className={i === 1 ? mergeClasses(styles.th, styles.num) : styles.th}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      {demoted.map((u) => (
        <tbody key={u.row} title={demotionNote(u, rules, lang)} data-testid="demoted-row">
          <tr>
            <th scope="row" className={styles.cell}>
              <UnitLink unit={u} t={p} onSelectUnit={onSelectUnit} />
            </th>
            <td className={mergeClasses(styles.cell, styles.num)}>{formatPct(u.indexPct, lang)}</td>
            <td className={styles.cell}>{bandLabel(rules, u.demotedFrom ?? u.indexBand, lang)}</td>
            <td className={styles.cell}>{bandLabel(rules, u.band, lang)}</td>
          </tr>
          <tr>
            <td colSpan={4} className={styles.td} data-testid="demoted-fields">
              <span className={styles.fieldsLabel}>{p.demotedFields}: </span>
              {failingFieldsText(u, rules, lang)}
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  );
}

export interface ResultsSummaryProps {
  result: ScoringResult;
  lang: Lang;
  t: UiStrings;
  /** Selects the unit's row on the scoring sheet. */
  onSelectUnit?: SelectUnit;
  /** Why selecting a unit's row failed. */
  selectError?: SelectError | null;
}

export default function ResultsSummary({ result, lang, t, onSelectUnit, selectError }: ResultsSummaryProps) {
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
            <li
              key={b.code}
              className={styles.band}
              style={{ background: BAND_FILL[b.code] ?? tokens.colorNeutralBackground3 }}
              data-testid={`band-${b.code}`}
            >
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
          <DemotedTable demoted={demoted} rules={rules} lang={lang} onSelectUnit={onSelectUnit} />
        )}
      </div>
      <RankList
        title={t.resultsTop}
        units={ranked.slice(0, n)}
        lang={lang}
        t={t}
        testId="top"
        onSelectUnit={onSelectUnit}
      />
      <RankList
        title={t.resultsBottom}
        units={ranked.slice(ranked.length - n)}
        lang={lang}
        t={t}
        testId="bottom"
        onSelectUnit={onSelectUnit}
      />
      {selectError?.unit && (
        <MessageBar intent="warning" data-testid="unit-select-error" {...labelled('warning', lang)}>
          <MessageBarBody>
            {fill(messages(lang).pane.unitSelectFailed, { cell: selectError.cell, message: selectError.message })}
          </MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}
