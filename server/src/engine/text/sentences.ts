/**
 * Sentence boundaries in a rationale: a ".", "!" or "?" (and any closing quote or bracket) followed by
 * space and a capital, a digit, a quote or a bracket — except after abbreviations ("e.g.", "i.e.",
 * "Dr.", "vs.", "p. 98", "pp.", "No. 5", an initial) and inside numbers ("2.5 mg").
 */
export interface Span {
  start: number;
  end: number;
}

const BOUNDARY = /[.!?]["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(\[]?[A-Z0-9])/g;
/** What may stand before the word before a period (or the start of the 16 characters looked at). */
const BEFORE_WORD = /[\s("'\[]/;
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'dr', 'drs', 'mr', 'mrs', 'ms', 'vs', 'etc.al', 'al', 'p', 'pp', 'pg', 'pgs', 'fig', 'figs', 'approx',
  'jr', 'sr', 'st', 'vol', 'ch', 'chap', 'sec', 'secs', 'ed', 'eds', 'u.s', 'a.m', 'p.m', 'inc', 'co', 'corp', 'ltd', 'dept',
  'univ', 'ref', 'refs', 'tab', 'tabs', 'cf', 'viz', 'ca', 'est', 'max', 'min', 'mos', 'wk', 'wks', 'hr', 'hrs', 'yr', 'yrs', 'resp',
]);
/** Abbreviations only when a number follows ("No. 5", "Nos. 3-4"). */
const BEFORE_NUMBER = new Set(['no', 'nos', 'ver', 'art', 'para']);

export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    if (text[m.index] === '.' && !isSentenceEnd(text, m.index, end)) continue;
    pushTrimmed(text, start, end, out);
    start = end;
  }
  pushTrimmed(text, start, text.length, out);
  return out;
}

function isSentenceEnd(text: string, dot: number, next: number): boolean {
  const w = wordBefore(text, dot);
  if (w === undefined) return true;
  const word = w.toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  // an initial ("J. Smith"), but not the pronoun "I" or the answer "No."
  if (w.length === 1 && /[A-Z]/.test(w) && w !== 'I') return false;
  if (BEFORE_NUMBER.has(word) && /[0-9]/.test(text[next] ?? '')) return false;
  return true;
}

/**
 * The word just before a period, as /(?:^|[\s("'\[])([A-Za-z]+(?:\.[A-Za-z]+)*)$/ finds it in the 16
 * characters before it: the longest run of letters and single inner dots that ends there, when it
 * starts those 16 characters or follows a space, a bracket or a quote (a backward scan, no slice).
 */
function wordBefore(text: string, dot: number): string | undefined {
  const from = Math.max(0, dot - 16);
  let start = dot;
  // a run of letters, then another before each single dot
  while (start > from && isAsciiLetter(text.charCodeAt(start - 1))) {
    do start--;
    while (start > from && isAsciiLetter(text.charCodeAt(start - 1)));
    if (start - 2 < from || text[start - 1] !== '.' || !isAsciiLetter(text.charCodeAt(start - 2))) break;
    start--;
  }
  if (start === dot) return undefined;
  return start === from || BEFORE_WORD.test(text[start - 1]!) ? text.slice(start, dot) : undefined;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}

/**
 * The sentences of one text, split once: where the sentence around an offset starts and ends, by binary
 * search (a rationale with thousands of page references asks once per reference).
 */
export class SentenceIndex {
  private readonly spans: Span[];

  constructor(private readonly text: string) {
    this.spans = splitSentences(text);
  }

  /** The index of the first sentence for which `past(span)` holds (spans are ordered), or spans.length. */
  private first(past: (s: Span) => boolean): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1; // in [lo, hi): a span
      if (past(this.spans[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Offset where the sentence containing offset `at` starts (0 before the first sentence). */
  startBefore(at: number): number {
    const k = this.first((s) => s.start > at) - 1;
    return k >= 0 ? this.spans[k]!.start : 0; // k < spans.length: first() returns at most that
  }

  /** Offset where the sentence containing offset `at` ends: at its final punctuation, or the text's end. */
  endAfter(at: number): number {
    const s = this.spans[this.first((span) => span.end > at)];
    if (s === undefined) return this.text.length; // past the last sentence
    const text = this.text;
    let end = s.end;
    while (end > at && /["'\u201d\u2019)\]]/.test(text[end - 1] ?? '')) end--;
    return end > at && /[.!?]/.test(text[end - 1] ?? '') ? end - 1 : s.end;
  }
}
