import { strict as assert } from 'assert';
import { applyFixes, defaultConfig, lintText } from '../../server/src/engine';
import { bundledIndex, fixture, REPO_ROOT } from '../helpers/engine';

/** Lints, applies every fix of `rule`, and returns the new text (which must then be clean of that rule). */
function fixRule(text: string, rule: string): string {
  const index = bundledIndex();
  const config = defaultConfig(REPO_ROOT);
  const findings = lintText({ text, config, index }).findings.filter((f) => f.ruleId === rule);
  assert.ok(findings.length > 0, `${rule} reported`);
  assert.ok(findings.every((f) => f.fix), `${rule} has a fix`);
  const { text: fixed, applied } = applyFixes(text, findings);
  assert.equal(applied, findings.length);
  assert.deepEqual(lintText({ text: fixed, config, index }).findings.filter((f) => f.ruleId === rule).map((f) => f.message), [], `${rule} gone after the fix`);
  return fixed;
}

/** Lints and applies the first suggestion of every finding of `rule` (as a reviewer choosing each); the rule has no fix there. */
function takeSuggestions(text: string, rule: string): string {
  const index = bundledIndex();
  const config = defaultConfig(REPO_ROOT);
  const findings = lintText({ text, config, index }).findings.filter((f) => f.ruleId === rule);
  assert.ok(findings.length > 0, `${rule} reported`);
  assert.ok(findings.every((f) => !f.fix && f.suggestions && f.suggestions.length > 0), `${rule} offers suggestions, not a fix`);
  const chosen = findings.map((f) => ({ ...f, fix: f.suggestions?.[0] }));
  const fixed = applyFixes(text, chosen).text;
  assert.deepEqual(lintText({ text: fixed, config, index }).findings.filter((f) => f.ruleId === rule).map((f) => f.message), [], `${rule} gone after the suggestion`);
  return fixed;
}

const clean2016 = fixture('letters/clean-2016.imr');
const clean2009 = fixture('letters/clean-2009-pages.imr');

describe('fixes', () => {
  it('the fixture letters are clean', () => {
    for (const t of [clean2016, clean2009]) assert.deepEqual(lintText({ text: t, config: defaultConfig(REPO_ROOT), index: bundledIndex() }).findings, []);
  });

  it('heading-format writes the canonical heading, keeping the indentation', () => {
    const bad = clean2016.replace('CLINICAL CASE SUMMARY', 'Clinical Case Sumary');
    assert.equal(fixRule(bad, 'heading-format'), clean2016);
  });

  it('item-decision fixes a misspelt decision; a missing one is only suggested, the rationale\'s first', () => {
    assert.equal(fixRule(clean2016.replace('lumbar spine: Upheld', 'lumbar spine: upheld'), 'item-decision'), clean2016);
    assert.equal(fixRule(clean2016.replace('without contrast: Overturned', 'without contrast: Overturnd'), 'item-decision'), clean2016);
    assert.equal(takeSuggestions(clean2016.replace('without contrast: Overturned', 'without contrast:'), 'item-decision'), clean2016);
  });

  it('citation-page-mismatch writes the index pages', () => {
    const bad = clean2009.replace('Physical Medicine Page(s): 98-99.', 'Physical Medicine Page(s): 97.');
    assert.equal(fixRule(bad, 'citation-page-mismatch'), clean2009);
  });

  it('citation-page-mismatch fixes across a wrapped line and in CRLF files, keeping CRLF and the BOM', () => {
    const crlf = `\uFEFF${clean2009.replace(/\n/g, '\r\n')}`;
    const bad = crlf.replace('Medicine Page(s): 98-99.\r\n\r\nDecision', 'Medicine Page(s): 98 and 100.\r\n\r\nDecision');
    assert.notEqual(bad, crlf);
    assert.equal(fixRule(bad, 'citation-page-mismatch'), crlf);
  });

  it('citation-unknown-topic suggests the nearest topic for a misspelt section', () => {
    const bad = clean2016.replace('Section(s): Special\nStudies.', 'Section(s): Special\nStudys.');
    assert.equal(takeSuggestions(bad, 'citation-unknown-topic'), clean2016);
  });

  it('citation-section-number-mismatch suggests the number that belongs to the title', () => {
    const good = clean2016.replace(
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Physical medicine treatment.',
      'MAXIMUS guideline: Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.6 Opioids\nfor Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT).',
    );
    assert.deepEqual(lintText({ text: good, config: defaultConfig(REPO_ROOT), index: bundledIndex() }).findings, []);
    assert.equal(takeSuggestions(good.replace('3.3.6 Opioids', '3.3.4 Opioids'), 'citation-section-number-mismatch'), good);
  });

  it('rationale-page-mismatch suggests the table pages', () => {
    assert.equal(takeSuggestions(clean2016.replace('Table 12-8, page 309', 'Table 12-8, page 319'), 'rationale-page-mismatch'), clean2016);
  });

  it('section-missing inserts the heading above the section opening sentence', () => {
    const bad = clean2016.replace('                                CLINICAL CASE SUMMARY\n', '');
    const fixed = fixRule(bad, 'section-missing');
    assert.ok(fixed.includes('CLINICAL CASE SUMMARY\nThe expert reviewer developed'));
  });

  it('rationale-page-mismatch finds the topic named near the page in the sentence', () => {
    const said = (sentence: string) =>
      lintText({ text: clean2009.replace('Decision rationale: ', `Decision rationale: ${sentence} `), config: defaultConfig(REPO_ROOT), index: bundledIndex() }).findings.map((f) => f.ruleId);
    assert.deepEqual(said('The MTUS Chronic Pain Medical Treatment Guidelines, page 97, support physical medicine for up to 10 visits.'), ['rationale-page-mismatch']);
    assert.deepEqual(said('Per the California MTUS Chronic Pain Guidelines (Physical Medicine, pages 98-99) up to 10 visits are supported.'), []);
    assert.deepEqual(said('The ACOEM Practice Guidelines, 3rd ed., Low Back Disorders, pg. 607 discuss imaging.'), []);
  });
});
