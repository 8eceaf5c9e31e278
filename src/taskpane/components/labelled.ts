/**
 * A message bar's accessible name (issue 17, item 12). Fluent's MessageBar is a group labelled by
 * its MessageBarTitle's id; a bar without a title would point at nothing. These props name it by
 * its kind instead ("Lỗi", "Cảnh báo", …), so a screen reader says what kind of message follows.
 */
import { messages, type Lang } from '../../engine';

export type Intent = 'error' | 'warning' | 'success' | 'info';

export function labelled(intent: Intent, lang: Lang): { 'aria-label': string; 'aria-labelledby': undefined } {
  const p = messages(lang).pane;
  const words: Record<Intent, string> = {
    error: p.severityError,
    warning: p.severityWarning,
    success: p.severitySuccess,
    info: p.severityInfo,
  };
  return { 'aria-label': words[intent], 'aria-labelledby': undefined };
}
