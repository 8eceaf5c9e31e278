/**
 * A workbook with no stored rules: the rule set the user confirmed (the default or a preset) is
 * written to the rules sheet, and logged ('rulesChanged'), before anything else is written
 * (issue 16 item 9: no silent default). Two syncs; nothing is written when the workbook already
 * holds rules (a co-author confirmed first): their rules are kept and returned as stored.
 */
import { AUDIT_SHEET, RULES_SHEET, ruleSetFingerprint, type RuleSet } from '../engine';
import { loadAuditTail, queueAppendAudit } from './audit';
import { queueWriteRules, readRules, sheetNames, type StoredRules } from './rules-store';
import type { ExcelRun } from './workbook';

export async function confirmRules(
  run: ExcelRun,
  rules: RuleSet,
  who = '',
  now: () => Date = () => new Date(),
): Promise<StoredRules> {
  return run(async (context) => {
    const names = await sheetNames(context);
    if (names.has(RULES_SHEET)) return readRules(context);
    const tail = loadAuditTail(context, names.has(AUDIT_SHEET));
    await context.sync();
    queueWriteRules(context, rules, false);
    const fingerprint = ruleSetFingerprint(rules);
    queueAppendAudit(context, tail(), [
      {
        time: now().toISOString(),
        action: 'rulesChanged',
        rulesId: rules.id,
        rulesFingerprint: fingerprint,
        counts: {},
        units: 0,
        sheet: '',
        inputFingerprint: '',
        who,
      },
    ]);
    await context.sync();
    return { source: 'workbook', rules, stamp: fingerprint };
  });
}
