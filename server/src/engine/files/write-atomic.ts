import * as fs from 'fs';
import * as path from 'path';

/**
 * Replaces (or creates) a file's content safely — the one atomic writer for `--fix` and `imr export`:
 * - through a symbolic link, the link's target is written (fs.realpath) and the link stays a link;
 * - the new content goes to a sibling file in the target's folder (so the rename is atomic and never
 *   crosses file systems), created with the target's mode (0644 for a new file), fsynced, then renamed
 *   over the target; the folder is fsynced so the rename survives a crash;
 * - the sibling is removed on failure, so a failed write never leaves a half-written file or litter.
 * Nothing is written anywhere else (no temp folder). Errors are rethrown for the caller to report.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  let target = file;
  let existing: fs.Stats | undefined;
  try {
    target = fs.realpathSync(file);
    existing = fs.statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const mode = existing ? existing.mode & 0o7777 : 0o644;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    fs.fchmodSync(fd, mode); // the umask may have narrowed it
    if (existing && process.getuid?.() === 0) {
      try {
        fs.fchownSync(fd, existing.uid, existing.gid);
      } catch {
        /* keep the new owner */
      }
    }
    fs.writeFileSync(fd, data);
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
      /* never created */
    }
    throw e;
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
