/**
 * Checks that need both the table and the rule set (issue 16): points over a bonus or penalty
 * cap, a block or a band cap the rules do not know, a per-field floor naming no field of the
 * table, survey points over the survey's points. Each finding names the cell; errors stop the write.
 */
import { columnLetter, qualifiedAddress } from './address';
import { surveyInFields } from './components';
import { resultsOnlyFindings } from './results-only';
import { unitCell } from './table-checks';
import { compileRules, findBlock, type CompiledBand, type CompiledBlock, type CompiledRules } from './rules';
import { fold } from './text';
import type { Finding, FindingCode, RuleSet, ScoringTable, UnitInput } from './types';

/** Where the optional columns are, as sheet column letters (null: absent). */
export interface RuleCheckColumns {
  bonus: string | null;
  deduction: string | null;
}

/** The column letters of a layout's bonus and deduction columns (grid indexes from `originCol`, 0-based). */
export function ruleCheckColumns(
  bonusCol: number | null,
  deductionCol: number | null,
  originCol: number,
): RuleCheckColumns {
  return {
    bonus: bonusCol === null ? null : columnLetter(originCol + bonusCol),
    deduction: deductionCol === null ? null : columnLetter(originCol + deductionCol),
  };
}

/** A band of `bands` named by its code or either label (case and diacritics ignored); -1 when none. */
export function bandIndexNamed(bands: readonly CompiledBand[], text: string): number {
  const key = fold(text);
  return bands.findIndex(
    (b) => fold(b.rule.code) === key || fold(b.rule.label.vi) === key || fold(b.rule.label.en) === key,
  );
}

/** The findings of the table under the rules; [] for a rule set that does not compile (its own problems are reported apart). */
export function ruleTableFindings(table: ScoringTable, rules: RuleSet, columns: RuleCheckColumns): Finding[] {
  let compiled: CompiledRules;
  try {
    compiled = compileRules(rules);
  } catch {
    return [];
  }
  // A results-only table: rules that need field points are refused (results-only.ts).
  const findings: Finding[] = resultsOnlyFindings(table, rules);
  const add = (address: string, code: FindingCode, params: Finding['params']) =>
    findings.push({
      severity: 'error',
      sheet: table.sheet,
      address,
      cell: qualifiedAddress(table.sheet, address),
      code,
      params,
    });
  if (compiled.components !== null && surveyInFields(table.fields)) {
    // The survey is already in the table's fields: the components are not added again (components.ts); say so.
    const field = table.fields.find(
      (f) => f.role === 'survey' || f.surveyColumn !== undefined,
    ) as ScoringTable['fields'][number];
    const address = field.maxAddress || `${field.surveyColumn ?? field.column}${table.units[0]?.row ?? 1}`;
    findings.push({
      severity: 'warning',
      sheet: table.sheet,
      address,
      cell: qualifiedAddress(table.sheet, address),
      code: 'surveyAlreadyInFields',
      params: { field: field.label, column: field.surveyColumn ?? field.column },
    });
    compiled = { ...compiled, components: null };
  }
  for (const u of table.units) unitFindings(table, u, compiled, columns, add);
  floorFieldFindings(table, compiled, add);
  return findings;
}

type Add = (address: string, code: FindingCode, params: Finding['params']) => void;

function unitFindings(table: ScoringTable, u: UnitInput, c: CompiledRules, columns: RuleCheckColumns, add: Add): void {
  capFindings(table, u, c, columns, add);
  const block = blockOf(u, c, add);
  if (u.bandCap && bandIndexNamed(block?.bands ?? c.bands, u.bandCap.band) < 0)
    add(u.nameAddress, 'unknownCapBand', { unit: u.name, value: u.bandCap.band });
  const survey = u.surveyScaled ?? null;
  if (c.components && survey !== null && (survey > c.components.surveyScaled || survey < 0)) {
    add(u.nameAddress, 'surveyOverMax', { unit: u.name, value: survey / 1e4, max: c.components.surveyScaled / 1e4 });
  }
}

/** The rules' block a unit's block cell names; an error when the rules have blocks and none is named so. */
function blockOf(u: UnitInput, c: CompiledRules, add: Add): CompiledBlock | undefined {
  const text = u.block?.trim() ?? '';
  if (text === '' || c.blocks.length === 0) return undefined;
  const block = findBlock(c, text);
  if (!block)
    add(u.nameAddress, 'unknownBlock', { unit: u.name, value: text, blocks: c.blocks.map((b) => b.code).join(', ') });
  return block;
}

/** Bonus or penalty points over the rules' cap, on the bonus or deduction cell. */
function capFindings(table: ScoringTable, u: UnitInput, c: CompiledRules, columns: RuleCheckColumns, add: Add): void {
  if (c.bonusCapScaled !== null && u.bonusScaled > c.bonusCapScaled)
    add(unitCell(table, columns.bonus ?? '', u), 'bonusOverCap', {
      unit: u.name,
      value: u.bonusScaled / 1e4,
      cap: c.bonusCapScaled / 1e4,
    });
  if (c.deductionCapScaled !== null && u.deductionScaled > c.deductionCapScaled)
    add(unitCell(table, columns.deduction ?? '', u), 'deductionOverCap', {
      unit: u.name,
      value: u.deductionScaled / 1e4,
      cap: c.deductionCapScaled / 1e4,
    });
}

/** A per-field floor must name a field of the table (or a component): a misspelt name would silently never apply. */
function floorFieldFindings(table: ScoringTable, c: CompiledRules, add: Add): void {
  const known = new Set(table.fields.map((f) => fold(f.label)));
  if (c.components)
    for (const k of [c.components.rule.appraisal, c.components.rule.survey]) known.add(fold(k.label.vi));
  const address = table.fields[0]?.maxAddress ?? 'A1';
  const reported = new Set<string>();
  for (const bands of [c.bands, ...c.blocks.map((b) => b.bands)]) {
    for (const b of bands) {
      for (const f of b.rule.fieldFloors ?? []) {
        const key = `${b.rule.code}\u0001${fold(f.field)}`;
        if (known.has(fold(f.field)) || reported.has(key)) continue;
        reported.add(key);
        add(address, 'unknownFloorField', {
          band: b.rule.code,
          field: f.field,
          fields: table.fields.map((x) => x.label).join(', '),
        });
      }
    }
  }
}
