/**
 * Above the "Chấm điểm" and "Báo cáo" tabs: the rules the workbook holds are being read, could
 * not be read, or are invalid (then nothing is scored until a valid rule set is applied).
 */
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { RULES_SHEET, fill, messages, type Lang } from '../../engine';
import { storedProblems, type RulesInForce } from '../hooks/useRulesInForce';

export function RulesNotice({ inForce, lang }: { inForce: RulesInForce; lang: Lang }) {
  const r = messages(lang).rulesUi;
  if (inForce.error) {
    return (
      <MessageBar intent="error" data-testid="rules-notice" data-kind="error">
        <MessageBarBody>
          {fill(r.readFailed, { message: inForce.error })}{' '}
          <Button size="small" onClick={() => void inForce.reload()}>
            {r.retry}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!inForce.stored) return <Spinner size="tiny" label={r.reading} data-testid="rules-notice" data-kind="reading" />;
  const problems = storedProblems(inForce.stored, lang);
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="rules-notice" data-kind="invalid">
      <MessageBarBody>
        {fill(messages(lang).review.storeInvalid, { sheet: RULES_SHEET })} {problems.join('; ')}. {r.storeInvalidHint}
      </MessageBarBody>
    </MessageBar>
  );
}
