/**
 * The settings beside the bands: how the index is compared with the bounds (exact, or rounded to
 * N decimals as published: `indexDecimals`), how equal indexes are ranked (RANK.EQ or dense:
 * `rankMethod`), and, when the rule set has them, the components of the index (points, whether the
 * field floors apply to each, converting the appraisal when a unit has no survey).
 */
import { Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { fill, messages, type Lang, type RankMethod, type RuleSet } from '../../engine';
import type { RulesDraft } from '../hooks/useRules';
import type { ComponentsDraft } from '../hooks/useRulesDraft';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  select: { width: '100%', minWidth: 0 },
  group: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold },
});

const DECIMALS = [0, 1, 2, 3, 4];

export interface RulesSettingsProps {
  draft: RulesDraft;
  errors: Record<string, string[]>;
  lang: Lang;
  disabled: boolean;
  update: (change: (d: RulesDraft) => RulesDraft) => void;
}

export function RulesSettings({ draft, errors, lang, disabled, update }: RulesSettingsProps) {
  const styles = useStyles();
  const ui = messages(lang).ruleSets.ui;
  return (
    <div className={styles.root} data-testid="rules-settings">
      <Field label={ui.indexDecimals}>
        <Select
          className={styles.select}
          value={draft.indexDecimals === null ? 'exact' : String(draft.indexDecimals)}
          onChange={(_, d) => update((x) => ({ ...x, indexDecimals: d.value === 'exact' ? null : Number(d.value) }))}
          disabled={disabled}
          data-testid="rules-index-decimals"
        >
          <option value="exact">{ui.indexExact}</option>
          {DECIMALS.map((n) => (
            <option key={n} value={String(n)}>
              {fill(ui.indexRounded, { n })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={ui.rankMethod}>
        <Select
          className={styles.select}
          value={draft.rankMethod}
          onChange={(_, d) => update((x) => ({ ...x, rankMethod: d.value as RankMethod }))}
          disabled={disabled}
          data-testid="rules-rank-method"
        >
          <option value="rankEq">{ui.rankEq}</option>
          <option value="dense">{ui.dense}</option>
        </Select>
      </Field>
      {draft.components && (
        <RulesComponents
          components={draft.components}
          origin={draft.origin}
          errors={errors}
          lang={lang}
          disabled={disabled}
          update={update}
        />
      )}
    </div>
  );
}

interface ComponentsProps {
  components: ComponentsDraft;
  /** The rule set the form was loaded with: the components' own names. */
  origin: RuleSet;
  errors: Record<string, string[]>;
  lang: Lang;
  disabled: boolean;
  update: (change: (d: RulesDraft) => RulesDraft) => void;
}

/** The components of the index: appraisal and survey, each with its points and whether the field floors apply. */
function RulesComponents({ components, origin, errors, lang, disabled, update }: ComponentsProps) {
  const styles = useStyles();
  const m = messages(lang).ruleSets;
  const set = (c: Partial<ComponentsDraft>) =>
    update((x) => (x.components ? { ...x, components: { ...x.components, ...c } } : x));
  const part = (key: 'appraisal' | 'survey') => {
    const err = errors[`components.${key}.points`] ?? [];
    const text = key === 'appraisal' ? components.appraisalText : components.surveyText;
    const floor = key === 'appraisal' ? components.appraisalFloor : components.surveyFloor;
    return (
      <fieldset className={styles.group} data-testid={`rules-component-${key}`}>
        <legend className={styles.legend}>{origin.components?.[key].label[lang] || m.components[key]}</legend>
        <Field
          label={m.ui.componentPoints}
          validationState={err.length > 0 ? 'error' : 'none'}
          validationMessage={err.join(' ') || undefined}
        >
          <Input
            inputMode="decimal"
            value={text}
            onChange={(_, d) => set(key === 'appraisal' ? { appraisalText: d.value } : { surveyText: d.value })}
            disabled={disabled}
            data-testid={`rules-component-${key}-points`}
          />
        </Field>
        <Checkbox
          label={m.ui.componentFloor}
          checked={floor}
          onChange={(_, d) => set(key === 'appraisal' ? { appraisalFloor: !!d.checked } : { surveyFloor: !!d.checked })}
          disabled={disabled}
          data-testid={`rules-component-${key}-floor`}
        />
      </fieldset>
    );
  };
  return (
    <fieldset className={styles.group} data-testid="rules-components">
      <legend className={styles.legend}>{m.ui.components}</legend>
      {part('appraisal')}
      {part('survey')}
      <Checkbox
        label={m.ui.convertWithoutSurvey}
        checked={components.convertWithoutSurvey}
        onChange={(_, d) => set({ convertWithoutSurvey: !!d.checked })}
        disabled={disabled}
        data-testid="rules-convert-without-survey"
      />
    </fieldset>
  );
}
