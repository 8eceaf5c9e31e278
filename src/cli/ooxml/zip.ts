/**
 * The zip container of an xlsx package: a reader over the central directory and a writer that
 * copies every untouched entry byte for byte (compressed data, CRC and sizes as read, no
 * re-compression) and deflates only the entries that changed. Compression is node:zlib's native
 * raw inflate/deflate; CRC-32 is `zlib.crc32` (Node ≥ 20.15).
 *
 * Scope: methods 0 (store) and 8 (deflate), one disk, no encryption, no zip64 — an xlsx that
 * needs zip64 (an entry or the archive ≥ 4 GiB, or ≥ 65,535 entries) is out of reach of this
 * tool anyway. Entry names are decoded as UTF-8 when flag bit 11 is set (or an Info-ZIP Unicode
 * Path extra field is present, or the bytes are valid UTF-8), else as code page 437.
 */
import * as zlib from 'node:zlib';
import { decodePart } from './parse';

export class ZipError extends Error {
  override name = 'ZipError';
  /** The entry name written twice, when that is what is wrong. */
  duplicate?: string;
}

/** What the central directory says about one entry. */
export interface ZipEntry {
  /** Decoded entry name, e.g. `xl/worksheets/sheet1.xml`; directories end with `/`. */
  name: string;
  /** 0 (stored) or 8 (deflated). */
  method: number;
  /** General-purpose flag bits as read (bit 3: sizes in a data descriptor; bit 11: UTF-8 name). */
  flags: number;
  crc32: number;
  compressedSize: number;
  /** Uncompressed size. */
  size: number;
  dosTime: number;
  dosDate: number;
}

interface Entry extends ZipEntry {
  nameBytes: Buffer;
  versionMadeBy: number;
  versionNeeded: number;
  internalAttr: number;
  externalAttr: number;
  centralExtra: Buffer;
  comment: Buffer;
  localExtra: Buffer;
  /** Offset of the compressed data in the archive. */
  dataStart: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** The default deflate level for changed entries: measured on a 10 MB worksheet (see the commit message). */
export const DEFAULT_LEVEL = 1;

const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function isAscii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false;
  return true;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeName(bytes: Buffer, flags: number, extra: Buffer): string {
  if (flags & FLAG_UTF8 || isAscii(bytes)) return bytes.toString('utf8');
  // Info-ZIP Unicode Path extra field (0x7075): version 1, CRC-32 of the header name, UTF-8 name.
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (
      id === 0x7075 &&
      len >= 5 &&
      p + 4 + len <= extra.length &&
      extra[p + 4] === 1 &&
      extra.readUInt32LE(p + 5) === zlib.crc32(bytes)
    ) {
      return extra.subarray(p + 9, p + 4 + len).toString('utf8');
    }
    p += 4 + len;
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    let out = '';
    for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
    return out;
  }
}

