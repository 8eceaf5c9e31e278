/**
 * The package checks (src/cli/ooxml/guard.ts) on small packages with small limits: each limit
 * refuses just past its value and lets its value through; file kinds are told by their bytes.
 */
import * as zlib from 'node:zlib';
import { LIMITS, Refusal, checkPackage, sniff, type Limits } from '../../../src/cli/ooxml/guard';
import { zipRaw, type RawEntry } from '../../fixtures/zip-raw';

const part = (name: string, text: string): RawEntry => ({ name, data: Buffer.from(text, 'utf8') });
const small = (over: Partial<Limits>): Limits => ({ ...LIMITS, ...over });

function refusal(f: () => unknown): Refusal {
  try {
    f();
  } catch (e) {
    if (e instanceof Refusal) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('limits, from the central directory', () => {
  const three = [part('a.xml', '<a/>'), part('b.xml', '<b>' + 'x'.repeat(1000) + '</b>'), part('c.bin', 'c')];

  test('entry count', () => {
    expect(() => checkPackage(zipRaw(three), small({ entries: 3 }))).not.toThrow();
    expect(refusal(() => checkPackage(zipRaw(three), small({ entries: 2 }))).code).toBe('tooManyEntries');
  });

  test('one entry inflated, and all together', () => {
    expect(refusal(() => checkPackage(zipRaw(three), small({ entryBytes: 1000 }))).params).toMatchObject({
      part: 'b.xml',
    });
    expect(() => checkPackage(zipRaw(three), small({ entryBytes: 1007 }))).not.toThrow();
    expect(refusal(() => checkPackage(zipRaw(three), small({ totalBytes: 1000 }))).code).toBe('totalTooLarge');
  });

  test('compression ratio, for entries over a size', () => {
    const zeros = { name: 'z.xml', data: Buffer.alloc(200_000, 0x20) };
    const ratio = 200_000 / zlib.deflateRawSync(zeros.data, { level: 6 }).length;
    expect(
      refusal(() => checkPackage(zipRaw([zeros]), small({ ratio: Math.floor(ratio) - 1, ratioFrom: 1000 }))).code,
    ).toBe('ratio');
    expect(() => checkPackage(zipRaw([zeros]), small({ ratio: Math.ceil(ratio) + 1, ratioFrom: 1000 }))).not.toThrow();
    expect(() => checkPackage(zipRaw([zeros]), small({ ratio: 2, ratioFrom: 300_000 }))).not.toThrow();
  });

  test('a size the header declares falsely is caught when inflating, never trusted past it', () => {
    expect(refusal(() => checkPackage(zipRaw([{ ...three[1], size: 10 }]))).code).toBe('damaged');
    expect(refusal(() => checkPackage(zipRaw([{ ...three[1], crc: 7 }]))).code).toBe('damaged');
  });
});

describe('names and contents', () => {
  test.each(['../a.xml', 'x/../../a.xml', '/a.xml', 'C:/a.xml', 'x\\a.xml'])('unsafe name %s', (name) => {
    expect(refusal(() => checkPackage(zipRaw([part(name, '<a/>')]))).code).toBe('badName');
  });

  test('names repeated, exactly or by case', () => {
    expect(refusal(() => checkPackage(zipRaw([part('a.xml', '<a/>'), part('A.XML', '<a/>')]))).params).toMatchObject({
      part: 'A.XML',
      other: 'a.xml',
    });
    expect(refusal(() => checkPackage(zipRaw([part('a.xml', '<a/>'), part('a.xml', '<a/>')]))).code).toBe('duplicate');
  });

  test('a DTD in any XML part, UTF-16 ones included; markup that only mentions one in text is not a DTD', () => {
    expect(
      refusal(() =>
        checkPackage(zipRaw([part('docProps/x.xml', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')])),
      ).code,
    ).toBe('dtd');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a><a/>', 'utf16le'),
    ]);
    expect(refusal(() => checkPackage(zipRaw([{ name: 'a.xml', data: utf16 }]))).code).toBe('dtd');
    expect(() => checkPackage(zipRaw([part('a.xml', '<a>&lt;!DOCTYPE&gt;</a>')]))).not.toThrow();
  });
});

describe('kinds of file', () => {
  const cfb = (stream: string) =>
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from(stream, 'utf16le'),
    ]);
  test('by their bytes, not their names', () => {
    expect(sniff(zipRaw([part('a.xml', '<a/>')]))).toBe('zip');
    expect(sniff(cfb('Workbook'))).toBe('xls');
    expect(sniff(cfb('EncryptionInfo'))).toBe('password');
    expect(sniff(Buffer.from('STT;Tên đơn vị;Lĩnh vực 1\n1;Xã A;10\n'))).toBe('csv');
    expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]))).toBe('notZip');
    const ods = zipRaw([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), method: 0 },
      part('content.xml', '<a/>'),
    ]);
    expect(refusal(() => checkPackage(ods)).code).toBe('ods');
  });
});
