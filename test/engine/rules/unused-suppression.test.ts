import { edit, lineOf, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, L2009, BASE } from './letters';

const ITEM = 'Physical therapy two times a week for four weeks for the lumbar spine: Upheld';

testRule('unused-suppression', {
  valid: [
    ...cleanLetters(),
    {
      name: 'a comment that suppresses a finding',
      text: edit(L2016, ['by utilization review on 12-14-2016.', 'by utilization review on 12-14-2016.\n<!-- imr-disable-next-line placeholder -- quoted from the UR letter -->\nThe UR letter reads TBD.']),
      alsoOn: ['placeholder'],
    },
    {
      name: 'a file-wide comment that suppresses a finding',
      text: `<!-- imr-disable-file placeholder -->\n${edit(L2009, ['There is no\ndocumentation', 'TBD There is no\ndocumentation'])}`,
      alsoOn: ['placeholder'],
    },
  ],
  invalid: [
    {
      name: 'a next-line comment over a clean line',
      text: edit(L2016, [ITEM, `<!-- imr-disable-next-line placeholder -->\n${ITEM}`]),
      errors: [{ line: lineOf(L2016, ITEM), message: /placeholder/ }],
      output: L2016,
    },
    {
      name: 'a comment naming a rule that does not exist',
      text: edit(L2016, [ITEM, `<!-- imr-disable-next-line no-such-rule -->\n${ITEM}`]),
      errors: [{ message: /no-such-rule/ }],
      output: L2016,
    },
    {
      name: 'a file-wide comment that suppresses nothing',
      text: `<!-- imr-disable-file -->\n${BASE}`,
      errors: 1,
      output: BASE,
    },
    {
      name: 'a comment with a reason that suppresses nothing',
      text: edit(L2009, ['Therapeutic Exercises: Upheld', '<!-- imr-disable-next-line heading-format -- the heading is right -->\nTherapeutic Exercises: Upheld']),
      errors: 1,
      output: L2009,
    },
    {
      name: 'two unused comments',
      text: edit(L2016, [ITEM, `<!-- imr-disable-next-line placeholder -->\n${ITEM}`], ['MRI of the lumbar spine without contrast: Overturned', '<!-- imr-disable-next-line date-order -->\nMRI of the lumbar spine without contrast: Overturned']),
      errors: 2,
      output: L2016,
    },
  ],
});
