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
 * Replaces a file's content atomically: write a sibling file in the same folder, then rename it over
 * the original (so a crash never leaves a half-written letter). The sibling is removed on failure.
 */
export function atomicWrite(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.imr-fix`);
  try {
    let mode: number | undefined;
    try {
      mode = fs.statSync(file).mode;
    } catch {
      mode = undefined;
    }
    fs.writeFileSync(tmp, text, { encoding: 'utf8', mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw new ToolError(`${file}: cannot write fixes (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}
