/**
 * Print-ready output (issue 17, item 3): the page setup of the report sheet and the .docx, and the
 * print area grown over the output columns, in one place for every writer (the add-in's
 * src/excel/print.ts, the CLI's src/cli/ooxml writer and its .docx).
 * - Paper A4 portrait, one page wide, as many pages tall as it takes.
 * - Margins of an administrative document, Decree 30/2020/NĐ-CP, appendix I (top and bottom
 *   20–25 mm, left 30–35 mm, right 15–20 mm): the low end of each range.
 * - Times New Roman, the font the decree names.
 */
import { cellAddress, parseCellAddress } from './address';

/** Decree 30/2020/NĐ-CP, appendix I: margins of an administrative document, in millimetres (the low end of each range). */
export const ND30_MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** The font of an administrative document (Decree 30/2020/NĐ-CP). */
export const PRINT_FONT = 'Times New Roman';

/** A4, in millimetres (portrait). */
export const A4_MM = { width: 210, height: 297 } as const;

/** One page wide; 0: as many pages tall as the content takes. */
export const FIT_TO_PAGES = { wide: 1, tall: 0 } as const;

/** Millimetres to inches (SpreadsheetML's page margins) and to points (Office.js's). */
export const mmToInches = (mm: number): number => mm / 25.4;
export const mmToPoints = (mm: number): number => (mm * 72) / 25.4;

export interface Box {
  /** 1-based rows, 0-based columns, inclusive. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** "'Tổng hợp'!$A$1:$K$29" (or "A1:K29", or one cell) as a box; null when unreadable or several areas. */
export function boxOf(address: string): Box | null {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  if (local.includes(',')) return null;
  const [a, b = a] = local.replace(/\$/g, '').split(':');
  if (!/^[A-Z]+\d+$/.test(a) || !/^[A-Z]+\d+$/.test(b)) return null;
  const p = parseCellAddress(a);
  const q = parseCellAddress(b);
  return {
    top: Math.min(p.row, q.row),
    bottom: Math.max(p.row, q.row),
    left: Math.min(p.col, q.col),
    right: Math.max(p.col, q.col),
  };
}

export function addressOf(box: Box): string {
  return `${cellAddress(box.top, box.left)}:${cellAddress(box.bottom, box.right)}`;
}

/** The print area grown to cover `output`, or null when it covers it already (or is not one rectangle). */
export function extendedPrintArea(printArea: string, output: Box): string | null {
  const box = boxOf(printArea);
  if (!box) return null;
  const grown = {
    top: Math.min(box.top, output.top),
    bottom: Math.max(box.bottom, output.bottom),
    left: Math.min(box.left, output.left),
    right: Math.max(box.right, output.right),
  };
  return addressOf(grown) === addressOf(box) ? null : addressOf(grown);
}
