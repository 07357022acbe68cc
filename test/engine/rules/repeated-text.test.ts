import { edit, lineOf, testRule } from '../../helpers/rule-tester';
import { cleanLetters, L2016 } from './letters';

/** The first rationale of the 2016 letter, as it is wrapped there (three sentences, 36 words). */
const RATIONALE = `The California MTUS 2016 Chronic Pain Guidelines recommend up to 10
visits of physical medicine for myalgia and myositis. The records show 12 prior visits without
documented functional improvement. Therefore, the request is not medically necessary.`;
const SUMMARY = `The injured worker is a 51 year old woman injured at work on 03-02-2015 while lifting a crate.
She has low back pain radiating to the left leg.`;
/** The rationale pasted twice: once more as its own paragraph. */
const PASTED_TWICE = edit(L2016, [RATIONALE, `${RATIONALE}\n\n${RATIONALE}`]);

testRule('repeated-text', {
  valid: [
    ...cleanLetters(),
    {
      name: 'short findings repeated from visit to visit',
      text: edit(L2016, ['She has low back pain radiating to the left leg.', 'She has low back pain radiating to the left leg. Motor strength, sensation, and reflexes were normal. On 11-02-2016, motor strength, sensation, and reflexes were normal. Motor strength, sensation, and reflexes were normal.']),
    },
    { name: 'two items with the same rationale (one reasoning for two requests)', text: edit(L2016, ['Decision rationale: The MTUS Guideline in ACOEM Chapter 12, Table 12-8, page 309 recommends\nimaging when there are unequivocal objective findings of nerve compromise. The worker has a\nprogressive motor deficit of the left ankle dorsiflexors. As such, the request is medically\nnecessary.', `Decision rationale: ${RATIONALE.replace('Therefore, the request is not medically necessary.', 'Therefore, the request is medically necessary.')}`]) },
    {
      name: 'a passage that comes back further on, not right after itself (items the layout did not separate may share a reasoning)',
      text: edit(L2016, ['documented functional improvement. Therefore, the request is not medically necessary.', `documented functional improvement. Therefore, the request is not medically necessary. The MRI is a separate request. ${RATIONALE.replace(/\n/g, ' ')}`]),
    },
    { name: 'one sentence of the summary quoted in a rationale', text: edit(L2016, ['documented functional improvement. Therefore,', `documented functional improvement. ${SUMMARY} Therefore,`]) },
  ],
  invalid: [
    {
      name: 'a rationale pasted twice: the second copy, with the first as related information; removing it is a suggestion',
      text: PASTED_TWICE,
      errors: [
        {
          messageId: 'repeated',
          message: `This passage repeats the one on line ${lineOf(L2016, 'Decision rationale: The California')} word for word (36 words).`,
          line: lineOf(L2016, 'Decision rationale: The California') + 4,
          severity: 'warning',
          suggestions: [{ desc: 'Remove the repeated passage', output: L2016 }],
        },
      ],
      output: null,
    },
    { name: 'a summary paragraph pasted twice', text: edit(L2016, [SUMMARY, `${SUMMARY}\n\n${SUMMARY}`]), errors: [{ message: /repeats the one on line \d+ word for word \(28 words\)/ }] },
    { name: 'a passage repeated inside a paragraph, wrapped differently', text: edit(L2016, ['Therefore, the request is not medically necessary.', `Therefore, the request is not medically necessary. ${RATIONALE.replace(/\n/g, ' ')}`]), errors: 1 },
    { name: 'two sentences of the "how made" text pasted twice', text: edit(L2016, ['the claims administrator. He/she has been', 'the claims administrator. MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator. He/she has been']), errors: 1 },
    { name: 'a rationale pasted three times: two findings', text: edit(L2016, [RATIONALE, `${RATIONALE}\n\n${RATIONALE}\n\n${RATIONALE}`]), errors: 2 },
  ],
});
