/**
 * One word per concept (issue 17, item 9): the Vietnamese strings of src/engine/i18n/vi.ts held
 * to docs/glossary.md: no word the glossary forbids; in every section a person reads (the pane, the
 * CLI, the findings, the review, the report) typographic quotes and a capital letter first, in
 * Vietnamese and in the English beside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { en } from '../../src/engine/i18n/en';
import { vi } from '../../src/engine/i18n/vi';

const GLOSSARY = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'glossary.md'), 'utf8');

/** The glossary's rows: the term and the words not to use (the table's last column, each in backticks). */
function glossaryRows(): { term: string; forbidden: string[] }[] {
  return (
    GLOSSARY.split('\n')
      // The separator row (prettier pads it: `| --- |`) is not a term.
      .filter((l) => /^\|[^-|]/.test(l) && !/^\|[\s|:-]+$/.test(l) && !l.startsWith('| Thuật ngữ'))
      .map((l) => l.split('|').map((c) => c.trim()))
      .map((cells) => ({ term: cells[1], forbidden: [...cells[3].matchAll(/`([^`]+)`/g)].map((m) => m[1]) }))
  );
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

/** The sections a person reads: the pane, the CLI, the findings, the review, the report. */
const READ_SECTIONS = [
  'findings',
  'layout',
  'rules',
  'output',
  'excel',
  'ui',
  'cli',
  'batch',
  'review',
  'rulesUi',
  'percentRange',
  'narrative',
  'ruleSets',
  'columns',
  'pane',
];
const isRead = (key: string) => READ_SECTIONS.includes(key.split('.')[0]);

/**
 * Strings that are code or data, not prose: their straight quotes are what is typed, each with its
 * reason. (Cell references such as `'{sheet}'!{cell}` keep Excel's own apostrophes: the quote test
 * looks at double quotes only.)
 */
const CODE: Record<string, string> = {
  'cli.usage.13': 'shell quoting in the usage: --district "Tứ Kỳ" (a name with a space)',
  'columns.confirmHint': 'a command to type: --map "{map}" (shell quoting of the map)',
};

/**
 * Strings of those sections that are not messages but fragments, values or the tail of a message
 * that begins with a cell reference, each (or each group, by key prefix) with its reason.
 */
const FRAGMENTS: Record<string, string> = {
  'findings.': "shown after its cell: '{cell}: …' (describeFinding: 'Tổng hợp'!D7: “abc” không phải là số)",
  'ruleSets.findings.': "shown after its cell, as findings are: '{cell}: …'",
  'cli.overwriting': "printed after its cell, as findings are: '{cell}: các ô H3…H5 bên phải bảng không trống: …'",
  'review.source.': "shown after the rule set's cell or key: '{where}: …' (describeRuleSourceProblem)",
  'review.bound': 'the first part of a reason in a unit’s review line (describeChangeReason)',
  'review.index': 'the second part of a reason: “…: chỉ số 81,20% không còn đạt”',
  'review.floorChanged': 'the first part of a reason in a unit’s review line',
  'review.noFloor': 'a value inserted in review.floorChanged: “không yêu cầu”',
  'review.other': 'a reason in a unit’s review line',
  'review.rankLine': 'appended to a unit’s review line after “; ”',
  'review.changed': 'inserted in review.changedSinceRead: “(các ô A1, B2)”',
  'review.action': 'an action name inserted into a log line',
  'cli.usage.': 'continuation lines of the usage text',
  'cli.range.': 'a range inserted into a band’s line: “từ 80% đến 100%”',
  'cli.yearFrom': 'inserted after the year: “năm 2021 (lấy từ tiêu đề bảng)”',
  'cli.yearDefault': 'inserted after the year, as cli.yearFrom…',
  'rulesUi.lower': 'a bound inserted into a band’s range',
  'rulesUi.upper': 'a bound inserted into a band’s range',
  'percentRange.': 'a bound inserted into a band’s range',
  'narrative.':
    'the report’s sentences are assembled from parts (nouns, ranges, clauses); whole sentences start with a capital or a placeholder',
  'ruleSets.narrative.': 'clauses appended to the report’s sentences',
  'ruleSets.review.': 'parts of a review line, as review.bound…',
  'columns.what.': 'a word inserted into columns.authorityLine: “index in the table …”',
  'output.demotionStep': 'continues output.demotionFirst after “; ”',
  'ruleSets.notes.demotionStepMixed': 'continues ruleSets.notes.demotionFirstMixed after “; ”',
  'excel.sourceSelection': 'inserted in excel.notFound: "(vùng đang chọn A1:K29)"',
  'excel.sourceTable': 'inserted in excel.notFound: "(bảng Excel “…”)"',
  'excel.sourceSheet': 'inserted in excel.notFound: "(toàn trang tính)"',
  'ui.foundUnitRowsValue': 'the value beside the label "Các dòng đơn vị": "dòng 7 đến 29"',
  'ui.rulesNoFloor': 'a table cell under "Mỗi lĩnh vực đạt ít nhất": "không yêu cầu"',
};
const isFragment = (key: string) => Object.keys(FRAGMENTS).some((k) => key === k || key.startsWith(k));

/**
 * A message that begins with a placeholder or a cell reference (`{cell}: …`, `'{sheet}'!{cell}: …`,
 * `{label}: …`) takes its first letter from what is inserted there: exempt from the capital rule.
 */
const startsWithPlaceholder = (first: string) => first === '{';

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

test('the messages quote with “…”, in Vietnamese and in English (code aside, each with its reason)', () => {
  for (const list of [VI, EN]) {
    const straight = list
      .filter((s) => isRead(s.key) && !(s.key in CODE) && /"/.test(s.text))
      .map((s) => `${s.key}: ${s.text}`);
    expect(straight).toEqual([]);
    // Every opening quote is closed.
    const unbalanced = list
      .filter((s) => isRead(s.key) && (s.text.match(/“/g) ?? []).length !== (s.text.match(/”/g) ?? []).length)
      .map((s) => s.key);
    expect(unbalanced).toEqual([]);
  }
});

test('the messages start with a capital letter (fragments and placeholders first aside, each with its reason)', () => {
  for (const list of [VI, EN]) {
    const lower = list
      .filter((s) => isRead(s.key) && !isFragment(s.key))
      .filter((s) => {
        const first = s.text.replace(/^[\s(“"‘'[]+/u, '').charAt(0);
        return first !== '' && !startsWithPlaceholder(first) && /\p{Ll}/u.test(first);
      })
      .map((s) => `${s.key}: ${s.text}`);
    expect(lower).toEqual([]);
  }
  // The exemptions still name strings of those sections (a renamed key would leave a stale exemption).
  for (const key of Object.keys(FRAGMENTS))
    expect({ key, found: VI.some((s) => s.key === key || s.key.startsWith(key)) }).toEqual({ key, found: true });
  for (const key of Object.keys(CODE))
    expect({ key, found: VI.some((s) => s.key === key) }).toEqual({ key, found: true });
});

test('every section of the language files is held to the writing rules', () => {
  expect(Object.keys(vi).filter((k) => !READ_SECTIONS.includes(k))).toEqual([]);
  expect(Object.keys(en).filter((k) => !READ_SECTIONS.includes(k))).toEqual([]);
});
