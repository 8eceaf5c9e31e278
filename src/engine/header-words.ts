/**
 * The words real scoring tables write in their headers, per column role, folded (no case, no
 * diacritics: see text.ts). One home for them: layout detection (header-roles.ts) and the
 * mapping a user confirms (`--map E=appraised`) both take their roles from here.
 */
import { fold } from './text';

/** What a column of a scoring table holds. */
export type ColumnRole =
  | 'name'
  | 'stt'
  | 'field'
  | 'selfAssessed'
  | 'appraised'
  | 'survey'
  | 'bonus'
  | 'penalty'
  | 'total'
  | 'block'
  | 'lastYearIndex'
  | 'lastYearBand'
  | 'authorityIndex'
  | 'authorityRank'
  | 'authorityBand'
  | 'max'
  | 'notes'
  | 'ignored';

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'name',
  'stt',
  'field',
  'selfAssessed',
  'appraised',
  'survey',
  'bonus',
  'penalty',
  'total',
  'block',
  'lastYearIndex',
  'lastYearBand',
  'authorityIndex',
  'authorityRank',
  'authorityBand',
  'max',
  'notes',
  'ignored',
];

/**
 * How a role is named: `exact` the whole header, `prefixes` its start (strong matches), `contains`
 * words anywhere in it (a weak match, taken when no strong one names another role).
 */
interface RoleWords {
  role: ColumnRole;
  exact?: readonly string[];
  prefixes?: readonly string[];
  contains?: readonly string[];
}

export const ROLE_WORDS: readonly RoleWords[] = [
  { role: 'stt', exact: ['stt', 'tt', 'no.', 'no', 'so tt', 'so thu tu', '#'] },
  {
    role: 'selfAssessed',
    exact: ['tdg', 'dtc', 'tu cham', 'tu danh gia', 'self', 'self-assessed'],
    prefixes: [
      'tu cham',
      'tu danh gia',
      'diem tu cham',
      'diem tu danh gia',
      'dv tu cham',
      'don vi tu cham',
      'diem don vi tu cham',
      'self-assess',
      'self assess',
    ],
    contains: ['tu cham', 'tu danh gia'],
  },
  {
    role: 'appraised',
    exact: ['td', 'dtd', 'tham dinh', 'appraised'],
    prefixes: [
      'tham dinh',
      'diem tham dinh',
      'ket qua tham dinh',
      'hd tham dinh',
      'hoi dong tham dinh',
      'diem hd tham dinh',
      'appraised',
      'appraisal',
    ],
    contains: ['tham dinh'],
  },
  {
    role: 'survey',
    exact: ['dtxhh', 'sipas', 'khao sat', 'survey'],
    prefixes: [
      'dieu tra xa hoi hoc',
      'dtxhh',
      'diem dtxhh',
      'diem dieu tra',
      'khao sat',
      'diem khao sat',
      'sipas',
      'chi so hai long',
      'su hai long',
      'do luong su hai long',
      'survey',
    ],
    contains: ['dieu tra xa hoi hoc', 'dtxhh', 'sipas', 'khao sat'],
  },
  {
    role: 'bonus',
    prefixes: ['diem cong', 'diem thuong', 'cong diem', 'bonus'],
    contains: ['diem cong', 'diem thuong'],
  },
  {
    role: 'penalty',
    prefixes: ['diem tru', 'diem phat', 'tru diem', 'deduction', 'penalty'],
    contains: ['diem tru', 'diem phat'],
  },
  // "Tổng điểm", "Tổng cộng", "Tổng số điểm", "Điểm tổng", "Total"; with more words: "Tổng điểm đạt", "Tổng cộng (điểm)".
  {
    role: 'total',
    exact: [
      'tong',
      'tong diem',
      'tong cong',
      'tong so diem',
      'diem tong',
      'total',
      'total points',
      'total score',
      'cong',
    ],
    prefixes: ['tong diem ', 'tong cong ', 'tong so diem ', 'diem tong ', 'total points '],
  },
  {
    role: 'block',
    exact: ['khoi', 'nhom', 'loai don vi', 'khoi/nhom', 'block', 'group'],
    prefixes: ['khoi ', 'nhom don vi', 'loai don vi', 'phan loai don vi'],
  },
  {
    role: 'lastYearIndex',
    prefixes: ['chi so nam truoc', 'chi so cchc nam truoc', 'chi so nam ngoai', "last year's index", 'last year index'],
  },
  {
    role: 'lastYearBand',
    prefixes: ['xep loai nam truoc', 'xep loai nam ngoai', "last year's band", 'last year band'],
  },
  {
    role: 'authorityIndex',
    exact: ['chi so', 'index', 'index (%)', 'ty le (%)'],
    prefixes: [
      'chi so (%)',
      'chi so cchc',
      'chi so tong hop',
      'chi so cai cach',
      'chi so par',
      'chi so dat',
      'ket qua chi so',
      'par index',
    ],
  },
  {
    role: 'authorityRank',
    exact: ['hang', 'rank', 'xep thu'],
    prefixes: ['xep hang', 'thu hang', 'thu tu xep hang', 'rank'],
  },
  {
    role: 'authorityBand',
    exact: ['band', 'xep loai', 'phan loai', 'muc xep loai'],
    prefixes: ['xep loai', 'ket qua xep loai', 'muc xep loai', 'muc do hoan thanh', 'phan loai muc'],
  },
  {
    role: 'max',
    exact: ['max', 'toi da', 'diem toi da', 'maximum', 'max points', 'diem chuan'],
    prefixes: ['diem toi da', 'so diem toi da', 'diem chuan'],
  },
  { role: 'notes', exact: ['ghi chu', 'note', 'notes', 'ly do'], prefixes: ['ghi chu', 'nhan xet'] },
];

