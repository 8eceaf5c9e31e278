/** A1-style addresses. Rows are 1-based, columns 0-based (A = 0). */

/** Column letters for a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of column letters (A → 0, AA → 26). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `D7` for row 7 (1-based) and column 3 (0-based). */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Parses `D7` or `$D$7` into a 1-based row and 0-based column. */
export function parseCellAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`not a cell address: ${address}`);
  return { row: Number(m[2]), col: columnIndex(m[1]) };
}

/** A sheet name as Excel writes it in a reference: quoted when not a plain identifier. */
export function quoteSheet(sheet: string): string {
  // A name that reads as a cell reference (TH2021, A1, R1C1, R, C) must be quoted too.
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]?\d*|[Cc]\d*)$/.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `'Tổng hợp'!D7` */
export function qualifiedAddress(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}
