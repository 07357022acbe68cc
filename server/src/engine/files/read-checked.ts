import { isUtf8 } from 'buffer';
import * as fs from 'fs';

/**
 * The one way the tools read a letter, config, ignore, index or PDF file from disk — the CLI, the
 * language server's workspace lint and the config/index loaders all come here:
 *
 * - the path is stat'ed first, so a FIFO, device or socket is refused without being opened (opening a
 *   FIFO blocks until a writer comes; reading `/dev/zero` never ends);
 * - it is then opened (non-blocking, no controlling terminal) and `fstat`ed on the descriptor: only a
 *   regular file is read, and its size is checked against the byte limit *before* reading — in bytes,
 *   not characters;
 * - the content is read through that same descriptor (what was checked is what is read: no window to
 *   swap the file), and never more than the limit even when the file grows meanwhile (or, like /proc
 *   files, reports size 0).
 *
 * Failures are a `FileReadError` whose `detail` is a short phrase ("cannot read (EACCES)",
 * "not a regular file (a FIFO)", "larger than 8 MB (3072.0 MB)"); callers name the file with it.
 */

const MB = 1024 * 1024;

/** Byte limits per kind of file (a letter is 5–50 KB; a config or index file a few KB). */
export const READ_LIMITS = {
  letter: 8 * MB,
  config: 5 * MB,
  index: 5 * MB,
  ignore: 5 * MB,
  /** A guideline PDF (imr index verify). */
  pdf: 256 * MB,
} as const;

export type ReadKind = keyof typeof READ_LIMITS;

/** `ENOTREG` (not a regular file) and `EFBIG` (over the limit) are ours; the rest are the system's codes. */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
    /** One short phrase without the file name. */
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

export interface CheckedBytes {
  bytes: Buffer;
  /** The descriptor's fstat: the file that was read (size, mtime, dev/ino for later identity checks). */
  stat: fs.Stats;
}

export interface CheckedText extends CheckedBytes {
  text: string;
  /** False when the bytes are not valid UTF-8 (Latin-1, Windows-1252, …): `text` then has U+FFFD for them. */
  validUtf8: boolean;
}

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

function kindOf(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

function sizeText(n: number): string {
  return n >= MB ? `${(n / MB).toFixed(1)} MB` : `${n} bytes`;
}

function limitText(n: number): string {
  return n % MB === 0 ? `${n / MB} MB` : sizeText(n);
}

function refuseUnlessRegular(file: string, st: fs.Stats): void {
  if (st.isDirectory()) throw new FileReadError(file, 'EISDIR', 'is a directory, not a file');
  if (!st.isFile()) throw new FileReadError(file, 'ENOTREG', `not a regular file (${kindOf(st)})`);
}

/** `size` when known (fstat); a stream's is not. */
function tooLarge(file: string, size: number | undefined, limit: number): FileReadError {
  return new FileReadError(file, 'EFBIG', `larger than ${limitText(limit)}${size !== undefined ? ` (${sizeText(size)})` : ''}; not read`);
}

function systemError(file: string, e: unknown): FileReadError {
  if (e instanceof FileReadError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  return new FileReadError(file, code, `cannot read (${code})`);
}

/**
 * Reads up to `limit` bytes from an open descriptor; throws when there are more (the descriptor is
 * read once more than the limit to know). `expected` is a size hint (fstat) to read in one go.
 */
export function readFdBounded(fd: number, limit: number, file: string, expected = 0): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunkSize = Math.min(Math.max(expected + 1, 64 * 1024), limit + 1);
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(chunkSize, limit + 1 - total));
    let n: number;
    try {
      n = fs.readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        // a non-blocking pipe with nothing yet (standard input): wait a little, without spinning
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw e;
    }
    if (n === 0) break;
    chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    total += n;
    if (total > limit) throw tooLarge(file, undefined, limit);
    // a short read is almost always the end of the file: one byte tells, where another 64 KB buffer per
    // file cost more than the read itself (1,950 letters: ~35 ms); a file still growing reads on in 64 KB
    chunkSize = n < buf.length ? 1 : 64 * 1024;
  }
  const [only] = chunks;
  return chunks.length === 1 && only ? only : Buffer.concat(chunks, total);
}

/** Reads a regular file of at most `limit` bytes (see the module comment). */
export function readFileChecked(file: string, limit: number): CheckedBytes {
  let fd: number | undefined;
  try {
    // refuse FIFOs and devices before opening them
    refuseUnlessRegular(file, fs.statSync(file));
    fd = fs.openSync(file, OPEN_FLAGS);
    const stat = fs.fstatSync(fd);
    refuseUnlessRegular(file, stat);
    if (stat.size > limit) throw tooLarge(file, stat.size, limit);
    return { bytes: readFdBounded(fd, limit, file, stat.size), stat };
  } catch (e) {
    throw systemError(file, e);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The bytes as text; `valid` is false when they are not UTF-8 (then decoded leniently, U+FFFD for bad
 * bytes). A BOM is kept as U+FEFF. Checked with buffer.isUtf8 and decoded with Buffer#toString: for
 * 1,950 letters ~4 ms, where a fatal TextDecoder (decode, or throw and decode again) took ~17 ms.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; valid: boolean } {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { text: buf.toString('utf8'), valid: isUtf8(buf) };
}

/** A regular file of at most `limit` bytes as text (the BOM, if any, kept as U+FEFF). */
export function readTextChecked(file: string, limit: number): CheckedText {
  const { bytes, stat } = readFileChecked(file, limit);
  const { text, valid } = decodeUtf8(bytes);
  return { bytes, stat, text, validUtf8: valid };
}
