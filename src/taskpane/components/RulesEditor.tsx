/**
 * The "Tiêu chí" tab: the rule set in force (read from the workbook; the default, Hải Dương
 * 29/2018, when it holds none), a preset picker, the bands as a compact table (RulesBandsTable,
 * per-field floors under "Chi tiết"), the settings and components (RulesSettings), the blocks
 * (RulesBlocks), the decision naming an amended set (RulesDecision), "Xem trước" (which units
 * change band or rank, and why; nothing written) and "Áp dụng" (rules written, re-scored and
 * logged in one run; blocked, with the reason, while the decision is missing) with its outcome.
 * Loaded on demand (App.tsx lazy-loads it).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
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
import { useId, useMemo } from 'react';
import { PRESETS, RULES_SHEET, fill, messages, type Lang, type RuleSet } from '../../engine';
import type { StoredRules } from '../../excel/rules-store';
import type { ExcelRun, MappingOverride } from '../../excel/workbook';
import type { UiStrings } from '../hooks/useLang';
import { useRules, type DraftState, type RulesEditor as Editor, type RulesUiStrings } from '../hooks/useRules';
import { storedProblems, type RulesInForce } from '../hooks/useRulesInForce';
import { RulesBandsTable } from './RulesBandsTable';
import { RulesBlocks } from './RulesBlocks';
import { RulesDecision } from './RulesDecision';
import { BandsTable } from './RulesTable';
import { RulesOutcome } from './RulesOutcome';
import { RulesPreview } from './RulesPreview';
import { RulesSettings } from './RulesSettings';
import { Section } from './Section';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column' },
  bands: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  problems: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  action: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    marginBlockEnd: tokens.spacingVerticalL,
  },
  select: { width: '100%', minWidth: 0 },
});

/** The rule set in force, read-only: band, index range, field floor. */
function InForceTable({ rules, lang, t }: { rules: RuleSet; lang: Lang; t: UiStrings }) {
  return <BandsTable rules={rules} lang={lang} t={t} testId="rules-in-force-table" />;
}

export interface RulesPanelProps {
  run: ExcelRun;
  lang: Lang;
  t: UiStrings;
  /** The rules in force, as App read them (App re-reads them after an apply). */
  inForce: RulesInForce;
  /** The mapping corrections in force on the scoring tab. */
  override?: MappingOverride;
  /** The workbook's document language. */
  docLang?: Lang;
  /** The draft kept above the tabs, so it survives a tab switch. */
  draftState?: DraftState;
}

export default function RulesPanel({ run, lang, t, inForce, override, docLang, draftState }: RulesPanelProps) {
  const r = messages(lang).rulesUi;
  if (inForce.error) {
    return (
      <MessageBar intent="error" data-testid="rules-read-error">
        <MessageBarBody>
          {fill(r.readFailed, { message: inForce.error })}{' '}
          <Button size="small" onClick={() => void inForce.reload()}>
            {r.retry}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!inForce.stored) return <Spinner size="small" label={r.reading} />;
  return (
    <RulesEditor
      run={run}
      lang={lang}
      t={t}
      r={r}
      stored={inForce.stored}
      reload={inForce.reload}
      override={override}
      docLang={docLang}
      draftState={draftState}
    />
  );
}

/** Where the rules in force come from, in one sentence. */
export function sourceText(stored: StoredRules, lang: Lang): string {
  const m = messages(lang).review;
  if (stored.source === 'workbook') return fill(m.fromWorkbook, { sheet: RULES_SHEET, name: stored.rules.name[lang] });
  if (stored.source === 'default') return fill(m.usingDefault, { name: stored.rules.name[lang] });
  return fill(m.storeInvalid, { sheet: RULES_SHEET });
}

interface EditorProps {
  run: ExcelRun;
  lang: Lang;
  t: UiStrings;
  r: RulesUiStrings;
  stored: StoredRules;
  reload: () => Promise<void>;
  override?: MappingOverride;
  docLang?: Lang;
  draftState?: DraftState;
}

/** What each part of the tab needs: the editor, the words, and whether inputs are disabled. */
interface PartProps {
  editor: Editor;
  lang: Lang;
  r: RulesUiStrings;
  busy: boolean;
}

function RulesEditor({ run, lang, t, r, stored, reload, override, docLang, draftState }: EditorProps) {
  const styles = useStyles();
  const editor = useRules({ run, lang, stored, override, docLang, onRulesChanged: reload, draftState });
  const busy = editor.applying || editor.reading;
  const part = { editor, lang, r, busy };
  return (
    <div className={styles.root} data-testid="rules-panel">
      <InForceSection stored={stored} lang={lang} t={t} r={r} />
      <EditSection {...part} />
      <PreviewSection {...part} />
      <ApplySection {...part} />
    </div>
  );
}

function InForceSection({ stored, lang, t, r }: { stored: StoredRules; lang: Lang; t: UiStrings; r: RulesUiStrings }) {
  const styles = useStyles();
  const problems = storedProblems(stored, lang);
  return (
    <Section title={r.inForceTitle} testId="rules-in-force">
      <Caption1 data-testid="rules-source" data-source={stored.source}>
        {sourceText(stored, lang)}
      </Caption1>
      {problems.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="rules-store-invalid">
          <MessageBarBody>
            <ul className={styles.problems}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            {r.storeInvalidHint}
          </MessageBarBody>
        </MessageBar>
      )}
      {stored.source !== 'invalid' && <InForceTable rules={stored.rules} lang={lang} t={t} />}
    </Section>
  );
}

