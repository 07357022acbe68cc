import * as path from 'path';

/**
 * Control characters (C0, DEL, C1), line and paragraph separators and bidirectional controls, which a
 * file name or a quoted value may hold: printed raw they break a line of the report, move the cursor,
 * colour or retitle the terminal, or reorder what is shown. `\n` is kept when `keepNewlines`.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNPRINTABLE_KEEP_NL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `s` with every unprintable character (above) written as an escape: `\x1b`, `\u202e`. */
export function escapeControls(s: string, keepNewlines = false): string {
  return s.replace(keepNewlines ? UNPRINTABLE_KEEP_NL : UNPRINTABLE, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/** A file name for a person (the stylish report, a line on stderr): relative to `cwd`, control characters escaped. */
export function displayPath(cwd: string, file: string): string {
  return escapeControls(path.relative(cwd, file) || file);
}

/** A path relative to `cwd` with "/" separators when the file is inside it, else the absolute path. */
export function shownPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return file;
  return rel.split(path.sep).join('/');
}
