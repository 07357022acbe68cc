import { normalizeName } from '../mtus/lookup';
import { citations } from './citation-walk';
import { Rule } from './rule';

export const citationGuidelineUnknown: Rule = {
  meta: {
    id: 'citation-guideline-unknown',
    description: 'A guideline line cites an MTUS guideline (name and year) that the MTUS index does not have.',
    defaultSeverity: 'warning',
    category: 'citation',
    fixable: false,
    hasSuggestions: false,
    messages: { unknown: 'Unknown MTUS guideline "{{guideline}}": not in the MTUS index.{{hint}}' },
  },
  check(ctx) {
    for (const { citation } of citations(ctx.determination)) {
      if (citation.guidelineId) continue;
      const name = citation.year ? `${citation.guideline} ${citation.year}` : citation.guideline;
      const wanted = normalizeName(citation.guideline);
      const editions = ctx.index.guidelines
        .filter((g) => g.names.some((n) => normalizeName(n) === wanted))
        .map((g) => String(g.year));
      const hint = editions.length > 0 ? ` The index has it for ${[...new Set(editions)].join(', ')}.` : '';
      ctx.report({
        messageId: 'unknown',
        data: { guideline: name },
        params: { hint },
        range: citation.guidelineRange,
      });
    }
  },
};
