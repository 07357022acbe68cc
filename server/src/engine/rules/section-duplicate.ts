import { Rule } from './rule';

export const sectionDuplicate: Rule = {
  meta: {
    id: 'section-duplicate',
    description: 'A standard section heading appears more than once.',
    defaultSeverity: 'error',
    category: 'layout',
    fixable: false,
    hasSuggestions: false,
    messages: { duplicate: 'Duplicate section "{{section}}" (first on line {{firstLine}}).' },
  },
  check(ctx) {
    const first = new Map<string, number>();
    for (const s of ctx.determination.sections) {
      const line = first.get(s.id);
      if (line === undefined) {
        first.set(s.id, s.headingRange.start.line);
        continue;
      }
      ctx.report({
        messageId: 'duplicate',
        params: { section: s.canonical, firstLine: line + 1 },
        range: s.headingRange,
        related: [{ message: 'First occurrence', range: { start: { line, character: 0 }, end: { line, character: 0 } } }],
      });
    }
  },
};
