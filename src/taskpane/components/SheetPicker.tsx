/** Which sheet to read, and a re-read: the way forward from every state of the "Chấm điểm" tab. */
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { messages, type Lang } from '../../engine';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: 'end',
  },
  select: { minWidth: 0, flexGrow: 1 },
});

export interface SheetPickerProps {
  lang: Lang;
  sheets: string[];
  /** The sheet the user chose; undefined: found automatically. */
  chosen: string | undefined;
  busy: boolean;
  onChoose: (sheet: string | null) => void;
  onReread: () => void;
}

const AUTO = '';

export function SheetPicker({ lang, sheets, chosen, busy, onChoose, onReread }: SheetPickerProps) {
  const styles = useStyles();
  const m = messages(lang).pane;
  return (
    <div className={styles.root} data-testid="sheet-picker">
      <div className={styles.row}>
        {sheets.length > 0 && (
          <Field label={m.chooseSheet} hint={m.chooseSheetHint} className={styles.select}>
            <Select
              value={chosen ?? AUTO}
              disabled={busy}
              onChange={(_, d) => onChoose(d.value === AUTO ? null : d.value)}
              data-testid="sheet-select"
            >
              <option value={AUTO}>{m.chooseSheetAuto}</option>
              {sheets.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Button size="small" onClick={onReread} disabled={busy} data-testid="reread">
          {m.reread}
        </Button>
      </div>
    </div>
  );
}
