import type { IndexTopicEntry } from '../../../shared/protocol';
import { CITATION_LABELS, MtusIndex } from '../engine';
import { citedName, sectionCitation, topicLabel } from './describe';
import { allTopics, formatPages } from './mtus';

/** Every topic of the index as a ready-to-insert citation, for the client's "Insert MTUS Citation" pick list. */
export function indexTopics(index: MtusIndex): IndexTopicEntry[] {
  const out: IndexTopicEntry[] = [];
  for (const { guideline: g, topic: t } of allTopics(index)) {
    const name = citedName(g);
    const pages = t.pages.length > 0 ? formatPages(t.pages) : undefined;
    out.push({
      label: topicLabel(t),
      detail: `${g.title} ${g.year}${pages ? ` — page(s) ${pages}` : ''}${t.verified ? '' : ' (unverified)'}`,
      insertText: `${name}, ${CITATION_LABELS.sections.canonical} ${sectionCitation(g, t)}`,
      guideline: name,
      guidelineId: g.id,
      ...(pages && !t.number ? { pageStyleInsertText: `${g.names[0] ?? g.title} ${t.name} ${CITATION_LABELS.pages.canonical} ${pages}` } : {}),
      ...(t.description ? { description: t.description } : {}),
      verified: t.verified,
    });
  }
  return out;
}
