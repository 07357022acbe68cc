import { strict as assert } from 'assert';
import { defaultConfig, lintText } from '../../server/src/engine';
import { findTopic } from '../../server/src/engine/mtus/topics';
import { bundledIndex, fixture, REPO_ROOT } from '../helpers/engine';

/** Section titles and guideline names as real letters write them. */
describe('mtus index: the forms real letters use', () => {
  const index = bundledIndex();
  const opioids = index.guidelines.find((g) => g.id === 'opioids-2016')!;
  const clean = fixture('letters/clean-2016.imr');
  const maximus = 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Physical medicine treatment.';
  const withMaximus = (line: string) => {
    assert.ok(clean.includes(maximus));
    return lintText({ text: clean.replace(maximus, `MAXIMUS guideline: ${line}`), config: defaultConfig(REPO_ROOT), index }).findings;
  };

  it('knows the long titles of numbered opioid sections ("number Part: Title for …")', () => {
    for (const s of [
      '3.2 Opioids for Chronic Pain and Chronic Opioid Treatment: Consideration of Alternative Treatments for Chronic Pain and Chronic Opioid Treatment',
      '3.2 Consideration of Alternative Treatments for Chronic Pain and Chronic Opioid Treatment',
      '3.3.6 Opioids for Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT) for Patients on Chronic Opioid Treatment',
    ]) {
      assert.equal(findTopic(opioids, s)?.number, s.split(' ')[0], s);
    }
    assert.deepEqual(
      withMaximus('Decision based on MTUS Opioids Treatment Guidelines 2016, Section(s): 3.2 Opioids for Chronic Pain and Chronic Opioid Treatment: Consideration of Alternative Treatments for Chronic Pain and Chronic Opioid Treatment.'),
      [],
    );
  });

  it('still tells a long title from another section and a wrong number', () => {
    assert.equal(findTopic(opioids, '3.2 Opioids for Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT) for Patients'), undefined);
    const found = withMaximus('Decision based on MTUS Opioids Treatment Guidelines 2016, Section(s): 3.3.4 Opioids for Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT).');
    assert.deepEqual(found.map((f) => f.ruleId), ['citation-section-number-mismatch']);
  });

  it("names the guideline as the letter does (Elbow Complaints 2007), never by another of its names", () => {
    const found = withMaximus('Decision based on MTUS Elbow Complaints 2007, Section(s): Lateral Epicondylagia.');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /Elbow Complaints 2007/);
    assert.doesNotMatch(found[0]!.message, /Elbow Disorders/);
  });
});
