import { Rule } from './rule';

/** An item's text as compared: case, spacing and final punctuation aside. */
function key(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[.,;:]+$/, '').toLowerCase();
}

export const itemDuplicate: Rule = {
  meta: {
    id: 'item-duplicate',
    description: 'A disputed item is listed twice, with the same text.',
    defaultSeverity: 'warning',
    category: 'decision',
    fixable: false,
    hasSuggestions: false,
    messages: { duplicate: 'This disputed item is listed twice: its text is the same as the item on line {{firstLine}}.' },
  },
  check(ctx) {
    const first = new Map<string, number>();
    for (const item of ctx.determination.items) {
      const k = key(item.text);
      if (!k) continue;
      const line = first.get(k);
      if (line === undefined) {
        first.set(k, item.textRange.start.line);
        continue;
      }
      ctx.report({
        messageId: 'duplicate',
        params: { firstLine: line + 1 },
        range: item.textRange,
        related: [{ message: 'First listed', range: { start: { line, character: 0 }, end: { line, character: 0 } } }],
      });
    }
  },
};
