import { edit, lineOf, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, L2009, BASE, crlf } from './letters';

testRule('heading-format', {
  valid: [
    ...cleanLetters(),
    { name: 'a heading indented differently', text: edit(L2016, ['                                CLINICAL CASE SUMMARY', 'CLINICAL CASE SUMMARY']) },
    { name: 'prose that mentions the clinical case summary', text: edit(L2016, ['including all medical records:', 'including all medical records; see the clinical case summary below:']) },
  ],
  invalid: [
    {
      name: 'a misspelled heading',
      text: edit(L2016, ['CLINICAL CASE SUMMARY', 'CLINICAL CASE SUMARY']),
      errors: [{ line: lineOf(L2016, 'CLINICAL CASE SUMMARY'), column: 33, message: /CLINICAL CASE SUMMARY/ }],
      output: L2016,
    },
    {
      name: 'a heading in title case',
      text: edit(L2016, ['IMR ISSUES, DECISIONS AND RATIONALES', 'Imr Issues, Decisions and Rationales']),
      errors: 1,
      output: L2016,
    },
    {
      name: 'a heading without its comma',
      text: edit(L2009, ['IMR ISSUES, DECISIONS AND RATIONALES', 'IMR ISSUES DECISIONS AND RATIONALES']),
      errors: 1,
      output: L2009,
    },
    {
      name: 'two misspelled headings in a CRLF letter: CRLF kept',
      text: edit(crlf(L2016), ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'HOW THE IMR FINAL DETERMINATON WAS MADE'], ['CLINICAL CASE SUMMARY', 'CLINCAL CASE SUMMARY']),
      errors: 2,
      output: crlf(L2016),
    },
    {
      name: 'a heading in lower case in the one-item letter',
      text: edit(BASE, ['CLINICAL CASE SUMMARY', 'clinical case summary']),
      errors: 1,
      output: BASE,
    },
  ],
});
