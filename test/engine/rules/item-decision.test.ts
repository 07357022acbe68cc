import { edit, lineOf, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, L2009, BASE, crlf } from './letters';

const ITEM_2009 = 'Therapeutic Exercises: Upheld';
const MRI = 'MRI of the lumbar spine without contrast: Overturned';

testRule('item-decision', {
  valid: [
    ...cleanLetters(),
    { name: 'the decision alone on the line after a wrapped item', text: edit(L2016, [MRI, 'MRI of the lumbar spine without contrast:\nOverturned']) },
  ],
  invalid: [
    {
      name: 'a misspelled decision is fixed: it can only mean Upheld',
      text: edit(L2009, [ITEM_2009, 'Therapeutic Exercises: Uphled']),
      errors: [{ line: lineOf(L2009, ITEM_2009), column: 24, messageId: 'notAllowed', suggestions: [] }],
      output: L2009,
    },
    {
      name: 'a decision in lower case is fixed',
      text: edit(L2016, [MRI, 'MRI of the lumbar spine without contrast: overturned']),
      errors: [{ messageId: 'notAllowed' }],
      output: L2016,
    },
    {
      name: 'a missing decision is never written by --fix: both words are offered, the conclusion\'s first',
      text: edit(L2009, [ITEM_2009, 'Therapeutic Exercises:']),
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            { desc: /Upheld.*not medically necessary/, output: L2009 },
            { desc: /Overturned/, output: edit(L2009, [ITEM_2009, 'Therapeutic Exercises: Overturned']) },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a word that is not certainly a decision word gets suggestions, not a fix',
      text: edit(BASE, ['lumbar spine: Upheld', 'lumbar spine: Denied']),
      errors: [{ messageId: 'notAllowed', suggestions: [{ output: BASE }, { output: edit(BASE, ['lumbar spine: Upheld', 'lumbar spine: Overturned']) }] }],
      output: null,
    },
    {
      name: 'a misspelling in a CRLF letter is fixed keeping CRLF',
      text: edit(crlf(L2016), [MRI, 'MRI of the lumbar spine without contrast: Overturnd']),
      errors: 1,
      output: crlf(L2016),
    },
  ],
});
