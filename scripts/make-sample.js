#!/usr/bin/env node
/**
 * Writes examples/chi-so-cchc-2021-tu-ky.xlsx: a sample scoring workbook for the 23 communes and
 * towns of Tứ Kỳ district, 2021. The scores are INVENTED (điểm minh hoạ); they are chosen so that
 * the published outcome of the 2021 report (seed, section II) comes out exactly:
 *   - 17 units with an index from 80% to under 90%, 6 from 65% to under 80%;
 *   - 8 rated "Hoàn thành tốt nhiệm vụ", 15 "Hoàn thành nhiệm vụ";
 *   - the 9 units the seed names demoted by a field under 70% (mostly Cải cách TTHC and
 *     Chính quyền điện tử, số);
 *   - last year's (2020) indexes: 8 units from 65% to under 80%, 15 under 65%;
 *   - the district index (all points ÷ all max points) is 83,30%, last year's average 63,19%.
 *
 * Plain Node (no build step): `node scripts/make-sample.js [out.xlsx]`.
 * All arithmetic is on integers (hundredths of a point), so the workbook holds exact decimals.
 */
'use strict';
const path = require('node:path');
const ExcelJS = require('exceljs');

const OUT = process.argv[2] ?? path.join(__dirname, '..', 'examples', 'chi-so-cchc-2021-tu-ky.xlsx');

/** The 7 fields of the 2021–2022 index, with invented max points summing to 100. */
const FIELDS = [
  { label: 'Công tác chỉ đạo, điều hành', max: 11 },
  { label: 'Cải cách thể chế', max: 10 },
  { label: 'Cải cách thủ tục hành chính', max: 20 },
  { label: 'Cải cách tổ chức bộ máy hành chính nhà nước', max: 9 },
  { label: 'Cải cách chế độ công vụ', max: 16 },
  { label: 'Cải cách tài chính công', max: 12 },
  { label: 'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số', max: 22 },
];
const CDDH = 0,
  THE_CHE = 1,
  TTHC = 2,
  BO_MAY = 3,
  CONG_VU = 4,
  TAI_CHINH = 5,
  CQDT = 6;

/**
 * The units in the seed's order (section II.1.2). `index`: the 2021 index in hundredths of a
 * percent (= hundredths of a point, as the max points sum to 100). `weak`: fields held under 70%
 * (field → percent in hundredths): the 9 demoted units, and some of the lower group. `last`: the 2020 index, hundredths.
 */
const UNITS = [
  // From 80% to under 90%, rank order follows the seed's list.
  { name: 'Quang Khải', index: 8958, last: 7452 },
  { name: 'Hà Kỳ', index: 8911, last: 7130 },
  { name: 'Minh Đức', index: 8867, last: 6985 },
  { name: 'Quang Nghiệp', index: 8806, last: 6417 },
  { name: 'Nguyên Giáp', index: 8752, last: 6840 },
  { name: 'Hà Thanh', index: 8698, last: 6712 },
  { name: 'Đại Hợp', index: 8641, last: 6635 },
  { name: 'Thị trấn Tứ Kỳ', index: 8583, last: 7260, weak: { [CQDT]: 6650 } },
  { name: 'Bình Lãng', index: 8539, last: 6348, weak: { [TTHC]: 6700 } },
  { name: 'Quang Trung', index: 8476, last: 6291, weak: { [CQDT]: 6800 } },
  { name: 'Tân Kỳ', index: 8422, last: 6226, weak: { [TTHC]: 6600 } },
  { name: 'An Thanh', index: 8371, last: 6185, weak: { [CQDT]: 6400 } },
  { name: 'Ngọc Kỳ', index: 8314, last: 6137, weak: { [TTHC]: 6800, [CQDT]: 6900 } },
  { name: 'Quang Phục', index: 8262, last: 6079, weak: { [TTHC]: 6900, [CQDT]: 6750 } },
  { name: 'Phượng Kỳ', index: 8207, last: 6024, weak: { [TTHC]: 6250 } },
  { name: 'Tái Sơn', index: 8153, last: 6580 },
  { name: 'Văn Tố', index: 8075, last: 5968, weak: { [CQDT]: 6300, [TAI_CHINH]: 6667 } },
  // From 65% to under 80%.
  { name: 'Hưng Đạo', index: 7962, last: 5912, weak: { [TTHC]: 6600 } },
  { name: 'Tiên Động', index: 7895, last: 5853 },
  { name: 'Đại Sơn', index: 7811, last: 5790, weak: { [CQDT]: 6100 } },
  { name: 'Dân Chủ', index: 7724, last: 5731 },
  { name: 'Cộng Lạc', index: 7640, last: 5644, weak: { [TTHC]: 6300, [CQDT]: 6500 } },
  { name: 'Chí Minh', index: 7523, last: 5138, weak: { [CQDT]: 5800 } },
];

/** Deterministic spread of the other fields around the unit's level, in hundredths of a percent. */
const SPREAD = [250, -300, 150, 350, -200, -100, 200, -250];

