import * as assert from 'assert';
import { fieldKindOf, paragraphBefore } from '../../server/src/service/paragraph';
import { splitLines } from '../../server/src/service/text';

describe('service/paragraph', () => {
  it('knows the item part a line starts with', () => {
    assert.strictEqual(fieldKindOf('Claims Administrator guideline: Decision based on MTUS'), 'claims');
    assert.strictEqual(fieldKindOf('MAXIMUS guideline: Decision based on'), 'maximus');
    assert.strictEqual(fieldKindOf('Decision rationale: The request'), 'rationale');
    assert.strictEqual(fieldKindOf('Physical therapy x 8: Upheld'), undefined);
    assert.strictEqual(fieldKindOf('The rationale: is here'), undefined);
    assert.strictEqual(fieldKindOf(''), undefined);
  });

  it('joins the lines of the paragraph up to the cursor, from its field label', () => {
    const lines = splitLines('Item: Upheld\n\nMAXIMUS guideline: Decision based on MTUS Chronic Pain\nMedical Treatment 2016, Section(s): Phys');
    const p = paragraphBefore(lines, { line: 3, character: 40 });
    assert.deepStrictEqual(p, {
      text: 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Phys',
      firstLine: 2,
      cursorLineStart: 'MAXIMUS guideline: Decision based on MTUS Chronic Pain '.length,
    });
    // an offset of the paragraph maps back to the cursor's line
    assert.strictEqual(p.text.slice(p.cursorLineStart), lines[3]!.slice(0, 40));
  });

  it('stops at a blank line, and at a field label on the line above', () => {
    const lines = splitLines('first\nsecond\n\nthird\nfourth\nClaims Administrator guideline: x\nfifth');
    assert.deepStrictEqual(paragraphBefore(lines, { line: 4, character: 3 }), { text: 'third fou', firstLine: 3, cursorLineStart: 6 });
    assert.deepStrictEqual(paragraphBefore(lines, { line: 6, character: 5 }), { text: 'Claims Administrator guideline: x fifth', firstLine: 5, cursorLineStart: 34 });
  });

  it('starts at the cursor line when that line has a label, and trims the lines it joins', () => {
    const lines = splitLines('  Some text above\nDecision rationale: The');
    assert.deepStrictEqual(paragraphBefore(lines, { line: 1, character: 23 }), { text: 'Decision rationale: The', firstLine: 1, cursorLineStart: 0 });
    const indented = splitLines('   indented one   \n  two');
    assert.deepStrictEqual(paragraphBefore(indented, { line: 1, character: 5 }), { text: 'indented one   two', firstLine: 0, cursorLineStart: 13 });
  });

  it('looks at most maxLines lines up', () => {
    const lines = splitLines(['a', 'b', 'c', 'd', 'e'].join('\n'));
    assert.deepStrictEqual(paragraphBefore(lines, { line: 4, character: 1 }, 2), { text: 'c d e', firstLine: 2, cursorLineStart: 4 });
    assert.strictEqual(paragraphBefore(lines, { line: 4, character: 1 }).firstLine, 0);
  });
});
