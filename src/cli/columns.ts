/**
 * The scorer's side of column roles (issue 15): `--map` read from the command line or a JSON
 * file, the proposed mapping printed when a column is uncertain, and the comparisons a real table
 * carries (self-assessed against appraised points, the authority's results against ours).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  COLUMN_ROLES,
  authorityDisagreements,
  fill,
  mappingJson,
  messages,
  parseColumnMap,
  proposalLines,
  readingNotes,
  selfAssessedDifferences,
  tableCheckLines,
  type HeaderColumn,
  type Lang,
  type MappingProposal,
  type RoleOverrides,
  type ScoringResult,
} from '../engine';

/** A `--map` that cannot be read, worded for the user. */
export class MapOptionError extends Error {}

/** The roles `--map` confirms: inline (`E=appraised,F=selfAssessed`) or a .json file; undefined without `--map`. */
export function readMapOption(value: string | undefined, cwd: string, lang: Lang): RoleOverrides | undefined {
  if (value === undefined) return undefined;
  const m = messages(lang).columns;
  let text = value;
  if (/\.json$/i.test(value.trim())) {
    try {
      text = fs.readFileSync(path.resolve(cwd, value.trim()), 'utf8');
    } catch (e) {
      throw new MapOptionError(
        fill(m.mapUnreadable, { file: value, detail: e instanceof Error ? e.message : String(e) }),
      );
    }
  }
  const parsed = parseColumnMap(text);
  if (!parsed.ok) throw new MapOptionError(fill(m.mapInvalid, { item: parsed.item, roles: COLUMN_ROLES.join(', ') }));
  return parsed.roles;
}

/** What is printed when the columns are uncertain: the sheet, the proposed mapping, how to confirm it. */
export function uncertainText(sheet: string, proposal: MappingProposal, lang: Lang): string {
  const m = messages(lang).columns;
  return (
    [
      fill(m.uncertainTitle, { sheet, count: proposal.uncertain.length }),
      ...proposalLines(proposal.columns, proposal.uncertain, proposal.originCol, lang),
    ].join('\n') + '\n'
  );
}

/** The mapping as `--print-map` prints it, and `--map <file.json>` reads it back. */
export function printedMap(columns: readonly HeaderColumn[], originCol = 0): string {
  return JSON.stringify(mappingJson(columns, originCol), null, 2) + '\n';
}

/** The comparisons, as lines for stdout ('' when the table carries none). */
export function tableChecksText(result: ScoringResult, lang: Lang): string {
  const lines = tableCheckLines(result, lang);
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** How the table was read when it is not the usual shape (results only), as lines for stderr ('' for a usual table). */
export function readingNotesText(result: ScoringResult, lang: Lang): string {
  const lines = readingNotes(result.table, lang);
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** A transposed table: each unit's sheet column and each field's sheet row (null for a usual table). */
function transposedJson(result: ScoringResult): { unitColumns: string[]; fieldRows: number[] } | null {
  const t = result.table.transposed;
  if (!t) return null;
  return {
    unitColumns: result.table.units.map((u) => u.column ?? ''),
    fieldRows: result.table.fields.map((f) => t.rows[f.column] ?? 0),
  };
}

/** The comparisons in the JSON report, and the mapping used. */
export function tableChecksJson(
  result: ScoringResult,
  columns: readonly HeaderColumn[] | undefined,
  lang: Lang,
): Record<string, unknown> {
  return {
    columns: columns ? mappingJson(columns, 0) : null,
    resultsOnly: result.table.resultsOnly === true,
    transposed: transposedJson(result),
    selfAssessedDifferences: selfAssessedDifferences(result.table),
    authorityDisagreements: authorityDisagreements(result, lang),
    blocks: result.table.units.some((u) => u.block)
      ? result.table.units.map((u) => ({ unit: u.name, block: u.block ?? null }))
      : null,
  };
}
