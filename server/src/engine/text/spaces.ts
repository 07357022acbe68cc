/**
 * White space scans by character code, for the per-line tests the parser runs on every line: each
 * gives what the pattern named in its comment gives, without running a pattern or copying the line
 * (test/engine/linear-helpers.test.ts checks them against the patterns).
 */

/** `/\s/.test(String.fromCharCode(c))`: the characters JavaScript's `\s` (and `trim`) treat as white space. */
export function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `s.length - s.trimStart().length`: where the first character that is not white space is (`s.length` when none). */
export function leadingSpaceEnd(s: string): number {
  let i = 0;
  while (i < s.length && isWhiteSpace(s.charCodeAt(i))) i++;
  return i;
}

/** `s.trimEnd().length`: where the trailing white space starts. */
export function trailingSpaceStart(s: string): number {
  let e = s.length;
  while (e > 0 && isWhiteSpace(s.charCodeAt(e - 1))) e--;
  return e;
}

/** `/^\s*$/.test(s)` (also `/^[\s\f]*$/`): nothing but white space, or empty. */
export function isBlankText(s: string): boolean {
  return leadingSpaceEnd(s) === s.length;
}

/** `/:\s*$/.test(s)`: the last character that is not white space is a colon. */
export function endsWithColon(s: string): boolean {
  const e = trailingSpaceStart(s);
  return e > 0 && s.charCodeAt(e - 1) === 58;
}
