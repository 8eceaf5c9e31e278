/** What the adapter found, shown before anything is written. */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { fill, messages, readingNotes, type Lang } from '../../engine';
import type { Inspection } from '../../excel/workbook';
import type { UiStrings } from '../hooks/useLang';
import { columnSpan } from '../format';
import { Section } from './Section';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

export function sourceText(inspection: Inspection, lang: Lang): string {
  const m = messages(lang).excel;
  const s = inspection.read.source;
  if (s.kind === 'selection') return fill(m.sourceSelection, { address: s.address });
  if (s.kind === 'table') return fill(m.sourceTable, { name: s.name });
  return m.sourceSheet;
}

export interface FoundPanelProps {
  inspection: Inspection;
  lang: Lang;
  t: UiStrings;
  busy: boolean;
  written: boolean;
  onRefresh: () => void;
  /** The sheet picker, where the workbook has more than one sheet (it carries its own re-read). */
  children?: ReactNode;
}

/** What the panel lists; a transposed table (read turned) shows its own header row, and the rest is told by its reading note. */
function foundItems(inspection: Inspection, lang: Lang, t: UiStrings): [string, string, string][] {
  const { read, layout } = inspection;
  const row = (r: number) => read.origin.row + r;
  const units = layout.endRow - layout.firstUnitRow;
  const turned = layout.transposed;
  return [
    ['sheet', t.foundSheet, read.sheet],
    ['source', t.foundSource, sourceText(inspection, lang)],
    ['header-row', t.foundHeaderRow, String(row(turned ? turned.headerRow : layout.headerRow))],
    ['max-row', t.foundMaxRow, turned ? '–' : String(row(layout.maxRow))],
    [
      'unit-rows',
      t.foundUnitRows,
      units > 0 && !turned
        ? fill(t.foundUnitRowsValue, { first: row(layout.firstUnitRow), last: row(layout.endRow - 1) })
        : '–',
    ],
    ['unit-count', t.foundUnitCount, String(units)],
    ['field-count', t.foundFieldCount, String(layout.fieldCols.length)],
    ['output-columns', t.foundOutputColumns, turned ? '–' : columnSpan(inspection.outputColumns)],
  ];
}

export function FoundPanel({ inspection, lang, t, busy, written, onRefresh, children }: FoundPanelProps) {
  const styles = useStyles();
  const items = foundItems(inspection, lang, t);
  return (
    <Section title={t.foundTitle} testId="found">
      <dl className={styles.list}>
        {items.map(([key, term, value]) => (
          <div key={key} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value} data-testid={`found-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {readingNotes(inspection.result.table, lang).map((note) => (
        <Caption1 key={note} data-testid="reading-note">
          {note}
        </Caption1>
      ))}
      {!written && <Caption1>{t.foundNothingWritten}</Caption1>}
      {children ?? (
        <div>
          <Button size="small" onClick={onRefresh} disabled={busy} data-testid="reread">
            {t.refresh}
          </Button>
        </div>
      )}
    </Section>
  );
}
