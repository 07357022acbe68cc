import { edit, lineOf, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, L2009, BASE } from './letters';

const ITEM_2009 = 'Therapeutic Exercises: Upheld';

testRule('decision-rationale-conflict', {
  valid: [
    ...cleanLetters(),
    {
      name: 'a conditional guideline sentence after the verdict does not count',
      text: edit(L2016, ['As such, the request is medically\nnecessary.', 'As such, the request is medically\nnecessary. Imaging is not medically necessary when red flags are absent.']),
    },
    {
      name: 'an unclear conclusion is silent',
      text: edit(L2009, ['issues, the currently requested therapeutic exercises are not medically necessary.', 'issues, it is unclear whether the requested therapeutic exercises are medically necessary.']),
    },
  ],
  invalid: [
    {
      name: 'Overturned while the rationale concludes not medically necessary',
      text: edit(L2009, [ITEM_2009, 'Therapeutic Exercises: Overturned']),
      errors: [{ line: lineOf(L2009, ITEM_2009), column: 24, messageId: 'overturnedButNotNecessary' }],
    },
    {
      name: 'Upheld while the rationale concludes medically necessary',
      text: edit(L2016, ['without contrast: Overturned', 'without contrast: Upheld']),
      errors: [{ messageId: 'upheldButNecessary' }],
    },
    {
      name: 'a "No," opener that a real letter uses, against Overturned',
      text: edit(BASE, ['lumbar spine: Upheld', 'lumbar spine: Overturned'], ['Therefore, the request for 8 sessions of physical therapy is not medically necessary.', 'No, the request for 8 sessions of physical therapy was not medically necessary, medically appropriate, or indicated here.']),
      errors: [{ messageId: 'overturnedButNotNecessary' }],
    },
    {
      name: 'a double negative reads as necessary, against Upheld',
      text: edit(BASE, ['Therefore, the request for 8 sessions of physical therapy is not medically necessary.', 'It cannot be said that the request for 8 sessions of physical therapy is not medically necessary; it is medically necessary.']),
      errors: [{ messageId: 'upheldButNecessary' }],
    },
    {
      name: 'non-certified, against Overturned',
      text: edit(L2016, ['lumbar spine: Upheld', 'lumbar spine: Overturned'], ['Therefore, the request is not medically necessary.', 'Therefore, the request is non-certified.']),
      errors: [{ messageId: 'overturnedButNotNecessary' }],
    },
  ],
});
