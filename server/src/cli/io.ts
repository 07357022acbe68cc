import * as fs from 'fs';
import { writeFileAtomic } from '../engine';
import { ToolError } from './errors';

/** Reads a letter as UTF-8; an unreadable file is a ToolError naming it. */
export function readLetter(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ToolError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** Writes fixes back to a letter with the engine's atomic writer (through links, keeping its mode). */
export function atomicWrite(file: string, text: string): void {
  try {
    writeFileAtomic(file, text);
  } catch (e) {
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
