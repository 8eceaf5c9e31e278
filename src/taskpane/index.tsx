/**
 * Entry of the task pane: waits for Office, then renders the App with Excel.run and the language
 * of Office's display (English → en, anything else → Vietnamese).
 *
 * Theme: Fluent UI v9 has no separate "Office" theme; webLightTheme is the Fluent 2 web theme
 * Office's own web surfaces use, so the pane matches Excel's look.
 */
import { createRoot } from 'react-dom/client';
import type { ExcelRun } from '../excel/workbook';
import { App } from './App';
import { langFromDisplayLanguage } from './hooks/useLang';

const run: ExcelRun = (batch) => Excel.run(batch);

Office.onReady(() => {
  const container = document.getElementById('container');
  if (!container) return;
  const lang = langFromDisplayLanguage(Office.context?.displayLanguage);
  createRoot(container).render(<App run={run} lang={lang} />);
});
