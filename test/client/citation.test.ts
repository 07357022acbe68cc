import * as assert from 'assert';
import { citationText } from '../../client/src/citation';
import type { IndexTopicEntry } from '../../client/src/protocol';
import { formatStats } from '../../client/src/status-text';

const topic: IndexTopicEntry = {
  label: 'Physical medicine',
  detail: 'Chronic Pain Medical Treatment Guidelines 2009 — page(s) 98-99',
  insertText: 'Chronic Pain Medical Treatment 2009, Section(s): Physical medicine',
  pageStyleInsertText: 'Chronic Pain Medical Treatment Physical medicine Page(s): 98-99',
  guideline: 'Chronic Pain Medical Treatment 2009',
  guidelineId: 'cpmtg-2009',
  verified: true,
};

describe('client: Insert MTUS Citation text', () => {
  it('inserts only the citation right after "Decision based on MTUS "', () => {
    assert.strictEqual(citationText(topic, 'MAXIMUS guideline: Decision based on MTUS ', false), topic.insertText);
    assert.strictEqual(citationText(topic, 'MAXIMUS guideline: Decision based on MTUS', false), ` ${topic.insertText}`);
  });

  it('prepends "Decision based on MTUS" elsewhere', () => {
    assert.strictEqual(citationText(topic, 'MAXIMUS guideline: ', false), `Decision based on MTUS ${topic.insertText}`);
    assert.strictEqual(citationText(topic, 'MAXIMUS guideline:', false), ` Decision based on MTUS ${topic.insertText}`);
    assert.strictEqual(citationText(topic, '', false), `Decision based on MTUS ${topic.insertText}`);
  });

  it('uses the Page(s) form on request, when the index has pages', () => {
    assert.strictEqual(citationText(topic, 'Decision based on MTUS ', true), topic.pageStyleInsertText);
    const noPages = { ...topic, pageStyleInsertText: undefined };
    assert.strictEqual(citationText(noPages, 'Decision based on MTUS ', true), topic.insertText);
  });
});

describe('client: status bar text', () => {
  it('shows the index and the decision counts', () => {
    const { text, tooltip } = formatStats({ upheld: 2, overturned: 1, items: 4, index: 'bundled MTUS index' });
    assert.strictEqual(text, '$(law) bundled MTUS index · Upheld 2 · Overturned 1');
    assert.match(tooltip, /4 disputed item\(s\) — 2 upheld, 1 overturned, 1 without a decision/);
  });

  it('shortens a long index description in the bar but not in the tooltip', () => {
    const index = 'bundled MTUS index v1 + corrections-for-our-team.yaml + more.yaml';
    const { text, tooltip } = formatStats({ upheld: 0, overturned: 0, items: 0, index });
    assert.ok(text.includes('…') && text.length < index.length + 30);
    assert.ok(tooltip.includes(index));
  });
});
