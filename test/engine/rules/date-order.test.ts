import { edit, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, L2009, BASE } from './letters';

testRule('date-order', {
  valid: [
    ...cleanLetters(),
    { name: 'two dates on the same day', text: edit(L2016, ['Decision Date:        02/09/2017', 'Decision Date:        01/17/2017']) },
    { name: 'a missing date is left to header-field', text: edit(L2016, ['UR Denial Date:      12/14/2016', 'UR Denial Date:                ']) },
  ],
  invalid: [
    { name: 'a decision before the injury', text: edit(L2016, ['Decision Date:        02/09/2017', 'Decision Date:        02/09/2014']), errors: [{ line: 3, column: 23, message: /Decision Date/ }] },
    { name: 'a UR denial before the injury: both dates of the inverted pair are named', text: edit(L2016, ['UR Denial Date:      12/14/2016', 'UR Denial Date:      12/14/2014']), errors: [{ line: 2, message: /Date of Injury/ }, { line: 3, message: /UR Denial Date/ }] },
    { name: 'an application received after the assignment: both dates of the inverted pair are named', text: edit(L2016, ['Application          01/11/2017', 'Application          01/31/2017']), errors: 2 },
    { name: 'a decision before the assignment', text: edit(BASE, ['Decision Date:        02/10/2017', 'Decision Date:        01/10/2017']), errors: 1 },
    { name: 'an injury in the future of every other date', text: edit(L2009, ['Date of Injury: 01/25/2013', 'Date of Injury: 01/25/2019']), errors: 1 },
  ],
});
