/**
 * The editable column mapping: starts from what the adapter detected (and the corrections in
 * force), tracks the user's edits, and turns them into a MappingOverride for src/excel.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  cellText,
  columnLetter,
  columnRoleRows,
  confirmedRoles,
  detectLayout,
  fill,
  headerText,
  parseNumberText,
  rolesFromStore,
  type ColumnRole,
  type ColumnRoleRow,
  type Layout,
  type MappingProposal,
  type RoleOverrides,
  type StoredMapping,
} from '../../engine';
import type { Inspection, MappingOverride } from '../../excel/workbook';
import type { UiStrings } from './useLang';

export type OptionalRole = 'bonusCol' | 'deductionCol' | 'totalCol' | 'lastYearIndexCol' | 'lastYearBandCol';
export const OPTIONAL_ROLES: readonly OptionalRole[] = [
  'bonusCol',
  'deductionCol',
  'totalCol',
  'lastYearIndexCol',
  'lastYearBandCol',
];

/** A column of the table as the mapping editor lists it. */
export interface ColumnChoice {
  /** Grid column index. */
  col: number;
  /** Sheet column letter. */
  letter: string;
  header: string;
}

export interface MappingDraft {
  nameCol: number;
  fieldCols: number[];
  /** Max points as typed, per grid column. */
  maxText: Record<number, string>;
  bonusCol: number | null;
  deductionCol: number | null;
  totalCol: number | null;
  lastYearIndexCol: number | null;
  lastYearBandCol: number | null;
}

export interface MappingEditorModel {
  columns: ColumnChoice[];
  draft: MappingDraft;
  /** Max-points problems per grid column, and a table-level problem. */
  maxErrors: Record<number, string>;
  problem: string | null;
  /** The draft differs from the mapping the inspection used. */
  dirty: boolean;
  /** The mapping in force differs from the detected one. */
  edited: boolean;
  /** The draft as an override, or null when it has problems. */
  override: MappingOverride | null;
  setNameCol: (col: number) => void;
  toggleField: (col: number, on: boolean) => void;
  setMax: (col: number, text: string) => void;
  setOptional: (role: OptionalRole, col: number | null) => void;
  /** Back to what the inspection used. */
  revert: () => void;
}

