import { Rule, replace } from './rule';

export const headingFormat: Rule = {
  meta: {
    id: 'heading-format',
    description: 'A standard section heading is misspelled or not in the canonical case and punctuation.',
    defaultSeverity: 'error',
    category: 'layout',
    fixable: true,
    hasSuggestions: false,
  },
  check(ctx) {
    for (const s of ctx.determination.sections) {
      if (s.exact) continue;
      ctx.report({
        message: `Heading "${s.heading}" should be "${s.canonical}".`,
        range: s.headingRange,
        fix: replace(s.headingRange, s.canonical, `Replace with "${s.canonical}"`),
      });
    }
  },
};
