import { Position } from './lsp-types';
import { Citation, Determination, IndexGuideline, IndexTopic, Item, MtusIndex, PageRef, Range, RationalePageRef, SectionRef } from '../engine';
import { findGuidelineByChapter, findTopic, findTopicByNumber, resolveGuideline } from './mtus';
import { contains } from './text';

/** What part of a citation (or rationale page reference) the cursor is on, resolved against the index. */
export type CitationTarget =
  | { kind: 'guideline'; range: Range; citation: Citation; guideline?: IndexGuideline }
  | { kind: 'section'; range: Range; citation: Citation; guideline?: IndexGuideline; ref: SectionRef; topic?: IndexTopic }
  | { kind: 'topic'; range: Range; citation: Citation; guideline?: IndexGuideline; name: string; topic?: IndexTopic }
  | { kind: 'page'; range: Range; citation: Citation; guideline?: IndexGuideline; page: PageRef; topic?: IndexTopic }
  | { kind: 'rationale-page'; range: Range; ref: RationalePageRef; guideline?: IndexGuideline; topic?: IndexTopic };

export function itemAt(d: Determination, p: Position): Item | undefined {
  return d.items.find((i) => contains(i.range, p));
}

export function topicOfSection(g: IndexGuideline, ref: SectionRef): IndexTopic | undefined {
  return findTopic(g, ref.name) ?? (ref.title ? findTopic(g, ref.title) : undefined) ?? (ref.number ? findTopicByNumber(g, ref.number) : undefined);
}

/** The topic a page list belongs to: the page-style topic, or the only section. */
function topicOfPages(g: IndexGuideline | undefined, c: Citation): IndexTopic | undefined {
  if (!g) return undefined;
  if (c.topic) return findTopic(g, c.topic.name);
  const [only] = c.sections;
  return only && c.sections.length === 1 ? topicOfSection(g, only) : undefined;
}

export function citationTargetAt(d: Determination, index: MtusIndex, p: Position): CitationTarget | undefined {
  const item = itemAt(d, p);
  if (!item) return undefined;
  for (const line of [item.claimsAdministratorGuideline, item.maximusGuideline]) {
    if (!line || !contains(line.range, p)) continue;
    for (const c of line.citations) {
      if (!contains(c.range, p)) continue;
      const g = c.guidelineId ? index.guidelines.find((x) => x.id === c.guidelineId) : undefined;
      for (const ref of c.sections) {
        if (contains(ref.range, p)) return { kind: 'section', range: ref.range, citation: c, guideline: g, ref, topic: g && topicOfSection(g, ref) };
      }
      if (c.topic && contains(c.topic.range, p)) {
        return { kind: 'topic', range: c.topic.range, citation: c, guideline: g, name: c.topic.name, topic: g && findTopic(g, c.topic.name) };
      }
      for (const page of c.pages) {
        if (contains(page.range, p)) return { kind: 'page', range: page.range, citation: c, guideline: g, page, topic: topicOfPages(g, c) };
      }
      return { kind: 'guideline', range: contains(c.guidelineRange, p) ? c.guidelineRange : c.range, citation: c, guideline: g };
    }
  }
  const rationale = item.rationale;
  if (rationale && contains(rationale.range, p)) {
    for (const ref of rationale.pageRefs) {
      if (!contains(ref.range, p)) continue;
      let g: IndexGuideline | undefined;
      if (ref.guideline) g = resolveGuideline(index, ref.guideline.replace(/^MTUS\s+/i, '').replace(/\s+Guidelines?$/i, ''), ref.year) ?? resolveGuideline(index, ref.guideline);
      if (!g && ref.chapter !== undefined) g = findGuidelineByChapter(index, ref.chapter);
      let topic: IndexTopic | undefined;
      if (g && ref.table) topic = findTopic(g, ref.table);
      if (g && !topic && ref.topic) topic = findTopic(g, ref.topic);
      return { kind: 'rationale-page', range: ref.range, ref, guideline: g, topic };
    }
  }
  return undefined;
}
