/**
 * Small linear scans that stand in for patterns a backtracking engine runs in quadratic time: each
 * gives what the pattern named in its comment gives (test/engine/linear-helpers.test.ts checks them
 * against the old patterns).
 */

/** Where the last line of `s` starts: after its last \n, \r, \u2028 or \u2029 (the characters `.` does not match), else 0. */
export function lastLineStart(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return i + 1;
  }
  return 0;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * `/[A-Za-z].*$/.exec(s)`: from the first ASCII letter of the last line of `s` to its end. The pattern
 * tries `.*$` from every letter before a line separator, each time up to the separator: quadratic on
 * a long run of letters followed by one.
 */
export function fromFirstLetterOfLastLine(s: string): { index: number; text: string } | undefined {
  for (let i = lastLineStart(s); i < s.length; i++) {
    if (isAsciiLetter(s.charCodeAt(i))) return { index: i, text: s.slice(i) };
  }
  return undefined;
}

/**
 * Where the run of characters that `inRun` accepts, ending at `end` (default: the end of `s`), starts;
 * `end` when the character before it is not one. Found from the end: a pattern such as `[\s,]+$` tries
 * the run from every character of a run that does not reach the end, each time to the run's end.
 */
export function runStartBefore(s: string, inRun: (c: string) => boolean, end = s.length): number {
  let e = end;
  while (e > 0 && inRun(s.charAt(e - 1))) e--;
  return e;
}

