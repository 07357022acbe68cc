import * as assert from 'assert';
import { documentStats } from '../../server/src/service/stats';
import { CLEAN_2009, CLEAN_2016, parse } from './letter';

describe('service/stats', () => {
  it('counts upheld and overturned items, and passes the index label through', () => {
    assert.deepStrictEqual(documentStats(parse(CLEAN_2016), 'bundled MTUS index'), { upheld: 1, overturned: 1, items: 2, index: 'bundled MTUS index' });
    assert.deepStrictEqual(documentStats(parse(CLEAN_2009), 'x'), { upheld: 1, overturned: 0, items: 1, index: 'x' });
  });

  it('counts an item without a decision, or with a word that is not one, as an item only', () => {
    const none = CLEAN_2016.replace('lumbar spine: Upheld', 'lumbar spine:');
    assert.deepStrictEqual(documentStats(parse(none), 'i'), { upheld: 0, overturned: 1, items: 2, index: 'i' });
    const wrong = CLEAN_2016.replace('contrast: Overturned', 'contrast: Denied');
    assert.deepStrictEqual(documentStats(parse(wrong), 'i'), { upheld: 1, overturned: 0, items: 2, index: 'i' });
  });

  it('is all zeros for an empty letter', () => {
    assert.deepStrictEqual(documentStats(parse(''), 'i'), { upheld: 0, overturned: 0, items: 0, index: 'i' });
  });
});
