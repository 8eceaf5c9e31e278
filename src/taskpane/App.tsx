/**
 * The task pane: a tab list ("Chấm điểm" | "Báo cáo" | "Tiêu chí") and a language switch.
 * `run` is Excel.run in Office, or a fake host's run in tests and the workbench.
 */
import {
  Button,
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { lazy, Suspense, useId, useMemo } from 'react';
import { HAI_DUONG_2018, messages, type Lang } from '../engine';
import type { ExcelRun } from '../excel/workbook';
import { FirstRunPanel, PaneFooter } from './components/FirstRun';
import { LeaveRulesDialog } from './components/LeaveRulesDialog';
import { RulesNotice } from './components/RulesNotice';
import { ScoringTab } from './components/ScoringTab';
import { useDocSettings } from './hooks/useDocSettings';
import { useFirstRun } from './hooks/useFirstRun';
import { useLang } from './hooks/useLang';
import { scoringRules, useRulesInForce } from './hooks/useRulesInForce';
import { useScoring } from './hooks/useScoring';
import { useTabs, type TabValue } from './hooks/useTabs';

// The "Báo cáo" and "Tiêu chí" tabs load on demand.
const ReportPanel = lazy(() => import(/* webpackChunkName: "report" */ './components/ReportPanel'));
const RulesPanel = lazy(() => import(/* webpackChunkName: "rules-editor" */ './components/RulesEditor'));
const AuditPanel = lazy(() => import(/* webpackChunkName: "audit-log" */ './components/AuditPanel'));

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  panel: { paddingBlockStart: tokens.spacingVerticalS, minWidth: 0 },
  // Four tabs fit a 320 px pane: they wrap rather than scroll.
  tabs: { flexWrap: 'wrap' },
});

export type { TabValue } from './hooks/useTabs';

export interface AppProps {
  run: ExcelRun;
  /** Initial language (from Office's display language); the user can switch. */
  lang: Lang;
}

/** What the pane holds above its tabs (language, rules in force, document settings, scoring, tabs, first run): a tab switch loses nothing. */
function usePane(run: ExcelRun, initialLang: Lang) {
  const { lang, t, toggle } = useLang(initialLang);
  // The rules the workbook holds (the default when none), read on open and after an apply.
  const inForce = useRulesInForce(run, lang);
  // What the workbook remembers (its language, the report inputs): above the tabs, so a tab switch loses nothing.
  const doc = useDocSettings(run);
  const scoring = useScoring(run, scoringRules(inForce), lang, doc.docLang);
  const memory = useMemo(
    () => ({ docLang: doc.docLang, inputs: doc.report, setInputs: doc.setReport, flush: doc.flush }),
    [doc.docLang, doc.report, doc.setReport, doc.flush],
  );
  const rules = inForce.stored?.rules ?? HAI_DUONG_2018;
  const tabs = useTabs(run, rules);
  const firstRun = useFirstRun();
  return { run, lang, t, toggle, inForce, doc, scoring, memory, rules, tabs, firstRun };
}

type Pane = ReturnType<typeof usePane>;

/** The tabs, labelled in the pane's language. */
function tabItems(t: Pane['t'], lang: Lang): { value: TabValue; label: string }[] {
  return [
    { value: 'score', label: t.tabScore },
    { value: 'report', label: t.tabReport },
    { value: 'rules', label: t.tabRules },
    { value: 'log', label: messages(lang).pane.tabLog },
  ];
}

/** The pane's title and its language switch (labelled in the language it switches to). */
function PaneHeader({ lang, t, toggle }: Pick<Pane, 'lang' | 't' | 'toggle'>) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <h1 className={styles.title}>{t.appTitle}</h1>
      <Button
        size="small"
        appearance="secondary"
        onClick={toggle}
        title={t.languageSwitchLabel}
        lang={lang === 'vi' ? 'en' : 'vi'}
        data-testid="lang-toggle"
      >
        {t.languageSwitch}
      </Button>
    </header>
  );
}

/** The tab list; `id` ties each tab to the one tab panel. */
function PaneTabList({ pane, id }: { pane: Pane; id: string }) {
  const styles = useStyles();
  return (
    <TabList
      selectedValue={pane.tabs.tab}
      onTabSelect={(_, d) => pane.tabs.select(d.value as TabValue)}
      aria-label={pane.t.tabList}
      size="small"
      className={styles.tabs}
    >
      {tabItems(pane.t, pane.lang).map((x) => (
        <Tab key={x.value} value={x.value} id={`${id}-tab-${x.value}`} aria-controls={`${id}-panel`}>
          {x.label}
        </Tab>
      ))}
    </TabList>
  );
}

/** The tabs loaded on demand ("Báo cáo", "Tiêu chí", the log), behind a spinner while they load. */
function LazyTabContent({ pane }: { pane: Pane }) {
  const { run, lang, t, inForce, doc, scoring, memory, rules, tabs } = pane;
  const { tab } = tabs;
  return (
    <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
      {/* No stored rules: the report waits for the rules to be confirmed (RulesNotice asks). */}
      {tab === 'report' && !inForce.confirmNeeded && (
        <ReportPanel
          run={run}
          rules={rules}
          lang={lang}
          t={t}
          inspection={scoring.inspection}
          override={scoring.readOverride}
          memory={memory}
        />
      )}
      {tab === 'rules' && (
        <RulesPanel
          run={run}
          lang={lang}
          t={t}
          inForce={inForce}
          override={scoring.readOverride}
          docLang={doc.docLang}
          draftState={tabs.draftState}
        />
      )}
      {tab === 'log' && <AuditPanel run={run} rules={rules} lang={lang} />}
    </Suspense>
  );
}

/** What the tab panel shows for the selected tab, under the rules notice (not on "Tiêu chí" and the log). */
function TabContent({ pane }: { pane: Pane }) {
  const { lang, t, inForce, doc, scoring, rules } = pane;
  const { tab } = pane.tabs;
  return (
    <>
      {tab !== 'rules' && tab !== 'log' && <RulesNotice inForce={inForce} lang={lang} />}
      {tab === 'score' && (
        <ScoringTab
          scoring={scoring}
          rules={rules}
          lang={lang}
          t={t}
          docLang={doc.docLang}
          onDocLang={(l) => void doc.setDocLang(l)}
          writeBlocked={inForce.confirmNeeded}
        />
      )}
      {tab !== 'score' && <LazyTabContent pane={pane} />}
    </>
  );
}

export function App({ run, lang: initialLang }: AppProps) {
  const styles = useStyles();
  const pane = usePane(run, initialLang);
  const { lang, t, tabs, firstRun } = pane;
  const id = useId();
  const items = tabItems(t, lang);
  const current = items.find((x) => x.value === tabs.tab) ?? items[0];

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.root} lang={lang}>
        <PaneHeader lang={lang} t={t} toggle={pane.toggle} />
        <FirstRunPanel lang={lang} firstRun={firstRun} />
        <PaneTabList pane={pane} id={id} />
        <main className={styles.panel}>
          <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current.value}`}>
            <TabContent pane={pane} />
          </div>
        </main>
        <PaneFooter lang={lang} firstRun={firstRun} />
        <LeaveRulesDialog
          lang={lang}
          open={tabs.pending !== null}
          onStay={tabs.stay}
          onKeep={tabs.keep}
          onDiscard={tabs.discard}
        />
      </div>
    </FluentProvider>
  );
}
