/**
 * The "Báo cáo" tab: the report settings (year, district name, the district's index this year
 * and last, its rank), the "Tạo báo cáo" button, the run's progress and outcome, and a preview
 * of the narrative the sheet will carry.
 */
import { stepText as scoringStepText } from './ScoreAction';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { fill, messages, type Lang, type Narrative, type NarrativeParagraph, type RuleSet } from '../../engine';
import type { ReportOutcome } from '../../excel/report';
import type { ExcelRun, Inspection, MappingOverride } from '../../excel/workbook';
import type { UiStrings } from '../hooks/useLang';
import {
  staleReport,
  useReport,
  type ExportOutcome,
  type Report,
  type ReportField,
  type ReportMemory,
} from '../hooks/useReport';
import { labelled } from './labelled';
import type { ProgressState } from '../hooks/useScoring';
import { Section } from './Section';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  // The two rank fields side by side, wrapping under each other in a narrow pane.
  pair: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'flex-end',
    '& > *': { flexBasis: '120px' },
  },
  grow: { flexGrow: 1, minWidth: 0 },
  input: { minWidth: 0, width: '100%' },
  action: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    marginBlockEnd: tokens.spacingVerticalL,
  },
  exports: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, '& > *': { flexGrow: 1 } },
  preview: {
    maxHeight: '320px',
    overflowY: 'auto',
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: '"Times New Roman", Times, serif',
    fontSize: tokens.fontSizeBase300,
  },
  heading: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  paragraph: { margin: `${tokens.spacingVerticalXS} 0`, textAlign: 'justify' },
  bullet: {
    margin: `${tokens.spacingVerticalXS} 0`,
    paddingInlineStart: tokens.spacingHorizontalM,
    textAlign: 'justify',
  },
});

/** Heading tags for the narrative's heading levels: h4 for the highest level used, then h5, h6 (no level skipped). */
export function headingTags(paragraphs: readonly NarrativeParagraph[]): Map<number, 'h4' | 'h5' | 'h6'> {
  const levels = [
    ...new Set(paragraphs.map((p) => p.level).filter((l): l is 1 | 2 | 3 => typeof l === 'number' && l > 0)),
  ].sort();
  return new Map(levels.map((l, i) => [l, (['h4', 'h5', 'h6'] as const)[Math.min(2, i)]]));
}

/** A paragraph of the preview: headings as real headings under the title's h3. */
function PreviewBlock({
  level,
  text,
  tags,
  styles,
}: {
  level: NarrativeParagraph['level'];
  text: string;
  tags: Map<number, 'h4' | 'h5' | 'h6'>;
  styles: Styles;
}) {
  if (level === 'bullet') return <p className={styles.bullet}>- {text}</p>;
  if (level === 0) return <p className={styles.paragraph}>{text}</p>;
  const Tag = tags.get(level) ?? 'h6';
  return <Tag className={styles.heading}>{text}</Tag>;
}

export interface ReportPanelProps {
  run: ExcelRun;
  rules: RuleSet;
  lang: Lang;
  t: UiStrings;
  /** The scoring tab's latest inspection: the default year and the preview come from it. */
  inspection?: Inspection | null;
  /** The mapping corrections in force on the scoring tab. */
  override?: MappingOverride;
  /** What the workbook remembers: its language and the inputs typed here. */
  memory: ReportMemory;
}

/** The scoring run's step text, except that the write step is the report sheet's. */
function stepText(p: ProgressState, t: UiStrings): string {
  return p.step === 'write' ? t.reportStepWrite : scoringStepText(p, t);
}

export function reportOutcomeText(outcome: ReportOutcome, t: UiStrings): string {
  if (outcome.status === 'written')
    return fill(outcome.replaced ? t.reportReplaced : t.reportWritten, { sheet: outcome.sheet });
  return outcome.message;
}

type Styles = ReturnType<typeof useStyles>;

