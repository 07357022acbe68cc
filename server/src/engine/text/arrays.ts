/**
 * Array helpers for lists whose length the input decides (findings, problems, candidates, words):
 * `target.push(...items)` and `Math.max(...items)` pass every element as an argument and overflow the
 * call stack at roughly 100,000 of them ("Maximum call stack size exceeded"); these loop instead.
 */

/** Appends every item of `items` to `target` (in place) and returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}

/** The largest of `values`, or `empty` when there is none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let m = empty;
  let any = false;
  for (const v of values) {
    m = any ? Math.max(m, v) : v;
    any = true;
  }
  return any ? m : empty;
}
