import * as fs from 'fs';
import * as path from 'path';

/**
 * Replaces (or creates) a file's content safely — the one writer for `--fix` and `imr export`; no other
 * engine path writes letters. It cannot be turned against the user:
 *
 * - through a symbolic link, the link's target is written (fs.realpath) and the link stays a link;
 * - the new content goes to a temporary sibling in the target's real folder (the rename is atomic and
 *   never crosses file systems) with an unpredictable name (crypto.randomBytes), created with O_EXCL and
 *   O_NOFOLLOW and mode 0600: whatever is planted at that name (a link to another file) makes the
 *   create fail — it is never opened, followed or written; another name is tried;
 * - it is written, fsynced, given the target's owner (when running as root: fchown) and mode (fchmod,
 *   so 0664 stays 0664 whatever the umask), renamed over the target, and the folder is fsynced;
 * - a target that nobody may write (no w bit: 0444), or that we may not write (access W_OK), is refused
 *   (`WriteRefusedError`), as is a target that is not a regular file, or one that changed since it was
 *   read (`expect`): a rename would otherwise replace it regardless of its permissions;
 * - the temporary file is removed on any failure. A process killed between create and rename (a
 *   signal's default action cannot be intercepted while synchronous code runs: a handler would only run
 *   after the write, and one removed after it swallows the signal) leaves a 0600 temporary file readable
 *   by nobody else; the next write into that folder removes such leftovers of this tool's name pattern
 *   (`.<name>.<pid>-<random>.imr-tmp`) once their process is gone or they are older than 10 minutes.
 *
 * Errors are thrown for the caller to report: `WriteRefusedError` (nothing was done) or the system's.
 */

/** What a write was refused for; nothing was written. */
export class WriteRefusedError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'read-only' | 'changed' | 'not-regular' | 'dangling-link',
    /** One short phrase without the file name. */
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

export interface WriteOptions {
  /**
   * The file as it was read (fstat of the read): the write is refused when the target is now another
   * file or was modified since (another program saved it meanwhile).
   */
  expect?: Pick<fs.Stats, 'dev' | 'ino' | 'size' | 'mtimeMs'>;
}

const TEMP_SUFFIX = '.imr-tmp';
/** `.<name>.<pid>-<12 hex>.imr-tmp` */
const TEMP_NAME = /^\..*\.(\d+)-[0-9a-f]{12}\.imr-tmp$/;
/** Leftovers of a live process are removed only after this long. */
const STALE_MS = 10 * 60 * 1000;
/** Folders already cleaned of leftovers by this process. */
const cleaned = new Set<string>();

const CREATE_FLAGS = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);

/** A fresh temporary name next to `target` (the name part shortened so the whole stays a valid name). */
export function temporaryName(target: string): string {
  const base = path.basename(target).slice(0, 100);
  return path.join(path.dirname(target), `.${base}.${process.pid}-${randomHex(6)}${TEMP_SUFFIX}`);
}

export function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const target = realTarget(file);
  let existing: fs.Stats | undefined;
  try {
    existing = fs.lstatSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (existing) checkWritable(file, target, existing, options);
  const dir = path.dirname(target);
  removeLeftovers(dir);
  const mode = existing ? existing.mode & 0o7777 : 0o644;
  let tmp = '';
  let fd: number | undefined;
  try {
    for (let attempt = 0; fd === undefined; attempt++) {
      tmp = temporaryName(target);
      try {
        fd = fs.openSync(tmp, CREATE_FLAGS, 0o600);
      } catch (e) {
        // something is at that name (planted or a one-in-2^48 clash): never touch it, take another
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 8) {
          tmp = '';
          throw e;
        }
      }
    }
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    if (existing && process.getuid?.() === 0) {
      try {
        fs.fchownSync(fd, existing.uid, existing.gid);
      } catch {
        /* a file system without owners: keep ours */
      }
    }
    // after fchown (which may clear set-id bits); the umask narrowed the create mode
    fs.fchmodSync(fd, mode);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
    tmp = '';
    syncFolder(dir);
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    if (tmp) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        /* already gone */
      }
    }
  }
}

/** The file a write lands in: a link's final target; a link to nothing is refused. */
function realTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  let link: fs.Stats | undefined;
  try {
    link = fs.lstatSync(file);
  } catch {
    /* nothing there: a new file in a real folder */
  }
  if (link?.isSymbolicLink()) throw new WriteRefusedError(file, 'dangling-link', 'a link to a file that does not exist');
  const dir = path.dirname(path.resolve(file));
  return path.join(fs.realpathSync(dir), path.basename(file));
}

function checkWritable(file: string, target: string, st: fs.Stats, options: WriteOptions): void {
  if (!st.isFile()) throw new WriteRefusedError(file, 'not-regular', 'not a regular file');
  if ((st.mode & 0o222) === 0) throw new WriteRefusedError(file, 'read-only', `read-only (mode ${(st.mode & 0o777).toString(8).padStart(4, '0')})`);
  try {
    fs.accessSync(target, fs.constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new WriteRefusedError(file, 'read-only', `not writable for this user (${code})`);
    throw e;
  }
  const x = options.expect;
  if (x && (x.dev !== st.dev || x.ino !== st.ino || x.size !== st.size || x.mtimeMs !== st.mtimeMs)) {
    throw new WriteRefusedError(file, 'changed', 'changed on disk since it was read');
  }
}

/**
 * Removes this tool's leftover temporary files next to `file` (its real folder), as a write there does:
 * `--fix` calls it for every letter it looks at, so a folder is cleaned even when nothing in it needs
 * a fix. Never fails.
 */
export function removeLeftoversNear(file: string): void {
  try {
    removeLeftovers(path.dirname(fs.realpathSync(file)));
  } catch {
    /* gone meanwhile */
  }
}

/** Removes this tool's leftover temporary files in `dir` (once per folder and process); never fails. */
function removeLeftovers(dir: string): void {
  if (cleaned.has(dir)) return;
  cleaned.add(dir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  const now = Date.now();
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const full = path.join(dir, name);
    try {
      const st = fs.lstatSync(full);
      // only plain files of ours (a link or someone else's file is left alone)
      if (!st.isFile() || (uid !== undefined && uid !== 0 && st.uid !== uid)) continue;
      if (now - st.mtimeMs > STALE_MS || !processAlive(Number(m[1]))) fs.unlinkSync(full);
    } catch {
      /* gone meanwhile, or not ours to remove */
    }
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Forgets which folders were cleaned (tests). */
export function resetLeftoverCleanup(): void {
  cleaned.clear();
}

/** fsync a folder (its entries); not possible on every platform (Windows), where it is skipped. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* not supported here */
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * `n` random bytes in hex. node:crypto is loaded here, when a file is written, not at start: loading it
 * costs every run of the CLI several milliseconds, and most runs write nothing.
 */
function randomHex(n: number): string {
  const { randomBytes } = require('crypto') as typeof import('crypto');
  return randomBytes(n).toString('hex');
}
