import { levenshtein } from '../text/distance';
import { DECISION_WORDS } from '../parser/items';
import { itemAt, itemLabel } from './item-ref';
import { Fix, Rule, replace } from './rule';

/** The decision word a misspelling unambiguously means, if any. */
export function intendedDecision(word: string): string | undefined {
  const w = word.trim().replace(/[.,;:]+$/, '').toLowerCase();
  const hits = DECISION_WORDS.filter((d) => {
    const l = d.toLowerCase();
    return l === w || levenshtein(w, l, 2) <= 2 || (w.length >= 5 && l.startsWith(w));
  });
  return hits.length === 1 ? hits[0] : undefined;
}

export const itemDecision: Rule = {
  meta: {
    id: 'item-decision',
    description: 'A disputed item has no decision, or its decision is not one of the allowed words (Upheld, Overturned).',
    defaultSeverity: 'error',
    category: 'decision',
    fixable: true,
    hasSuggestions: false,
  },
  check(ctx) {
    const items = ctx.determination.items;
    for (const issue of ctx.schemaIssues) {
      const item = itemAt(items, issue.instancePath);
      if (!item) continue;
      const allowed = DECISION_WORDS.join(' or ');
      if (issue.keyword === 'required' && issue.missingProperty === 'decision') {
        let fix: Fix | undefined;
        const conclusion = item.rationale?.conclusion;
        if (item.colonEnd && conclusion && conclusion !== 'unclear') {
          const word = conclusion === 'medically-necessary' ? 'Overturned' : 'Upheld';
          fix = replace(item.colonEnd, ` ${word}`, `Insert "${word}" (the rationale concludes ${conclusion.replace(/-/g, ' ')})`);
        }
        // on the line that ends with the item's colon, where the decision belongs
        const range = item.colonEnd ? { start: { line: item.colonEnd.start.line, character: item.colonEnd.start.line === item.headerRange.start.line ? item.headerRange.start.character : 0 }, end: item.colonEnd.end } : item.headerRange;
        ctx.report({ message: `Item ${itemLabel(item)} has no decision (${allowed}).`, range, fix });
      } else if (issue.instancePath.endsWith('/decision') && item.decision !== undefined && item.decisionRange) {
        const intended = intendedDecision(item.decision);
        ctx.report({
          message: `Decision "${item.decision}" is not allowed; use ${allowed}.`,
          range: item.decisionRange,
          fix: intended ? replace(item.decisionRange, intended, `Replace with "${intended}"`) : undefined,
        });
      }
    }
  },
};
