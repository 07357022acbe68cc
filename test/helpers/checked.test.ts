import { strict as assert } from 'assert';
import { last, nth } from './checked';

describe('test helpers: checked index reads', () => {
  it('nth returns the element, and fails naming what is missing (a negative index included)', () => {
    assert.equal(nth(['a', 'b'], 1), 'b');
    assert.equal(nth([0], 0), 0, 'a falsy element is there');
    assert.throws(() => nth(['a', 'b'], 2, 'finding'), { name: 'AssertionError', message: 'no finding at index 2 (there are 2)' });
    assert.throws(() => nth([], 0, 'problem'), { name: 'AssertionError', message: 'no problem at index 0 (there are 0)' });
    assert.throws(() => nth(['x'], -1, 'line'), { name: 'AssertionError', message: 'no line at index -1 (there is 1)' });
    assert.throws(() => nth(['x'], 0.5), { name: 'AssertionError' });
  });

  it('last returns the last element, and fails on an empty list', () => {
    assert.equal(last([1, 2, 3]), 3);
    assert.throws(() => last([], 'page reference'), { name: 'AssertionError', message: 'no page reference: the list is empty' });
  });
});
