/**
 * The narrative alone, as a file (--report): plain text, Markdown, or a Word document (docx),
 * the last built by src/docx (shared with the task pane's download).
 */
import { narrativeToMarkdown, narrativeToText, type Lang, type Narrative } from '../engine';
import { narrativeDocxBuffer } from '../docx/narrative-docx';
import type { ReportFormat } from './report-options';

export { DOCX_FONT, DOCX_SIZE } from '../docx/narrative-docx';

/** The narrative as a Word document (bytes of the .docx). */
export function narrativeToDocx(n: Narrative, lang: Lang): Promise<Buffer> {
  return narrativeDocxBuffer(n, lang);
}

/** The report file's bytes in the given format. */
export async function reportBytes(n: Narrative, format: ReportFormat, lang: Lang): Promise<Buffer> {
  if (format === 'docx') return narrativeToDocx(n, lang);
  return Buffer.from(format === 'md' ? narrativeToMarkdown(n) : narrativeToText(n), 'utf8');
}
