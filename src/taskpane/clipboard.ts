/**
 * "Copy as formatted text": HTML (and the plain text beside it) on the clipboard, for pasting into
 * Word with its headings and fonts. The async Clipboard API where the host allows it; else the
 * selection-and-copy fallback that Office's older web views still honour.
 */
export async function copyHtml(html: string, text: string): Promise<void> {
  const nav = globalThis.navigator as Navigator | undefined;
  if (nav?.clipboard && typeof ClipboardItem !== 'undefined') {
    const item = new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob([text], { type: 'text/plain' }),
    });
    await nav.clipboard.write([item]);
    return;
  }
  const holder = document.createElement('div');
  holder.contentEditable = 'true';
  holder.style.position = 'fixed';
  holder.style.left = '-10000px';
  holder.innerHTML = html;
  document.body.appendChild(holder);
  try {
    const range = document.createRange();
    range.selectNodeContents(holder);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    if (!document.execCommand('copy')) throw new Error('execCommand copy');
    sel?.removeAllRanges();
  } finally {
    holder.remove();
  }
}
