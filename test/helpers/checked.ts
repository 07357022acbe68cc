import { AssertionError } from 'assert';

/*
 * Checked reads for tests under noUncheckedIndexedAccess: an element the test expects to exist is a test
 * failure with a message naming what is missing, never an `undefined` that a later assertion might accept
 * (`assert.equal(xs[3]?.ruleId, undefined)` passes on a missing finding).
 */

/** `items[i]` (a negative `i` counts from the end), or an AssertionError when there is no such element. */
export function nth<T>(items: readonly T[], i: number, what = 'element'): T {
  const value = Number.isInteger(i) ? items.at(i) : undefined;
  if (value === undefined) {
    throw new AssertionError({ message: `no ${what} at index ${i} (there ${items.length === 1 ? 'is' : 'are'} ${items.length})` });
  }
  return value;
}

/** `value`, or an AssertionError saying `what` is missing (for reads such as `map.get(k)` or a regex match). */
export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new AssertionError({ message: `missing: ${what}` });
  return value;
}