/** The End Of Central Directory record: where the directory is, how many entries, the archive's comment. Throws on what this tool does not read. */
function readEocd(data: Buffer): { count: number; cdOffset: number; cdSize: number; comment: Buffer } {
  if (data.length < 22) {
    throw new ZipError(
      data.length >= 4 && data.readUInt32LE(0) === SIG_LOCAL
        ? 'The zip archive is truncated: its end-of-central-directory record is missing.'
        : `Not a zip archive (${data.length} bytes, too short to be one).`,
    );
  }
  const eocd = findEocd(data);
  if (eocd < 0) {
    throw new ZipError(
      data.readUInt32LE(0) === SIG_LOCAL
        ? 'The zip archive is truncated or damaged: its end-of-central-directory record is missing.'
        : 'Not a zip archive (no end-of-central-directory record). An .xlsx file is a zip archive; this file is something else (an old .xls, a CSV, or a damaged download?).',
    );
  }
  const disk = data.readUInt16LE(eocd + 4);
  const cdDisk = data.readUInt16LE(eocd + 6);
  const diskEntries = data.readUInt16LE(eocd + 8);
  const count = data.readUInt16LE(eocd + 10);
  const cdSize = data.readUInt32LE(eocd + 12);
  const cdOffset = data.readUInt32LE(eocd + 16);
  const commentLength = data.readUInt16LE(eocd + 20);
  if (
    (eocd >= 20 && data.readUInt32LE(eocd - 20) === SIG_ZIP64_LOCATOR) ||
    count === MAX16 ||
    cdSize === MAX32 ||
    cdOffset === MAX32
  ) {
    throw new ZipError(
      'The zip archive uses the zip64 format (for archives over 4 GiB or 65,535 entries), which this tool does not read.',
    );
  }
  if (disk !== 0 || cdDisk !== 0 || diskEntries !== count)
    throw new ZipError('The zip archive spans several disks (a split archive), which this tool does not read.');
  if (cdOffset + cdSize > eocd)
    throw new ZipError('The zip archive is truncated or damaged: its central directory lies outside the file.');
  return {
    count,
    cdOffset,
    cdSize,
    comment: data.subarray(eocd + 22, Math.min(data.length, eocd + 22 + commentLength)),
  };
}

/** The central directory entry at `p` (`which`: "3 of 12", for the messages), where it ends, and its local header's offset. */
function readCentralEntry(
  data: Buffer,
  p: number,
  which: string,
  cdEnd: number,
): { entry: Entry; end: number; localOffset: number } {
  if (p + 46 > cdEnd || data.readUInt32LE(p) !== SIG_CENTRAL) {
    throw new ZipError(`The zip archive is damaged: central directory entry ${which} is missing or malformed.`);
  }
  const flags = data.readUInt16LE(p + 8);
  const nameLength = data.readUInt16LE(p + 28);
  const extraLength = data.readUInt16LE(p + 30);
  const end = p + 46 + nameLength + extraLength + data.readUInt16LE(p + 32);
  if (end > cdEnd)
    throw new ZipError(`The zip archive is damaged: central directory entry ${which} overruns the directory.`);
  const nameBytes = data.subarray(p + 46, p + 46 + nameLength);
  const centralExtra = data.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
  const entry: Entry = {
    name: decodeName(nameBytes, flags, centralExtra),
    method: data.readUInt16LE(p + 10),
    flags,
    crc32: data.readUInt32LE(p + 16),
    compressedSize: data.readUInt32LE(p + 20),
    size: data.readUInt32LE(p + 24),
    dosTime: data.readUInt16LE(p + 12),
    dosDate: data.readUInt16LE(p + 14),
    nameBytes,
    versionMadeBy: data.readUInt16LE(p + 4),
    versionNeeded: data.readUInt16LE(p + 6),
    internalAttr: data.readUInt16LE(p + 36),
    externalAttr: data.readUInt32LE(p + 38),
    centralExtra,
    comment: data.subarray(p + 46 + nameLength + extraLength, end),
    localExtra: Buffer.alloc(0),
    dataStart: 0,
  };
  return { entry, end, localOffset: data.readUInt32LE(p + 42) };
}

/** Throws when an entry is encrypted, needs zip64 or uses a compression method other than store and deflate. */
function checkEntry(entry: Entry, localOffset: number): void {
  const { name, flags, method } = entry;
  if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) || method === 99) {
    throw new ZipError(
      `The zip archive is encrypted ("${name}"): a password-protected workbook must be saved without a password first.`,
    );
  }
  if (entry.compressedSize === MAX32 || entry.size === MAX32 || localOffset === MAX32) {
    throw new ZipError(`The zip archive uses the zip64 format for "${name}", which this tool does not read.`);
  }
  if (method !== 0 && method !== 8) {
    throw new ZipError(
      `The zip entry "${name}" uses compression method ${method}; only 0 (stored) and 8 (deflate) are supported.`,
    );
  }
}

