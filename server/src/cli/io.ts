import { CheckedText, FileReadError, READ_LIMITS, readFdBounded, readTextChecked, writeFileAtomic, WriteOptions, WriteRefusedError } from '../engine';
import { ToolError } from './errors';

/**
 * Reads a letter through the engine's checked reader (regular files only, at most 8 MB); a file that
 * cannot be read is a ToolError naming it.
 */
export function readLetterChecked(file: string): CheckedText {
  try {
    return readTextChecked(file, READ_LIMITS.letter);
  } catch (e) {
    throw new ToolError(e instanceof FileReadError ? e.message : `${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** A letter's text (see readLetterChecked). */
export function readLetter(file: string): string {
  return readLetterChecked(file).text;
}

/** Standard input as text, at most a letter's byte limit (`cat /dev/zero | imr-lint --stdin` ends). */
export function readStdinChecked(): string {
  try {
    return readFdBounded(0, READ_LIMITS.letter, '<stdin>').toString('utf8');
  } catch (e) {
    throw new ToolError(e instanceof FileReadError ? e.message : `<stdin>: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/**
 * Writes fixes back to a letter with the engine's atomic writer (through links, keeping its mode and
 * owner). A refusal (read-only, changed since read) is returned as one phrase — nothing was written —
 * and the run goes on; a failure of the system (disk full, folder not writable) is a ToolError.
 */
export function atomicWrite(file: string, text: string, options?: WriteOptions): string | undefined {
  try {
    writeFileAtomic(file, text, options);
    return undefined;
  } catch (e) {
    if (e instanceof WriteRefusedError) return e.detail;
    throw new ToolError(`${file}: cannot write fixes (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
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
