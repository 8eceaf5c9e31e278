/**
 * A confirmed column mapping kept in the workbook (issue 15 item 8): mapping ↔ sheet rows, and a
 * stored mapping used only while the table's headers are the ones confirmed.
 */
import {
  HAI_DUONG_2018,
  MAPPING_MARKER,
  MAPPING_SHEET,
  OWNED_SHEETS,
  columnRoleRows,
  confirmedRoles,
  detectLayout,
  scoreGrid,
  tablePreview,
  mappingFromRows,
  mappingOf,
  mappingToRows,
  parseColumnMap,
  rolesFromStore,
  storedRolesFor,
  withMapping,
  type CellValue,
  type RoleOverrides,
  type StoredMapping,
} from '../../src/engine';
import { genLayouts } from '../fixtures/layouts';

const layout = genLayouts().find((l) => l.map);
if (!layout) throw new Error('no uncertain layout');
const roles = (parseColumnMap(layout.map as string) as { ok: true; roles: RoleOverrides }).roles;
const ORIGIN = { row: 1, col: 0 };

function confirmed(sheet = 'Tổng hợp'): StoredMapping {
  const d = detectLayout(layout!.rows, undefined, ORIGIN, roles);
  if (!d.ok) throw new Error('not confirmed');
  return mappingOf(sheet, roles, d.columns, 0);
}

describe('the mapping sheet', () => {
  it('is an owned sheet, never a scoring table', () => {
    expect(OWNED_SHEETS).toContain(MAPPING_SHEET);
  });

  it('holds each confirmed column with its header, and reads back the same', () => {
    const m = confirmed();
    expect(m.columns).toHaveLength(14);
    expect(m.columns[0]).toEqual({
      column: 'C',
      role: 'selfAssessed',
      header: 'Công tác chỉ đạo, điều hành › Điểm ĐV',
    });
    const rows = mappingToRows([m, { sheet: 'Khác', columns: [{ column: 'B', role: 'name', header: 'Xã' }] }]);
    expect(rows[0][0]).toBe(MAPPING_MARKER);
    expect(rows[2]).toEqual(['Tổng hợp', 'C', 'selfAssessed', 'Công tác chỉ đạo, điều hành › Điểm ĐV']);
    expect(mappingFromRows(rows)).toEqual({
      ok: true,
      mappings: [m, { sheet: 'Khác', columns: [{ column: 'B', role: 'name', header: 'Xã' }] }],
    });
  });

  it('a row that cannot be read is a problem naming its cell; a sheet not ours is refused at A1', () => {
    const rows: CellValue[][] = mappingToRows([confirmed()]);
    rows[3] = ['Tổng hợp', 'D', 'chấm lại', 'x'];
    rows[4] = ['Tổng hợp', 'd4', 'appraised', 'x'];
    expect(mappingFromRows(rows)).toEqual({
      ok: false,
      problems: [
        { cell: `${MAPPING_SHEET}!C4`, value: 'chấm lại' },
        { cell: `${MAPPING_SHEET}!B5`, value: 'd4' },
      ],
    });
    expect(mappingFromRows([['Tên đơn vị']])).toMatchObject({ ok: false, problems: [{ cell: `${MAPPING_SHEET}!A1` }] });
  });

  it("replaces a sheet's earlier mapping, keeping the others", () => {
    const other: StoredMapping = { sheet: 'Khác', columns: [{ column: 'B', role: 'name', header: 'Xã' }] };
    const old: StoredMapping = { sheet: 'Tổng hợp', columns: [{ column: 'C', role: 'ignored', header: 'x' }] };
    expect(withMapping([old, other], confirmed())).toEqual([other, confirmed()]);
  });
});

describe('a stored mapping applied', () => {
  it('reads the uncertain table as confirmed', () => {
    const found = storedRolesFor([confirmed()], 'Tổng hợp', layout!.rows, ORIGIN);
    expect(found?.stale).toEqual([]);
    expect(found?.text).toBe(layout!.map);
    expect(detectLayout(layout!.rows, undefined, ORIGIN, found?.roles).ok).toBe(true);
    expect(storedRolesFor([confirmed()], 'Khác', layout!.rows, ORIGIN)).toBeNull();
  });

  it("is not used once a confirmed column's header changed (never a silent guess)", () => {
    const changed = layout!.rows.map((r) => r.slice());
    changed[3][3] = 'Điểm HĐTĐ';
    const found = storedRolesFor([confirmed()], 'Tổng hợp', changed, ORIGIN);
    expect(found?.stale).toEqual(['D']);
    expect(rolesFromStore([confirmed()], 'Tổng hợp', changed, ORIGIN)).toBeUndefined();
    expect(rolesFromStore([confirmed()], 'Tổng hợp', layout!.rows, ORIGIN)?.size).toBe(14);
  });
});

describe('what the pane shows of the reading', () => {
  it('every column with its role, the uncertain ones with their candidates first; confirmed: those and the changed ones', () => {
    const d = detectLayout(layout!.rows);
    if (d.ok || d.reason !== 'uncertain') throw new Error('expected uncertain');
    const rows = columnRoleRows(d.proposal.columns, d.proposal.uncertain, 0);
    expect(rows).toHaveLength(16);
    expect(rows[1]).toMatchObject({ letter: 'B', role: 'name', uncertain: false });
    expect(rows[3]).toMatchObject({
      letter: 'D',
      role: 'appraised',
      uncertain: true,
      header: 'Công tác chỉ đạo, điều hành › Điểm HĐ',
    });
    expect(rows[3].choices.slice(0, 3)).toEqual(['appraised', 'selfAssessed', 'ignored']);
    expect(new Set(rows[3].choices).size).toBe(rows[3].choices.length);
    const chosen = confirmedRoles(rows, new Map([[0, 'ignored']]));
    expect(chosen.size).toBe(15);
    expect(chosen.get(0)).toBe('ignored');
    expect(chosen.has(1)).toBe(false);
    expect(detectLayout(layout!.rows, undefined, ORIGIN, confirmedRoles(rows, new Map())).ok).toBe(true);
  });

  it('a preview: the first units, their block and points per field, and how many more', () => {
    const s = scoreGrid(layout!.plain, 'Tổng hợp', HAI_DUONG_2018);
    if (!s.found) throw new Error('not found');
    const p = tablePreview(s.result.table, 2);
    expect(p.fields).toHaveLength(7);
    expect(p.units.map((u) => u.name)).toEqual([s.result.units[0].name, s.result.units[1].name]);
    expect(p.units[0].points).toEqual(
      s.result.table.units[0].scores.map((x) => (x.kind === 'points' ? x.scaled / 1e4 : null)),
    );
    expect(p.more).toBe(s.result.units.length - 2);
  });
});
