/**
 * The decision that names an amended rule set ("Quyết định số …/QĐ-UBND ngày … của UBND …"): its
 * number, date and issuer. While the draft differs from every known set and carries no decision
 * of its own, "Áp dụng" is blocked and the reason is shown here; once named, the name the report
 * will cite is shown.
 */
import { Caption1, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { fill, messages, type Lang, type RuleSet } from '../../engine';
import type { RulesDraft, RulesUiStrings } from '../hooks/useRules';
import type { DecisionDraft } from '../hooks/useRulesDraft';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
});

export interface RulesDecisionProps {
  draft: RulesDraft;
  errors: Record<string, string[]>;
  lang: Lang;
  r: RulesUiStrings;
  disabled: boolean;
  update: (change: (d: RulesDraft) => RulesDraft) => void;
  /** The draft still needs its decision (Apply blocked). */
  needed: boolean;
  /** The rule set Apply would write (its name is what the report cites), or null while the draft has problems. */
  candidate: RuleSet | null;
}

export function RulesDecision({ draft, errors, lang, r, disabled, update, needed, candidate }: RulesDecisionProps) {
  const styles = useStyles();
  const ui = messages(lang).ruleSets.ui;
  const d = draft.decision;
  const set = (c: Partial<DecisionDraft>) => update((x) => ({ ...x, decision: { ...x.decision, ...c } }));
  const field = (key: keyof DecisionDraft, label: string, type: 'text' | 'date' = 'text') => {
    const err = errors[`decision.${key}`] ?? [];
    return (
      <Field
        label={label}
        validationState={err.length > 0 ? 'error' : 'none'}
        validationMessage={err.join(' ') || undefined}
      >
        <Input
          type={type}
          value={d[key]}
          onChange={(_, v) => set({ [key]: v.value })}
          disabled={disabled}
          data-testid={`rules-decision-${key}`}
        />
      </Field>
    );
  };
  return (
    <div className={styles.root} data-testid="rules-decision" data-needed={needed}>
      {needed && (
        <MessageBar intent="warning" layout="multiline" data-testid="rules-decision-needed">
          <MessageBarBody>{fill(r.decisionNeeded, { reason: ui.needsDecision })}</MessageBarBody>
        </MessageBar>
      )}
      {field('number', ui.decisionNumber)}
      {field('date', ui.decisionDate, 'date')}
      {field('issuerVi', ui.decisionIssuerVi)}
      {field('issuerEn', ui.decisionIssuerEn)}
      {!needed && candidate && (
        <Caption1 data-testid="rules-decision-name">{fill(r.decisionHint, { name: candidate.name[lang] })}</Caption1>
      )}
    </div>
  );
}
