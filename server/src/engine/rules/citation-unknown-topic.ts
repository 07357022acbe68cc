import { guidelineById, resolveGuideline, citedGuidelineName } from '../mtus/guidelines';
import { findTopic } from '../mtus/topics';
import { Citation } from '../model/determination';
import { Range } from '../model/range';
import { IndexGuideline } from '../mtus/types';
import { nearestTopics } from '../mtus/nearest-topics';
import { citations } from './citation-walk';
import { Rule, RuleContext, replaceWrapped, Fix } from './rule';

/** Unknown names per letter that get suggestions. */
const MAX_SUGGESTED = 200;

export const citationUnknownTopic: Rule = {
  meta: {
    id: 'citation-unknown-topic',
    description: 'A cited section or topic is not in the MTUS index for that guideline; suggests the nearest one.',
    defaultSeverity: 'warning',
    category: 'citation',
    // the nearest topic is a guess about what the letter meant to cite: suggestions
    fixable: false,
    hasSuggestions: true,
    messages: {
      number: '"{{cited}}" is a number, not a section of {{guideline}}.',
      unknown: '"{{cited}}" is not a section of {{guideline}} in the MTUS index.{{hint}}',
    },
  },
  check(ctx) {
    // each suggestion is a fuzzy match against every topic of the guideline: a letter gets them for its
    // first MAX_SUGGESTED unknown names (a real letter has a handful), the rest are reported without
    const state = { suggested: 0 };
    for (const { citation } of citations(ctx.determination)) {
      const g: IndexGuideline | undefined = citation.guidelineId
        ? guidelineById(ctx.index, citation.guidelineId)
        : resolveGuideline(ctx.index, citation.guideline, citation.year);
      if (!g) continue;
      for (const s of citation.sections) checkName(ctx, state, citation, g, { name: s.number ? (s.title ?? s.name) : s.name, full: s.name, range: s.range, numbered: !!s.number });
      if (citation.topic && citation.pages.length > 0) checkName(ctx, state, citation, g, { name: citation.topic.name, full: citation.topic.name, range: citation.topic.range, numbered: false });
    }
  },
};

/** A cited section or topic: the name looked up (a numbered section's title), as written, where, and whether numbered. */
interface CitedName {
  name: string;
  full: string;
  range: Range;
  numbered: boolean;
}

/** Reports a cited name that is not a topic of `g`, with the nearest topics while the letter has suggestions left. */
function checkName(ctx: RuleContext, state: { suggested: number }, citation: Citation, g: IndexGuideline, n: CitedName): void {
  if (findTopic(g, n.full) || (n.numbered && findTopic(g, n.name))) return;
  if (/^\d+$/.test(n.full.trim())) {
    ctx.report({ messageId: 'number', data: { cited: n.full }, params: { guideline: citedGuidelineName(citation.guideline, g) }, range: n.range });
    return;
  }
  const suggestions = state.suggested++ < MAX_SUGGESTED ? nearestTopics(g, n.name) : [];
  const edits: Fix[] = n.numbered ? [] : suggestions.map((t) => replaceWrapped(ctx.source, n.range, t.name, `Replace with "${t.name}"`));
  const [nearest] = suggestions;
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((t) => `"${t.number ? t.number + ' ' : ''}${t.name}"`).join(', ')}?` : '';
  ctx.report({
    messageId: 'unknown',
    data: { cited: n.full },
    params: { guideline: citedGuidelineName(citation.guideline, g), hint },
    range: n.range,
    suggestions: edits,
    related: nearest ? [{ message: `Index entry: ${nearest.name}`, file: nearest.file, line: nearest.line }] : undefined,
  });
}
