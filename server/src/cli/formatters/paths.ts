import * as path from 'path';

/** A path relative to `cwd` with "/" separators when the file is inside it, else the absolute path. */
export function shownPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return file;
  return rel.split(path.sep).join('/');
}
