import { edit, lineOf, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, L2009, BASE } from './letters';

const CA_NO_EVIDENCE = 'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence\nfor its decision.\n\n';

testRule('item-field-missing', {
  valid: [
    ...cleanLetters(),
    { name: 'a rationale of two paragraphs', text: edit(L2016, ['documented functional improvement. Therefore', 'documented functional improvement.\n\nTherefore']) },
    { name: 'a rationale that starts on the line after its label', text: edit(L2016, ['Decision rationale: The MTUS Guideline in ACOEM', 'Decision rationale:\nThe MTUS Guideline in ACOEM']) },
  ],
  invalid: [
    {
      name: 'no Claims Administrator guideline line',
      text: edit(L2016, [CA_NO_EVIDENCE, '']),
      errors: [{ line: lineOf(L2016, 'MRI of the lumbar spine without contrast: Overturned'), message: /Claims Administrator guideline/ }],
    },
    {
      name: 'no MAXIMUS guideline line',
      text: edit(L2009, ['MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Physical\nMedicine Page(s): 98-99.\n\n', '']),
      errors: [{ message: /MAXIMUS guideline/ }],
    },
    {
      name: 'no decision rationale',
      text: edit(BASE, ['Decision rationale: The guideline supports', 'The guideline supports']),
      errors: [{ message: /Decision rationale/ }],
    },
    {
      name: 'both guideline lines missing: one finding each',
      text: edit(L2009, ['Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines\nPhysical Medicine Page(s): 98-99.\n\n', ''], ['MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Physical\nMedicine Page(s): 98-99.\n\n', '']),
      errors: 2,
    },
    {
      name: 'the second item of two lacks its rationale',
      text: edit(L2016, ['Decision rationale: The MTUS Guideline in ACOEM Chapter 12, Table 12-8, page 309 recommends\nimaging', 'The MTUS Guideline in ACOEM Chapter 12, Table 12-8, page 309 recommends\nimaging']),
      errors: [{ message: /MRI of the lumbar spine without contrast/ }],
    },
  ],
});
