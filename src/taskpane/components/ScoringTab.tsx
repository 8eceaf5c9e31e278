/** The "Chấm điểm" tab: what was found, the mapping, the rules, the run and its results. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  MessageBar,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { fill, messages, type Lang, type RuleSet } from '../../engine';
import type { UiStrings } from '../hooks/useLang';
import {
  useColumnRoles,
  useMappingDraft,
  type ColumnRolesModel,
  type MappingEditorModel,
} from '../hooks/useMappingDraft';
import { UncertainRoles, type RoleEditorProps } from './ColumnRoles';
import type { Scoring } from '../hooks/useScoring';
import { DocLangPicker } from './DocLangPicker';
import { FindingsList } from './FindingsList';
import { FoundPanel } from './FoundPanel';
import { LastRunNote } from './LastRunNote';
import { OccupiedCells } from './OccupiedCells';
import { ScoreAction } from './ScoreAction';
import { SheetPicker } from './SheetPicker';
import { labelled } from './labelled';

const MappingEditor = lazy(() => import(/* webpackChunkName: "mapping" */ './MappingEditor'));
const RulesTable = lazy(() => import(/* webpackChunkName: "rules-table" */ './RulesTable'));
const ResultsSummary = lazy(() => import(/* webpackChunkName: "results" */ './ResultsSummary'));

export interface ScoringTabProps {
  scoring: Scoring;
  rules: RuleSet;
  lang: Lang;
  t: UiStrings;
  /** The workbook's document language and how to change it. */
  docLang: Lang;
  onDocLang: (l: Lang) => void;
  /** Nothing may be written yet (the workbook holds no rules and the user has not confirmed any). */
  writeBlocked?: boolean;
}

type TabPart = { scoring: Scoring; lang: Lang; t: UiStrings };

/** The role list's props: the roles, in the user's words, confirmed by reading the table again with them; the table for the preview. */
function rolesEditor(roles: ColumnRolesModel | null, scoring: Scoring, lang: Lang): RoleEditorProps {
  const onConfirmRoles = () => roles && void scoring.inspect({ ...scoring.override, roles: roles.roles });
  return {
    roles,
    roleLabels: messages(lang).columns.roles,
    onConfirmRoles,
    table: scoring.inspection?.result.table,
    lang,
  };
}

/** Where the table is: reading, why it was not found (with a way forward), what was found, occupied cells. */
function TableStatus({ scoring, lang, t, written }: TabPart & { written: boolean }) {
  const { inspection, busy } = scoring;
  const failed = scoring.inspectError !== null;
  const picker = (
    <SheetPicker
      lang={lang}
      sheets={scoring.sheets}
      chosen={scoring.chosen}
      busy={busy !== null}
      onChoose={(s) => void scoring.chooseSheet(s)}
      onReread={() => void scoring.inspect()}
    />
  );
  return (
    <>
      {busy === 'inspect' && !inspection && <Spinner size="small" label={t.foundReading} />}
      {failed && (
        <MessageBar intent="error" layout="multiline" data-testid="inspect-error" {...labelled('error', lang)}>
          <MessageBarBody>{scoring.inspectError}</MessageBarBody>
        </MessageBar>
      )}
      {(failed || !inspection) && busy !== 'inspect' && picker}
      {inspection && !failed && (
        <FoundPanel
          inspection={inspection}
          lang={lang}
          t={t}
          busy={busy !== null}
          written={written || scoring.lastRun !== null}
          onRefresh={() => void scoring.inspect()}
        >
          {scoring.lastRun && <LastRunNote lastRun={scoring.lastRun} lang={lang} />}
          {scoring.sheets.length > 1 && picker}
        </FoundPanel>
      )}
      {inspection && !failed && (
        <OccupiedCells
          inspection={inspection}
          lang={lang}
          busy={busy !== null}
          onSelect={(address) => void scoring.select({ sheet: inspection.read.sheet, address, cell: address })}
          onWriteRight={() => void scoring.writeRight()}
        />
      )}
    </>
  );
}

