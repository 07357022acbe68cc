import { suggestTopics } from './similarity';
import { IndexGuideline, IndexTopic } from './types';

/** Per guideline (immutable, so a WeakMap key): name as cited -> its nearest topics. */
const cache = new WeakMap<IndexGuideline, Map<string, readonly IndexTopic[]>>();
/** The longest name compared with the topics (the longest topic names, numbered with part and title, are under 150). */
const MAX_NAME_LENGTH = 300;
/** Names remembered per guideline; the map is emptied when full (letters reuse a small set of names). */
const MAX_NAMES = 2000;

/**
 * `suggestTopics(guideline, name, 3)`, remembered: the same unknown or mistyped name recurs within a
 * letter (both guideline lines of an item) and across the letters of a folder, and suggestions are
 * the costly part of linting such a letter. Do not mutate the returned array.
 */
export function nearestTopics(guideline: IndexGuideline, name: string): readonly IndexTopic[] {
  // no topic name is near a name this long (and its edit distances would cost its length each)
  if (name.length > MAX_NAME_LENGTH) return [];
  let byName = cache.get(guideline);
  if (!byName) {
    byName = new Map();
    cache.set(guideline, byName);
  }
  let hit = byName.get(name);
  if (!hit) {
    hit = suggestTopics(guideline, name, 3);
    if (byName.size >= MAX_NAMES) byName.clear();
    byName.set(name, hit);
  }
  return hit;
}
