import { clearIndexCache, loadIndex } from './load';
import { IndexProblem, MtusIndex } from './types';

export interface IndexProvider {
  /** The bundled index plus `extraFiles`, loaded once per distinct list. */
  get(extraFiles: string[]): { index: MtusIndex; problems: IndexProblem[] };
  /** Forget cached loads (an index file changed). */
  clear(): void;
}

export function createIndexProvider(): IndexProvider {
  const cache = new Map<string, { index: MtusIndex; problems: IndexProblem[] }>();
  return {
    get(extraFiles) {
      const key = extraFiles.join('\u0000');
      let r = cache.get(key);
      if (!r) {
        r = loadIndex(extraFiles);
        cache.set(key, r);
      }
      return r;
    },
    clear() {
      cache.clear();
      clearIndexCache();
    },
  };
}
