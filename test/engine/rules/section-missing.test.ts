import { edit, lineOf, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, L2009, BASE, crlf } from './letters';

const SUMMARY = '                                CLINICAL CASE SUMMARY\n';
const HOW = '                 HOW THE IMR FINAL DETERMINATION WAS MADE\n';

/** The case summary's text: from after its heading to the next heading. */
const SUMMARY_BODY = L2016.slice(L2016.indexOf(SUMMARY) + SUMMARY.length, L2016.indexOf('                       IMR ISSUES'));

testRule('section-missing', {
  valid: [
    ...cleanLetters(),
    { name: 'a heading in lower case is still the section (heading-format reports the case)', text: edit(L2016, ['CLINICAL CASE SUMMARY', 'Clinical Case Summary']) },
    { name: 'a heading written twice: one finding, section-duplicate\'s', text: edit(L2016, ['                                CLINICAL CASE SUMMARY\n', '                                CLINICAL CASE SUMMARY\n                                CLINICAL CASE SUMMARY\n']) },
    { name: 'a misspelled heading is still the section', text: edit(L2016, ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'HOW THE IMR FINAL DETERMINATON WAS MADE']) },
  ],
  invalid: [
    {
      name: 'a case summary with no text under its heading',
      text: edit(L2016, [SUMMARY + SUMMARY_BODY, `${SUMMARY}\n`]),
      errors: [{ messageId: 'emptySection', line: lineOf(L2016, 'CLINICAL CASE SUMMARY'), message: 'Section "CLINICAL CASE SUMMARY" has no text.' }],
      output: null,
    },
    {
      name: 'the clinical case summary heading is gone',
      text: edit(L2016, [SUMMARY, '']),
      errors: [{ line: lineOf(L2016, 'CLINICAL CASE SUMMARY'), message: /CLINICAL CASE SUMMARY/ }],
      output: edit(L2016, [SUMMARY, 'CLINICAL CASE SUMMARY\n']),
    },
    {
      name: 'the how-made heading is gone',
      text: edit(L2016, [HOW, '']),
      errors: [{ message: /HOW THE IMR FINAL DETERMINATION WAS MADE/ }],
      output: edit(L2016, [HOW, 'HOW THE IMR FINAL DETERMINATION WAS MADE\n']),
    },
    {
      name: 'two headings are gone: one finding each',
      text: edit(L2016, [HOW, ''], [SUMMARY, '']),
      errors: 2,
      output: edit(L2016, [HOW, 'HOW THE IMR FINAL DETERMINATION WAS MADE\n'], [SUMMARY, 'CLINICAL CASE SUMMARY\n']),
    },
    {
      name: 'a heading missing where no intro line shows its place: reported, not inserted (CRLF)',
      text: edit(crlf(L2009), ['CLINICAL CASE SUMMARY\r\n', '']),
      errors: 1,
      output: null,
    },
    {
      name: 'the summary heading is missing from the one-item letter: reported, not inserted',
      text: edit(BASE, ['CLINICAL CASE SUMMARY\n', '']),
      errors: 1,
      output: null,
    },
  ],
});
