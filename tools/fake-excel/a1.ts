/** A1 address parsing/formatting (pure TypeScript). Rows/columns are zero-based internally. */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export function colToLetters(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Excel quotes sheet names unless they are plain identifiers that cannot be mistaken for a reference. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name);
  const looksLikeRef =
    /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[Rr]([0-9]+)?([Cc]([0-9]+)?)?$/.test(name) || /^(TRUE|FALSE)$/i.test(name);
  if (plain && !looksLikeRef) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function rectToA1(rect: Rect): string {
  const { r0, c0, rows, cols } = rect;
  if (rows === MAX_ROWS && r0 === 0) {
    return `${colToLetters(c0)}:${colToLetters(c0 + cols - 1)}`;
  }
  if (cols === MAX_COLS && c0 === 0) {
    return `${r0 + 1}:${r0 + rows}`;
  }
  const tl = `${colToLetters(c0)}${r0 + 1}`;
  if (rows === 1 && cols === 1) return tl;
  return `${tl}:${colToLetters(c0 + cols - 1)}${r0 + rows}`;
}

export function qualifiedAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectToA1(rect)}`;
}

/** Splits "Sheet1!A1:B2" / "'My sheet'!A1" into sheet and local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const a = address.trim();
  if (a.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < a.length) {
      if (a[i] === "'") {
        if (a[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += a[i];
      i++;
    }
    if (a[i + 1] !== '!') return { local: a };
    return { sheet: name, local: a.slice(i + 2) };
  }
  const bang = a.lastIndexOf('!');
  if (bang >= 0) return { sheet: a.slice(0, bang), local: a.slice(bang + 1) };
  return { local: a };
}

type Part = { kind: 'cell'; r: number; c: number } | { kind: 'col'; c: number } | { kind: 'row'; r: number };

function parsePart(p: string): Part | null {
  const s = p.replace(/\$/g, '').trim();
  let m = /^([A-Za-z]{1,3})([0-9]{1,7})$/.exec(s);
  if (m) return { kind: 'cell', c: lettersToCol(m[1]), r: parseInt(m[2], 10) - 1 };
  m = /^([A-Za-z]{1,3})$/.exec(s);
  if (m) return { kind: 'col', c: lettersToCol(m[1]) };
  m = /^([0-9]{1,7})$/.exec(s);
  if (m) return { kind: 'row', r: parseInt(m[1], 10) - 1 };
  return null;
}

/** Parses a local A1 reference ("B3:K30", "A1", "B:K", "3:30", "$A$1"). Returns null if invalid. */
export function parseA1(local: string): Rect | null {
  const pieces = local.split(':');
  if (pieces.length < 1 || pieces.length > 2) return null;
  const a = parsePart(pieces[0]);
  const b = pieces.length === 2 ? parsePart(pieces[1]) : a;
  if (!a || !b || a.kind !== b.kind) return null;
  let rect: Rect;
  if (a.kind === 'cell' && b.kind === 'cell') {
    if (pieces.length === 1 || true) {
      const r0 = Math.min(a.r, b.r),
        r1 = Math.max(a.r, b.r);
      const c0 = Math.min(a.c, b.c),
        c1 = Math.max(a.c, b.c);
      rect = { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
    }
  } else if (a.kind === 'col' && b.kind === 'col') {
    if (pieces.length === 1) return null;
    const c0 = Math.min(a.c, b.c),
      c1 = Math.max(a.c, b.c);
    rect = { r0: 0, c0, rows: MAX_ROWS, cols: c1 - c0 + 1 };
  } else if (a.kind === 'row' && b.kind === 'row') {
    if (pieces.length === 1) return null;
    const r0 = Math.min(a.r, b.r),
      r1 = Math.max(a.r, b.r);
    rect = { r0, c0: 0, rows: r1 - r0 + 1, cols: MAX_COLS };
  } else {
    return null;
  }
  if (!rectInBounds(rect)) return null;
  return rect;
}

export function rectInBounds(rect: Rect): boolean {
  return (
    Number.isInteger(rect.r0) &&
    Number.isInteger(rect.c0) &&
    Number.isInteger(rect.rows) &&
    Number.isInteger(rect.cols) &&
    rect.r0 >= 0 &&
    rect.c0 >= 0 &&
    rect.rows >= 1 &&
    rect.cols >= 1 &&
    rect.r0 + rect.rows <= MAX_ROWS &&
    rect.c0 + rect.cols <= MAX_COLS
  );
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0),
    c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r0 + a.rows, b.r0 + b.rows),
    c1 = Math.min(a.c0 + a.cols, b.c0 + b.cols);
  if (r1 <= r0 || c1 <= c0) return null;
  return { r0, c0, rows: r1 - r0, cols: c1 - c0 };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return intersect(a, b) !== null;
}