/**
 * Words of a unit-name header: a header made only of these (after an optional "Tên"), joined by
 * commas, slashes or "và", names the unit column ("Tên xã, thị trấn", "Xã, phường, thị trấn",
 * "Cơ quan, đơn vị", "Đơn vị, địa phương").
 */
export const UNIT_KIND_WORDS = [
  'don vi',
  'xa',
  'phuong',
  'thi tran',
  'dia phuong',
  'co quan',
  'co quan don vi',
  'huyen',
  'quan',
  'thi xa',
  'thanh pho',
  'so',
  'ban',
  'nganh',
  'so, ban, nganh',
  'ubnd',
  'ubnd xa',
  'ubnd cap xa',
  'unit',
  'unit name',
  'units',
];

/** Whether a folded header names the unit column. */
export function isNameHeader(folded: string): boolean {
  const text = folded.replace(/[:.]$/, '').trim();
  if (text === '') return false;
  const body = text.startsWith('ten ') ? text.slice(4) : text;
  const parts = body.split(/\s*(?:,|\/|;|\bva\b|\band\b|-)\s*/).filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => UNIT_KIND_WORDS.includes(p.trim()));
}

/** Name-cell texts (folded) of the max-points row. */
export const MAX_ROW_NAMES = [
  'diem toi da',
  'max',
  'max points',
  'maximum',
  'toi da',
  'diem chuan',
  'thang diem',
  'so diem toi da',
];

/** Whether a folded cell text labels the max-points row ("Điểm tối đa", "Điểm tối đa:"). */
export function isMaxRowLabel(folded: string): boolean {
  return MAX_ROW_NAMES.includes(folded.replace(/[:.]$/, '').trim());
}

/** Name-cell texts (folded) of a totals or average row under the units. */
export const SUMMARY_ROW_NAMES = [
  'tong',
  'tong cong',
  'cong',
  'tong so',
  'trung binh',
  'trung binh chung',
  'binh quan',
  'binh quan chung',
  'chi so binh quan',
  'total',
  'sum',
  'average',
  'mean',
  'subtotal',
];
/**
 * Starts of a block's subtotal or average row ("Cộng khối phường", "Bình quân khối xã"); never
 * "cộng " alone (Cộng Lạc is a commune) nor "tổng cộng " (a unit may be named "Tổng cộng (điểm)").
 */
