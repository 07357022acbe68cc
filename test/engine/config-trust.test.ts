import { strict as assert } from 'assert';
import * as path from 'path';
import { createConfigResolver, createIndexProvider, lintText, loadConfigText, resolveLintSetup, UNTRUSTED_IGNORED_KEYS } from '../../server/src/engine';
import { cleanupTemp, cliFixture, makeTemp, write } from '../cli/helpers';
import { nth } from '../helpers/checked';

/**
 * The config resolver's two hardening duties: a config problem of any kind (aliases that expand too
 * much, patterns that do not compile together) is a problem naming the file, line and column — never a
 * throw — and an untrusted workspace's config entries that read files or run patterns are ignored.
 */

const FILE = '/virtual/.imrlintrc.yaml';

/** Every level multiplies the one before by 9: 9^7 strings when expanded. */
const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
].join('\n') + '\n';

/** The 2009 letter citing Physical Medicine Page(s): 97 (bundled index: 98-99, verified) at 26:28. */
const PAGE_97 = () => cliFixture('page-error-2009.imr');
/** An extra index that makes page 97 right. */
const CORRECTION = 'version: 1\nguidelines:\n  - id: cpmtg-2009\n    topics:\n      - name: Physical medicine\n        pages: ["97-99"]\n';

describe('config problems are problems, never throws', () => {
  it('YAML aliases that expand too much (billion laughs): a problem at the first alias', () => {
    const r = loadConfigText(BILLION_LAUGHS, FILE);
    assert.equal(r.config, undefined);
    assert.equal(r.problems.length, 1);
    const problem = nth(r.problems, 0, 'problem');
    assert.equal(problem.file, FILE);
    assert.match(problem.message, /aliases expand too much/);
    assert.equal(problem.line, 1, 'line 2 holds the first *a');
    assert.equal(problem.column, 7);
  });

  it('a few aliases are fine (anchors are ordinary YAML)', () => {
    const r = loadConfigText('placeholders: &p ["\\\\bFILL\\\\b"]\nrules:\n  placeholder: [warn, {patterns: *p}]\n', FILE);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.config?.rules.placeholder?.options.patterns, ['\\bFILL\\b']);
  });

  it('placeholder patterns that compile alone but not together are a problem at the list', () => {
    const top = loadConfigText('rules: {}\nplaceholders: ["(?<v>x)", "(?<v>y)"]\n', FILE);
    assert.equal(top.config, undefined);
    const topProblem = nth(top.problems, 0, 'problem');
    assert.equal(topProblem.line, 1);
    assert.match(topProblem.message, /^placeholders: the patterns do not compile together: Duplicate capture group name/);
    const option = loadConfigText('rules:\n  placeholder:\n    severity: error\n    options: {patterns: ["(?<v>x)", "(?<v>x)"]}\n', FILE);
    assert.equal(option.config, undefined);
    const optionProblem = nth(option.problems, 0, 'problem');
    assert.equal(optionProblem.line, 3);
    assert.match(optionProblem.message, /^rules\.placeholder\.patterns: the patterns do not compile together/);
  });

  it('an empty placeholder list is a problem (joined it would match every value)', () => {
    const top = loadConfigText('placeholders: []\n', FILE);
    assert.equal(top.config, undefined);
    assert.match(nth(top.problems, 0, 'problem').message, /^placeholders: an empty list/);
    const option = loadConfigText('rules:\n  placeholder: [error, {patterns: []}]\n', FILE);
    assert.equal(option.config, undefined);
    const optionProblem = nth(option.problems, 0, 'problem');
    assert.equal(optionProblem.line, 1);
    assert.match(optionProblem.message, /^rules\.placeholder\.patterns: an empty list/);
  });

  it('problems carry the column and end of the offending key or value', () => {
    const unknown = loadConfigText('rules: {}\n  # a comment\nplacholders: ["x"]\n', FILE);
    assert.deepEqual({ ...nth(unknown.problems, 0, 'problem'), message: '' }, { file: FILE, line: 2, column: 0, endLine: 2, endColumn: 11, message: '' });
    const bad = loadConfigText('redact: true\nplaceholders: ["ok", "(a"]\n', FILE);
    const badProblem = nth(bad.problems, 0, 'problem');
    assert.equal(badProblem.line, 1);
    assert.equal(badProblem.column, 21);
    assert.equal(badProblem.endColumn, 25);
    const syntax = loadConfigText('rules:\n  placeholder: [warn\n', FILE);
    const syntaxProblem = nth(syntax.problems, 0, 'problem');
    assert.equal(syntaxProblem.line !== undefined && syntaxProblem.column !== undefined, true);
  });

  it('a key that is a collection is a problem, and the yaml package prints no warning', () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const r = loadConfigText('? [a, b]\n: c\n', FILE);
      assert.equal(r.config, undefined);
      assert.match(nth(r.problems, 0, 'problem').message, /unknown key/);
    } finally {
      process.off('warning', onWarning);
    }
    return new Promise<void>((resolve) => setImmediate(() => {
      assert.deepEqual(warnings, []);
      resolve();
    }));
  });
});

