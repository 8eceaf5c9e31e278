/**
 * The workbench page: the task pane App on the fake Excel host, next to a grid of the fake
 * workbook. Loads examples/chi-so-cchc-2021-tu-ky.xlsx, or any .xlsx the user opens.
 * Development tool only (its own chrome is English; the pane is the product).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../engine';
import { App } from '../taskpane/App';
import { benchOf, type Bench } from './fakeHost';
import { loadXlsx } from './loadXlsx';
import { SheetGrid } from './SheetGrid';

export const SAMPLE_URL = 'examples/chi-so-cchc-2021-tu-ky.xlsx';

interface Loaded {
  bench: Bench;
  fileName: string;
  /** Bumped per workbook: remounts the pane, as reopening the add-in would. */
  key: number;
}

declare global {
  interface Window {
    /** For browser tests and the console: the fake host of the open workbook. */
    workbench?: { bench: Bench; fileName: string };
  }
}

/** `?sheet=Hướng dẫn`: the workbook opens on that sheet (as a workbook saved on it would). */
function initialSheet(): string | null {
  return new URLSearchParams(window.location.search).get('sheet');
}

/** `?pane=320`: the task pane's width in CSS pixels (Office's narrowest pane is 320). */
function paneWidth(): number | undefined {
  const w = Number(new URLSearchParams(window.location.search).get('pane'));
  return Number.isFinite(w) && w >= 240 && w <= 1200 ? w : undefined;
}

function initialLang(): Lang {
  const q = new URLSearchParams(window.location.search).get('lang');
  if (q === 'en' || q === 'vi') return q;
  return 'vi';
}

/** The open workbook: loading state, the last error, the grid's redraw counter, and `open` (the sample is opened on mount). */
function useWorkbook() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const keyRef = useRef(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);

  const open = useCallback(
    async (data: ArrayBuffer, fileName: string) => {
      setBusy(true);
      setError(null);
      try {
        const book = await loadXlsx(data, fileName);
        const wanted = book.sheets.findIndex((x) => x.name === initialSheet());
        if (wanted >= 0) book.active = wanted;
        const bench = benchOf(book, bump);
        window.workbench = { bench, fileName };
        setLoaded({ bench, fileName, key: ++keyRef.current });
        bump();
      } catch (e) {
        setError(`Could not open ${fileName}: ${(e as Error).message ?? String(e)}`);
      } finally {
        setBusy(false);
      }
    },
    [bump],
  );

  useEffect(() => {
    void (async () => {
      try {
        const res = await fetch(SAMPLE_URL);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        await open(await res.arrayBuffer(), SAMPLE_URL.split('/').pop() as string);
      } catch (e) {
        setError(`Could not load the sample ${SAMPLE_URL}: ${(e as Error).message}`);
      }
    })();
  }, [open]);

  return { loaded, error, busy, version, bump, open };
}

interface WorkbenchBarProps {
  loaded: Loaded | null;
  error: string | null;
  busy: boolean;
  open: (data: ArrayBuffer, fileName: string) => Promise<void>;
}

/** The bar above the grid: title, the file picker, the open file's name, the sync count and any error. */
function WorkbenchBar({ loaded, error, busy, open }: WorkbenchBarProps) {
  return (
    <div className="wb-bar">
      <strong>Workbench · Chấm điểm CCHC</strong>
      <label className="wb-open">
        Open .xlsx{' '}
        <input
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="file-input"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) await open(await file.arrayBuffer(), file.name);
            e.target.value = '';
          }}
        />
      </label>
      <span className="wb-file" data-testid="file-name">
        {busy ? 'Loading…' : (loaded?.fileName ?? '')}
      </span>
      {loaded && (
        <span className="wb-stats" data-testid="sync-count">
          syncs: {loaded.bench.fake.host.syncCount}
        </span>
      )}
      {error && (
        <span role="alert" className="wb-error">
          {error}
        </span>
      )}
    </div>
  );
}

export function Workbench() {
  const { loaded, error, busy, version, bump, open } = useWorkbook();
  return (
    <div className="wb-root">
      {/* Not a banner: the pane has its own, and in Office the pane is a document of its own. */}
      <WorkbenchBar loaded={loaded} error={error} busy={busy} open={open} />
      <div className="wb-main">
        <div className="wb-left">
          {loaded && <SheetGrid host={loaded.bench.fake.host} version={version} onChange={bump} />}
        </div>
        {/* Not a landmark: in Office the pane is a document of its own, and its <main> is top-level. */}
        <div className="wb-pane" data-testid="pane" style={paneWidth() ? { width: `${paneWidth()}px` } : undefined}>
          {loaded && <App key={loaded.key} run={loaded.bench.run} lang={initialLang()} />}
        </div>
      </div>
    </div>
  );
}
