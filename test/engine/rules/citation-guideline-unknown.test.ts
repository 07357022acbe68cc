import { edit, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016, L2009 } from './letters';

const MAXIMUS_2016 = 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,';

testRule('citation-guideline-unknown', {
  valid: [
    ...cleanLetters(),
    { name: 'the no-evidence form cites no guideline', text: edit(L2016, ['Decision based on MTUS Low Back Complaints 2004, Section(s): Special\nStudies.', 'The Claims Administrator did not cite any medical evidence\nfor its decision.']) },
    { name: 'the year in parentheses', text: edit(L2016, ['MTUS Low Back Complaints 2004, Section(s): Special', 'MTUS Low Back Complaints (2004), Section(s): Special']) },
    { name: 'the ACOEM book before its chapter', text: edit(L2016, ['MTUS Low Back Complaints 2004, Section(s): Special', 'MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Low Back Complaints, Section(s): Special']) },
    { name: 'a Non-MTUS citation alone', text: edit(L2016, ['Decision based on MTUS Low Back Complaints 2004, Section(s): Special\nStudies. ', '']) },
  ],
  invalid: [
    {
      name: 'a year the guideline never had',
      text: edit(L2016, ['MTUS Low Back Complaints 2004, Section(s): Special', 'MTUS Low Back Complaints 2009, Section(s): Special']),
      errors: [{ message: /Low Back Complaints 2009/, severity: 'warning' }],
    },
    { name: 'a guideline name that is not in the index', text: edit(L2016, [MAXIMUS_2016, 'MAXIMUS guideline: Decision based on MTUS Foot Pain Treatment 2016,']), errors: 1 },
    { name: 'the Chronic Pain guideline with a wrong year', text: edit(L2016, [MAXIMUS_2016, 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2012,']), errors: 1 },
    { name: 'both guideline lines of an item', text: edit(L2016, [MAXIMUS_2016, 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2012,'], ['Decision based on MTUS Chronic Pain Medical Treatment\n2016,', 'Decision based on MTUS Chronic Pain Medical Treatment\n2012,']), errors: 2 },
    {
      name: 'a citation with an edition date and no guideline name',
      text: edit(L2009, ['MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines', 'MAXIMUS guideline: Decision based on MTUS (Effective July 18, 2009)']),
      errors: [{ message: 'The MTUS citation names no guideline, only the year 2009: write the guideline\'s name before it.', severity: 'warning' }],
    },
    { name: 'a 2009 page citation of an unknown guideline', text: edit(L2009, ['MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines', 'MAXIMUS guideline: Decision based on MTUS Hip Pain Treatment Guidelines 2011']), errors: 1 },
  ],
});
