/**
 * An .xlsx workbook opened for patching: the parts are read from the zip as they are needed,
 * sheets are read into grids (values and number formats) on demand, and the writer replaces a
 * few parts (the scoring sheet, the styles, the report sheet, the workbook's sheet list). Every
 * part it does not replace is copied into the output byte for byte, compressed as it was:
 * charts, pivot tables, macros, custom XML, comments, everything.
 */
import { ZipArchive, compressEntry, writeZip, type CompressedEntry, type EntryChange } from './zip';
import {
  dirOf,
  parseRelationships,
  readWorkbookParts,
  relsPathOf,
  resolveTarget,
  type SheetRef,
  type WorkbookParts,
} from './package';
import {
  isDate1904,
  parseSharedStrings,
  parseStyleFormats,
  readSheetXml,
  type SheetGrid,
  type StyleFormats,
} from './read';
import { StyleBook } from './styles';
import { attr, decodeEntities, decodeOoxmlText, escapeAttr, escapeText, setAttr } from './xml';
import { forPatching } from './parse';
import { quoteSheet, type CellValue } from '../../engine';

export type { SheetRef } from './package';

const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const TRANSITIONAL_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_RELATIONSHIPS = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';
const RELATIONSHIPS_NS = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
];

/** A part's new content: its text, or that text as UTF-8 bytes. */
export type PartContent = string | Buffer;

function isPartContent(change: EntryChange | undefined): change is PartContent {
  return typeof change === 'string' || Buffer.isBuffer(change);
}

/** A part's content as text. */
function textOf(content: PartContent): string {
  return typeof content === 'string' ? content : content.toString('utf8');
}

export class XlsxBook {
  private readonly parts: WorkbookParts;
  private readonly changes = new Map<string, EntryChange>();
  /** Parts being compressed on the thread pool, with the content (text or UTF-8 bytes) they were started from. */
  private readonly ahead = new Map<string, { text: PartContent; compressed: Promise<CompressedEntry> }>();
  private sharedStrings: string[] | null = null;
  private formats: StyleFormats | null = null;
  private styleBook: StyleBook | null = null;
  private readonly grids = new Map<string, SheetGrid>();
  private readonly texts = new Map<string, string>();
  private readonly date1904: boolean;
  /** Relationship parts dropped with a replaced sheet's content: what they reached may be left unreferenced. */
  private readonly droppedRels: string[] = [];

  private constructor(private readonly zip: ZipArchive) {
    this.parts = readWorkbookParts(zip);
    this.date1904 = isDate1904(zip.text(this.parts.workbookPath), this.parts.workbookPath);
  }

  /** Opens a workbook from its bytes. Throws ZipError / PackageError when it is not one. */
  static read(data: Buffer): XlsxBook {
    return new XlsxBook(ZipArchive.read(data));
  }

  /** Opens a workbook from an archive already read (and checked: guard.ts). */
  static fromArchive(zip: ZipArchive): XlsxBook {
    return new XlsxBook(zip);
  }

  /** The worksheets in workbook order (hidden ones included). */
  get sheets(): readonly SheetRef[] {
    return this.parts.sheets;
  }

  private partText(path: string): string {
    const changed = this.changes.get(path);
    return isPartContent(changed) ? textOf(changed) : this.sourceText(path);
  }

  /**
   * A part's text as the file holds it, decoded once (a 10 MB sheet is read, then edited), in the
   * form the patcher edits: SpreadsheetML's main-namespace prefix taken off (`<x:row>` → `<row>`)
   * and the declaration saying UTF-8, the encoding every part is written in.
   */
  private sourceText(path: string): string {
    let text = this.texts.get(path);
    if (text === undefined) {
      text = forPatching(this.zip.text(path));
      this.texts.set(path, text);
    }
    return text;
  }

  private strings(): string[] {
    const path = this.parts.sharedStringsPath;
    return (this.sharedStrings ??= parseSharedStrings(path ? this.zip.textOrNull(path) : null, path ?? undefined));
  }

