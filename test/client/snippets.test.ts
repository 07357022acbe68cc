import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findLetterSnippet, loadLetterTemplate, parseSnippets, stripJsonComments } from '../../client/src/snippets';

/** `IMR: New Determination Letter` reads the whole-letter snippet from the extension folder at run time. */
const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('client: letter template from snippets/imr.code-snippets', () => {
  it('strips JSONC comments and trailing commas but not string contents', () => {
    const text = '{\n // note\n "a": "http://x/*y*/", /* block */ "b": [1, 2,],\n}';
    assert.deepStrictEqual(JSON.parse(stripJsonComments(text)), { a: 'http://x/*y*/', b: [1, 2] });
  });

  it('picks the whole-letter snippet, not a section snippet', () => {
    const entries = parseSnippets(
      JSON.stringify({
        'IMR section: issues': { prefix: 'imr-issues', body: ['IMR ISSUES, DECISIONS AND RATIONALES', '$0'] },
        'IMR letter (whole)': {
          prefix: ['imr-letter'],
          body: ['Case Number: $1', 'HOW THE IMR FINAL DETERMINATION WAS MADE', 'IMR ISSUES, DECISIONS AND RATIONALES', '$0'],
        },
        'not a snippet': 42,
      }),
    );
    assert.strictEqual(entries.length, 2);
    assert.strictEqual(findLetterSnippet(entries)?.name, 'IMR letter (whole)');
  });

  it('finds a whole letter in the shipped snippets file', function () {
    if (!fs.existsSync(path.join(ROOT, 'snippets', 'imr.code-snippets'))) this.skip();
    const template = loadLetterTemplate(ROOT);
    assert.ok(template, 'no whole-letter snippet');
    for (const heading of ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']) {
      assert.ok(template.body.includes(heading), `template lacks ${heading}`);
    }
  });
});
