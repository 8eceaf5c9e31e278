/**
 * The role of every column of the table (issue 15 item 9), in an officer's words: "Cột C —
 * “Tên đơn vị”", its role chosen from a list ("Vai trò của cột C"). Uncertain columns are marked;
 * confirming reads the table again with the roles chosen (stored in the workbook with the run).
 */
import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  Field,
  Option,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { fill, type ColumnRole, type ColumnRoleRow, type Lang, type ScoringTable } from '../../engine';
import type { UiStrings } from '../hooks/useLang';
import type { ColumnRolesModel } from '../hooks/useMappingDraft';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  dropdown: { minWidth: 0, width: '100%' },
  label: { overflowWrap: 'anywhere' },
});

export interface ColumnRolesProps {
  model: ColumnRolesModel;
  /** Each role in the user's words (messages.columns.roles). */
  roleLabels: Record<ColumnRole, string>;
  t: UiStrings;
  busy: boolean;
  onConfirm: () => void;
}

function RoleItem({
  row,
  model,
  roleLabels,
  t,
}: {
  row: ColumnRoleRow;
  model: ColumnRolesModel;
  roleLabels: Record<ColumnRole, string>;
  t: UiStrings;
}) {
  const styles = useStyles();
  const role = model.roleOf(row.col);
  const label = (
    <span className={styles.label}>
      {t.rolesColumn} {row.letter} — “{row.header || '–'}”{' '}
      {row.uncertain && (
        <Badge size="small" color="warning">
          {t.rolesUnsure}
        </Badge>
      )}
    </span>
  );
  return (
    <li data-testid={`role-${row.letter}`}>
      <Field label={label}>
        <Dropdown
          className={styles.dropdown}
          size="small"
          aria-label={fill(t.rolesRoleOf, { column: row.letter })}
          value={roleLabels[role]}
          selectedOptions={[role]}
          onOptionSelect={(_, d) => d.optionValue !== undefined && model.setRole(row.col, d.optionValue as ColumnRole)}
        >
          {row.choices.map((c) => (
            <Option key={c} value={c}>
              {roleLabels[c]}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </li>
  );
}

export function ColumnRoles({ model, roleLabels, t, busy, onConfirm }: ColumnRolesProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} data-testid="column-roles" aria-label={t.rolesTitle}>
      <Subtitle2 as="h3">{t.rolesTitle}</Subtitle2>
      <Caption1 role={model.uncertainCount > 0 ? 'alert' : undefined}>
        {model.uncertainCount > 0 ? fill(t.rolesUncertain, { count: model.uncertainCount }) : t.rolesHint}
      </Caption1>
      <ul className={styles.list}>
        {model.rows.map((row) => (
          <RoleItem key={row.col} row={row} model={model} roleLabels={roleLabels} t={t} />
        ))}
      </ul>
      <div>
        <Button
          size="small"
          appearance={model.uncertainCount > 0 ? 'primary' : 'secondary'}
          disabled={busy || !model.dirty}
          onClick={onConfirm}
        >
          {t.rolesApply}
        </Button>
      </div>
    </section>
  );
}

/** What the mapping editor (and the uncertain table's list) need to show the roles and the preview. */
export interface RoleEditorProps {
  roles: ColumnRolesModel | null;
  roleLabels: Record<ColumnRole, string>;
  onConfirmRoles: () => void;
  table?: ScoringTable;
  lang: Lang;
}

/** The role list shown when the columns are uncertain (nothing was read: no mapping editor yet). */
export function UncertainRoles({
  roles,
  roleLabels,
  onConfirmRoles,
  t,
  busy,
  show,
}: RoleEditorProps & { t: UiStrings; busy: boolean; show: boolean }) {
  return show && roles ? (
    <ColumnRoles model={roles} roleLabels={roleLabels} t={t} busy={busy} onConfirm={onConfirmRoles} />
  ) : null;
}