/** Reads an entry's local header: its extra field and where its data starts (checked to lie in the file). */
function readLocalHeader(data: Buffer, entry: Entry, localOffset: number): void {
  if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== SIG_LOCAL) {
    throw new ZipError(`The zip archive is truncated or damaged: the local header of "${entry.name}" is missing.`);
  }
  const localName = data.readUInt16LE(localOffset + 26);
  const localExtra = data.readUInt16LE(localOffset + 28);
  entry.localExtra = data.subarray(localOffset + 30 + localName, localOffset + 30 + localName + localExtra);
  entry.dataStart = localOffset + 30 + localName + localExtra;
  // Sizes come from the central directory (a local header with flag bit 3 has zeros there).
  if (entry.dataStart + entry.compressedSize > data.length) {
    throw new ZipError(`The zip archive is truncated: the data of "${entry.name}" runs past the end of the file.`);
  }
}

export class ZipArchive {
  private readonly byName = new Map<string, Entry>();
  private readonly byLowerName = new Map<string, Entry>();
  private readonly cache = new Map<string, Buffer>();

  private constructor(
    private readonly data: Buffer,
    private readonly entries: Entry[],
    /** The archive comment (EOCD), kept by writeZip. */
    readonly comment: Buffer,
  ) {
    for (const e of entries) {
      if (this.byName.has(e.name))
        throw Object.assign(new ZipError(`The zip archive has two entries named "${e.name}".`), { duplicate: e.name });
      this.byName.set(e.name, e);
      const lower = e.name.toLowerCase();
      if (!this.byLowerName.has(lower)) this.byLowerName.set(lower, e);
    }
  }

  /** Parses the End Of Central Directory record and the central directory (no entry is inflated). */
  static read(data: Buffer): ZipArchive {
    const { count, cdOffset, cdSize, comment } = readEocd(data);
    const entries: Entry[] = [];
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      const { entry, end, localOffset } = readCentralEntry(data, p, `${i + 1} of ${count}`, cdOffset + cdSize);
      checkEntry(entry, localOffset);
      readLocalHeader(data, entry, localOffset);
      entries.push(entry);
      p = end;
    }
    return new ZipArchive(data, entries, comment);
  }

  /** Entry names in the archive's order (directory entries included as they appear). */
  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /**
   * The archive's own spelling of `name`: the exact name, else the one entry equal to it ignoring
   * case (OPC part names are case-insensitive), else null.
   */
  entryName(name: string): string | null {
    return this.find(name)?.name ?? null;
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** The central directory's record of an entry, or null. */
  entry(name: string): ZipEntry | null {
    const e = this.find(name);
    return e
      ? {
          name: e.name,
          method: e.method,
          flags: e.flags,
          crc32: e.crc32,
          compressedSize: e.compressedSize,
          size: e.size,
          dosTime: e.dosTime,
          dosDate: e.dosDate,
        }
      : null;
  }

  /** The entry's data as stored in the archive (compressed when method is 8): a view, not a copy. */
  raw(name: string): Buffer {
    const e = this.need(name);
    return this.data.subarray(e.dataStart, e.dataStart + e.compressedSize);
  }

  /** Uncompressed content, checked against the CRC-32 and size of the central directory; cached. */
  bytes(name: string): Buffer {
    const e = this.need(name);
    const cached = this.cache.get(e.name);
    if (cached) return cached;
    return this.checked(e, this.inflate(e));
  }

  /** The entry's data inflated, bounded by the size the central directory declares. */
  private inflate(e: Entry): Buffer {
    const stored = this.data.subarray(e.dataStart, e.dataStart + e.compressedSize);
    if (e.method === 0) return stored;
    try {
      // The declared size bounds the output, so a lying header cannot inflate without limit.
      return e.size === 0 && stored.length <= 2
        ? Buffer.alloc(0)
        : zlib.inflateRawSync(stored, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      throw inflateError(e, err);
    }
  }

  private checked(e: Entry, out: Buffer, cache = true): Buffer {
    if (out.length !== e.size)
      throw new ZipError(
        `The zip entry "${e.name}" is damaged: it inflates to ${out.length} bytes, not the ${e.size} its header says.`,
      );
    if (zlib.crc32(out) >>> 0 !== e.crc32 >>> 0)
      throw new ZipError(`The zip entry "${e.name}" is damaged: its CRC-32 does not match its content.`);
    if (cache) this.cache.set(e.name, out);
    return out;
  }

  /**
   * Inflates an entry and checks it (CRC-32, size) like bytes(); kept for later reads only when it
   * is XML (the parts the scorer reads), so that images and the like are not held in memory.
   */
  verify(name: string): Buffer {
    const e = this.need(name);
    const cached = this.cache.get(e.name);
    if (cached) return cached;
    if (/\.(xml|rels)$/i.test(e.name)) return this.bytes(name);
    return this.checked(e, this.inflate(e), false);
  }

  /** Content as text, decoded by its byte-order mark or XML declaration (parse.ts, decodePart). */
  text(name: string): string {
    return decodePart(this.bytes(name), this.need(name).name);
  }

  textOrNull(name: string): string | null {
    return this.has(name) ? this.text(name) : null;
  }

  /** @internal For writeZip. */
  static entriesOf(zip: ZipArchive): readonly Entry[] {
    return zip.entries;
  }

  /** @internal For writeZip. */
  static dataOf(zip: ZipArchive): Buffer {
    return zip.data;
  }

  private find(name: string): Entry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  private need(name: string): Entry {
    const e = this.find(name);
    if (!e) throw new ZipError(`The zip archive has no entry "${name}".`);
    return e;
  }
}

function inflateError(e: Entry, err: unknown): ZipError {
  return new ZipError(
    `The zip entry "${e.name}" is damaged: its deflate data cannot be inflated (${(err as Error).message}).`,
  );
}

function findEocd(data: Buffer): number {
  const stop = Math.max(0, data.length - 22 - MAX16);
  for (let p = data.length - 22; p >= stop; p--) {
    if (data[p] === 0x50 && data.readUInt32LE(p) === SIG_EOCD && p + 22 + data.readUInt16LE(p + 20) <= data.length)
      return p;
  }
  return -1;
}

function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, date.getFullYear()));
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

