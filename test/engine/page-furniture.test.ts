import { strict as assert } from 'assert';
import { parseLetter, SourceText } from '../../server/src/engine';
import { maskPageFurniture } from '../../server/src/engine/text/page-furniture';
import { bundledIndex, lint } from '../helpers/engine';
import { L2016 } from './rules/letters';

/**
 * Running footers and headers at page breaks, in the styles PDF converters and letter templates leave:
 * the letter reads as it does without them, and nothing else next to a break is taken for furniture.
 */

/** The letter with a page break after each of `afterLines` (1-based), its footer and header given per page. */
function paginate(text: string, afterLines: number[], footer: (page: number, pages: number) => string, header: (page: number, pages: number) => string = () => ''): string {
  const lines = text.split('\n');
  const pages = afterLines.length + 1;
  const out: string[] = [];
  let page = 1;
  lines.forEach((line, i) => {
    out.push(line);
    if (!afterLines.includes(i + 1)) return;
    const foot = footer(page, pages);
    if (foot) out.push('', foot);
    page++;
    const head = header(page, pages);
    out.push(`\f${head}`);
    if (head) out.push('');
  });
  return out.join('\n');
}

const centred = (s: string) => `${' '.repeat(40)}${s}`;

/** Page breaks right after an item line, inside a guideline citation, inside a rationale. */
const BREAKS = [29, 31, 38];

const STYLES: [string, (p: number, n: number) => string, ((p: number, n: number) => string)?][] = [
  ['"Page N" footer', (p) => centred(`Page ${p}`)],
  ['"Page N of M" footer', (p, n) => centred(`Page ${p} of ${n}`)],
  ['"- N -" footer', (p) => centred(`- ${p} -`)],
  ['bare number footer', (p) => centred(String(p))],
  ['case number and page footer', (p, n) => `CM17-0100001${' '.repeat(50)}Page ${p} of ${n}`],
  ['running title and page footer', (p, n) => `IMR Final Determination${' '.repeat(40)}Page ${p} of ${n}`],
  ['case number and page header', () => '', (p, n) => `CM17-0100001${' '.repeat(50)}Page ${p} of ${n}`],
  ['bare number header', () => '', (p) => centred(String(p))],
];

describe('page furniture: running footers and headers at page breaks', function () {
  const index = bundledIndex();
  const original = parseLetter(L2016, index);
  const itemsOf = (text: string) =>
    parseLetter(text, index).items.map((it) => ({
      text: it.text,
      decision: it.decision,
      ca: it.claimsAdministratorGuideline?.text,
      maximus: it.maximusGuideline?.text,
      conclusion: it.rationale?.conclusion,
    }));

  for (const [name, footer, header] of STYLES) {
    it(`reads a letter with a ${name} as without it`, function () {
      const text = paginate(L2016, BREAKS, footer, header);
      assert.deepEqual(lint(text).map((f) => `${f.ruleId}: ${f.message}`), []);
      const items = itemsOf(text);
      assert.equal(items.length, original.items.length);
      items.forEach((item, i) => {
        assert.equal(item.text, original.items[i]!.text);
        assert.equal(item.decision, original.items[i]!.decision);
        assert.equal(item.conclusion, original.items[i]!.rationale?.conclusion);
      });
    });
  }

  const masked = (text: string) => maskPageFurniture(new SourceText(text)).lines;

  it('blanks the footer and header lines only, keeping the form feed and every position', function () {
    const text = ['First page text.', '', centred('Page 1'), '\fCM17-0100001          Page 2 of 2', '', 'Second page text.'].join('\n');
    const lines = masked(text);
    assert.equal(lines[0], 'First page text.');
    assert.equal(lines[2]!.trim(), '');
    assert.equal(lines[2]!.length, centred('Page 1').length);
    assert.equal(lines[3]!.replace(/ /g, ''), '\f');
    assert.equal(lines[5], 'Second page text.');
  });

  it('leaves text next to a break that is no running footer', function () {
    const keep = [
      // a number that is not the page's
      centred('7'),
      // a page number beside a field label or a sentence
      'Section(s): Physical medicine treatment.          2',
      'Physical Medicine Page(s): 1',
      'The request is not medically necessary.  Page 1',
      // two titles beside the number
      'IMR Final Determination      Maximus      Page 1',
    ];
    for (const line of keep) assert.equal(masked(['Text.', line, '\fNext page.'].join('\n'))[1], line, line);
  });

  it('needs a form feed: "Page 2" or a bare number elsewhere is text', function () {
    for (const line of [centred('Page 1'), centred('1'), centred('- 1 -')]) {
      assert.equal(masked(['Text.', line, 'More text.'].join('\n'))[1], line, line);
    }
    // the strict "Page N of M" line is furniture anywhere, as before
    assert.equal(masked(['Text.', centred('Page 1 of 3'), 'More text.'].join('\n'))[1]!.trim(), '');
  });
});
