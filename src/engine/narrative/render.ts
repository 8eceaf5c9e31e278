/** Plain-text and Markdown renderings of a narrative, for the CLI's --report writer. Pure strings. */
import type { Narrative, NarrativeParagraph } from './types';

/** The title, then one paragraph per block with a blank line between; list items start with "- ". */
export function narrativeToText(n: Narrative): string {
  const blocks: string[] = [n.title];
  for (const p of n.paragraphs) blocks.push(p.level === 'bullet' ? `- ${p.text}` : p.text);
  return `${blocks.join('\n\n')}\n`;
}

/** Escapes what Markdown would read as inline markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** Also keeps a paragraph that starts like a list item or a heading ("1. …", "- …", "# …") plain text. */
function escapeLineStart(text: string): string {
  return escapeMarkdown(text)
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function markdownBlock(p: NarrativeParagraph): string {
  if (p.level === 'bullet') return `- ${escapeLineStart(p.text)}`;
  if (p.level === 0) return escapeLineStart(p.text);
  return `${'#'.repeat(p.level)} ${escapeMarkdown(p.text)}`;
}

/** "# title", "##"/"###" headings, "- " list items (consecutive items form one list), body paragraphs. */
export function narrativeToMarkdown(n: Narrative): string {
  const out: string[] = [`# ${escapeMarkdown(n.title)}`];
  n.paragraphs.forEach((p, i) => {
    const prev = i > 0 ? n.paragraphs[i - 1] : null;
    out.push(prev && prev.level === 'bullet' && p.level === 'bullet' ? '\n' : '\n\n');
    out.push(markdownBlock(p));
  });
  return `${out.join('')}\n`;
}