describe('an untrusted workspace: config entries that read files or run patterns are ignored', function () {
  this.timeout(30_000);
  after(cleanupTemp);

  const FULL = [
    'rules:',
    '  placeholder: [error, {patterns: ["\\\\bFILL\\\\b"]}]',
    '  heading-format: {severity: warn, options: {}}',
    '  item-decision: info',
    'index: [/etc/passwd]',
    'include: ["**/*.letter"]',
    'exclude: ["drafts/"]',
    'placeholders: ["\\\\bXXX\\\\b"]',
    'redact: true',
    '',
  ].join('\n');

  it('trusted (the default): everything applies', () => {
    const r = loadConfigText(FULL, FILE);
    assert.deepEqual(r.problems, []);
    assert.equal(r.ignored, undefined);
    assert.deepEqual(r.config?.index, ['/etc/passwd']);
    assert.deepEqual(r.config?.include, ['**/*.letter']);
  });

  it('untrusted: index, placeholders, include, exclude and rule options are dropped and listed with their lines; severities stay', () => {
    const r = loadConfigText(FULL, FILE, { trusted: false });
    assert.deepEqual(r.problems, []);
    assert.ok(r.config);
    assert.deepEqual(r.config.index, []);
    assert.deepEqual(r.config.include, ['**/*.imr', '**/*.imr.txt']);
    assert.deepEqual(r.config.exclude, ['**/node_modules/**']);
    assert.deepEqual(r.config.rules.placeholder, { severity: 'error', options: {} });
    assert.deepEqual(r.config.rules['heading-format'], { severity: 'warn', options: {} });
    assert.deepEqual(r.config.rules['item-decision'], { severity: 'info', options: {} });
    assert.equal(r.config.redact, true);
    assert.deepEqual(
      (r.ignored ?? []).map((g) => `${g.line}:${g.key}`).sort(),
      ['1:rules.placeholder', '2:rules.heading-format', '4:index', '5:include', '6:exclude', '7:placeholders'].sort(),
    );
    assert.deepEqual([...UNTRUSTED_IGNORED_KEYS].sort(), ['exclude', 'include', 'index', 'placeholders']);
  });

  it('untrusted: values of ignored entries are never compiled or validated (a bad pattern is no problem)', () => {
    const r = loadConfigText('placeholders: ["(a"]\ninclude: ["[a"]\nindex: 3\nrules:\n  placeholder: [warn, {patterns: ["(?<v>x)", "(?<v>x)"]}]\n', FILE, { trusted: false });
    assert.deepEqual(r.problems, []);
    assert.equal(r.config?.rules.placeholder?.severity, 'warn');
    // the rest of the file is still checked
    const unknown = loadConfigText('placeholders: ["(a"]\nredakt: true\n', FILE, { trusted: false });
    assert.match(nth(unknown.problems, 0, 'problem').message, /unknown key "redakt"/);
  });

  it('untrusted setup: the config index and the extra index files of the settings are not read; the bundled index judges', () => {
    const dir = makeTemp();
    write(dir, 'shared/mtus-corrections.yaml', CORRECTION);
    write(dir, 'cases/.imrlintrc.yaml', 'index: [../shared/mtus-corrections.yaml]\nplaceholders: ["\\\\baffiliation\\\\b"]\n');
    const letterPath = path.join(dir, 'cases', 'case.imr');
    const indexes = createIndexProvider();

    const trusted = resolveLintSetup(createConfigResolver({ cwd: dir }), indexes, letterPath);
    assert.ok(trusted.config);
    assert.equal(trusted.restricted, undefined);
    const t = lintText({ text: PAGE_97(), config: trusted.config, index: trusted.index }).findings;
    assert.ok(!t.some((f) => f.ruleId === 'citation-page-mismatch'), 'the corrected span 97-99 allows page 97');
    assert.ok(t.some((f) => f.ruleId === 'placeholder'), 'the custom placeholder pattern matches "affiliation"');

    const extra = path.join(dir, 'shared', 'mtus-corrections.yaml');
    const untrusted = resolveLintSetup(createConfigResolver({ cwd: dir, trusted: false }), indexes, letterPath, { extraIndex: { files: [extra] } });
    assert.ok(untrusted.config);
    assert.equal(untrusted.problem, undefined);
    assert.deepEqual(untrusted.config.index, []);
    assert.ok(!untrusted.files.some((f) => f.kind === 'index'), 'no index file was read');
    assert.deepEqual(untrusted.restricted?.config.map((g) => g.key), ['index', 'placeholders']);
    assert.deepEqual(untrusted.restricted?.extraIndex, [extra]);
    assert.deepEqual(untrusted.files.find((f) => f.kind === 'config')?.ignored?.map((g) => g.key), ['index', 'placeholders']);
    const u = lintText({ text: PAGE_97(), config: untrusted.config, index: untrusted.index }).findings;
    assert.deepEqual(u.filter((f) => f.ruleId === 'citation-page-mismatch').map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`), ['26:28']);
    assert.ok(!u.some((f) => f.ruleId === 'placeholder'), 'the default placeholders apply');
  });
});
