#!/usr/bin/env node
'use strict';
/**
 * Draws the extension icon (images/icon.png, 128×128 RGBA): a letter page with text lines and a
 * check mark. Plain Node (zlib), no image library; run `npm run icon` after changing the drawing.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 128;
const OUT = path.resolve(__dirname, '..', 'images', 'icon.png');

const NAVY = [31, 78, 140, 255];
const PAGE = [250, 250, 247, 255];
const INK = [120, 134, 156, 255];
const GREEN = [46, 160, 67, 255];
const WHITE = [255, 255, 255, 255];

/** Inside a rounded rectangle [x0,x1)×[y0,y1) with corner radius r. */
function inRounded(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r - 1);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r - 1);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Distance from point p to segment a–b. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function pixel(x, y) {
  // the check badge, bottom right
  const bx = 94;
  const by = 94;
  const d = Math.hypot(x - bx, y - by);
  if (d <= 27) {
    if (segDist(x, y, 81, 95, 91, 105) <= 4.5 || segDist(x, y, 91, 105, 108, 84) <= 4.5) return WHITE;
    return d <= 24 ? GREEN : WHITE;
  }
  if (inRounded(x, y, 14, 6, 104, 122, 10)) {
    if (!inRounded(x, y, 20, 12, 98, 116, 6)) return NAVY;
    // header block and text lines
    if (y >= 22 && y < 30 && x >= 28 && x < 70) return NAVY;
    for (const [ly, len] of [[40, 62], [50, 56], [60, 62], [70, 44], [80, 50]]) if (y >= ly && y < ly + 4 && x >= 28 && x < 28 + len) return INK;
    return PAGE;
  }
  return [0, 0, 0, 0];
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(raw, y * (SIZE * 4 + 1) + 1 + x * 4);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, png);
console.log(`icon: ${path.relative(process.cwd(), OUT)} ${SIZE}x${SIZE}, ${png.length} bytes`);
