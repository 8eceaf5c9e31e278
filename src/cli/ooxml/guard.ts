/**
 * The checks a package passes before the scorer reads it, on what the zip's central directory
 * says (nothing is inflated until the sizes are known to be reasonable): what kind of file it is
 * (a zip; not a legacy .xls, a password-protected workbook, an .ods or a CSV), how many entries,
 * how large each inflates and all together, how far each is compressed, and whether the entry
 * names are safe. Then every entry is inflated once and checked (CRC-32, size), and every XML part
 * is checked for a document type declaration, so that no damaged or hostile part, read by the
 * scorer or not, is ever copied into a "successful" output.
 *
 * Each refusal is a Refusal with a code (its message is in the i18n `cli.refusal` section).
 */
import { DtdError, EncodingError, decodePart } from './parse';
import { ZipArchive, ZipError } from './zip';

export type RefusalCode =
  | 'tooManyEntries'
  | 'entryTooLarge'
  | 'totalTooLarge'
  | 'ratio'
  | 'badName'
  | 'duplicate'
  | 'dtd'
  | 'damaged'
  | 'encoding'
  | 'password'
  | 'xls'
  | 'ods'
  | 'csv'
  | 'notZip';

/** A file the scorer will not read, and why: `code` names the message, `params` fill it. */
export class Refusal extends Error {
  override name = 'Refusal';
  constructor(
    readonly code: RefusalCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}

/** Limits a real scoring workbook never reaches (a 10,600-unit × 30-field sheet is about 10 MB of XML). */
export const LIMITS = {
  /** Entries in the zip. */
  entries: 10_000,
  /** Bytes one entry inflates to. */
  entryBytes: 100 * 1024 * 1024,
  /** Bytes all entries inflate to together. */
  totalBytes: 200 * 1024 * 1024,
  /** Inflated ÷ compressed size, for entries over `ratioFrom` bytes. */
  ratio: 1000,
  ratioFrom: 1024 * 1024,
};

export type Limits = typeof LIMITS;

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** What a file is, by its first bytes: a zip, an OLE compound file (legacy .xls or an encrypted workbook), text, or something else. */
export function sniff(bytes: Buffer): 'zip' | 'xls' | 'password' | 'csv' | 'notZip' {
  if (ZIP_MAGIC.some((m) => bytes.subarray(0, 4).equals(m))) return 'zip';
  if (bytes.subarray(0, 8).equals(CFB_MAGIC)) {
    // A password-protected .xlsx is an OLE file holding the encrypted package and its "EncryptionInfo" stream.
    return bytes.includes(Buffer.from('EncryptionInfo', 'utf16le')) ||
      bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))
      ? 'password'
      : 'xls';
  }
  return looksLikeText(bytes) ? 'csv' : 'notZip';
}

/** Whether the head of a file reads as CSV: text (UTF-8, or UTF-16 with a mark) whose first lines have separators, not markup or JSON. */
function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  const head = bytes.subarray(0, 4096);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  const text = head.toString('utf8');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/.test(text.slice(0, text.length - 4))) return false;
  // Values separated by commas, semicolons or tabs on one of the first lines (a title line may have none).
  return text.split(/\r?\n/, 5).some((line) => /[,;\t]/.test(line)) && !/^\s*[<{[]/.test(text);
}

/** An entry name that could escape the folder it is unpacked into, or that Windows reads another way. */
function badName(name: string): boolean {
  return (
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.includes('\\') ||
    name.split('/').some((seg) => seg === '..') ||
    name.includes('\0')
  );
}

/** Names and sizes, from the central directory alone. */
function checkDirectory(zip: ZipArchive, limits: Limits): void {
  const names = zip.names();
  if (names.length > limits.entries) throw new Refusal('tooManyEntries', { count: names.length, max: limits.entries });
  const byLower = new Map<string, string>();
  let total = 0;
  for (const name of names) {
    if (badName(name)) throw new Refusal('badName', { part: name });
    const other = byLower.get(name.toLowerCase());
    if (other !== undefined) throw new Refusal('duplicate', { part: name, other });
    byLower.set(name.toLowerCase(), name);
    const e = zip.entry(name);
    if (!e) continue;
    if (e.size > limits.entryBytes)
      throw new Refusal('entryTooLarge', { part: name, size: mb(e.size), max: mb(limits.entryBytes) });
    if (e.size > limits.ratioFrom && e.size > limits.ratio * Math.max(1, e.compressedSize)) {
      throw new Refusal('ratio', {
        part: name,
        ratio: Math.round(e.size / Math.max(1, e.compressedSize)),
        max: limits.ratio,
      });
    }
    total += e.size;
    if (total > limits.totalBytes) throw new Refusal('totalTooLarge', { size: mb(total), max: mb(limits.totalBytes) });
  }
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

/** An ODF package: its first entry is `mimetype`, stored, naming the document type. */
function isOds(zip: ZipArchive): boolean {
  if (!zip.has('mimetype') || zip.has('[Content_Types].xml')) return false;
  const e = zip.entry('mimetype');
  return e !== null && e.size < 200 && zip.bytes('mimetype').toString('latin1').startsWith(ODS_MIMETYPE);
}

/** Every entry inflated and checked; every XML part read for a document type declaration. */
function checkEntries(zip: ZipArchive): void {
  for (const name of zip.names()) {
    if (name.endsWith('/')) continue;
    let bytes: Buffer;
    try {
      bytes = zip.verify(name);
    } catch (e) {
      if (e instanceof ZipError) throw new Refusal('damaged', { part: name, detail: e.message });
      throw e;
    }
    if (/\.(xml|rels|vml)$/i.test(name) && declaresDoctype(bytes, name)) throw new Refusal('dtd', { part: name });
  }
}

const DOCTYPE = [Buffer.from('<!DOCTYPE'), Buffer.from('<!doctype')];

/** Whether an XML part holds a document type declaration: looked for in its bytes, decoded only when it is not UTF-8. */
function declaresDoctype(bytes: Buffer, name: string): boolean {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    bytes[1] === 0 ||
    bytes[0] === 0;
  if (!utf16) return DOCTYPE.some((d) => bytes.includes(d));
  try {
    return /<!DOCTYPE/i.test(decodePart(bytes, name));
  } catch (e) {
    if (e instanceof EncodingError) throw new Refusal('encoding', { part: name, detail: e.message });
    throw e;
  }
}

/**
 * The file's bytes as a checked zip archive, or a Refusal saying why not. Nothing is inflated
 * before the directory's counts and sizes pass.
 */
export function checkPackage(bytes: Buffer, limits: Limits = LIMITS): ZipArchive {
  const kind = sniff(bytes);
  if (kind !== 'zip') throw new Refusal(kind);
  let zip: ZipArchive;
  try {
    zip = ZipArchive.read(bytes);
  } catch (e) {
    if (e instanceof ZipError && e.duplicate !== undefined)
      throw new Refusal('duplicate', { part: e.duplicate, other: e.duplicate });
    if (e instanceof ZipError) throw new Refusal('damaged', { part: '', detail: e.message });
    throw e;
  }
  checkDirectory(zip, limits);
  if (isOds(zip)) throw new Refusal('ods');
  checkEntries(zip);
  return zip;
}

/** A DTD met while a part is parsed (parse.ts) as a refusal like the package check's. */
export function refusalOf(e: unknown): Refusal | null {
  if (e instanceof Refusal) return e;
  if (e instanceof DtdError) return new Refusal('dtd', { part: e.message.split(':')[0] });
  if (e instanceof EncodingError) return new Refusal('encoding', { part: e.message.split(':')[0], detail: e.message });
  return null;
}
