/**
 * An HTML grid of the fake workbook's active sheet: column letters, row numbers, values as the
 * number format shows them, fills and bold, the selection highlighted and scrolled into view,
 * and sheet tabs. Clicking a cell selects it (shift-click: a block), as a user would in Excel.
 */
import { useEffect, useMemo, useRef } from 'react';
import { colToLetters, qualifiedAddress, rectToA1, type FakeHost, type FakeSheetView } from '../../tools/fake-excel';
import { parseA1, splitSheet } from '../../tools/fake-excel/a1';
import { formatText } from '../../tools/fake-excel/state';

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

export function SheetGrid({ host, version, onChange }: SheetGridProps) {
  const active = host.activeSheet;
  const view = host.sheet(active);
  const selection = host.selection;
  const { rect: sel, sheet: selSheet } = useMemo(() => {
    const { sheet, local } = splitSheet(selection);
    return { sheet, rect: parseA1(local) };
  }, [selection]);
  const anchor = useRef<{ r: number; c: number } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const used = view.usedAddress(false);
  const usedRect = used ? parseA1(splitSheet(used).local) : null;
  const rows = Math.min(MAX_DRAWN_ROWS, Math.max(30, (usedRect ? usedRect.r0 + usedRect.rows : 0) + MARGIN_ROWS, sel && selSheet === active ? sel.r0 + 1 + MARGIN_ROWS : 0));
  const cols = Math.max(10, (usedRect ? usedRect.c0 + usedRect.cols : 0) + MARGIN_COLS, sel && selSheet === active ? sel.c0 + 1 : 0);
  const area = rectToA1({ r0: 0, c0: 0, rows, cols });
  // version is a dependency: the host is mutable and changes on every sync.
  const data = useMemo(
    () => ({ values: view.values(area), formats: view.numberFormats(area), fills: displayedFills(view, area), bold: view.fontBold(area), fontColors: view.fontColors(area) }),
    [host, active, area, version],
  );

  // Column widths in CSS pixels (the host keeps points).
  const widths = Array.from({ length: cols }, (_, c) => Math.round(view.columnWidth(c) / 0.75));

  // Scroll the selected cell into view whenever the selection changes.
  useEffect(() => {
    if (!sel || selSheet !== active) return;
    const cell = scroller.current?.querySelector<HTMLElement>(`td[data-address="${colToLetters(sel.c0)}${sel.r0 + 1}"]`);
    cell?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [selection, active, sel, selSheet, version]);

  // Like Excel, text runs on over empty cells to its right.
  const spills = (r: number, c: number) => typeof data.values[r]?.[c] === 'string' && data.values[r][c] !== '' && (data.values[r]?.[c + 1] ?? '') === '';

  const inSel = (r: number, c: number) => !!sel && selSheet === active && r >= sel.r0 && r < sel.r0 + sel.rows && c >= sel.c0 && c < sel.c0 + sel.cols;

  const click = (r: number, c: number, shift: boolean) => {
    const from = shift && anchor.current ? anchor.current : { r, c };
    if (!shift) anchor.current = { r, c };
    const rect = { r0: Math.min(from.r, r), c0: Math.min(from.c, c), rows: Math.abs(from.r - r) + 1, cols: Math.abs(from.c - c) + 1 };
    host.select(qualifiedAddress(active, rect));
    onChange();
  };

  const activate = (name: string) => {
    host.select(qualifiedAddress(name, { r0: 0, c0: 0, rows: 1, cols: 1 }));
    anchor.current = null;
    onChange();
  };

  return (
    <div className="wb-sheet">
      <div className="wb-namebox" aria-live="polite" data-testid="namebox">
        {selection}
      </div>
      <div className="wb-grid-scroll" ref={scroller}>
        <table className="wb-grid" aria-label={active} data-sheet={active} style={{ width: 36 + widths.reduce((a, b) => a + b, 0) }}>
          <thead>
            <tr>
              <th className="wb-corner" />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col" style={{ width: widths[c] }} className={sel && selSheet === active && c >= sel.c0 && c < sel.c0 + sel.cols ? 'wb-head-sel' : undefined}>
                  {colToLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th scope="row" className={sel && selSheet === active && r >= sel.r0 && r < sel.r0 + sel.rows ? 'wb-head-sel' : undefined}>
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => {
                  const v = data.values[r]?.[c] ?? '';
                  const text = v === '' ? '' : formatText(v, data.formats[r]?.[c] ?? 'General');
                  const selected = inSel(r, c);
                  const isAnchor = selected && sel!.r0 === r && sel!.c0 === c;
                  const fill = data.fills[r]?.[c];
                  const address = `${colToLetters(c)}${r + 1}`;
                  return (
                    <td
                      key={c}
                      data-address={address}
                      aria-selected={selected || undefined}
                      className={[typeof v === 'number' ? 'wb-num' : '', spills(r, c) ? 'wb-spill' : '', selected ? 'wb-sel' : '', isAnchor ? 'wb-anchor' : ''].join(' ').trim() || undefined}
                      style={{ background: fill ?? undefined, fontWeight: data.bold[r]?.[c] ? 600 : undefined, color: data.fontColors[r]?.[c] !== '#000000' ? data.fontColors[r]?.[c] : undefined }}
                      title={text.length > 30 ? text : undefined}
                      onMouseDown={(e) => {
                        e.preventDefault();
                        click(r, c, e.shiftKey);
                      }}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="wb-tabs" role="tablist" aria-label="Sheets">
        {host.sheetNames.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={name === active} className={name === active ? 'wb-tab wb-tab-active' : 'wb-tab'} onClick={() => activate(name)}>
            {name}
          </button>
        ))}
      </div>
    </div>
  );
}
