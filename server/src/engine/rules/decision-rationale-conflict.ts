import { Rule } from './rule';

export const decisionRationaleConflict: Rule = {
  meta: {
    id: 'decision-rationale-conflict',
    description: 'The decision contradicts the rationale: Upheld while the rationale concludes the request is medically necessary, or Overturned while it concludes it is not.',
    defaultSeverity: 'error',
    category: 'decision',
    fixable: false,
    hasSuggestions: false,
  },
  check(ctx) {
    for (const item of ctx.determination.items) {
      const r = item.rationale;
      if (!item.decision || !item.decisionRange || !r?.conclusion || !r.conclusionRange) continue;
      const d = item.decision.toLowerCase();
      const conflict =
        (d === 'upheld' && r.conclusion === 'medically-necessary') || (d === 'overturned' && r.conclusion === 'not-medically-necessary');
      if (!conflict) continue;
      const said = r.conclusion === 'medically-necessary' ? 'medically necessary' : 'not medically necessary';
      ctx.report({
        message: `Decision "${item.decision}" contradicts the rationale, which concludes the request is ${said}.`,
        range: item.decisionRange,
        related: [{ message: `The rationale concludes: ${said}`, range: r.conclusionRange }],
      });
      // and where the rationale says it, so the contradiction is visible from either side
      if (r.conclusionRange.start.line !== item.decisionRange.start.line) {
        ctx.report({
          message: `The rationale concludes the request is ${said}, but the decision is "${item.decision}".`,
          range: r.conclusionRange,
          related: [{ message: `Decision: ${item.decision}`, range: item.decisionRange }],
        });
      }
    }
  },
};
