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
    const ranked = firsts.map((s) => ({ s, rank: REQUIRED_ORDER.indexOf(s.id) }));
    for (const i of outOfOrder(ranked.map((r) => r.rank))) {
      const { s, rank } = ranked[i]!; // an index of the ranks given
      const before = ranked.filter((x, j) => j < i && x.rank > rank).map((x) => CANONICAL_HEADING[x.s.id]);
      const after = ranked.filter((x, j) => j > i && x.rank < rank).map((x) => CANONICAL_HEADING[x.s.id]);
      const [relation, other] = before.length > 0 ? ['before', before[0]] : ['after', after[0]];
      // a section outOfOrder blames is out of order with another one (else a longest ordered run would include it)
      if (other === undefined) continue;
      ctx.report({ messageId: 'outOfOrder', params: { section: CANONICAL_HEADING[s.id], relation, other }, range: s.headingRange });
    }
  },
};
