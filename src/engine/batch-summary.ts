/**
 * The consolidated summary of a batch (a province's Sở Nội vụ scoring its districts' files): a row
 * per workbook with its sheet, its units and its count per band, or what stopped it. The CLI
 * writes this table as .xlsx and .csv; what the table holds is decided here, once.
 */
import { fill } from './format';
import { messages } from './i18n';
import type { Lang } from './types';

/** What became of one workbook of a run. */
export interface WorkbookOutcome {
  /** The input as the user named it. */
  file: string;
  status: 'scored' | 'errors' | 'noTable' | 'occupied' | 'unreadable';
  sheet: string | null;
  units: number;
  /** Units per band code, when scored. */
  counts: Record<string, number> | null;
  /** The bands of the rules used (code and label in the run's language); empty when unread. */
  bands: { code: string; label: string }[];
  /** What stopped the run, worded for the user (with their cells). */
  problems: string[];
  /** The scored copy, as the user would name it, when one was written. */
  output: string | null;
}

export type SummaryCell = string | number | null;

export interface BatchSummaryTable {
  title: string;
  headers: string[];
  /** One row per workbook, then the total row. */
  rows: SummaryCell[][];
}

/** How many problems a row lists before "… and N more" (a cell holds at most 32,767 characters). */
const PROBLEMS_LISTED = 10;
const CELL_LIMIT = 32_767;

/** The bands of every workbook, each once, in the order they first appear. */
function bandColumns(outcomes: readonly WorkbookOutcome[]): { code: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const o of outcomes) for (const b of o.bands) if (!seen.has(b.code)) seen.set(b.code, b.label);
  return [...seen].map(([code, label]) => ({ code, label }));
}

/** A row's problems in one cell: the first few, then how many more, never over a cell's limit. */
export function problemsCell(problems: readonly string[], lang: Lang): string {
  const listed = problems.slice(0, PROBLEMS_LISTED);
  let text = listed.join('; ');
  if (problems.length > listed.length)
    text += `; ${fill(messages(lang).batch.moreProblems, { count: problems.length - listed.length })}`;
  return text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT - 1)}…` : text;
}

/** The summary table of a batch, in the run's language. */
export function batchSummaryTable(outcomes: readonly WorkbookOutcome[], lang: Lang): BatchSummaryTable {
  const t = messages(lang).batch;
  const bands = bandColumns(outcomes);
  const headers = [t.number, t.file, t.sheet, t.units, ...bands.map((b) => b.label), t.status, t.output, t.problems];
  const rows: SummaryCell[][] = outcomes.map((o, i) => [
    i + 1,
    o.file,
    o.sheet,
    o.status === 'scored' ? o.units : null,
    ...bands.map((b) => (o.counts ? (o.counts[b.code] ?? 0) : null)),
    t.statuses[o.status],
    o.output,
    o.problems.length > 0 ? problemsCell(o.problems, lang) : null,
  ]);
  const scored = outcomes.filter((o) => o.status === 'scored');
  const sum = (f: (o: WorkbookOutcome) => number) => scored.reduce((total, o) => total + f(o), 0);
  rows.push([
    null,
    t.total,
    null,
    sum((o) => o.units),
    ...bands.map((b) => sum((o) => o.counts?.[b.code] ?? 0)),
    fill(t.totalLine, { scored: scored.length, total: outcomes.length, failed: outcomes.length - scored.length }),
    null,
    null,
  ]);
  return { title: t.title, headers, rows };
}

/** One line per workbook and a closing count, for the terminal. */
export function batchSummaryLines(outcomes: readonly WorkbookOutcome[], lang: Lang): string[] {
  const t = messages(lang).batch;
  const lines = outcomes.map((o) => {
    const status = t.statuses[o.status];
    if (o.status !== 'scored' || !o.counts)
      return `${fill(t.line, { file: o.file, status })}${o.problems.length > 0 ? `: ${o.problems[0]}` : ''}`;
    const counts = o.bands
      .map((b) => fill(t.countsLine, { label: b.label, count: o.counts?.[b.code] ?? 0 }))
      .join(', ');
    return fill(t.scoredLine, { file: o.file, status, sheet: o.sheet ?? '', units: o.units, counts });
  });
  const scored = outcomes.filter((o) => o.status === 'scored').length;
  lines.push(fill(t.totalLine, { scored, total: outcomes.length, failed: outcomes.length - scored }));
  return lines;
}