interface Out {
  nameBytes: Buffer;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  dosTime: number;
  dosDate: number;
  versionMadeBy: number;
  versionNeeded: number;
  internalAttr: number;
  externalAttr: number;
  localExtra: Buffer;
  centralExtra: Buffer;
  comment: Buffer;
  data: Buffer;
}

/** An entry's content compressed ahead of writeZip (see compressEntry): what the archive stores. */
export interface CompressedEntry {
  readonly kind: 'compressed';
  method: number;
  crc32: number;
  size: number;
  data: Buffer;
}

function compressedFrom(raw: Buffer, deflated: Buffer | null): CompressedEntry {
  const smaller = deflated !== null && deflated.length < raw.length;
  return {
    kind: 'compressed',
    method: smaller ? 8 : 0,
    crc32: zlib.crc32(raw) >>> 0,
    size: raw.length,
    data: smaller ? deflated : raw,
  };
}

/**
 * Compresses an entry's content on libuv's thread pool, so the caller's thread goes on with other
 * work meanwhile (a 10 MB worksheet deflates while the report is built). Hand the result to
 * writeZip as the entry's change.
 */
export function compressEntry(content: string | Buffer, level = DEFAULT_LEVEL): Promise<CompressedEntry> {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (raw.length === 0) return Promise.resolve(compressedFrom(raw, null));
  return new Promise((resolve, reject) => {
    // One output chunk as large as the input: the whole deflate is one job on the pool. With the
    // default 16 KB chunks each chunk waits for this thread's event loop, so nothing would run
    // while this thread is busy.
    const chunkSize = Math.max(64 * 1024, raw.length + 1024);
    zlib.deflateRaw(raw, { level, chunkSize }, (err, deflated) =>
      err ? reject(err) : resolve(compressedFrom(raw, deflated)),
    );
  });
}