/** A unit's points per field in hundredths of a point, summing exactly to its total. */
function unitScores(u, k) {
  const maxH = FIELDS.map((f) => f.max * 100);
  const weak = u.weak ?? {};
  const scores = new Array(FIELDS.length).fill(0);
  let weakSum = 0;
  let otherMax = 0;
  const others = [];
  for (let i = 0; i < FIELDS.length; i++) {
    if (i in weak) {
      scores[i] = Math.round((maxH[i] * weak[i]) / 10000);
      weakSum += scores[i];
    } else {
      others.push(i);
      otherMax += maxH[i];
    }
  }
  // Level of the other fields (hundredths of a percent) so that they make up the rest.
  const level = ((u.index - weakSum) * 10000) / otherMax;
  const amplitude = u.weak && u.index >= 8000 ? 0.5 : 1; // demoted units sit close to their ceiling: spread less
  others.forEach((i, j) => {
    const pct = level + amplitude * SPREAD[(j + k) % SPREAD.length];
    scores[i] = Math.round((maxH[i] * pct) / 10000);
  });
  // Put the rounding and spread residual on the other fields, one hundredth at a time.
  let residual = u.index - scores.reduce((a, b) => a + b, 0);
  for (let step = 0; residual !== 0; step++) {
    const i = others[step % others.length];
    const d = Math.sign(residual) * Math.min(Math.abs(residual), 25);
    scores[i] += d;
    residual -= d;
  }
  return scores;
}

function check(u, scores) {
  const pcts = scores.map((s, i) => (s * 100) / FIELDS[i].max); // hundredths of a percent
  const total = scores.reduce((a, b) => a + b, 0);
  const problems = [];
  if (total !== u.index) problems.push(`total ${total} ≠ ${u.index}`);
  scores.forEach((s, i) => {
    if (s < 0 || s > FIELDS[i].max * 100) problems.push(`field ${i} out of range: ${s}`);
  });
  if (pcts.some((p) => p < 5000)) problems.push('a field under 50%');
  const under70 = pcts.some((p) => p < 7000);
  if (u.index >= 8000 && Boolean(u.weak) !== under70)
    problems.push(`under-70 field: ${under70}, demoted: ${Boolean(u.weak)}`);
  if (problems.length) throw new Error(`${u.name}: ${problems.join('; ')} (${scores.join(', ')})`);
}

function fromHundredths(h) {
  return Number((h / 100).toFixed(2));
}

