import { strict as assert } from 'assert';
import * as path from 'path';
import { createConfigResolver, createIndexProvider, Finding, LintConfig, lintText, loadConfigFile, loadConfigText } from '../../../server/src/engine';
import { cleanupTemp, cliFixture, letter, makeTemp, replaceOnce, write } from '../../cli/helpers';
import { nth } from '../../helpers/checked';

/**
 * .imrlintrc configuration through the engine: discovery (nearest file wins), the file formats, the
 * rule-setting forms, placeholder patterns and extra MTUS index files relative to the config file.
 */

const indexes = createIndexProvider();

function resolve(letterPath: string, explicitFile?: string): LintConfig {
  const { config, problems } = createConfigResolver({ explicitFile }).forFile(letterPath);
  assert.deepEqual(problems, [], 'config problems');
  assert.ok(config);
  return config;
}

/** Lints `text` as if it were the file `letterPath` (config discovered from its folder). */
function lintAs(letterPath: string, text: string, explicitFile?: string): Finding[] {
  const config = resolve(letterPath, explicitFile);
  const { index, problems } = indexes.get(config.index);
  assert.deepEqual(problems, [], 'index problems');
  return lintText({ text, config, index }).findings;
}

/** "line:col severity rule" (1-based). */
function brief(fs: Finding[]): string[] {
  return fs.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId}`);
}

/** The mixed letter: heading-format 17:33, placeholder 21:95 (TODO), item-decision 29:72. */
const MIXED = () => cliFixture('mixed-2016.imr');
/** The 2009 letter citing Physical Medicine Page(s): 97 (bundled index: 98-99, verified) at 26:28. */
const PAGE_97 = () => cliFixture('page-error-2009.imr');

const CORRECTION = 'version: 1\nguidelines:\n  - id: cpmtg-2009\n    topics:\n      - name: Physical medicine\n        pages: ["97-99"]\n';

describe('.imrlintrc configuration (engine)', function () {
  this.timeout(30_000);
  after(cleanupTemp);

  describe('discovery', () => {
    it('the nearest config file wins (no merging with configs further up)', () => {
      const dir = makeTemp();
      write(dir, '.imrlintrc.yaml', 'rules:\n  placeholder: warn\n  heading-format: off\n');
      write(dir, 'team/.imrlintrc.yaml', 'rules:\n  item-decision: info\n');
      const top = path.join(dir, 'case.imr');
      const nested = path.join(dir, 'team', 'a', 'b', 'case.imr');
      assert.deepEqual(brief(lintAs(top, MIXED())), ['21:95 warning placeholder', '29:72 error item-decision']);
      assert.deepEqual(brief(lintAs(nested, MIXED())), ['17:33 error heading-format', '21:95 error placeholder', '29:72 info item-decision']);
      assert.equal(resolve(nested).file, path.join(dir, 'team', '.imrlintrc.yaml'));
      assert.equal(resolve(nested).baseDir, path.join(dir, 'team'));
    });

    it('.imrlintrc.json and .imrlintrc.yml are read like .imrlintrc.yaml', () => {
      const dir = makeTemp();
      write(dir, 'j/.imrlintrc.json', JSON.stringify({ rules: { placeholder: 'off', 'heading-format': ['warn'] } }, null, 2));
      write(dir, 'y/.imrlintrc.yml', 'rules:\n  placeholder: "off"\n  heading-format: [warn]\n');
      for (const sub of ['j', 'y']) {
        assert.deepEqual(brief(lintAs(path.join(dir, sub, 'case.imr'), MIXED())), ['17:33 warning heading-format', '29:72 error item-decision'], sub);
      }
    });

    it('an explicit config file replaces discovery', () => {
      const dir = makeTemp();
      write(dir, 'letters/.imrlintrc.yaml', 'rules:\n  placeholder: off\n');
      const explicit = write(dir, 'ci/strict.yaml', 'rules:\n  heading-format: off\n');
      assert.deepEqual(brief(lintAs(path.join(dir, 'letters', 'case.imr'), MIXED(), explicit)), ['21:95 error placeholder', '29:72 error item-decision']);
    });

    it('an empty config file (or one with a BOM and comments only) means the defaults', () => {
      const dir = makeTemp();
      write(dir, 'e/.imrlintrc.yaml', '');
      write(dir, 'b/.imrlintrc.yaml', '\uFEFF# nothing configured yet\n');
      for (const sub of ['e', 'b']) {
        assert.deepEqual(brief(lintAs(path.join(dir, sub, 'case.imr'), MIXED())), ['17:33 error heading-format', '21:95 error placeholder', '29:72 error item-decision'], sub);
      }
    });
  });

  describe('rule settings', () => {
    it('severity strings: off, info, warn, error', () => {
      const dir = makeTemp();
      write(dir, '.imrlintrc.yaml', 'rules:\n  heading-format: info\n  placeholder: warn\n  item-decision: off\n  citation-page-mismatch: error\n');
      assert.deepEqual(brief(lintAs(path.join(dir, 'a.imr'), MIXED())), ['17:33 info heading-format', '21:95 warning placeholder']);
    });

    it('[severity, options] and {severity, options} forms (placeholder patterns option)', () => {
      const dir = makeTemp();
      const text = replaceOnce(MIXED(), 'low back pain radiating', 'low back pain FIXME radiating');
      write(dir, 'arr/.imrlintrc.yaml', 'rules:\n  placeholder: [warn, {patterns: ["\\\\bFIXME\\\\b"]}]\n');
      write(dir, 'obj/.imrlintrc.yaml', 'rules:\n  placeholder:\n    severity: info\n    options:\n      patterns: ["\\\\bFIXME\\\\b"]\n');
      write(dir, 'sev/.imrlintrc.json', '{"rules": {"placeholder": ["warn"]}}');
      write(dir, 'opt/.imrlintrc.json', '{"rules": {"placeholder": {"options": {"patterns": ["FIXME"]}}}}');
      assert.deepEqual(resolve(path.join(dir, 'arr', 'a.imr')).rules.placeholder, { severity: 'warn', options: { patterns: ['\\bFIXME\\b'] } });
      assert.deepEqual(brief(lintAs(path.join(dir, 'arr', 'a.imr'), text)), ['17:33 error heading-format', '22:23 warning placeholder', '29:72 error item-decision']);
      assert.deepEqual(brief(lintAs(path.join(dir, 'obj', 'a.imr'), text)), ['17:33 error heading-format', '22:23 info placeholder', '29:72 error item-decision']);
      // [severity] alone keeps the default patterns
      assert.deepEqual(brief(lintAs(path.join(dir, 'sev', 'a.imr'), text)), ['17:33 error heading-format', '21:95 warning placeholder', '29:72 error item-decision']);
      // {options} without severity keeps the rule's default severity
      assert.deepEqual(brief(lintAs(path.join(dir, 'opt', 'a.imr'), text)), ['17:33 error heading-format', '22:23 error placeholder', '29:72 error item-decision']);
    });

    it('invalid settings are schema problems with file and line', () => {
      const file = '/virtual/.imrlintrc.yaml';
      const cases: [string, number, RegExp][] = [
        ['rules:\n  citation-page-mismatch: loud\n', 2, /citation-page-mismatch/],
        ['rules:\n  placeholder: [warn, {}, extra]\n', 2, /placeholder/],
        // the unknown key's own line
        ['rules:\n  placeholder:\n    severity: warn\n    level: 2\n', 4, /rules\.placeholder\.level: unknown key "level"/],
        ['# header\n\nrules:\n  made-up-rule: warn\n', 4, /made-up-rule|rules/],
        ['include: "**/*.imr"\n', 1, /include/],
        ['index: [""]\n', 1, /index/],
      ];
      for (const [text, line, msg] of cases) {
        const { config, problems } = loadConfigText(text, file);
        assert.equal(config, undefined, text);
        assert.ok(problems.length > 0, text);
        const first = nth(problems, 0, 'problem');
        assert.equal(first.file, file);
        assert.equal(first.line, line - 1, `${JSON.stringify(text)}: ${JSON.stringify(problems)}`);
        assert.ok(problems.some((p) => msg.test(p.message)), `${JSON.stringify(text)}: ${JSON.stringify(problems)}`);
      }
    });

    it('a config file that cannot be used is a problem, not a crash', () => {
      const dir = makeTemp();
      const binary = write(dir, 'bin/.imrlintrc.yaml', Buffer.from([0x72, 0x75, 0, 1, 2, 0xff]));
      const r = loadConfigFile(binary);
      assert.equal(r.config, undefined);
      assert.match(nth(r.problems, 0, 'problem').message, /not text|binary/);
      write(dir, 'dir/.imrlintrc.yaml/placeholder', 'a folder named like a config');
      const d = createConfigResolver().forFile(path.join(dir, 'dir', 'case.imr'));
      assert.equal(d.config, undefined);
      assert.equal(nth(d.problems, 0, 'problem').file, path.join(dir, 'dir', '.imrlintrc.yaml'));
    });

    it('YAML and JSON syntax errors have a line', () => {
      const a = loadConfigText('rules:\n  placeholder: warn\n heading-format: error\n', '/virtual/.imrlintrc.yaml');
      assert.equal(a.config, undefined);
      assert.equal(nth(a.problems, 0, 'problem').line, 2);
      const b = loadConfigText('rules:\n  placeholder: warn\n  placeholder: off\n', '/virtual/.imrlintrc.yaml');
      assert.equal(nth(b.problems, 0, 'problem').line, 2);
      const c = loadConfigText('{\n  "rules": {\n    "placeholder": "warn"\n', '/virtual/.imrlintrc.json');
      assert.notEqual(nth(c.problems, 0, 'problem').line, undefined);
    });
  });

  describe('placeholders', () => {
    it('top-level placeholder patterns replace the defaults', () => {
      const dir = makeTemp();
      write(dir, '.imrlintrc.yaml', 'placeholders: ["\\\\bFIXME\\\\b", "\\\\?\\\\?\\\\?"]\n');
      const text = replaceOnce(replaceOnce(MIXED(), 'low back pain radiating', 'low back pain FIXME radiating'), 'home\nexercise program', 'home\n??? exercise program');
      const f = lintAs(path.join(dir, 'case.imr'), text);
      assert.deepEqual(brief(f), ['17:33 error heading-format', '22:23 error placeholder', '23:1 error placeholder', '29:72 error item-decision']);
      assert.ok(f.every((x) => !x.message.includes('TODO')), 'TODO is no longer a placeholder');
    });

    it("the rule's own patterns option wins over top-level placeholders", () => {
      const dir = makeTemp();
      write(dir, '.imrlintrc.yaml', 'placeholders: ["FIXME"]\nrules:\n  placeholder: [error, {patterns: ["\\\\bTODO\\\\b"]}]\n');
      const text = replaceOnce(MIXED(), 'low back pain radiating', 'low back pain FIXME radiating');
      assert.deepEqual(brief(lintAs(path.join(dir, 'case.imr'), text)), ['17:33 error heading-format', '21:95 error placeholder', '29:72 error item-decision']);
    });
  });

  describe('rule options (each rule optionsSchema, in the generated config schema)', () => {
    it('a rule option of the wrong type is a problem naming the rule and the line', () => {
      const r = loadConfigText('rules:\n  placeholder: [error, {patterns: 3}]\n', '/virtual/.imrlintrc.yaml');
      assert.equal(r.config, undefined);
      assert.ok(r.problems.some((p) => p.line === 1 && p.message.startsWith('rules.placeholder')), JSON.stringify(r.problems));
    });

    it('an option a rule does not have is a problem', () => {
      const r = loadConfigText('rules:\n  heading-format: [error, {patterns: ["x"]}]\n', '/virtual/.imrlintrc.yaml');
      assert.equal(r.config, undefined);
      assert.ok(r.problems.some((p) => p.message.startsWith('rules.heading-format')), JSON.stringify(r.problems));
    });

    it('valid options in every setting form load', () => {
      for (const form of ['[warn, {patterns: ["FIXME"]}]', '{severity: warn, options: {patterns: ["FIXME"]}}']) {
        const r = loadConfigText(`rules:\n  placeholder: ${form}\n  heading-format: [warn, {}]\n`, '/virtual/.imrlintrc.yaml');
        assert.deepEqual(r.problems, [], form);
        assert.deepEqual(r.config?.rules.placeholder, { severity: 'warn', options: { patterns: ['FIXME'] } });
      }
    });
  });

  describe('extra MTUS index files', () => {
    it('index paths are relative to the config file, not the working folder', () => {
      const dir = makeTemp();
      write(dir, 'cases/.imrlintrc.yaml', 'index: [../indexes/mtus-corrections.yaml, local.yaml]\n');
      const cwd = process.cwd();
      const other = makeTemp();
      try {
        process.chdir(other);
        const config = resolve(path.join(dir, 'cases', 'x', 'case.imr'));
        assert.deepEqual(config.index, [path.join(dir, 'indexes', 'mtus-corrections.yaml'), path.join(dir, 'cases', 'local.yaml')]);
      } finally {
        process.chdir(cwd);
      }
    });

    it('a correction file changing a page span changes citation-page-mismatch', () => {
      const dir = makeTemp();
      write(dir, 'plain/.imrlintrc.yaml', 'rules: {}\n');
      write(dir, 'corrected/.imrlintrc.yaml', 'index: [../shared/mtus-corrections.yaml]\n');
      write(dir, 'shared/mtus-corrections.yaml', CORRECTION);

      const plain = lintAs(path.join(dir, 'plain', 'case.imr'), PAGE_97());
      assert.deepEqual(brief(plain), ['26:28 error citation-page-mismatch']);
      assert.match(nth(plain, 0, 'finding').message, /98-99/);

      assert.deepEqual(brief(lintAs(path.join(dir, 'corrected', 'case.imr'), PAGE_97())), [], '97 lies in the corrected span 97-99');
      assert.deepEqual(brief(lintAs(path.join(dir, 'corrected', 'case.imr'), letter('clean-2009-pages.imr'))), [], '98-99 still inside 97-99');

      const p96 = replaceOnce(PAGE_97(), 'Page(s): 97.', 'Page(s): 96.');
      const corrected = lintAs(path.join(dir, 'corrected', 'case.imr'), p96);
      assert.deepEqual(brief(corrected), ['26:28 error citation-page-mismatch']);
      const mismatch = nth(corrected, 0, 'finding');
      assert.match(mismatch.message, /97-99/);
      assert.ok(mismatch.fix, 'the finding has a fix');
      assert.equal(nth(mismatch.fix.edits, 0, 'fix edit').newText, '97-99');
      assert.ok(mismatch.related?.some((r) => r.file === path.join(dir, 'shared', 'mtus-corrections.yaml')), 'related info points into the correction file');

      const config = resolve(path.join(dir, 'corrected', 'case.imr'));
      assert.match(indexes.get(config.index).index.label, /mtus-corrections\.yaml/);
    });

    it('an invalid or missing index file is reported with its path', () => {
      const dir = makeTemp();
      const bad = write(dir, 'bad.yaml', CORRECTION.replace('pages: ["97-99"]', 'pages: ["97-99"]\n        colour: blue'));
      const r = indexes.get([bad]);
      assert.ok(r.problems.length > 0);
      const problem = nth(r.problems, 0, 'problem');
      assert.equal(problem.file, bad);
      assert.equal(problem.line, 6);
      const missing = path.join(dir, 'missing.yaml');
      const m = indexes.get([missing]);
      assert.ok(m.problems.length > 0);
      assert.equal(nth(m.problems, 0, 'problem').file, missing);
    });
  });
});
