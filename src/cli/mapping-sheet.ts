/**
 * The headless scorer's side of the column mappings the add-in keeps in the workbook
 * (MAPPING_SHEET, see docs/layouts.md): read them, and for a sheet, the roles to use when no
 * --map is given, said on stderr, never silently.
 */
import {
  MAPPING_SHEET,
  SHEET_ORIGIN,
  fill,
  mappingFromRows,
  messages,
  storedRolesFor,
  type CellValue,
  type Lang,
  type MappingRead,
  type RoleOverrides,
} from '../engine';
import type { XlsxBook } from './ooxml/book';

/** The mappings stored in the workbook: null when it has no mapping sheet. */
export function readWorkbookMappings(book: XlsxBook): MappingRead | null {
  const ws = book.sheets.find((s) => s.name === MAPPING_SHEET);
  return ws ? mappingFromRows(book.grid(ws).grid, ws.name) : null;
}

/**
 * The roles the workbook stores for `sheet`, checked against its table: undefined when none (or
 * they no longer fit, or the mapping sheet cannot be read), with the line saying which and why.
 */
export function storedRolesOf(
  stored: MappingRead | null,
  sheet: string,
  grid: CellValue[][],
  lang: Lang,
): { roles?: RoleOverrides; note: string } {
  const m = messages(lang).columns;
  if (stored === null) return { note: '' };
  if (!stored.ok)
    return {
      note:
        fill(m.storedMapInvalid, {
          store: MAPPING_SHEET,
          problems: stored.problems.map((p) => `${p.cell} “${p.value}”`).join(', '),
        }) + '\n',
    };
  const found = storedRolesFor(stored.mappings, sheet, grid, SHEET_ORIGIN);
  if (!found) return { note: '' };
  if (found.stale.length > 0)
    return { note: fill(m.storedMapStale, { sheet, store: MAPPING_SHEET, columns: found.stale.join(', ') }) + '\n' };
  return { roles: found.roles, note: fill(m.storedMapUsed, { sheet, store: MAPPING_SHEET, map: found.text }) + '\n' };
}