/** The settings the officer types: year, district, its indexes, rank and the chairman's band. */
function ReportFormFields({
  report,
  rules,
  lang,
  t,
  styles,
}: {
  report: Report;
  rules: RuleSet;
  lang: Lang;
  t: UiStrings;
  styles: Styles;
}) {
  const { form, errors } = report;
  const p = messages(lang).pane;
  const input = (
    field: ReportField,
    label: string,
    props: { inputMode?: 'numeric' | 'decimal'; placeholder?: string } = {},
  ) => (
    <Field
      label={label}
      validationMessage={errors[field]}
      validationState={errors[field] ? 'error' : 'none'}
      className={styles.grow}
    >
      <Input
        className={styles.input}
        value={form[field]}
        onChange={(_, d) => report.setField(field, d.value)}
        data-testid={`report-${field}`}
        {...props}
      />
    </Field>
  );
  return (
    <div className={styles.form}>
      {input('year', t.reportYear, { inputMode: 'numeric' })}
      {input('district', t.reportDistrict, { placeholder: p.hintDistrict })}
      <Caption1>{t.reportOptional}</Caption1>
      {input('districtIndex', t.reportDistrictIndex, { inputMode: 'decimal', placeholder: p.hintPct })}
      {input('districtIndexLast', t.reportDistrictIndexLast, { inputMode: 'decimal', placeholder: p.hintPct })}
      <div className={styles.pair}>
        {input('rank', t.reportRank, { inputMode: 'numeric', placeholder: p.hintRank })}
        {input('rankOf', t.reportRankOf, { inputMode: 'numeric', placeholder: p.hintRankOf })}
      </div>
      <Field label={p.reportBand}>
        <Select
          value={form.districtBand}
          onChange={(_, d) => report.setField('districtBand', d.value)}
          data-testid="report-districtBand"
        >
          <option value="">{p.reportBandNone}</option>
          {rules.bands.map((b) => (
            <option key={b.code} value={b.code}>
              {b.label[lang]}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

/** What a copy or a download gave, in words. */
export function exportOutcomeText(o: ExportOutcome, lang: Lang): string {
  const p = messages(lang).pane;
  if (o.status === 'copied') return p.reportCopied;
  if (o.status === 'downloaded') return fill(p.reportDownloaded, { file: o.file });
  return fill(o.status === 'failed' ? p.reportCopyFailed : p.reportDownloadFailed, { message: o.message });
}

function ExportOutcomeBar({ outcome, lang }: { outcome: ExportOutcome | null; lang: Lang }) {
  if (!outcome) return null;
  const intent = outcome.status === 'copied' || outcome.status === 'downloaded' ? 'success' : 'warning';
  return (
    <MessageBar
      intent={intent}
      layout="multiline"
      data-testid="report-export-outcome"
      data-status={outcome.status}
      {...labelled(intent, lang)}
    >
      <MessageBarBody>{exportOutcomeText(outcome, lang)}</MessageBarBody>
    </MessageBar>
  );
}

/** Make the report sheet, its progress and outcome; then take the narrative to Word (copy, .docx). */
function ReportActions({ report, lang, t, styles }: { report: Report; lang: Lang; t: UiStrings; styles: Styles }) {
  const { busy, progress, outcome, preview } = report;
  const p = messages(lang).pane;
  const nothing = busy || (preview === null && outcome?.status !== 'written');
  const intent = outcome?.status === 'written' ? 'success' : 'error';
  return (
    <div className={styles.action}>
      <Button
        appearance="primary"
        size="large"
        disabled={busy || report.settings === null}
        onClick={() => void report.generate()}
        data-testid="report-button"
      >
        {busy ? t.reportBusy : t.reportButton}
      </Button>
      {busy && progress && (
        <Field
          validationMessage={stepText(progress, t)}
          validationState="none"
          label={t.reportProgressLabel}
          data-testid="report-progress"
        >
          <ProgressBar
            value={progress.step === 'read' && progress.total > 0 ? progress.done / progress.total : undefined}
            aria-label={t.reportProgressLabel}
            aria-valuetext={stepText(progress, t)}
          />
        </Field>
      )}
      <div aria-live="polite">
        {outcome && (
          <MessageBar
            intent={intent}
            layout="multiline"
            data-testid="report-outcome"
            data-status={outcome.status}
            {...labelled(intent, lang)}
          >
            <MessageBarBody>{reportOutcomeText(outcome, t)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.exports}>
        {report.canDownload && (
          <Button disabled={nothing} onClick={() => void report.download()} data-testid="report-download">
            {p.reportDownload}
          </Button>
        )}
        <Button disabled={nothing} onClick={() => void report.copy()} data-testid="report-copy">
          {p.reportCopy}
        </Button>
      </div>
      <div aria-live="polite">
        <ExportOutcomeBar outcome={report.exportOutcome} lang={lang} />
      </div>
    </div>
  );
}

/** The narrative as the sheet will carry it, its headings as real headings. */
function ReportPreview({
  preview,
  docLang,
  t,
  styles,
}: {
  preview: Narrative;
  docLang: Lang;
  t: UiStrings;
  styles: Styles;
}) {
  const tags = headingTags(preview.paragraphs);
  return (
    <Section title={t.reportPreview} testId="report-preview-section">
      <div
        className={styles.preview}
        data-testid="report-preview"
        tabIndex={0}
        role="document"
        aria-label={t.reportPreview}
        lang={docLang}
      >
        <h3 className={styles.heading}>{preview.title}</h3>
        {preview.paragraphs.map((para) => (
          <PreviewBlock key={para.id} level={para.level} text={para.text} tags={tags} styles={styles} />
        ))}
      </div>
    </Section>
  );
}

export default function ReportPanel({ run, rules, lang, t, inspection = null, override, memory }: ReportPanelProps) {
  const styles = useStyles();
  const report = useReport(run, rules, lang, t, inspection, override, memory);
  const stale = report.busy ? null : staleReport(memory.inputs, inspection);
  return (
    <>
      <Section title={t.reportTitle} testId="report-panel">
        <Body1 as="p">{t.reportHint}</Body1>
        <ReportFormFields report={report} rules={rules} lang={lang} t={t} styles={styles} />
      </Section>
      {stale && (
        <MessageBar intent="warning" layout="multiline" data-testid="report-stale" {...labelled('warning', lang)}>
          <MessageBarBody>{fill(messages(lang).pane.reportStale, { sheet: stale })}</MessageBarBody>
        </MessageBar>
      )}
      <ReportActions report={report} lang={lang} t={t} styles={styles} />
      {report.preview && <ReportPreview preview={report.preview} docLang={memory.docLang} t={t} styles={styles} />}
    </>
  );
}
