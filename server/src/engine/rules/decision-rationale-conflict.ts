import { Rule } from './rule';

/**
 * Upheld means the request is not medically necessary; Overturned means it is. The rationale's verdict
 * comes from the verdict reader (engine/verdict): only a verdict it reads without doubt is compared; an
 * `unclear` conclusion is never reported.
 */
export const decisionRationaleConflict: Rule = {
  meta: {
    id: 'decision-rationale-conflict',
    description: 'The decision contradicts the rationale: Upheld while the rationale concludes the request is medically necessary, or Overturned while it concludes it is not.',
    defaultSeverity: 'error',
    category: 'decision',
    fixable: false,
    hasSuggestions: false,
    messages: {
      upheldButNecessary: 'Decision "Upheld" contradicts the rationale, which concludes the request is medically necessary.',
      overturnedButNotNecessary: 'Decision "Overturned" contradicts the rationale, which concludes the request is not medically necessary.',
    },
  },
  check(ctx) {
    for (const item of ctx.determination.items) {
      const r = item.rationale;
      if (!item.decision || !item.decisionRange || !r?.conclusionRange) continue;
      const d = item.decision.toLowerCase();
      const upheldButNecessary = d === 'upheld' && r.conclusion === 'medically-necessary';
      const overturnedButNot = d === 'overturned' && r.conclusion === 'not-medically-necessary';
      if (!upheldButNecessary && !overturnedButNot) continue;
      const said = upheldButNecessary ? 'medically necessary' : 'not medically necessary';
      ctx.report({
        messageId: upheldButNecessary ? 'upheldButNecessary' : 'overturnedButNotNecessary',
        range: item.decisionRange,
        related: [{ message: `The rationale concludes: ${said}`, range: r.conclusionRange }],
      });
      // one mistake, one finding: at the decision; the conclusion is its related location (shown with it)
    }
  },
};
