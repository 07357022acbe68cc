import { strict as assert } from 'assert';
import { lint } from '../../helpers/engine';
import { edit, lineOf, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, L2009, BASE, crlf } from './letters';

testRule('field-label', {
  valid: [
    ...cleanLetters(),
    { name: 'a label in another case is not a misspelling', text: edit(L2016, ['Decision rationale: The MTUS Guideline', 'Decision Rationale: The MTUS Guideline']) },
    { name: 'prose that begins like a label', text: edit(L2016, ['The records show 12 prior visits', 'Decision rationale aside, the records show 12 prior visits']) },
  ],
  invalid: [
    {
      name: 'a misspelled rationale label: read as the rationale, and the label fixed',
      text: edit(L2016, ['Decision rationale: The MTUS Guideline', 'Decison rationale: The MTUS Guideline']),
      errors: [{ line: lineOf(L2016, 'Decision rationale: The MTUS Guideline'), column: 1, messageId: 'misspelled-decision-rationale' }],
      output: L2016,
    },
    {
      name: 'a misspelled MAXIMUS label',
      text: edit(L2016, ['MAXIMUS guideline: Decision based on MTUS Low Back', 'MAXIMUS guidline: Decision based on MTUS Low Back']),
      errors: [{ messageId: 'misspelled-maximus-guideline' }],
      output: L2016,
    },
    {
      name: 'a header label without its colon',
      text: edit(L2016, ['Date of Injury:      03/02/2015', 'Date of Injury       03/02/2015']),
      errors: [{ line: 2, messageId: 'no-colon-date-of-injury' }],
      output: edit(L2016, ['Date of Injury:      03/02/2015', 'Date of Injury:       03/02/2015']),
    },
    {
      name: 'a misspelled Claims Administrator label in the 2009 letter',
      text: edit(L2009, ['Claims Administrator guideline: Decision based', 'Claims Administrater guideline: Decision based']),
      errors: 1,
      output: L2009,
    },
    {
      name: 'a misspelled header label in a CRLF letter, fixed keeping CRLF',
      text: edit(crlf(BASE), ['Decision Date:', 'Decison Date:']),
      errors: 1,
      output: crlf(BASE),
    },
    {
      name: 'a misspelled label with a run of spaces between its words, fixed to the label',
      text: edit(L2016, ['Decision rationale: The MTUS Guideline', `Decision${' '.repeat(300)}rationle: The MTUS Guideline`]),
      errors: [{ messageId: 'misspelled-decision-rationale' }],
      output: L2016,
    },
  ],
});

describe('field-label on a label with a long run of spaces', () => {
  it('takes linear time (the colon was stripped with a quadratic pattern: 8 s for 100,000 spaces)', () => {
    const text = edit(L2016, ['Decision rationale: The MTUS Guideline', `Decison${' '.repeat(100_000)}rationale: The MTUS Guideline`]);
    const start = performance.now();
    const found = lint(text).filter((f) => f.ruleId === 'field-label');
    assert.ok(performance.now() - start < 1000, `${Math.round(performance.now() - start)} ms`);
    assert.deepEqual(
      found.map((f) => f.messageId),
      ['misspelled-decision-rationale'],
    );
  });
});
