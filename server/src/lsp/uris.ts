import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { CONFIG_FILE_NAMES } from '../engine';

/** The file system path of a `file:` URI, or undefined for other schemes (untitled:, vscode-notebook-cell: …). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

/** Same file, whatever URI spelling the client uses (percent-encoding, drive letter case). */
export function sameFile(a: string, b: string): boolean {
  const norm = (p: string) => (process.platform === 'win32' ? path.resolve(p).toLowerCase() : path.resolve(p));
  return norm(a) === norm(b);
}

export function isConfigFileUri(uri: string): boolean {
  const p = uriToPath(uri) ?? uri;
  return (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(p));
}

/** Letters: language id `imr`, or a `.imr` / `.imr.txt` name when the client sends another id. */
export function isLetter(languageId: string, uri: string): boolean {
  return languageId === 'imr' || /\.imr(\.txt)?$/i.test(uri);
}

/** The workspace folder (path) that contains `file`, the deepest one when folders nest. */
export function folderOf(folders: readonly string[], file: string | undefined): string | undefined {
  if (!file) return folders[0];
  let best: string | undefined;
  for (const f of folders) {
    const rel = path.relative(f, file);
    if (!rel.startsWith('..') && !path.isAbsolute(rel) && (!best || f.length > best.length)) best = f;
  }
  return best ?? folders[0];
}
