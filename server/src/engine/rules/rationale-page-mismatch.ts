import { withoutGuidelinesWord } from '../mtus/names';
import { findGuidelineByChapter, resolveGuideline, citedGuidelineName } from '../mtus/guidelines';
import { findTopic } from '../mtus/topics';
import { formatPages, withinPartialTopic } from '../mtus/pages';
import { IndexGuideline, IndexTopic, MtusIndex } from '../mtus/types';
import { RationalePageRef } from '../model/determination';
import { Fix, Rule } from './rule';

/** Resolves what a page in a rationale refers to: a table or topic with pages, or a chapter's page span. */
function resolveRef(index: MtusIndex, ref: RationalePageRef): { guideline: IndexGuideline; topic?: IndexTopic } | undefined {
  let g: IndexGuideline | undefined;
  if (ref.chapter !== undefined) g = findGuidelineByChapter(index, ref.chapter);
  if (!g && ref.guideline) {
    const name = withoutGuidelinesWord(ref.guideline.replace(/^(California|CA)\s+/i, '')).trim();
    g = resolveGuideline(index, name, ref.year) ?? resolveGuideline(index, name);
  }
  if (!g) return undefined;
  let topic: IndexTopic | undefined;
  if (ref.table) topic = findTopic(g, ref.table);
  if (!topic && ref.topic) topic = findTopic(g, ref.topic);
  if (!topic && !ref.table) topic = topicNamedNear(g, ref);
  return { guideline: g, topic };
}

/** A topic name (or alias) found in a sentence: where, how long, and its rank in index order (for ties). */
interface NameAt {
  topic: IndexTopic;
  at: number;
  length: number;
  order: number;
}

/** The names of `g`'s topics (with pages) in the last sentence asked about, by position: page references share sentences. */
let namesCache: { g: IndexGuideline; sentence: string; names: NameAt[] } | undefined;

function namesIn(g: IndexGuideline, sentenceText: string): NameAt[] {
  if (namesCache && namesCache.g === g && namesCache.sentence === sentenceText) return namesCache.names;
  const sentence = sentenceText.toLowerCase();
  const names: NameAt[] = [];
  let order = 0;
  for (const topic of g.topics) {
    if (topic.pages.length === 0) continue;
    for (const raw of [topic.name, ...topic.aliases]) {
      const name = raw.replace(/\s*\([^)]*\)/g, '').trim().toLowerCase();
      if (name.length < 5) continue;
      for (let at = sentence.indexOf(name); at >= 0; at = sentence.indexOf(name, at + 1)) {
        const bounded = !/[a-z]/.test(sentence[at - 1] ?? ' ') && !/[a-z]/.test(sentence[at + name.length] ?? ' ');
        if (bounded) names.push({ topic, at, length: name.length, order: order++ });
      }
    }
  }
  names.sort((a, b) => a.at - b.at || a.order - b.order);
  namesCache = { g, sentence: sentenceText, names };
  return names;
}

/**
 * The topic of `g` (with pages) whose name or alias the sentence mentions closest to the page; on equal
 * distance the longer name, then the first in index order. The names of a sentence are found once and
 * the nearest is found by binary search, however many pages the sentence cites.
 */
function topicNamedNear(g: IndexGuideline, ref: RationalePageRef): IndexTopic | undefined {
  const names = namesIn(g, ref.sentence);
  if (names.length === 0) return undefined;
  const offset = ref.sentenceOffset;
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (names[mid]!.at < offset) lo = mid + 1;
    else hi = mid;
  }
  // only the nearest position on each side can be nearest; all names at those two positions compete
  const candidates: NameAt[] = [];
  const left = names[lo - 1];
  if (left) {
    for (let k = lo - 1; k >= 0; k--) {
      const c = names[k]!;
      if (c.at !== left.at) break;
      candidates.push(c);
    }
  }
  const right = names[lo];
  if (right) {
    for (let k = lo; k < names.length; k++) {
      const c = names[k]!;
      if (c.at !== right.at) break;
      candidates.push(c);
    }
  }
  let best: NameAt | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const distance = Math.abs(c.at - offset);
    if (!best || distance < bestDistance || (distance === bestDistance && (c.length > best.length || (c.length === best.length && c.order < best.order)))) {
      best = c;
      bestDistance = distance;
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
        // pages where letters cite a table, not its extent: a span over them, inside the guideline, is right
        if (topic?.pagesComplete === false && withinPartialTopic(topic, g, ref)) continue;
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