const SUMMARY_ROW_PREFIXES = [
  'cong khoi',
  'cong nhom',
  'cong cac',
  'cong cum',
  'binh quan khoi',
  'binh quan nhom',
  'trung binh khoi',
  'trung binh nhom',
  'subtotal',
];

/** Whether a folded cell text names a totals, subtotal or average row ("Tổng cộng", "Cộng khối xã", "Bình quân"). */
export function isSummaryText(folded: string): boolean {
  const text = folded.replace(/[:.]$/, '').trim();
  return SUMMARY_ROW_NAMES.includes(text) || SUMMARY_ROW_PREFIXES.some((p) => text.startsWith(p));
}

/** A match of a header against the role words. */
export interface RoleMatch {
  role: ColumnRole;
  /** Length of the matched words: the longer, the more specific. */
  length: number;
  strong: boolean;
}

/** Folds a header for matching: text.ts's fold, and line breaks and "(%)"-like spacing made plain. */
export function foldHeader(text: string): string {
  return fold(text)
    .replace(/\s*\(\s*/g, ' (')
    .replace(/\s*\)/g, ')')
    .trim();
}

/** Every role the words of a folded header name. */
export function roleMatches(folded: string): RoleMatch[] {
  const out: RoleMatch[] = [];
  for (const w of ROLE_WORDS) {
    const exact = w.exact?.find((e) => e === folded);
    const prefix = w.prefixes?.filter((p) => folded.startsWith(p)).sort((a, b) => b.length - a.length)[0];
    const strong = exact ?? prefix;
    if (strong !== undefined) {
      out.push({ role: w.role, length: strong.length, strong: true });
      continue;
    }
    const weak = w.contains?.find((c) =>
      new RegExp(`(^|[^a-z])${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z])`).test(folded),
    );
    if (weak !== undefined) out.push({ role: w.role, length: weak.length, strong: false });
  }
  return out;
}

/** Roles that carry a unit's points for a field: a header naming two of them is never read as one. */
const POINTS_ROLES: readonly ColumnRole[] = ['selfAssessed', 'appraised', 'survey', 'bonus', 'penalty'];

/**
 * A header's role by its words: the most specific strong match (a "Tổng điểm thẩm định" is the
 * total); `candidates` when the words name two roles equally ("Tự chấm / Thẩm định"). A header
 * no role names is a field.
 */
export function headerRole(text: string): { role: ColumnRole; candidates: ColumnRole[] } {
  const folded = foldHeader(text);
  if (isNameHeader(folded)) return { role: 'name', candidates: [] };
  const matches = roleMatches(folded);
  if (matches.length === 0) return { role: 'field', candidates: [] };
  const strong = matches.filter((m) => m.strong).sort((a, b) => b.length - a.length);
  const best = strong[0] ?? matches.sort((a, b) => b.length - a.length)[0];
  const rivals = matches.filter(
    (m) =>
      m.role !== best.role &&
      (m.strong ? m.length === best.length : POINTS_ROLES.includes(best.role) && POINTS_ROLES.includes(m.role)),
  );
  if (rivals.length > 0) return { role: best.role, candidates: [best.role, ...new Set(rivals.map((r) => r.role))] };
  return { role: best.role, candidates: [] };
}

/** A role written by a person (`--map E=appraised`, "thẩm định", "tự chấm"), or null if none. */
export function roleFromText(text: string): ColumnRole | null {
  const t = text.trim();
  const direct = COLUMN_ROLES.find((r) => r.toLowerCase() === t.toLowerCase());
  if (direct) return direct;
  const folded = foldHeader(t);
  if (folded === 'deduction') return 'penalty';
  const { role, candidates } = headerRole(t);
  return candidates.length === 0 && (role !== 'field' || folded === 'linh vuc' || folded === 'field') ? role : null;
}
