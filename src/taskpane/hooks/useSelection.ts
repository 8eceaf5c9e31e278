/** Selecting in the sheet from the pane: a finding's cell, or a unit's row from the results. */
import { useCallback, useEffect, useState } from 'react';
import { qualifiedAddress, type Finding, type Lang } from '../../engine';
import { officeErrorMessage } from '../../excel/errors';
import { selectRange, unitRowAddress } from '../../excel/select';
import type { ExcelRun, Inspection } from '../../excel/workbook';

export interface SelectError {
  /** The cell or range that could not be selected ('Tổng hợp'!B7:O7 for a unit's row). */
  cell: string;
  message: string;
  /** true: the selection was a unit's row (the results show it); else a finding's cell. */
  unit: boolean;
}

export interface Selection {
  select: (finding: Pick<Finding, 'sheet' | 'address' | 'cell'>) => Promise<void>;
  selectUnit: (row: number) => Promise<void>;
  selectError: SelectError | null;
}

export function useSelection(run: ExcelRun, lang: Lang, inspection: Inspection | null): Selection {
  const [selectError, setSelectError] = useState<SelectError | null>(null);
  // A new read (or run) starts with no error of an earlier selection.
  useEffect(() => setSelectError(null), [inspection]);

  const attempt = useCallback(
    async (sheet: string, address: string, cell: string, unit: boolean) => {
      try {
        await selectRange(run, sheet, address);
        setSelectError(null);
      } catch (error) {
        setSelectError({ cell, message: officeErrorMessage(error, lang), unit });
      }
    },
    [run, lang],
  );

  const select = useCallback(
    (f: Pick<Finding, 'sheet' | 'address' | 'cell'>) => attempt(f.sheet, f.address, f.cell, false),
    [attempt],
  );

  const selectUnit = useCallback(
    async (row: number) => {
      if (!inspection) return;
      const address = unitRowAddress(inspection, row);
      await attempt(inspection.read.sheet, address, qualifiedAddress(inspection.read.sheet, address), true);
    },
    [attempt, inspection],
  );

  return { select, selectUnit, selectError };
}
