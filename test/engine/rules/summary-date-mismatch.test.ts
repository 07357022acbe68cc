import { edit, lineOf, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, BASE } from './letters';

const INJURY = 'injured at work on 03-02-2015';

testRule('summary-date-mismatch', {
  valid: [
    ...cleanLetters(),
    { name: 'the same date written another way', text: edit(L2016, [INJURY, 'injured at work on March 2, 2015']) },
    { name: 'the same date with slashes', text: edit(L2016, [INJURY, 'injured at work on 03/02/2015']) },
    { name: 'other dates in the summary are not the injury', text: edit(L2016, ['She has low back pain', 'She was seen on 05/05/2016 for low back pain']) },
    { name: 'another injury is not the letter\'s', text: edit(L2016, ['She has low back pain', 'She had a prior industrial injury on 05/06/2011 to the knee. She has low back pain']) },
    { name: 'another claim\'s date of injury is not the letter\'s', text: edit(L2016, ['She has low back pain', 'She has a second claim with a date of injury of 2/1/2014 that is handled separately. She has low back pain']) },
    { name: 'the UR date with the abbreviation after the name', text: edit(L2016, ['She has low back pain', 'The Utilization Review (UR) dated 12-14-2016 denied the request. She has low back pain']) },
    { name: 'another review is not the letter\'s', text: edit(L2016, ['She has low back pain', 'A prior utilization review dated 10-1-2016 modified a previous request for acupuncture. She has low back pain']) },
  ],
  invalid: [
    {
      name: 'the summary gives another date of injury',
      text: edit(L2016, [INJURY, 'injured at work on 03-12-2015']),
      errors: [{ line: lineOf(L2016, INJURY), messageId: 'injury', severity: 'warning', message: /03-12-2015.*03\/02\/2015/ }],
    },
    { name: 'another year', text: edit(L2016, [INJURY, 'injured at work on 03-02-2014']), errors: 1 },
    {
      name: '"non-certified by utilization review on" another date than the header\'s',
      text: edit(L2016, ['by utilization review on 12-14-2016', 'by utilization review on 12-14-2015']),
      errors: [{ messageId: 'ur', message: /12-14-2015.*12\/14\/2016/ }],
    },
    { name: '"Utilization Review (UR) dated" another date', text: edit(L2016, ['She has low back pain', 'The Utilization Review (UR) dated 12-04-2016 denied the request. She has low back pain'], ['by utilization review on 12-14-2016', 'by utilization review']), errors: 1 },
    { name: 'a date of injury written in words', text: edit(L2016, [INJURY, 'injured at work on March 12, 2015']), errors: 1 },
    { name: 'a slashed date', text: edit(L2016, [INJURY, 'injured at work on 04/02/2015']), errors: 1 },
    {
      name: 'the one-item letter: "sustained an industrial injury on" phrasing',
      text: edit(BASE, ['who strained the lower back lifting a carton\non 06/14/2015', 'who sustained an industrial injury\non 06/15/2015']),
      errors: 1,
    },
  ],
});
