import { edit, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2009, BASE, crlf, withBom } from './letters';

const CA = 'Physical Medicine Page(s): 98-99.\n\nMAXIMUS';
/** The one-item letter's Claims Administrator line, citing an ACOEM table with `pages`. */
const tableLine = (pages: string) =>
  edit(BASE, [
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Physical medicine treatment.',
    `Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004, Table 12-8 Page(s): ${pages}.`,
  ]);
const MAX = 'Medicine Page(s): 98-99.\n\nDecision';

testRule('citation-page-mismatch', {
  valid: [
    ...cleanLetters(),
    { name: 'one page of the topic\'s span', text: edit(L2009, [CA, 'Physical Medicine Page(s): 98.\n\nMAXIMUS']) },
    { name: 'the span written with "and"', text: edit(L2009, [MAX, 'Medicine Page(s): 98 and 99.\n\nDecision']) },
    // the index knows where letters cite Table 12-8 (309), not where the table starts and ends
    { name: 'a table cited with a span over its known page, inside the chapter', text: tableLine('308-310') },
    { name: 'a table cited on its known page', text: tableLine('309') },
  ],
  invalid: [
    {
      name: 'a page off an unverified entry: a warning, and the index\'s pages only as a suggestion',
      text: edit(L2009, [CA, 'Drug testing Page(s): 44.\n\nMAXIMUS']),
      errors: [{ messageId: 'mismatch', severity: 'warning', message: /unverified/, suggestions: [{ output: edit(L2009, [CA, 'Drug testing Page(s): 43.\n\nMAXIMUS']) }] }],
      output: null,
    },
    {
      name: 'a page off the verified entry: fixed with the index\'s pages',
      text: edit(L2009, [CA, 'Physical Medicine Page(s): 97.\n\nMAXIMUS']),
      errors: [{ line: 26, column: 28, messageId: 'mismatch', severity: 'error', message: /on page\(s\) 98-99 of .*not 97/ }],
      output: L2009,
    },
    {
      name: 'a table cited on other pages: an error, and its known page only as a suggestion',
      text: tableLine('319'),
      errors: [{ messageId: 'mismatch', severity: 'error', message: /Table 12-8 is on page\(s\) 309 of .*not 319/, suggestions: [{ output: tableLine('309') }] }],
      output: null,
    },
    {
      name: 'a table cited with a span running out of its chapter',
      text: tableLine('325-328'),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      output: null,
    },
    {
      name: 'a page far outside the topic',
      text: edit(L2009, [MAX, 'Medicine Page(s): 44.\n\nDecision']),
      errors: [{ messageId: 'mismatch' }],
      output: L2009,
    },
    {
      name: 'both guideline lines wrong: both fixed',
      text: edit(L2009, [CA, 'Physical Medicine Page(s): 97.\n\nMAXIMUS'], [MAX, 'Medicine Page(s): 100.\n\nDecision']),
      errors: 2,
      output: L2009,
    },
    {
      name: 'fixed in a CRLF letter, keeping CRLF',
      text: edit(crlf(L2009), ['Physical Medicine Page(s): 98-99.\r\n\r\nMAXIMUS', 'Physical Medicine Page(s): 97.\r\n\r\nMAXIMUS']),
      errors: 1,
      output: crlf(L2009),
    },
    {
      name: 'fixed in a letter with a BOM, keeping the BOM',
      text: edit(withBom(L2009), [MAX, 'Medicine Page(s): 9.\n\nDecision']),
      errors: 1,
      output: withBom(L2009),
    },
  ],
});
