/**
 * The table as read, editable: a preview (first units, their fields, blocks), the role of every
 * column (ColumnRoles), then the name column, the field columns with max points, optional columns.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Option,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { fill, type ColumnRole, type Lang, type ScoringTable } from '../../engine';
import type { UiStrings } from '../hooks/useLang';
import {
  OPTIONAL_ROLES,
  type ColumnChoice,
  type ColumnRolesModel,
  type MappingEditorModel,
  type OptionalRole,
} from '../hooks/useMappingDraft';
import { ColumnRoles } from './ColumnRoles';
import { TablePreview } from './TablePreview';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  fields: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  fieldRow: {
    display: 'grid',
    gridTemplateColumns: '1fr 6.5em',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBlockEnd: tokens.spacingVerticalXS },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  dropdown: { minWidth: 0, width: '100%' },
  maxInput: { minWidth: 0, width: '100%' },
});

const ROLE_LABEL: Record<OptionalRole, keyof UiStrings> = {
  bonusCol: 'mappingBonus',
  deductionCol: 'mappingDeduction',
  totalCol: 'mappingTotal',
  lastYearIndexCol: 'mappingLastYearIndex',
  lastYearBandCol: 'mappingLastYearBand',
};

function columnLabel(c: ColumnChoice, t: UiStrings): string {
  return fill(t.mappingColumn, { column: c.letter, header: c.header || '–' });
}

export interface MappingEditorProps {
  model: MappingEditorModel;
  t: UiStrings;
  busy: boolean;
  onApply: () => void;
  onReset: () => void;
  /** The role of every column (null for a table whose columns are units: a transposed one). */
  roles?: ColumnRolesModel | null;
  roleLabels?: Record<ColumnRole, string>;
  onConfirmRoles?: () => void;
  /** The table as read, for the preview. */
  table?: ScoringTable;
  lang?: Lang;
}

type Part = Pick<MappingEditorProps, 'model' | 't'>;

function NameColumn({ model, t }: Part) {
  const styles = useStyles();
  const nameChoice = model.columns.find((c) => c.col === model.draft.nameCol);
  return (
    <Field label={t.mappingNameColumn}>
      <Dropdown
        className={styles.dropdown}
        value={nameChoice ? columnLabel(nameChoice, t) : ''}
        selectedOptions={[String(model.draft.nameCol)]}
        onOptionSelect={(_, d) => d.optionValue !== undefined && model.setNameCol(Number(d.optionValue))}
        data-testid="mapping-name"
      >
        {model.columns.map((c) => (
          <Option key={c.col} value={String(c.col)}>
            {columnLabel(c, t)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function FieldColumns({ model, t }: Part) {
  const styles = useStyles();
  const { draft } = model;
  const candidates = model.columns.filter(
    (c) => c.col !== draft.nameCol && !OPTIONAL_ROLES.some((r) => draft[r] === c.col),
  );
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t.mappingFields}</legend>
      <ul className={styles.fields}>
        {candidates.map((c) => {
          const on = draft.fieldCols.includes(c.col);
          const error = on ? model.maxErrors[c.col] : undefined;
          return (
            <li key={c.col} className={styles.fieldRow} data-testid={`mapping-field-${c.letter}`}>
              <Checkbox
                checked={on}
                onChange={(_, d) => model.toggleField(c.col, d.checked === true)}
                label={columnLabel(c, t)}
              />
              <Field validationMessage={error} validationState={error ? 'error' : 'none'}>
                <Input
                  className={styles.maxInput}
                  size="small"
                  inputMode="decimal"
                  aria-label={fill(t.mappingMaxPointsOf, { column: c.letter })}
                  placeholder={t.mappingMaxPoints}
                  disabled={!on}
                  value={on ? (draft.maxText[c.col] ?? '') : ''}
                  onChange={(_, d) => model.setMax(c.col, d.value)}
                />
              </Field>
            </li>
          );
        })}
      </ul>
      {model.problem && (
        <Caption1 role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {model.problem}
        </Caption1>
      )}
    </fieldset>
  );
}

function OptionalColumns({ model, t }: Part) {
  const styles = useStyles();
  const { draft, columns } = model;
  const options = columns.filter((c) => c.col !== draft.nameCol);
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t.mappingOptional}</legend>
      {OPTIONAL_ROLES.map((role) => {
        const col = draft[role];
        const chosen = col === null ? undefined : columns.find((c) => c.col === col);
        return (
          <Field key={role} label={t[ROLE_LABEL[role]] as string}>
            <Dropdown
              className={styles.dropdown}
              value={chosen ? columnLabel(chosen, t) : t.mappingNone}
              selectedOptions={[col === null ? 'none' : String(col)]}
              onOptionSelect={(_, d) =>
                model.setOptional(
                  role,
                  d.optionValue === undefined || d.optionValue === 'none' ? null : Number(d.optionValue),
                )
              }
              data-testid={`mapping-${role}`}
            >
              <Option value="none">{t.mappingNone}</Option>
              {options.map((c) => (
                <Option key={c.col} value={String(c.col)}>
                  {columnLabel(c, t)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
    </fieldset>
  );
}

export default function MappingEditor({
  model,
  t,
  busy,
  onApply,
  onReset,
  roles,
  roleLabels,
  onConfirmRoles,
  table,
  lang,
}: MappingEditorProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid="mapping">
      <Caption1>{t.mappingHint}</Caption1>
      {table && lang && <TablePreview table={table} lang={lang} t={t} />}
      {roles && roleLabels && onConfirmRoles && (
        <ColumnRoles model={roles} roleLabels={roleLabels} t={t} busy={busy} onConfirm={onConfirmRoles} />
      )}
      <NameColumn model={model} t={t} />
      <FieldColumns model={model} t={t} />
      <OptionalColumns model={model} t={t} />
      {model.edited && !model.dirty && <Caption1>{t.mappingEdited}</Caption1>}
      <div className={styles.buttons}>
        <Button size="small" disabled={busy || !model.dirty || model.override === null} onClick={onApply}>
          {t.mappingApply}
        </Button>
        <Button size="small" disabled={busy || (!model.dirty && !model.edited)} onClick={onReset}>
          {t.mappingReset}
        </Button>
      </div>
    </div>
  );
}
