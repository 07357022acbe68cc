import { REQUIRED_ORDER, CANONICAL_HEADING } from '../vocabulary';
import { outOfOrder } from './out-of-order';
import { Rule } from './rule';

export const sectionOrder: Rule = {
  meta: {
    id: 'section-order',
    description: 'The standard sections appear out of order (HOW THE IMR FINAL DETERMINATION WAS MADE, then CLINICAL CASE SUMMARY, then IMR ISSUES, DECISIONS AND RATIONALES).',
    defaultSeverity: 'error',
    category: 'layout',
    fixable: false,
    hasSuggestions: false,
    messages: { outOfOrder: 'Section "{{section}}" is out of order: it must come {{relation}} "{{other}}".' },
  },
  check(ctx) {
    const seen = new Set<string>();
    const firsts = ctx.determination.sections.filter((s) => {
      if (seen.has(s.id) || !REQUIRED_ORDER.includes(s.id)) return false;
      seen.add(s.id);
      return true;
    });
    const ranks = firsts.map((s) => REQUIRED_ORDER.indexOf(s.id));
    for (const i of outOfOrder(ranks)) {
      const s = firsts[i];
      const rank = ranks[i];
      const before = firsts.filter((_, j) => j < i && ranks[j] > rank).map((x) => CANONICAL_HEADING[x.id]);
      const after = firsts.filter((_, j) => j > i && ranks[j] < rank).map((x) => CANONICAL_HEADING[x.id]);
      const [relation, other] = before.length > 0 ? ['before', before[0]] : ['after', after[0]];
      ctx.report({ messageId: 'outOfOrder', params: { section: CANONICAL_HEADING[s.id], relation, other }, range: s.headingRange });
    }
  },
};
