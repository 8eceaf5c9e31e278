/**
 * One word per concept (issue 17, item 9): the Vietnamese strings of src/engine/i18n/vi.ts held
 * to docs/glossary.md: no word the glossary forbids; in the pane's sections (ui, pane, excel)
 * typographic quotes and a capital letter first, in Vietnamese and in the English beside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { en } from '../../src/engine/i18n/en';
import { vi } from '../../src/engine/i18n/vi';

const GLOSSARY = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'glossary.md'), 'utf8');

/** The glossary's rows: the term and the words not to use (the table's last column, each in backticks). */
function glossaryRows(): { term: string; forbidden: string[] }[] {
  return GLOSSARY.split('\n')
    .filter((l) => /^\|/.test(l) && !/^\|[\s|:-]+$/.test(l) && !l.startsWith('| Thuật ngữ'))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map((cells) => ({ term: cells[1], forbidden: [...cells[3].matchAll(/`([^`]+)`/g)].map((m) => m[1]) }));
}

/** Every string of a language, with its key path ("pane.reread", "cli.usage.3"). */
function strings(
  o: unknown,
  at: string[] = [],
  out: { key: string; text: string }[] = [],
): { key: string; text: string }[] {
  if (typeof o === 'string') out.push({ key: at.join('.'), text: o });
  else if (Array.isArray(o)) o.forEach((x, i) => strings(x, [...at, String(i)], out));
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) strings(v, [...at, k], out);
  return out;
}

const VI = strings(vi);
const EN = strings(en);
const withoutPlaceholders = (text: string) => text.replace(/\{\w+\}/g, ' ');

/** A forbidden word as a pattern: whole words, case ignored unless the word has a capital after its first letter. */
function wordPattern(word: string): RegExp {
  const escaped = word.normalize('NFC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const caseSensitive = /\p{Lu}/u.test(word.slice(1));
  return new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, caseSensitive ? 'u' : 'iu');
}

/** The pane's sections: messages a person reads in the task pane. */
const PANE_SECTIONS = ['ui', 'pane', 'excel'];
const inPane = (key: string) => PANE_SECTIONS.includes(key.split('.')[0]);

/**
 * Strings of those sections that are not messages but fragments or values, each with its reason.
 */
const FRAGMENTS: Record<string, string> = {
  'excel.sourceSelection': 'inserted in excel.notFound: "(vùng đang chọn A1:K29)"',
  'excel.sourceTable': 'inserted in excel.notFound: "(bảng Excel “…”)"',
  'excel.sourceSheet': 'inserted in excel.notFound: "(toàn trang tính)"',
  'ui.foundUnitRowsValue': 'the value beside the label "Các dòng đơn vị": "dòng 7 đến 29"',
  'ui.rulesNoFloor': 'a table cell under "Mỗi lĩnh vực đạt ít nhất": "không yêu cầu"',
};

test('the glossary fixes the terms the issue names, each with the words not to use', () => {
  const rows = glossaryRows();
  const terms = rows.map((r) => r.term);
  for (const t of [
    'Chỉ số CCHC',
    'xếp hạng',
    'sổ tính',
    'phần bổ trợ',
    'mức xếp loại',
    'lĩnh vực',
    'điểm tối đa',
    'tự chấm',
    'thẩm định',
  ])
    expect(terms).toContain(t);
  for (const r of rows)
    expect({ term: r.term, forbidden: r.forbidden.length > 0 }).toEqual({ term: r.term, forbidden: true });
});

test('no Vietnamese string uses a word the glossary forbids', () => {
  const found: string[] = [];
  for (const { term, forbidden } of glossaryRows()) {
    for (const word of forbidden) {
      const pattern = wordPattern(word);
      for (const s of VI)
        if (pattern.test(withoutPlaceholders(s.text))) found.push(`${s.key}: "${word}" (use "${term}")`);
    }
  }
  expect(found).toEqual([]);
});

test('the check would catch a forbidden word, whole words only, case as the glossary says', () => {
  expect(wordPattern('bảng tính').test('Đọc lại Bảng tính')).toBe(true);
  expect(wordPattern('add-in').test('Chức năng của add-in')).toBe(true);
  expect(wordPattern('chỉ số CCHC').test('Chỉ số CCHC của huyện')).toBe(false);
  expect(wordPattern('chỉ số CCHC').test('đạt chỉ số CCHC')).toBe(true);
  expect(wordPattern('thứ hạng').test('xếp thứ hạng')).toBe(true);
  expect(wordPattern('sheet').test(withoutPlaceholders('trang {sheet}'))).toBe(false);
});

test('the pane’s messages quote with “…”, in Vietnamese and in English', () => {
  for (const list of [VI, EN]) {
    const straight = list.filter((s) => inPane(s.key) && /"/.test(s.text)).map((s) => `${s.key}: ${s.text}`);
    expect(straight).toEqual([]);
    // Every opening quote is closed.
    const unbalanced = list
      .filter((s) => inPane(s.key) && (s.text.match(/“/g) ?? []).length !== (s.text.match(/”/g) ?? []).length)
      .map((s) => s.key);
    expect(unbalanced).toEqual([]);
  }
});

test('the pane’s messages start with a capital letter (fragments aside, each with its reason)', () => {
  for (const list of [VI, EN]) {
    const lower = list
      .filter((s) => inPane(s.key) && !(s.key in FRAGMENTS))
      .filter((s) => {
        const first = s.text.replace(/^[\s(“"‘'[]+/u, '').charAt(0);
        return first !== '' && first !== '{' && /\p{Ll}/u.test(first);
      })
      .map((s) => `${s.key}: ${s.text}`);
    expect(lower).toEqual([]);
  }
  // The fragments are still strings of those sections (a renamed key would leave a stale exemption).
  for (const key of Object.keys(FRAGMENTS)) expect(VI.some((s) => s.key === key)).toBe(true);
});
