/**
 * An HTML grid of the fake workbook's active sheet: column letters, row numbers, values as the
 * number format shows them, fills and bold, the selection highlighted and scrolled into view,
 * and sheet tabs. Clicking a cell selects it (shift-click: a block), as a user would in Excel.
 */
import { useEffect, useMemo, useRef } from 'react';
import { colToLetters, qualifiedAddress, rectToA1, type FakeHost, type FakeSheetView } from '../../tools/fake-excel';
import { parseA1, splitSheet, type Rect } from '../../tools/fake-excel/a1';
import { formatText } from '../../tools/fake-excel/state';
import type { CellValue } from '../engine';

/** The fill a user sees (conditional formats applied) where the host can tell, else the cells' own fill. */
function displayedFills(view: FakeSheetView, area: string): (string | null)[][] {
  const shown = (view as Partial<{ displayedFills: (a: string) => (string | null)[][] }>).displayedFills;
  return shown ? shown.call(view, area) : view.fills(area);
}

/** Rows and columns drawn beyond the used range, and the most rows drawn. */
const MARGIN_ROWS = 5;
const MARGIN_COLS = 3;
const MAX_DRAWN_ROWS = 2000;

export interface SheetGridProps {
  host: FakeHost;
  /** Bumped after every sync: the grid redraws from the host. */
  version: number;
  onChange: () => void;
}

interface GridData {
  values: (CellValue | '')[][];
  formats: string[][];
  fills: (string | null)[][];
  bold: boolean[][];
  fontColors: string[][];
}

interface GridCellProps {
  data: GridData;
  r: number;
  c: number;
  selected: boolean;
  anchor: boolean;
  onPick: (r: number, c: number, shift: boolean) => void;
}

/** One cell: its value as its number format shows it, its fill, bold and colour; text runs on over empty cells to its right, as in Excel. */
function GridCell({ data, r, c, selected, anchor, onPick }: GridCellProps) {
  const v = data.values[r]?.[c] ?? '';
  const text = v === '' ? '' : formatText(v, data.formats[r]?.[c] ?? 'General');
  const spills = typeof v === 'string' && v !== '' && (data.values[r]?.[c + 1] ?? '') === '';
  const classes = { 'wb-num': typeof v === 'number', 'wb-spill': spills, 'wb-sel': selected, 'wb-anchor': anchor };
  const className =
    Object.keys(classes)
      .filter((k) => classes[k as keyof typeof classes])
      .join(' ') || undefined;
  return (
    <td
      data-address={`${colToLetters(c)}${r + 1}`}
      aria-selected={selected || undefined}
      className={className}
      style={cellStyle(data, r, c)}
      title={text.length > 30 ? text : undefined}
      onMouseDown={(e) => {
        e.preventDefault();
        onPick(r, c, e.shiftKey);
      }}
    >
      {text}
    </td>
  );
}

/** A cell's fill, bold and font colour as CSS. */
function cellStyle(data: GridData, r: number, c: number): { background?: string; fontWeight?: number; color?: string } {
  const colour = data.fontColors[r]?.[c];
  return {
    background: data.fills[r]?.[c] ?? undefined,
    fontWeight: data.bold[r]?.[c] ? 600 : undefined,
    color: colour !== '#000000' ? colour : undefined,
  };
}

/** The sheet tabs under the grid. */
function SheetTabs({
  names,
  active,
  onActivate,
}: {
  names: readonly string[];
  active: string;
  onActivate: (name: string) => void;
}) {
  return (
    <div className="wb-tabs" role="tablist" aria-label="Sheets">
      {names.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === active}
          className={name === active ? 'wb-tab wb-tab-active' : 'wb-tab'}
          onClick={() => onActivate(name)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}

/** Whether row r, column c lies in the rectangle. */
function inRect(rect: Rect | null, r: number, c: number): boolean {
  return !!rect && r >= rect.r0 && r < rect.r0 + rect.rows && c >= rect.c0 && c < rect.c0 + rect.cols;
}

/** The selection's address, and its rectangle when it is on the active sheet (else null). */
function useSelectionOn(host: FakeHost, active: string): { selection: string; sel: Rect | null } {
  const selection = host.selection;
  const { rect, sheet } = useMemo(() => {
    const { sheet, local } = splitSheet(selection);
    return { sheet, rect: parseA1(local) };
  }, [selection]);
  return { selection, sel: rect && sheet === active ? rect : null };
}

/** Rows and columns drawn: the used range and the selection, plus a margin. */
function gridSize(view: FakeSheetView, sel: Rect | null): { rows: number; cols: number } {
  const used = view.usedAddress(false);
  const usedRect = used ? parseA1(splitSheet(used).local) : null;
  const rows = Math.min(
    MAX_DRAWN_ROWS,
    Math.max(30, (usedRect ? usedRect.r0 + usedRect.rows : 0) + MARGIN_ROWS, sel ? sel.r0 + 1 + MARGIN_ROWS : 0),
  );
  const cols = Math.max(10, (usedRect ? usedRect.c0 + usedRect.cols : 0) + MARGIN_COLS, sel ? sel.c0 + 1 : 0);
  return { rows, cols };
}

/** The values, formats, fills, bold and font colours of the drawn area, read again after every sync. */
function useGridData(host: FakeHost, view: FakeSheetView, active: string, area: string, version: number): GridData {
  // version is a dependency: the host is mutable and changes on every sync.
  return useMemo(
    () => ({
      values: view.values(area),
      formats: view.numberFormats(area),
      fills: displayedFills(view, area),
      bold: view.fontBold(area),
      fontColors: view.fontColors(area),
    }),
    [host, active, area, version],
  );
}

/** Scrolls the selected cell into view whenever the selection changes. */
function useScrollToSelection(selection: string, active: string, sel: Rect | null, version: number) {
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!sel) return;
    const cell = scroller.current?.querySelector<HTMLElement>(
      `td[data-address="${colToLetters(sel.c0)}${sel.r0 + 1}"]`,
    );
    cell?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [selection, active, sel, version]);
  return scroller;
}

