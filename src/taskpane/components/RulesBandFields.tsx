/**
 * One band of the rules editor: its names in both languages, the lower bound ("từ"/"trên") and the
 * upper bound ("đến"/"dưới") in percent, and the field floor; each problem the engine finds shown
 * under the field it names (Fluent Field validation message, aria-invalid, aria-describedby).
 */
import { Caption1, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { fill, type Lang } from '../../engine';
import { bandRangeText } from '../format';
import { readPercent, type BandDraft, type BandField, type RulesUiStrings } from '../hooks/useRules';

const useStyles = makeStyles({
  fieldset: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  bound: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  kind: { flexShrink: 0, width: '84px', marginBlockStart: '26px' },
  grow: { flexGrow: 1, minWidth: 0 },
  range: { color: tokens.colorNeutralForeground2 },
});

export interface RulesBandFieldsProps {
  index: number;
  band: BandDraft;
  errors: Partial<Record<BandField, string[]>> | undefined;
  lang: Lang;
  r: RulesUiStrings;
  disabled: boolean;
  onChange: (index: number, change: Partial<BandDraft>) => void;
}

export function RulesBandFields({ index, band, errors, lang, r, disabled, onChange }: RulesBandFieldsProps) {
  const styles = useStyles();
  const id = useId();
  const legendId = `${id}-legend`;
  const name = (lang === 'vi' ? band.labelVi : band.labelEn).trim() || band.code;
  const set = (change: Partial<BandDraft>) => onChange(index, change);

  const min = readPercent(band.minText);
  const max = readPercent(band.maxText);
  const range =
    min !== null && max !== null && !Number.isNaN(min) && !Number.isNaN(max)
      ? bandRangeText({ code: band.code, label: { vi: band.labelVi, en: band.labelEn }, min: { pct: min, inclusive: band.minInclusive }, max: { pct: max, inclusive: band.maxInclusive }, fieldFloorPct: null }, lang)
      : null;

  /** A Fluent Field around an Input, named by the band's legend and its own label; its problems under it. */
  const field = (key: BandField, label: string, value: string, onValue: (v: string) => void, extra: { hint?: string; inputMode?: 'decimal' } = {}) => {
    const list = errors?.[key] ?? [];
    const labelId = `${id}-${key}-label`;
    return (
      <Field
        className={styles.grow}
        label={{ children: label, id: labelId }}
        hint={extra.hint}
        validationState={list.length > 0 ? 'error' : 'none'}
        validationMessage={list.length > 0 ? list.join(' ') : undefined}
        data-testid={`rules-field-${band.code}-${key}`}
      >
        <Input
          value={value}
          onChange={(_, d) => onValue(d.value)}
          aria-labelledby={`${legendId} ${labelId}`}
          inputMode={extra.inputMode}
          disabled={disabled}
          data-testid={`rules-${band.code}-${key}`}
        />
      </Field>
    );
  };

  return (
    <fieldset className={styles.fieldset} aria-labelledby={legendId} data-testid={`rules-band-${band.code}`}>
      <legend id={legendId} className={styles.legend}>
        {fill(r.band, { n: index + 1, label: name })}
      </legend>
      {range && <Caption1 className={styles.range}>{fill(r.bandRange, { range })}</Caption1>}
      {field('labelVi', r.labelVi, band.labelVi, (v) => set({ labelVi: v }))}
      {field('labelEn', r.labelEn, band.labelEn, (v) => set({ labelEn: v }))}
      <div className={styles.bound}>
        <Select
          className={styles.kind}
          value={band.minInclusive ? 'inclusive' : 'exclusive'}
          onChange={(_, d) => set({ minInclusive: d.value === 'inclusive' })}
          aria-label={`${name}: ${r.lowerKind}`}
          disabled={disabled}
          data-testid={`rules-${band.code}-min-kind`}
        >
          <option value="inclusive">{r.lowerInclusive}</option>
          <option value="exclusive">{r.lowerExclusive}</option>
        </Select>
        {field('min', r.lower, band.minText, (v) => set({ minText: v }), { inputMode: 'decimal' })}
      </div>
      <div className={styles.bound}>
        <Select
          className={styles.kind}
          value={band.maxInclusive ? 'inclusive' : 'exclusive'}
          onChange={(_, d) => set({ maxInclusive: d.value === 'inclusive' })}
          aria-label={`${name}: ${r.upperKind}`}
          disabled={disabled}
          data-testid={`rules-${band.code}-max-kind`}
        >
          <option value="inclusive">{r.upperInclusive}</option>
          <option value="exclusive">{r.upperExclusive}</option>
        </Select>
        {field('max', r.upper, band.maxText, (v) => set({ maxText: v }), { inputMode: 'decimal' })}
      </div>
      {field('floor', r.floor, band.floorText, (v) => set({ floorText: v }), { hint: r.floorHint, inputMode: 'decimal' })}
    </fieldset>
  );
}
