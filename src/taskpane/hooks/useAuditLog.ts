/**
 * The "Nhật ký" tab's state: the workbook's audit log read back (src/excel/audit.ts), the chain
 * check's result, and the filters by action and by date (local days, both ends included).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { auditRecords, readAuditLog, type AuditRecord } from '../../excel/audit';
import type { ExcelRun } from '../../excel/workbook';

export interface AuditFilters {
  /** An action code, or '' for every action. */
  action: string;
  /** 'YYYY-MM-DD' or ''. */
  from: string;
  to: string;
}

export interface AuditLog {
  reading: boolean;
  error: string | null;
  /** Every record, newest first (null: not read yet). */
  records: AuditRecord[] | null;
  /** The records the filters let through. */
  shown: AuditRecord[];
  /** The sheet row where the chain breaks, or null when intact. */
  brokenAt: number | null;
  filters: AuditFilters;
  setFilter: (change: Partial<AuditFilters>) => void;
  reload: () => Promise<void>;
}

/** The local calendar day of an ISO time, 'YYYY-MM-DD' ('' when unreadable). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export function filterRecords(records: readonly AuditRecord[], f: AuditFilters): AuditRecord[] {
  return records.filter((r) => {
    if (f.action !== '' && r.action !== f.action) return false;
    const day = localDay(r.time);
    if (f.from !== '' && day < f.from) return false;
    if (f.to !== '' && day > f.to) return false;
    return true;
  });
}

export function useAuditLog(run: ExcelRun): AuditLog {
  const [reading, setReading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [records, setRecords] = useState<AuditRecord[] | null>(null);
  const [brokenAt, setBrokenAt] = useState<number | null>(null);
  const [filters, setFilters] = useState<AuditFilters>({ action: '', from: '', to: '' });

  const reload = useCallback(async () => {
    setReading(true);
    setError(null);
    try {
      const log = await readAuditLog(run);
      setRecords(auditRecords(log.rows).reverse());
      setBrokenAt(log.brokenAt);
    } catch (e) {
      setError((e as Error).message ?? String(e));
    } finally {
      setReading(false);
    }
  }, [run]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const shown = useMemo(() => filterRecords(records ?? [], filters), [records, filters]);
  const setFilter = useCallback((change: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...change })), []);
  return { reading, error, records, shown, brokenAt, filters, setFilter, reload };
}