function sameDraft(a: MappingDraft, b: MappingDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function maxCellText(inspection: Inspection, col: number, override: MappingOverride | undefined): string {
  const o = override?.maxPoints?.[col];
  if (o !== undefined) return String(o);
  const v = inspection.read.grid[inspection.layout.maxRow]?.[col];
  return typeof v === 'number' ? String(v) : cellText(v);
}

function draftOf(inspection: Inspection, override: MappingOverride | undefined): MappingDraft {
  const l = inspection.layout;
  const maxText: Record<number, string> = {};
  for (const c of l.fieldCols) maxText[c] = maxCellText(inspection, c, override);
  return {
    nameCol: l.nameCol,
    fieldCols: [...l.fieldCols],
    maxText,
    bonusCol: l.bonusCol,
    deductionCol: l.deductionCol,
    totalCol: l.totalCol,
    lastYearIndexCol: l.lastYearIndexCol,
    lastYearBandCol: l.lastYearBandCol,
  };
}

/** The header-row columns a user may map: everything left of a previous output block. */
export function columnChoices(inspection: Inspection): ColumnChoice[] {
  const { layout, read } = inspection;
  const width = Math.max(
    read.grid[layout.headerRow]?.length ?? 0,
    layout.topHeaderRow === undefined ? 0 : (read.grid[layout.topHeaderRow]?.length ?? 0),
  );
  const end = layout.outputCol ?? width;
  const out: ColumnChoice[] = [];
  for (let c = 0; c < end; c++) {
    const text = headerText(read.grid, layout, c);
    if (text === '' && c !== layout.nameCol) continue;
    out.push({ col: c, letter: columnLetter(read.origin.col + c), header: text });
  }
  return out;
}

function parseMax(text: string): number | null {
  const p = parseNumberText(text);
  return p.kind === 'number' && p.value > 0 ? p.value : null;
}

function toOverride(inspection: Inspection, draft: MappingDraft): MappingOverride {
  const { layout, read } = inspection;
  let endRow = layout.firstUnitRow;
  while (endRow < read.grid.length && cellText(read.grid[endRow]?.[draft.nameCol]) !== '') endRow++;
  const used = [draft.nameCol, ...draft.fieldCols, ...OPTIONAL_ROLES.map((r) => draft[r] ?? -1)];
  const outputTargetCol = layout.outputCol ?? Math.max(layout.outputTargetCol, Math.max(...used) + 1);
  const fieldCols = [...draft.fieldCols].sort((a, b) => a - b);
  const maxPoints: Record<number, number> = {};
  for (const c of fieldCols) {
    const typed = parseMax(draft.maxText[c] ?? '');
    const sheetValue = parseMax(maxCellText(inspection, c, undefined));
    if (typed !== null && typed !== sheetValue) maxPoints[c] = typed;
  }
  const l: Partial<Layout> = {
    nameCol: draft.nameCol,
    fieldCols,
    endRow,
    outputTargetCol,
    bonusCol: draft.bonusCol,
    deductionCol: draft.deductionCol,
    totalCol: draft.totalCol,
    lastYearIndexCol: draft.lastYearIndexCol,
    lastYearBandCol: draft.lastYearBandCol,
  };
  return Object.keys(maxPoints).length > 0 ? { layout: l, maxPoints } : { layout: l };
}

export function useMappingDraft(
  inspection: Inspection | null,
  inForce: MappingOverride | undefined,
  t: UiStrings,
): MappingEditorModel | null {
  const base = useMemo(() => (inspection ? draftOf(inspection, inForce) : null), [inspection, inForce]);
  const [draft, setDraft] = useState<MappingDraft | null>(base);
  useEffect(() => setDraft(base), [base]);

  const update = useCallback((f: (d: MappingDraft) => MappingDraft) => setDraft((d) => (d ? f(d) : d)), []);
  const setNameCol = useCallback(
    (col: number) =>
      update((d) => ({
        ...d,
        nameCol: col,
        fieldCols: d.fieldCols.filter((c) => c !== col),
        ...Object.fromEntries(OPTIONAL_ROLES.map((r) => [r, d[r] === col ? null : d[r]])),
      })),
    [update],
  );
  const toggleField = useCallback(
    (col: number, on: boolean) =>
      update((d) => {
        const fieldCols = on
          ? [...new Set([...d.fieldCols, col])].sort((a, b) => a - b)
          : d.fieldCols.filter((c) => c !== col);
        const maxText = { ...d.maxText };
        if (on && maxText[col] === undefined && inspection) maxText[col] = maxCellText(inspection, col, inForce);
        const cleared = Object.fromEntries(OPTIONAL_ROLES.map((r) => [r, on && d[r] === col ? null : d[r]]));
        return { ...d, ...cleared, fieldCols, maxText };
      }),
    [update, inspection, inForce],
  );
  const setMax = useCallback(
    (col: number, text: string) => update((d) => ({ ...d, maxText: { ...d.maxText, [col]: text } })),
    [update],
  );
  const setOptional = useCallback(
    (role: OptionalRole, col: number | null) =>
      update((d) => {
        const next: MappingDraft = { ...d, [role]: col };
        if (col !== null) {
          next.fieldCols = d.fieldCols.filter((c) => c !== col);
          for (const r of OPTIONAL_ROLES) if (r !== role && next[r] === col) next[r] = null;
        }
        return next;
      }),
    [update],
  );
  const revert = useCallback(() => setDraft(base), [base]);

  const columns = useMemo(() => (inspection ? columnChoices(inspection) : []), [inspection]);
  // A transposed table's columns are units: there is no column to map (docs/layouts.md).
  if (!inspection || !draft || !base || inspection.layout.transposed) return null;

  const maxErrors: Record<number, string> = {};
  for (const c of draft.fieldCols) {
    const text = draft.maxText[c] ?? '';
    if (parseMax(text) === null) maxErrors[c] = fill(t.mappingBadMax, { value: text });
  }
  const problem = draft.fieldCols.length === 0 ? t.mappingNoField : null;
  const valid = problem === null && Object.keys(maxErrors).length === 0;
  return {
    columns,
    draft,
    maxErrors,
    problem,
    dirty: !sameDraft(draft, base),
    edited: inForce !== undefined,
    override: valid ? toOverride(inspection, draft) : null,
    setNameCol,
    toggleField,
    setMax,
    setOptional,
    revert,
  };
}

/** The role of every column, editable (issue 15 item 9): confirmed, they go to the adapter as `roles`. */
export interface ColumnRolesModel {
  rows: ColumnRoleRow[];
  /** The role shown per grid column (the user's choice, else the one read). */
  roleOf: (col: number) => ColumnRole;
  setRole: (col: number, role: ColumnRole) => void;
  uncertainCount: number;
  /** Something to confirm: an uncertain column, or a role the user changed. */
  dirty: boolean;
  /** The roles to read with (those changed, and every uncertain one). */
  roles: RoleOverrides;
}

/** The rows of the role list: as the inspection read the table (its roles: the user's, else the stored ones), or as proposed when uncertain. */
function roleRowsOf(
  inspection: (Inspection & { stored?: StoredMapping[] }) | null,
  proposal: MappingProposal | null,
  inForce: MappingOverride | undefined,
): ColumnRoleRow[] {
  if (proposal) return columnRoleRows(proposal.columns, proposal.uncertain, proposal.originCol);
  if (!inspection || inspection.layout.transposed) return [];
  const { grid, origin, sheet } = inspection.read;
  const d = detectLayout(
    grid,
    undefined,
    origin,
    inForce?.roles ?? rolesFromStore(inspection.stored, sheet, grid, origin),
  );
  return d.ok ? columnRoleRows(d.columns, [], origin.col) : [];
}

export function useColumnRoles(
  inspection: Inspection | null,
  proposal: MappingProposal | null,
  inForce: MappingOverride | undefined,
): ColumnRolesModel | null {
  const rows = useMemo(() => roleRowsOf(inspection, proposal, inForce), [inspection, proposal, inForce]);
  const [chosen, setChosen] = useState<Map<number, ColumnRole>>(new Map());
  useEffect(() => setChosen(new Map()), [rows]);
  const setRole = useCallback((col: number, role: ColumnRole) => setChosen((m) => new Map(m).set(col, role)), []);
  if (rows.length === 0) return null;
  const roles = confirmedRoles(rows, chosen);
  const uncertainCount = rows.filter((r) => r.uncertain).length;
  return {
    rows,
    roleOf: (col) => chosen.get(col) ?? (rows.find((r) => r.col === col)?.role as ColumnRole),
    setRole,
    uncertainCount,
    dirty: roles.size > 0 && (uncertainCount > 0 || chosen.size > 0),
    roles,
  };
}
