/** The zip container: reading, byte-for-byte copying writer, and the damage it must refuse. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import * as fflate from 'fflate';
import { ZipArchive, ZipError, writeZip } from '../../../src/cli/ooxml/zip';
import { smallTable, tempDir, writeWorkbook } from '../helpers';

function hasCommand(cmd: string): boolean {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const HAVE_UNZIP = hasCommand('unzip');

/** Runs Info-ZIP `unzip -t` on the archive when it is installed; returns whether it ran. */
function unzipTest(data: Buffer, dir: string): boolean {
  if (!HAVE_UNZIP) return false;
  const file = path.join(dir, `t-${Math.random().toString(36).slice(2)}.zip`);
  fs.writeFileSync(file, data);
  const out = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
  expect(out).toMatch(/No errors detected/);
  return true;
}

/** Offset of an entry's central directory record (found by walking the directory). */
function centralOffset(data: Buffer, name: string): number {
  let eocd = data.length - 22;
  while (data.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = data.readUInt16LE(eocd + 10);
  let p = data.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const n = data.readUInt16LE(p + 28);
    if (data.toString('utf8', p + 46, p + 46 + n) === name) return p;
    p += 46 + n + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
  }
  throw new Error(`no central record for ${name}`);
}

function localOffset(data: Buffer, name: string): number {
  return data.readUInt32LE(centralOffset(data, name) + 42);
}

function fflateEntries(data: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [k, v] of Object.entries(fflate.unzipSync(new Uint8Array(data)))) out.set(k, Buffer.from(v));
  return out;
}

const SHEET = 'xl/worksheets/sheet1.xml';

describe('ZipArchive + writeZip on an exceljs workbook', () => {
  let dir: string;
  let source: Buffer;

  beforeAll(async () => {
    dir = tempDir('par-zip-');
    const file = path.join(dir, 'book.xlsx');
    await writeWorkbook(file, [
      { name: 'Bảng điểm', rows: smallTable() },
      { name: 'Khác', rows: [['x', 1]] },
    ]);
    source = fs.readFileSync(file);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads every entry, matching fflate', () => {
    const zip = ZipArchive.read(source);
    const reference = fflateEntries(source);
    const files = zip.names().filter((n) => !n.endsWith('/'));
    expect(files.sort()).toEqual([...reference.keys()].filter((n) => !n.endsWith('/')).sort());
    for (const name of files) expect(zip.bytes(name).equals(reference.get(name) as Buffer)).toBe(true);
    expect(zip.has(SHEET)).toBe(true);
    expect(zip.text('xl/workbook.xml')).toMatch(/^<\?xml/);
    expect(zip.textOrNull('xl/nothing.xml')).toBeNull();
    expect(() => zip.bytes('xl/nothing.xml')).toThrow(ZipError);
    // OPC part names are case-insensitive.
    expect(zip.entryName('XL/Workbook.xml')).toBe('xl/workbook.xml');
  });

  it('writes one entry changed, one removed, one appended; copies the rest byte for byte', async () => {
    const zip = ZipArchive.read(source);
    const sheetXml = zip.text(SHEET);
    expect(sheetXml).toContain('<v>91</v>');
    const changedXml = sheetXml.replace('<v>91</v>', '<v>92</v>');
    const appendedName = 'customXml/ghi chú — điểm.xml';
    const appended = '<?xml version="1.0"?><note>Điểm đã chấm</note>';
    const out = writeZip(
      zip,
      new Map<string, string | Buffer | null>([
        [SHEET, changedXml],
        ['docProps/app.xml', null],
        [appendedName, appended],
      ]),
    );

    unzipTest(out, dir);
    const back = ZipArchive.read(out);
    const expectedNames = zip
      .names()
      .filter((n) => n !== 'docProps/app.xml')
      .concat(appendedName);
    expect(back.names()).toEqual(expectedNames);
    expect(back.has('docProps/app.xml')).toBe(false);
    expect(back.text(SHEET)).toBe(changedXml);
    expect(back.text(appendedName)).toBe(appended);
    expect(back.entry(appendedName)?.flags).toBe(0x0800); // UTF-8 name flag, no data descriptor
    expect(back.entry(SHEET)?.method).toBe(8);

    for (const name of zip.names()) {
      if (name === SHEET || name === 'docProps/app.xml') continue;
      const a = zip.entry(name);
      const b = back.entry(name);
      expect(b).not.toBeNull();
      expect(back.raw(name).equals(zip.raw(name))).toBe(true);
      expect([b?.crc32, b?.size, b?.compressedSize, b?.method, b?.dosTime, b?.dosDate]).toEqual([
        a?.crc32,
        a?.size,
        a?.compressedSize,
        a?.method,
        a?.dosTime,
        a?.dosDate,
      ]);
      expect(back.bytes(name).equals(zip.bytes(name))).toBe(true);
    }

    const reference = fflateEntries(out);
    expect(reference.get(appendedName)?.toString('utf8')).toBe(appended);
    expect(reference.get(SHEET)?.toString('utf8')).toBe(changedXml);
    expect(reference.has('docProps/app.xml')).toBe(false);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Bảng điểm')?.getCell('F5').value).toBe(92);
    expect(wb.getWorksheet('Khác')?.getCell('B1').value).toBe(1);
  });

  it('with no changes, every entry is copied unchanged; a fixed date makes the output reproducible', () => {
    const zip = ZipArchive.read(source);
    const copy = ZipArchive.read(writeZip(zip, new Map()));
    expect(copy.names()).toEqual(zip.names());
    for (const n of zip.names()) expect(copy.raw(n).equals(zip.raw(n))).toBe(true);

    const date = new Date(2024, 0, 2, 3, 4, 6);
    const changes = new Map([[SHEET, zip.text(SHEET)]]);
    const a = writeZip(zip, changes, { date });
    expect(a.equals(writeZip(zip, changes, { date }))).toBe(true);
    const e = ZipArchive.read(a).entry(SHEET);
    expect(e?.dosDate).toBe(((2024 - 1980) << 9) | (1 << 5) | 2);
    expect(e?.dosTime).toBe((3 << 11) | (4 << 5) | 3);
  });

  it('takes a Buffer change as bytes and honours the level', () => {
    const zip = ZipArchive.read(source);
    const bytes = Buffer.from(zip.text(SHEET).repeat(20), 'utf8');
    const fast = ZipArchive.read(writeZip(zip, new Map([[SHEET, bytes]]), { level: 1 }));
    const small = ZipArchive.read(writeZip(zip, new Map([[SHEET, bytes]]), { level: 9 }));
    expect(fast.bytes(SHEET).equals(bytes)).toBe(true);
    expect(small.bytes(SHEET).equals(bytes)).toBe(true);
    expect(small.entry(SHEET)?.compressedSize).toBeLessThan(fast.entry(SHEET)?.compressedSize as number);
  });
});

