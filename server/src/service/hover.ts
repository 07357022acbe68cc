import { Hover, MarkupKind, Position } from './lsp-types';
import { decisionWord, DECISION_WORDS, Determination, EvidencePolicy, HEADER_LABEL_TEXT, HEADER_ORDER, IndexGuideline, IndexTopic, MtusIndex, PageSpan, Range } from '../engine';
import { CitationTarget, citationTargetAt, itemAt } from './citation-at';
import { describeHeaderDate } from './dates';
import { DECISION_MEANING } from './decisions';
import { describeGuideline, describeTopic as describeTopicText } from './describe';
import { DATE_FIELDS, HEADER_HELP } from './header-fields';
import { formatPages } from './mtus';
import { contains } from './text';

export interface HoverInput {
  determination: Determination;
  index: MtusIndex;
  position: Position;
  /** The config's `indexEvidence` (how much a letter consensus counts); defaults when absent. */
  evidence?: Partial<EvidencePolicy>;
}

function hover(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

/** Hover on header fields (date intervals), decision words and citation parts (the index entry). */
export function doHover(input: HoverInput): Hover | null {
  const { determination: d, position: p } = input;
  if (contains(d.header.range, p)) {
    for (const key of HEADER_ORDER) {
      const f = d.header.fields[key];
      if (!f || !(contains(f.labelRange, p) || (f.value && contains(f.valueRange, p)))) continue;
      const range = contains(f.labelRange, p) ? f.labelRange : f.valueRange;
      if (DATE_FIELDS.includes(key)) return hover(describeHeaderDate(d.header, key), range);
      return hover(`**${HEADER_LABEL_TEXT[key]}**\n\n${HEADER_HELP[key]}`, range);
    }
  }
  const item = itemAt(d, p);
  if (item?.decision && item.decisionRange && contains(item.decisionRange, p)) {
    const word = decisionWord(item.decision);
    const lines = [word ? DECISION_MEANING[word] : `"${item.decision}" is not a decision word; use ${DECISION_WORDS.join(' or ')}.`];
    const conclusion = item.rationale?.conclusion;
    if (conclusion && conclusion !== 'unclear') lines.push('', `This item's rationale concludes: *${conclusion.replace(/-/g, ' ')}*.`);
    return hover(lines.join('\n'), item.decisionRange);
  }
  const target = citationTargetAt(d, input.index, p);
  return target ? hover(describeTarget(target, input.evidence), target.range) : null;
}

function unknownTopic(name: string, g: IndexGuideline): string {
  return `**${name}** is not a topic of ${g.title} ${g.year} in the MTUS index.`;
}

function pagesVerdict(cited: PageSpan, topic: IndexTopic): string {
  if (topic.pages.length === 0) return 'The index does not know its pages.';
  const inside: boolean[] = [];
  for (let page = cited.from; page <= Math.min(cited.to, cited.from + 500); page++) inside.push(topic.pages.some((s) => s.from <= page && page <= s.to));
  const want = formatPages(topic.pages);
  if (inside.every(Boolean)) return `Cited page(s) ${formatPages([cited])} are within the index's pages ${want}.`;
  return `Cited page(s) ${formatPages([cited])} are **not** the index's pages ${want}${topic.verified ? '' : ' (unverified entry)'}.`;
}

function describeTarget(t: CitationTarget, evidence: Partial<EvidencePolicy> | undefined): string {
  const describeTopic = (g: IndexGuideline, topic: IndexTopic): string => describeTopicText(g, topic, evidence);
  const g = t.guideline;
  switch (t.kind) {
    case 'guideline':
      return g ? describeGuideline(g) : `**${t.citation.guideline}${t.citation.year ? ` ${t.citation.year}` : ''}** is not a guideline of the MTUS index.`;
    case 'section':
      if (!g) return `Section of an unknown guideline (${t.citation.guideline}).`;
      return t.topic ? describeTopic(g, t.topic) : unknownTopic(t.ref.name, g);
    case 'topic':
      if (!g) return `Topic of an unknown guideline (${t.citation.guideline}).`;
      return t.topic ? describeTopic(g, t.topic) : unknownTopic(t.name, g);
    case 'page': {
      if (!g) return `Page(s) ${t.page.text} of an unknown guideline.`;
      if (!t.topic) return `Page(s) ${t.page.text} of ${g.title} ${g.year}${g.pageSpan ? ` (pages ${formatPages([g.pageSpan])})` : ''}.`;
      return `${pagesVerdict(t.page, t.topic)}\n\n${describeTopic(g, t.topic)}`;
    }
    case 'rationale-page': {
      if (!g) return `Page reference "${t.ref.text}"; the guideline it refers to is not recognised.`;
      if (t.topic) return `${pagesVerdict(t.ref, t.topic)}\n\n${describeTopic(g, t.topic)}`;
      return `Page reference "${t.ref.text}" to ${g.title} ${g.year}${g.pageSpan ? ` (pages ${formatPages([g.pageSpan])})` : ''}.\n\n${describeGuideline(g)}`;
    }
  }
}
