/**
 * What a real table carries beside the points scored, compared with the result: self-assessed
 * points against the appraised points (information), and the authority's own index, rank and
 * band against ours (every disagreement listed). Both shells list these; neither changes a band.
 */
import { bandLabel } from './describe';
import { qualifiedAddress } from './address';
import { fill, formatPct, formatPoints } from './format';
import { messages } from './i18n';
import type { Lang, ScoringResult, ScoringTable, UnitInput } from './types';

/**
 * The sheet cell (A1) of a unit's value in a column of the table as read (a field's, the
 * authority's): on the unit's row; in a transposed table, in the unit's column, on that column's row.
 */
export function unitCell(table: ScoringTable, column: string, u: UnitInput): string {
  const row = table.transposed?.rows[column];
  return row !== undefined && u.column ? `${u.column}${row}` : `${column}${u.row}`;
}

/** A field where a unit's self-assessed points differ from its appraised points. */
export interface SelfDifference {
  unit: string;
  /** The unit's index in table.units (sheet order). */
  unitIndex: number;
  field: string;
  /** The self-assessed cell and the appraised cell (A1, without the sheet). */
  selfCell: string;
  appraisedCell: string;
  self: number;
  appraised: number;
  /** Appraised minus self-assessed points. */
  difference: number;
}

/** Every unit and field whose self-assessed points differ from the appraised points, in sheet order. */
export function selfAssessedDifferences(table: ScoringTable): SelfDifference[] {
  const out: SelfDifference[] = [];
  table.units.forEach((u, unitIndex) => {
    const selfScores = u.selfAssessedScores;
    if (!selfScores) return;
    table.fields.forEach((f, i) => {
      const self = selfScores[i];
      const appraised = u.scores[i];
      if (!f.selfColumn || self?.kind !== 'points' || appraised?.kind !== 'points' || self.scaled === appraised.scaled)
        return;
      out.push({
        unit: u.name,
        unitIndex,
        field: f.label,
        selfCell: unitCell(table, f.selfColumn, u),
        appraisedCell: unitCell(table, f.column, u),
        self: self.scaled / 1e4,
        appraised: appraised.scaled / 1e4,
        difference: (appraised.scaled - self.scaled) / 1e4,
      });
    });
  });
  return out;
}

/** Where the authority's figure and ours disagree. */
export interface AuthorityDisagreement {
  unit: string;
  /** The authority's cell (A1, without the sheet). */
  cell: string;
  what: 'index' | 'rank' | 'band';
  /** As the table states it (a band as its label when recognised). */
  theirs: string | number;
  ours: string | number;
}

/**
 * Every unit whose index, rank or band in the table (the authority's) is not ours. An index is
 * compared at two decimals (as published); a band the rule set does not know is a disagreement.
 */
export function authorityDisagreements(result: ScoringResult, lang: Lang = 'vi'): AuthorityDisagreement[] {
  const cols = result.table.authorityColumns;
  if (!cols) return [];
  const out: AuthorityDisagreement[] = [];
  result.table.units.forEach((u, k) => {
    const ours = result.units[k];
    const theirs = u.authority;
    if (!theirs) return;
    if (
      cols.index &&
      theirs.indexPct !== null &&
      Math.round(theirs.indexPct * 100) !== Math.round(ours.indexPct * 100)
    ) {
      out.push({
        unit: u.name,
        cell: unitCell(result.table, cols.index, u),
        what: 'index',
        theirs: theirs.indexPct,
        ours: ours.indexPct,
      });
    }
    if (cols.rank && theirs.rank !== null && theirs.rank !== ours.rank)
      out.push({
        unit: u.name,
        cell: unitCell(result.table, cols.rank, u),
        what: 'rank',
        theirs: theirs.rank,
        ours: ours.rank,
      });
    if (cols.band && theirs.band !== null && theirs.band !== ours.band) {
      const known = result.rules.bands.some((b) => b.code === theirs.band);
      out.push({
        unit: u.name,
        cell: unitCell(result.table, cols.band, u),
        what: 'band',
        theirs: known ? bandLabel(result.rules, theirs.band, lang) : theirs.band,
        ours: bandLabel(result.rules, ours.band, lang),
      });
    }
  });
  return out;
}

/** The lines telling the comparisons, in the user's language ('Tổng hợp'!K7 (Hà Kỳ): xếp hạng trong bảng 3, tính được 2). */
export function tableCheckLines(result: ScoringResult, lang: Lang): string[] {
  const m = messages(lang).columns;
  const lines: string[] = [];
  const shown = (v: string | number, what: AuthorityDisagreement['what']) =>
    typeof v === 'number' && what === 'index' ? formatPct(v, lang) : String(v);
  if (result.table.authorityColumns) {
    const dis = authorityDisagreements(result, lang);
    if (dis.length === 0) lines.push(fill(m.authorityAgree, { count: result.units.length }));
    else {
      lines.push(fill(m.authorityTitle, { count: dis.length }));
      for (const d of dis)
        lines.push(
          fill(m.authorityLine, {
            cell: qualifiedAddress(result.table.sheet, d.cell),
            unit: d.unit,
            what: m.what[d.what],
            theirs: shown(d.theirs, d.what),
            ours: shown(d.ours, d.what),
          }),
        );
    }
  }
  const diffs = selfAssessedDifferences(result.table);
  if (diffs.length > 0) {
    const num = (n: number) => formatPoints(n, lang);
    lines.push(fill(m.selfTitle, { count: diffs.length }));
    for (const d of diffs)
      lines.push(
        fill(m.selfLine, {
          cell: qualifiedAddress(result.table.sheet, d.selfCell),
          unit: d.unit,
          field: d.field,
          self: num(d.self),
          appraised: num(d.appraised),
          difference: num(d.difference),
        }),
      );
  }
  return lines;
}

/** Per unit (sheet order), the output note on its self-assessed points: "Tự chấm khác thẩm định ở 2 lĩnh vực", or ''. */
export function selfAssessedNotes(result: ScoringResult, lang: Lang): string[] {
  const counts = new Map<number, number>();
  for (const d of selfAssessedDifferences(result.table)) counts.set(d.unitIndex, (counts.get(d.unitIndex) ?? 0) + 1);
  return result.table.units.map((_, k) =>
    counts.has(k) ? fill(messages(lang).columns.selfNote, { count: counts.get(k) as number }) : '',
  );
}
