import { edit, lineOf, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016 } from './letters';

const PT = 'Physical therapy two times a week for four weeks for the lumbar spine';
const MRI = 'MRI of the lumbar spine without contrast';

testRule('item-duplicate', {
  valid: [
    ...cleanLetters(),
    { name: 'two items for different body parts', text: edit(L2016, [`${MRI}: Overturned`, 'MRI of the cervical spine without contrast: Overturned']) },
    { name: 'two items with different quantities', text: edit(L2016, [`${PT}: Upheld`, 'Physical therapy two times a week for six weeks for the lumbar spine: Upheld'], [`${MRI}: Overturned`, 'Physical therapy two times a week for four weeks for the cervical spine: Overturned']) },
    { name: 'one item named again in another item\'s rationale', text: edit(L2016, ['The worker has a', `Unlike the ${PT.toLowerCase()}, the MRI is needed. The worker has a`]) },
  ],
  invalid: [
    {
      name: 'the second item pasted over with the first one\'s text',
      text: edit(L2016, [`${MRI}: Overturned`, `${PT}: Overturned`]),
      errors: [{ messageId: 'duplicate', severity: 'warning', line: lineOf(L2016, MRI), message: `This disputed item is listed twice: its text is the same as the item on line ${lineOf(L2016, PT)}.` }],
      output: null,
    },
    { name: 'case and spacing aside', text: edit(L2016, [`${MRI}: Overturned`, `${PT.toUpperCase().replace(/ /g, '  ')}: Overturned`]), errors: 1, output: null },
    { name: 'a final period aside', text: edit(L2016, [`${MRI}: Overturned`, `${PT}.: Overturned`]), errors: 1, output: null },
    { name: 'the same decision too', text: edit(L2016, [`${MRI}: Overturned`, `${PT}: Upheld`]), errors: 1, output: null },
    { name: 'with CRLF line endings', text: edit(L2016, [`${MRI}: Overturned`, `${PT}: Overturned`]).replace(/\n/g, '\r\n'), errors: 1, output: null },
  ],
});
