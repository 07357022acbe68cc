import { edit, lineOf, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, L2009, BASE } from './letters';

testRule('placeholder', {
  valid: [
    ...cleanLetters(),
    { name: 'square brackets that are not a template marker', text: edit(L2016, ['while lifting a crate.', 'while lifting a crate [per the first report].']) },
    { name: 'a short bracketed abbreviation and page lists', text: edit(L2016, ['while lifting a crate.', 'while lifting a crate (Anaprox DS [OTC]; pages [84, 89, 90]; pain <5/10 and >3/10).']) },
    { name: 'a word containing TODO-like letters', text: edit(L2016, ['while lifting a crate.', 'while lifting a crate at the TODOS warehouse.']) },
    { name: 'a configured pattern replaces the defaults', text: edit(L2016, ['while lifting a crate.', 'while lifting a crate TBD.']), options: { patterns: ['@@[a-z]+@@'] } },
  ],
  invalid: [
    {
      name: 'a [[...]] marker',
      text: edit(L2016, ['51 year old woman', '[[age]] year old woman']),
      errors: [{ line: lineOf(L2016, '51 year old woman'), column: 25, message: /\[\[age\]\]/ }],
    },
    {
      name: '{{...}} and <<...>> markers on one line',
      text: edit(L2009, ['Therapeutic Exercises: Upheld', '{{item}} <<decision>>: Upheld']),
      errors: 2,
    },
    {
      name: 'hand-made markers in single brackets',
      text: edit(L2016, ['51 year old woman', '[PATIENT AGE] year old woman'], ['while lifting a crate.', 'while lifting a <insert object>.']),
      errors: [{ message: 'Unfilled template placeholder "[PATIENT AGE]".' }, { message: 'Unfilled template placeholder "<insert object>".' }],
    },
    { name: 'TBD and TODO', text: edit(BASE, ['lumbar strain', 'TBD strain (TODO)']), errors: 2 },
    { name: 'an unfilled date', text: edit(L2016, ['on 03-02-2015 while', 'on XX/XX/XXXX while']), errors: 1 },
    { name: 'a configured pattern', text: edit(L2016, ['while lifting a crate.', 'while lifting a @@object@@.']), options: { patterns: ['@@[a-z]+@@'] }, errors: [{ message: /@@object@@/ }] },
  ],
});
