/** The primary "Chấm điểm" button, the progress of a run, and what the run did. */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { fill, messages, type Lang } from '../../engine';
import type { SafeOutcome } from '../../excel/safe-write';
import type { UiStrings } from '../hooks/useLang';
import type { ProgressState } from '../hooks/useScoring';
import { columnSpan } from '../format';
import { labelled } from './labelled';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    marginBlockEnd: tokens.spacingVerticalL,
  },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, marginBlockStart: tokens.spacingVerticalS },
});

export function stepText(p: ProgressState, t: UiStrings): string {
  switch (p.step) {
    case 'locate':
      return t.stepLocate;
    case 'read':
      return fill(t.stepRead, { done: p.done, total: p.total });
    case 'score':
      return t.stepScore;
    case 'write':
      return fill(t.stepWrite, { done: p.done, total: p.total });
    default:
      return t.stepDone;
  }
}

export function outcomeText(outcome: SafeOutcome, lang: Lang, t: UiStrings): string {
  if (outcome.status === 'written') {
    const { inspection } = outcome;
    return fill(t.written, {
      count: inspection.result.units.length,
      columns: columnSpan(inspection.outputColumns),
      sheet: inspection.read.sheet,
    });
  }
  if (outcome.status === 'hasErrors')
    return fill(messages(lang).excel.hasErrors, { count: outcome.inspection.errors.length });
  return outcome.message;
}

export interface ScoreActionProps {
  t: UiStrings;
  lang: Lang;
  disabled: boolean;
  scoring: boolean;
  progress: ProgressState | null;
  outcome: SafeOutcome | null;
  onScore: () => void;
  /** Score again, overwriting output cells edited by hand (after the user confirmed). */
  onOverwrite: () => void;
  onDismiss: () => void;
}

const CELLS_SHOWN = 20;

/** A run's outcome as a message bar's kind. */
function outcomeIntent(status: string): 'success' | 'warning' | 'error' {
  if (status === 'written') return 'success';
  return status === 'changedSinceRead' ? 'warning' : 'error';
}

export function ScoreAction({
  t,
  lang,
  disabled,
  scoring,
  progress,
  outcome,
  onScore,
  onOverwrite,
  onDismiss,
}: ScoreActionProps) {
  const styles = useStyles();
  const r = messages(lang).rulesUi;
  const determinate = progress && (progress.step === 'read' || progress.step === 'write') && progress.total > 0;
  return (
    <div className={styles.root}>
      <Button appearance="primary" size="large" disabled={disabled} onClick={onScore} data-testid="score-button">
        {scoring ? t.scoreBusy : t.scoreButton}
      </Button>
      {scoring && progress && (
        <Field
          validationMessage={stepText(progress, t)}
          validationState="none"
          label={t.progressLabel}
          data-testid="progress"
        >
          <ProgressBar
            value={determinate ? progress.done / progress.total : undefined}
            aria-label={t.progressLabel}
            aria-valuetext={stepText(progress, t)}
          />
        </Field>
      )}
      <div aria-live="polite">
        {outcome && outcome.status === 'outputEdited' && (
          <>
            <MessageBar intent="warning" layout="multiline" data-testid="outcome" data-status={outcome.status}>
              <MessageBarBody>
                <MessageBarTitle>{r.editedTitle}</MessageBarTitle> {outcome.message}
                <ul aria-label={r.editedCells} data-testid="edited-cells">
                  {outcome.cells.slice(0, CELLS_SHOWN).map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                  {outcome.cells.length > CELLS_SHOWN && (
                    <li>{fill(r.moreCells, { count: outcome.cells.length - CELLS_SHOWN })}</li>
                  )}
                </ul>
                {r.overwriteHint}
              </MessageBarBody>
            </MessageBar>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={onOverwrite} disabled={scoring} data-testid="overwrite-button">
                {r.overwrite}
              </Button>
              <Button onClick={onDismiss} disabled={scoring}>
                {r.cancel}
              </Button>
            </div>
          </>
        )}
        {outcome && outcome.status !== 'outputEdited' && (
          <MessageBar
            {...labelled(outcomeIntent(outcome.status), lang)}
            intent={outcomeIntent(outcome.status)}
            layout="multiline"
            data-testid="outcome"
            data-status={outcome.status}
          >
            <MessageBarBody>{outcomeText(outcome, lang, t)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