export type EntryChange = string | Buffer | CompressedEntry | null;

function isCompressed(content: string | Buffer | CompressedEntry): content is CompressedEntry {
  return typeof content === 'object' && !Buffer.isBuffer(content) && content.kind === 'compressed';
}

function fresh(
  name: string,
  content: string | Buffer | CompressedEntry,
  level: number,
  when: { time: number; date: number },
  from?: Entry,
): Out {
  let compressed: CompressedEntry;
  if (isCompressed(content)) compressed = content;
  else {
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    compressed = compressedFrom(
      raw,
      raw.length > 0 && !name.endsWith('/') ? zlib.deflateRawSync(raw, { level }) : null,
    );
  }
  const { method, data } = compressed;
  const nameBytes = Buffer.from(name, 'utf8');
  if (compressed.size > MAX32 || data.length > MAX32)
    throw new ZipError(`The zip entry "${name}" would be 4 GiB or more, which needs zip64 (not written by this tool).`);
  return {
    nameBytes,
    flags: isAscii(nameBytes) ? 0 : FLAG_UTF8,
    method,
    crc32: compressed.crc32,
    compressedSize: data.length,
    size: compressed.size,
    dosTime: when.time,
    dosDate: when.date,
    // Version made by: the original's when replacing an entry (keeps its host system and
    // attributes meaningful), else MS-DOS 2.0.
    versionMadeBy: from ? from.versionMadeBy : 20,
    versionNeeded: method === 8 ? 20 : 10,
    internalAttr: from ? from.internalAttr : 0,
    externalAttr: from ? from.externalAttr : name.endsWith('/') ? 0x10 : 0,
    localExtra: Buffer.alloc(0),
    centralExtra: Buffer.alloc(0),
    comment: Buffer.alloc(0),
    data,
  };
}

/**
 * Writes a new archive: every entry of `source` in its order, unchanged ones copied byte for byte
 * (their compressed data, CRC and sizes as read — no re-compression), changed ones (string = UTF-8
 * text, Buffer = bytes) deflated or, when compressEntry did it already, as it gave them; `null`
 * removes an entry; names in `changes` that `source` does
 * not have are appended at the end in the Map's order. A change names a source entry exactly or,
 * failing that, ignoring case. Changed and new entries get the DOS time of `options.date`
 * (default: now); copied ones keep theirs. No data descriptors are written (copied entries that
 * had one get their sizes in the local header instead).
 */
export function writeZip(
  source: ZipArchive,
  changes: ReadonlyMap<string, EntryChange>,
  options: { level?: number; date?: Date } = {},
): Buffer {
  const outs = outputEntries(source, changes, options.level ?? DEFAULT_LEVEL, dosDateTime(options.date ?? new Date()));
  if (outs.length >= MAX16)
    throw new ZipError(
      `The zip archive would have ${outs.length} entries; 65,535 or more needs zip64 (not written by this tool).`,
    );
  const TOO_LARGE = 'The zip archive would be 4 GiB or more, which needs zip64 (not written by this tool).';
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const o of outs) {
    if (offset > MAX32) throw new ZipError(TOO_LARGE);
    offsets.push(offset);
    chunks.push(localHeader(o), o.nameBytes, o.localExtra, o.data);
    offset += 30 + o.nameBytes.length + o.localExtra.length + o.data.length;
  }
  const cdOffset = offset;
  outs.forEach((o, i) => {
    chunks.push(centralHeader(o, offsets[i]), o.nameBytes, o.centralExtra, o.comment);
    offset += 46 + o.nameBytes.length + o.centralExtra.length + o.comment.length;
  });
  if (offset > MAX32) throw new ZipError(TOO_LARGE);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_EOCD, 0);
  end.writeUInt16LE(outs.length, 8);
  end.writeUInt16LE(outs.length, 10);
  end.writeUInt32LE(offset - cdOffset, 12);
  end.writeUInt32LE(cdOffset, 16);
  end.writeUInt16LE(source.comment.length, 20);
  chunks.push(end, source.comment);
  return Buffer.concat(chunks);
}

