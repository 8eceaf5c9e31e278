/** The "Nhật ký" tab: the audit log for reviewers, in their words, filtered, with the chain check. */
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { fill, messages, type Lang, type RuleSet } from '../../engine';
import type { AuditRecord } from '../../excel/audit';
import type { ExcelRun } from '../../excel/workbook';
import { useAuditLog, type AuditLog } from '../hooks/useAuditLog';
import { runTime } from './LastRunNote';
import { Section } from './Section';
import { labelled } from './labelled';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  filter: { minWidth: '120px', flexGrow: 1 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    borderBlockEndWidth: tokens.strokeWidthThin,
    borderBlockEndStyle: 'solid',
    borderBlockEndColor: tokens.colorNeutralStroke2,
    paddingBlockEnd: tokens.spacingVerticalXS,
  },
  head: {
    display: 'flex',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    fontWeight: tokens.fontWeightSemibold,
  },
  line: { display: 'block', overflowWrap: 'anywhere' },
});

type PaneStrings = ReturnType<typeof messages>['pane'];

export const ACTIONS = ['scored', 'rulesChanged', 'reportGenerated'] as const;

export function actionLabel(action: string, m: PaneStrings): string {
  if (action === 'scored') return m.logActionScored;
  if (action === 'rulesChanged') return m.logActionRulesChanged;
  if (action === 'reportGenerated') return m.logActionReportGenerated;
  return action;
}

/** "Hoàn thành tốt nhiệm vụ: 8; Hoàn thành nhiệm vụ: 15" with the rules in force's labels (the code where a band is not known). */
function countsLine(counts: Record<string, number>, rules: RuleSet, lang: Lang): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([code, n]) => `${rules.bands.find((b) => b.code === code)?.label[lang] ?? code}: ${n}`)
    .join('; ');
}

function Record_({ r, rules, lang, m }: { r: AuditRecord; rules: RuleSet; lang: Lang; m: PaneStrings }) {
  const styles = useStyles();
  return (
    <li className={styles.item} data-testid="log-row" data-action={r.action}>
      <div className={styles.head}>
        <span>{actionLabel(r.action, m)}</span>
        <span>{runTime(r.time)}</span>
      </div>
      <Caption1 className={styles.line}>{fill(m.logLine, { units: r.units, sheet: r.sheet })}</Caption1>
      <Caption1 className={styles.line}>{countsLine(r.counts, rules, lang)}</Caption1>
      <Caption1 className={styles.line}>{fill(m.logRules, { rules: r.rulesId })}</Caption1>
      {r.who && <Caption1 className={styles.line}>{fill(m.logWho, { who: r.who })}</Caption1>}
    </li>
  );
}

function Filters({ log, m }: { log: AuditLog; m: PaneStrings }) {
  const styles = useStyles();
  return (
    <div className={styles.filters}>
      <Field label={m.logFilterAction} className={styles.filter}>
        <Select
          value={log.filters.action}
          onChange={(_, d) => log.setFilter({ action: d.value })}
          data-testid="log-action"
        >
          <option value="">{m.logFilterAll}</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {actionLabel(a, m)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={m.logFilterFrom} className={styles.filter}>
        <Input
          type="date"
          value={log.filters.from}
          onChange={(_, d) => log.setFilter({ from: d.value })}
          data-testid="log-from"
        />
      </Field>
      <Field label={m.logFilterTo} className={styles.filter}>
        <Input
          type="date"
          value={log.filters.to}
          onChange={(_, d) => log.setFilter({ to: d.value })}
          data-testid="log-to"
        />
      </Field>
    </div>
  );
}

function ChainStatus({ log, m }: { log: AuditLog; m: PaneStrings }) {
  if (!log.records || log.records.length === 0) return null;
  const broken = log.brokenAt !== null;
  return (
    <MessageBar
      intent={broken ? 'error' : 'success'}
      layout="multiline"
      data-testid="log-chain"
      data-intact={String(!broken)}
      aria-label={broken ? m.severityError : m.severitySuccess}
      aria-labelledby={undefined}
    >
      <MessageBarBody>
        {broken ? fill(m.logBroken, { row: log.brokenAt as number }) : fill(m.logIntact, { count: log.records.length })}
      </MessageBarBody>
    </MessageBar>
  );
}

export default function AuditPanel({ run, rules, lang }: { run: ExcelRun; rules: RuleSet; lang: Lang }) {
  const styles = useStyles();
  const m = messages(lang).pane;
  const log = useAuditLog(run);
  return (
    <Section title={m.logTitle} testId="log-panel">
      <Caption1>{m.logHint}</Caption1>
      {log.reading && <Spinner size="tiny" label={m.logReading} />}
      {log.error && (
        <MessageBar intent="error" {...labelled('error', lang)}>
          <MessageBarBody>{log.error}</MessageBarBody>
        </MessageBar>
      )}
      <ChainStatus log={log} m={m} />
      {log.records && log.records.length === 0 && <Caption1>{m.logEmpty}</Caption1>}
      {log.records && log.records.length > 0 && (
        <>
          <Filters log={log} m={m} />
          {log.shown.length === 0 && <Caption1>{m.logNone}</Caption1>}
          <ul className={styles.list} aria-label={m.logTitle}>
            {log.shown.map((r) => (
              <Record_ key={r.row} r={r} rules={rules} lang={lang} m={m} />
            ))}
          </ul>
        </>
      )}
      <div>
        <Button size="small" onClick={() => void log.reload()} disabled={log.reading} data-testid="log-reload">
          {m.logReload}
        </Button>
      </div>
    </Section>
  );
}
