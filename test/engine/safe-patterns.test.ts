import { strict as assert } from 'assert';
import * as path from 'path';
import { loadConfigText } from '../../server/src/engine';
import { globTooComplex } from '../../server/src/engine/files/glob-limits';
import { DEFAULT_PLACEHOLDERS } from '../../server/src/engine/rules/placeholder';
import { unsafePatternReason } from '../../server/src/engine/text/safe-regex';
import { REPO_ROOT } from '../helpers/engine';
import { nth } from '../helpers/checked';

/** User patterns (placeholders, include/exclude globs) that could take more than linear time are config errors. */

const REFUSED: [string, RegExp][] = [
  ['(a|aa)+$', /alternatives inside a repetition/],
  ['(a+)+', /repetition inside a repetition/],
  ['(\\w+\\s?)*$', /repetition inside a repetition/],
  ['(.*)*', /repetition inside a repetition/],
  ['(a?)*', /can be empty/],
  ['(\\s|\\n)*x', /alternatives inside a repetition/],
  ['\\d+\\.?\\d+', /two repetitions/],
  ['.*x.*y', /two repetitions/],
  ['\\[\\[[^\\]\\n]*\\]\\]', /first character/],
  ['TODO.*!', /first character/],
  ['(?:ab)+c', /first character/],
  ['(?=.*x)a', /lookahead/],
  ['(?<=a+)b', /lookbehind/],
  ['(a)\\1', /back-references/],
  ['(?<n>a)\\k<n>', /back-references/],
  ['a{2000}', /count over 1000/],
  ['x'.repeat(501), /longer than 500/],
];

const ACCEPTED = ['\\bTODO\\b.*', '<[A-Z ]+>', '__+', '\\?\\?\\?', 'XXX+\\b', '\\bFILL ME\\b', '^Draft.*x', '\\[[A-Z]+ [A-Z]+\\]', '\\bINSERT[ _][A-Z]+\\b', '\\{\\{[^{}]*\\}\\}', '(?:ab|cd)+', 'x[\\s\\n]*y', 'a{2,4}b{1,3}'];

describe('safe user patterns', () => {
  it('the default placeholder patterns are safe', () => {
    for (const p of DEFAULT_PLACEHOLDERS) assert.equal(unsafePatternReason(p), undefined, p);
  });

  for (const [p, why] of REFUSED) {
    it(`refuses ${JSON.stringify(p.length > 40 ? `${p.slice(0, 40)}…` : p)}`, () => {
      new RegExp(p); // every case compiles: refused for its time, not its syntax
      assert.match(unsafePatternReason(p) ?? 'accepted', why);
    });
  }

  it('accepts patterns that run in linear time', () => {
    for (const p of ACCEPTED) assert.equal(unsafePatternReason(p), undefined, p);
  });

  it('limits globs: stars per segment, ** segments, length', () => {
    assert.equal(globTooComplex('**/*.imr'), undefined);
    assert.equal(globTooComplex('letters/**/drafts/**/*.{imr,txt}'), undefined);
    assert.equal(globTooComplex('*a*b*c.imr'), undefined);
    assert.match(globTooComplex('**a**a**a**a**a**b') ?? '', /more than 3 "\*"/);
    assert.match(globTooComplex('a/**/b/**/c/**/d/**/e') ?? '', /more than 3 "\*\*"/);
    assert.match(globTooComplex('a'.repeat(1001)) ?? '', /longer than 1000/);
    assert.equal(globTooComplex('\\*\\*\\*\\*x*'), undefined, 'escaped stars are literal');
  });

  it('an unsafe pattern or glob is a config error naming the file, line and key', () => {
    const file = path.join(REPO_ROOT, '.imrlintrc.yaml');
    const text = ['placeholders:', "  - '\\bTODO\\b'", "  - '(a|aa)+$'", 'include:', "  - '**a**a**a**a**a**b'", 'rules:', "  placeholder: [error, { patterns: ['\\d+\\.?\\d+'] }]", ''].join('\n');
    const { config, problems } = loadConfigText(text, file);
    assert.equal(config, undefined);
    const got = problems.map((p) => `${p.file === file ? 'file' : p.file}:${(p.line ?? -1) + 1}: ${p.message}`);
    assert.equal(got.length, 3, got.join('\n'));
    assert.match(nth(got, 0, 'problem'), /^file:5: include\[0\]: glob too complex "\*\*a\*\*a\*\*a\*\*a\*\*a\*\*b": more than 3/);
    assert.match(nth(got, 1, 'problem'), /^file:3: placeholders\[1\]: unsafe regular expression "\(a\|aa\)\+\$": alternatives inside a repetition/);
    assert.match(nth(got, 2, 'problem'), /^file:7: rules\.placeholder\.patterns\[0\]: unsafe regular expression/);
  });

  it('the documented example patterns are accepted', () => {
    const file = path.join(REPO_ROOT, '.imrlintrc.yaml');
    const { problems } = loadConfigText("placeholders: ['\\[\\[[^[\\]\\n]*\\]\\]', '\\bXX/XX/XXXX\\b']\n", file);
    assert.deepEqual(problems, []);
  });
});
