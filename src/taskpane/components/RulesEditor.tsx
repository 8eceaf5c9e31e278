/**
 * The "Tiêu chí" tab: the rule set in force (read from the workbook; the default, Hải Dương
 * 29/2018, when it holds none), a preset picker, a form per band with the engine's validation
 * messages next to the field, "Xem trước" (which units change band or rank, and why; nothing
 * written) and "Áp dụng" (rules written, re-scored and logged in one run) with its outcome.
 * Loaded on demand (App.tsx lazy-loads it).
 */
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
import { useId } from 'react';
import { PRESETS, RULES_SHEET, fill, messages, type Lang, type RuleSet } from '../../engine';
import type { StoredRules } from '../../excel/rules-store';
import type { ExcelRun, MappingOverride } from '../../excel/workbook';
import type { UiStrings } from '../hooks/useLang';
import { useRules, type DraftState, type RulesUiStrings } from '../hooks/useRules';
import { storedProblems, type RulesInForce } from '../hooks/useRulesInForce';
import { RulesBandFields } from './RulesBandFields';
import { BandsTable } from './RulesTable';
import { RulesOutcome } from './RulesOutcome';
import { RulesPreview } from './RulesPreview';
import { Section } from './Section';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column' },
  bands: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  problems: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  action: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, marginBlockEnd: tokens.spacingVerticalL },
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
  return <RulesEditor run={run} lang={lang} t={t} r={r} stored={inForce.stored} reload={inForce.reload} override={override} docLang={docLang} draftState={draftState} />;
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

function RulesEditor({ run, lang, t, r, stored, reload, override, docLang, draftState }: EditorProps) {
  const styles = useStyles();
  const editor = useRules({ run, lang, stored, override, docLang, onRulesChanged: reload, draftState });
  const { draft, check, preview, read, outcome } = editor;
  const busy = editor.applying || editor.reading;
  const applyHintId = useId();
  const problems = storedProblems(stored, lang);

  return (
    <div className={styles.root} data-testid="rules-panel">
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

      <Section title={r.editTitle} testId="rules-edit">
        <Caption1>{fill(r.hint, { sheet: RULES_SHEET })}</Caption1>
        <Field label={r.preset} hint={r.presetHint}>
          <Select className={styles.select} select={{ style: { minWidth: 0, textOverflow: 'ellipsis' } }} value={editor.preset} onChange={(_, d) => editor.setPreset(d.value)} disabled={busy} data-testid="rules-preset">
            <option value="inForce">{fill(r.presetInForce, { name: stored.rules.name[lang] })}</option>
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
        <div className={styles.bands}>
          {draft.bands.map((b, i) => (
            <RulesBandFields key={b.code} index={i} band={b} errors={check.fieldErrors[i]} lang={lang} r={r} disabled={editor.applying} onChange={editor.setBand} />
          ))}
        </div>
      </Section>

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
          {preview && preview.ok && read && editor.candidate && <RulesPreview preview={preview} read={read} newRules={editor.candidate} lang={lang} r={r} />}
        </div>
      </Section>

      <div className={styles.action}>
        <Field label={r.who}>
          <Input value={editor.who} onChange={(_, d) => editor.setWho(d.value)} disabled={busy} data-testid="rules-who" />
        </Field>
        <Button appearance="primary" size="large" disabled={!editor.canApply} onClick={() => void editor.apply()} aria-describedby={applyHintId} data-testid="rules-apply">
          {editor.applying ? r.applyBusy : r.applyButton}
        </Button>
        <Caption1 id={applyHintId}>{preview?.ok ? r.applyHint : r.applyNeedsPreview}</Caption1>
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
    </div>
  );
}
