import { normalizeName } from '../mtus/names';
import { suggestGuideline } from '../mtus/guidelines';
import { citations } from './citation-walk';
import { Rule, replaceWrapped } from './rule';

export const citationGuidelineUnknown: Rule = {
  meta: {
    id: 'citation-guideline-unknown',
    description: 'A guideline line cites an MTUS guideline (name and year) that the MTUS index does not have.',
    defaultSeverity: 'warning',
    category: 'citation',
    fixable: false,
    hasSuggestions: true,
    messages: {
      unknown: 'Unknown MTUS guideline "{{guideline}}": not in the MTUS index.{{hint}}',
      unnamed: 'The MTUS citation names no guideline{{year}}: write the guideline\'s name before it.',
    },
  },
  check(ctx) {
    for (const { citation } of citations(ctx.determination)) {
      if (citation.guidelineId) continue;
      if (!citation.guideline) {
        // "Decision based on MTUS (Effective July 18, 2009) Physical Medicine Page(s): …": only a year or a date
        ctx.report({ messageId: 'unnamed', params: { year: citation.year ? `, only the year ${citation.year}` : '' }, range: citation.range });
        continue;
      }
      const name = citation.year ? `${citation.guideline} ${citation.year}` : citation.guideline;
      const wanted = normalizeName(citation.guideline);
      const editions = ctx.index.guidelines
        .filter((g) => g.names.some((n) => normalizeName(n) === wanted))
        .map((g) => String(g.year));
      let hint = editions.length > 0 ? ` The index has it for ${[...new Set(editions)].join(', ')}.` : '';
      // a misspelled name: the nearest guideline, offered as a suggestion (it changes what is cited)
      const near = editions.length === 0 ? suggestGuideline(ctx.index, citation.guideline, citation.year) : undefined;
      if (near) hint = ` Did you mean "${near.name} ${near.guideline.year}"?`;
      ctx.report({
        messageId: 'unknown',
        data: { guideline: name },
        params: { hint },
        range: citation.guidelineRange,
        suggestions: near ? [replaceWrapped(ctx.source, citation.guidelineRange, near.name, `Replace with "${near.name}"`)] : undefined,
      });
    }
  },
};
