import * as assert from 'assert';
import { HEADER_ORDER } from '../../server/src/engine';
import { DATE_FIELDS, HEADER_HELP } from '../../server/src/service/header-fields';

describe('service/header-fields', () => {
  it('has help for every header field of the engine vocabulary, and only those', () => {
    assert.deepStrictEqual(Object.keys(HEADER_HELP).sort(), [...HEADER_ORDER].sort());
    for (const key of HEADER_ORDER) assert.ok(HEADER_HELP[key].length > 10, key);
  });

  it('lists the five date fields, and each date field\'s help names the MM/DD/YYYY form', () => {
    assert.deepStrictEqual([...DATE_FIELDS].sort(), ['applicationReceived', 'dateAssigned', 'dateOfInjury', 'decisionDate', 'urDenialDate']);
    for (const key of DATE_FIELDS) assert.match(HEADER_HELP[key], /\(MM\/DD\/YYYY\)\.$/, key);
    for (const key of HEADER_ORDER.filter((k) => !DATE_FIELDS.includes(k))) assert.doesNotMatch(HEADER_HELP[key], /MM\/DD\/YYYY/, key);
  });

  it('describes the case number format and the priority values', () => {
    assert.match(HEADER_HELP.caseNumber, /`CM` \+ two-digit year \+ `-` \+ seven digits/);
    assert.strictEqual(HEADER_HELP.priority, '`Standard` or `Expedited`.');
  });
});
