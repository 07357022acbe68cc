/**
 * A short fingerprint of a text, for telling whether a file compiled at build time (generated/…) was
 * made from the source file the tool now has: its length in UTF-8 bytes and two 32-bit hashes of those
 * bytes (FNV-1a and a multiply-rotate hash), read four bytes at a time. Not a security hash: a stale
 * compiled file is merely ignored and the source read the slow way. Plain JavaScript on purpose: it
 * runs at every start, where loading node:zlib for its CRC-32 cost more than hashing a 90 KB index.
 */
export function contentStamp(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  // the bytes in a 4-byte aligned copy (a pooled Buffer may start anywhere), zero-padded to whole words
  const words = new Uint32Array(Math.ceil(bytes.length / 4));
  new Uint8Array(words.buffer).set(bytes);
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(((b << 5) | (b >>> 27)) ^ w, 0x85ebca6b);
  }
  return `w32-${bytes.length}-${(a >>> 0).toString(16)}-${(b >>> 0).toString(16)}`;
}
