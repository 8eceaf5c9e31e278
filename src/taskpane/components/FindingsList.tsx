/** Errors and warnings, each a button that selects its cell in the sheet. */
import { Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import { fill, findingMessage, messages, type Finding, type Lang } from '../../engine';
import type { UiStrings } from '../hooks/useLang';
import { Section } from './Section';
import { labelled } from './labelled';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    height: 'auto',
    paddingBlock: tokens.spacingVerticalXS,
    width: '100%',
  },
  cell: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  iconError: {
    color: tokens.colorStatusDangerForeground1,
    marginInlineEnd: tokens.spacingHorizontalXS,
    display: 'inline-flex',
  },
  iconWarning: {
    color: tokens.colorStatusWarningForeground1,
    marginInlineEnd: tokens.spacingHorizontalXS,
    display: 'inline-flex',
  },
  error: {
    borderInlineStartWidth: '3px',
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorStatusDangerBorder1,
    paddingInlineStart: tokens.spacingHorizontalXS,
  },
  warning: {
    borderInlineStartWidth: '3px',
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorStatusWarningBorder1,
    paddingInlineStart: tokens.spacingHorizontalXS,
  },
});

function FindingGroup({
  title,
  findings,
  lang,
  t,
  kind,
  onSelect,
}: {
  title: string;
  findings: Finding[];
  lang: Lang;
  t: UiStrings;
  kind: 'error' | 'warning';
  onSelect: (f: Finding) => void;
}) {
  const styles = useStyles();
  const m = messages(lang).pane;
  if (findings.length === 0) return null;
  return (
    <div className={kind === 'error' ? styles.error : styles.warning}>
      <h3 className={styles.heading}>{title}</h3>
      <ul className={styles.list} aria-label={title} data-testid={`findings-${kind}`}>
        {findings.map((f, i) => (
          <li key={`${f.cell}-${f.code}-${i}`}>
            <Button
              appearance="subtle"
              className={styles.item}
              title={fill(t.findingsGoTo, { cell: f.cell })}
              onClick={() => onSelect(f)}
              data-cell={f.address}
              data-sheet={f.sheet}
            >
              <span>
                <span
                  className={kind === 'error' ? styles.iconError : styles.iconWarning}
                  role="img"
                  aria-label={kind === 'error' ? m.severityError : m.severityWarning}
                >
                  {kind === 'error' ? <ErrorCircle16Filled /> : <Warning16Filled />}
                </span>
                <span className={styles.cell}>{f.cell}</span>
                {findingMessage(f, lang)}
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FindingsListProps {
  errors: Finding[];
  warnings: Finding[];
  lang: Lang;
  t: UiStrings;
  onSelect: (f: Finding) => void;
  selectError: { cell: string; message: string } | null;
}

export function FindingsList({ errors, warnings, lang, t, onSelect, selectError }: FindingsListProps) {
  return (
    <Section title={t.findingsTitle} testId="findings">
      {errors.length === 0 && warnings.length === 0 && <Caption1>{t.findingsNone}</Caption1>}
      <FindingGroup
        title={fill(t.findingsErrors, { count: errors.length })}
        findings={errors}
        lang={lang}
        t={t}
        kind="error"
        onSelect={onSelect}
      />
      <FindingGroup
        title={fill(t.findingsWarnings, { count: warnings.length })}
        findings={warnings}
        lang={lang}
        t={t}
        kind="warning"
        onSelect={onSelect}
      />
      {selectError && (
        <MessageBar intent="warning" {...labelled('warning', lang)}>
          <MessageBarBody>{fill(t.selectFailed, selectError)}</MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}
