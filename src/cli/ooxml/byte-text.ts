/**
 * A part's UTF-8 bytes assembled from text pieces and from spans of a source part's bytes, with
 * no string of the whole part ever made. A 10 MB worksheet edited as a string is joined into a
 * second 10 MB string (twice the bytes once a Vietnamese label makes it two-byte), then encoded
 * into a third copy; here the source's spans are copied as they are and only the new text is
 * encoded.
 */
import { isAscii } from 'node:buffer';

/** Text gathered before it is encoded: large enough that a write's overhead does not count. */
const PENDING_CHARS = 1 << 15;

export class ByteText {
  private bytes: Buffer;
  private length = 0;
  private pending = '';

  /**
   * `sizeHint`: the bytes expected (the buffer grows past it when needed). `source`: the bytes
   * that copy() takes spans of.
   */
  constructor(sizeHint: number, private readonly source: Buffer | null = null) {
    this.bytes = Buffer.allocUnsafe(Math.max(1024, Math.ceil(sizeHint)));
  }

  /** Appends text, encoded as UTF-8. */
  push(text: string): void {
    this.pending += text;
    // Not between the halves of a surrogate pair: each would be encoded alone, as U+FFFD.
    if (this.pending.length >= PENDING_CHARS && !isHighSurrogate(this.pending.charCodeAt(this.pending.length - 1))) this.encodePending();
  }

  /** Appends the source's bytes [from, to). */
  copy(from: number, to: number): void {
    if (this.source === null) throw new Error('ByteText.copy without a source');
    if (to <= from) return;
    this.encodePending();
    this.reserve(to - from);
    this.length += this.source.copy(this.bytes, this.length, from, to);
  }

  /** The bytes so far (a view of the builder's buffer: push nothing after taking it). */
  toBuffer(): Buffer {
    this.encodePending();
    return this.bytes.subarray(0, this.length);
  }

  private encodePending(): void {
    const text = this.pending;
    if (text === '') return;
    this.pending = '';
    // At most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
    this.reserve(text.length * 3);
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  private reserve(more: number): void {
    const need = this.length + more;
    if (need <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(need, this.bytes.length * 2));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Whether `bytes` are `text` encoded as UTF-8, one byte per character (every character ASCII):
 * then an offset into the text is the same offset into the bytes.
 */
export function isAsciiTextOf(bytes: Buffer, text: string): boolean {
  return bytes.length === text.length && isAscii(bytes);
}
