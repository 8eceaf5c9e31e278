/**
 * A results-only table (issue 15 item 7): the index as the table gives it, no field points. Bands
 * and ranks come from that index; rules that need field points (field floors, index components)
 * cannot apply, and are refused with a finding naming the rule and the table, never skipped.
 */
import { fill } from './format';
import { messages } from './i18n';
import { columnLetter, qualifiedAddress } from './address';
import type { BandRule, Finding, Lang, RuleSet, ScoringTable } from './types';

/** Whether a band sets a field floor (a 0% floor is met by anyone: no floor). */
function hasFloor(b: BandRule): boolean {
  return (b.fieldFloorPct ?? 0) > 0 || (b.fieldFloors ?? []).some((f) => (f.pct ?? 0) > 0);
}

/** The floors a band sets, as shown: "70%", or "70%; Cải cách thể chế 80%". */
function floorText(b: BandRule): string {
  const own = (b.fieldFloors ?? []).filter((f) => (f.pct ?? 0) > 0).map((f) => `${f.field} ${f.pct}%`);
  return [...((b.fieldFloorPct ?? 0) > 0 ? [`${b.fieldFloorPct}%`] : []), ...own].join('; ');
}

/** The errors a rule set gives on a results-only table: one per band with a field floor, one for components. */
export function resultsOnlyFindings(table: ScoringTable, rules: RuleSet): Finding[] {
  if (!table.resultsOnly) return [];
  const address = table.fields[0]?.maxAddress ?? 'A1';
  const base = {
    severity: 'error' as const,
    sheet: table.sheet,
    address,
    cell: qualifiedAddress(table.sheet, address),
  };
  const params = {
    sheet: table.sheet,
    column: table.fields[0]?.column ?? '',
    rulesVi: rules.name.vi,
    rulesEn: rules.name.en,
  };
  const out: Finding[] = [];
  const bands = [...rules.bands, ...(rules.blocks ?? []).flatMap((k) => k.bands ?? [])];
  const seen = new Set<string>();
  for (const b of bands.filter(hasFloor)) {
    const key = `${b.code}\u0001${floorText(b)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ...base,
      code: 'floorsNeedPoints',
      params: { ...params, bandVi: b.label.vi, bandEn: b.label.en, floor: floorText(b) },
    });
  }
  if (rules.components) out.push({ ...base, code: 'componentsNeedPoints', params });
  return out;
}

/**
 * What the user reads about how the table was read, when it is not the usual shape: scored from
 * the index it gives (results-only), read turned (transposed). Both shells show these lines.
 */
export function readingNotes(table: ScoringTable, lang: Lang, originCol = 0): string[] {
  const m = messages(lang).columns;
  const notes: string[] = [];
  if (table.resultsOnly)
    notes.push(
      fill(m.fromGivenIndex, {
        sheet: table.sheet,
        column: table.fields[0]?.column ?? columnLetter(originCol),
        header: table.fields[0]?.label ?? '',
      }),
    );
  if (table.transposed) {
    const rows = table.fields.map((f) => table.transposed?.rows[f.column] ?? 0);
    const units = table.units.map((u) => u.column ?? '');
    notes.push(
      fill(m.readTransposed, {
        sheet: table.sheet,
        units: `${units[0] ?? ''}–${units[units.length - 1] ?? ''}`,
        fields: `${Math.min(...rows)}–${Math.max(...rows)}`,
      }),
    );
  }
  return notes;
}
