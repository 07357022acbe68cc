import { edit, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016 } from './letters';

const REF = 'ACOEM Chapter 12, Table 12-8, page 309 recommends';
const at = (ref: string) => edit(L2016, [REF, ref]);

testRule('rationale-page-mismatch', {
  valid: [
    ...cleanLetters(),
    { name: 'pp. with the right page', text: at('ACOEM Chapter 12, Table 12-8, pp. 309 recommends') },
    // letters cite the table on 309; a span over it, inside the chapter, may be the whole table
    { name: 'a table cited with a span over its known page', text: at('ACOEM Chapter 12, Table 12-8, pages 308-310 recommends') },
    { name: 'a page of another document is left alone', text: edit(L2016, ['The records show 12 prior visits', 'The progress report of 12/05/2016 (page 3) shows 12 prior visits']) },
    { name: 'an ACOEM 3rd edition page is not the MTUS index\'s business', text: at('ACOEM 3rd edition, Chapter 12, page 1040 recommends') },
    { name: 'an ODG chapter named after ODG is ODG\'s', text: edit(L2016, ['The records show 12 prior visits', 'Per the Official Disability Guidelines, Low Back chapter, page 12, more visits are allowed. The records show 12 prior visits']) },
    { name: 'a page inside General Approaches', text: edit(L2016, ['documented functional improvement.', 'documented functional improvement (MTUS General Approaches 2004, page 92).']) },
    { name: 'an ODG page is left alone', text: edit(L2016, ['The records show 12 prior visits', 'ODG (page 12) allows more. The records show 12 prior visits']) },
  ],
  invalid: [
    {
      name: 'a wrong table page: the index page is only ever a suggestion (rationale prose)',
      text: at('ACOEM Chapter 12, Table 12-8, page 390 recommends'),
      errors: [{ messageId: 'mismatch', severity: 'warning', message: /Page 390/, suggestions: [{ output: L2016 }] }],
      output: null,
    },
    { name: 'pp. form', text: at('ACOEM Chapter 12, Table 12-8, pp. 390 recommends'), errors: 1, output: null },
    { name: 'p. form without a space', text: at('ACOEM Chapter 12, Table 12-8, p.390 recommends'), errors: 1, output: null },
    { name: 'a list of pages: each page is checked', text: at('ACOEM Chapter 12, Table 12-8, pages 390, 391 recommends'), errors: 2, output: null },
    { name: 'a page outside the chapter named nearby', text: at('ACOEM Low Back chapter, page 12, recommends'), errors: 1, output: null },
    {
      name: 'an MTUS guideline named after ODG in the sentence: its page is checked',
      text: edit(L2016, ['documented functional improvement.', 'documented functional improvement, per ODG (MTUS Low Back Complaints 2004, page 998).']),
      errors: [{ message: /Page 998 .*Low Back Complaints 2004/ }],
      output: null,
    },
    {
      name: 'a page outside General Approaches, named in the sentence',
      text: edit(L2016, ['documented functional improvement.', 'documented functional improvement (MTUS General Approaches 2004, page 998).']),
      errors: [{ message: /Page 998 .*General Approaches 2004/ }],
      output: null,
    },
  ],
});
