import * as fs from 'fs';
import * as path from 'path';
import { ToolError } from './errors';

/** Reads a letter as UTF-8; an unreadable file is a ToolError naming it. */
export function readLetter(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ToolError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/**
 * Replaces a file's content safely:
 * - through a symbolic link, the link's target is written (fs.realpath) and the link stays a link;
 * - the new text goes to a sibling file in the target's folder (so the rename is atomic and never
 *   crosses file systems), created with the target's mode, fsynced, then renamed over the target;
 *   the folder is fsynced so the rename survives a crash;
 * - the sibling is removed on failure, so a failed write never leaves a half-written letter or litter.
 * Letter text is never written anywhere else (no temp folder).
 */
export function atomicWrite(file: string, text: string): void {
  let target: string;
  try {
    target = fs.realpathSync(file);
  } catch (e) {
    throw new ToolError(`${file}: cannot write fixes (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.imr-fix`);
  let fd: number | undefined;
  try {
    const st = fs.statSync(target);
    const mode = st.mode & 0o7777;
    fd = fs.openSync(tmp, 'wx', mode);
    fs.fchmodSync(fd, mode); // the umask may have narrowed it
    if (process.getuid?.() === 0) {
      try {
        fs.fchownSync(fd, st.uid, st.gid);
      } catch {
        /* keep the new owner */
      }
    }
    fs.writeFileSync(fd, text, 'utf8');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
    syncFolder(dir);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw new ToolError(`${file}: cannot write fixes (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
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
 * Whether output is coloured, as chalk/ESLint decide: `FORCE_COLOR` (0/false = off, anything else = on)
 * wins over `NO_COLOR` (set and not empty = off), which wins over "is the output a terminal".
 * `--color` / `--no-color` win over all of these.
 */
export function colorFromEnv(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}
