/** A small preview of the table as read (issue 15 item 9): the first units, their block, their points per field. */
import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { fill, formatPoints, tablePreview, type Lang, type ScoringTable } from '../../engine';
import type { UiStrings } from '../hooks/useLang';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  points: { display: 'block', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
});

export function TablePreview({ table, lang, t }: { table: ScoringTable; lang: Lang; t: UiStrings }) {
  const styles = useStyles();
  const preview = tablePreview(table);
  return (
    <section className={styles.root} data-testid="table-preview" aria-label={t.previewTitle}>
      <Subtitle2 as="h3">{t.previewTitle}</Subtitle2>
      <ol className={styles.list}>
        {preview.units.map((u) => (
          <li key={u.name} data-testid="preview-unit">
            <strong>{u.name}</strong>
            {u.block && ` (${t.previewBlock}: ${u.block})`}
            <span className={styles.points}>
              {preview.fields
                .map((f, i) => `${f}: ${u.points[i] === null ? '–' : formatPoints(u.points[i] as number, lang)}`)
                .join('; ')}
            </span>
          </li>
        ))}
      </ol>
      {preview.more > 0 && <Caption1>{fill(t.previewMore, { count: preview.more })}</Caption1>}
    </section>
  );
}
