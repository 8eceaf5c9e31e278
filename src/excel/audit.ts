/**
 * The audit log: a sheet the add-in owns (AUDIT_SHEET, VeryHidden) that is only ever appended to.
 * One row per action: time, action, rule set id and fingerprint, counts per band, units, sheet,
 * input fingerprint, who (only when the caller supplies a name: Office gives add-ins no reliable
 * user identity without SSO), and a hash chain (each row carries the previous row's hash and its
 * own) so a rewritten or deleted row shows. Appending finds the first empty row from the used
 * range loaded in the same read batch as the other checks; existing rows are never written.
 */
import { AUDIT_SHEET, fnv1a, ruleSetFingerprint, type CellValue, type ScoringResult } from '../engine';
import { anchoredGrid, ownedSheet, rectangular, sheetNames, textFormats, type LoadedRange } from './rules-store';
import type { ExcelRun } from './workbook';

export type AuditAction = 'rulesChanged' | 'scored' | 'reportGenerated';

export interface AuditEntry {
  /** ISO 8601, UTC. */
  time: string;
  action: AuditAction;
  rulesId: string;
  rulesFingerprint: string;
  /** Units per band code. */
  counts: Record<string, number>;
  units: number;
  sheet: string;
  inputFingerprint: string;
  /** A name the user typed, if any; '' otherwise. */
  who: string;
}

/**
 * An entry for a scoring result: what a caller outside the guarded runs (the report writer, for
 * 'reportGenerated') appends with appendAudit. `inputFingerprint` comes from safe-write's stamp when known.
 */
export function auditEntryFor(
  action: AuditAction,
  result: ScoringResult,
  extra: { sheet: string; inputFingerprint?: string; who?: string; time?: Date },
): AuditEntry {
  return {
    time: (extra.time ?? new Date()).toISOString(),
    action,
    rulesId: result.rules.id,
    rulesFingerprint: ruleSetFingerprint(result.rules),
    counts: result.summary.counts,
    units: result.units.length,
    sheet: extra.sheet,
    inputFingerprint: extra.inputFingerprint ?? '',
    who: extra.who ?? '',
  };
}

/** Row 1 of the log. */
export const AUDIT_COLUMNS = [
  'Thời gian (time, ISO)',
  'Hành động (action)',
  'Bộ tiêu chí (rule set id)',
  'Dấu vân tay tiêu chí (rules fingerprint)',
  'Số đơn vị theo mức (counts per band)',
  'Số đơn vị (units)',
  'Trang tính (sheet)',
  'Dấu vân tay dữ liệu (input fingerprint)',
  'Người thực hiện (who)',
  'Mã dòng trước (previous hash)',
  'Mã dòng (row hash)',
] as const;

const HASH_COL = AUDIT_COLUMNS.length - 1;
const GENESIS = '00000000';

/** `excellent=0; good=8; complete=15; incomplete=0` */
export function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** An entry as a log row, chained to the previous row's hash. */
export function auditRow(e: AuditEntry, previousHash: string): CellValue[] {
  const cells: CellValue[] = [
    e.time,
    e.action,
    e.rulesId,
    e.rulesFingerprint,
    countsText(e.counts),
    e.units,
    e.sheet,
    e.inputFingerprint,
    e.who,
    previousHash,
  ];
  return [...cells, fnv1a(JSON.stringify(cells))];
}

/**
 * Checks the log's chain: each row's hash matches its cells and the next row points to it.
 * Returns the 1-based sheet row of the first row that does not, or null when the log is intact.
 * FNV-1a is not a cryptographic hash: this shows accidental or casual edits, not a determined forger.
 */
export function verifyAuditLog(grid: readonly (readonly CellValue[])[]): number | null {
  let previous = GENESIS;
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every((v) => v === null || v === '' || v === undefined)) continue;
    const cells = Array.from({ length: HASH_COL }, (_, c) =>
      row[c] === undefined || row[c] === null ? '' : row[c],
    ) as CellValue[];
    if (cells[HASH_COL - 1] !== previous || fnv1a(JSON.stringify(cells)) !== row[HASH_COL]) return r + 1;
    previous = String(row[HASH_COL]);
  }
  return null;
}

/** Where the next entry goes: the first row under the used range, and the hash to chain to. */
export interface AuditTail {
  exists: boolean;
  /** 0-based sheet row of the first empty row under the log. */
  nextRow: number;
  previousHash: string;
}

