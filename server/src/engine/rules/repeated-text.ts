import { Range } from '../model/range';
import { SourceText } from '../text/source';
import { isWhiteSpace } from '../text/spaces';
import { Rule, RuleContext } from './rule';

/**
 * How long a repeated passage must be, in words, to be reported. Summaries of several visits repeat
 * short findings word for word ("Motor strength, sensation, and reflexes were normal.", 12 words in
 * two sentences, in a real letter); a pasted paragraph is longer.
 */
const MIN_WORDS = 20;

/** A passage of the letter read for repeats: the case summary, the "how made" text, each rationale. */
interface Block {
  start: number;
  end: number;
}

interface Repeat {
  /** Source offsets of the first and the second occurrence. */
  first: Block;
  second: Block;
  /** Where the text before the second occurrence ends (the end of the sentence before it). */
  before: number;
  words: number;
}

export const repeatedText: Rule = {
  meta: {
    id: 'repeated-text',
    description: 'A passage of 20 words or more appears twice in a row, word for word, in the case summary or in a rationale (a paste made twice).',
    defaultSeverity: 'warning',
    category: 'template',
    // removing a passage changes the letter's prose: the reviewer chooses
    fixable: false,
    hasSuggestions: true,
    messages: { repeated: 'This passage repeats the one on line {{firstLine}} word for word ({{words}} words).' },
  },
  check(ctx) {
    for (const block of blocks(ctx)) {
      for (const r of repeatsIn(ctx.source, block)) {
        const range = ctx.source.rangeOf(r.second.start, r.second.end);
        const first = ctx.source.rangeOf(r.first.start, r.first.end);
        ctx.report({
          messageId: 'repeated',
          params: { firstLine: first.start.line + 1, words: r.words },
          range,
          related: [{ message: 'First occurrence', range: first }],
          suggestions: [{ title: 'Remove the repeated passage', edits: [{ range: ctx.source.rangeOf(r.before, r.second.end), newText: '' }] }],
        });
      }
    }
  },
};

function blocks(ctx: RuleContext): Block[] {
  const src = ctx.source;
  const out: Block[] = [];
  const add = (from: Range['end'], to: Range['end']): void => {
    const start = src.offsetAt(from);
    const end = src.offsetAt(to);
    if (end > start) out.push({ start, end });
  };
  for (const s of ctx.determination.sections) if (s.id === 'clinicalCaseSummary' || s.id === 'howMade') add(s.headingRange.end, s.range.end);
  for (const item of ctx.determination.items) if (item.rationale) add(item.rationale.range.start, item.rationale.range.end);
  return out;
}

/**
 * The runs of sentences in a block that repeat the run right before them word for word (white space
 * aside), each reported once, at its second occurrence. Sentences are compared by a hash of their words,
 * and a run that qualifies is compared as text once. Each sentence is compared with the latest earlier
 * sentence of the same hash only: linear in the block.
 */
function repeatsIn(source: SourceText, block: Block): Repeat[] {
  const s = hashedSentences(source.text, block.start, block.end);
  const latest = new Map<number, number>();
  const out: Repeat[] = [];
  for (let j = 0; j < s.hash.length; j++) {
    const i = latest.get(s.hash[j]!);
    latest.set(s.hash[j]!, j);
    if (i === undefined) continue;
    let k = 0;
    let count = 0;
    while (j + k < s.hash.length && i + k < j && s.hash[i + k] === s.hash[j + k]) {
      count += s.words[j + k]!;
      k++;
    }
    // only a passage right after its first copy: a paste made twice. The same passage further on may be
    // another item's rationale that the layout did not separate (letters give two items one reasoning)
    if (count < MIN_WORDS || i + k !== j) continue;
    const first = { start: s.start[i]!, end: s.end[j - 1]! };
    const second = { start: s.start[j]!, end: s.end[j + k - 1]! };
    if (wordsOf(source.text, first) !== wordsOf(source.text, second)) continue;
    out.push({ first, second, before: s.end[j - 1]!, words: count });
    // the run's other sentences are part of this repeat
    for (let m = 1; m < k; m++) latest.set(s.hash[j + m]!, j + m);
    j += k - 1;
  }
  return out;
}

/** A passage's words joined by single spaces: how two passages the hashes pair are compared. */
function wordsOf(text: string, span: Block): string {
  return text.slice(span.start, span.end).split(/\s+/).join(' ');
}

interface HashedSentences {
  start: number[];
  end: number[];
  words: number[];
  hash: number[];
}

function push(out: HashedSentences, start: number, end: number, words: number, hash: number): void {
  out.start.push(start);
  out.end.push(end);
  out.words.push(words);
  out.hash.push(hash);
}

/**
 * The sentences of text[from, to) with, for each, its offsets, the number of its words and a hash of
 * its words (FNV-1a over the characters, one separator per run of white space), in one pass over the
 * characters and without copying them. A sentence ends at ".", "?" or "!" before white space, or at a
 * blank line. The end of an abbreviation ("e.g. ") ends one too: both copies of a passage are cut alike,
 * which is all the comparison needs.
 */
function hashedSentences(text: string, from: number, to: number): HashedSentences {
  const out: HashedSentences = { start: [], end: [], words: [], hash: [] };
  let start = -1;
  let end = 0;
  let h = 0;
  let words = 0;
  let space = true;
  let newlines = 0;
  let last = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isWhiteSpace(c)) {
      if (c === 10) newlines++;
      space = true;
      continue;
    }
    if (space) {
      if (start >= 0 && (newlines >= 2 || last === 46 || last === 63 || last === 33)) {
        push(out, start, end, words, h);
        start = -1;
      }
      newlines = 0;
      space = false;
      if (start < 0) {
        start = i;
        h = 0x811c9dc5;
        words = 0;
      } else {
        h = Math.imul(h ^ 32, 16777619);
      }
      words++;
    }
    h = Math.imul(h ^ c, 16777619);
    last = c;
    end = i + 1;
  }
  if (start >= 0) push(out, start, end, words, h);
  return out;
}
