import { edit, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, BASE } from './letters';

const PM = 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Physical medicine treatment.';

testRule('citation-unknown-topic', {
  valid: [
    ...cleanLetters(),
    { name: 'a section in another case', text: edit(L2016, [PM, PM.replace('Physical medicine treatment', 'PHYSICAL MEDICINE TREATMENT')]) },
  ],
  invalid: [
    {
      name: 'a misspelled section: the nearest topic is a suggestion, never a fix',
      text: edit(L2016, [PM, PM.replace('Physical medicine treatment', 'Physical medicne treatment')]),
      errors: [{ messageId: 'unknown', message: /Did you mean "Physical medicine treatment"/, severity: 'warning', suggestions: [{ desc: /Physical medicine treatment/, output: L2016 }] }],
      output: null,
    },
    {
      name: 'a section the guideline does not have, with nothing near it',
      text: edit(L2016, ['Section(s): Special\nStudies.', 'Section(s): Aquatic zumba.']),
      errors: [{ messageId: 'unknown', suggestions: [] }],
    },
    {
      name: 'a number given as a section',
      text: edit(L2016, [PM, PM.replace('Physical medicine treatment', '12')]),
      errors: [{ messageId: 'number' }],
    },
    {
      name: 'the message names the guideline as the letter does',
      text: edit(L2016, ['Section(s): Special\nStudies.', 'Section(s): Spcial\nStudies.']),
      errors: [{ message: /Low Back Complaints 2004/ }],
      output: null,
    },
    {
      name: 'both guideline lines with the same misspelling: one finding each',
      text: edit(BASE, ['Section(s): Physical medicine treatment.\n\nMAXIMUS', 'Section(s): Physical medicne treatment.\n\nMAXIMUS'], ['Section(s):\nPhysical medicine treatment.', 'Section(s):\nPhysical medicne treatment.']),
      errors: 2,
      output: null,
    },
  ],
});
