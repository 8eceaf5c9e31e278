#!/usr/bin/env node
/*
 * Generates the add-in icons assets/icon-{16,32,64,80}.png: a white ascending bar chart on a
 * blue rounded square. Only Node built-ins are used (zlib for deflate, a hand-written PNG encoder),
 * so the output is reproducible: `node scripts/make-icons.js`.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const OUT_DIR = path.join(__dirname, '..', 'assets');
const SUPERSAMPLE = 8; // 8x8 samples per pixel for anti-aliasing

const BLUE = [0x0f, 0x6c, 0xbd]; // Fluent UI brand blue
const WHITE = [0xff, 0xff, 0xff];

// --- PNG encoder ----------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([len, typeAndData, crc]);
}

/** Encodes RGBA pixels (Uint8Array of width*height*4) as a PNG (8-bit, colour type 6). */
function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

// --- Glyph ----------------------------------------------------------------------------------

/** Inside the rounded square (unit coordinates, 0..1). */
function inBackground(x, y) {
  const inset = 0.02;
  const r = 0.2;
  const lo = inset + r;
  const hi = 1 - inset - r;
  if (x < inset || x > 1 - inset || y < inset || y > 1 - inset) return false;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const BARS = [
  { x0: 0.2, x1: 0.34, top: 0.56 },
  { x0: 0.43, x1: 0.57, top: 0.4 },
  { x0: 0.66, x1: 0.8, top: 0.22 },
];
const BASE = 0.78;

/** Inside the white bar chart. */
function inGlyph(x, y) {
  return BARS.some((b) => x >= b.x0 && x <= b.x1 && y >= b.top && y <= BASE);
}

function render(size) {
  const px = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let pxX = 0; pxX < size; pxX++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (pxX + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (inBackground(x, y)) {
            bg++;
            if (inGlyph(x, y)) fg++;
          }
        }
      }
      const i = (py * size + pxX) * 4;
      const alpha = bg / (n * n);
      const t = bg === 0 ? 0 : fg / bg; // share of white within the covered area
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(BLUE[c] * (1 - t) + WHITE[c] * t);
      px[i + 3] = Math.round(alpha * 255);
    }
  }
  return px;
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    const png = encodePng(size, size, render(size));
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}: ${size}x${size}, ${png.length} bytes`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, crc32 };
