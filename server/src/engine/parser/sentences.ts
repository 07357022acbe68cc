/**
 * Sentence bounds in a rationale's joined text. A sentence ends at ". " followed by a capital (or a
 * quote), at "!" or "?"; the periods of abbreviations letters use ("pg.", "p.", "pp.", "No.", "Dr.",
 * "e.g.") do not end one.
 */

/** Offset where the sentence containing offset `at` starts. */
export function sentenceStartBefore(text: string, at: number): number {
  for (let i = at - 1; i > 0; i--) {
    if (/[!?]/.test(text[i])) return i + 1;
    if (text[i] === '.' && /\s/.test(text[i + 1] ?? '') && /[A-Z"]/.test(text[i + 2] ?? '')) {
      const word = /(\S+)$/.exec(text.slice(Math.max(0, i - 6), i))?.[1] ?? '';
      if (!/^(pg|pgs|p|pp|No|ed|Dr|vs|al|e\.g|i\.e)$/i.test(word)) return i + 1;
    }
  }
  return 0;
}

/** Offset where the sentence containing offset `at` ends (at its final punctuation, or the text's end). */
export function sentenceEndAfter(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    if (/[!?]/.test(text[i])) return i;
    if (text[i] === '.' && /\s/.test(text[i + 1] ?? ' ') && /[A-Z"]|^$/.test(text[i + 2] ?? '')) {
      const word = /(\S+)$/.exec(text.slice(Math.max(0, i - 6), i))?.[1] ?? '';
      if (!/^(pg|pgs|p|pp)$/i.test(word)) return i;
    }
  }
  return text.length;
}
