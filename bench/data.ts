/**
 * Deterministic scoring sheets for the benchmarks: a title row, the header, the "Điểm tối đa"
 * row, then one row per unit with scores to 2 decimals spread over every band (demotions by
 * field floors included). Names carry Vietnamese diacritics so name folding does real work.
 */
import type { CellValue } from '../src/engine';

const PREFIX = ['Xã', 'Phường', 'Thị trấn', 'Sở', 'Ban'];
const PLACE = [
  'Đông Hưng',
  'Tây Sơn',
  'Nam Định',
  'Bắc Ninh',
  'Quỳnh Côi',
  'Hà Kỳ',
  'Đại Đồng',
  'Tiên Động',
  'Nguyên Giáp',
  'Minh Đức',
  'Quang Phục',
  'Hưng Đạo',
  'Văn Tố',
  'Ngọc Kỳ',
  'Phượng Kỳ',
  'Tân Kỳ',
  'Dân Chủ',
  'Cộng Lạc',
  'An Thanh',
  'Hà Thanh',
];
/** Max points per field, cycled (2-decimal scores stay exact in ten-thousandths). */
const MAXES = [10, 8, 12, 6, 15, 5, 4, 20, 7, 13];

/** Column count before the fields: STT, Tên đơn vị. */
export const LEAD_COLS = 2;
/** Grid rows before the first unit: title, header, max row. */
export const HEAD_ROWS = 3;

export function fieldMax(f: number): number {
  return MAXES[f % MAXES.length];
}

/**
 * Unit u's name, one flat string as a reader hands names over (Office.js parses the host's JSON,
 * the xlsx reader decodes the part's text): a template literal alone is a rope of its parts,
 * which every character read would have to go through, and no workbook gives that.
 */
export function unitName(u: number): string {
  return Buffer.from(
    `${PREFIX[u % PREFIX.length]} ${PLACE[Math.floor(u / PREFIX.length) % PLACE.length]} ${u + 1}`,
    'utf8',
  ).toString('utf8');
}

/** `units` × `fields` scoring sheet as a grid of cell values. */
export function scoringGrid(units: number, fields: number, seed = 20210101): CellValue[][] {
  let s = seed >>> 0;
  const rand = () => {
    // xorshift32: fast and reproducible.
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const header: CellValue[] = ['STT', 'Tên đơn vị'];
  const max: CellValue[] = [null, 'Điểm tối đa'];
  for (let f = 0; f < fields; f++) {
    header.push(`Lĩnh vực ${f + 1}`);
    max.push(fieldMax(f));
  }
  const rows: CellValue[][] = new Array(units + HEAD_ROWS);
  rows[0] = ['Bảng tổng hợp điểm Chỉ số CCHC (dữ liệu sinh cho đo hiệu năng)'];
  rows[1] = header;
  rows[2] = max;
  for (let u = 0; u < units; u++) {
    const row: CellValue[] = new Array(fields + LEAD_COLS);
    row[0] = u + 1;
    row[1] = unitName(u);
    const quality = 0.45 + 0.55 * rand();
    for (let f = 0; f < fields; f++) {
      const m = fieldMax(f);
      const q = Math.min(1, Math.max(0, quality + (rand() - 0.5) * 0.35));
      row[f + LEAD_COLS] = Math.round(m * q * 100) / 100;
    }
    rows[u + HEAD_ROWS] = row;
  }
  return rows;
}