async function main() {
  const totalIndex = UNITS.reduce((a, u) => a + u.index, 0);
  const lastSum = UNITS.reduce((a, u) => a + u.last, 0);
  if (totalIndex !== 8330 * UNITS.length)
    throw new Error(`district index: ${totalIndex / UNITS.length / 100}% (want 83,30%)`);
  if (lastSum !== 6319 * UNITS.length) throw new Error(`2020 average: ${lastSum / UNITS.length / 100}% (want 63,19%)`);
  if (new Set(UNITS.map((u) => u.index)).size !== UNITS.length) throw new Error('tied indexes');

  const wb = new ExcelJS.Workbook();
  wb.creator = 'par-index-scorer (make-sample.js)';
  wb.created = new Date(Date.UTC(2022, 0, 10));
  wb.modified = wb.created;

  // Sheet 1: instructions.
  const guide = wb.addWorksheet('Hướng dẫn', { properties: { tabColor: { argb: 'FF70AD47' } } });
  guide.getColumn(1).width = 110;
  const lines = [
    ['HƯỚNG DẪN SỬ DỤNG BẢNG CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ', { bold: true, size: 14 }],
    [''],
    [
      'LƯU Ý: Đây là tệp mẫu. Toàn bộ điểm số trong tệp là điểm minh hoạ, được tự đặt ra để tái hiện kết quả xếp loại',
      { bold: true, color: { argb: 'FFC00000' } },
    ],
    [
      'đã công bố trong Báo cáo CCHC năm 2021 của UBND huyện Tứ Kỳ; đây KHÔNG phải là điểm thẩm định thật của các xã, thị trấn.',
      { bold: true, color: { argb: 'FFC00000' } },
    ],
    [''],
    ['Cách bố trí bảng (trang "Tổng hợp"):'],
    ['• Các dòng tiêu đề ở trên cùng (tuỳ ý).'],
    ['• Dòng tiêu đề cột: STT | Tên đơn vị | các lĩnh vực | Tổng điểm | Chỉ số năm trước (%).'],
    ['• Ngay dưới dòng tiêu đề là dòng "Điểm tối đa": điểm tối đa của từng lĩnh vực.'],
    ['• Mỗi dòng tiếp theo là một đơn vị (xã, thị trấn), đến dòng đầu tiên có ô tên trống.'],
    ['• Điểm có tối đa 4 chữ số thập phân. Lĩnh vực không áp dụng cho đơn vị: ghi "KAD".'],
    ['• Có thể thêm cột "Điểm cộng", "Điểm trừ" nếu quy định của tỉnh có.'],
    [''],
    ['Chấm điểm tự động (máy không cần Excel):'],
    ['   npm run --silent score -- examples/chi-so-cchc-2021-tu-ky.xlsx'],
    ['Kết quả được ghi vào bản sao "…scored.xlsx" với 4 cột: Chỉ số (%), Xếp hạng, Xếp loại, Ghi chú (lý do hạ mức).'],
    [''],
    ['Xếp loại theo Quyết định 29/2018/QĐ-UBND tỉnh Hải Dương:'],
    ['• Hoàn thành xuất sắc nhiệm vụ: Chỉ số từ 90% đến 100%, mọi lĩnh vực đạt từ 80% trở lên.'],
    ['• Hoàn thành tốt nhiệm vụ: Chỉ số từ 80% đến dưới 90%, mọi lĩnh vực đạt từ 70% trở lên.'],
    ['• Hoàn thành nhiệm vụ: Chỉ số từ 65% đến dưới 80%, mọi lĩnh vực đạt từ 50% trở lên.'],
    ['• Không hoàn thành nhiệm vụ: Chỉ số dưới 65%.'],
    ['Đơn vị không đạt điều kiện lĩnh vực của mức theo chỉ số thì được xét xuống mức liền dưới.'],
  ];
  lines.forEach(([text, font], i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = text;
    if (font) cell.font = font;
  });

  // Sheet 2: the scoring table.
  const ws = wb.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', xSplit: 2, ySplit: 6 }] });
  const nCols = 2 + FIELDS.length + 2;
  const lastCol = ws.getColumn(nCols).letter;
  const title = (row, text, font) => {
    ws.mergeCells(row, 1, row, nCols);
    const c = ws.getCell(row, 1);
    c.value = text;
    c.font = font;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  title(1, 'ỦY BAN NHÂN DÂN HUYỆN TỨ KỲ', { bold: true, size: 12 });
  title(2, 'BẢNG TỔNG HỢP ĐIỂM THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021 CỦA UBND CÁC XÃ, THỊ TRẤN', {
    bold: true,
    size: 13,
  });
  title(3, '(Điểm minh hoạ, tự đặt ra để tái hiện kết quả đã công bố; không phải điểm thẩm định thật)', {
    italic: true,
    color: { argb: 'FFC00000' },
  });
  ws.getRow(2).height = 32;

  const HEADER_ROW = 5;
  const headers = ['STT', 'Tên đơn vị', ...FIELDS.map((f) => f.label), 'Tổng điểm', 'Chỉ số năm trước (%)'];
  const border = { style: 'thin', color: { argb: 'FF808080' } };
  const allBorders = { top: border, left: border, bottom: border, right: border };
  headers.forEach((h, i) => {
    const c = ws.getCell(HEADER_ROW, i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = allBorders;
  });
  ws.getRow(HEADER_ROW).height = 62;

  const firstField = 3;
  const totalCol = firstField + FIELDS.length;
  const fieldRange = (row) => `${ws.getColumn(firstField).letter}${row}:${ws.getColumn(totalCol - 1).letter}${row}`;
  const sumFormula = (row, resultH) => ({ formula: `SUM(${fieldRange(row)})`, result: fromHundredths(resultH) });

  const maxRow = ws.getRow(HEADER_ROW + 1);
  maxRow.getCell(2).value = 'Điểm tối đa';
  FIELDS.forEach((f, i) => (maxRow.getCell(firstField + i).value = f.max));
  maxRow.getCell(totalCol).value = sumFormula(
    HEADER_ROW + 1,
    FIELDS.reduce((a, f) => a + f.max * 100, 0),
  );
  maxRow.eachCell({ includeEmpty: true }, (c, col) => {
    if (col > nCols) return;
    c.font = { bold: true };
    c.border = allBorders;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });

  UNITS.forEach((u, k) => {
    const scores = unitScores(u, k);
    check(u, scores);
    const r = HEADER_ROW + 2 + k;
    const row = ws.getRow(r);
    row.getCell(1).value = k + 1;
    row.getCell(2).value = u.name;
    scores.forEach((s, i) => (row.getCell(firstField + i).value = fromHundredths(s)));
    row.getCell(totalCol).value = sumFormula(r, u.index);
    row.getCell(totalCol + 1).value = fromHundredths(u.last);
    for (let c = 1; c <= nCols; c++) {
      const cell = row.getCell(c);
      cell.border = allBorders;
      if (c >= firstField) cell.numFmt = '0.00';
    }
    row.getCell(1).alignment = { horizontal: 'center' };
  });

  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 18;
  for (let c = firstField; c < totalCol; c++) ws.getColumn(c).width = 14;
  ws.getColumn(totalCol).width = 10;
  ws.getColumn(totalCol + 1).width = 12;
  ws.pageSetup = {
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:${lastCol}${HEADER_ROW + 1 + UNITS.length}`,
  };

  await wb.xlsx.writeFile(OUT);
  process.stdout.write(
    `${path.relative(process.cwd(), OUT)}: ${UNITS.length} đơn vị, ${FIELDS.length} lĩnh vực (điểm minh hoạ)\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
