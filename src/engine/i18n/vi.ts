/**
 * Every Vietnamese string the product shows, in one place. English is in en.ts, key for key.
 */
export const vi = {
  findings: {
    notANumber: '"{value}" không phải là số',
    numberFromText: '"{value}" là văn bản, đã đọc thành số {number}',
    ambiguousNumber: '"{value}" có thể hiểu theo nhiều cách ({readings}); hãy nhập lại cho rõ',
    negative: 'điểm âm ({value})',
    overMax: '{value} điểm vượt điểm tối đa {max} của lĩnh vực "{field}"',
    emptyScore: 'ô điểm trống ({unit}, lĩnh vực "{field}"); ghi "KAD" nếu lĩnh vực không áp dụng',
    missingMax: 'thiếu điểm tối đa của lĩnh vực "{field}"',
    zeroMax: 'điểm tối đa của lĩnh vực "{field}" bằng 0',
    duplicateName: 'tên đơn vị "{name}" trùng với ô {first}',
    totalMismatch: 'tổng điểm ghi {stated} nhưng tổng các lĩnh vực (cộng, trừ điểm) là {computed}',
    tooManyDecimals: '{value} có hơn 4 chữ số thập phân; đã làm tròn thành {number}',
    cellError: 'ô có lỗi {value}',
    unknownBand: 'không nhận ra mức xếp loại "{value}"',
    noUnits: 'không có đơn vị nào dưới dòng "Điểm tối đa"',
    noFields: 'không có cột lĩnh vực nào bên phải cột tên đơn vị',
  },
  layout: {
    noHeader: 'không tìm thấy bảng chấm điểm: cần một dòng tiêu đề có cột "Tên đơn vị" (hoặc "Đơn vị", "Tên xã", "Unit") và ngay dưới là dòng "Điểm tối đa"',
    noMaxRow: 'có cột "Tên đơn vị" nhưng dòng ngay dưới tiêu đề không phải là dòng "Điểm tối đa" (hoặc "Max")',
    noFields: 'không có cột lĩnh vực nào bên phải cột "Tên đơn vị" (ô {detail})',
  },
  rules: {
    noBands: 'bộ tiêu chí không có mức xếp loại nào',
    badCode: 'mức {band} thiếu mã',
    duplicateCode: 'mã mức "{band}" bị trùng',
    missingLabel: 'mức "{band}" thiếu tên tiếng Việt hoặc tiếng Anh',
    notANumber: 'mức "{band}": giá trị "{value}" không phải là số',
    outOfRange: 'mức "{band}": ngưỡng {value}% nằm ngoài khoảng 0–100%',
    tooManyDecimals: 'mức "{band}": ngưỡng {value}% có hơn 4 chữ số thập phân',
    emptyRange: 'mức "{band}": khoảng từ {value}% đến {otherValue}% không chứa giá trị nào',
    notDescending: 'mức "{band}" (từ {value}%) phải thấp hơn mức "{other}" đứng trước (từ {otherValue}%)',
    gap: 'khoảng trống giữa mức "{band}" (từ {value}%) và mức "{other}" (đến {otherValue}%): chỉ số {value}% không thuộc mức nào',
    overlap: 'mức "{band}" (từ {value}%) và mức "{other}" (đến {otherValue}%) chồng lên nhau',
    topNot100: 'mức cao nhất "{band}" phải kéo dài đến 100% (kể cả 100%), đang là {value}%',
    bottomNot0: 'mức thấp nhất "{band}" phải bắt đầu từ 0% (kể cả 0%), đang là {value}%',
    floorOutOfRange: 'mức "{band}": ngưỡng lĩnh vực {value}% nằm ngoài khoảng 0–100%',
  },
  output: {
    headers: ['Chỉ số (%)', 'Xếp hạng', 'Xếp loại', 'Ghi chú'],
    demotionStep: 'Chưa đạt mức "{band}" vì {fields} dưới {floor}',
    fieldPct: '{label} ({pct})',
    demotionIntro: 'Chỉ số {index} thuộc mức "{indexBand}". ',
    demotionEnd: '; xếp loại "{band}".',
  },
  excel: {
    accessDenied: 'Trang tính "{sheet}" đang được bảo vệ: hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi chấm điểm lại. Không có ô nào bị thay đổi.',
    cellEditMode: 'Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại. Không có ô nào bị thay đổi.',
    conflict: 'Một người cùng soạn thảo đang sửa vùng này: hãy đợi một chút rồi thử lại. Không có ô nào bị thay đổi.',
    payloadTooLarge: 'Dữ liệu gửi tới Excel vượt giới hạn kích thước của một yêu cầu. Không có ô nào bị thay đổi.',
    itemNotFound: 'Không tìm thấy trang tính hoặc vùng dữ liệu (có thể đã bị xoá hoặc đổi tên). Không có ô nào bị thay đổi.',
    generic: 'Excel báo lỗi: {code} ({message}).',
    rolledBack: ' Các cột kết quả đã ghi dở đã được khôi phục.',
    outputNotEmpty: 'Cột {column} (bên phải bảng) đã có dữ liệu ở ô {cell}: add-in không ghi đè dữ liệu nhập. Hãy để trống 4 cột bên phải bảng hoặc chèn cột trống.',
    notFound: 'Không tìm thấy bảng chấm điểm trên trang tính "{sheet}" ({source}): {reason}',
    sourceSelection: 'vùng đang chọn {address}',
    sourceTable: 'bảng Excel "{name}"',
    sourceSheet: 'toàn trang tính',
    hasErrors: 'Dữ liệu có {count} lỗi; chưa ghi gì vào bảng tính. Hãy sửa các ô được nêu rồi chấm lại.',
  },
  percentRange: {
    from: 'từ {value}',
    above: 'trên {value}',
    to: 'đến {value}',
    under: 'dưới {value}',
  },
} as const;

/** The shape of a language's strings: vi's keys, with any wording. */
type Widen<T> = T extends string ? string : T extends readonly string[] ? readonly string[] : { readonly [K in keyof T]: Widen<T[K]> };
export type Messages = Widen<typeof vi>;
