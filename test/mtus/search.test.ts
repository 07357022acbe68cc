import { strict as assert } from 'assert';
import { loadIndex } from '../../server/src/engine/mtus/load';
import { searchIndex } from '../../server/src/engine/mtus/search';

describe('mtus/search', () => {
  const { index } = loadIndex([]);

  it('finds topics by name, best first, with guideline and formatted pages', () => {
    const hits = searchIndex(index, 'physical medicine');
    assert.ok(hits.length >= 2);
    const best = hits[0]!;
    assert.equal(best.topic.name, 'Physical medicine');
    assert.equal(best.guideline.id, 'cpmtg-2009');
    assert.equal(best.pages, '98-99');
    assert.equal(best.score, 1);
    assert.ok(hits.some((h) => h.topic.name === 'Physical medicine treatment' && h.guideline.id === 'cpmtg-2016'));
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score);
  });

  it('matches aliases, words inside names, numbers and near misses', () => {
    assert.equal(searchIndex(index, 'Home health services').find((h) => h.guideline.id === 'cpmtg-2016')?.pages, '89-90');
    assert.ok(searchIndex(index, 'urine drug').some((h) => h.guideline.id === 'opioids-2016' && h.topic.number === '3.3.6'));
    assert.equal(searchIndex(index, '3.3.6')[0]?.topic.name, 'Use of Urine Drug Testing (UDT)');
    assert.ok(searchIndex(index, 'Inital Care').some((h) => h.topic.name === 'Initial Care'));
    assert.ok(!searchIndex(index, 'tens').some((h) => h.topic.name === 'Extension of treatment'), 'no match inside a word');
  });

  it('respects max and ignores empty text', () => {
    assert.equal(searchIndex(index, 'special studies', 3).length, 3);
    assert.deepEqual(searchIndex(index, '   '), []);
  });
});
