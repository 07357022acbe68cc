import { strict as assert } from 'assert';
import { applyFixes, defaultConfig, lintText } from '../../server/src/engine';
import { Determination } from '../../server/src/engine/model/determination';
import { bundledIndex, fixture, REPO_ROOT } from '../helpers/engine';
import { nth } from '../helpers/checked';

/** One mistake, one finding: a mistyped label is read as the field it means and reported once. */

const clean = fixture('letters/clean-2016.imr');
const clean2009 = fixture('letters/clean-2009-pages.imr');

function lint(text: string) {
  return lintText({ text, config: defaultConfig(REPO_ROOT), index: bundledIndex() });
}

/** What the letter says, without positions. */
function model(d: Determination): unknown {
  return {
    header: Object.fromEntries(Object.entries(d.header.fields).map(([k, f]) => [k, f?.value])),
    items: d.items.map((i) => [i.text, i.decision, i.claimsAdministratorGuideline?.citations.length, i.maximusGuideline?.citations.length, i.rationale?.conclusion, i.rationale?.text.length]),
  };
}

describe('field-label: one finding per mistyped label', () => {
  const want = model(lint(clean).determination);
  const cases: [string, string, string][] = [
    ['Date of Injury:', 'Date of Injury', 'no colon'],
    ['Date of Injury:', 'Date of Injyry:', 'misspelled'],
    ['UR Denial Date:', 'UR Denail Date:', 'misspelled'],
    ['Priority:', 'Priorty:', 'misspelled'],
    ['Decision Date:', 'Decision Date', 'no colon'],
    ['Decision rationale:', 'Decison rationale:', 'misspelled'],
    ['Decision rationale:', 'Decision rationale', 'no colon'],
    ['MAXIMUS guideline:', 'MAXIMUS guidline:', 'misspelled'],
    ['Claims Administrator guideline:', 'Claims Adminstrator guideline:', 'misspelled'],
    ['Claims Administrator guideline:', 'Claims Administrator guideline', 'no colon'],
  ];
  for (const [right, wrong, kind] of cases) {
    it(`"${wrong}" (${kind})`, () => {
      const text = clean.replace(right, wrong);
      assert.notEqual(text, clean);
      const { findings, determination } = lint(text);
      assert.deepEqual(findings.map((f) => f.ruleId), ['field-label'], findings.map((f) => f.message).join('\n'));
      assert.match(nth(findings, 0, 'finding').message, new RegExp(`did you mean "${right.replace(/[()]/g, '\\$&')}"`));
      assert.deepEqual(model(determination), want, 'read as if it were right');
      assert.equal(applyFixes(text, findings).text.split(right).length, clean.split(right).length, 'the fix writes the label');
    });
  }

  it('reads Page(s) without its colon as the pages', () => {
    const { findings, determination } = lint(clean2009.replace('Medicine Page(s): 98-99.', 'Medicine Page(s) 97.'));
    const c = nth(nth(determination.items, 0, 'item').claimsAdministratorGuideline!.citations, 0, 'citation');
    assert.equal(c.topic?.name, 'Physical Medicine');
    assert.deepEqual(c.pages.map((p) => p.from), [97]);
    assert.deepEqual(findings.map((f) => f.ruleId), ['citation-page-mismatch']);
  });

  it('suggests the nearest guideline for a misspelled guideline name (a suggestion, not a fix)', () => {
    for (const [right, wrong] of [
      ['MTUS Low Back Complaints 2004', 'MTUS Low Back Complaint 2004'],
      ['MTUS Chronic Pain Medical Treatment 2016', 'MTUS Chronic Pain Medical Treatmnet 2016'],
    ] as const) {
      const text = clean.replace(right, wrong);
      const found = lint(text).findings.filter((f) => f.ruleId === 'citation-guideline-unknown');
      assert.equal(found.length, 1, wrong);
      const unknown = nth(found, 0, 'finding');
      assert.equal(unknown.fix, undefined);
      assert.equal(unknown.suggestions?.length, 1);
      const fixed = applyFixes(text, [{ ...unknown, fix: nth(unknown.suggestions!, 0, 'suggestion') }]).text;
      assert.ok(fixed.includes(right), fixed);
    }
  });

  it('does not take prose or item lines for labels', () => {
    const text = clean.replace('Decision rationale: ', 'Decision rationale: Decision making: the reviewer read the records. ');
    assert.deepEqual(lint(text).findings, []);
  });
});
