/**
 * The rest of one band, opened under its row: its names in both languages, whether each bound
 * counts its own value ("từ"/"trên", "đến"/"dưới"), and the floors of single fields (a field named
 * here takes its own floor instead of the band's; an empty floor frees it).
 */
import { Button, Caption1, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { fill, messages, type Lang } from '../../engine';
import { bandRangeText } from '../format';
import {
  bandKey,
  readPercent,
  type BandDraft,
  type BandPlace,
  type FloorDraft,
  type RulesUiStrings,
} from '../hooks/useRules';
import { bandTestId } from './RulesBandsTable';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  kinds: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  kind: { minWidth: 0, flexGrow: 1, flexBasis: '120px' },
  floor: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 64px auto',
    columnGap: tokens.spacingHorizontalXS,
    alignItems: 'end',
  },
  input: { width: '100%', minWidth: 0 },
  native: { minWidth: 0, width: '100%' },
});

export interface RulesBandDetailsProps {
  place: BandPlace;
  band: BandDraft;
  name: string;
  errors: Record<string, string[]>;
  lang: Lang;
  r: RulesUiStrings;
  disabled: boolean;
  set: (change: Partial<BandDraft>) => void;
  fields: readonly string[];
}

/** A band's range in words from the draft ("từ 80% đến dưới 90%"), or null while a bound is unreadable. */
function rangeOf(band: BandDraft, lang: Lang): string | null {
  const min = readPercent(band.minText);
  const max = readPercent(band.maxText);
  if (min === null || max === null || Number.isNaN(min) || Number.isNaN(max)) return null;
  return bandRangeText(
    {
      code: band.code,
      label: { vi: band.labelVi, en: band.labelEn },
      min: { pct: min, inclusive: band.minInclusive },
      max: { pct: max, inclusive: band.maxInclusive },
      fieldFloorPct: null,
    },
    lang,
  );
}

export function RulesBandDetails({ place, band, name, errors, lang, r, disabled, set, fields }: RulesBandDetailsProps) {
  const styles = useStyles();
  const range = rangeOf(band, lang);
  const tid = (key: string) => bandTestId(place.block, band.code, key);
  const err = (key: string) => errors[bandKey(place, key)] ?? [];
  const text = (key: 'labelVi' | 'labelEn', label: string) => (
    <Field
      label={label}
      validationState={err(key).length > 0 ? 'error' : 'none'}
      validationMessage={err(key).join(' ') || undefined}
    >
      <Input
        value={band[key]}
        onChange={(_, d) => set({ [key]: d.value })}
        disabled={disabled}
        data-testid={tid(key)}
      />
    </Field>
  );
  return (
    <div className={styles.root} data-testid={tid('detail')}>
      {range && <Caption1>{fill(r.bandRange, { range })}</Caption1>}
      {text('labelVi', r.labelVi)}
      {text('labelEn', r.labelEn)}
      <div className={styles.kinds}>
        <Field className={styles.kind} label={r.lowerKind}>
          <Select
            value={band.minInclusive ? 'inclusive' : 'exclusive'}
            onChange={(_, d) => set({ minInclusive: d.value === 'inclusive' })}
            aria-label={`${name}: ${r.lowerKind}`}
            disabled={disabled}
            data-testid={tid('min-kind')}
          >
            <option value="inclusive">{r.lowerInclusive}</option>
            <option value="exclusive">{r.lowerExclusive}</option>
          </Select>
        </Field>
        <Field className={styles.kind} label={r.upperKind}>
          <Select
            value={band.maxInclusive ? 'inclusive' : 'exclusive'}
            onChange={(_, d) => set({ maxInclusive: d.value === 'inclusive' })}
            aria-label={`${name}: ${r.upperKind}`}
            disabled={disabled}
            data-testid={tid('max-kind')}
          >
            <option value="inclusive">{r.upperInclusive}</option>
            <option value="exclusive">{r.upperExclusive}</option>
          </Select>
        </Field>
      </div>
      <FieldFloors
        place={place}
        band={band}
        name={name}
        errors={errors}
        lang={lang}
        r={r}
        disabled={disabled}
        set={set}
        fields={fields}
      />
    </div>
  );
}

/** The floors of single fields in a band: field, floor, remove; and "add". */
function FieldFloors({ place, band, name, errors, lang, disabled, set, fields }: RulesBandDetailsProps) {
  const styles = useStyles();
  const ui = messages(lang).ruleSets.ui;
  const r = messages(lang).rulesUi;
  const id = useId();
  const list = `${id}-fields`;
  const tid = (key: string) => bandTestId(place.block, band.code, key);
  const err = (key: string) => errors[bandKey(place, key)] ?? [];
  const change = (j: number, c: Partial<FloorDraft>) =>
    set({ fieldFloors: band.fieldFloors.map((f, i) => (i === j ? { ...f, ...c } : f)) });
  return (
    <div role="group" aria-label={`${name}: ${ui.fieldFloors}`} data-testid={tid('field-floors')}>
      <Caption1 block>{ui.fieldFloors}</Caption1>
      <Caption1 block>{r.fieldFloorsHint}</Caption1>
      <datalist id={list}>
        {fields.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      {band.fieldFloors.map((f, j) => (
        <div key={j} className={styles.floor}>
          <Field
            label={ui.fieldFloorField}
            validationState={err(`ff${j}.field`).length > 0 ? 'error' : 'none'}
            validationMessage={err(`ff${j}.field`).join(' ') || undefined}
          >
            <Input
              className={styles.input}
              input={{ className: styles.native, list }}
              value={f.field}
              onChange={(_, d) => change(j, { field: d.value })}
              disabled={disabled}
              data-testid={tid(`ff${j}-field`)}
            />
          </Field>
          <Field
            label={ui.fieldFloorPct}
            validationState={err(`ff${j}.pct`).length > 0 ? 'error' : 'none'}
            validationMessage={err(`ff${j}.pct`).join(' ') || undefined}
          >
            <Input
              className={styles.input}
              input={{ className: styles.native }}
              inputMode="decimal"
              value={f.pctText}
              onChange={(_, d) => change(j, { pctText: d.value })}
              disabled={disabled}
              data-testid={tid(`ff${j}-pct`)}
            />
          </Field>
          <Button
            size="small"
            onClick={() => set({ fieldFloors: band.fieldFloors.filter((_, i) => i !== j) })}
            aria-label={fill(r.removeFieldFloor, { field: f.field })}
            disabled={disabled}
          >
            ✕
          </Button>
        </div>
      ))}
      <Button
        size="small"
        onClick={() => set({ fieldFloors: [...band.fieldFloors, { field: '', pctText: '' }] })}
        disabled={disabled}
        data-testid={tid('ff-add')}
      >
        {ui.addFieldFloor}
      </Button>
    </div>
  );
}
