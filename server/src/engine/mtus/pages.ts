/**
 * Page spans of the MTUS index: whether a page or a cited span lies in a topic's spans, and how
 * spans are written in messages.
 */
import { IndexGuideline, IndexTopic, PageSpan } from './types';

/** Whether `page` lies inside any page span of the topic. */
export function pageInTopic(topic: IndexTopic, page: number): boolean {
  return topic.pages.some((s) => s.from <= page && page <= s.to);
}

/** Whether `outer` contains every page of `inner`. */
export function spanContains(outer: PageSpan, inner: PageSpan): boolean {
  return outer.from <= inner.from && inner.to <= outer.to;
}

/** Whether two spans share at least one page. */
export function spansOverlap(a: PageSpan, b: PageSpan): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * How a cited span relates to a topic's spans: "contained" (inside one span), "overlap" (shares
 * pages with a span but runs outside it) or "none".
 */
export function spansOverlapOrContain(spans: readonly PageSpan[], cited: PageSpan): 'contained' | 'overlap' | 'none' {
  if (spans.some((s) => spanContains(s, cited))) return 'contained';
  if (spans.some((s) => spansOverlap(s, cited))) return 'overlap';
  return 'none';
}

/** "98-99", "18-19, 49"; "" for no spans. */
export function formatPages(spans: readonly PageSpan[]): string {
  return spans.map((s) => (s.from === s.to ? `${s.from}` : `${s.from}-${s.to}`)).join(', ');
}

/**
 * A cited span right for a topic the index knows only where letters cite it (`pagesComplete: false`, an
 * ACOEM table): it shares a page with the known pages and stays inside the guideline's page span.
 */
export function withinPartialTopic(topic: IndexTopic, g: IndexGuideline, cited: PageSpan): boolean {
  return topic.pages.some((s) => spansOverlap(s, cited)) && (!g.pageSpan || spanContains(g.pageSpan, cited));
}