function PresetPicker({ editor, lang, r, busy }: PartProps) {
  const styles = useStyles();
  return (
    <Field label={r.preset} hint={r.presetHint}>
      <Select
        className={styles.select}
        select={{ style: { minWidth: 0, textOverflow: 'ellipsis' } }}
        value={editor.preset}
        onChange={(_, d) => editor.setPreset(d.value)}
        disabled={busy}
        data-testid="rules-preset"
      >
        <option value="inForce">{fill(r.presetInForce, { name: editor.stored.rules.name[lang] })}</option>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name[lang]}
          </option>
        ))}
        {editor.preset === 'custom' && (
          <option value="custom" disabled>
            {r.presetCustom}
          </option>
        )}
      </Select>
    </Field>
  );
}

function EditSection(props: PartProps) {
  const styles = useStyles();
  const { editor, lang, r, busy } = props;
  const { check } = editor;
  const ui = messages(lang).ruleSets.ui;
  const fields = useMemo(() => editor.read?.inspection.result.table.fields.map((f) => f.label) ?? [], [editor.read]);
  const common = { draft: editor.draft, errors: check.errors, lang, disabled: editor.applying, update: editor.update };
  return (
    <Section title={r.editTitle} testId="rules-edit">
      <Caption1>{fill(r.hint, { sheet: RULES_SHEET })}</Caption1>
      <PresetPicker {...props} />
      <div className={styles.row}>
        <Caption1 data-testid="rules-dirty" data-dirty={editor.dirty}>
          {editor.dirty ? r.dirty : r.clean}
        </Caption1>
        {editor.dirty && (
          <Button size="small" onClick={editor.reset} disabled={busy} data-testid="rules-reset">
            {r.reset}
          </Button>
        )}
      </div>
      {check.count > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="rules-problems">
          <MessageBarBody>
            {fill(r.problems, { count: check.count })}
            {check.general.length > 0 && (
              <ul className={styles.problems}>
                {check.general.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <RulesBandsTable {...common} block={null} r={r} fields={fields} />
      <Accordion multiple collapsible>
        <AccordionItem value="settings">
          <AccordionHeader as="h3" data-testid="rules-settings-header">
            {r.settingsTitle}
          </AccordionHeader>
          <AccordionPanel>
            <RulesSettings {...common} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="blocks">
          <AccordionHeader as="h3" data-testid="rules-blocks-header">
            {ui.blocks}
          </AccordionHeader>
          <AccordionPanel>
            <RulesBlocks {...common} r={r} fields={fields} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </Section>
  );
}

function PreviewSection({ editor, lang, r, busy }: PartProps) {
  const styles = useStyles();
  const { preview, read } = editor;
  return (
    <Section title={r.previewTitle} testId="rules-preview-section">
      <div className={styles.row}>
        <Button onClick={() => void editor.readForPreview()} disabled={busy} data-testid="rules-preview-button">
          {editor.reading ? r.previewBusy : r.previewButton}
        </Button>
        {editor.reading && <Spinner size="tiny" aria-label={r.previewBusy} />}
      </div>
      <div aria-live="polite">
        {editor.readError && (
          <MessageBar intent="error" data-testid="rules-preview-error">
            <MessageBarBody>{fill(r.previewFailed, { message: editor.readError })}</MessageBarBody>
          </MessageBar>
        )}
        {!preview && !editor.readError && <Caption1>{r.previewHint}</Caption1>}
        {preview && !preview.ok && <Caption1 data-testid="rules-preview-invalid">{r.previewInvalid}</Caption1>}
        {preview && preview.ok && read && editor.candidate && (
          <RulesPreview preview={preview} read={read} newRules={editor.candidate} lang={lang} r={r} />
        )}
      </div>
    </Section>
  );
}

function ApplySection({ editor, lang, r, busy }: PartProps) {
  const styles = useStyles();
  const hintId = useId();
  const { outcome, preview } = editor;
  // Only an amended set is named by the reviewer: a preset or the rules in force keep their own decision.
  const showDecision = editor.amended || editor.decisionNeeded;
  return (
    <div className={styles.action}>
      {showDecision && (
        <Section title={messages(lang).ruleSets.ui.decisionTitle} testId="rules-decision-section">
          <RulesDecision
            draft={editor.draft}
            errors={editor.check.errors}
            lang={lang}
            r={r}
            disabled={editor.applying}
            update={editor.update}
            needed={editor.decisionNeeded}
            candidate={editor.candidate}
          />
        </Section>
      )}
      <Field label={r.who}>
        <Input value={editor.who} onChange={(_, d) => editor.setWho(d.value)} disabled={busy} data-testid="rules-who" />
      </Field>
      <Button
        appearance="primary"
        size="large"
        disabled={!editor.canApply}
        onClick={() => void editor.apply()}
        aria-describedby={hintId}
        data-testid="rules-apply"
      >
        {editor.applying ? r.applyBusy : r.applyButton}
      </Button>
      <Caption1 id={hintId} data-testid="rules-apply-hint">
        {!preview?.ok
          ? r.applyNeedsPreview
          : editor.decisionNeeded
            ? fill(r.decisionNeeded, { reason: messages(lang).ruleSets.ui.needsDecision })
            : r.applyHint}
      </Caption1>
      <div aria-live="polite">
        {outcome && (
          <RulesOutcome
            outcome={outcome}
            applied={editor.applied}
            lang={lang}
            r={r}
            busy={busy}
            onReread={() => void editor.readForPreview()}
            onOverwrite={() => void editor.apply(true)}
            onCancel={editor.dismissOutcome}
          />
        )}
      </div>
    </div>
  );
}
