import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Repository root, from out/test/mtus (compiled) or test/mtus (ts-node). */
export const repoRoot = path.resolve(__dirname, '..', '..', ...(path.basename(path.resolve(__dirname, '..', '..')) === 'out' ? ['..'] : []));

/** Checked reads (test/helpers/checked.ts), for the index tests that import these helpers. */
export { nth } from '../helpers/checked';

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
