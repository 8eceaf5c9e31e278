/**
 * The structure of a SpreadsheetML package, read from its zip: the workbook part (from the
 * package relationships), its relationships, its worksheets in workbook order with their part
 * paths, and the shared-strings and styles parts. Paths are zip entry names (no leading slash),
 * spelled as the archive spells them.
 */
import { parseXml } from './parse';
import type { ZipArchive } from './zip';

export class PackageError extends Error {
  override name = 'PackageError';
}

export interface SheetRef {
  name: string;
  sheetId: number;
  relId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** e.g. 'xl/worksheets/sheet1.xml', resolved from the workbook's relationships; no leading slash. */
  path: string;
}

export interface WorkbookParts {
  /** From the package relationships' officeDocument, usually 'xl/workbook.xml'. */
  workbookPath: string;
  /** The workbook's relationships part, usually 'xl/_rels/workbook.xml.rels'. */
  relsPath: string;
  /** Worksheets only (chartsheets, dialog and macro sheets are left out), in workbook order. */
  sheets: SheetRef[];
  /** null when the workbook has no shared-strings relationship (or its part is missing). */
  sharedStringsPath: string | null;
  /** null when the workbook has no styles relationship (or its part is missing). */
  stylesPath: string | null;
}

export interface Relationship {
  id: string;
  /** The relationship type URI, e.g. '…/relationships/worksheet'. */
  type: string;
  /** The raw Target attribute. */
  target: string;
  external: boolean;
}

