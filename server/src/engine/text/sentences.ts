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
/** The word just before a period. */
const WORD_BEFORE = /(?:^|[\s("'\[])([A-Za-z]+(?:\.[A-Za-z]+)*)$/;
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
  const w = WORD_BEFORE.exec(text.slice(Math.max(0, dot - 16), dot))?.[1];
  if (w === undefined) return true;
  const word = w.toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  // an initial ("J. Smith"), but not the pronoun "I" or the answer "No."
  if (w.length === 1 && /[A-Z]/.test(w) && w !== 'I') return false;
  if (BEFORE_NUMBER.has(word) && /[0-9]/.test(text[next] ?? '')) return false;
  return true;
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
