/**
 * Which entries of a sequence are out of order: those left out by some longest non-decreasing
 * subsequence of minimal complement. With one misplaced entry this is that entry; when the choice is
 * ambiguous (two adjacent entries swapped), both candidates are returned. Sequences here are short.
 */
export function outOfOrder(values: readonly number[]): Set<number> {
  const n = values.length;
  const blamed = new Set<number>();
  if (n > 16 || isNonDecreasing(values)) return blamed; // in order (the usual case): no subset to try
  let best = n;
  for (let mask = 0; mask < 1 << n; mask++) {
    let bits = 0;
    for (let m = mask; m; m &= m - 1) bits++;
    if (bits > best) continue;
    let prev = -Infinity;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      if (mask & (1 << i)) continue;
      const v = values[i]!; // i < n, the length of values
      if (v < prev) ok = false;
      else prev = v;
    }
    if (!ok) continue;
    if (bits < best) {
      best = bits;
      blamed.clear();
    }
    for (let i = 0; i < n; i++) if (mask & (1 << i)) blamed.add(i);
  }
  return blamed;
}

function isNonDecreasing(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) return false;
  return true;
}