describe('ZipArchive: names, data descriptors, text', () => {
  it('reads UTF-8 (flag bit 11) and code page 437 names, and writes UTF-8 names with the flag', () => {
    const made = Buffer.from(
      fflate.zipSync({ 'xl/media/ảnh nền.txt': fflate.strToU8('ảnh'), 'caf_.txt': fflate.strToU8('cp437') }),
    );
    // Turn the ASCII name "caf_.txt" into CP437 "café.txt" (0x82 = é) in both headers; flag bit 11 stays clear.
    for (const at of [localOffset(made, 'caf_.txt') + 30 + 3, centralOffset(made, 'caf_.txt') + 46 + 3])
      made[at] = 0x82;
    const zip = ZipArchive.read(made);
    expect(zip.names()).toEqual(['xl/media/ảnh nền.txt', 'café.txt']);
    expect(zip.entry('xl/media/ảnh nền.txt')?.flags).toBe(0x0800);
    expect(zip.entry('café.txt')?.flags).toBe(0);
    expect(zip.text('xl/media/ảnh nền.txt')).toBe('ảnh');
    expect(zip.text('café.txt')).toBe('cp437');

    const out = writeZip(
      zip,
      new Map([
        ['café.txt', 'đổi'],
        ['mới/tệp.txt', 'mới'],
      ]),
    );
    const back = ZipArchive.read(out);
    expect(back.names()).toEqual(['xl/media/ảnh nền.txt', 'café.txt', 'mới/tệp.txt']);
    expect(back.entry('café.txt')?.flags).toBe(0x0800);
    expect(back.text('café.txt')).toBe('đổi');
    expect([...fflateEntries(out).keys()]).toEqual(['xl/media/ảnh nền.txt', 'café.txt', 'mới/tệp.txt']);
  });

  it('reads entries whose sizes are in a data descriptor (flag bit 3) and writes them without one', () => {
    const chunks: Uint8Array[] = [];
    const zipper = new fflate.Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    const deflated = new fflate.ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
    zipper.add(deflated);
    const xml = `<worksheet>${'<row><c><v>1</v></c></row>'.repeat(500)}</worksheet>`;
    deflated.push(fflate.strToU8(xml), true);
    const stored = new fflate.ZipPassThrough('stored.txt');
    zipper.add(stored);
    stored.push(fflate.strToU8('stored bytes'), true);
    zipper.end();
    const data = Buffer.concat(chunks.map((c) => Buffer.from(c)));
    expect(data.readUInt16LE(6) & 0x0008).toBe(0x0008);
    expect(data.readUInt32LE(18)).toBe(0); // local header compressed size: in the descriptor instead

    const zip = ZipArchive.read(data);
    expect(zip.text('xl/worksheets/sheet1.xml')).toBe(xml);
    expect(zip.text('stored.txt')).toBe('stored bytes');

    const out = writeZip(zip, new Map([['stored.txt', 'changed']]));
    const dir = tempDir('par-zip-dd-');
    try {
      unzipTest(out, dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const back = ZipArchive.read(out);
    expect(back.entry('xl/worksheets/sheet1.xml')?.flags).toBe(0);
    expect(back.raw('xl/worksheets/sheet1.xml').equals(zip.raw('xl/worksheets/sheet1.xml'))).toBe(true);
    expect(out.readUInt32LE(18)).toBe(zip.entry('xl/worksheets/sheet1.xml')?.compressedSize); // now in the local header
    expect(back.text('xl/worksheets/sheet1.xml')).toBe(xml);
    expect(back.text('stored.txt')).toBe('changed');
    expect(fflateEntries(out).get('xl/worksheets/sheet1.xml')?.toString('utf8')).toBe(xml);
  });

  it('strips a UTF-8 BOM and decodes UTF-16 with a BOM', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>ả</a>', 'utf16le')]);
    const made = Buffer.from(
      fflate.zipSync({
        'bom.xml': new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a>ả</a>')])),
        'u16.xml': new Uint8Array(utf16),
      }),
    );
    const zip = ZipArchive.read(made);
    expect(zip.text('bom.xml')).toBe('<a>ả</a>');
    expect(zip.text('u16.xml')).toBe('<a>ả</a>');
    expect(zip.bytes('bom.xml')[0]).toBe(0xef);
  });
});

describe('ZipArchive: damage and unsupported archives give ZipError', () => {
  const make = (): Buffer =>
    Buffer.from(
      fflate.zipSync({
        'stored.txt': [fflate.strToU8('stored content'), { level: 0 }],
        'deflated.xml': [fflate.strToU8('<x>'.repeat(200)), { level: 6 }],
      }),
    );

  function expectZipError(fn: () => unknown, message: RegExp): void {
    let caught: unknown;
    try {
      fn();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ZipError);
    expect((caught as Error).message).toMatch(message);
  }

  it('detects a CRC that does not match (in the directory, or after a flipped data byte)', () => {
    const badCrc = make();
    const at = centralOffset(badCrc, 'deflated.xml') + 16;
    badCrc.writeUInt32LE(badCrc.readUInt32LE(at) ^ 1, at);
    const zip = ZipArchive.read(badCrc);
    expect(zip.text('stored.txt')).toBe('stored content');
    expectZipError(() => zip.bytes('deflated.xml'), /CRC-32 does not match/);

    const flipped = make();
    flipped[localOffset(flipped, 'stored.txt') + 30 + 'stored.txt'.length + 2] ^= 0x20;
    expectZipError(() => ZipArchive.read(flipped).bytes('stored.txt'), /CRC-32 does not match/);
    expect(zlib.crc32(Buffer.from('stored content'))).not.toBe(0);
  });

  it('refuses a truncated archive', () => {
    const data = make();
    expectZipError(() => ZipArchive.read(data.subarray(0, data.length - 30)), /truncated/);
    expectZipError(() => ZipArchive.read(data.subarray(0, Math.floor(data.length / 2))), /truncated/);
    expectZipError(() => ZipArchive.read(data.subarray(0, 10)), /truncated/);
  });

  it('refuses a file that is not a zip', () => {
    expectZipError(() => ZipArchive.read(Buffer.from('STT,Tên đơn vị,Tổng điểm\n1,Xã A,91\n')), /Not a zip archive/);
    expectZipError(() => ZipArchive.read(Buffer.alloc(0)), /Not a zip archive/);
    // An old binary .xls (an OLE compound file) starts with D0 CF 11 E0.
    expectZipError(
      () =>
        ZipArchive.read(
          Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]),
        ),
      /Not a zip archive/,
    );
  });

  it('refuses encryption, zip64 and compression methods other than store and deflate', () => {
    const encrypted = make();
    const c = centralOffset(encrypted, 'stored.txt');
    encrypted.writeUInt16LE(encrypted.readUInt16LE(c + 8) | 1, c + 8);
    expectZipError(() => ZipArchive.read(encrypted), /encrypted/);

    const zip64 = make();
    zip64.writeUInt32LE(0xffffffff, centralOffset(zip64, 'deflated.xml') + 20);
    expectZipError(() => ZipArchive.read(zip64), /zip64/);

    const bzip2 = make();
    bzip2.writeUInt16LE(12, centralOffset(bzip2, 'deflated.xml') + 10);
    expectZipError(() => ZipArchive.read(bzip2), /compression method 12/);
  });

  it('reports deflate data that cannot be inflated', () => {
    const data = make();
    const start = localOffset(data, 'deflated.xml') + 30 + 'deflated.xml'.length;
    data.fill(0xff, start, start + 4);
    expectZipError(() => ZipArchive.read(data).bytes('deflated.xml'), /damaged/);
  });

  it('checks the CRC-32 of what it inflates', () => {
    // Inflates, but not to what the central directory says: the CRC-32 check catches it.
    const wrongCrc = make();
    const c = centralOffset(wrongCrc, 'deflated.xml');
    wrongCrc.writeUInt32LE((wrongCrc.readUInt32LE(c + 16) ^ 1) >>> 0, c + 16);
    expectZipError(() => ZipArchive.read(wrongCrc).bytes('deflated.xml'), /CRC-32/);
  });
});
