import * as assert from 'assert';
import { indexTopics } from '../../server/src/service/index-topics';
import { index } from './letter';

describe('service/index-topics (Insert MTUS Citation list)', () => {
  const topics = indexTopics(index());

  it('has one entry per topic of every guideline, in index order', () => {
    const total = index().guidelines.reduce((n, g) => n + g.topics.length, 0);
    assert.strictEqual(topics.length, total);
    assert.deepStrictEqual([...new Set(topics.map((t) => t.guidelineId))], index().guidelines.map((g) => g.id));
  });

  it('inserts a section citation with the guideline\'s cited name and year', () => {
    const e = topics.find((t) => t.guidelineId === 'cpmtg-2016' && t.label === 'Physical medicine treatment');
    assert.ok(e, 'Physical medicine treatment of cpmtg-2016');
    assert.strictEqual(e.guideline, 'Chronic Pain Medical Treatment 2016');
    assert.strictEqual(e.insertText, 'Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment');
  });

  it('gives page-style text for unnumbered topics with pages, and a detail naming guideline, year and pages', () => {
    const g = index().guidelines.find((x) => x.id === 'cpmtg-2009')!;
    const t = g.topics.find((x) => x.pages.length > 0 && !x.number)!;
    const e = topics.find((x) => x.guidelineId === 'cpmtg-2009' && x.label === t.name)!;
    const pages = t.pages.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`)).join(', ');
    assert.strictEqual(e.pageStyleInsertText, `Chronic Pain Medical Treatment ${t.name} Page(s): ${pages}`);
    assert.strictEqual(e.detail, `Chronic Pain Medical Treatment Guidelines 2009 — page(s) ${pages}${t.verified ? '' : ' (unverified)'}`);
    assert.strictEqual(e.verified, t.verified);
  });

  it('labels numbered sections with their number, and gives them no page-style text', () => {
    const numbered = topics.filter((t) => /^\d+(\.\d+)+ /.test(t.label));
    assert.ok(numbered.length > 0);
    for (const e of numbered) {
      assert.strictEqual(e.pageStyleInsertText, undefined, e.label);
      assert.ok(e.insertText.includes(`Section(s): ${e.label.split(' ')[0]} `), e.insertText);
    }
  });

  it('is empty for an empty index', () => {
    assert.deepStrictEqual(indexTopics({ ...index(), guidelines: [] }), []);
  });
});
