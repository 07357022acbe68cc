/**
 * The text the verdict reader matches against: lower case, straight quotes, single spaces, "n't" and
 * "cannot" spelled "not" / "can not", and PDF hyphen artefacts repaired ("nec- essary" → "necessary",
 * "not-medically" → "not medically"). `map[i]` is the offset in the original text of normalized
 * character i, so a match maps back to the letter.
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

const TOKEN = /[A-Za-z]+(?:[-\u2010\u2011\u00ad]\s?[A-Za-z]+)*|\s+|[\s\S]/g;
const SPLIT = /([-\u2010\u2011\u00ad]\s?)/;

export function normalize(src: string): Normalized {
  const out: string[] = [];
  const map: number[] = [];
  const push = (s: string, at: number, spread = false) => {
    for (let i = 0; i < s.length; i++) {
      out.push(s[i]);
      map.push(spread ? at + i : at);
    }
  };
  TOKEN.lastIndex = 0;
  let lastSpace = true;
  for (let m = TOKEN.exec(src); m; m = TOKEN.exec(src)) {
    const tok = m[0];
    const at = m.index;
    const c = tok.charCodeAt(0);
    if (/^\s/.test(tok)) {
      if (!lastSpace) push(' ', at);
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      const lower = tok.toLowerCase();
      if (lower.length === tok.length && !SPLIT.test(lower)) {
        pushWord(lower, at);
        continue;
      }
      // a hyphenated word: joined when the whole is a verdict word, else its parts as words
      const parts = lower.split(SPLIT);
      const joined = parts.filter((_, i) => i % 2 === 0).join('');
      if (joined.startsWith('non') && JOINED_WORDS.has(joined.slice(3))) {
        // "non-certified", "non-medically": the negating prefix as its own word
        push('non', at, true);
        push(' ', at + 3);
        push(joined.slice(3), at + 3 + (parts[1]?.length ?? 0), true);
        continue;
      }
      if (JOINED_WORDS.has(joined)) {
        let off = at;
        for (let i = 0; i < parts.length; i++) {
          if (i % 2 === 0) push(parts[i], off, true);
          off += parts[i].length;
        }
        continue;
      }
      let off = at;
      for (let i = 0; i < parts.length; i++) {
        if (i % 2 === 0) pushWord(parts[i], off);
        else push(' ', off);
        off += parts[i].length;
      }
      continue;
    }
    if (tok === '\u201c' || tok === '\u201d') push('"', at);
    else if (tok === '\u2018' || tok === '\u2019') push("'", at);
    else push(tok, at);
  }
  return { text: out.join(''), map };

  /** A word, with "cannot" → "can not" and "isn't"-style contractions handled by the apostrophe branch below. */
  function pushWord(w: string, at: number) {
    if (w === 'cannot') {
      push('can', at, true);
      push(' ', at + 3);
      push('not', at + 3, true);
    } else push(w, at, true);
  }
}

/** "isn't" → "is not", "can't" → "can not", "won't" → "will not" (applied to the normalized text). */
const CONTRACTION = /\b([a-z]+)n'?t\b/g;
const CONTRACTED = new Set(['is', 'was', 'are', 'were', 'does', 'do', 'did', 'has', 'have', 'had', 'could', 'would', 'should', 'ca', 'wo', 'need']);

export function expandContractions(n: Normalized): Normalized {
  if (!n.text.includes("n't")) return n;
  const out: string[] = [];
  const map: number[] = [];
  let cursor = 0;
  CONTRACTION.lastIndex = 0;
  for (let m = CONTRACTION.exec(n.text); m; m = CONTRACTION.exec(n.text)) {
    if (!m[0].includes("'") || !CONTRACTED.has(m[1])) continue;
    for (let i = cursor; i < m.index; i++) {
      out.push(n.text[i]);
      map.push(n.map[i]);
    }
    const base = m[1] === 'ca' ? 'can' : m[1] === 'wo' ? 'will' : m[1];
    const at = n.map[m.index];
    for (const ch of `${base} not`) {
      out.push(ch);
      map.push(at);
    }
    cursor = m.index + m[0].length;
  }
  for (let i = cursor; i < n.text.length; i++) {
    out.push(n.text[i]);
    map.push(n.map[i]);
  }
  return { text: out.join(''), map };
}