  private styleFormats(): StyleFormats {
    const path = this.parts.stylesPath;
    return (this.formats ??= parseStyleFormats(path ? this.zip.textOrNull(path) : null, path ?? undefined));
  }

  /** The workbook's styles, to add the looks the output needs. */
  get styles(): StyleBook {
    return (this.styleBook ??= new StyleBook(this.parts.stylesPath ? this.sourceText(this.parts.stylesPath) : null));
  }

  /** A sheet's values and number formats (as the file holds them, before any edit here). */
  grid(sheet: SheetRef): SheetGrid {
    let grid = this.grids.get(sheet.path);
    if (!grid) {
      grid = readSheetXml(this.sourceText(sheet.path), this.strings(), this.styleFormats(), {
        date1904: this.date1904,
        part: sheet.path,
      });
      this.grids.set(sheet.path, grid);
    }
    return grid;
  }

  /** The first `rows` rows of a sheet, without reading the rest. */
  head(sheet: SheetRef, rows: number): SheetGrid {
    const full = this.grids.get(sheet.path);
    if (full) return { grid: full.grid.slice(0, rows), formats: full.formats.slice(0, rows) };
    return readSheetXml(this.sourceText(sheet.path), this.strings(), this.styleFormats(), {
      date1904: this.date1904,
      maxRows: rows,
      part: sheet.path,
    });
  }

  /** A sheet part's XML, with the edits made so far. */
  sheetXml(sheet: SheetRef): string {
    return this.partText(sheet.path);
  }

  /** Sets a sheet part's content: its XML, as text or as UTF-8 bytes. */
  setSheetXml(sheet: SheetRef, xml: PartContent): void {
    this.changes.set(sheet.path, xml);
  }

  /**
   * How a new `<sheet>` names its relationship: the prefix the workbook's root binds to the
   * relationships namespace, else `r` declared on the element itself (openpyxl, and files made
   * from it, declare it on each `<sheet>` only).
   */
  private relsNamespace(workbookXml: string): { prefix: string; declaration: string } {
    const root = /<workbook\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
    for (const ns of RELATIONSHIPS_NS) {
      const m = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)="${ns.replace(/[.]/g, '\\.')}"`).exec(root);
      if (m) return { prefix: m[1], declaration: '' };
    }
    const ns = workbookXml.includes(RELATIONSHIPS_NS[1]) ? RELATIONSHIPS_NS[1] : RELATIONSHIPS_NS[0];
    return { prefix: 'r', declaration: ` xmlns:r="${ns}"` };
  }

  /**
   * The names of every sheet in the workbook's list, chartsheets, dialog and macro sheets
   * included (`sheets` has the worksheets only): a new or renamed sheet must differ from all of
   * them, ignoring case, or Excel repairs the workbook.
   */
  get sheetNames(): string[] {
    return [...this.partText(this.parts.workbookPath).matchAll(/<(?:[A-Za-z_][\w.-]*:)?sheet\b[^>]*>/g)].map(
      (m) => attr(m[0], 'name') ?? '',
    );
  }

  /** Throws when `name` is not a sheet name Excel accepts beside the others (the sheet `except` aside). */
  private checkSheetName(name: string, except: SheetRef | null): void {
    if (
      name.length === 0 ||
      name.length > 31 ||
      /[:\\/?*[\]]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    ) {
      throw new Error(`"${name}" is not a sheet name Excel accepts`);
    }
    const lower = name.toLowerCase();
    const xml = this.partText(this.parts.workbookPath);
    for (const m of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?sheet\b[^>]*>/g)) {
      if (except && attr(m[0], 'sheetId') === String(except.sheetId)) continue;
      if ((attr(m[0], 'name') ?? '').toLowerCase() === lower)
        throw new Error(`the workbook already has a sheet named "${attr(m[0], 'name')}"`);
    }
  }

  /** Renames a sheet in the workbook's sheet list (the name only: formulas are not rewritten). */
  renameSheet(sheet: SheetRef, name: string): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet);
    const xml = this.partText(this.parts.workbookPath);
    const tags = [...xml.matchAll(/<sheet\b[^>]*\/>/g)];
    const tag = tags.find((t) => attr(t[0], 'sheetId') === String(sheet.sheetId));
    if (!tag || tag.index === undefined) throw new Error(`sheet "${sheet.name}" not in the workbook's list`);
    this.changes.set(
      this.parts.workbookPath,
      xml.slice(0, tag.index) + setAttr(tag[0], 'name', name) + xml.slice(tag.index + tag[0].length),
    );
    sheet.name = name;
  }

