import { edit, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, L2009, BASE } from './letters';

testRule('header-field', {
  valid: [
    ...cleanLetters(),
    { name: 'an expedited review', text: edit(L2016, ['Priority:             Standard', 'Priority:             Expedited']) },
    { name: 'trailing spaces after a value', text: edit(L2009, ['Date Assigned: 06/02/2014', 'Date Assigned: 06/02/2014   ']) },
  ],
  invalid: [
    { name: 'no case number value', text: edit(L2016, ['Case Number:          CM17-0100001', 'Case Number:          ']), errors: [{ line: 1, message: /Case Number/ }] },
    { name: 'a priority that is not Standard or Expedited', text: edit(L2016, ['Priority:             Standard', 'Priority:             Urgentish']), errors: [{ line: 4, column: 23, message: /Priority/ }] },
    { name: 'an impossible date', text: edit(L2016, ['Decision Date:        02/09/2017', 'Decision Date:        02/30/2017']), errors: [{ line: 3, message: /Decision Date/ }] },
    {
      name: 'a date without leading zeros: fixed, the next column kept in place',
      text: edit(L2016, ['Date Assigned:        01/17/2017', 'Date Assigned:        1/17/2017 ']),
      errors: [{ line: 2, message: 'Header field "Date Assigned": "1/17/2017" is a date, but the header writes dates MM/DD/YYYY.' }],
      output: L2016,
    },
    {
      name: 'a date with dashes: fixed',
      text: edit(L2016, ['Date of Injury:      03/02/2015', 'Date of Injury:      03-02-2015']),
      errors: [{ line: 2, message: /"03-02-2015" is a date, but the header writes dates MM\/DD\/YYYY/ }],
      output: L2016,
    },
    {
      name: 'a two-digit year: not a date written MM/DD/YYYY, and no guess at the century',
      text: edit(L2016, ['UR Denial Date:      12/14/2016', 'UR Denial Date:      12/14/16']),
      errors: [{ line: 3, message: 'Header field "UR Denial Date": "12/14/16" is not a real date written MM/DD/YYYY.' }],
      output: null,
    },
    {
      name: 'an impossible date in another form: no fix',
      text: edit(L2016, ['Date Assigned:        01/17/2017', 'Date Assigned:        2/30/2017 ']),
      errors: [{ line: 2, message: /is not a real date written MM\/DD\/YYYY/ }],
      output: null,
    },
    { name: 'a date that is not a date', text: edit(L2009, ['Date Assigned: 06/02/2014', 'Date Assigned: June the second']), errors: 1 },
    { name: 'a malformed case number', text: edit(BASE, ['Case Number:          CM17-0012345', 'Case Number:          17-12345']), errors: [{ line: 1, message: /Case Number/ }] },
  ],
});