/** The entries of the new archive, in order: the source's (copied, changed or removed), then the new ones. */
function outputEntries(
  source: ZipArchive,
  changes: ReadonlyMap<string, EntryChange>,
  level: number,
  when: { time: number; date: number },
): Out[] {
  const pending = new Map<string, EntryChange>();
  for (const [name, value] of changes) {
    const actual = source.entryName(name) ?? name;
    if (pending.has(actual)) throw new ZipError(`Two changes name the same zip entry "${actual}".`);
    pending.set(actual, value);
  }
  const outs: Out[] = [];
  const sourceData = ZipArchive.dataOf(source);
  for (const e of ZipArchive.entriesOf(source)) {
    if (!pending.has(e.name)) {
      outs.push(copiedEntry(e, sourceData));
      continue;
    }
    const value = pending.get(e.name);
    pending.delete(e.name);
    if (value !== null && value !== undefined) outs.push(fresh(e.name, value, level, when, e));
  }
  for (const [name, value] of pending)
    if (value !== null && value !== undefined) outs.push(fresh(name, value, level, when));
  return outs;
}

/** An unchanged entry, copied as it was (its sizes in the local header, no data descriptor). */
function copiedEntry(e: Entry, sourceData: Buffer): Out {
  return {
    nameBytes: e.nameBytes,
    flags: e.flags & ~FLAG_DESCRIPTOR,
    method: e.method,
    crc32: e.crc32,
    compressedSize: e.compressedSize,
    size: e.size,
    dosTime: e.dosTime,
    dosDate: e.dosDate,
    versionMadeBy: e.versionMadeBy,
    versionNeeded: e.versionNeeded,
    internalAttr: e.internalAttr,
    externalAttr: e.externalAttr,
    localExtra: e.localExtra,
    centralExtra: e.centralExtra,
    comment: e.comment,
    data: sourceData.subarray(e.dataStart, e.dataStart + e.compressedSize),
  };
}

/** An entry's local file header (30 bytes; the name, extra field and data follow). */
function localHeader(o: Out): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(SIG_LOCAL, 0);
  h.writeUInt16LE(o.versionNeeded, 4);
  h.writeUInt16LE(o.flags, 6);
  h.writeUInt16LE(o.method, 8);
  h.writeUInt16LE(o.dosTime, 10);
  h.writeUInt16LE(o.dosDate, 12);
  h.writeUInt32LE(o.crc32, 14);
  h.writeUInt32LE(o.compressedSize, 18);
  h.writeUInt32LE(o.size, 22);
  h.writeUInt16LE(o.nameBytes.length, 26);
  h.writeUInt16LE(o.localExtra.length, 28);
  return h;
}

/** An entry's central directory header (46 bytes; the name, extra field and comment follow), its local header at `offset`. */
function centralHeader(o: Out, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(SIG_CENTRAL, 0);
  h.writeUInt16LE(o.versionMadeBy, 4);
  h.writeUInt16LE(o.versionNeeded, 6);
  h.writeUInt16LE(o.flags, 8);
  h.writeUInt16LE(o.method, 10);
  h.writeUInt16LE(o.dosTime, 12);
  h.writeUInt16LE(o.dosDate, 14);
  h.writeUInt32LE(o.crc32, 16);
  h.writeUInt32LE(o.compressedSize, 20);
  h.writeUInt32LE(o.size, 24);
  h.writeUInt16LE(o.nameBytes.length, 28);
  h.writeUInt16LE(o.centralExtra.length, 30);
  h.writeUInt16LE(o.comment.length, 32);
  h.writeUInt16LE(0, 34);
  h.writeUInt16LE(o.internalAttr, 36);
  h.writeUInt32LE(o.externalAttr >>> 0, 38);
  h.writeUInt32LE(offset, 42);
  return h;
}
