/**
 * Normalized guideline and topic names, the keys every lookup compares: normalizeName (remembered for
 * short names), parenthesized parts removed, a final "Guideline(s)" removed.
 */
import { runStartBefore } from '../text/scan';
import { MEMO_MAX_KEY } from './memo';

/**
 * Normalizes a guideline or topic name for comparison: Unicode-compatible form, lowercase,
 * ®/™/© removed, dashes unified to "-", a PDF wrap artefact "Electro- diagnostic" rejoined,
 * " & " read as " and ", spacing around commas and colons unified, whitespace collapsed,
 * trailing punctuation dropped.
 */
export function normalizeName(s: string): string {
  // only a name is remembered: a longer text (a run-on section list, a paste) is normalized each time
  if (s.length > MEMO_MAX_KEY) return normalizeUncached(s);
  let n = normalizedCache.get(s);
  if (n === undefined) {
    n = normalizeUncached(s);
    if (normalizedCache.size >= 10000) normalizedCache.clear();
    normalizedCache.set(s, n);
  }
  return n;
}

const normalizedCache = new Map<string, string>();

/*
 * Patterns that start with a run of spaces (or of trailing punctuation) start only where the run
 * starts, `(?<!…)`: tried from every character of a long run that does not end in the expected
 * character, they would rescan the rest of the run from each one (quadratic).
 */
const AMPERSAND = /(?<!\s)\s+&\s+/g;
const COMMA = /(?:(?<!\s)\s+)?,\s*/g;
const COLON = /(?:(?<!\s)\s+)?:\s*/g;
const TRAILING_PUNCTUATION = /(?<![\s.,;:])[\s.,;:]+$/u;

const isWhiteSpace = (c: string): boolean => /\s/.test(c);

/** Whether a UTF-16 code unit is one of TRAILING_PUNCTUATION's characters (`\s`, `.`, `,`, `;`, `:`). */
function isTrailingPunctuation(c: string): boolean {
  return c === '.' || c === ',' || c === ';' || c === ':' || isWhiteSpace(c);
}

/**
 * `s` with its final run of white space and `.,;:` cut to the run's first character: what the
 * normalization removes at its end anyway (the first character is kept for a pattern that needs one
 * after the text before it, as " & " does). A run of a million colons was otherwise rewritten to
 * ": " a million times before being removed (half a second, most of it garbage collection).
 */
function withShortTrailingRun(s: string): string {
  const e = runStartBefore(s, isTrailingPunctuation);
  return e + 1 >= s.length ? s : s.slice(0, e + 1);
}

function normalizeUncached(s: string): string {
  const n = withShortTrailingRun(s)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[®™©]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/(\p{L})- +(\p{Ll})/gu, '$1-$2')
    .replace(AMPERSAND, ' and ')
    .replace(COMMA, ', ')
    .replace(COLON, ': ');
  return spacedAndTrimmed(n);
}

/** Removes parenthesized / bracketed parts: "tramadol (ultram)" -> "tramadol". Input already normalized. */
export function stripParenthesized(n: string): string {
  // without a bracket there is nothing to remove: no pass over the characters (most names have none)
  if (!n.includes('(') && !n.includes('[')) return spacedAndTrimmed(n);
  // one pass with a stack of open brackets: each closing bracket removes the group it closes with the
  // spaces before it (what removing innermost groups until none is left gives, without a pass per level)
  const out: string[] = [];
  const open: number[] = [];
  for (const c of n) {
    if (c === '(' || c === '[') {
      let at = out.length;
      while (at > 0 && /\s/.test(out[at - 1]!)) at--;
      open.push(at);
      out.push(c);
    } else if ((c === ')' || c === ']') && open.length > 0) {
      out.length = open.pop() as number;
    } else out.push(c);
  }
  return spacedAndTrimmed(out.join(''));
}

/** White space runs as one space, without the trailing punctuation and the spaces around (the last steps of a normalized name). */
function spacedAndTrimmed(s: string): string {
  return s.replace(/\s+/g, ' ').replace(TRAILING_PUNCTUATION, '').trim();
}

/**
 * `s` without a final "Guideline(s)" and the spaces before it, as /\s+Guidelines?$/i removes them, but
 * found from the end: that pattern rescans a run of spaces from each of its characters (quadratic).
 */
export function withoutGuidelinesWord(s: string): string {
  const at = guidelinesWordAt(s);
  if (at <= 0 || !isWhiteSpace(s.charAt(at - 1))) return s;
  return s.slice(0, runStartBefore(s, isWhiteSpace, at));
}

const GUIDELINE_WORD = 'guideline';

/**
 * Where /Guidelines?$/i matches `s`, or -1: compared from the end (the pattern is tried from every
 * character of `s`). The comparison folds ASCII case only, as the pattern (no `u` flag) does.
 */
function guidelinesWordAt(s: string): number {
  const end = s.length > 0 && (s.charCodeAt(s.length - 1) | 0x20) === 0x73 ? s.length - 1 : s.length; // a final "s"
  const at = end - GUIDELINE_WORD.length;
  if (at < 0) return -1;
  for (let i = 0; i < GUIDELINE_WORD.length; i++) {
    if ((s.charCodeAt(at + i) | 0x20) !== GUIDELINE_WORD.charCodeAt(i)) return -1;
  }
  return at;
}
