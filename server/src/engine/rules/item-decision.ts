import { levenshtein } from '../text/distance';
import { DECISION_FOR_CONCLUSION, DECISION_WORDS } from '../vocabulary';
import { itemAt, itemLabel } from './item-ref';
import { Range } from '../model/range';
import { Fix, Rule, replace } from './rule';

/**
 * The decision word a misspelling unambiguously means, if any: the same word in another case, or one
 * word starting with the same letter within two edits of exactly one decision word (`Uphled`,
 * `Overturnd`), or a clipped word of five letters or more (`Overt`). Anything else (`Held`, `Denied`,
 * `Upheld in part`) is not certain, so it is not fixed.
 */
export function intendedDecision(word: string): string | undefined {
  const w = word.trim().replace(/[.,;:]+$/, '').toLowerCase();
  if (!/^[a-z]+$/.test(w)) return undefined;
  const hits = DECISION_WORDS.filter((d) => {
    const l = d.toLowerCase();
    return l === w || (w[0] === l[0] && (levenshtein(w, l, 2) <= 2 || (w.length >= 5 && l.startsWith(w))));
  });
  return hits.length === 1 ? hits[0] : undefined;
}

/** One suggestion per decision word, the one the rationale's conclusion points to first. */
function decisionSuggestions(range: Range, newText: (word: string) => string, verb: string, conclusion: string | undefined): Fix[] {
  const inferred = conclusion === 'medically-necessary' || conclusion === 'not-medically-necessary' ? DECISION_FOR_CONCLUSION[conclusion] : undefined;
  const words = inferred ? [inferred, ...DECISION_WORDS.filter((d) => d !== inferred)] : [...DECISION_WORDS];
  return words.map((word) =>
    replace(range, newText(word), `${verb} "${word}"${word === inferred && conclusion ? ` (the rationale concludes ${conclusion.replace(/-/g, ' ')})` : ''}`),
  );
}

export const itemDecision: Rule = {
  meta: {
    id: 'item-decision',
    description: `A disputed item has no decision, or its decision is not one of the allowed words (${DECISION_WORDS.join(', ')}).`,
    defaultSeverity: 'error',
    category: 'decision',
    // a misspelled decision word is fixed only when certain; writing a decision is the reviewer's call
    fixable: true,
    hasSuggestions: true,
    messages: {
      missing: 'Item {{item}} has no decision ({{allowed}}).',
      notAllowed: 'Decision "{{decision}}" is not allowed; use {{allowed}}.',
    },
  },
  check(ctx) {
    const items = ctx.determination.items;
    for (const issue of ctx.schemaIssues) {
      const item = itemAt(items, issue.instancePath);
      if (!item) continue;
      const allowed = DECISION_WORDS.join(' or ');
      if (issue.keyword === 'required' && issue.missingProperty === 'decision') {
        // never a fix: which decision to write is the reviewer's, whatever the rationale seems to say
        const suggestions = item.colonEnd ? decisionSuggestions(item.colonEnd, (w) => ` ${w}`, 'Insert', item.rationale?.conclusion) : undefined;
        // on the line that ends with the item's colon, where the decision belongs
        const range = item.colonEnd ? { start: { line: item.colonEnd.start.line, character: item.colonEnd.start.line === item.headerRange.start.line ? item.headerRange.start.character : 0 }, end: item.colonEnd.end } : item.headerRange;
        ctx.report({ messageId: 'missing', data: { item: itemLabel(item) }, params: { allowed }, range, suggestions });
      } else if (issue.instancePath.endsWith('/decision') && item.decision !== undefined && item.decisionRange) {
        const intended = intendedDecision(item.decision);
        ctx.report({
          messageId: 'notAllowed',
          data: { decision: item.decision },
          params: { allowed },
          range: item.decisionRange,
          ...(intended
            ? { fix: replace(item.decisionRange, intended, `Replace with "${intended}"`) }
            : { suggestions: decisionSuggestions(item.decisionRange, (w) => w, 'Replace with', item.rationale?.conclusion) }),
        });
      }
    }
  },
};
