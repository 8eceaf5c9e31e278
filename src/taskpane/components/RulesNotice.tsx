/**
 * Above the "Chấm điểm" and "Báo cáo" tabs: the rules the workbook holds are being read, could
 * not be read, or are invalid (then nothing is scored until a valid rule set is applied); or the
 * workbook holds none, and the user confirms the default or picks a preset before anything is
 * written (issue 16 item 9: no silent default).
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { PRESETS, RULES_SHEET, fill, messages, type Lang } from '../../engine';
import { bandRangeText } from '../format';
import { storedProblems, type RulesInForce } from '../hooks/useRulesInForce';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    whiteSpace: 'normal',
    minWidth: 0,
    paddingBlock: tokens.spacingVerticalS,
  },
  select: { width: '100%', minWidth: 0 },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  bands: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

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
  if (inForce.confirmNeeded) return <ConfirmRules inForce={inForce} lang={lang} />;
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

/** The workbook holds no rules: confirm the default (the first preset) or pick another; nothing is written before. */
function ConfirmRules({ inForce, lang }: { inForce: RulesInForce; lang: Lang }) {
  const styles = useStyles();
  const r = messages(lang).rulesUi;
  const [choice, setChoice] = useState(PRESETS[0].id);
  const chosen = PRESETS.find((p) => p.id === choice) ?? PRESETS[0];
  return (
    <MessageBar
      intent="warning"
      layout="multiline"
      data-testid="rules-notice"
      data-kind="confirm"
      aria-label={r.firstRunTitle}
    >
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{r.firstRunTitle}</MessageBarTitle>
        <span>{r.firstRunText}</span>
        <Field label={r.firstRunPick}>
          <Select
            className={styles.select}
            value={choice}
            onChange={(_, d) => setChoice(d.value)}
            disabled={inForce.confirming}
            data-testid="rules-confirm-preset"
          >
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name[lang]}
              </option>
            ))}
          </Select>
        </Field>
        <ul className={styles.bands} aria-label={chosen.name[lang]} data-testid="rules-confirm-bands">
          {chosen.bands.map((b) => (
            <li key={b.code}>
              {b.label[lang]}: {bandRangeText(b, lang)}
            </li>
          ))}
        </ul>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={() => void inForce.confirm(chosen)}
            disabled={inForce.confirming}
            data-testid="rules-confirm"
          >
            {inForce.confirming ? r.firstRunBusy : r.firstRunConfirm}
          </Button>
          {inForce.confirming && <Spinner size="tiny" aria-label={r.firstRunBusy} />}
        </div>
        {inForce.confirmError && <span role="alert">{fill(r.firstRunFailed, { message: inForce.confirmError })}</span>}
      </MessageBarBody>
    </MessageBar>
  );
}
