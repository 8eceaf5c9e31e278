/**
 * The structure of a SpreadsheetML package, read from its zip: the workbook part (from the
 * package relationships), its relationships, its worksheets in workbook order with their part
 * paths, and the shared-strings and styles parts. Paths are zip entry names (no leading slash),
 * spelled as the archive spells them.
 */
import { attr, decodeEntities } from './xml';
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

function stripComments(xml: string): string {
  return xml.indexOf('<!--') < 0 ? xml : xml.replace(/<!--[\s\S]*?-->/g, '');
}

/** Start tags of elements with local name `local` (any or no prefix). */
function startTags(xml: string, local: string): string[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])[^>]*>`, 'g');
  return xml.match(re) ?? [];
}

/** Every relationship of a .rels part, in document order. */
export function parseRelationships(xml: string): Relationship[] {
  return startTags(stripComments(xml), 'Relationship').map((tag) => ({
    id: attr(tag, 'Id') ?? '',
    type: attr(tag, 'Type') ?? '',
    target: attr(tag, 'Target') ?? '',
    external: (attr(tag, 'TargetMode') ?? '').toLowerCase() === 'external',
  }));
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

/** The attributes of a start tag, name -> decoded value. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], decodeEntities(m[2] ?? m[3] ?? ''));
  return out;
}

/** Reads the workbook's structure; throws PackageError when `zip` is not a spreadsheet package. */
export function readWorkbookParts(zip: ZipArchive): WorkbookParts {
  const rootRels = zip.textOrNull('_rels/.rels');
  if (rootRels === null) {
    throw new PackageError('Not an Office Open XML package: the zip has no _rels/.rels (an .xlsx file saved by Excel or LibreOffice always has one).');
  }
  const office = parseRelationships(rootRels).find((r) => typeIs(r, 'officeDocument') && !r.external);
  if (!office) throw new PackageError('Not an Office document: _rels/.rels names no officeDocument part.');
  const officePath = resolveTarget('', office.target);
  const workbookPath = locate(zip, officePath);
  if (workbookPath === null) throw new PackageError(`The package is damaged: its main part ${officePath} (named in _rels/.rels) is missing.`);

  const workbookXml = stripComments(zip.text(workbookPath));
  const rootTag = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?=[\s/>])[^>]*>/.exec(workbookXml.replace(/<\?[\s\S]*?\?>/g, ''));
  if (!rootTag || rootTag[1] !== 'workbook') {
    const kind = rootTag?.[1] === 'document' ? 'a Word document' : rootTag?.[1] === 'presentation' ? 'a PowerPoint presentation' : `a <${rootTag?.[1] ?? '?'}> document`;
    throw new PackageError(`Not a spreadsheet: the package's main part ${workbookPath} is ${kind}, not a workbook.`);
  }
  // The prefix bound to the relationships namespace (r:id), as the root element declares it.
  const rootAttrs = attributes(rootTag[0]);
  const relPrefixes = [...rootAttrs].filter(([k, v]) => k.startsWith('xmlns:') && /\/relationships$/.test(v)).map(([k]) => k.slice(6));
  if (relPrefixes.length === 0) relPrefixes.push('r');

  const relsPath = zip.entryName(relsPathOf(workbookPath)) ?? relsPathOf(workbookPath);
  const relsXml = zip.textOrNull(relsPath);
  if (relsXml === null) throw new PackageError(`The package is damaged: the workbook's relationships part ${relsPath} is missing.`);
  const rels = parseRelationships(relsXml);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const baseDir = dirOf(workbookPath);

  const sheetsBlock = /<(?:[A-Za-z_][\w.-]*:)?sheets(?=[\s>])[^>]*>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?sheets>/.exec(workbookXml);
  const sheets: SheetRef[] = [];
  for (const tag of startTags(sheetsBlock?.[1] ?? '', 'sheet')) {
    const a = attributes(tag);
    const name = a.get('name') ?? '';
    let relId: string | undefined;
    for (const prefix of relPrefixes) relId ??= a.get(`${prefix}:id`);
    if (relId === undefined) throw new PackageError(`The workbook is damaged: sheet "${name}" has no relationship id (r:id).`);
    const rel = relById.get(relId);
    if (!rel) throw new PackageError(`The workbook is damaged: sheet "${name}" refers to relationship ${relId}, which ${relsPath} does not have.`);
    if (!typeIs(rel, 'worksheet')) continue; // chartsheet, dialogsheet, xlMacrosheet: not scored, left as they are
    if (rel.external) throw new PackageError(`The workbook is damaged: sheet "${name}" points outside the package (${rel.target}).`);
    const resolved = resolveTarget(baseDir, rel.target);
    const path = locate(zip, resolved);
    if (path === null) throw new PackageError(`The package is damaged: sheet "${name}" is stored in ${resolved}, which the package does not have.`);
    const rawState = a.get('state');
    const state = rawState === 'hidden' || rawState === 'veryHidden' ? rawState : 'visible';
    const sheetId = Number(a.get('sheetId'));
    sheets.push({ name, sheetId: Number.isFinite(sheetId) ? sheetId : 0, relId, state, path });
  }

  const partOf = (suffix: string): string | null => {
    const rel = rels.find((r) => typeIs(r, suffix) && !r.external);
    return rel ? locate(zip, resolveTarget(baseDir, rel.target)) : null;
  };
  return { workbookPath, relsPath, sheets, sharedStringsPath: partOf('sharedStrings'), stylesPath: partOf('styles') };
}