  /**
   * Replaces a sheet's whole content with `xml` under `name` (same place in the tab order). Its
   * relationships (an old chart's drawing, say) are dropped with the old content.
   */
  replaceSheet(sheet: SheetRef, name: string, xml: PartContent): void {
    this.renameSheet(sheet, name);
    this.changes.set(sheet.path, xml);
    const rels = relsPathOf(sheet.path);
    if (this.zip.has(rels)) {
      this.droppedRels.push(rels);
      this.changes.set(rels, null);
    }
  }

  /** A sheet's 0-based place in the workbook's sheet list (chartsheets counted): a defined name's localSheetId. */
  private sheetIndex(sheet: SheetRef): number {
    const tags = [...this.partText(this.parts.workbookPath).matchAll(/<(?:[A-Za-z_][\w.-]*:)?sheet\b[^>]*>/g)];
    return tags.findIndex((t) => attr(t[0], 'sheetId') === String(sheet.sheetId));
  }

  /** The `_xlnm.Print_Area` defined name of a sheet: [start, end) of its element in the workbook part, and its text. */
  private printAreaName(sheet: SheetRef): { start: number; end: number; text: string } | null {
    const index = String(this.sheetIndex(sheet));
    const xml = this.partText(this.parts.workbookPath);
    for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
      if (attr(m[0], 'name') !== '_xlnm.Print_Area' || attr(m[0], 'localSheetId') !== index || m.index === undefined)
        continue;
      return { start: m.index, end: m.index + m[0].length, text: decodeEntities(m[2]) };
    }
    return null;
  }

  /** A sheet's print area as the workbook names it ("'Tổng hợp'!$A$1:$K$29"), or null when it has none. */
  printArea(sheet: SheetRef): string | null {
    return this.printAreaName(sheet)?.text ?? null;
  }

  /** Sets a sheet's print area to `range` ("A1:O29"), replacing the one it has. */
  setPrintArea(sheet: SheetRef, range: string): void {
    const index = this.sheetIndex(sheet);
    if (index < 0) throw new Error(`sheet "${sheet.name}" not in the workbook's list`);
    const absolute = range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    const element = `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeText(`${quoteSheet(sheet.name)}!${absolute}`)}</definedName>`;
    const xml = this.partText(this.parts.workbookPath);
    const known = this.printAreaName(sheet);
    let next: string;
    if (known) next = xml.slice(0, known.start) + element + xml.slice(known.end);
    else if (/<definedNames\s*\/>/.test(xml))
      next = xml.replace(/<definedNames\s*\/>/, `<definedNames>${element}</definedNames>`);
    else if (xml.includes('</definedNames>')) next = xml.replace('</definedNames>', `${element}</definedNames>`);
    else {
      // CT_Workbook: sheets, functionGroups, externalReferences, then definedNames.
      const after = ['</externalReferences>', '</functionGroups>', '<functionGroups/>', '</sheets>'].find((tag) =>
        xml.includes(tag),
      ) as string;
      next = xml.replace(after, `${after}<definedNames>${element}</definedNames>`);
    }
    this.changes.set(this.parts.workbookPath, next);
  }

  /** Adds a part related to the workbook part: its relationship, its content type, its content. Returns the relationship's id. */
  private addPart(path: string, type: string, contentType: string, content: PartContent): string {
    const relsPath = this.parts.relsPath;
    const rels = this.partText(relsPath);
    const ids = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
    let k = ids.size + 1;
    while (ids.has(`rId${k}`)) k++;
    const relId = `rId${k}`;
    // A Strict package names its relationship types in the Strict namespace.
    if (rels.includes(STRICT_RELATIONSHIPS)) type = type.replace(TRANSITIONAL_RELATIONSHIPS, STRICT_RELATIONSHIPS);
    // The target relative to the workbook part's folder.
    const base = this.parts.workbookPath.includes('/')
      ? this.parts.workbookPath.slice(0, this.parts.workbookPath.lastIndexOf('/') + 1)
      : '';
    const target = path.startsWith(base) ? path.slice(base.length) : `/${path}`;
    this.changes.set(
      relsPath,
      rels.replace(
        '</Relationships>',
        `<Relationship Id="${relId}" Type="${type}" Target="${escapeAttr(target)}"/></Relationships>`,
      ),
    );
    const types = this.partText('[Content_Types].xml');
    this.changes.set(
      '[Content_Types].xml',
      types.replace('</Types>', `<Override PartName="/${escapeAttr(path)}" ContentType="${contentType}"/></Types>`),
    );
    this.changes.set(path, content);
    return relId;
  }

  /** Adds a worksheet at the end of the tab order. */
  addSheet(name: string, xml: PartContent): SheetRef {
    this.checkSheetName(name, null);
    const names = new Set(this.zip.names());
    for (const k of this.changes.keys()) names.add(k);
    let n = this.parts.sheets.length + 1;
    while (names.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const path = `xl/worksheets/sheet${n}.xml`;
    const relId = this.addPart(path, WORKSHEET_TYPE, WORKSHEET_CONTENT_TYPE, xml);

    const wbXml = this.partText(this.parts.workbookPath);
    const sheetId =
      Math.max(0, ...[...wbXml.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => Number(attr(m[0], 'sheetId') ?? '0'))) + 1;
    const { prefix, declaration } = this.relsNamespace(wbXml);
    const entry = `<sheet${declaration} name="${escapeAttr(name)}" sheetId="${sheetId}" ${prefix}:id="${relId}"/>`;
    const withSheet = /<sheets\s*\/>/.test(wbXml)
      ? wbXml.replace(/<sheets\s*\/>/, `<sheets>${entry}</sheets>`)
      : wbXml.replace('</sheets>', `${entry}</sheets>`);
    this.changes.set(this.parts.workbookPath, withSheet);

    const ref: SheetRef = { name, sheetId, relId, state: 'visible', path };
    this.parts.sheets.push(ref);
    return ref;
  }

  /**
   * Starts compressing a sheet's part as it stands now, on the thread pool: the caller goes on
   * (building the report, say) while it deflates. write() uses the result if the part was not
   * edited since.
   */
  compressAhead(sheet: SheetRef): void {
    const text = this.changes.get(sheet.path);
    if (!isPartContent(text)) return;
    this.ahead.set(sheet.path, { text, compressed: compressEntry(text) });
  }

  /** The workbook with every edit, as .xlsx bytes, using the parts compressed ahead. */
  async write(): Promise<Buffer> {
    this.finish();
    for (const [path, { text, compressed }] of this.ahead) {
      const done = await compressed;
      if (this.changes.get(path) === text) this.changes.set(path, done);
    }
    this.ahead.clear();
    return this.pack();
  }

  /** The workbook with every edit, as .xlsx bytes. */
  toBuffer(): Buffer {
    this.finish();
    return this.pack();
  }

  private pack(): Buffer {
    if (this.styleBook?.changed) {
      if (this.parts.stylesPath) this.changes.set(this.parts.stylesPath, this.styleBook.toXml());
      else {
        let path = 'xl/styles.xml';
        for (let n = 2; this.zip.has(path) || this.changes.has(path); n++) path = `xl/styles${n}.xml`;
        this.addPart(path, STYLES_TYPE, STYLES_CONTENT_TYPE, this.styleBook.toXml());
        this.parts.stylesPath = path;
      }
    }
    return writeZip(this.zip, this.changes);
  }

  /**
   * What Excel checks across parts, brought in step with the edited sheets before they are
   * written: table column names with their header cells, the calculation chain, and the parts
   * only a replaced sheet referred to. Runs on the edits' text (never on the sheet parts
   * themselves), so running it again changes nothing.
   */
  private finish(): void {
    const edited = this.parts.sheets.filter((s) => isPartContent(this.changes.get(s.path)) || this.ahead.has(s.path));
    for (const sheet of edited) this.syncTableHeaders(sheet);
    if (edited.length > 0) this.dropCalcChain();
    this.dropOrphans();
  }

  /** A part's current text, or null when it is gone (or was never there). */
  private currentText(path: string): string | null {
    const changed = this.changes.get(path);
    if (changed === null) return null;
    if (isPartContent(changed)) return textOf(changed);
    const ahead = this.ahead.get(path);
    if (ahead) return textOf(ahead.text);
    const name = this.zip.entryName(path);
    return name === null ? null : this.sourceText(name);
  }

  private setPart(path: string, text: string): void {
    this.changes.set(this.zip.entryName(path) ?? path, text);
  }

  /**
   * An Excel table's header cells must hold its columns' names (else Excel "repairs" the table):
   * a column whose header cell now holds other text (the output block's headers written in
   * another language, say) takes that text as its name, as Excel does when a header is typed.
   */
  private syncTableHeaders(sheet: SheetRef): void {
    const relsText = this.currentText(relsPathOf(sheet.path));
    if (relsText === null) return;
    // The sheet's rows are read only when it has a table (the edit may be bytes: decoding is not free), and once.
    let headerRows: SheetGrid | null = null;
    const rowsUpTo = (row0: number): SheetGrid | null => {
      if (headerRows && headerRows.grid.length > row0) return headerRows;
      const sheetText = this.currentText(sheet.path);
      if (sheetText === null) return null;
      headerRows = readSheetXml(sheetText, this.strings(), this.styleFormats(), {
        date1904: this.date1904,
        maxRows: row0 + 1,
      });
      return headerRows;
    };
    for (const rel of parseRelationships(relsText)) {
      if (rel.external || !rel.type.endsWith('/table')) continue;
      const tablePath = resolveTarget(dirOf(sheet.path), rel.target);
      const tableXml = this.currentText(tablePath);
      const start = tableXml === null ? null : tableHeaderStart(tableXml);
      if (tableXml === null || start === null) continue;
      const rows = rowsUpTo(start.row0);
      if (rows === null) return;
      const renamed = renamedTableColumns(tableXml, rows.grid[start.row0] ?? [], start.col0);
      if (renamed !== null) this.setPart(tablePath, renamed);
    }
  }

  /**
   * The calculation chain lists the cells with formulas; one it names that no longer has a formula
   * makes Excel repair the file. Excel rebuilds a missing chain silently, so with sheets edited
   * the chain goes: the part, its relationship, its content type.
   */
  private dropCalcChain(): void {
    const relsText = this.currentText(this.parts.relsPath);
    if (relsText === null) return;
    const baseDir = dirOf(this.parts.workbookPath);
    let rels = relsText;
    for (const tag of relsText.match(/<Relationship\b[^>]*>/g) ?? []) {
      const type = attr(tag, 'Type') ?? '';
      if (!type.endsWith('/calcChain') || (attr(tag, 'TargetMode') ?? '').toLowerCase() === 'external') continue;
      const path = resolveTarget(baseDir, attr(tag, 'Target') ?? '');
      rels = rels.replace(tag, '');
      this.removePart(path);
    }
    if (rels !== relsText) this.setPart(this.parts.relsPath, rels);
  }

  /** Removes a part (if the package has it) with its relationships part and its content-type override. */
  private removePart(path: string): void {
    const name = this.zip.entryName(path);
    if (name !== null) this.changes.set(name, null);
    else this.changes.delete(path);
    const rels = relsPathOf(path);
    const relsName = this.zip.entryName(rels);
    if (relsName !== null) this.changes.set(relsName, null);
    const types = this.currentText('[Content_Types].xml');
    if (types === null) return;
    const lower = path.toLowerCase();
    const next = types.replace(/<Override\b[^>]*>/g, (tag) => {
      let part = (attr(tag, 'PartName') ?? '').replace(/^\/+/, '');
      try {
        part = decodeURIComponent(part);
      } catch {
        // kept as written
      }
      return part.toLowerCase() === lower ? '' : tag;
    });
    if (next !== types) this.setPart('[Content_Types].xml', next);
  }

  /** The parts reached from `from` (relationship parts' paths) through relationships, as the package is now. */
  private reachable(roots: readonly string[], current: boolean): Set<string> {
    const seen = new Set<string>();
    const text = (path: string): string | null =>
      current
        ? this.currentText(path)
        : this.zip.entryName(path) === null
          ? null
          : this.zip.text(this.zip.entryName(path) as string);
    const queue = [...roots];
    while (queue.length > 0) {
      const relsPath = queue.pop() as string;
      const xml = text(relsPath);
      if (xml === null) continue;
      // '_rels/.rels' belongs to the package; 'a/_rels/b.xml.rels' to 'a/b.xml'.
      const owner = relsPath === '_rels/.rels' ? '' : relsPath.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
      for (const rel of parseRelationships(xml)) {
        if (rel.external) continue;
        const target = resolveTarget(dirOf(owner), rel.target);
        const key = (this.zip.entryName(target) ?? target).toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        queue.push(relsPathOf(target));
      }
    }
    return seen;
  }

  /** Parts a replaced sheet alone referred to (its old drawing, chart, comments, table): removed. */
  private dropOrphans(): void {
    if (this.droppedRels.length === 0) return;
    const before = this.reachable(this.droppedRels, false);
    const now = this.reachable(['_rels/.rels'], true);
    for (const part of before) {
      if (now.has(part)) continue;
      const name = this.zip.entryName(part);
      if (name !== null && this.changes.get(name) !== null) this.removePart(name);
    }
  }
}

