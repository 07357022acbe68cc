/**
 * Levenshtein edit distance. With `limit`, stops as soon as the distance is certain to exceed it
 * and returns limit + 1 (cheap rejection of lines that are far from a heading).
 */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  // both rows hold at least b.length + 1 cells, and every index below is in [0, b.length]
  let prev = rowA;
  let cur = rowB;
  // only cells within `band` of the diagonal can stay within the limit (Ukkonen); others count as over it
  const band = Number.isFinite(limit) ? limit : Math.max(a.length, b.length);
  const over = band + 1;
  for (let j = 0; j <= b.length; j++) prev[j] = j <= band ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(b.length, i + band);
    cur[lo - 1] = lo === 1 ? i : over;
    let rowMin = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const v = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < b.length) cur[hi + 1] = over;
    if (rowMin > limit) return limit + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[b.length]!;
  return Math.min(d, Number.isFinite(limit) ? over : d);
}

/** Two reusable rows (the function is synchronous, so one pair serves every call). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
