import * as fs from 'fs';
import * as path from 'path';

const cache = new Map<string, string | undefined>();

/**
 * Finds a file shipped with the tool (schemas/…, server/data/…) by walking up from this module's
 * folder, so it works from out/server/src/engine, from the esbuild bundles in dist/ and from an
 * installed package alike.
 */
export function findAsset(relative: string): string | undefined {
  if (cache.has(relative)) return cache.get(relative);
  let dir = __dirname;
  let found: string | undefined;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) {
      found = candidate;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  cache.set(relative, found);
  return found;
}
