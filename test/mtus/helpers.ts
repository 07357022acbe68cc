import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Repository root, from out/test/mtus (compiled) or test/mtus (ts-node). */
export const repoRoot = path.resolve(__dirname, '..', '..', ...(path.basename(path.resolve(__dirname, '..', '..')) === 'out' ? ['..'] : []));

/** `list[i]`; fails the test, naming `what`, when the list has no such element. */
export function nth<T>(list: readonly T[], i: number, what: string): T {
  const x = list[i];
  if (x === undefined) throw new Error(`expected ${what} at index ${i}, but there are ${list.length} element(s)`);
  return x;
}

let tmpDir: string | undefined;
/** Writes a file into a per-run temporary folder and returns its absolute path. */
export function tmpFile(name: string, content: string | Buffer): string {
  if (!tmpDir) tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-test-'));
  const p = path.join(tmpDir, name);
  fs.writeFileSync(p, content);
  return p;
}

export function cleanupTmp(): void {
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  tmpDir = undefined;
}
