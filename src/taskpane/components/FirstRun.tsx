/**
 * First run and trust (issue 17, item 10): what table the add-in needs, the sample workbook, the
 * user guide; dismissable (remembered by the pane, not the workbook). The footer shows the version.
 */
import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { fill, messages, type Lang } from '../../engine';
import type { FirstRun } from '../hooks/useFirstRun';
import { appVersion } from '../version';

/** Served beside taskpane.html (webpack copies them): the guide and the sample workbook. */
export const HELP_URL = 'help.html';
export const SAMPLE_URL = 'assets/chi-so-cchc-2021-tu-ky.xlsx';

const useStyles = makeStyles({
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    marginBlockStart: tokens.spacingVerticalXS,
  },
  footer: {
    marginBlockStart: 'auto',
    paddingBlockStart: tokens.spacingVerticalM,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground3,
  },
});

export function FirstRunPanel({ lang, firstRun }: { lang: Lang; firstRun: FirstRun }) {
  const styles = useStyles();
  const p = messages(lang).pane;
  if (!firstRun.open) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="first-run">
      <MessageBarBody>
        <MessageBarTitle>{p.firstRunTitle}</MessageBarTitle> {p.firstRunTable}
        <span className={styles.links}>
          <Link href={SAMPLE_URL} download data-testid="first-run-sample">
            {p.firstRunSample}
          </Link>
          <Link href={HELP_URL} target="_blank" rel="noopener" data-testid="first-run-help">
            {p.firstRunHelp}
          </Link>
        </span>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={firstRun.dismiss} data-testid="first-run-dismiss">
          {p.firstRunDismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function PaneFooter({ lang, firstRun }: { lang: Lang; firstRun: FirstRun }) {
  const styles = useStyles();
  const p = messages(lang).pane;
  return (
    <footer className={styles.footer}>
      <Caption1 data-testid="app-version">{fill(p.version, { version: appVersion() })}</Caption1>
      <Link href={HELP_URL} target="_blank" rel="noopener">
        <Caption1>{p.firstRunHelp}</Caption1>
      </Link>
      {!firstRun.open && (
        <Link as="button" onClick={firstRun.reopen} data-testid="first-run-reopen">
          <Caption1>{p.firstRunShow}</Caption1>
        </Link>
      )}
    </footer>
  );
}
