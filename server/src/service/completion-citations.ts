import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position, Range } from './lsp-types';
import { CITATION_LABELS, citationJoiners, IndexGuideline, IndexTopic, MtusIndex } from '../engine';
import { citedName, describeGuideline, describeTopic, sectionCitation, topicLabel } from './describe';
import { findTopic, formatPages, matchGuidelinePrefix, readCitationHead } from './mtus';
import { ParagraphBefore } from './paragraph';

/** Re-opens the suggest widget after an insertion that has a natural continuation (VS Code command). */
export const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

const MTUS_START = /Decision\s+based\s+on\s+MTUS\b\s*/gi;
/** The parser's citation labels (engine vocabulary), with the spaces after them. */
const SECTIONS_LABEL = new RegExp(`${CITATION_LABELS.sections.pattern.source}\\s*`, 'i');
const PAGES_LABEL = new RegExp(`${CITATION_LABELS.pages.pattern.source}\\s*`, 'i');
const SECTIONS = CITATION_LABELS.sections.canonical;
const PAGES = CITATION_LABELS.pages.canonical;
const YEAR = /\b(19|20)\d{2}\b/;

interface Span {
  /** Offset in the paragraph text. */
  start: number;
  text: string;
}

/** Completion for the citation being typed after "Decision based on MTUS", or undefined when not in one. */
export function citationCompletions(p: ParagraphBefore, position: Position, index: MtusIndex): CompletionItem[] | undefined {
  let after = -1;
  for (const m of p.text.matchAll(MTUS_START)) after = (m.index ?? 0) + m[0].length;
  if (after < 0) return undefined;
  // where each replacement starts in the paragraph (it may be on a line above the cursor's)
  const starts = new WeakMap<Range, number>();
  const toRange = (startOffset: number): Range => {
    const range = { start: { line: position.line, character: Math.max(0, startOffset - p.cursorLineStart, leadingSpace(p, startOffset)) }, end: position };
    starts.set(range, startOffset);
    return range;
  };
  const items = citationItems(p, after, index, toRange);
  return items.flatMap((item) => {
    const e = item.textEdit;
    const start = e && 'range' in e ? starts.get(e.range) : undefined;
    return start === undefined || start >= p.cursorLineStart ? [item] : continuedFromLineAbove(item, p.text.slice(start, p.cursorLineStart));
  });
}

/**
 * An item whose replacement starts on a line above the cursor's ("Low⏎Ba|"): a completion edit
 * cannot span lines, so it inserts only what follows the words already written above, and is
 * dropped when it does not start with them.
 */
function continuedFromLineAbove(item: CompletionItem, above: string): CompletionItem[] {
  const e = item.textEdit;
  if (!e || !('range' in e)) return [item];
  const written = above.replace(/\s+/g, ' ').trimStart();
  if (!e.newText.toLowerCase().startsWith(written.toLowerCase())) return [];
  const newText = e.newText.slice(written.length);
  return [{ ...item, textEdit: { range: e.range, newText }, filterText: newText }];
}

