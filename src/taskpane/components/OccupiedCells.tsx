/** Output cells already in use, found before the click: every one listed and clickable, and the way out (write further right). */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { fill, messages, type Lang } from '../../engine';
import type { Inspection } from '../../excel/workbook';
import { columnSpan } from '../format';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: `${tokens.spacingVerticalXS} 0`,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
  },
});

/** Four column letters from the first (the block's columns). */
function blockColumns(first: string): string[] {
  const n = [...first].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const letter = (i: number): string =>
    i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));
  return [0, 1, 2, 3].map((k) => letter(n + k));
}

export interface OccupiedCellsProps {
  inspection: Inspection;
  lang: Lang;
  busy: boolean;
  onSelect: (address: string) => void;
  onWriteRight: () => void;
}

export function OccupiedCells({ inspection, lang, busy, onSelect, onWriteRight }: OccupiedCellsProps) {
  const styles = useStyles();
  const m = messages(lang).pane;
  const { occupied, freeColumn, outputColumns } = inspection;
  if (occupied.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="occupied">
      <MessageBarBody>
        <MessageBarTitle>{m.occupiedTitle}</MessageBarTitle>{' '}
        {fill(m.occupiedText, { count: occupied.length, columns: columnSpan(outputColumns) })}
        <ul className={styles.list} aria-label={m.occupiedTitle}>
          {occupied.map((cell) => (
            <li key={cell}>
              <Button
                size="small"
                appearance="subtle"
                title={fill(m.occupiedGoTo, { cell })}
                onClick={() => onSelect(cell)}
                data-cell={cell}
              >
                {cell}
              </Button>
            </li>
          ))}
        </ul>
        {freeColumn && (
          <Button size="small" disabled={busy} onClick={onWriteRight} data-testid="write-right">
            {fill(m.occupiedWriteRight, { columns: columnSpan(blockColumns(freeColumn)) })}
          </Button>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
