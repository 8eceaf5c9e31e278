/**
 * The first-run panel (issue 17, item 10): shown until the officer dismisses it, and remembered
 * in the pane's own local storage (per computer and browser profile), never in the workbook, so a
 * shared workbook carries nothing of it. Where storage is refused (private mode, a locked-down
 * host), the panel can still be hidden for the session.
 */
import { useCallback, useState } from 'react';

export const FIRST_RUN_KEY = 'par-index-scorer:first-run-dismissed';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function dismissedBefore(): boolean {
  try {
    return storage()?.getItem(FIRST_RUN_KEY) === '1';
  } catch {
    return false;
  }
}

export interface FirstRun {
  open: boolean;
  dismiss: () => void;
  /** Shows the panel again (from the footer's link). */
  reopen: () => void;
}

export function useFirstRun(): FirstRun {
  const [open, setOpen] = useState(() => !dismissedBefore());
  const dismiss = useCallback(() => {
    setOpen(false);
    try {
      storage()?.setItem(FIRST_RUN_KEY, '1');
    } catch {
      // Hidden for this session only.
    }
  }, []);
  const reopen = useCallback(() => setOpen(true), []);
  return { open, dismiss, reopen };
}
