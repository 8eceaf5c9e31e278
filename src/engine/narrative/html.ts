/**
 * The narrative as HTML for the clipboard ("copy as formatted text"): pasted into Word it keeps
 * its headings, list items and the administrative look (Times New Roman 13 pt, justified body,
 * first-line indent), as Decree 30/2020 sets for official documents. Pure strings, escaped.
 */
import type { Narrative, NarrativeParagraph } from './types';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

// Single quotes inside: the style sits in a double-quoted attribute.
const BODY = "font-family:'Times New Roman',serif;font-size:13pt;line-height:1.3;";

function block(p: NarrativeParagraph, rank: Map<number, number>): string {
  const text = escapeHtml(p.text);
  if (p.level === 'bullet') return `<p style="${BODY}text-align:justify;text-indent:1cm;margin:0 0 6pt">- ${text}</p>`;
  if (p.level === 0) return `<p style="${BODY}text-align:justify;text-indent:1cm;margin:0 0 6pt">${text}</p>`;
  const tag = `h${Math.min(6, 2 + (rank.get(p.level) ?? 0))}`;
  return `<${tag} style="${BODY}font-weight:bold;margin:6pt 0">${text}</${tag}>`;
}

/** A fragment: the title as h1, the heading levels used as h2, h3, … (none skipped), body and list paragraphs as p. */
export function narrativeToHtml(n: Narrative, lang: string): string {
  const levels = [
    ...new Set(n.paragraphs.map((p) => p.level).filter((l): l is 1 | 2 | 3 => typeof l === 'number' && l > 0)),
  ].sort();
  const rank = new Map(levels.map((l, i) => [l as number, i]));
  const parts = [
    `<div lang="${escapeHtml(lang)}">`,
    `<h1 style="${BODY}font-weight:bold;text-align:center;margin:0 0 6pt">${escapeHtml(n.title)}</h1>`,
  ];
  for (const p of n.paragraphs) parts.push(block(p, rank));
  parts.push('</div>');
  return parts.join('\n');
}
