/** Rule sets and tables for the issue 16 tests: a set using every feature, and units placed in blocks. */
import { HAI_DUONG_2018 } from '../../src/engine/rules';
import type { RuleSet, ScoringTable, UnitInput } from '../../src/engine/types';
import { makeTable, type UnitSpec } from './helpers';

export const LABELS = ['Công tác chỉ đạo, điều hành', 'Cải cách TTHC', 'Chính quyền số'];

/** Hải Dương's bands with Cải cách TTHC held to 60% in "good" and Chính quyền số freed from "complete"'s floor. */
export const PER_FIELD: RuleSet = {
  ...HAI_DUONG_2018,
  id: 'per-field',
  bands: HAI_DUONG_2018.bands.map((b) => {
    if (b.code === 'good') return { ...b, fieldFloors: [{ field: 'Cải cách TTHC', pct: 60 }] };
    if (b.code === 'complete') return { ...b, fieldFloors: [{ field: 'chinh quyen so', pct: null }] };
    return b;
  }),
};

/** Every feature at once: a decision, rounding, dense ranks, caps, components, blocks (own bands, unranked), per-field floors. */
export const EVERY_FEATURE: RuleSet = {
  id: 'tinh-x-12-2024',
  name: { vi: 'Tỉnh X, Quyết định 12/2024/QĐ-UBND', en: 'Province X, Decision 12/2024/QĐ-UBND' },
  decision: {
    number: '12/2024/QĐ-UBND',
    date: '2024-03-15',
    issuer: { vi: 'UBND tỉnh X', en: 'Province X People’s Committee' },
  },
  indexDecimals: 2,
  rankMethod: 'dense',
  caps: { bonusPoints: 3, deductionPoints: 5 },
  components: {
    appraisal: { label: { vi: 'Điểm thẩm định', en: 'Appraisal' }, points: 70, floorApplies: false },
    survey: { label: { vi: 'Điều tra xã hội học', en: 'Survey' }, points: 30, floorApplies: true },
    convertWithoutSurvey: true,
  },
  blocks: [
    { code: 'xa', label: { vi: 'Xã', en: 'Communes' }, ranked: true },
    {
      code: 'phuong',
      label: { vi: 'Phường, thị trấn', en: 'Wards and towns' },
      ranked: true,
      bands: [
        {
          code: 'p-good',
          label: { vi: 'Tốt', en: 'Good' },
          min: { pct: 85, inclusive: true },
          max: { pct: 100, inclusive: true },
          fieldFloorPct: 75,
          fieldFloors: [{ field: 'Cải cách TTHC', pct: 70 }],
        },
        {
          code: 'p-rest',
          label: { vi: 'Còn lại', en: 'Rest' },
          min: { pct: 0, inclusive: true },
          max: { pct: 85, inclusive: false },
          fieldFloorPct: null,
          fieldFloors: [],
        },
      ],
    },
    { code: 'co-quan', label: { vi: 'Cơ quan không xếp hạng', en: 'Agencies not ranked' }, ranked: false },
  ],
  bands: HAI_DUONG_2018.bands.map((b) =>
    b.code === 'good'
      ? {
          ...b,
          fieldFloors: [
            { field: 'Chính quyền số', pct: 60 },
            { field: 'Cải cách TTHC', pct: null },
          ],
        }
      : { ...b, fieldFloors: [] },
  ),
};

/** A table of three fields of 100 points (points = percent), units placed with `extra`. */
export function tableWith(
  units: (UnitSpec & { extra?: Partial<UnitInput> })[],
  maxes: number[] = [100, 100, 100],
): ScoringTable {
  const t = makeTable(maxes, units, LABELS);
  t.units.forEach((u, k) => Object.assign(u, units[k].extra ?? {}));
  return t;
}

/** Where a band's value sits on the rules sheet written by ruleSetToRows (format version 2): [row, column] 0-based and the A1 address. */
export function bandCell(
  rows: readonly (readonly unknown[])[],
  code: string,
  what: 'labelVi' | 'min' | 'max' | 'floor',
  block = '',
): { row: number; col: number; address: string } {
  const row = rows.findIndex((r) => r[0] === 'band' && r[1] === block && r[2] === code);
  if (row < 0) throw new Error(`no band row ${code}`);
  const col = { labelVi: 3, min: 5, max: 7, floor: 9 }[what];
  return { row, col, address: `${String.fromCharCode(65 + col)}${row + 1}` };
}