/**
 * Queues the loads that tell where to append (the log's used range, values included, to find the
 * last hash); the returned function reads them after the caller's sync. `exists` comes from an
 * earlier presence check (sheetNames).
 */
export function loadAuditTail(context: Excel.RequestContext, exists: boolean): () => AuditTail {
  if (!exists) return () => ({ exists: false, nextRow: 0, previousHash: GENESIS });
  const used = context.workbook.worksheets.getItem(AUDIT_SHEET).getUsedRangeOrNullObject(true);
  used.load('values, rowIndex, columnIndex, rowCount');
  return () => {
    const grid = anchoredGrid(used as unknown as LoadedRange);
    let previousHash = GENESIS;
    for (let r = grid.length - 1; r >= 1; r--) {
      const h = grid[r]?.[HASH_COL];
      if (typeof h === 'string' && h !== '') {
        previousHash = h;
        break;
      }
    }
    return { exists: true, nextRow: grid.length, previousHash };
  };
}

/**
 * Queues appending entries under the log (creating the sheet, VeryHidden, with its header when
 * absent). Only the new rows are written; rows already in the log are never touched.
 */
export function queueAppendAudit(context: Excel.RequestContext, tail: AuditTail, entries: readonly AuditEntry[]): void {
  if (entries.length === 0) return;
  const ws = ownedSheet(context, AUDIT_SHEET, tail.exists);
  const rows: CellValue[][] = [];
  let start = tail.nextRow;
  if (!tail.exists || tail.nextRow === 0) {
    rows.push([...AUDIT_COLUMNS]);
    start = 0;
  }
  let previous = tail.previousHash;
  for (const e of entries) {
    const row = auditRow(e, previous);
    previous = row[HASH_COL] as string;
    rows.push(row);
  }
  const width = AUDIT_COLUMNS.length;
  const range = ws.getRangeByIndexes(start, 0, rows.length, width);
  range.numberFormat = textFormats(rows, width);
  range.values = rectangular(rows, width);
}

/** Appends entries in its own Excel.run: one sync to find the end of the log, one to write. */
export async function appendAudit(run: ExcelRun, entries: readonly AuditEntry[]): Promise<void> {
  await run(async (context) => {
    const names = await sheetNames(context);
    const tail = loadAuditTail(context, names.has(AUDIT_SHEET));
    await context.sync();
    queueAppendAudit(context, tail(), entries);
    await context.sync();
  });
}

/** The log as stored (header row first), and where its chain breaks (null: intact). */
export async function readAuditLog(run: ExcelRun): Promise<{ rows: CellValue[][]; brokenAt: number | null }> {
  return run(async (context) => {
    const names = await sheetNames(context);
    if (!names.has(AUDIT_SHEET)) return { rows: [], brokenAt: null };
    const used = context.workbook.worksheets.getItem(AUDIT_SHEET).getUsedRangeOrNullObject(true);
    used.load('values, rowIndex, columnIndex');
    await context.sync();
    const rows = anchoredGrid(used as unknown as LoadedRange);
    return { rows, brokenAt: verifyAuditLog(rows) };
  });
}

/** A log row read back for people: its sheet row, and its cells by meaning. */
export interface AuditRecord {
  /** 1-based row of the log sheet. */
  row: number;
  time: string;
  action: AuditAction | string;
  rulesId: string;
  /** Units per band code, as logged. */
  counts: Record<string, number>;
  units: number;
  sheet: string;
  who: string;
}

/** "excellent=0; good=8" back to counts (what countsText wrote). */
export function countsOf(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(';')) {
    const [k, v] = part.split('=').map((x) => x.trim());
    if (k && v !== undefined && Number.isFinite(Number(v))) out[k] = Number(v);
  }
  return out;
}

/** The log's rows (header first, as readAuditLog gives them) as records, oldest first; blank rows skipped. */
export function auditRecords(rows: readonly (readonly CellValue[])[]): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every((v) => v === null || v === '' || v === undefined)) continue;
    const text = (c: number) => (row[c] === null || row[c] === undefined ? '' : String(row[c]));
    out.push({
      row: r + 1,
      time: text(0),
      action: text(1),
      rulesId: text(2),
      counts: countsOf(text(4)),
      units: Number(row[5]) || 0,
      sheet: text(6),
      who: text(8),
    });
  }
  return out;
}
