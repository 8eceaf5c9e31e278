/** The last run the workbook records: when, where, and whether it still holds. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { fill, messages, type Lang } from '../../engine';
import type { LastRun } from '../../excel/last-run';
import { columnSpan } from '../format';

/** "02/12/2026 08:15" (local time), as an officer reads a date. */
export function runTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export function LastRunNote({ lastRun, lang }: { lastRun: LastRun; lang: Lang }) {
  const m = messages(lang).pane;
  const text = fill(lastRun.current ? m.lastRunCurrent : m.lastRunStale, {
    time: runTime(lastRun.time),
    columns: columnSpan(lastRun.columns),
  });
  return (
    <MessageBar
      intent={lastRun.current ? 'success' : 'warning'}
      layout="multiline"
      data-testid="last-run"
      data-current={String(lastRun.current)}
    >
      <MessageBarBody>
        <MessageBarTitle>{m.lastRunTitle}</MessageBarTitle> {text}
      </MessageBarBody>
    </MessageBar>
  );
}
