/**
 * "Tải về .docx": a file saved from the pane through a Blob and an anchor's download, where the
 * host lets the pane do so. Office on the web and on Windows (WebView2) save it; Office on Mac and
 * iPad (WKWebView) and on Android ignore an anchor download, so there the pane offers only "copy
 * for Word" (clipboard.ts).
 */

/** Whether the host lets the pane save a file (Office.context.platform, and the browser's own support). */
export function canDownload(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const platform = String(office?.context?.platform ?? '');
  if (platform === 'Mac' || platform === 'iOS' || platform === 'Android') return false;
  if (typeof document === 'undefined' || typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function')
    return false;
  return 'download' in document.createElement('a');
}

/** Saves `blob` as `fileName` through a temporary anchor; the object URL is released afterwards. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Released after the click has handed the file over (an immediate revoke cancels it in some browsers).
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  }
}
