import { edit, lineOf, testRule } from '../../helpers/rule-tester';
import { BASE, cleanLetters, L2016 } from './letters';

const LICENSURE = 'State(s) of Licensure: California\n';
const SPECIALTY = 'Certification(s)/Specialty: Physical Medicine & Rehabilitation';
const INTRO = 'The Expert Reviewer has the following credentials:';

testRule('credentials-missing', {
  valid: [
    ...cleanLetters(),
    { name: 'labels in capitals', text: edit(L2016, [LICENSURE, 'STATE(S) OF LICENSURE: CALIFORNIA\n'], [SPECIALTY, 'CERTIFICATION(S)/SPECIALTY: PHYSICAL MEDICINE & REHABILITATION']) },
    { name: 'the "fi" of Certification as a PDF ligature', text: edit(L2016, [SPECIALTY, 'Certi\ufb01cation(s)/Specialty: Physical Medicine & Rehabilitation']) },
    { name: 'a value wrapped onto the next line', text: edit(L2016, [SPECIALTY, 'Certification(s)/Specialty: Physical Medicine &\nRehabilitation']) },
    {
      name: 'credentials stated in a sentence, without the block (the seed letter\'s style)',
      text: edit(L2016, [`${INTRO}\n${LICENSURE}${SPECIALTY}\n`, 'The expert reviewer is Board Certified in Physical Medicine and Rehabilitation and is licensed to practice in California.\n']),
    },
    { name: 'a label joined to the intro line is still there', text: edit(L2016, [`${INTRO}\n${LICENSURE}`, `${INTRO} ${LICENSURE}`]) },
  ],
  invalid: [
    {
      name: 'the licensure line deleted: reported on the block\'s intro sentence',
      text: edit(L2016, [LICENSURE, '']),
      errors: [{ messageId: 'missing', severity: 'error', line: lineOf(L2016, INTRO), message: 'The expert reviewer\'s credentials have no "State(s) of Licensure:" line.' }],
      output: null,
    },
    { name: 'the specialty line deleted', text: edit(L2016, [`\n${SPECIALTY}`, '']), errors: [{ messageId: 'missing', message: /Certification\(s\)\/Specialty:/ }], output: null },
    {
      name: 'an empty specialty: reported on its line',
      text: edit(L2016, [SPECIALTY, 'Certification(s)/Specialty:']),
      errors: [{ messageId: 'empty', line: lineOf(L2016, SPECIALTY), message: '"Certification(s)/Specialty:" has no value: the expert reviewer\'s certification or specialty is missing.' }],
      output: null,
    },
    { name: 'an empty licensure', text: edit(L2016, [LICENSURE, 'State(s) of Licensure:\n']), errors: [{ messageId: 'empty' }], output: null },
    { name: 'both lines deleted under the intro: two findings', text: edit(L2016, [`${LICENSURE}${SPECIALTY}\n`, '']), errors: 2, output: null },
    { name: 'the one-item letter without its licensure', text: edit(BASE, [LICENSURE, '']), errors: 1, output: null },
  ],
});
