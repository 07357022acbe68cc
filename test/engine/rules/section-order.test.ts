import { edit, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, L2009, BASE } from './letters';

/** Moves the block of `from` (a heading with its paragraphs) to just before `before`. */
function move(text: string, from: string, to: string, before: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start);
  const block = text.slice(start, end);
  const without = text.slice(0, start) + text.slice(end);
  return edit(without, [before, `${block}${before}`]);
}

testRule('section-order', {
  valid: [
    ...cleanLetters(),
    { name: 'headings at other indentations', text: edit(L2016, ['                                CLINICAL CASE SUMMARY', 'CLINICAL CASE SUMMARY']) },
  ],
  invalid: [
    {
      name: 'two adjacent sections swapped: both are named, since either may be the one misplaced',
      text: move(L2016, '                                CLINICAL CASE SUMMARY', '                       IMR ISSUES', '                 HOW THE IMR'),
      errors: [{ line: 7, message: /CLINICAL CASE SUMMARY.*after/ }, { line: 16, message: /HOW THE IMR FINAL DETERMINATION WAS MADE.*before/ }],
    },
    {
      name: 'the issues moved to the top: only the issues are out of order',
      text: move(L2016, '                       IMR ISSUES', 'Decision rationale: The MTUS Guideline', '                 HOW THE IMR'),
      errors: [{ message: /IMR ISSUES, DECISIONS AND RATIONALES.*after "HOW THE IMR/ }],
    },
    {
      name: 'how-made moved to the end of the 2009 letter',
      text: L2009.slice(0, L2009.indexOf('HOW THE IMR')) + L2009.slice(L2009.indexOf('CLINICAL CASE SUMMARY')) + '\n' + L2009.slice(L2009.indexOf('HOW THE IMR'), L2009.indexOf('CLINICAL CASE SUMMARY')),
      errors: [{ message: /HOW THE IMR FINAL DETERMINATION WAS MADE/ }],
    },
    {
      name: 'the summary before how-made in the one-item letter',
      text: move(BASE, 'CLINICAL CASE SUMMARY', 'IMR ISSUES', 'HOW THE IMR'),
      errors: 2,
    },
    {
      name: 'a misspelled heading out of order is still out of order',
      text: move(L2016, '                       IMR ISSUES', 'Decision rationale: The MTUS Guideline', '                 HOW THE IMR').replace('IMR ISSUES, DECISIONS', 'IMR ISSUES, DECISONS'),
      errors: 1,
    },
  ],
});
