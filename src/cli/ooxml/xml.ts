/**
 * The little XML the xlsx reader and writer need: text and attribute escaping, entity decoding
 * (the five named entities, decimal and hex character references, and OOXML's `_xHHHH_` escapes
 * for characters XML cannot carry), and reading one attribute off a start tag. SpreadsheetML
 * parts are machine-written, so a start tag is scanned as text, never parsed into a tree.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entity and character references resolved. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/**
 * A SpreadsheetML string's text: entities resolved, then `_xHHHH_` (a UTF-16 code unit XML cannot
 * hold, e.g. `_x000D_` for a carriage return) resolved; `_x005F_` escapes a literal underscore.
 */
export function decodeOoxmlText(text: string): string {
  const decoded = decodeEntities(text);
  if (decoded.indexOf('_x') < 0) return decoded;
  return decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Characters element content cannot carry as they are: control characters other than tab and
 * newline (a carriage return would be read back as a newline), and the non-characters.
 */
// eslint-disable-next-line no-control-regex
const UNREPRESENTABLE = /[\u0000-\u0008\u000B-\u000D\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Text for an element's content: `&`, `<`, `>` escaped, a literal `_xHHHH_` protected as
 * `_x005F_xHHHH_`, and characters XML cannot hold written as `_xHHHH_` (how Excel writes them).
 */
/** Anything escapeText would change: most texts have none of it and are returned as they are. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>_\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/;

export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = text;
  if (/_x[0-9A-Fa-f]{4}_/.test(out)) out = out.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  out = out.replace(UNREPRESENTABLE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return out.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

/** Text for an attribute value in double quotes. */
export function escapeAttr(text: string): string {
  return text
    .replace(UNREPRESENTABLE, (ch) => (ch === '\r' ? ch : ''))
    .replace(
      /[&<>"\n\r\t]/g,
      (ch) =>
        ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[
          ch
        ] as string,
    );
}

/**
 * One attribute of a start tag (`<c r="B7" s="3">`), decoded, or null when the tag has none.
 * `name` may carry a prefix (`r:id`). Matches whole attribute names only.
 */
export function attr(tag: string, name: string): string | null {
  const at = findAttr(tag, name);
  if (at < 0) return null;
  const quote = tag[at + name.length + 1];
  const end = tag.indexOf(quote, at + name.length + 2);
  return end < 0 ? null : decodeEntities(tag.slice(at + name.length + 2, end));
}

function findAttr(tag: string, name: string): number {
  const needle = `${name}=`;
  let from = 0;
  for (;;) {
    const i = tag.indexOf(needle, from);
    if (i < 0) return -1;
    const before = tag.charCodeAt(i - 1);
    // A whole name: preceded by whitespace (not `sheetId` when asking for `Id`, not `r:id` for `id`).
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      const q = tag[i + needle.length];
      if (q === '"' || q === "'") return i;
    }
    from = i + needle.length;
  }
}

/** The start tag with one attribute set (replaced, or added before the tag's end). */
export function setAttr(tag: string, name: string, value: string): string {
  const at = findAttr(tag, name);
  const text = `${name}="${escapeAttr(value)}"`;
  if (at >= 0) {
    const quote = tag[at + name.length + 1];
    const end = tag.indexOf(quote, at + name.length + 2);
    return tag.slice(0, at) + text + tag.slice(end + 1);
  }
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close).replace(/\s+$/, '')} ${text}${tag.slice(close)}`;
}

/** The start tag without one attribute. */
export function removeAttr(tag: string, name: string): string {
  const at = findAttr(tag, name);
  if (at < 0) return tag;
  const quote = tag[at + name.length + 1];
  const end = tag.indexOf(quote, at + name.length + 2);
  return tag.slice(0, at).replace(/\s+$/, '') + tag.slice(end + 1);
}

/**
 * A part whose XML is not well formed where it is read or edited (a `<row>` or `<sheetData>` not
 * closed): Excel would not open it as it is either. Reported as an unreadable workbook; nothing is written.
 */
export class MalformedPartError extends Error {}

/** Whether a character ends an element's name in a tag (`<c` of `<c r=…>`, `<c/>`, `<c>`, not `<col`). */
export function isNameEnd(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}
