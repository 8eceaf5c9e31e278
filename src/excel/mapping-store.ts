/**
 * The column mappings the user confirmed in the task pane, kept in the workbook on a sheet the
 * add-in owns (MAPPING_SHEET, VeryHidden, like the rules sheet): the next run, and the headless
 * scorer, read the table with them. The rows' layout is the engine's (mappingToRows /
 * mappingFromRows); a stored mapping whose headers changed is not used (engine: storedRolesFor).
 */
import {
  MAPPING_SHEET,
  detectLayout,
  mappingFromRows,
  mappingOf,
  mappingToRows,
  withMapping,
  type CellValue,
  type RoleOverrides,
  type StoredMapping,
} from '../engine';
import { loadSheetGrid, queueReplaceRows, sheetNames } from './rules-store';
import type { ExcelRun, Inspection, MappingOverride } from './workbook';
import { overrideFor } from './workbook';

/** The mappings a mapping sheet's grid holds ([] when there is none, or it cannot be read: the headers are read then). */
export function storedMappingsFromGrid(grid: CellValue[][] | null): StoredMapping[] {
  if (grid === null) return [];
  const read = mappingFromRows(grid, MAPPING_SHEET);
  return read.ok ? read.mappings : [];
}

/** Queues the load of the mapping sheet when it exists (`names`: the workbook's sheets); the function gives the mappings after the sync. */
export function loadStoredMappings(
  context: Excel.RequestContext,
  names: ReadonlySet<string>,
): (() => StoredMapping[]) | null {
  if (!names.has(MAPPING_SHEET)) return null;
  const grid = loadSheetGrid(context, MAPPING_SHEET);
  return () => storedMappingsFromGrid(grid());
}

/** The override a run reads the table with: the user's, and the mappings stored in the workbook for when it gives no roles. */
export function withStoredMappings(
  override: MappingOverride | undefined,
  stored: readonly StoredMapping[],
): MappingOverride | undefined {
  return stored.length === 0 ? override : { ...override, stored };
}

/** The roles the user confirmed for the sheet this run read (not those read from the store): what to store. */
function confirmedRoles(inspection: Inspection, override: MappingOverride | undefined): RoleOverrides | undefined {
  const roles = overrideFor(override, inspection.read.sheet)?.roles;
  return roles && roles.size > 0 ? roles : undefined;
}

/**
 * Queues storing the mapping a written run used, when the user confirmed it in the pane: the
 * sheet's entry replaced, the others kept. Nothing is queued for a run read from the headers alone.
 */
export function queueStoreMapping(
  context: Excel.RequestContext,
  inspection: Inspection,
  override: MappingOverride | undefined,
  stored: readonly StoredMapping[],
  exists: boolean,
): void {
  const roles = confirmedRoles(inspection, override);
  if (!roles) return;
  const { read } = inspection;
  const detected = detectLayout(read.grid, undefined, read.origin, roles);
  const columns = detected.ok ? detected.columns : [];
  queueReplaceRows(
    context,
    MAPPING_SHEET,
    exists,
    mappingToRows(withMapping(stored, mappingOf(read.sheet, roles, columns, read.origin.col))),
  );
}

/** The mappings stored in the workbook, in their own Excel.run (the pane, tests). Two syncs at most. */
export async function readStoredMappings(run: ExcelRun): Promise<StoredMapping[]> {
  return run(async (context) => {
    const load = loadStoredMappings(context, await sheetNames(context));
    if (!load) return [];
    await context.sync();
    return load();
  });
}
