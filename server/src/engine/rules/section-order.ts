import { REQUIRED_ORDER, CANONICAL_HEADING } from '../parser/headings';
import { Rule } from './rule';

export const sectionOrder: Rule = {
  meta: {
    id: 'section-order',
    description: 'The standard sections appear out of order (HOW THE IMR FINAL DETERMINATION WAS MADE, then CLINICAL CASE SUMMARY, then IMR ISSUES, DECISIONS AND RATIONALES).',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    const seen = new Set<string>();
    const firsts = ctx.determination.sections.filter((s) => {
      if (seen.has(s.id) || !REQUIRED_ORDER.includes(s.id)) return false;
      seen.add(s.id);
      return true;
    });
    let maxRank = -1;
    let maxHeading = '';
    for (const s of firsts) {
      const rank = REQUIRED_ORDER.indexOf(s.id);
      if (rank < maxRank) {
        ctx.report({
          message: `Section "${CANONICAL_HEADING[s.id]}" must come before "${maxHeading}".`,
          range: s.headingRange,
        });
      } else {
        maxRank = rank;
        maxHeading = CANONICAL_HEADING[s.id];
      }
    }
  },
};
