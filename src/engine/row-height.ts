/**
 * Row heights for wrapped text, estimated where a writer cannot ask the host to fit them: the
 * CLI's rows (Excel and LibreOffice keep a row's stored height), and the report's paragraphs
 * spanning merged columns in the add-in (Excel does not autofit a merged cell).
 */

/** Excel's limit on a row's height, in points. */
export const MAX_ROW_HEIGHT = 409;
/** Points per wrapped line at the default 11 pt font. */
export const LINE_HEIGHT = 15;
export const DEFAULT_FONT_SIZE = 11;

/** Lines a text takes in a wrapped column `width` characters wide (a generous estimate: clipping is worse than space). */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.05));
  // Most cells fit on one line: no need to count characters.
  if (text.length <= perLine && text.indexOf('\n') < 0) return 1;
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(codePoints(line) / perLine)), 0);
}

/** Characters as a reader counts them (a surrogate pair is one). */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) n--;
    }
  }
  return n;
}

/**
 * The height (points) a row needs for `text` wrapped in a column `width` characters wide at
 * `fontSize` points, or null when it fits on one line. At most Excel's tallest row: a longer
 * text scrolls in its cell.
 */
export function wrappedHeight(text: string, width: number, fontSize = DEFAULT_FONT_SIZE): number | null {
  // A larger font fits fewer characters to a line, and each line is taller.
  const scale = fontSize / DEFAULT_FONT_SIZE;
  const lines = wrappedLines(text, width / scale);
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT * scale + 2) : null;
}