/** Where a table part's header row starts (0-based), or null when it has none or its ref is unreadable. */
function tableHeaderStart(tableXml: string): { row0: number; col0: number } | null {
  const tableTag = /<(?:[A-Za-z_][\w.-]*:)?table\b[^>]*>/.exec(tableXml)?.[0];
  if (!tableTag || (attr(tableTag, 'headerRowCount') ?? '1') === '0') return null;
  const start = /^\$?([A-Z]{1,3})\$?(\d+)/.exec(attr(tableTag, 'ref') ?? '');
  return start ? { row0: Number(start[2]) - 1, col0: columnNumber(start[1]) - 1 } : null;
}

/**
 * The table part with each column named as its header cell (in `header`, from column `col0`) now
 * reads, or null when no name changes. Names are unique in a table (case-insensitively): a clash
 * is left as it was.
 */
function renamedTableColumns(tableXml: string, header: readonly CellValue[], col0: number): string | null {
  const columns = [...tableXml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?tableColumn\b[^>]*>/g)];
  const names = columns.map((m) => decodeOoxmlText(attr(m[0], 'name') ?? ''));
  const wanted = names.map((name, i) => {
    const cell = header[col0 + i];
    return typeof cell === 'string' && cell !== '' ? cell : name;
  });
  let out = '';
  let at = 0;
  columns.forEach((m, i) => {
    if (wanted[i] === names[i] || m.index === undefined) return;
    const lower = wanted[i].toLowerCase();
    if (wanted.some((w, j) => j !== i && w.toLowerCase() === lower)) return;
    out += tableXml.slice(at, m.index) + setAttr(m[0], 'name', ooxmlEscape(wanted[i]));
    at = m.index + m[0].length;
  });
  return at > 0 ? out + tableXml.slice(at) : null;
}

/** 'A' -> 1, 'AZ' -> 52. */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** A name as a table part stores it: characters XML cannot hold as `_xHHHH_`, a literal `_xHHHH_` protected. */
function ooxmlEscape(text: string): string {
  return (
    text
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001F]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
  );
}
