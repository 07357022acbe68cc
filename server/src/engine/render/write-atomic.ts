import * as fs from 'fs';
import * as path from 'path';

/**
 * Writes `data` to `file` atomically: a temporary file in the same folder holds the new content
 * (the exported output only, never a copy of the letter) and is renamed over the target, so a reader
 * never sees a half-written file. The temporary file is removed when anything fails; the error is
 * rethrown for the caller to report.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx', mode: 0o644 });
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw e;
  }
}
