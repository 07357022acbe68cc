import * as assert from 'assert';
import { getFoldingRanges } from '../../server/src/service/folding';
import { FoldingRangeKind } from '../../server/src/service/lsp-types';
import { splitLines } from '../../server/src/service/text';
import { CLEAN_2009, CLEAN_2016, parse } from './letter';

function folds(text: string): string[] {
  return getFoldingRanges(parse(text), splitLines(text)).map((f) => `${f.startLine}-${f.endLine}${f.kind ? ` ${f.kind}` : ''}`);
}

describe('service/folding', () => {
  it('folds the header, each section, each item and its multi-line parts (two-column letter)', () => {
    assert.deepStrictEqual(folds(CLEAN_2016), [
      `0-4 ${FoldingRangeKind.Region}`, // header
      '6-14', // how made
      '16-23', // summary
      '25-52', // issues, up to its last non-blank line
      '28-38', // item 1
      '30-31', // claims administrator guideline
      '33-34', // MAXIMUS guideline
      '36-38', // rationale
      '40-52', // item 2
      '42-43',
      '45-47',
      '49-52',
    ]);
  });

  it('folds a one-column header and page-style citations the same way', () => {
    assert.deepStrictEqual(folds(CLEAN_2009), ['0-6 region', '8-11', '13-16', '18-32', '22-32', '24-25', '27-28', '30-32']);
  });

  it('never folds a single line, and ends a fold before trailing blank lines', () => {
    const text = CLEAN_2009.replace(
      /Claims Administrator guideline:[^]*?\n\nMAXIMUS/,
      'Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines\n\n\n\nMAXIMUS',
    );
    const f = folds(text);
    assert.ok(!f.some((x) => x.startsWith('24-')), f.join(' '));
    for (const x of f) {
      const [a, b] = x.split(' ')[0]!.split('-').map(Number);
      assert.ok(b! > a!, x);
      assert.ok(splitLines(text)[b!]!.trim() !== '', `fold ${x} ends on a blank line`);
    }
  });

  it('has no header fold when the letter has no header', () => {
    const body = CLEAN_2016.slice(CLEAN_2016.indexOf('                 HOW THE IMR'));
    const f = folds(body);
    assert.ok(!f.some((x) => x.endsWith('region')), f.join(' '));
    assert.strictEqual(f[0], '0-8');
  });
});
