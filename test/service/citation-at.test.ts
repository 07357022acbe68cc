import * as assert from 'assert';
import { citationTargetAt, itemAt, topicOfSection } from '../../server/src/service/citation-at';
import { Position } from '../../server/src/service/lsp-types';
import { guideline, topic } from './indexed';
import { at, CLEAN_2009, CLEAN_2016, index, parse, span } from './letter';

function targetAt(text: string, p: Position): string | undefined {
  const t = citationTargetAt(parse(text), index(), p);
  if (!t) return undefined;
  return `${t.kind} ${span(t.range)} ${t.guideline?.id ?? '-'} ${'topic' in t ? (t.topic?.name ?? '-') : '-'}`;
}

describe('service/citation-at', () => {
  it('finds the item under the cursor, including its decision and its parts', () => {
    const d = parse(CLEAN_2016);
    assert.strictEqual(itemAt(d, at(CLEAN_2016, 'Upheld'))?.text, 'Physical therapy two times a week for four weeks for the lumbar spine');
    assert.strictEqual(itemAt(d, at(CLEAN_2016, 'progressive motor'))?.text, 'MRI of the lumbar spine without contrast');
    assert.strictEqual(itemAt(d, at(CLEAN_2016, 'The injured worker')), undefined);
  });

  it('resolves each part of a section-style citation', () => {
    assert.strictEqual(targetAt(CLEAN_2016, at(CLEAN_2016, 'Chronic Pain Medical', 0)), 'guideline 30:55-30:85 cpmtg-2016 -');
    // the year and label belong to the citation, not its guideline name
    assert.strictEqual(targetAt(CLEAN_2016, at(CLEAN_2016, 'Section(s)', 3)), 'guideline 30:55-31:45 cpmtg-2016 -');
    assert.strictEqual(targetAt(CLEAN_2016, at(CLEAN_2016, 'Physical medicine treatment', 0)), 'section 31:18-31:45 cpmtg-2016 Physical medicine treatment');
    // the same words in the MAXIMUS line, across its line break
    assert.strictEqual(targetAt(CLEAN_2016, at(CLEAN_2016, 'Low Back', 1)), 'guideline 45:42-45:61 acoem-low-back-2004 -');
    assert.strictEqual(targetAt(CLEAN_2016, at(CLEAN_2016, 'Studies', 2)), 'section 45:80-46:7 acoem-low-back-2004 Special Studies');
  });

  it('resolves the topic and pages of a page-style citation to the index topic', () => {
    assert.strictEqual(targetAt(CLEAN_2009, at(CLEAN_2009, 'Physical Medicine Page', 2)), 'topic 25:0-25:17 cpmtg-2009 Physical medicine');
    assert.strictEqual(targetAt(CLEAN_2009, at(CLEAN_2009, '98-99', 0)), 'page 25:27-25:32 cpmtg-2009 Physical medicine');
    // a topic name broken across two lines
    assert.strictEqual(targetAt(CLEAN_2009, at(CLEAN_2009, 'Physical\nMedicine', 2)), 'topic 27:76-28:8 cpmtg-2009 Physical medicine');
  });

  it('resolves a rationale page reference through its chapter and table', () => {
    assert.strictEqual(targetAt(CLEAN_2016, at(CLEAN_2016, 'page 309', 0)), 'rationale-page 49:72-49:80 acoem-low-back-2004 Table 12-8');
    assert.strictEqual(targetAt(CLEAN_2016, at(CLEAN_2016, 'recommends\nimaging', 2)), undefined);
  });

  it('finds a topic by name, alias or section number', () => {
    const g = guideline('cpmtg-2009');
    const pm = topic('cpmtg-2009', 'Physical medicine');
    const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.strictEqual(topicOfSection(g, { name: 'physical medicine', range: r }), pm);
    assert.strictEqual(topicOfSection(g, { name: 'Physical therapy', range: r }), pm);
    assert.strictEqual(topicOfSection(g, { name: 'No such thing', range: r }), undefined);
    const numbered = index().guidelines.flatMap((x) => x.topics.filter((t) => t.number).map((t) => [x, t] as const))[0];
    assert.ok(numbered, 'a numbered topic in the index');
    assert.strictEqual(topicOfSection(numbered[0], { name: 'Something else', number: numbered[1].number, range: r }), numbered[1]);
  });

  it('is undefined outside items', () => {
    assert.strictEqual(targetAt(CLEAN_2016, at(CLEAN_2016, 'Case Number')), undefined);
    assert.strictEqual(targetAt(CLEAN_2016, { line: 400, character: 2 }), undefined);
  });
});
