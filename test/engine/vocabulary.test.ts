import * as assert from 'assert';
import { CANONICAL_HEADING, CITATION_LABELS, DECISION_WORDS, decisionWord, FIELD_LABEL, ITEM_FIELDS, itemFieldOfLabel, STANDARD_HEADINGS } from '../../server/src/engine';

describe('engine vocabulary (one letter vocabulary)', () => {
  it('the canonical heading of each section is its first (current-layout) spelling', () => {
    for (const id of Object.keys(CANONICAL_HEADING) as (keyof typeof CANONICAL_HEADING)[]) {
      assert.strictEqual(CANONICAL_HEADING[id], STANDARD_HEADINGS.find((h) => h.id === id)?.canonical);
    }
  });

  it('FIELD_LABEL recognises every item label, in any case and spacing, and names its part', () => {
    for (const f of ITEM_FIELDS) {
      const line = `  ${f.label.toUpperCase().replace(/ /g, '   ')}: text`;
      const m = FIELD_LABEL.exec(line);
      assert.ok(m, line);
      assert.strictEqual(itemFieldOfLabel(m[2] ?? '')?.kind, f.kind);
    }
    assert.strictEqual(FIELD_LABEL.exec('Claims Administrator guidelines: x'), null);
  });

  it('decision words are matched ignoring case', () => {
    for (const w of DECISION_WORDS) assert.strictEqual(decisionWord(w.toLowerCase()), w);
    assert.strictEqual(decisionWord('Denied'), undefined);
  });

  it('citation labels accept Page(s):, Pages:, Page: and Section(s):, Sections:', () => {
    for (const s of ['Page(s): 98', 'Pages: 98', 'Page: 98', 'Page (s): 98']) assert.ok(CITATION_LABELS.pages.pattern.test(s), s);
    for (const s of ['Section(s): x', 'Sections: x', 'Section: x']) assert.ok(CITATION_LABELS.sections.pattern.test(s), s);
    assert.ok(!CITATION_LABELS.pages.pattern.test('Pagination: 1'));
  });

});