function citationItems(p: ParagraphBefore, after: number, index: MtusIndex, toRange: (o: number) => Range): CompletionItem[] {
  const seg = lastCitation(p.text, after, index);

  const sec = SECTIONS_LABEL.exec(seg.text);
  const pag = PAGES_LABEL.exec(seg.text);
  if (pag && (!sec || pag.index > sec.index)) return pageCompletions(seg, pag, index, toRange);
  if (sec) return sectionCompletions(seg, sec, index, toRange);

  const known = matchGuidelinePrefix(index, seg.text);
  if (!known) return guidelineItems(index, seg.text, toRange(seg.start));
  const rest = seg.text.slice(known.length);
  if (/^\s*(?:(?:19|20)\d?)?$/.test(rest)) {
    const items = guidelineItems(index, seg.text, toRange(seg.start));
    if (/^\s+$/.test(rest)) items.push(...pageStyleTopics(known.guideline, toRange(seg.start + seg.text.length)));
    return items;
  }
  const yearDone = /^\s*((?:19|20)\d{2})(\s+Guidelines?)?\s*(,?)\s*$/i.exec(rest);
  if (yearDone) {
    const g = readCitationHead(index, seg.text.trim(), false, true).guideline ?? known.guideline;
    const trailing = /\s*,?\s*$/.exec(rest)?.[0] ?? '';
    const at = toRange(seg.start + seg.text.length - trailing.length);
    return [
      {
        label: SECTIONS,
        kind: CompletionItemKind.Keyword,
        detail: `sections of ${g.title} ${g.year}`,
        textEdit: { range: at, newText: `, ${SECTIONS} ` },
        filterText: `${trailing}${SECTIONS}`,
        command: TRIGGER_SUGGEST,
      },
    ];
  }
  // "<guideline> [<year>] <partial topic>": page style, or still typing a longer guideline name
  const lead = /^\s*(?:((?:19|20)\d{2})(?:\s+Guidelines?)?\s+)?/i.exec(rest)?.[0] ?? '';
  // the guideline as the parser reads the head (its year, when typed)
  const g = readCitationHead(index, seg.text.trim(), true, false).guideline ?? known.guideline;
  const partialStart = seg.start + known.length + lead.length;
  return [...pageStyleTopics(g, toRange(partialStart)), ...guidelineItems(index, seg.text, toRange(seg.start))];
}

/** Never start a replacement inside the line's indentation. */
function leadingSpace(p: ParagraphBefore, offset: number): number {
  if (offset >= p.cursorLineStart) return 0;
  const line = p.text.slice(p.cursorLineStart);
  return line.length - line.trimStart().length;
}

/** The last citation of an MTUS run: after ", and " when what follows starts (or is) a guideline name. */
function lastCitation(text: string, start: number, index: MtusIndex): Span {
  let best = start;
  const joiner = citationJoiners();
  joiner.lastIndex = start;
  for (let m = joiner.exec(text); m; m = joiner.exec(text)) {
    const next = m.index + m[0].length;
    const rest = text.slice(next);
    const known = matchGuidelinePrefix(index, rest);
    if ((known && YEAR.test(rest.slice(known.length, known.length + 6))) || (rest.length > 0 && isNamePrefix(index, rest))) best = next;
  }
  return { start: best, text: text.slice(best) };
}

function isNamePrefix(index: MtusIndex, partial: string): boolean {
  const p = partial.toLowerCase();
  return index.guidelines.some((g) => g.names.some((n) => n.toLowerCase().startsWith(p)));
}

function guidelineItems(index: MtusIndex, typed: string, range: Range): CompletionItem[] {
  const t = typed.trim().toLowerCase();
  const items: CompletionItem[] = [];
  index.guidelines.forEach((g, k) => {
    const primary = citedName(g);
    const names = [primary];
    // another spelling when that is what is being typed ("Chronic Pain Treatment Guidelines")
    if (t && !primary.toLowerCase().startsWith(t)) {
      const alt = g.names.find((n) => n.toLowerCase().startsWith(t) || t.startsWith(n.toLowerCase()));
      if (alt) names.push(`${alt} ${g.year}`);
    }
    for (const label of names) {
      items.push({
        label,
        kind: CompletionItemKind.Module,
        detail: `${g.title} ${g.year}${g.regulation ? ` — ${g.regulation}` : ''}`,
        documentation: { kind: MarkupKind.Markdown, value: describeGuideline(g) },
        sortText: `1${String(k).padStart(3, '0')}${label === primary ? 0 : 1}`,
        textEdit: { range, newText: label },
        filterText: label,
      });
    }
  });
  return items;
}

