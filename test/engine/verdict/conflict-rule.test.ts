import { strict as assert } from 'assert';
import { defaultConfig, lintText, renderMessage } from '../../../server/src/engine';
import { decisionRationaleConflict } from '../../../server/src/engine/rules/decision-rationale-conflict';
import { bundledIndex, spliceIntoLetter } from '../../support/splice-letter';
import { REPO_ROOT } from '../../helpers/engine';
import { nth } from '../../helpers/checked';

/** Whole letters (the base letter with its disputed items replaced) linted for decision-rationale-conflict. */

function item(name: string, decision: string, rationale: string): string {
  return [
    `${name}: ${decision}`,
    '',
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,',
    'Section(s): Physical medicine treatment.',
    '',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s):',
    'Physical medicine treatment.',
    '',
    `Decision rationale: ${rationale}`,
    '',
  ].join('\n');
}

function lintItems(...items: string[]) {
  const text = spliceIntoLetter(items.join('\n'), 'items');
  return lintText({ text, config: defaultConfig(REPO_ROOT), index: bundledIndex() });
}

function conflicts(...items: string[]) {
  return lintItems(...items).findings.filter((f) => f.ruleId === 'decision-rationale-conflict');
}

const NOT_NECESSARY = [
  'The worker completed 12 sessions without documented functional improvement. Therefore, the request is not medically necessary.',
  'No, the request for physical therapy was not medically necessary, medically appropriate, or indicated here. Twelve sessions brought no gains.',
  'Twelve sessions brought no gains. As such, the request is not-medically necessary.',
  'The request exceeds the guideline. Therefore, the request is not medically necessary. Physical therapy is medically indicated when a new injury occurs.',
  'The request is non-certified, although a home exercise program is medically necessary.',
];
const NECESSARY = [
  'The worker had a new flare and has not had therapy this year. Therefore, the request is medically necessary.',
  'Yes, the request for physical therapy was medically necessary, medically appropriate, and indicated here.',
  'The UR found the therapy not medically necessary. I do not agree; a new deficit is documented, and therapy is appropriate.',
  'It cannot be said that the physical therapy is not medically necessary.',
  'The therapy is not only medically necessary but urgent after the fall.',
  'The request is medically reasonable and appropriate.',
];
const UNCLEAR = [
  'The guideline recommends up to 10 visits for myalgia.',
  'Further therapy would be medically necessary if a new injury were documented.',
];

describe('decision-rationale-conflict (whole letters)', function () {
  for (const r of NOT_NECESSARY) {
    it(`Upheld agrees, Overturned conflicts: ${r.slice(0, 60)}…`, function () {
      assert.deepEqual(conflicts(item('Physical therapy, 8 sessions', 'Upheld', r)), []);
      const found = conflicts(item('Physical therapy, 8 sessions', 'Overturned', r));
      assert.ok(found.length >= 1, 'conflict reported');
      const first = nth(found, 0, 'finding');
      assert.equal(first.severity, 'error');
      assert.equal(first.messageId, 'overturnedButNotNecessary');
      assert.equal(first.range.start.line, 26, 'on the decision line');
    });
  }
  for (const r of NECESSARY) {
    it(`Overturned agrees, Upheld conflicts: ${r.slice(0, 60)}…`, function () {
      assert.deepEqual(conflicts(item('Physical therapy, 8 sessions', 'Overturned', r)), []);
      const found = conflicts(item('Physical therapy, 8 sessions', 'Upheld', r));
      assert.ok(found.length >= 1, 'conflict reported');
      assert.equal(nth(found, 0, 'finding').messageId, 'upheldButNecessary');
    });
  }
  for (const r of UNCLEAR) {
    it(`an unclear conclusion is never reported: ${r.slice(0, 60)}…`, function () {
      for (const d of ['Upheld', 'Overturned']) {
        const res = lintItems(item('Physical therapy, 8 sessions', d, r));
        assert.equal(nth(res.determination.items, 0, 'item').rationale?.conclusion, 'unclear');
        assert.deepEqual(res.findings.filter((f) => f.ruleId === 'decision-rationale-conflict'), []);
      }
    });
  }

  it('reads each item of a two-item letter for itself, and reports once, on the decision, pointing at the conclusion', function () {
    const a = item('MRI of the lumbar spine', 'Overturned', 'There are no red flags and the examination is normal.\nTherefore, the request is not medically necessary.');
    const b = item('Physical therapy, 8 sessions', 'Overturned', 'A new deficit is documented. Therefore, the request is medically necessary.');
    const res = lintItems(a, b);
    assert.deepEqual(res.determination.items.map((i) => i.rationale?.conclusion), ['not-medically-necessary', 'medically-necessary']);
    const found = res.findings.filter((f) => f.ruleId === 'decision-rationale-conflict');
    assert.deepEqual(found.map((f) => f.messageId), ['overturnedButNotNecessary']);
    assert.equal(found[0]?.related?.[0]?.range?.start.line, 35, 'its related location is the concluding phrase');
  });

  it('renders its messages with and without redaction (no letter data in them)', function () {
    const found = nth(conflicts(item('Physical therapy, 8 sessions', 'Overturned', nth(NOT_NECESSARY, 0, 'rationale'))), 0, 'finding');
    const meta = decisionRationaleConflict.meta;
    assert.equal(found.message, renderMessage(meta, { messageId: 'overturnedButNotNecessary', range: found.range }));
    assert.equal(renderMessage(meta, { messageId: 'overturnedButNotNecessary', range: found.range }, true), found.message);
  });
});
