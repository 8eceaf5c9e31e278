/**
 * What one cell holds: Excel keeps at most 32,767 characters of text in a cell. The report sheet's
 * model (report-sheet.ts) never makes a longer cell, for either writer: a longer paragraph (a band
 * listing about 820 units) continues on the rows below.
 */
export const MAX_CELL_TEXT = 32_767;

/** `text` in pieces of at most `max` characters, each cut after the last ", " (else " ") that fits, so no name is broken. */
export function splitText(text: string, max = MAX_CELL_TEXT): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const head = rest.slice(0, max);
    const comma = head.lastIndexOf(', ');
    const space = head.lastIndexOf(' ');
    const cut = comma > 0 ? comma + 2 : space > 0 ? space + 1 : max;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}
