/**
 * A part's UTF-8 bytes built from many text pieces (the report sheet's rows), encoded as they
 * come, so that no string of the whole part is ever made and encoded again.
 */

/** Text gathered before it is encoded: large enough that a write's overhead does not count. */
const PENDING_CHARS = 1 << 15;

export class ByteText {
  private bytes: Buffer;
  private length = 0;
  private pending = '';

  /** `sizeHint`: the bytes expected (the buffer grows past it when needed). */
  constructor(sizeHint: number) {
    this.bytes = Buffer.allocUnsafe(Math.max(1024, Math.ceil(sizeHint)));
  }

  /** Appends text, encoded as UTF-8. */
  push(text: string): void {
    this.pending += text;
    // Not between the halves of a surrogate pair: each would be encoded alone, as U+FFFD.
    if (this.pending.length >= PENDING_CHARS && !isHighSurrogate(this.pending.charCodeAt(this.pending.length - 1)))
      this.encodePending();
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