/** Selecting as a user would: a click selects a cell, a shift-click the block from the anchor; a tab activates its sheet. */
function usePicking(host: FakeHost, active: string, onChange: () => void) {
  const anchor = useRef<{ r: number; c: number } | null>(null);
  const pick = (r: number, c: number, shift: boolean) => {
    const from = shift && anchor.current ? anchor.current : { r, c };
    if (!shift) anchor.current = { r, c };
    const rect = {
      r0: Math.min(from.r, r),
      c0: Math.min(from.c, c),
      rows: Math.abs(from.r - r) + 1,
      cols: Math.abs(from.c - c) + 1,
    };
    host.select(qualifiedAddress(active, rect));
    onChange();
  };
  const activate = (name: string) => {
    host.select(qualifiedAddress(name, { r0: 0, c0: 0, rows: 1, cols: 1 }));
    anchor.current = null;
    onChange();
  };
  return { pick, activate };
}

/** The column letters over the grid, those of the selection highlighted. */
function ColumnHeads({ widths, sel }: { widths: number[]; sel: Rect | null }) {
  return (
    <thead>
      <tr>
        <th className="wb-corner" />
        {widths.map((width, c) => (
          <th
            key={c}
            scope="col"
            style={{ width }}
            className={sel && c >= sel.c0 && c < sel.c0 + sel.cols ? 'wb-head-sel' : undefined}
          >
            {colToLetters(c)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

interface GridRowProps {
  data: GridData;
  r: number;
  cols: number;
  sel: Rect | null;
  onPick: (r: number, c: number, shift: boolean) => void;
}

/** One row: its number (highlighted when in the selection) and its cells. */
function GridRow({ data, r, cols, sel, onPick }: GridRowProps) {
  return (
    <tr>
      <th scope="row" className={sel && r >= sel.r0 && r < sel.r0 + sel.rows ? 'wb-head-sel' : undefined}>
        {r + 1}
      </th>
      {Array.from({ length: cols }, (_, c) => {
        const selected = inRect(sel, r, c);
        return (
          <GridCell
            key={c}
            data={data}
            r={r}
            c={c}
            selected={selected}
            anchor={selected && sel!.r0 === r && sel!.c0 === c}
            onPick={onPick}
          />
        );
      })}
    </tr>
  );
}

export function SheetGrid({ host, version, onChange }: SheetGridProps) {
  const active = host.activeSheet;
  const view = host.sheet(active);
  const { selection, sel } = useSelectionOn(host, active);
  const { rows, cols } = gridSize(view, sel);
  const data = useGridData(host, view, active, rectToA1({ r0: 0, c0: 0, rows, cols }), version);
  // Column widths in CSS pixels (the host keeps points).
  const widths = Array.from({ length: cols }, (_, c) => Math.round(view.columnWidth(c) / 0.75));
  const scroller = useScrollToSelection(selection, active, sel, version);
  const { pick, activate } = usePicking(host, active, onChange);

  return (
    <div className="wb-sheet">
      <div className="wb-namebox" aria-live="polite" data-testid="namebox">
        {selection}
      </div>
      <div className="wb-grid-scroll" ref={scroller}>
        <table
          className="wb-grid"
          aria-label={active}
          data-sheet={active}
          style={{ width: 36 + widths.reduce((a, b) => a + b, 0) }}
        >
          <ColumnHeads widths={widths} sel={sel} />
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <GridRow key={r} data={data} r={r} cols={cols} sel={sel} onPick={pick} />
            ))}
          </tbody>
        </table>
      </div>
      <SheetTabs names={host.sheetNames} active={active} onActivate={activate} />
    </div>
  );
}
