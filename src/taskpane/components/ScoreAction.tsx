/** The primary "Chấm điểm" button, the progress of a run, and what the run did. */
import { Button, Field, MessageBar, MessageBarBody, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { fill, messages, type Lang } from '../../engine';
import type { ScoreOutcome } from '../../excel/workbook';
import type { UiStrings } from '../hooks/useLang';
import type { ProgressState } from '../hooks/useScoring';
import { columnSpan } from '../format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, marginBlockEnd: tokens.spacingVerticalL },
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

export function outcomeText(outcome: ScoreOutcome, lang: Lang, t: UiStrings): string {
  if (outcome.status === 'written') {
    const { inspection } = outcome;
    return fill(t.written, { count: inspection.result.units.length, columns: columnSpan(inspection.outputColumns), sheet: inspection.read.sheet });
  }
  if (outcome.status === 'hasErrors') return fill(messages(lang).excel.hasErrors, { count: outcome.inspection.errors.length });
  return outcome.message;
}

export interface ScoreActionProps {
  t: UiStrings;
  lang: Lang;
  disabled: boolean;
  scoring: boolean;
  progress: ProgressState | null;
  outcome: ScoreOutcome | null;
  onScore: () => void;
}

export function ScoreAction({ t, lang, disabled, scoring, progress, outcome, onScore }: ScoreActionProps) {
  const styles = useStyles();
  const determinate = progress && (progress.step === 'read' || progress.step === 'write') && progress.total > 0;
  return (
    <div className={styles.root}>
      <Button appearance="primary" size="large" disabled={disabled} onClick={onScore} data-testid="score-button">
        {scoring ? t.scoreBusy : t.scoreButton}
      </Button>
      {scoring && progress && (
        <Field validationMessage={stepText(progress, t)} validationState="none" label={t.progressLabel} data-testid="progress">
          <ProgressBar value={determinate ? progress.done / progress.total : undefined} aria-label={t.progressLabel} aria-valuetext={stepText(progress, t)} />
        </Field>
      )}
      <div aria-live="polite">
        {outcome && (
          <MessageBar intent={outcome.status === 'written' ? 'success' : 'error'} data-testid="outcome" data-status={outcome.status}>
            <MessageBarBody>{outcomeText(outcome, lang, t)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
