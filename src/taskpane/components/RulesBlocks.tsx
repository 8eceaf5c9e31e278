/**
 * The blocks units are ranked in (wards apart from communes): each with its code, its names, whether
 * its units are ranked, and its own bands when it has them (the same compact table as the rule
 * set's). A unit's block is named in the table's block column.
 */
import { Button, Caption1, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { fill, messages, type Lang } from '../../engine';
import type { RulesDraft, RulesUiStrings } from '../hooks/useRules';
import { withBlock, withNewBlock, withoutBlock, type BlockDraft } from '../hooks/useRulesDraft';
import { RulesBandsTable } from './RulesBandsTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  block: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  add: { alignSelf: 'flex-start' },
});

export interface RulesBlocksProps {
  draft: RulesDraft;
  errors: Record<string, string[]>;
  lang: Lang;
  r: RulesUiStrings;
  disabled: boolean;
  update: (change: (d: RulesDraft) => RulesDraft) => void;
  fields: readonly string[];
}

export function RulesBlocks(props: RulesBlocksProps) {
  const styles = useStyles();
  const { draft, r, disabled, update } = props;
  return (
    <div className={styles.root} data-testid="rules-blocks">
      <Caption1>{draft.blocks.length === 0 ? r.noBlocks : r.blocksHint}</Caption1>
      {draft.blocks.map((b, k) => (
        <BlockEditor key={k} k={k} block={b} {...props} />
      ))}
      <Button
        size="small"
        className={styles.add}
        onClick={() => update(withNewBlock)}
        disabled={disabled}
        data-testid="rules-block-add"
      >
        {r.addBlock}
      </Button>
    </div>
  );
}

function BlockEditor({
  k,
  block,
  draft,
  errors,
  lang,
  r,
  disabled,
  update,
  fields,
}: RulesBlocksProps & { k: number; block: BlockDraft }) {
  const styles = useStyles();
  const ui = messages(lang).ruleSets.ui;
  const name = (lang === 'vi' ? block.labelVi : block.labelEn).trim() || block.code;
  const set = (change: Parameters<typeof withBlock>[2]) => update((d) => withBlock(d, k, change));
  const err = (key: string) => errors[`k${k}.${key}`] ?? [];
  const text = (key: 'code' | 'labelVi' | 'labelEn', label: string, errKey: string) => (
    <Field
      label={label}
      validationState={err(errKey).length > 0 ? 'error' : 'none'}
      validationMessage={err(errKey).join(' ') || undefined}
    >
      <Input
        value={block[key]}
        onChange={(_, d) => set({ [key]: d.value })}
        disabled={disabled}
        data-testid={`rules-k${k}-${key}`}
      />
    </Field>
  );
  return (
    <fieldset className={styles.block} data-testid={`rules-block-${k}`}>
      <legend className={styles.legend}>{fill(r.blockN, { n: k + 1, label: name })}</legend>
      {text('code', ui.blockCode, 'code')}
      {text('labelVi', r.blockLabelVi, 'label')}
      {text('labelEn', r.blockLabelEn, 'label')}
      <Checkbox
        label={ui.blockRanked}
        checked={block.ranked}
        onChange={(_, d) => set({ ranked: !!d.checked })}
        disabled={disabled}
        data-testid={`rules-k${k}-ranked`}
      />
      <Checkbox
        label={ui.blockOwnBands}
        checked={block.bands !== null}
        onChange={(_, d) => set({ ownBands: !!d.checked })}
        disabled={disabled}
        data-testid={`rules-k${k}-own-bands`}
      />
      {block.bands && (
        <div role="group" aria-label={fill(r.blockBands, { block: name })}>
          <RulesBandsTable
            draft={draft}
            block={k}
            errors={errors}
            lang={lang}
            r={r}
            disabled={disabled}
            update={update}
            fields={fields}
          />
        </div>
      )}
      <Button
        size="small"
        onClick={() => update((d) => withoutBlock(d, k))}
        disabled={disabled}
        data-testid={`rules-k${k}-remove`}
      >
        {fill(r.removeBlock, { block: name })}
      </Button>
    </fieldset>
  );
}
