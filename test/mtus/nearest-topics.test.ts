import { strict as assert } from 'assert';
import { loadIndex } from '../../server/src/engine/mtus/load';
import { suggestTopics } from '../../server/src/engine/mtus/similarity';
import { nearestTopics } from '../../server/src/engine/mtus/nearest-topics';

const index = loadIndex([]).index;

describe('nearestTopics (remembered suggestions)', () => {
  it('gives what suggestTopics gives, for known, mistyped and unrelated names in every guideline', () => {
    for (const g of index.guidelines) {
      const first = g.topics[0];
      const names = ['Opiods for chronic pain', 'Physcal medicine', 'zzzz', '', first ? first.name : 'x', first ? first.name.slice(1) : 'y'];
      for (const name of names) {
        const want = suggestTopics(g, name, 3).map((t) => t.name);
        assert.deepEqual(nearestTopics(g, name).map((t) => t.name), want, `${g.id}: ${name}`);
        assert.deepEqual(nearestTopics(g, name).map((t) => t.name), want, `${g.id}: ${name} (again)`);
      }
    }
  });

  it('remembers per guideline: a second call returns the same answer without recomputing it', () => {
    const g = index.guidelines.find((x) => x.topics.some((t) => t.name.length >= 8));
    const topic = g?.topics.find((t) => t.name.length >= 8);
    assert.ok(g && topic);
    const typo = topic.name.slice(0, 3) + topic.name.slice(2); // one letter doubled
    const a = nearestTopics(g, typo);
    assert.ok(a.some((t) => t === topic), 'a near miss has the topic among its suggestions');
    assert.equal(nearestTopics(g, typo), a);
    const other = index.guidelines.find((x) => x !== g && x.topics.length > 0);
    assert.ok(other);
    assert.deepEqual(nearestTopics(other, typo).map((t) => t.name), suggestTopics(other, typo, 3).map((t) => t.name));
  });
});
