import { guidelineById, citedGuidelineName } from '../mtus/guidelines';
import { findTopic } from '../mtus/topics';
import { formatPages, withinPartialTopic } from '../mtus/pages';
import { citations } from './citation-walk';
import { Rule, Fix } from './rule';

export const citationPageMismatch: Rule = {
  meta: {
    id: 'citation-page-mismatch',
    description: "The pages cited for a topic (Page(s): …) are not the MTUS index's pages for it.",
    defaultSeverity: 'error',
    category: 'citation',
    // the index's pages: a fix when the entry is verified and its pages are the topic's extent, else a suggestion
    fixable: true,
    hasSuggestions: true,
    messages: { mismatch: '{{topic}} is on page(s) {{pages}} of {{guideline}}, not {{cited}}{{unverified}}.' },
  },
  check(ctx) {
    for (const { citation } of citations(ctx.determination)) {
      const firstPage = citation.pages[0];
      const lastPage = citation.pages.at(-1);
      if (!firstPage || !lastPage) continue; // no pages cited
      const g = guidelineById(ctx.index, citation.guidelineId);
      if (!g) continue;
      const topicName = citation.topic?.name ?? (citation.sections.length === 1 ? citation.sections[0]?.name : undefined);
      const topic = topicName ? findTopic(g, topicName) : undefined;
      if (!topic || topic.pages.length === 0) {
        // no pages known for the topic: a page outside the whole guideline or chapter is still wrong
        const span = g.pageSpan;
        const outside = span ? citation.pages.filter((p) => p.from < span.from || p.to > span.to) : [];
        const firstOutside = outside[0];
        const lastOutside = outside.at(-1);
        if (!span || !firstOutside || !lastOutside) continue;
        ctx.report({
          message: `Page(s) ${outside.map((p) => p.text).join(', ')} are outside ${citedGuidelineName(citation.guideline, g)}, which spans pages ${formatPages([span])}${g.verified ? '' : ' (index entry unverified)'}.`,
          range: { start: firstOutside.range.start, end: lastOutside.range.end },
          severity: g.verified ? undefined : 'warning',
          related: [{ message: `Index entry: ${g.title} ${g.year}, pages ${formatPages([span])}`, file: g.file, line: g.line }],
        });
        continue;
      }
      // pages where letters cite a topic, not its extent (an ACOEM table): any span over them is right
      const partial = topic.pagesComplete === false;
      const bad = citation.pages.filter((p) => {
        if (partial) return !withinPartialTopic(topic, g, p);
        for (let page = p.from; page <= Math.max(p.from, Math.min(p.to, p.from + 500)); page++) {
          if (!topic.pages.some((s) => page >= s.from && page <= s.to)) return true;
        }
        return false;
      });
      const firstBad = bad[0];
      const lastBad = bad.at(-1);
      if (!firstBad || !lastBad) continue;
      const want = formatPages(topic.pages);
      const first = firstPage.range;
      const last = lastPage.range;
      const fix: Fix = { title: `Replace pages with ${want}`, edits: [{ range: { start: first.start, end: last.end }, newText: want }] };
      ctx.report({
        messageId: 'mismatch',
        data: { cited: bad.map((p) => p.text).join(', ') },
        params: { topic: topic.name, pages: want, guideline: citedGuidelineName(citation.guideline, g), unverified: topic.verified ? '' : ' (index entry unverified)' },
        range: { start: firstBad.range.start, end: lastBad.range.end },
        // certain only for a verified topic whose pages are its whole extent
        ...(topic.verified && !partial ? { fix } : { suggestions: [fix] }),
        severity: topic.verified ? undefined : 'warning',
        related: [{ message: `Index entry: ${g.title} ${g.year} — ${topic.name}, page(s) ${want}${topic.verified ? '' : ' (unverified)'}`, file: topic.file, line: topic.line }],
      });
    }
  },
};
