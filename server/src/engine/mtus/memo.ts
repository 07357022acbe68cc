/**
 * The bounds and helpers shared by the memos of the MTUS lookups (normalizeName, guidelines by name,
 * findTopic, splitSectionList); each memo is declared beside its lookup.
 */

/** The longest input the memos of the lookups keep (a name is under 100 characters). */
export const MEMO_MAX_KEY = 200;

/*
 * Memos of pure lookups, per (immutable) index or guideline object: every letter cites the same few
 * guideline and section names. Only short inputs are kept (MEMO_MAX_KEY, above) and each memo is
 * emptied when full, so a hostile letter cannot grow them.
 */
const MEMO_MAX_ENTRIES = 2000;

export function memoOf<K extends object, V>(memos: WeakMap<K, Map<string, V>>, owner: K): Map<string, V> {
  let memo = memos.get(owner);
  if (!memo) {
    memo = new Map();
    memos.set(owner, memo);
  }
  return memo;
}

export function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
  memo.set(key, value);
}
