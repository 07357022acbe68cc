/**
 * Free-text search over the topics of an MTUS index (`imr index search`, completion, workspace
 * symbols): topics whose name or alias equals, starts with, contains or is close to the text.
 */
import { normalizeName, stripParenthesized } from './names';
import { nameSimilarity, SUGGESTION_THRESHOLD } from './similarity';
import { formatPages } from './pages';
import { IndexGuideline, IndexTopic, MtusIndex } from './types';

export interface IndexSearchHit {
  guideline: IndexGuideline;
  topic: IndexTopic;
  /** The topic's pages formatted ("98-99", "18-19, 49"); "" when unknown. */
  pages: string;
  /** The name or alias that matched. */
  matched: string;
  /** 0..1, higher is better. */
  score: number;
}

function score(query: string, candidate: string): number {
  const n = normalizeName(candidate);
  if (!n) return 0;
  if (n === query) return 1;
  const ratio = query.length / n.length;
  if (n.startsWith(query)) return 0.9 + 0.08 * ratio;
  const words = ` ${n}`;
  if (words.includes(` ${query}`)) return 0.8 + 0.08 * ratio;
  if (query.length >= 5 && n.includes(query)) return 0.7 + 0.08 * ratio;
  const sim = Math.max(nameSimilarity(query, n), nameSimilarity(stripParenthesized(query), stripParenthesized(n)));
  return sim >= SUGGESTION_THRESHOLD ? 0.65 * sim : 0;
}

/** Topics matching `text`, best first (at most `max`). Section numbers ("3.3.6") match exactly. */
export function searchIndex(index: MtusIndex, text: string, max = 20): IndexSearchHit[] {
  const query = normalizeName(text);
  if (!query) return [];
  const hits: IndexSearchHit[] = [];
  for (const guideline of index.guidelines) {
    for (const topic of guideline.topics) {
      let bestScore = 0;
      let matched = topic.name;
      if (topic.number && (topic.number === query || `${topic.number}.` === query)) {
        bestScore = 1;
      } else {
        for (const c of [topic.name, ...topic.aliases]) {
          const s = score(query, c);
          if (s > bestScore) {
            bestScore = s;
            matched = c;
          }
        }
      }
      if (bestScore > 0) hits.push({ guideline, topic, pages: formatPages(topic.pages), matched, score: bestScore });
    }
  }
  hits.sort((a, b) => b.score - a.score || a.topic.name.length - b.topic.name.length || a.guideline.id.localeCompare(b.guideline.id));
  return hits.slice(0, Math.max(0, max));
}
