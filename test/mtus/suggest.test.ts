import { strict as assert } from 'assert';
import { normalizeName } from '../../server/src/engine/mtus/names';
import { suggestTopics, SUGGESTION_THRESHOLD, topicSimilarity } from '../../server/src/engine/mtus/similarity';
import { IndexGuideline, IndexTopic } from '../../server/src/engine/mtus/types';
import { bundledIndex } from '../helpers/engine';

/** The plain definition of the ranking: every topic scored in full by topicSimilarity. */
function reference(g: IndexGuideline, name: string, max: number): IndexTopic[] {
  const q = normalizeName(name);
  return g.topics
    .map((t) => ({ t, s: topicSimilarity(t, q) }))
    .filter((x) => x.s >= SUGGESTION_THRESHOLD)
    .sort((a, b) => b.s - a.s || a.t.name.localeCompare(b.t.name))
    .slice(0, max)
    .map((x) => x.t);
}

describe('mtus/similarity: suggestTopics with bounded distances', () => {
  it('ranks exactly as the full similarity does, for typos, far names and long titles', () => {
    const index = bundledIndex();
    const names = ['Physical therapy treatment', 'Inital Care', 'Diagnositc Criteria', 'Special Studys', 'Acupunture', '326', 'xylophone repair', 'Lateral Epicondylagia', 'Use of urine drug testing', 'Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatmnt', 'Chronic pain programs (functional restoration)', 'TENS unit', 'NSAIDs, GI symptoms and cardiovascular risk', 'Home health services', 'Medial epicondylalgia', 'Table 12-8'];
    let compared = 0;
    for (const g of index.guidelines) {
      for (const n of [...names, ...g.topics.slice(0, 8).map((t) => t.name.replace(/e/, 'a'))]) {
        for (const max of [1, 3, 5]) {
          assert.deepEqual(suggestTopics(g, n, max).map((t) => t.name), reference(g, n, max).map((t) => t.name), `${g.id}: ${n} (max ${max})`);
          compared++;
        }
      }
    }
    assert.ok(compared > 500);
  });
});
