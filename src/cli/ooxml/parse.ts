/**
 * XML as XML defines it, for every part the scorer reads: bytes decoded by their byte-order mark
 * or declaration (UTF-8, UTF-16 LE/BE), then tokenized by saxes (strict, well kept: character and
 * entity references, CDATA sections, comments and processing instructions, line-end
 * normalisation). A document type declaration is refused (no entity of any kind is expanded), and
 * a part that is not well formed is a MalformedPartError. Element names are handed over by their
 * local name (`x:c` and `c` alike), which is how SpreadsheetML written with a namespace prefix
 * (the .NET Open XML SDK) or in Strict OOXML reads the same as Excel's own files.
 */
import { SaxesParser } from 'saxes';
import { MalformedPartError } from './xml';

/** A part that declares a document type (a DTD: entities, the billion-laughs pattern, external files). */
export class DtdError extends Error {
  override name = 'DtdError';
}

/** A part in an encoding the scorer does not read. */
export class EncodingError extends Error {
  override name = 'EncodingError';
}

/** What a reader does with the part's events: element names are local names (no prefix). */
export interface XmlHandler {
  open(local: string, attrs: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(local: string): void;
}

/** Thrown by a handler to stop reading (the rows asked for are read); not an error. */
export class StopReading extends Error {}

/** The local part of a qualified name (`x:c` → `c`). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The encoding a part's XML declaration names (lower case), or null. */
function declaredEncoding(head: string): string | null {
  const m = /^\s*<\?xml\s[^?]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/** UTF-16 BE bytes (no BOM) as text. */
function utf16be(bytes: Buffer): string {
  const swapped = Buffer.from(bytes.subarray(0, bytes.length & ~1));
  swapped.swap16();
  return swapped.toString('utf16le');
}

/**
 * A part's text: by its byte-order mark (UTF-8, UTF-16 LE or BE), else by its first bytes
 * (`<?` written in UTF-16 without a mark), else UTF-8. A declaration naming another encoding than
 * the bytes carry, or one the scorer does not read, is an EncodingError.
 */
export function decodePart(bytes: Buffer, part: string): string {
  const found = ENCODINGS.find((e) => e.mark.every((b, i) => bytes[i] === b));
  if (!found) return checkDeclared(bytes.toString('utf8'), 'utf-8', part);
  return checkDeclared(found.decode(bytes.subarray(found.skip)), found.family, part);
}

/** How a part's first bytes say its encoding: a byte-order mark (skipped), or `<?` in UTF-16 without one. */
const ENCODINGS: { mark: number[]; skip: number; family: 'utf-8' | 'utf-16'; decode: (b: Buffer) => string }[] = [
  { mark: [0xef, 0xbb, 0xbf], skip: 3, family: 'utf-8', decode: (b) => b.toString('utf8') },
  { mark: [0xff, 0xfe], skip: 2, family: 'utf-16', decode: (b) => b.toString('utf16le') },
  { mark: [0xfe, 0xff], skip: 2, family: 'utf-16', decode: utf16be },
  { mark: [0x3c, 0, 0x3f, 0], skip: 0, family: 'utf-16', decode: (b) => b.toString('utf16le') },
  { mark: [0, 0x3c, 0, 0x3f], skip: 0, family: 'utf-16', decode: utf16be },
];

function checkDeclared(text: string, actual: 'utf-8' | 'utf-16', part: string): string {
  const declared = declaredEncoding(text.slice(0, 200));
  if (declared === null || declared === actual || declared === actual.replace('-', '')) return text;
  if (actual === 'utf-16' && (declared === 'utf-16le' || declared === 'utf-16be')) return text;
  throw new EncodingError(`${part}: the part declares encoding "${declared}" but is stored as ${actual.toUpperCase()}`);
}

/**
 * The text with its XML declaration saying UTF-8: what a part decoded here becomes when it is
 * written back (the writer always writes UTF-8), so a part that was UTF-16 is not left declaring it.
 */
export function declareUtf8(text: string): string {
  const m = /^(\s*<\?xml\s[^?]*?encoding\s*=\s*["'])([A-Za-z0-9._-]+)(["'])/.exec(text);
  return m && m[2].toLowerCase() !== 'utf-8' ? `${m[1]}UTF-8${m[3]}${text.slice(m[0].length)}` : text;
}

/**
 * Reads a part's XML, calling `handler` for each element and text run (CDATA sections are text).
 * Throws DtdError for a document type declaration, MalformedPartError when the XML is not well
 * formed. A handler may throw StopReading to end the read early.
 */
export function parseXml(xml: string, part: string, handler: XmlHandler): void {
  const parser = new SaxesParser({ position: false });
  parser.on('doctype', () => {
    throw new DtdError(`${part}: the part declares a document type (DTD)`);
  });
  parser.on('opentag', (node) => handler.open(localName(node.name), node.attributes as Record<string, string>));
  if (handler.text) {
    const text = handler.text.bind(handler);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  if (handler.close) {
    const close = handler.close.bind(handler);
    parser.on('closetag', (node) => close(localName(node.name)));
  }
  parser.on('error', (e) => {
    throw new MalformedPartError(`${part}: ${e.message}`);
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof StopReading) return;
    throw e;
  }
}

/** Namespace URIs of SpreadsheetML's main namespace, transitional and Strict. */
export const MAIN_NAMESPACES = [
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
];

/**
 * The part with SpreadsheetML's main-namespace prefix taken off its elements (`<x:row>` →
 * `<row>`), the main namespace declared as the default on the root: the patcher and the style
 * writer work on the names Excel writes, and what they add is in the main namespace. A part whose
 * root is not prefixed is returned as it is. CDATA sections and comments are left untouched.
 */
export function unprefixMain(xml: string): string {
  // The root start tag: the first one after the declaration (comments blanked), looked for in the part's head.
  const head = xml.slice(0, 65536).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, (s) => ' '.repeat(s.length));
  const root = /<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?(?=[\s/>])[^>]*>/.exec(head);
  if (!root || root[2] === undefined) return xml;
  const prefix = root[1];
  const decl = new RegExp(`\\sxmlns:${prefix}\\s*=\\s*["']([^"']*)["']`).exec(root[0]);
  if (!decl || !MAIN_NAMESPACES.includes(decl[1])) return xml;
  const hasDefault = /\sxmlns\s*=/.test(root[0]);
  const tag = new RegExp(
    `<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<!--[\\s\\S]*?-->|<(/?)${prefix.replace(/[.-]/g, '\\$&')}:`,
    'g',
  );
  const out = xml.replace(tag, (whole, slash: string | undefined) => (slash === undefined ? whole : `<${slash}`));
  if (hasDefault) return out;
  // The root start tag, now unprefixed: the main namespace becomes the default.
  const nameEnd = root.index + 1 + root[2].length;
  return `${out.slice(0, nameEnd)} xmlns="${decl[1]}"${out.slice(nameEnd)}`;
}

/** Comments dropped and CDATA sections written as escaped text: what the text-based patcher can splice. */
export function plainMarkup(xml: string): string {
  if (xml.indexOf('<!--') < 0 && xml.indexOf('<![CDATA[') < 0) return xml;
  return xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>/g, (whole, cdata: string | undefined) =>
    cdata === undefined ? '' : cdata.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;')),
  );
}

/**
 * A part's text as the patcher and the style writer edit it: comments dropped, CDATA as escaped
 * text, the main-namespace prefix taken off, the declaration saying UTF-8 (the encoding every
 * rewritten part is written in). The same XML to any reader.
 */
export function forPatching(xml: string): string {
  return declareUtf8(unprefixMain(plainMarkup(xml)));
}
