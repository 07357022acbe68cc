import { hasDirectives, parseDirectives } from '../suppressions';

/**
 * The letter as sent, as text: exactly as written, minus its suppression-comment lines
 * (`<!-- imr-disable… -->`, each with its line ending). Every other byte is kept: the BOM, the line
 * endings (CRLF, CR, LF, mixed), trailing spaces, form feeds, a missing final newline.
 */
export function exportText(original: string): string {
  if (!hasDirectives(original)) return original;
  const bom = original.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? original.slice(1) : original;
  // each line with the ending that follows it
  const pieces = body.match(/[^\r\n]*(?:\r\n|\r|\n|$)/g) ?? [];
  if (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
  const lines = pieces.map((p) => p.replace(/(?:\r\n|\r|\n)$/, ''));
  const drop = new Set(parseDirectives(lines).map((d) => d.line));
  if (drop.size === 0) return original;
  return bom + pieces.filter((_, i) => !drop.has(i)).join('');
}

/**
 * `exportText` on a file's bytes, for files in any encoding: the bytes are read one character each
 * (latin1), so whatever is not a suppression line is written back byte for byte. A UTF-8 BOM is kept.
 */
export function exportTextBytes(bytes: Uint8Array): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const body = buf.subarray(bom).toString('latin1');
  const out = exportText(body);
  return out === body ? Buffer.from(buf) : Buffer.concat([buf.subarray(0, bom), Buffer.from(out, 'latin1')]);
}
