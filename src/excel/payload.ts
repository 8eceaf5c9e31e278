/**
 * Request-size bookkeeping. Excel on the web refuses a request or response above about 5 MB,
 * so large tables are read and written in row chunks sized from the bytes actually seen.
 */

/** Stay well under Excel on the web's 5 MB limit: JSON framing and formats ride along. */
export const CHUNK_BUDGET_BYTES = 2 * 1024 * 1024;

/** UTF-8 byte length of a string, without TextEncoder (Vietnamese letters take 2–3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Approximate JSON bytes of a 2-D array of cell values. */
export function gridBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of rows) {
    n += 2;
    for (const v of row) n += (typeof v === 'string' ? utf8Length(v) + 2 : String(v).length) + 1;
  }
  return n;
}

/** Splits `count` rows into consecutive chunks whose estimated bytes stay under the budget. */
export function planChunks(
  count: number,
  bytesOfRow: (i: number) => number,
  budget = CHUNK_BUDGET_BYTES,
): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const b = bytesOfRow(i);
    if (i > start && bytes + b > budget) {
      chunks.push({ start, end: i });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (count > start) chunks.push({ start, end: count });
  return chunks;
}
