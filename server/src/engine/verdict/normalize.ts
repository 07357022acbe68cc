/**
 * The text the verdict reader matches against: lower case, straight quotes, single spaces, "n't" and
 * "cannot" spelled "not" / "can not", and PDF artefacts repaired ("nec- essary" → "necessary", "n ot" → "not",
 * "not-medically" → "not medically", "non-certified" → "non certified"). `map[i]` is the offset in the
 * original text of normalized character i, so a match maps back to the letter.
 */
export interface Normalized {
  text: string;
  map: number[];
}

/** Words that a hyphen inside them (a PDF line-wrap artefact) must not split. */
const JOINED_WORDS = new Set([
  'necessary', 'unnecessary', 'medically', 'clinically', 'appropriate', 'inappropriate', 'indicated', 'warranted',
  'unwarranted', 'reasonable', 'unreasonable', 'recommended', 'supported', 'unsupported', 'justified', 'unjustified',
  'certified', 'noncertified', 'authorized', 'approved', 'necessity', 'established', 'demonstrated', 'therefore',
  'consequently', 'accordingly', 'requested', 'request',
]);

/** What needs more than lower-casing: hyphenated words, "cannot", a split "n ot", runs of space or odd spaces, curly quotes. */
const SPECIAL = /\b[a-z]+(?=[-\u2010\u2011\u00ad])(?:[-\u2010\u2011\u00ad]\s?[a-z]+)+|\bcannot\b|\bn ot\b|\bno t\b|\s{2,}|[\t\n\r\f\u00a0]|[\u201c\u201d\u2018\u2019]|n['\u2019]t\b/g;
const NON_ASCII = /[^\x00-\x7f]/g;
const CONTRACTION = /^n['\u2019]t$/;
const HYPHEN = /[-\u2010\u2011\u00ad]\s?/g;
const CONTRACTED: Record<string, string> = { is: 'is', was: 'was', are: 'are', were: 'were', does: 'does', do: 'do', did: 'did', has: 'has', have: 'have', had: 'had', could: 'could', would: 'would', should: 'should', ca: 'can', wo: 'will', need: 'need' };

/**
 * A cheap test before SPECIAL: every SPECIAL match holds a character outside printable ASCII, a hyphen,
 * an apostrophe, two spaces or "cannot" — or is a split "not" (hasSplitNot). Most sentences hold none and
 * are only lower-cased.
 */
const MAYBE_SPECIAL = /[^\x20-\x7e]|[-']| {2}|cannot/;

export function normalize(src: string): Normalized {
  const n = normalizeText(src);
  return { text: n.text, map: n.map ?? identityMap(n.text.length) };
}

/**
 * normalize() without the identity map: `map` is undefined when normalized offset i is source offset i
 * (most sentences have nothing to rewrite, and the verdict reader maps only the offsets of its verdict).
 */
export function normalizeText(src: string): { text: string; map: number[] | undefined } {
  let lower = src.toLowerCase();
  if (lower.length !== src.length) lower = src.replace(NON_ASCII, ' ').toLowerCase();
  if (!MAYBE_SPECIAL.test(lower) && !hasSplitNot(lower)) return { text: lower, map: undefined };
  SPECIAL.lastIndex = 0;
  const first = SPECIAL.exec(lower);
  if (!first) return { text: lower, map: undefined };
  const parts: string[] = [];
  const map: number[] = [];
  let cursor = 0;
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    parts.push(lower.slice(from, to));
    for (let i = from; i < to; i++) map.push(i);
  };
  const put = (s: string, at: number, spread: boolean) => {
    parts.push(s);
    for (let i = 0; i < s.length; i++) map.push(spread ? at + i : at);
  };
  for (let m: RegExpExecArray | null = first; m; m = SPECIAL.exec(lower)) {
    const tok = m[0];
    const at = m.index;
    const c = tok.charCodeAt(0);
    if (CONTRACTION.test(tok)) {
      // "isn't" → "is not": the word before the "n't" is copied as it stands, then " not". The word is
      // the run of letters right before it, whatever precedes the run (a space, a line break, a bracket)
      copy(cursor, at);
      let wordStart = at;
      while (wordStart > cursor && isLowerLetter(lower.charCodeAt(wordStart - 1))) wordStart--;
      const word = lower.slice(wordStart, at);
      // only the listed words: never a key every object has ("constructor")
      const full = Object.hasOwn(CONTRACTED, word) ? CONTRACTED[word] : undefined;
      if (full === undefined) {
        copy(at, at + tok.length);
      } else {
        if (word === 'ca' || word === 'wo') {
          // replace the copied "ca"/"wo" by "can"/"will" (copy(cursor, at) above has just pushed the text
          // that ends with it: the word starts at or after the cursor)
          parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -word.length);
          map.length -= word.length;
          put(full, wordStart, false);
        }
        put(' not', at, false);
      }
      cursor = at + tok.length;
      continue;
    }
    copy(cursor, at);
    cursor = at + tok.length;
    if (tok === 'cannot') {
      put('can', at, true);
      put(' ', at + 3, false);
      put('not', at + 3, true);
    } else if (tok === 'n ot' || tok === 'no t') {
      // "not" split by a PDF's spacing: its letters, each at its own offset
      for (let i = 0; i < tok.length; i++) if (tok[i] !== ' ') put(tok[i]!, at + i, false);
    } else if (isLowerLetter(c)) {
      hyphenated(tok, at, put);
    } else if (c === 0x201c || c === 0x201d) put('"', at, false);
    else if (c === 0x2018 || c === 0x2019) put("'", at, false);
    else put(' ', at, false);
  }
  copy(cursor, lower.length);
  return { text: parts.join(''), map };
}

/** "n ot" or "no t": two substring scans, cheaper than the alternatives in MAYBE_SPECIAL for every sentence. */
function hasSplitNot(s: string): boolean {
  return s.includes('n ot') || s.includes('no t');
}

/** [0, 1, …, length - 1]. */
function identityMap(length: number): number[] {
  const map = new Array<number>(length);
  for (let i = 0; i < length; i++) map[i] = i;
  return map;
}

/** a-z (the text is lower-cased). */
function isLowerLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** A hyphenated word: joined when the whole is a verdict word, "non" split off a verdict word, else its parts as words. */
function hyphenated(tok: string, at: number, put: (s: string, at: number, spread: boolean) => void): void {
  const joined = tok.replace(HYPHEN, '');
  const isNon = joined.startsWith('non') && JOINED_WORDS.has(joined.slice(3));
  if (isNon || JOINED_WORDS.has(joined)) {
    // each letter keeps its own source offset; the hyphens (and the space after them) are dropped
    for (let i = 0; i < tok.length; i++) {
      const ch = tok[i]!;
      if (ch === ' ' || ch === '-' || ch === '\u2010' || ch === '\u2011' || ch === '\u00ad') continue;
      put(ch, at + i, false);
      if (isNon && i === 2) put(' ', at + i + 1, false);
    }
    return;
  }
  let last = 0;
  HYPHEN.lastIndex = 0;
  for (let m = HYPHEN.exec(tok); m; m = HYPHEN.exec(tok)) {
    put(tok.slice(last, m.index), at + last, true);
    put(' ', at + m.index, false);
    last = m.index + m[0].length;
  }
  put(tok.slice(last), at + last, true);
}
