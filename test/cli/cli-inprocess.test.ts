import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createConfigResolver, createFileSelector, RULES } from '../../server/src/engine';
import { CliIo, runLint } from '../../server/src/cli/lint-command';
import { guarded, runImr } from '../../server/src/cli/main';
import { colorFromEnv } from '../../server/src/cli/io';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { cleanupTemp, cliFixture, letter, makeTemp, replaceOnce, write } from './helpers';

/**
 * imr-lint in-process (runLint with a captured IO): file selection, config errors, the CI formats,
 * --output-file, --redact, colour and --fix through links. Real folders, real letters, no mocks.
 */

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string, opts: { color?: boolean; imr?: boolean } = {}): Run {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => '', cwd, color: opts.color ?? false, version: '9.8.7' };
  const status = guarded(() => (opts.imr ? runImr(args, io) : runLint(args, io)), io, opts.imr ? 'imr' : 'imr-lint');
  if (typeof status !== 'number') throw new Error('this helper runs synchronous commands only');
  return { status, stdout, stderr };
}

const show = (r: Run) => `exit ${r.status}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;

/** A letter with an error (Physical Medicine Page(s): 97) — one finding. */
const BAD = () => cliFixture('page-error-2009.imr');

/** The clean 2016 letter with a bad case number, an impossible decision date and a late injury date. */
function badHeader(): string {
  let t = letter('clean-2016.imr');
  t = replaceOnce(t, 'CM17-0100001', 'CM17-01X');
  t = replaceOnce(t, 'Decision Date:        02/09/2017', 'Decision Date:        13/45/2017');
  t = replaceOnce(t, 'Date of Injury:      03/02/2015', 'Date of Injury:      03/02/2018');
  return t;
}
const HEADER_VALUES = ['CM17-01X', '13/45/2017', '03/02/2018', '12/14/2016', '01/17/2017', '01/11/2017'];

describe('imr-lint in-process: selection, formats, redaction, safe fixes', function () {
  this.timeout(60_000);
  after(cleanupTemp);

  describe('file selection (engine/files/select.ts)', () => {
    /** A letters repository: config with include/exclude, an ignore file, a .gitignore, drafts. */
    function repo(): string {
      const dir = makeTemp();
      fs.mkdirSync(path.join(dir, '.git'));
      write(dir, '.imrlintrc.yaml', 'include: ["{*.imr,letters/**/*.imr}"]\nexclude: ["letters/drafts/"]\n');
      write(dir, '.imrlintignore', '# old letters\nletters/archive/\n*.bak.imr\n');
      write(dir, '.gitignore', 'letters/private/\n');
      for (const rel of ['top.imr', 'letters/a.imr', 'letters/sub/b.imr', 'letters/drafts/d.imr', 'letters/archive/old.imr', 'letters/x.bak.imr', 'letters/private/p.imr', 'letters/notes.txt', 'other/o.imr']) write(dir, rel, BAD());
      return dir;
    }
    const rel = (dir: string, files: string[]) => files.map((f) => path.relative(dir, f));

    it('walks a folder honouring include (braces), exclude of a folder, .imrlintignore and .gitignore', async () => {
      const dir = repo();
      const sel = createFileSelector({ cwd: dir, configs: createConfigResolver({ cwd: dir }) });
      const expected = ['letters/a.imr', 'letters/sub/b.imr', 'top.imr'];
      assert.deepEqual(rel(dir, [...sel.walkSync(dir)]), expected);
      const walked: string[] = [];
      for await (const f of sel.walk(dir)) walked.push(f);
      assert.deepEqual(rel(dir, walked), expected, 'the async walker agrees');
      const why = (f: string) => sel.explain(path.join(dir, f));
      assert.deepEqual(why('letters/a.imr'), { selected: true });
      assert.match((why('letters/drafts/d.imr') as { message: string }).message, /^letters\/drafts\/d\.imr: excluded by "letters\/drafts\/" \(exclude in \.imrlintrc\.yaml\)$/);
      assert.equal((why('letters/archive/old.imr') as { reason: string }).reason, 'ignored');
      assert.equal((why('letters/x.bak.imr') as { reason: string }).reason, 'ignored');
      assert.equal((why('letters/private/p.imr') as { reason: string }).reason, 'gitignored');
      assert.equal((why('other/o.imr') as { reason: string }).reason, 'not-included');
      assert.equal(sel.isSelected(path.join(dir, 'letters/notes.txt')), false);

      const noIgnore = createFileSelector({ cwd: dir, configs: createConfigResolver({ cwd: dir }), noIgnore: true });
      assert.deepEqual(rel(dir, [...noIgnore.walkSync(dir)]), ['letters/a.imr', 'letters/archive/old.imr', 'letters/private/p.imr', 'letters/sub/b.imr', 'letters/x.bak.imr', 'top.imr']);
    });

    it('.gitignore is read only inside a git work tree', () => {
      const dir = repo();
      fs.rmdirSync(path.join(dir, '.git'));
      const sel = createFileSelector({ cwd: dir, configs: createConfigResolver({ cwd: dir }) });
      assert.equal(sel.isSelected(path.join(dir, 'letters/private/p.imr')), true);
    });

    it('CLI: named excluded/ignored letters are skipped with one warning line each; a quoted glob lints; no match exits 2', () => {
      const dir = repo();
      const named = run(['-f', 'json', 'letters/drafts/d.imr', 'letters/archive/old.imr', 'letters/private/p.imr', 'letters/a.imr'], dir);
      assert.equal(named.status, 1, show(named));
      assert.deepEqual((JSON.parse(named.stdout) as { filePath: string }[]).map((r) => path.relative(dir, r.filePath)), ['letters/a.imr']);
      assert.deepEqual(named.stderr.trim().split('\n'), [
        'imr-lint: warning: letters/drafts/d.imr: excluded by "letters/drafts/" (exclude in .imrlintrc.yaml); not linted',
        'imr-lint: warning: letters/archive/old.imr: ignored by .imrlintignore; not linted',
        'imr-lint: warning: letters/private/p.imr: ignored by .gitignore; not linted',
      ]);
      // pre-commit with only a draft staged: nothing to lint, not an error
      const draft = run(['letters/drafts/d.imr'], dir);
      assert.equal(draft.status, 0, show(draft));

      const glob = run(['-f', 'json', 'letters/*.imr'], dir);
      assert.equal(glob.status, 1, show(glob));
      assert.deepEqual((JSON.parse(glob.stdout) as { filePath: string }[]).map((r) => path.relative(dir, r.filePath)), ['letters/a.imr'], 'the ignored x.bak.imr is not linted');
      const deep = run(['-f', 'json', 'letters/**/*.imr'], dir);
      assert.deepEqual((JSON.parse(deep.stdout) as { filePath: string }[]).map((r) => path.relative(dir, r.filePath)), ['letters/a.imr', 'letters/sub/b.imr']);

      const none = run(['letters/*.txt'], dir);
      assert.equal(none.status, 2, show(none));
      assert.equal(none.stderr, 'imr-lint: no letters match the pattern "letters/*.txt" (--no-error-on-unmatched-pattern allows it)\n');
      assert.equal(run(['--no-error-on-unmatched-pattern', 'letters/*.txt'], dir).status, 0);
      const ignoredFolder = run(['letters/archive'], dir);
      assert.equal(ignoredFolder.status, 2, show(ignoredFolder));
      assert.match(ignoredFolder.stderr, /no letters found in "letters\/archive"/);

      // --ignore-path replaces .imrlintignore; --no-ignore reads no ignore file
      write(dir, 'ci.ignore', 'letters/sub/\n');
      const alt = run(['-f', 'json', '--ignore-path', 'ci.ignore', 'letters'], dir);
      assert.deepEqual((JSON.parse(alt.stdout) as { filePath: string }[]).map((r) => path.relative(dir, r.filePath)), ['letters/a.imr', 'letters/archive/old.imr', 'letters/x.bak.imr']);
      const missing = run(['--ignore-path', 'nope.ignore', 'letters'], dir);
      assert.equal(missing.status, 2, show(missing));
      assert.match(missing.stderr, /nope\.ignore: cannot read ignore file \(ENOENT\)/);
      const all = run(['-f', 'json', '--no-ignore', 'letters'], dir);
      assert.equal((JSON.parse(all.stdout) as unknown[]).length, 5);
    });
  });

  describe('command-line conventions', () => {
    it('--version on imr-lint and imr; --help lists every option including --color/--no-color', () => {
      const dir = makeTemp();
      assert.deepEqual(run(['--version'], dir), { status: 0, stdout: '9.8.7\n', stderr: '' });
      assert.deepEqual(run(['-v'], dir), { status: 0, stdout: '9.8.7\n', stderr: '' });
      assert.deepEqual(run(['--version'], dir, { imr: true }), { status: 0, stdout: '9.8.7\n', stderr: '' });
      const help = run(['--help'], dir).stdout;
      for (const o of ['--color', '--no-color', '--output-file', '--redact', '--ignore-path', '--no-ignore', '--no-error-on-unmatched-pattern', '--version', 'github', 'gitlab', 'junit', 'compact']) assert.ok(help.includes(o), `--help lacks ${o}`);
      const unknown = run(['--colour'], dir);
      assert.deepEqual(unknown, { status: 2, stdout: '', stderr: 'imr-lint: unknown option --colour\n' });
      assert.equal(run(['--fix=yes', 'a.imr'], dir).stderr, 'imr-lint: option --fix takes no value\n');
      assert.equal(run(['a.imr', '--format'], dir).stderr, 'imr-lint: option --format needs a value\n');
    });

    it('FORCE_COLOR and NO_COLOR decide the default colour; --color/--no-color win', () => {
      assert.equal(colorFromEnv({}, true), true);
      assert.equal(colorFromEnv({}, false), false);
      assert.equal(colorFromEnv({ NO_COLOR: '1' }, true), false);
      assert.equal(colorFromEnv({ NO_COLOR: '' }, true), true);
      assert.equal(colorFromEnv({ FORCE_COLOR: '1' }, false), true);
      assert.equal(colorFromEnv({ FORCE_COLOR: '' }, false), true);
      assert.equal(colorFromEnv({ FORCE_COLOR: '0' }, true), false);
      assert.equal(colorFromEnv({ FORCE_COLOR: 'false', NO_COLOR: '' }, true), false);
      assert.equal(colorFromEnv({ FORCE_COLOR: '2', NO_COLOR: '1' }, false), true);
      const dir = makeTemp();
      write(dir, 'case.imr', BAD());
      assert.ok(run(['case.imr'], dir, { color: true }).stdout.includes('\u001b['));
      assert.ok(!run(['--no-color', 'case.imr'], dir, { color: true }).stdout.includes('\u001b['));
      assert.ok(run(['--color', 'case.imr'], dir, { color: false }).stdout.includes('\u001b['));
    });

    it('--output-file writes the report (folders created), nothing on stdout, the exit status unchanged', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', BAD());
      const r = run(['-f', 'junit', '-o', 'reports/imr/junit.xml', 'case.imr'], dir, { color: true });
      assert.deepEqual([r.status, r.stdout, r.stderr], [1, '', '']);
      const xml = fs.readFileSync(path.join(dir, 'reports/imr/junit.xml'), 'utf8');
      assert.equal(XMLValidator.validate(xml), true);
      const styl = run(['--output-file', 'out.txt', 'case.imr'], dir, { color: true });
      assert.equal(styl.status, 1);
      assert.ok(!fs.readFileSync(path.join(dir, 'out.txt'), 'utf8').includes('\u001b['), 'no colour in a file unless --color');
    });

    it('--print-config shows every rule with its resolved severity', () => {
      const dir = makeTemp();
      write(dir, '.imrlintrc.yaml', 'rules:\n  citation-page-mismatch: warn\n  placeholder: "off"\n');
      const r = run(['--print-config', 'case.imr'], dir);
      assert.equal(r.status, 0, show(r));
      const cfg = JSON.parse(r.stdout) as { severities: Record<string, string> };
      assert.equal(cfg.severities['citation-page-mismatch'], 'warn');
      assert.equal(cfg.severities.placeholder, 'off');
      assert.equal(cfg.severities['section-missing'], 'error');
      assert.equal(cfg.severities['unused-suppression'], 'off');
      assert.equal(Object.keys(cfg.severities).length, RULES.length);
    });

    it('config errors name file, line and key, with "did you mean"; bad regexes and globs are config errors (exit 2)', () => {
      const cases: [string, RegExp][] = [
        ['rules:\n  placeholders: warn\n', /\.imrlintrc\.yaml:2: invalid config: rules\.placeholders: unknown rule "placeholders" \(did you mean "placeholder"\?\)$/],
        ['placeholders: ["ok", "(x"]\n', /\.imrlintrc\.yaml:1: invalid config: placeholders\[1\]: invalid regular expression "\(x": Unterminated group$/],
        ['rules:\n  placeholder:\n    - warn\n    - patterns: ["[a-"]\n', /\.imrlintrc\.yaml:4: invalid config: rules\.placeholder\.patterns\[0\]: invalid regular expression "\[a-"/],
        ['rules:\n  placeholder: [warn, {pattern: ["x"]}]\n', /:2: invalid config: rules\.placeholder: unknown option "pattern" \(did you mean "patterns"\?\)$/],
        ['rules:\n  section-order: {severity: warn, options: {strict: true}}\n', /:2: invalid config: rules\.section-order: unknown option "strict" \(the rule takes no options\)$/],
        ['exclude:\n  - "drafts/"\n  - "a[b"\n', /:3: invalid config: exclude\[1\]: invalid glob "a\[b"/],
        ['inclde: ["*.imr"]\n', /:1: invalid config: inclde: unknown key "inclde" \(did you mean "include"\?\)$/],
        ['rules:\n  placeholder: warning\n', /:2: invalid config: rules\.placeholder: must be equal to one of the allowed values \(off, info, warn, error\) \(did you mean "warn"\?\)$/],
        ['rules:\n  placeholder: {severity: warn, option: {}}\n', /:2: invalid config: rules\.placeholder\.option: unknown key "option" \(did you mean "options"\?\)$/],
      ];
      for (const [config, expected] of cases) {
        const dir = makeTemp();
        write(dir, '.imrlintrc.yaml', config);
        write(dir, 'case.imr', letter('clean-2016.imr'));
        const r = run(['case.imr'], dir);
        assert.equal(r.status, 2, `${config}\n${show(r)}`);
        assert.ok(!r.stderr.includes('internal error'), r.stderr);
        assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
        assert.match(r.stderr.trim(), expected, config);
      }
    });
  });

  describe('CI formats', () => {
    function findings(): string {
      const dir = makeTemp();
      // an error, warnings, a message with a comma and quotes, a path with a comma and a colon
      write(dir, 'in/a,b:c.imr', cliFixture('mixed-2016.imr'));
      write(dir, 'in/warn.imr', cliFixture('warnings-2009.imr'));
      write(dir, 'in/clean.imr', letter('clean-2016.imr'));
      write(dir, 'in/header.imr', badHeader());
      return dir;
    }

    it('github: one workflow command per finding, properties and data escaped', () => {
      const dir = findings();
      const r = run(['-f', 'github', 'in'], dir);
      assert.equal(r.status, 1, show(r));
      const lines = r.stdout.trim().split('\n');
      assert.ok(lines.length >= 8, r.stdout);
      const re = /^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([a-z-]+)::([^\r\n]+)$/;
      for (const l of lines) assert.match(l, re);
      const files = new Set(lines.map((l) => re.exec(l)![2]));
      assert.deepEqual([...files].sort(), ['in/a%2Cb%3Ac.imr', 'in/header.imr', 'in/warn.imr']);
      assert.ok(lines.some((l) => l.startsWith('::warning ') && l.includes('title=citation-page-mismatch')));
      assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
      assert.equal(escapeProperty('a,b:c%'), 'a%2Cb%3Ac%25');
    });

    it('junit: well-formed XML, one testsuite per letter, a failure per error', () => {
      const dir = findings();
      write(dir, 'in/xml<&>"\'.imr', cliFixture('page-error-2009.imr'));
      const r = run(['-f', 'junit', 'in'], dir);
      assert.equal(r.status, 1, show(r));
      assert.equal(XMLValidator.validate(r.stdout), true, r.stdout);
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(r.stdout) as {
        testsuites: { tests: string; failures: string; testsuite: { name: string; tests: string; failures: string; testcase: { name: string; failure?: { message: string } }[] }[] };
      };
      const suites = doc.testsuites.testsuite;
      assert.deepEqual(suites.map((s) => s.name), ['in/a,b:c.imr', 'in/clean.imr', 'in/header.imr', 'in/warn.imr', 'in/xml<&>"\'.imr']);
      for (const s of suites) {
        assert.equal(Number(s.tests), s.testcase.length);
        assert.equal(Number(s.failures), s.testcase.filter((c) => c.failure).length);
      }
      const clean = suites[1];
      assert.deepEqual([clean.tests, clean.failures], ['1', '0']);
      const warn = suites[3];
      assert.equal(warn.failures, '0', 'warnings are not failures');
      assert.ok(Number(warn.tests) >= 2);
      assert.equal(suites[4].failures, '1');
      assert.equal(Number(doc.testsuites.failures), suites.reduce((n, s) => n + Number(s.failures), 0));
    });

    it('gitlab: Code Quality JSON with stable fingerprints', () => {
      const dir = findings();
      const r = run(['-f', 'gitlab', 'in'], dir);
      assert.equal(r.status, 1, show(r));
      const issues = JSON.parse(r.stdout) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
      assert.ok(issues.length >= 8);
      for (const i of issues) {
        assert.equal(typeof i.description, 'string');
        assert.match(i.check_name, /^[a-z-]+$/);
        assert.match(i.fingerprint, /^[0-9a-f]{64}$/);
        assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(i.severity));
        assert.ok(!path.isAbsolute(i.location.path));
        assert.ok(Number.isInteger(i.location.lines.begin) && i.location.lines.begin >= 1);
      }
      assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'fingerprints are unique');
      assert.ok(issues.some((i) => i.severity === 'major') && issues.some((i) => i.severity === 'minor'));
      // stable across runs, and when lines move (two blank lines added at the top of a letter)
      const again = JSON.parse(run(['-f', 'gitlab', 'in'], dir).stdout) as typeof issues;
      assert.deepEqual(again.map((i) => i.fingerprint), issues.map((i) => i.fingerprint));
      const warnFile = path.join(dir, 'in/warn.imr');
      fs.writeFileSync(warnFile, '\n\n' + fs.readFileSync(warnFile, 'utf8'));
      const moved = JSON.parse(run(['-f', 'gitlab', 'in'], dir).stdout) as typeof issues;
      const of = (list: typeof issues) => list.filter((i) => i.location.path === 'in/warn.imr');
      assert.deepEqual(of(moved).map((i) => i.fingerprint), of(issues).map((i) => i.fingerprint));
      assert.deepEqual(of(moved).map((i) => i.location.lines.begin), of(issues).map((i) => i.location.lines.begin + 2));
    });

    it('compact: file:line:col: severity message [rule]', () => {
      const dir = findings();
      const r = run(['-f', 'compact', 'in/warn.imr', 'in/clean.imr'], dir);
      assert.equal(r.status, 0, show(r));
      const lines = r.stdout.trim().split('\n');
      assert.ok(lines.length >= 2);
      for (const l of lines) assert.match(l, /^in\/warn\.imr:\d+:\d+: (error|warning|info) .+ \[[a-z-]+\]$/);
      assert.match(lines[0], /^in\/warn\.imr:26:26: warning .* \[citation-page-mismatch\]$/);
    });

    it('a formatter module with ESLint\'s signature; a broken one is exit 2 naming it', () => {
      const dir = findings();
      write(dir, 'my-formatter.js', "module.exports = (results, context) => results.map((r) => require('path').relative(context.cwd, r.filePath) + ' ' + r.errorCount + '/' + r.warningCount + ' ' + r.messages.map((m) => m.ruleId + '@' + m.line + ':' + m.column).join(',') + ' ' + context.rulesMeta['citation-page-mismatch'].docs.url).join('\\n');\n");
      const r = run(['-f', './my-formatter.js', 'in/warn.imr', 'in/clean.imr'], dir);
      assert.equal(r.status, 0, show(r));
      assert.match(r.stdout, /^in\/warn\.imr 0\/\d+ citation-page-mismatch@26:26,.* https:\/\/\S+citation-page-mismatch\.md\nin\/clean\.imr 0\/0 {2}https:\/\/\S+\n$/);
      write(dir, 'bad-formatter.js', 'module.exports = 42;\n');
      const bad = run(['-f', './bad-formatter.js', 'in/clean.imr'], dir);
      assert.deepEqual([bad.status, bad.stderr], [2, 'imr-lint: ./bad-formatter.js: a formatter module must export a function (results, context) => string\n']);
      const missing = run(['-f', './nope.js', 'in/clean.imr'], dir);
      assert.deepEqual([missing.status, missing.stderr], [2, 'imr-lint: ./nope.js: cannot load formatter (not found)\n']);
      assert.match(run(['-f', 'checkstyle', 'in/clean.imr'], dir).stderr, /unknown format "checkstyle"/);
    });
  });

  describe('--redact', () => {
    it('no header value of the letter appears in any format; without --redact they do', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', badHeader());
      write(dir, 'my-formatter.js', 'module.exports = (results) => JSON.stringify(results);\n');
      const formats = ['stylish', 'compact', 'json', 'sarif', 'github', 'gitlab', 'junit', './my-formatter.js'];
      const plain = run(['-f', 'json', 'case.imr'], dir);
      const rules = (JSON.parse(plain.stdout) as { messages: { ruleId: string }[] }[])[0].messages.map((m) => m.ruleId);
      assert.ok(rules.includes('header-field') && rules.includes('date-order'), rules.join());
      for (const f of formats) {
        const open = run(['-f', f, 'case.imr'], dir);
        assert.ok(HEADER_VALUES.some((v) => open.stdout.includes(v)), `${f} without --redact should quote a header value`);
        const red = run(['-f', f, '--redact', 'case.imr'], dir);
        assert.equal(red.status, 1, show(red));
        for (const v of HEADER_VALUES) assert.ok(!red.stdout.includes(v), `${f} --redact leaks ${v}:\n${red.stdout}`);
        assert.ok(red.stdout.includes('…'), f);
      }
      // the config key does the same
      write(dir, '.imrlintrc.yaml', 'redact: true\n');
      const byConfig = run(['-f', 'github', 'case.imr'], dir);
      for (const v of HEADER_VALUES) assert.ok(!byConfig.stdout.includes(v), byConfig.stdout);
      assert.match(byConfig.stdout, /Date of Injury \(…\) is after /);
    });
  });

  describe('--fix on links and modes', () => {
    it('a linked letter: the target is fixed, the link stays a link, the mode is kept, nothing left behind', function () {
      if (process.platform === 'win32') this.skip();
      const dir = makeTemp();
      const target = write(dir, 'store/real.imr', cliFixture('page-error-2009.imr'));
      fs.chmodSync(target, 0o640);
      fs.mkdirSync(path.join(dir, 'work'));
      const link = path.join(dir, 'work/case.imr');
      fs.symlinkSync(path.relative(path.dirname(link), target), link);
      const r = run(['--fix', 'work/case.imr'], dir);
      assert.equal(r.status, 0, show(r));
      assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link is still a link');
      assert.equal(fs.readlinkSync(link), '../store/real.imr');
      assert.equal(fs.readFileSync(target, 'utf8'), letter('clean-2009-pages.imr'), 'the target is fixed');
      assert.equal(fs.statSync(target).mode & 0o777, 0o640);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'store')), ['real.imr']);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'work')), ['case.imr']);
    });
  });
});
