import { findGuidelineByChapter, findTopic, formatPages, resolveGuideline, citedGuidelineName } from '../mtus/lookup';
import { IndexGuideline, IndexTopic, MtusIndex } from '../mtus/types';
import { RationalePageRef } from '../model/determination';
import { Fix, Rule } from './rule';

/** Resolves what a page in a rationale refers to: a table or topic with pages, or a chapter's page span. */
function resolveRef(index: MtusIndex, ref: RationalePageRef): { guideline: IndexGuideline; topic?: IndexTopic } | undefined {
  let g: IndexGuideline | undefined;
  if (ref.chapter !== undefined) g = findGuidelineByChapter(index, ref.chapter);
  if (!g && ref.guideline) {
    const name = ref.guideline.replace(/^(California|CA)\s+/i, '').replace(/\s+Guidelines?$/i, '').trim();
    g = resolveGuideline(index, name, ref.year) ?? resolveGuideline(index, name);
  }
  if (!g) return undefined;
  let topic: IndexTopic | undefined;
  if (ref.table) topic = findTopic(g, ref.table);
  if (!topic && ref.topic) topic = findTopic(g, ref.topic);
  if (!topic && !ref.table) topic = topicNamedNear(g, ref);
  return { guideline: g, topic };
}

/** The topic of `g` (with pages) whose name or alias the sentence mentions closest to the page. */
function topicNamedNear(g: IndexGuideline, ref: RationalePageRef): IndexTopic | undefined {
  const sentence = ref.sentence.toLowerCase();
  let best: { topic: IndexTopic; distance: number; length: number } | undefined;
  for (const topic of g.topics) {
    if (topic.pages.length === 0) continue;
    for (const raw of [topic.name, ...topic.aliases]) {
      const name = raw.replace(/\s*\([^)]*\)/g, '').trim().toLowerCase();
      if (name.length < 5) continue;
      let at = sentence.indexOf(name);
      while (at >= 0) {
        const bounded = !/[a-z]/.test(sentence[at - 1] ?? ' ') && !/[a-z]/.test(sentence[at + name.length] ?? ' ');
        if (bounded) {
          const distance = Math.abs(at - ref.sentenceOffset);
          if (!best || distance < best.distance || (distance === best.distance && name.length > best.length)) best = { topic, distance, length: name.length };
        }
        at = sentence.indexOf(name, at + 1);
      }
    }
  }
  return best?.topic;
}

export const rationalePageMismatch: Rule = {
  meta: {
    id: 'rationale-page-mismatch',
    description: 'A page cited in a decision rationale for an MTUS guideline topic, table or chapter disagrees with the MTUS index.',
    // a page in free prose is softer evidence than a citation line: warn, even against a verified entry
    defaultSeverity: 'warning',
    category: 'citation',
    // a page inside rationale prose is the reviewer's own writing: only ever a suggestion
    fixable: false,
    hasSuggestions: true,
    messages: { mismatch: 'Page {{page}} does not match the MTUS index: {{where}}{{unverified}}.' },
  },
  check(ctx) {
    for (const item of ctx.determination.items) {
      for (const ref of item.rationale?.pageRefs ?? []) {
        if (ref.outsideMtus) continue;
        const r = resolveRef(ctx.index, ref);
        if (!r) continue;
        const { guideline: g, topic } = r;
        const spans = topic && topic.pages.length > 0 ? topic.pages : g.pageSpan ? [g.pageSpan] : [];
        if (spans.length === 0) continue;
        const inside = (p: number) => spans.some((s) => p >= s.from && p <= s.to);
        if (inside(ref.from) && inside(ref.to)) continue;
        const verified = topic ? topic.verified : g.verified;
        const where = topic ? `${topic.name} is on page(s) ${formatPages(topic.pages)}` : `${citedGuidelineName(ref.guideline, g)} spans pages ${formatPages(spans)}`;
        let fix: Fix | undefined;
        const digits = /\d/.exec(ref.text);
        if (topic && digits && !ref.inList && ref.range.start.line === ref.range.end.line) {
          const start = { line: ref.range.start.line, character: ref.range.start.character + digits.index };
          fix = { title: `Replace with ${formatPages(topic.pages)}`, edits: [{ range: { start, end: ref.range.end }, newText: formatPages(topic.pages) }] };
        }
        ctx.report({
          messageId: 'mismatch',
          data: { page: ref.text.replace(/^\D+/, '') },
          params: { where, unverified: verified ? '' : ' (index entry unverified)' },
          range: ref.range,
          suggestions: fix ? [fix] : undefined,
          related: [{ message: `Index entry: ${g.title} ${g.year}${topic ? ` — ${topic.name}` : ''}`, file: (topic ?? g).file, line: (topic ?? g).line }],
        });
      }
    }
  },
};
