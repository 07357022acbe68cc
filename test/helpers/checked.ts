import { AssertionError } from 'assert';

/*
 * Checked reads for tests under noUncheckedIndexedAccess: an element the test expects to exist is a test
 * failure with a message naming what is missing, never an `undefined` that a later assertion might accept
 * (`assert.equal(xs[3]?.fix, undefined)` passes on a missing finding).
 */

/**
 * `items[i]`, or an AssertionError when there is no such element. A negative `i` is missing too (not
 * counted from the end), so a failed `indexOf` (-1) fails here; use `last` for the last element.
 */
export function nth<T>(items: readonly T[], i: number, what = 'element'): T {
  const value = Number.isInteger(i) && i >= 0 ? items[i] : undefined;
  if (value === undefined) {
    throw new AssertionError({ message: `no ${what} at index ${i} (there ${items.length === 1 ? 'is' : 'are'} ${items.length})` });
  }
  return value;
}

/** The last of `items`, or an AssertionError when there is none. */
export function last<T>(items: readonly T[], what = 'element'): T {
  const value = items.at(-1);
  if (value === undefined) throw new AssertionError({ message: `no ${what}: the list is empty` });
  return value;
}
