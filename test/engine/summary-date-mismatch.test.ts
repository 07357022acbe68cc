import { strict as assert } from 'assert';
import { defaultConfig, lintText } from '../../server/src/engine';
import { parseProseDate } from '../../server/src/engine/text/dates';
import { bundledIndex, REPO_ROOT } from '../helpers/engine';
import { nth } from '../helpers/checked';

/** The clinical case summary against the header: date of injury and UR date. */
function letter(summary: string, injury = '10/10/2016', ur = '12/14/2016'): string {
  return `Case Number:          CM17-0100009
Date Assigned:        01/17/2017                      Date of Injury:      ${injury}
Decision Date:        02/09/2017                      UR Denial Date:      ${ur}
Priority:             Standard                        Application Received: 01/11/2017

HOW THE IMR FINAL DETERMINATION WAS MADE
An independent expert reviewer licensed in California reviewed the case file.

CLINICAL CASE SUMMARY
${summary}

IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:

Physical therapy, 8 sessions: Upheld

Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,
Section(s): Physical medicine treatment.

MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s):
Physical medicine treatment.

Decision rationale: Twelve visits brought no documented functional improvement. Therefore, the
request is not medically necessary.
`;
}

function found(text: string, redact = false) {
  const config = { ...defaultConfig(REPO_ROOT), redact };
  return lintText({ text, config, index: bundledIndex() }).findings.filter((f) => f.ruleId === 'summary-date-mismatch');
}

describe('summary-date-mismatch', () => {
  it('reads prose dates in the forms letters use', () => {
    assert.equal(parseProseDate('10-18-2016'), Date.UTC(2016, 9, 18));
    assert.equal(parseProseDate('10/18/2016'), Date.UTC(2016, 9, 18));
    assert.equal(parseProseDate('10-18-16'), Date.UTC(2016, 9, 18));
    assert.equal(parseProseDate('October 18, 2016'), Date.UTC(2016, 9, 18));
    assert.equal(parseProseDate('Oct. 18 2016'), Date.UTC(2016, 9, 18));
    assert.equal(parseProseDate('02-30-2016'), undefined);
  });

  it('reports a date of injury that differs from the header, in every date form', () => {
    for (const stated of ['10-18-2016', '10/18/2016', '10-18-16', 'October 18, 2016']) {
      for (const phrase of [`sustained an industrial injury on ${stated}`, `with a date of injury on ${stated}`, `an industrial injury of ${stated}`, `filed an occupational claim from ${stated}`]) {
        const f = found(letter(`The injured worker is a 46 year old male who ${phrase}. He has shoulder pain.`));
        assert.equal(f.length, 1, phrase);
        const mismatch = nth(f, 0, 'finding');
        assert.equal(mismatch.severity, 'warning');
        assert.equal(mismatch.messageId, 'injury');
        assert.match(mismatch.message, new RegExp(`${stated}.*10/10/2016`));
      }
    }
  });

  it('is quiet when the dates agree, in any form', () => {
    for (const stated of ['10-10-2016', '10/10/2016', '10-10-16', 'October 10, 2016']) {
      assert.deepEqual(found(letter(`The injured worker sustained an industrial injury on ${stated}. On 12-14-2016 Utilization Review non-certified the request.`)), []);
    }
  });

  it('reports a UR date that differs, but is quiet when one of several reviews agrees', () => {
    const f = found(letter('The worker sustained an industrial injury on 10-10-16. The Utilization Review dated 12-6-16, non-certified the request.'));
    assert.deepEqual(f.map((x) => x.messageId), ['ur']);
    assert.deepEqual(found(letter('The worker sustained an industrial injury on 10-10-16. On 11-02-2016 Utilization Review modified a request. On 12-14-2016 Utilization Review non-certified the request.')), []);
  });

  it('does not take the start of a cumulative trauma range or other dates for the injury date', () => {
    assert.deepEqual(found(letter('The worker filed an occupational claim from 01/01/2015 to 10/10/2016 for cumulative trauma. A progress note dated 11-02-2016 documents pain.')), []);
  });

  it('keeps the dates out of redacted messages', () => {
    const f = found(letter('The worker sustained an industrial injury on 10-18-2016.'), true);
    assert.equal(f.length, 1);
    assert.doesNotMatch(nth(f, 0, 'finding').message, /2016/);
  });
});
