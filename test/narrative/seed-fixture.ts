/**
 * A scoring grid that reproduces the outcome of the 2021 Tứ Kỳ report (DOMAIN.md, section II):
 * 17 units with an index from 80% to under 90% and 6 from 65% to under 80%; 8 rated "Hoàn thành
 * tốt nhiệm vụ" and the 9 the seed names held back to "Hoàn thành nhiệm vụ" by a field under 70%;
 * last year (2020) 8 units "Hoàn thành nhiệm vụ" (Thị trấn Tứ Kỳ among them) and 15 "Không hoàn
 * thành nhiệm vụ". The points are invented: only the outcome is the seed's.
 *
 * The rank order follows the seed's list of the 80–90% group; Văn Tố sits exactly on 80,00%.
 * The rows are written in reverse, so nothing depends on sheet order.
 */
import type { CellValue } from '../../src/engine/types';
import type { Grid } from '../../src/engine/layout';
import type { ReportSettings } from '../../src/engine/narrative';

export const SEED_FIELDS: readonly { label: string; max: number }[] = [
  { label: 'Công tác chỉ đạo, điều hành', max: 12 },
  { label: 'Cải cách thể chế', max: 10 },
  { label: 'Cải cách thủ tục hành chính', max: 20 },
  { label: 'Cải cách tổ chức bộ máy hành chính nhà nước', max: 10 },
  { label: 'Cải cách chế độ công vụ', max: 14 },
  { label: 'Cải cách tài chính công', max: 10 },
  { label: 'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số', max: 24 },
];
const TTHC = 2;
const CQDT = 6;

interface SeedUnit {
  name: string;
  /** Index in hundredths of a percent (the max points sum to 100, so also hundredths of a point). */
  index: number;
  /** Last year's index, hundredths of a percent. */
  last: number;
  /** Fields pinned to a percentage (hundredths); the rest share what is left in proportion to their max. */
  pin: Record<number, number>;
}

const good = { [TTHC]: 7500, [CQDT]: 7400 };
const fair = { [TTHC]: 5800, [CQDT]: 5600 };

export const SEED_UNITS: readonly SeedUnit[] = [
  { name: 'Quang Khải', index: 8850, last: 7452, pin: good },
  { name: 'Hà Kỳ', index: 8790, last: 7130, pin: good },
  { name: 'Minh Đức', index: 8725, last: 6985, pin: good },
  { name: 'Quang Nghiệp', index: 8660, last: 6417, pin: good },
  { name: 'Nguyên Giáp', index: 8610, last: 6840, pin: good },
  { name: 'Hà Thanh', index: 8540, last: 6712, pin: good },
  { name: 'Đại Hợp', index: 8480, last: 6635, pin: good },
  { name: 'Thị trấn Tứ Kỳ', index: 8420, last: 7260, pin: { [TTHC]: 7200, [CQDT]: 6650 } },
  { name: 'Bình Lãng', index: 8375, last: 6348, pin: { [TTHC]: 6700, [CQDT]: 7300 } },
  { name: 'Quang Trung', index: 8310, last: 6291, pin: { [TTHC]: 7100, [CQDT]: 6800 } },
  { name: 'Tân Kỳ', index: 8260, last: 6226, pin: { [TTHC]: 6600, [CQDT]: 7200 } },
  { name: 'An Thanh', index: 8205, last: 6185, pin: { [TTHC]: 7000, [CQDT]: 6400 } },
  { name: 'Ngọc Kỳ', index: 8150, last: 6137, pin: { [TTHC]: 6800, [CQDT]: 6900 } },
  { name: 'Quang Phục', index: 8100, last: 6079, pin: { [TTHC]: 6900, [CQDT]: 6750 } },
  { name: 'Phượng Kỳ', index: 8060, last: 6024, pin: { [TTHC]: 6250, [CQDT]: 7100 } },
  { name: 'Tái Sơn', index: 8030, last: 6580, pin: { [TTHC]: 7000, [CQDT]: 7000 } },
  { name: 'Văn Tố', index: 8000, last: 5968, pin: { [TTHC]: 7300, [CQDT]: 6300 } },
  { name: 'Hưng Đạo', index: 7840, last: 5912, pin: fair },
  { name: 'Tiên Động', index: 7690, last: 5853, pin: fair },
  { name: 'Đại Sơn', index: 7520, last: 5790, pin: fair },
  { name: 'Dân Chủ', index: 7360, last: 5731, pin: fair },
  { name: 'Cộng Lạc', index: 7110, last: 5644, pin: fair },
  { name: 'Chí Minh', index: 6845, last: 5138, pin: fair },
];

/** A unit's points per field in hundredths of a point, summing exactly to its index. */
export function seedPoints(u: SeedUnit): number[] {
  const maxes = SEED_FIELDS.map((f) => f.max * 100);
  const points = maxes.map((max, i) => (i in u.pin ? Math.round((max * u.pin[i]) / 10000) : 0));
  const free = maxes.map((_, i) => i).filter((i) => !(i in u.pin));
  const freeMax = free.reduce((s, i) => s + maxes[i], 0);
  const rest = u.index - points.reduce((s, p) => s + p, 0);
  let given = 0;
  free.forEach((i, k) => {
    points[i] = k === free.length - 1 ? rest - given : Math.floor((rest * maxes[i]) / freeMax);
    given += points[i];
  });
  points.forEach((p, i) => {
    if (p < 0 || p > maxes[i])
      throw new Error(`seed fixture: ${u.name} field ${i} gets ${p / 100} of ${maxes[i] / 100}`);
  });
  return points;
}

/** The grid of the sheet "Tổng hợp": a title row, the header, "Điểm tối đa", then the units (reversed). */
export function seedGrid(): Grid {
  const header: CellValue[] = ['STT', 'Tên đơn vị', ...SEED_FIELDS.map((f) => f.label), 'Chỉ số năm trước (%)'];
  const maxRow: CellValue[] = [null, 'Điểm tối đa', ...SEED_FIELDS.map((f) => f.max), null];
  const rows: CellValue[][] = [...SEED_UNITS]
    .reverse()
    .map((u, k) => [k + 1, u.name, ...seedPoints(u).map((p) => p / 100), u.last / 100]);
  return [['BẢNG TỔNG HỢP ĐIỂM THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2021'], header, maxRow, ...rows];
}

/** The report settings of the seed: figures the district types (its own index is the province's). */
export const SEED_SETTINGS: ReportSettings = {
  year: 2021,
  districtName: 'Tứ Kỳ',
  districtIndexPct: 83.3,
  districtIndexLastYearPct: 63.19,
  districtRank: { rank: 6, of: 12 },
  districtBand: 'good',
};
