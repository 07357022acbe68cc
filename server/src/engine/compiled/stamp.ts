import * as zlib from 'zlib';

/**
 * A short fingerprint of a text (its length and CRC-32; FNV-1a where this Node has no zlib.crc32), for
 * telling whether a file compiled at build time (generated/…) was made from the source file the tool
 * now has. Not a security hash: a stale compiled file is merely ignored and the source read the slow way.
 */
export function contentStamp(text: string): string {
  const crc32 = (zlib as { crc32?: (data: string) => number }).crc32;
  if (typeof crc32 === 'function') return `crc32-${text.length}-${crc32(text).toString(16)}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `fnv-${text.length}-${(h >>> 0).toString(16)}`;
}
