/**
 * An .xlsx workbook opened for patching: the parts are read from the zip as they are needed,
 * sheets are read into grids (values and number formats) on demand, and the writer replaces a
 * few parts (the scoring sheet, the styles, the report sheet, the workbook's sheet list). Every
 * part it does not replace is copied into the output byte for byte, compressed as it was:
 * charts, pivot tables, macros, custom XML, comments, everything.
 */
import { ZipArchive, compressEntry, writeZip, type CompressedEntry, type EntryChange } from './zip';
import { readWorkbookParts, relsPathOf, type SheetRef, type WorkbookParts } from './package';
import { isDate1904, parseSharedStrings, parseStyleFormats, readSheetXml, type SheetGrid, type StyleFormats } from './read';
import { StyleBook } from './styles';
import { attr, escapeAttr, setAttr } from './xml';

export type { SheetRef } from './package';

const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const RELATIONSHIPS_NS = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];

export class XlsxBook {
  private readonly parts: WorkbookParts;
  private readonly changes = new Map<string, EntryChange>();
  /** Parts being compressed on the thread pool, with the text they were started from. */
  private readonly ahead = new Map<string, { text: string; compressed: Promise<CompressedEntry> }>();
  private sharedStrings: string[] | null = null;
  private formats: StyleFormats | null = null;
  private styleBook: StyleBook | null = null;
  private readonly grids = new Map<string, SheetGrid>();
  private readonly texts = new Map<string, string>();
  private readonly date1904: boolean;

  private constructor(private readonly zip: ZipArchive) {
    this.parts = readWorkbookParts(zip);
    this.date1904 = isDate1904(zip.text(this.parts.workbookPath));
  }

  /** Opens a workbook from its bytes. Throws ZipError / PackageError when it is not one. */
  static read(data: Buffer): XlsxBook {
    return new XlsxBook(ZipArchive.read(data));
  }

  /** The worksheets in workbook order (hidden ones included). */
  get sheets(): readonly SheetRef[] {
    return this.parts.sheets;
  }

  private partText(path: string): string {
    const changed = this.changes.get(path);
    if (typeof changed === 'string') return changed;
    return this.sourceText(path);
  }

  /** A part's text as the file holds it, decoded once (a 10 MB sheet is read, then edited). */
  private sourceText(path: string): string {
    let text = this.texts.get(path);
    if (text === undefined) {
      text = this.zip.text(path);
      this.texts.set(path, text);
    }
    return text;
  }

  private strings(): string[] {
    return (this.sharedStrings ??= parseSharedStrings(this.parts.sharedStringsPath ? this.zip.textOrNull(this.parts.sharedStringsPath) : null));
  }

  private styleFormats(): StyleFormats {
    return (this.formats ??= parseStyleFormats(this.parts.stylesPath ? this.zip.textOrNull(this.parts.stylesPath) : null));
  }

  /** The workbook's styles, to add the looks the output needs. */
  get styles(): StyleBook {
    return (this.styleBook ??= new StyleBook(this.parts.stylesPath ? this.zip.textOrNull(this.parts.stylesPath) : null));
  }

  /** A sheet's values and number formats (as the file holds them, before any edit here). */
  grid(sheet: SheetRef): SheetGrid {
    let grid = this.grids.get(sheet.path);
    if (!grid) {
      grid = readSheetXml(this.sourceText(sheet.path), this.strings(), this.styleFormats(), { date1904: this.date1904 });
      this.grids.set(sheet.path, grid);
    }
    return grid;
  }

  /** The first `rows` rows of a sheet, without reading the rest. */
  head(sheet: SheetRef, rows: number): SheetGrid {
    const full = this.grids.get(sheet.path);
    if (full) return { grid: full.grid.slice(0, rows), formats: full.formats.slice(0, rows) };
    return readSheetXml(this.sourceText(sheet.path), this.strings(), this.styleFormats(), { date1904: this.date1904, maxRows: rows });
  }

  /** A sheet part's XML, with the edits made so far. */
  sheetXml(sheet: SheetRef): string {
    return this.partText(sheet.path);
  }

  setSheetXml(sheet: SheetRef, xml: string): void {
    this.changes.set(sheet.path, xml);
  }

