import { Rule, replace } from './rule';

export const headingFormat: Rule = {
  meta: {
    id: 'heading-format',
    description: 'A standard section heading is misspelled or not in the canonical case and punctuation.',
    defaultSeverity: 'error',
    category: 'layout',
    fixable: true,
    hasSuggestions: false,
    messages: { notCanonical: 'Heading "{{heading}}" should be "{{canonical}}".' },
  },
  check(ctx) {
    for (const s of ctx.determination.sections) {
      if (s.exact) continue;
      ctx.report({
        messageId: 'notCanonical',
        data: { heading: s.heading },
        params: { canonical: s.canonical },
        range: s.headingRange,
        fix: replace(s.headingRange, s.canonical, `Replace with "${s.canonical}"`),
      });
    }
  },
};