function topicItem(g: IndexGuideline, t: IndexTopic, k: number, range: Range, newText: string, label = topicLabel(t)): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Reference,
    detail: `${g.title} ${g.year}${t.pages.length > 0 ? ` — page(s) ${formatPages(t.pages)}` : ''}${t.verified ? '' : ' (unverified)'}`,
    documentation: { kind: MarkupKind.Markdown, value: describeTopic(g, t) },
    sortText: `0${String(k).padStart(4, '0')}`,
    textEdit: { range, newText },
    filterText: newText,
  };
}

/** Topics written "<topic> Page(s): <pages>" after a year-less guideline name (the seed letter's style). */
function pageStyleTopics(g: IndexGuideline, range: Range): CompletionItem[] {
  return g.topics.map((t, k) => {
    const pages = t.pages.length > 0 ? formatPages(t.pages) : '';
    const item = topicItem(g, t, k, range, `${t.name} ${PAGES} ${pages}`, t.name);
    if (!pages) {
      item.textEdit = { range, newText: `${t.name} ${PAGES} \${1}` };
      item.insertTextFormat = InsertTextFormat.Snippet;
    }
    item.filterText = t.name;
    return item;
  });
}

function sectionCompletions(seg: Span, label: RegExpExecArray, index: MtusIndex, toRange: (o: number) => Range): CompletionItem[] {
  const head = seg.text.slice(0, label.index).replace(/[\s,]+$/, '');
  const g = guidelineOfHead(index, head);
  if (!g) return [];
  const listStart = label.index + label[0].length;
  const list = seg.text.slice(listStart);
  const cut = Math.max(list.lastIndexOf(','), -1);
  const done = cut >= 0 ? list.slice(0, cut).split(',').map((s) => s.trim()).filter(Boolean) : [];
  const cited = new Set(done.map((d) => findTopic(g, d)).filter((t): t is IndexTopic => t !== undefined));
  const partialOffset = cut >= 0 ? listStart + cut + 1 + (list.slice(cut + 1).length - list.slice(cut + 1).trimStart().length) : listStart;
  const range = toRange(seg.start + partialOffset);
  const items: CompletionItem[] = [];
  g.topics.forEach((t, k) => {
    if (cited.has(t)) return;
    items.push(topicItem(g, t, k, range, sectionCitation(g, t)));
  });
  return items;
}

function pageCompletions(seg: Span, label: RegExpExecArray, index: MtusIndex, toRange: (o: number) => Range): CompletionItem[] {
  const head = seg.text.slice(0, label.index).trim();
  const sec = SECTIONS_LABEL.exec(head);
  let g: IndexGuideline | undefined;
  let topicName: string | undefined;
  if (sec) {
    g = guidelineOfHead(index, head.slice(0, sec.index).replace(/[\s,]+$/, ''));
    topicName = head.slice(sec.index + sec[0].length).replace(/[\s,]+$/, '');
  } else {
    // the page style: "<guideline> [<year>] <topic>", read as the parser reads it
    const read = readCitationHead(index, head, true, false);
    g = read.guideline;
    topicName = read.topic?.name;
  }
  if (!g || !topicName) return [];
  const t = findTopic(g, topicName);
  if (!t || t.pages.length === 0) return [];
  const typed = seg.text.slice(label.index + label[0].length);
  if (/[^\d\s,\-–]/.test(typed)) return [];
  const pages = formatPages(t.pages);
  const item = topicItem(g, t, 0, toRange(seg.start + label.index + label[0].length), pages, pages);
  item.kind = CompletionItemKind.Value;
  item.detail = `${topicLabel(t)} — ${g.title} ${g.year}${t.verified ? '' : ' (unverified)'}`;
  return [item];
}

/**
 * The guideline named by "<name> [<year>] [Guidelines]" before a `Section(s):` label, read as the parser
 * reads it; while the name is still being typed, the index's longest name at its start.
 */
function guidelineOfHead(index: MtusIndex, head: string): IndexGuideline | undefined {
  return readCitationHead(index, head, false, true).guideline ?? matchGuidelinePrefix(index, head)?.guideline;
}