/** The directory part of a part path ('xl/workbook.xml' -> 'xl'; 'a.xml' -> ''). */
export function dirOf(partPath: string): string {
  const p = partPath.replace(/^\/+/, '');
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/**
 * A relationship target resolved against the directory of the part that owns the relationships:
 * relative ('worksheets/sheet1.xml', './x', '../x') or absolute ('/xl/worksheets/sheet1.xml').
 * '.' and '..' segments are resolved (never above the package root), backslashes read as slashes,
 * a query or fragment dropped. Percent-escapes are kept as written.
 */
export function resolveTarget(baseDir: string, target: string): string {
  const t = target.replace(/\\/g, '/').replace(/[?#].*$/, '');
  const joined = t.startsWith('/') ? t : `${baseDir.replace(/\\/g, '/')}/${t}`;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** 'xl/worksheets/sheet1.xml' -> 'xl/worksheets/_rels/sheet1.xml.rels'; '' (the package) -> '_rels/.rels'. */
export function relsPathOf(partPath: string): string {
  const p = partPath.replace(/^\/+/, '');
  const i = p.lastIndexOf('/');
  return i < 0 ? `_rels/${p}.rels` : `${p.slice(0, i)}/_rels/${p.slice(i + 1)}.rels`;
}

/** Every relationship of a .rels part, in document order. */
export function parseRelationships(xml: string, part = '.rels'): Relationship[] {
  const out: Relationship[] = [];
  parseXml(xml, part, {
    open(local, a) {
      if (local !== 'Relationship') return;
      out.push({
        id: a.Id ?? '',
        type: a.Type ?? '',
        target: a.Target ?? '',
        external: (a.TargetMode ?? '').toLowerCase() === 'external',
      });
    },
  });
  return out;
}

/** The relationships namespaces, transitional and Strict. */
export const RELATIONSHIPS_NS = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
];

/** What the workbook part says: its root element's local name, and each sheet's attributes (r:id resolved). */
interface WorkbookXml {
  root: string;
  sheets: { attrs: Readonly<Record<string, string>>; relId: string | undefined }[];
}

/** The relationship id of an element: its attribute `id` in the relationships namespace, under whatever prefix is in scope. */
function relIdOf(attrs: Readonly<Record<string, string>>, scopes: readonly Map<string, string>[]): string | undefined {
  for (const [name, value] of Object.entries(attrs)) {
    const colon = name.indexOf(':');
    if (colon < 0 || name.slice(colon + 1) !== 'id') continue;
    const prefix = name.slice(0, colon);
    const uri = [...scopes]
      .reverse()
      .find((s) => s.has(prefix))
      ?.get(prefix);
    if (uri !== undefined && RELATIONSHIPS_NS.includes(uri)) return value;
  }
  return undefined;
}

/** Reads the workbook part: the root's name and the `<sheet>` entries, namespace declarations followed on every element. */
function readWorkbookXml(xml: string, part: string): WorkbookXml {
  const out: WorkbookXml = { root: '', sheets: [] };
  const scopes: Map<string, string>[] = [];
  parseXml(xml, part, {
    open(local, attrs) {
      const scope = new Map<string, string>();
      for (const [k, v] of Object.entries(attrs)) if (k.startsWith('xmlns:')) scope.set(k.slice(6), v);
      scopes.push(scope);
      if (out.root === '') out.root = local;
      else if (local === 'sheet') out.sheets.push({ attrs, relId: relIdOf(attrs, scopes) ?? attrs['r:id'] });
    },
    close: () => void scopes.pop(),
  });
  return out;
}

/** The archive's entry for a resolved target: as written, else percent-decoded; case-insensitive. */
function locate(zip: ZipArchive, path: string): string | null {
  const direct = zip.entryName(path);
  if (direct !== null) return direct;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  return decoded === path ? null : zip.entryName(decoded);
}

function typeIs(rel: Relationship, suffix: string): boolean {
  return rel.type.endsWith(`/${suffix}`);
}

/** The workbook part's path, from the package relationships. */
function workbookPathOf(zip: ZipArchive): string {
  const rootRels = zip.textOrNull('_rels/.rels');
  if (rootRels === null) {
    throw new PackageError(
      'Not an Office Open XML package: the zip has no _rels/.rels (an .xlsx file saved by Excel or LibreOffice always has one).',
    );
  }
  const office = parseRelationships(rootRels).find((r) => typeIs(r, 'officeDocument') && !r.external);
  if (!office) throw new PackageError('Not an Office document: _rels/.rels names no officeDocument part.');
  const officePath = resolveTarget('', office.target);
  const workbookPath = locate(zip, officePath);
  if (workbookPath === null)
    throw new PackageError(`The package is damaged: its main part ${officePath} (named in _rels/.rels) is missing.`);
  return workbookPath;
}

/** The main part read, when it is a workbook; a PackageError naming what it is otherwise. */
function workbookOf(zip: ZipArchive, workbookPath: string): WorkbookXml {
  const workbook = readWorkbookXml(zip.text(workbookPath), workbookPath);
  if (workbook.root === 'workbook') return workbook;
  const kind =
    workbook.root === 'document'
      ? 'a Word document'
      : workbook.root === 'presentation'
        ? 'a PowerPoint presentation'
        : `a <${workbook.root || '?'}> document`;
  throw new PackageError(`Not a spreadsheet: the package's main part ${workbookPath} is ${kind}, not a workbook.`);
}

/** One `<sheet>` of the workbook as a SheetRef, or null for a chartsheet, dialog or macro sheet (not scored). */
function sheetRef(
  zip: ZipArchive,
  entry: WorkbookXml['sheets'][number],
  rels: Map<string, Relationship>,
  relsPath: string,
  baseDir: string,
): SheetRef | null {
  const { attrs: a, relId } = entry;
  const name = a.name ?? '';
  if (relId === undefined)
    throw new PackageError(`The workbook is damaged: sheet "${name}" has no relationship id (r:id).`);
  const rel = rels.get(relId);
  if (!rel)
    throw new PackageError(
      `The workbook is damaged: sheet "${name}" refers to relationship ${relId}, which ${relsPath} does not have.`,
    );
  if (!typeIs(rel, 'worksheet')) return null;
  if (rel.external)
    throw new PackageError(`The workbook is damaged: sheet "${name}" points outside the package (${rel.target}).`);
  const resolved = resolveTarget(baseDir, rel.target);
  const path = locate(zip, resolved);
  if (path === null)
    throw new PackageError(
      `The package is damaged: sheet "${name}" is stored in ${resolved}, which the package does not have.`,
    );
  const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
  const sheetId = Number(a.sheetId);
  return { name, sheetId: Number.isFinite(sheetId) ? sheetId : 0, relId, state, path };
}

/** Reads the workbook's structure; throws PackageError when `zip` is not a spreadsheet package. */
export function readWorkbookParts(zip: ZipArchive): WorkbookParts {
  const workbookPath = workbookPathOf(zip);
  const workbook = workbookOf(zip, workbookPath);
  const relsPath = zip.entryName(relsPathOf(workbookPath)) ?? relsPathOf(workbookPath);
  const relsXml = zip.textOrNull(relsPath);
  if (relsXml === null)
    throw new PackageError(`The package is damaged: the workbook's relationships part ${relsPath} is missing.`);
  const rels = parseRelationships(relsXml, relsPath);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const baseDir = dirOf(workbookPath);
  const sheets = workbook.sheets
    .map((entry) => sheetRef(zip, entry, relById, relsPath, baseDir))
    .filter((s): s is SheetRef => s !== null);
  const partOf = (suffix: string): string | null => {
    const rel = rels.find((r) => typeIs(r, suffix) && !r.external);
    return rel ? locate(zip, resolveTarget(baseDir, rel.target)) : null;
  };
  return { workbookPath, relsPath, sheets, sharedStringsPath: partOf('sharedStrings'), stylesPath: partOf('styles') };
}