  private relsNamespacePrefix(workbookXml: string): string {
    for (const ns of RELATIONSHIPS_NS) {
      const m = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)="${ns.replace(/[.]/g, '\\.')}"`).exec(workbookXml);
      if (m) return m[1];
    }
    return 'r';
  }

  /** Renames a sheet in the workbook's sheet list (the name only: formulas are not rewritten). */
  renameSheet(sheet: SheetRef, name: string): void {
    if (sheet.name === name) return;
    const xml = this.partText(this.parts.workbookPath);
    const tags = [...xml.matchAll(/<sheet\b[^>]*\/>/g)];
    const tag = tags.find((t) => attr(t[0], 'sheetId') === String(sheet.sheetId));
    if (!tag || tag.index === undefined) throw new Error(`sheet "${sheet.name}" not in the workbook's list`);
    this.changes.set(this.parts.workbookPath, xml.slice(0, tag.index) + setAttr(tag[0], 'name', name) + xml.slice(tag.index + tag[0].length));
    sheet.name = name;
  }

  /**
   * Replaces a sheet's whole content with `xml` under `name` (same place in the tab order). Its
   * relationships (an old chart's drawing, say) are dropped with the old content.
   */
  replaceSheet(sheet: SheetRef, name: string, xml: string): void {
    this.renameSheet(sheet, name);
    this.changes.set(sheet.path, xml);
    const rels = relsPathOf(sheet.path);
    if (this.zip.has(rels)) this.changes.set(rels, null);
  }

  /** Adds a part related to the workbook part: its relationship, its content type, its content. Returns the relationship's id. */
  private addPart(path: string, type: string, contentType: string, content: string): string {
    const relsPath = this.parts.relsPath;
    const rels = this.partText(relsPath);
    const ids = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
    let k = ids.size + 1;
    while (ids.has(`rId${k}`)) k++;
    const relId = `rId${k}`;
    // The target relative to the workbook part's folder.
    const base = this.parts.workbookPath.includes('/') ? this.parts.workbookPath.slice(0, this.parts.workbookPath.lastIndexOf('/') + 1) : '';
    const target = path.startsWith(base) ? path.slice(base.length) : `/${path}`;
    this.changes.set(relsPath, rels.replace('</Relationships>', `<Relationship Id="${relId}" Type="${type}" Target="${escapeAttr(target)}"/></Relationships>`));
    const types = this.partText('[Content_Types].xml');
    this.changes.set('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/${escapeAttr(path)}" ContentType="${contentType}"/></Types>`));
    this.changes.set(path, content);
    return relId;
  }

  /** Adds a worksheet at the end of the tab order. */
  addSheet(name: string, xml: string): SheetRef {
    const names = new Set(this.zip.names());
    for (const k of this.changes.keys()) names.add(k);
    let n = this.parts.sheets.length + 1;
    while (names.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const path = `xl/worksheets/sheet${n}.xml`;
    const relId = this.addPart(path, WORKSHEET_TYPE, WORKSHEET_CONTENT_TYPE, xml);

    const wbXml = this.partText(this.parts.workbookPath);
    const sheetId = Math.max(0, ...[...wbXml.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => Number(attr(m[0], 'sheetId') ?? '0'))) + 1;
    const prefix = this.relsNamespacePrefix(wbXml);
    const entry = `<sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${prefix}:id="${relId}"/>`;
    const withSheet = /<sheets\s*\/>/.test(wbXml) ? wbXml.replace(/<sheets\s*\/>/, `<sheets>${entry}</sheets>`) : wbXml.replace('</sheets>', `${entry}</sheets>`);
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
    if (typeof text !== 'string') return;
    this.ahead.set(sheet.path, { text, compressed: compressEntry(text) });
  }

  /** The workbook with every edit, as .xlsx bytes, using the parts compressed ahead. */
  async write(): Promise<Buffer> {
    for (const [path, { text, compressed }] of this.ahead) {
      const done = await compressed;
      if (this.changes.get(path) === text) this.changes.set(path, done);
    }
    this.ahead.clear();
    return this.toBuffer();
  }

  /** The workbook with every edit, as .xlsx bytes. */
  toBuffer(): Buffer {
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
}
