import { Range } from '../model/range';
import { SourceText } from '../text/source';
import { splitSentences } from '../text/sentences';
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
 * aside), each reported once, at its second occurrence. Each sentence is compared with the latest
 * earlier sentence of the same words only, and a run never overlaps the run it repeats: linear in the
 * block's sentences, whatever repeats.
 */
function repeatsIn(source: SourceText, block: Block): Repeat[] {
  const text = source.text.slice(block.start, block.end);
  const spans = sentencesOf(text);
  const keys = spans.map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' '));
  const words = keys.map((k) => k.split(' ').length);
  const latest = new Map<string, number>();
  const out: Repeat[] = [];
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j]!;
    const i = latest.get(key);
    latest.set(key, j);
    if (i === undefined) continue;
    let k = 0;
    let count = 0;
    while (j + k < keys.length && i + k < j && keys[i + k] === keys[j + k]) {
      count += words[j + k]!;
      k++;
    }
    // only a passage right after its first copy: a paste made twice. The same passage further on may be
    // another item's rationale that the layout did not separate (letters give two items one reasoning)
    if (count < MIN_WORDS || i + k !== j) continue;
    const at = (o: number): number => block.start + o;
    out.push({
      first: { start: at(spans[i]!.start), end: at(spans[i + k - 1]!.end) },
      second: { start: at(spans[j]!.start), end: at(spans[j + k - 1]!.end) },
      before: at(spans[j - 1]!.end),
      words: count,
    });
    // the run's other sentences are part of this repeat
    for (let m = 1; m < k; m++) latest.set(keys[j + m]!, j + m);
    j += k - 1;
  }
  return out;
}

/** The sentences of a text, a blank line ending one too ("…all medical records:" then a paragraph). */
function sentencesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const breaks = /\n[ \t\f]*\n\s*/g;
  let from = 0;
  const add = (end: number): void => {
    for (const s of splitSentences(text.slice(from, end))) out.push({ start: from + s.start, end: from + s.end });
  };
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    add(m.index);
    from = m.index + m[0].length;
  }
  add(text.length);
  return out;
}

