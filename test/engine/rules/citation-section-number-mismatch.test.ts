import { edit, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016 } from './letters';

const PM = 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Physical medicine treatment.';
const UDT = 'MAXIMUS guideline: Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.6 Opioids\nfor Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT).';
/** The 2016 letter citing the opioid guideline's numbered section on urine drug testing. */
const OPIOID = edit(L2016, [PM, UDT]);
const withNumber = (n: string) => edit(OPIOID, ['3.3.6 Opioids', `${n} Opioids`]);

testRule('citation-section-number-mismatch', {
  valid: [
    ...cleanLetters(),
    { name: 'a numbered section with its own number', text: OPIOID },
    {
      name: 'a sub-section cited under its parent section\'s title',
      text: edit(OPIOID, ['3.3.6 Opioids\nfor Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT)', '3.3.1.1 Opioids\nfor Chronic Pain and Chronic Opioid Treatment: Screening for Risk of Addiction or Adverse Events Prior to Chronic Opioid Treatment']),
    },
    { name: 'a numbered section cited by its title only', text: edit(OPIOID, ['3.3.6 Opioids\nfor', 'Opioids\nfor']) },
  ],
  invalid: [
    {
      name: 'the number of another section: the right number is a suggestion, never a fix',
      text: withNumber('3.3.4'),
      errors: [{ messageId: 'mismatch', message: /Section 3\.3\.4 is "Use of CURES/, suggestions: [{ desc: /3\.3\.6/, output: OPIOID }] }],
      output: null,
    },
    { name: 'a number that is no section', text: withNumber('3.3.99'), errors: [{ message: /3\.3\.99 is not a section number/ }], output: null },
    { name: 'a screening section\'s number', text: withNumber('3.3.1'), errors: 1, output: null },
    { name: 'a subsection\'s number', text: withNumber('3.3.1.2'), errors: 1, output: null },
    {
      name: 'a parent\'s number under its sub-section\'s title',
      text: edit(OPIOID, ['3.3.6 Opioids\nfor Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT)', '3.3.1 Opioids\nfor Chronic Pain and Chronic Opioid Treatment: Screening for Drug Misuse/Abuse']),
      errors: [{ message: /Section 3\.3\.1 is "Screening for Risk/ }],
      output: null,
    },
    {
      name: 'both guideline lines with a wrong number: one finding each',
      text: edit(withNumber('3.3.4'), ['Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment\n2016, Section(s): Physical medicine treatment.', UDT.replace('MAXIMUS', 'Claims Administrator').replace('3.3.6', '3.3.4')]),
      errors: 2,
      output: null,
    },
  ],
});
