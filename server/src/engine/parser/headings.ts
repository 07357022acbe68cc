import { levenshtein } from '../text/distance';
import { HeadingSpec, STANDARD_HEADINGS } from '../vocabulary';

export interface HeadingMatch {
  spec: HeadingSpec;
  exact: boolean;
}

const MAX_LEN = Math.max(...STANDARD_HEADINGS.map((h) => h.canonical.length)) + 8;

/**
 * Classifies a trimmed line as a standard heading (exact), a near miss of one (case, punctuation or a
 * small misspelling), or nothing. Cheap for prose lines: length and letter-case filters run first.
 */
/** First letters of the standard headings (a near miss keeps its first or its last letters). */
const FIRST = new Set(STANDARD_HEADINGS.map((h) => h.canonical[0]));
const LAST3 = new Set(STANDARD_HEADINGS.map((h) => h.canonical.slice(-3)));
/** The ASCII ones of LAST3 as numbers, three codes in one (what ASCII text can match). */
const LAST3_CODES = new Set([...LAST3].filter((t) => /^[\x00-\x7f]{3}$/.test(t)).map((t) => (t.charCodeAt(0) << 16) | (t.charCodeAt(1) << 8) | t.charCodeAt(2)));

/** Upper case of an ASCII character code; -1 for any other (whose upper case is left to toUpperCase). */
function asciiUpper(c: number): number {
  if (c >= 97 && c <= 122) return c - 32;
  return c < 128 ? c : -1;
}

/**
 * `FIRST.has(first letter, upper case) || LAST3.has(last three, upper case)`, by character codes for
 * ASCII text: no one- and three-character strings made for every line of the letter.
 */
function keepsHeadingEnds(trimmed: string): boolean {
  const first = asciiUpper(trimmed.charCodeAt(0));
  if (first < 0 ? FIRST.has(trimmed.charAt(0).toUpperCase()) : FIRST.has(String.fromCharCode(first))) return true;
  const n = trimmed.length;
  const a = asciiUpper(trimmed.charCodeAt(n - 3));
  const b = asciiUpper(trimmed.charCodeAt(n - 2));
  const c = asciiUpper(trimmed.charCodeAt(n - 1));
  if (a < 0 || b < 0 || c < 0) return LAST3.has(trimmed.slice(-3).toUpperCase());
  return LAST3_CODES.has((a << 16) | (b << 8) | c);
}

export function matchHeading(trimmed: string): HeadingMatch | undefined {
  if (trimmed.length < 10 || trimmed.length > MAX_LEN) return undefined;
  if (!keepsHeadingEnds(trimmed)) return undefined;
  for (const spec of STANDARD_HEADINGS) {
    if (trimmed === spec.canonical) return { spec, exact: true };
  }
  // Prose sentences are not headings: they end with a period or have many lowercase words after a capital.
  // (collapsing white space keeps the last character: tested before the copy is made)
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (last === 46 || last === 59) return undefined;
  const collapsed = trimmed.replace(/\s+/g, ' ');
  const upper = collapsed.toUpperCase().replace(/[:\s]+$/, '');
  let best: HeadingMatch | undefined;
  let bestDistance = Infinity;
  for (const spec of STANDARD_HEADINGS) {
    if (Math.abs(upper.length - spec.canonical.length) > 4) continue;
    // a near miss keeps the start or the end of the heading
    if (upper.slice(0, 3) !== spec.canonical.slice(0, 3) && upper.slice(-3) !== spec.canonical.slice(-3)) continue;
    const limit = Math.max(1, Math.floor(spec.canonical.length * 0.12));
    const d = levenshtein(upper, spec.canonical, limit);
    if (d <= limit && d < bestDistance) {
      bestDistance = d;
      best = { spec, exact: false };
    }
  }
  return best;
}
