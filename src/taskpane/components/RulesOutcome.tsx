/**
 * What "Áp dụng" did: written (rules stored, re-scored, logged); or nothing written because a
 * co-author changed the input or the rules since the preview (re-read and preview again), or
 * because output cells were edited by hand (listed; "Ghi đè" re-runs with overwriteEdited);
 * or the data has errors, or Excel failed.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { fill, type Lang, type RuleSet } from '../../engine';
import type { SafeOutcome } from '../../excel/safe-write';
import { columnSpan } from '../format';
import type { RulesUiStrings } from '../hooks/useRules';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  cells: {
    margin: `${tokens.spacingVerticalXS} 0`,
    paddingInlineStart: tokens.spacingHorizontalL,
    fontVariantNumeric: 'tabular-nums',
  },
  body: { whiteSpace: 'normal' },
});

const CELLS_SHOWN = 20;

export interface RulesOutcomeProps {
  outcome: SafeOutcome;
  applied: RuleSet | null;
  lang: Lang;
  r: RulesUiStrings;
  busy: boolean;
  onReread: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
}

export function RulesOutcome({ outcome, applied, lang, r, busy, onReread, onOverwrite, onCancel }: RulesOutcomeProps) {
  const styles = useStyles();
  const common = { 'data-testid': 'rules-outcome', 'data-status': outcome.status, layout: 'multiline' as const };

  if (outcome.status === 'written') {
    const { inspection } = outcome;
    return (
      <MessageBar intent="success" {...common}>
        <MessageBarBody className={styles.body}>
          {fill(r.applied, {
            name: applied?.name[lang] ?? '',
            count: inspection.result.units.length,
            columns: columnSpan(inspection.outputColumns),
            sheet: inspection.read.sheet,
          })}
        </MessageBarBody>
      </MessageBar>
    );
  }

  if (outcome.status === 'changedSinceRead') {
    return (
      <div className={styles.root}>
        <MessageBar intent="warning" {...common}>
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{r.changedTitle}</MessageBarTitle> {outcome.message}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onReread} disabled={busy} data-testid="rules-reread">
            {r.rerun}
          </Button>
        </div>
      </div>
    );
  }

  if (outcome.status === 'outputEdited') {
    const shown = outcome.cells.slice(0, CELLS_SHOWN);
    const more = outcome.cells.length - shown.length;
    return (
      <div className={styles.root}>
        <MessageBar intent="warning" {...common}>
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{r.editedTitle}</MessageBarTitle> {outcome.message}
            <ul className={styles.cells} aria-label={r.editedCells} data-testid="rules-edited-cells">
              {shown.map((c) => (
                <li key={c}>{c}</li>
              ))}
              {more > 0 && <li>{fill(r.moreCells, { count: more })}</li>}
            </ul>
            {r.overwriteHint}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onOverwrite} disabled={busy} data-testid="rules-overwrite">
            {r.overwrite}
          </Button>
          <Button onClick={onCancel} disabled={busy} data-testid="rules-cancel">
            {r.cancel}
          </Button>
        </div>
      </div>
    );
  }

  // hasErrors, failed, rulesInvalid: the adapter's message says what and that nothing was written.
  return (
    <MessageBar intent="error" {...common}>
      <MessageBarBody className={styles.body}>{outcome.message}</MessageBarBody>
    </MessageBar>
  );
}
