import { edit, lineOf, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, L2009, BASE } from './letters';

const SUMMARY = '                                CLINICAL CASE SUMMARY\n';

testRule('section-duplicate', {
  valid: [
    ...cleanLetters(),
    { name: 'the heading words inside prose', text: edit(L2016, ['She has low back pain', 'The clinical case summary notes she has low back pain']) },
  ],
  invalid: [
    {
      name: 'the clinical case summary heading twice',
      text: edit(L2016, ['The injured worker is a 51', `${SUMMARY}The injured worker is a 51`]),
      errors: [{ line: lineOf(L2016, 'The injured worker is a 51'), message: /CLINICAL CASE SUMMARY/ }],
    },
    {
      name: 'the issues heading twice',
      text: edit(L2016, ['MRI of the lumbar spine without contrast: Overturned', 'IMR ISSUES, DECISIONS AND RATIONALES\n\nMRI of the lumbar spine without contrast: Overturned']),
      errors: 1,
    },
    {
      name: 'the how-made heading twice in the 2009 letter',
      text: edit(L2009, ['CLINICAL CASE SUMMARY', 'HOW THE IMR FINAL DETERMINATION WAS MADE\n\nCLINICAL CASE SUMMARY']),
      errors: 1,
    },
    {
      name: 'a section heading three times: two findings',
      text: edit(BASE, ['The injured worker is', 'CLINICAL CASE SUMMARY\n\nCLINICAL CASE SUMMARY\n\nThe injured worker is']),
      errors: 2,
    },
    {
      name: 'a duplicate heading in title case',
      text: edit(BASE, ['The injured worker is', 'Clinical Case Summary\n\nThe injured worker is']),
      errors: 1,
      output: null,
    },
  ],
});