/** The results shown: the run's, or the last run's when it still holds. Every unit leads to its row. */
function Results({ scoring, lang, t }: TabPart) {
  const { inspection, outcome } = scoring;
  const written = outcome?.status === 'written' ? outcome.inspection : null;
  const shown = written ?? (scoring.lastRun?.current && inspection ? inspection : null);
  if (!shown) return null;
  return (
    <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
      {/* A transposed table's unit is a column, not a row: its units are not links (nothing to select as a row). */}
      <ResultsSummary
        result={shown.result}
        lang={lang}
        t={t}
        onSelectUnit={shown.layout.transposed ? undefined : (u) => void scoring.selectUnit(u.row)}
        selectError={scoring.selectError}
      />
    </Suspense>
  );
}

/** The settings under the run: the mapping, the workbook's language, the rules in force. */
function Settings({
  scoring,
  lang,
  t,
  mapping,
  roleEditor,
  rules,
  docLang,
  onDocLang,
}: TabPart & {
  mapping: MappingEditorModel | null;
  roleEditor: RoleEditorProps;
  rules: RuleSet;
  docLang: Lang;
  onDocLang: (l: Lang) => void;
}) {
  const busy = scoring.busy !== null;
  const spinner = <Spinner size="tiny" label={t.loading} />;
  return (
    <Accordion multiple collapsible>
      {mapping && (
        <AccordionItem value="mapping">
          <AccordionHeader as="h2">{t.mappingTitle}</AccordionHeader>
          <AccordionPanel>
            <div role="region" aria-label={t.mappingTitle}>
              <Suspense fallback={spinner}>
                <MappingEditor
                  model={mapping}
                  t={t}
                  busy={busy}
                  onApply={() => mapping.override && void scoring.inspect(mapping.override)}
                  onReset={() => void scoring.inspect(null)}
                  {...roleEditor}
                />
              </Suspense>
            </div>
          </AccordionPanel>
        </AccordionItem>
      )}
      <AccordionItem value="doc-lang">
        <AccordionHeader as="h2">{messages(lang).pane.docLangTitle}</AccordionHeader>
        <AccordionPanel>
          <DocLangPicker lang={lang} docLang={docLang} onChange={onDocLang} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="rules">
        <AccordionHeader as="h2">{t.rulesTitle}</AccordionHeader>
        <AccordionPanel>
          <div role="region" aria-label={t.rulesTitle}>
            <Suspense fallback={spinner}>
              <RulesTable rules={rules} lang={lang} t={t} />
            </Suspense>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

export function ScoringTab({ scoring, rules, lang, t, docLang, onDocLang, writeBlocked }: ScoringTabProps) {
  const mapping = useMappingDraft(scoring.inspection, scoring.override, t);
  const roleEditor = rolesEditor(useColumnRoles(scoring.inspection, scoring.proposal, scoring.override), scoring, lang);
  const { inspection, outcome, busy } = scoring;
  const draftOverride = mapping?.dirty ? mapping.override : undefined;
  const errorCount = inspection?.errors.length ?? 0;
  // Errors block the write: the button stays disabled until they are corrected (and read again).
  const canScore = busy === null && inspection !== null && draftOverride !== null && errorCount === 0 && !writeBlocked;
  const selectError = scoring.selectError?.unit ? null : scoring.selectError;

  return (
    <>
      <TableStatus scoring={scoring} lang={lang} t={t} written={outcome?.status === 'written'} />
      <UncertainRoles {...roleEditor} show={scoring.proposal !== null} t={t} busy={busy !== null} />
      {errorCount > 0 && !scoring.inspectError && (
        <MessageBar intent="error" data-testid="errors-block" {...labelled('error', lang)}>
          <MessageBarBody>{fill(messages(lang).pane.errorsBlock, { count: errorCount })}</MessageBarBody>
        </MessageBar>
      )}
      <ScoreAction
        t={t}
        lang={lang}
        disabled={!canScore}
        scoring={busy === 'score'}
        progress={scoring.progress}
        outcome={outcome}
        onScore={() => void scoring.score(draftOverride)}
        onOverwrite={() => void scoring.score(draftOverride, { overwriteEdited: true })}
        onDismiss={scoring.dismiss}
      />
      {inspection && (
        <FindingsList
          errors={inspection.errors}
          warnings={inspection.warnings}
          lang={lang}
          t={t}
          onSelect={(f) => void scoring.select(f)}
          selectError={selectError}
        />
      )}
      <Results scoring={scoring} lang={lang} t={t} />
      <Settings
        scoring={scoring}
        lang={lang}
        t={t}
        mapping={mapping}
        roleEditor={roleEditor}
        rules={rules}
        docLang={docLang}
        onDocLang={onDocLang}
      />
    </>
  );
}
