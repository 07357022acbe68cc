import { strict as assert } from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { XMLValidator } from 'fast-xml-parser';
import { colorFromEnv } from '../../server/src/cli/io';
import { RULES } from '../../server/src/engine';
import { CliRun, imr, imrLint } from '../helpers/cli-io';
import { AnyRun, cleanupTemp, cliFixture, describeRun, JsonMessage, letter, letterRepo, makeTemp, nth, parseJson, replaceOnce, toCrlfWithBom, write } from './helpers';

/**
 * imr-lint (cli/lint-command.ts) run in-process through its IO interface (test/helpers/cli-io.ts), in
 * temporary folders holding synthetic letters written by these tests. The CLI contract is README.md's:
 * exit 0 no errors, 1 errors or too many warnings, 2 the run could not be done — with ONE line on stderr
 * naming the file (and line), never a stack trace. What only a process shows is in bins.test.ts.
 */

/** Exit 2 with exactly one stderr line, no stack trace, nothing on stdout; returns that line. */
function assertRunFailed(r: AnyRun, ...mentions: (string | RegExp)[]): string {
  assert.equal(r.status, 2, describeRun(r));
  assert.ok(!r.stderr.includes('    at '), `stack trace on stderr:\n${r.stderr}`);
  const lines = r.stderr.replace(/\n$/, '').split('\n');
  assert.equal(lines.length, 1, `stderr must be one line, got ${lines.length}:\n${r.stderr}`);
  const line = lines[0]!;
  assert.ok(line.length > 0, 'stderr line is empty');
  for (const m of mentions) {
    if (typeof m === 'string') assert.ok(line.includes(m), `stderr should mention ${JSON.stringify(m)}: ${line}`);
    else assert.match(line, m);
  }
  assert.equal(r.stdout, '', `nothing on stdout when the run fails: ${r.stdout}`);
  return line;
}

/** No crash: a normal exit (0/1), no stack trace, no "internal error". */
function assertNoCrash(r: AnyRun): void {
  assert.ok(r.status === 0 || r.status === 1, describeRun(r));
  assert.ok(!r.stderr.includes('    at '), `stack trace on stderr:\n${r.stderr}`);
  assert.ok(!r.stderr.includes('internal error'), r.stderr);
}

function messagesOf(r: AnyRun): JsonMessage[] {
  return parseJson(r).flatMap((x) => x.messages);
}

/** Every file below dir (relative paths, dot files included). */
function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

/** A letter of about `bytes` bytes: the 2009 letter's header and sections, then its item repeated. */
function bigLetter(bytes: number, itemEdit: (item: string) => string = (s) => s): string {
  const src = letter('clean-2009-pages.imr');
  const at = src.indexOf('Therapeutic Exercises: Upheld');
  assert.ok(at > 0);
  const head = src.slice(0, at);
  const item = itemEdit(src.slice(at).replace(/\n+$/, '') + '\n\n');
  // numbered, so that no two items are the same request (item-duplicate)
  const n = Math.ceil((bytes - head.length) / item.length);
  return head + Array.from({ length: n }, (_, k) => item.replace('Therapeutic Exercises:', `Therapeutic Exercises ${k + 1}:`)).join('');
}

/** imr-lint in-process with the colour a terminal would give (`color`) and a fixed version. */
function run(args: string[], cwd: string, opts: { color?: boolean } = {}): CliRun {
  return imrLint(args, { cwd, color: opts.color ?? false, version: '9.8.7' });
}

const show = describeRun;

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


describe('imr-lint (cli/lint-command.ts), in-process', function () {
  this.timeout(120_000);
  after(cleanupTemp);

  describe('exit status 0 / 1', () => {
    it('exits 0 with no output on clean letters (both header layouts)', () => {
      const dir = makeTemp();
      write(dir, 'clean-2016.imr', letter('clean-2016.imr'));
      write(dir, 'clean-2009.imr', letter('clean-2009-pages.imr'));
      const r = imrLint(['clean-2016.imr', 'clean-2009.imr'], { cwd: dir });
      assert.equal(r.status, 0, describeRun(r));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, '');
    });

    it('exits 1 on an error finding (Physical Medicine Page(s): 97, index 98-99)', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', cliFixture('page-error-2009.imr'));
      const r = imrLint(['case.imr'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      assert.match(r.stdout, /26:28\s+error\s+.*98-99.*not 97.*citation-page-mismatch/);
      assert.equal(r.stderr, '');
    });

    it('warnings alone exit 0; more warnings than --max-warnings exit 1', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', cliFixture('warnings-2009.imr'));
      const plain = imrLint(['case.imr'], { cwd: dir });
      assert.equal(plain.status, 0, describeRun(plain));
      assert.equal((plain.stdout.match(/\bwarning\b/g) ?? []).length, 2, plain.stdout);

      const over = imrLint(['--max-warnings', '1', 'case.imr'], { cwd: dir });
      assert.equal(over.status, 1, describeRun(over));
      assert.match(over.stderr, /too many warnings \(maximum: 1\)/);

      const atLimit = imrLint(['--max-warnings=2', 'case.imr'], { cwd: dir });
      assert.equal(atLimit.status, 0, describeRun(atLimit));

      const noLimit = imrLint(['--max-warnings', '-1', 'case.imr'], { cwd: dir });
      assert.equal(noLimit.status, 0, `-1 means no limit, as in ESLint: ${describeRun(noLimit)}`);

      const zeroJson = imrLint(['--max-warnings', '0', '--format', 'json', 'case.imr'], { cwd: dir });
      assert.equal(zeroJson.status, 1, describeRun(zeroJson));
      parseJson(zeroJson); // stdout stays pure JSON
    });

    it('--quiet hides warnings (exit 0 even with --max-warnings 0) but keeps errors', () => {
      const dir = makeTemp();
      write(dir, 'w.imr', cliFixture('warnings-2009.imr'));
      const q = imrLint(['--quiet', '--max-warnings', '0', 'w.imr'], { cwd: dir });
      assert.equal(q.status, 0, describeRun(q));
      assert.equal(q.stdout, '');

      write(dir, 'e.imr', cliFixture('page-error-2009.imr'));
      const both = imrLint(['--quiet', '--format', 'json', 'w.imr', 'e.imr'], { cwd: dir });
      assert.equal(both.status, 1, describeRun(both));
      const results = parseJson(both);
      assert.deepEqual(
        results.map((x) => [path.basename(x.filePath), x.errorCount, x.warningCount]),
        [
          ['w.imr', 0, 0],
          ['e.imr', 1, 0],
        ],
      );
      assert.ok(results.every((x) => x.messages.every((m) => m.severity === 2)));
    });
  });

  describe('exit status 2: one line on stderr, no stack trace', () => {
    it('unknown option', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', letter('clean-2016.imr'));
      assertRunFailed(imrLint(['--frobnicate', 'case.imr'], { cwd: dir }), '--frobnicate');
    });

    it('unknown --format and a bad --max-warnings', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', letter('clean-2016.imr'));
      assertRunFailed(imrLint(['--format', 'xml', 'case.imr'], { cwd: dir }), 'xml');
      assertRunFailed(imrLint(['--max-warnings', 'many', 'case.imr'], { cwd: dir }), '--max-warnings');
      assertRunFailed(imrLint(['case.imr', '--format'], { cwd: dir }), '--format');
    });

    it('no files given', () => {
      const dir = makeTemp();
      assertRunFailed(imrLint([], { cwd: dir }), /no files/);
    });

    it('a file that does not exist (named in the message)', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', letter('clean-2016.imr'));
      assertRunFailed(imrLint(['case.imr', 'missing-letter.imr'], { cwd: dir }), 'missing-letter.imr');
    });

    it('an unreadable file (named in the message)', function () {
      const dir = makeTemp();
      const f = write(dir, 'locked.imr', letter('clean-2016.imr'));
      fs.chmodSync(f, 0o000);
      let readable = true;
      try {
        fs.readFileSync(f);
      } catch {
        readable = false;
      }
      if (readable) {
        fs.chmodSync(f, 0o600);
        this.skip(); // running as root: mode 000 does not stop reads
      }
      try {
        assertRunFailed(imrLint(['locked.imr'], { cwd: dir }), 'locked.imr');
      } finally {
        fs.chmodSync(f, 0o600);
      }
    });

    it('--config naming a file that does not exist', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', letter('clean-2016.imr'));
      assertRunFailed(imrLint(['--config', 'nope.yaml', 'case.imr'], { cwd: dir }), 'nope.yaml');
    });

    it('a YAML syntax error in .imrlintrc.yaml: exit 2 naming the config file', () => {
      const dir = makeTemp();
      write(dir, 'letters/case.imr', letter('clean-2016.imr'));
      write(dir, 'letters/.imrlintrc.yaml', 'rules:\n  placeholder: warn\n  heading-format: [error\n');
      assertRunFailed(imrLint(['letters/case.imr'], { cwd: dir }), '.imrlintrc.yaml');
    });

    it('a YAML syntax error in .imrlintrc.yaml names file:line', () => {
      const dir = makeTemp();
      write(dir, 'letters/case.imr', letter('clean-2016.imr'));
      write(dir, 'letters/.imrlintrc.yaml', 'rules:\n  placeholder: warn\n heading-format: error\n');
      assertRunFailed(imrLint(['letters/case.imr'], { cwd: dir }), /\.imrlintrc\.yaml:3\b/);
      write(dir, 'dup/case.imr', letter('clean-2016.imr'));
      write(dir, 'dup/.imrlintrc.yaml', 'rules:\n  placeholder: warn\n  placeholder: off\n');
      assertRunFailed(imrLint(['dup/case.imr'], { cwd: dir }), /\.imrlintrc\.yaml:3\b/);
      write(dir, 'json/case.imr', letter('clean-2016.imr'));
      write(dir, 'json/.imrlintrc.json', '{\n  "rules": {\n    "placeholder": "warn"\n');
      assertRunFailed(imrLint(['json/case.imr'], { cwd: dir }), /\.imrlintrc\.json:\d+\b/);
    });

    it('a schema error in the config (rules: {citation-page-mismatch: loud}) names file:line', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', letter('clean-2016.imr'));
      write(dir, '.imrlintrc.yaml', '# config\nrules:\n  placeholder: warn\n  citation-page-mismatch: loud\n');
      const line = assertRunFailed(imrLint(['case.imr'], { cwd: dir }), /\.imrlintrc\.yaml:4\b/);
      assert.match(line, /citation-page-mismatch/);
    });

    it('an unknown rule id and an unknown top-level key in the config name file:line', () => {
      const dir = makeTemp();
      write(dir, 'a/case.imr', letter('clean-2016.imr'));
      write(dir, 'a/.imrlintrc.yaml', 'rules:\n  placeholder: warn\n  no-such-rule: error\n');
      assertRunFailed(imrLint(['a/case.imr'], { cwd: dir }), /\.imrlintrc\.yaml:\d+\b/);
      write(dir, 'b/case.imr', letter('clean-2016.imr'));
      write(dir, 'b/.imrlintrc.yaml', 'rules:\n  placeholder: warn\nignores: ["x"]\n');
      assertRunFailed(imrLint(['b/case.imr'], { cwd: dir }), /\.imrlintrc\.yaml:\d+\b/, 'ignores');
    });

    it('an invalid extra index file referenced by the config names the index file (schema and YAML errors)', () => {
      const dir = makeTemp();
      write(dir, 'letters/case.imr', letter('clean-2009-pages.imr'));
      write(dir, 'letters/.imrlintrc.yaml', 'index: [../corrections/mtus-corrections.yaml]\n');
      write(
        dir,
        'corrections/mtus-corrections.yaml',
        'version: 1\nguidelines:\n  - id: cpmtg-2009\n    topics:\n      - name: Physical medicine\n        pages: ["97-99"]\n        colour: blue\n',
      );
      assertRunFailed(imrLint(['letters/case.imr'], { cwd: dir }), /mtus-corrections\.yaml:7\b/, 'colour');

      write(dir, 'corrections/mtus-corrections.yaml', 'version: 1\nguidelines: [\n  {id: cpmtg-2009\n');
      assertRunFailed(imrLint(['letters/case.imr'], { cwd: dir }), /mtus-corrections\.yaml:\d+\b/);

      fs.rmSync(path.join(dir, 'corrections', 'mtus-corrections.yaml'));
      assertRunFailed(imrLint(['letters/case.imr'], { cwd: dir }), 'mtus-corrections.yaml');
    });

    it('--stdin combined with --fix or with files', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', letter('clean-2016.imr'));
      assertRunFailed(imrLint(['--stdin', '--fix'], { cwd: dir, input: letter('clean-2016.imr') }), '--fix');
      assertRunFailed(imrLint(['--stdin', 'case.imr'], { cwd: dir, input: letter('clean-2016.imr') }));
    });

    it('--report-unused-suppressions on a letter with a directive reports it (no internal error)', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', '<!-- imr-disable-file placeholder -- nothing to hide -->\n' + letter('clean-2016.imr'));
      const r = imrLint(['--report-unused-suppressions', '--format', 'json', 'case.imr'], { cwd: dir });
      assertNoCrash(r);
      const ms = messagesOf(r);
      assert.deepEqual(
        ms.map((m) => [m.ruleId, m.line]),
        [['unused-suppression', 1]],
      );
    });
  });

  describe('--stdin', () => {
    it('--stdin-filename names the result and finds the config relative to that name', () => {
      const dir = makeTemp();
      write(dir, 'relaxed/.imrlintrc.yaml', 'rules:\n  citation-page-mismatch: warn\n');
      const text = cliFixture('page-error-2009.imr');
      const r = imrLint(['--stdin', '--stdin-filename', 'relaxed/case.imr', '--format', 'json'], { cwd: dir, input: text });
      assert.equal(r.status, 0, describeRun(r));
      const res = nth(parseJson(r), 0, 'the result of stdin');
      assert.equal(res.filePath, path.join(dir, 'relaxed', 'case.imr'));
      assert.deepEqual(
        res.messages.map((m) => [m.ruleId, m.severity, m.line, m.column]),
        [['citation-page-mismatch', 1, 26, 28]],
      );
      assert.ok(!fs.existsSync(path.join(dir, 'relaxed', 'case.imr')), 'nothing written for stdin');

      // the same text under a name outside that folder: default config, an error
      const strict = imrLint(['--stdin', '--stdin-filename', 'strict/case.imr'], { cwd: dir, input: text });
      assert.equal(strict.status, 1, describeRun(strict));
      assert.match(strict.stdout, /^strict\/case\.imr$/m);
      assert.match(strict.stdout, /26:28\s+error/);
    });

    it('--stdin without a name: config from the working folder, reported as <stdin>', () => {
      const dir = makeTemp();
      write(dir, '.imrlintrc.yaml', 'rules:\n  placeholder: off\n');
      const r = imrLint(['--stdin', '-f', 'json'], { cwd: dir, input: cliFixture('mixed-2016.imr') });
      assert.equal(r.status, 1, describeRun(r));
      const res = nth(parseJson(r), 0, 'the result of stdin');
      assert.equal(res.filePath, '<stdin>');
      assert.deepEqual(res.messages.map((m) => m.ruleId).sort(), ['heading-format', 'item-decision']);
      const clean = imrLint(['--stdin'], { cwd: dir, input: letter('clean-2016.imr') });
      assert.equal(clean.status, 0, describeRun(clean));
    });
  });

  describe('files and folders', () => {
    it('a linked letter inside a folder is linted; a linked folder is not followed', () => {
      const dir = makeTemp();
      write(dir, 'store/real.imr', cliFixture('page-error-2009.imr'));
      write(dir, 'in/own.imr', letter('clean-2016.imr'));
      fs.symlinkSync(path.join(dir, 'store/real.imr'), path.join(dir, 'in/linked.imr'));
      fs.symlinkSync(path.join(dir, 'store'), path.join(dir, 'in/linked-folder'));
      const r = imrLint(['-f', 'json', 'in'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      assert.deepEqual(parseJson(r).map((x) => path.relative(dir, x.filePath)).sort(), ['in/linked.imr', 'in/own.imr']);
    });

    it('a folder contributes *.imr and *.imr.txt (recursively); named files outside the include globs are skipped with a warning', () => {
      const dir = makeTemp();
      const bad = cliFixture('page-error-2009.imr');
      for (const rel of ['in/a.imr', 'in/b.imr.txt', 'in/deep/er/c.imr', 'in/notes.txt', 'in/d.imr.bak', 'in/e.md', 'in/f.IMR', 'in/node_modules/g.imr', 'in/imr']) write(dir, rel, bad);
      const folder = imrLint(['-f', 'json', 'in'], { cwd: dir });
      assert.equal(folder.status, 1, describeRun(folder));
      assert.deepEqual(
        parseJson(folder).map((x) => path.relative(dir, x.filePath)).sort(),
        ['in/a.imr', 'in/b.imr.txt', 'in/deep/er/c.imr'],
      );
      const explicit = imrLint(['-f', 'json', 'in/notes.txt', 'in/e.md', 'in/a.imr', './in/a.imr'], { cwd: dir });
      assert.equal(explicit.status, 1, describeRun(explicit));
      assert.deepEqual(
        parseJson(explicit).map((x) => [path.relative(dir, x.filePath), x.errorCount]),
        [['in/a.imr', 1]],
        'named letters are linted once; named files no include glob matches are not',
      );
      const warnings = explicit.stderr.trim().split('\n');
      assert.equal(warnings.length, 2, explicit.stderr);
      assert.match(warnings[0]!, /^imr-lint: warning: in\/notes\.txt: matches no include pattern/);
      assert.match(warnings[1]!, /^imr-lint: warning: in\/e\.md: matches no include pattern/);
      // a config that includes *.txt makes them letters
      write(dir, 'in/.imrlintrc.yaml', 'include: ["**/*.txt", "**/*.imr"]\n');
      const txt = imrLint(['-f', 'json', 'in/notes.txt'], { cwd: dir });
      assert.deepEqual(parseJson(txt).map((x) => [path.relative(dir, x.filePath), x.errorCount]), [['in/notes.txt', 1]]);
      assert.equal(txt.stderr, '');
      fs.rmSync(path.join(dir, 'in/.imrlintrc.yaml'));

      // nothing a green run can check: a folder of *.txt letters, a file no include matches
      fs.mkdirSync(path.join(dir, 'nothing-here'));
      write(dir, 'nothing-here/readme.txt', bad);
      const empty = imrLint(['-f', 'json', 'nothing-here'], { cwd: dir });
      assertRunFailed(empty, 'nothing-here', /no letters/);
      const none = imrLint(['-f', 'json', 'in/notes.txt'], { cwd: dir });
      assert.equal(none.status, 2, describeRun(none));
      assert.match(none.stderr, /no letters to lint/);
      const allowed = imrLint(['-f', 'json', '--no-error-on-unmatched-pattern', 'nothing-here'], { cwd: dir });
      assert.equal(allowed.status, 0, describeRun(allowed));
      assert.deepEqual(parseJson(allowed), []);
    });

    it('include / exclude globs from the config select the letters of a folder', () => {
      const dir = makeTemp();
      const bad = cliFixture('page-error-2009.imr');
      for (const rel of ['letters/a.imr', 'letters/b.letter', 'letters/c.imr.txt', 'letters/drafts/d.imr', 'letters/sub/drafts/e.imr', 'letters/sub/f.imr']) write(dir, rel, bad);
      write(dir, 'letters/.imrlintrc.yaml', 'include: ["**/*.imr", "**/*.letter"]\nexclude: ["drafts/**"]\n');
      const r = imrLint(['-f', 'json', 'letters'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      assert.deepEqual(
        parseJson(r).map((x) => path.relative(dir, x.filePath)).sort(),
        ['letters/a.imr', 'letters/b.letter', 'letters/sub/drafts/e.imr', 'letters/sub/f.imr'],
      );
      // excluded, and named on the command line (as pre-commit does): skipped with a one-line warning, exit 0
      const named = imrLint(['-f', 'json', 'letters/drafts/d.imr', 'letters/a.imr'], { cwd: dir });
      assert.equal(named.status, 1, describeRun(named));
      assert.deepEqual(parseJson(named).map((x) => path.relative(dir, x.filePath)), ['letters/a.imr']);
      assert.equal(named.stderr, 'imr-lint: warning: letters/drafts/d.imr: excluded by "drafts/**" (exclude in letters/.imrlintrc.yaml); not linted\n');
      const onlyDraft = imrLint(['-f', 'json', 'letters/drafts/d.imr'], { cwd: dir });
      assert.equal(onlyDraft.status, 0, describeRun(onlyDraft));
      assert.deepEqual(parseJson(onlyDraft), []);
    });

    it('a quoted glob lints; a glob matching nothing exits 2', () => {
      const dir = makeTemp();
      write(dir, 'letters/a.imr', cliFixture('page-error-2009.imr'));
      const glob = imrLint(['-f', 'json', 'letters/*.imr'], { cwd: dir });
      assert.equal(glob.status, 1, describeRun(glob));
      assert.deepEqual(parseJson(glob).map((x) => path.relative(dir, x.filePath)), ['letters/a.imr']);
      assertRunFailed(imrLint(['letters/*.txt'], { cwd: dir }), 'letters/*.txt', /no letters match/);
    });

    it('many letters in one run, each under its nearest config', () => {
      const dir = makeTemp();
      const bad = cliFixture('page-error-2009.imr');
      write(dir, 'all/.imrlintrc.yaml', 'rules:\n  citation-page-mismatch: warn\n');
      write(dir, 'all/off/.imrlintrc.json', '{ "rules": { "citation-page-mismatch": "off" } }\n');
      write(dir, 'all/strict/.imrlintrc.yml', 'rules:\n  citation-page-mismatch: [error]\n');
      for (let i = 0; i < 15; i++) {
        write(dir, `all/warn/w${String(i).padStart(2, '0')}.imr`, bad);
        write(dir, `all/off/o${String(i).padStart(2, '0')}.imr`, bad);
        write(dir, `all/strict/s${String(i).padStart(2, '0')}.imr.txt`, bad);
        write(dir, `all/clean/c${String(i).padStart(2, '0')}.imr`, i % 2 ? letter('clean-2016.imr') : letter('clean-2009-pages.imr'));
      }
      const r = imrLint(['-f', 'json', 'all'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      const results = parseJson(r);
      assert.equal(results.length, 60);
      const tally = (folder: string) =>
        results
          .filter((x) => path.relative(dir, x.filePath).startsWith(`all/${folder}/`))
          .reduce<[number, number, number]>(([n, errors, warnings], x) => [n + 1, errors + x.errorCount, warnings + x.warningCount], [0, 0, 0]);
      assert.deepEqual(tally('warn'), [15, 0, 15]);
      assert.deepEqual(tally('off'), [15, 0, 0]);
      assert.deepEqual(tally('strict'), [15, 15, 0]);
      assert.deepEqual(tally('clean'), [15, 0, 0]);
    });
  });

  describe('--fix', () => {
    it('writes only the fixes, keeps BOM and CRLF, leaves no stray files; a second run finds nothing fixable', () => {
      const dir = makeTemp();
      // mixed: two fixable errors + a TODO that no fix can remove
      write(dir, 'letters/mixed.imr', toCrlfWithBom(cliFixture('mixed-2016.imr')));
      // a page error + a missing heading (the fix inserts a whole line)
      const noHeading = replaceOnce(cliFixture('page-error-2009.imr'), 'IMR ISSUES, DECISIONS AND RATIONALES\n\n', '');
      write(dir, 'letters/pages.imr', toCrlfWithBom(noHeading));
      write(dir, 'letters/warn.imr.txt', cliFixture('warnings-2009.imr'));
      const before = listTree(dir);

      const r = imrLint(['--fix', '--format', 'json', 'letters'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r)); // the TODO is still an error
      assert.deepEqual(
        parseJson(r).map((x) => [path.basename(x.filePath), x.messages.map((m) => m.ruleId)]),
        [
          ['mixed.imr', ['placeholder']],
          ['pages.imr', []],
          // pages of an unverified index entry: suggestions, never written by --fix
          ['warn.imr.txt', ['citation-page-mismatch', 'citation-page-mismatch']],
        ],
        'the report describes the fixed files',
      );
      assert.deepEqual(listTree(dir), before, 'no temporary or backup files left behind');

      const mixedAfter = fs.readFileSync(path.join(dir, 'letters/mixed.imr'), 'utf8');
      assert.equal(mixedAfter, toCrlfWithBom(replaceOnce(letter('clean-2016.imr'), 'while lifting a crate.', 'while lifting a crate TODO.')));
      const pagesAfter = fs.readFileSync(path.join(dir, 'letters/pages.imr'), 'utf8');
      assert.equal(pagesAfter, toCrlfWithBom(replaceOnce(letter('clean-2009-pages.imr'), 'IMR ISSUES, DECISIONS AND RATIONALES\n\n', 'IMR ISSUES, DECISIONS AND RATIONALES\n')));
      for (const t of [mixedAfter, pagesAfter]) {
        assert.ok(t.startsWith('\uFEFF'), 'BOM kept');
        assert.ok(!/[^\r]\n/.test(t), 'no bare LF introduced');
      }
      const warnAfter = fs.readFileSync(path.join(dir, 'letters/warn.imr.txt'), 'utf8');
      assert.equal(warnAfter, cliFixture('warnings-2009.imr'), 'unverified pages are left as written');

      const again = imrLint(['--format', 'json', 'letters'], { cwd: dir });
      const results = parseJson(again);
      assert.equal(results.reduce((n, x) => n + x.fixableErrorCount + x.fixableWarningCount, 0), 0, JSON.stringify(results));
      assert.ok(results.every((x) => x.messages.every((m) => !m.fix)));
    });

    it('does not rewrite a letter without fixable findings (mtime and inode unchanged)', () => {
      const dir = makeTemp();
      const clean = write(dir, 'clean.imr', letter('clean-2016.imr'));
      const todo = write(dir, 'todo.imr', replaceOnce(letter('clean-2009-pages.imr'), 'hand and wrist pain.', 'hand and wrist pain TBD.'));
      const old = new Date('2001-02-03T04:05:06Z');
      const files = [clean, todo].map((f) => {
        fs.utimesSync(f, old, old);
        return { f, before: fs.statSync(f) };
      });
      const r = imrLint(['--fix', '.'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      assert.match(r.stdout, /placeholder/);
      for (const { f, before } of files) {
        const st = fs.statSync(f);
        assert.equal(st.mtimeMs, before.mtimeMs, `${path.basename(f)} was rewritten`);
        assert.equal(st.ino, before.ino, `${path.basename(f)} was replaced`);
      }
      assert.deepEqual(listTree(dir), ['clean.imr', 'todo.imr']);
    });

    it('keeps the file mode of a fixed letter', () => {
      const dir = makeTemp();
      const f = write(dir, 'case.imr', cliFixture('page-error-2009.imr'));
      fs.chmodSync(f, 0o640);
      const r = imrLint(['--fix', 'case.imr'], { cwd: dir });
      assert.equal(r.status, 0, describeRun(r));
      assert.equal(fs.readFileSync(f, 'utf8'), letter('clean-2009-pages.imr'));
      assert.equal(fs.statSync(f).mode & 0o777, 0o640);
    });
  });

  describe('--print-config', () => {
    it('prints the rules of the nearest config and the index label', () => {
      const dir = makeTemp();
      write(dir, 'letters/.imrlintrc.yaml', 'rules:\n  citation-page-mismatch: warn\n  placeholder: [info, {patterns: ["FIXME"]}]\nindex: [extra/mtus-corrections.yaml]\n');
      write(dir, 'letters/extra/mtus-corrections.yaml', 'version: 1\nguidelines:\n  - id: cpmtg-2009\n    topics:\n      - name: Physical medicine\n        pages: ["97-99"]\n');
      const r = imrLint(['--print-config', 'letters/case.imr'], { cwd: dir });
      assert.equal(r.status, 0, describeRun(r));
      const cfg = JSON.parse(r.stdout) as { rules: Record<string, { severity: string; options: Record<string, unknown> }>; index: string[]; indexLoaded: string; file?: string };
      assert.equal(cfg.rules['citation-page-mismatch']?.severity, 'warn');
      assert.deepEqual(cfg.rules.placeholder, { severity: 'info', options: { patterns: ['FIXME'] } });
      assert.deepEqual(cfg.index, [path.join(dir, 'letters', 'extra', 'mtus-corrections.yaml')]);
      assert.match(cfg.indexLoaded, /bundled MTUS index/);
      assert.match(cfg.indexLoaded, /mtus-corrections\.yaml/);
      assert.equal(cfg.file, path.join(dir, 'letters', '.imrlintrc.yaml'));

      const none = imrLint(['--print-config', 'elsewhere/case.imr'], { cwd: dir });
      assert.equal(none.status, 0, describeRun(none));
      const def = JSON.parse(none.stdout) as { rules: object; indexLoaded: string };
      assert.deepEqual(def.rules, {});
      assert.equal(def.indexLoaded, 'bundled MTUS index');
    });
  });

  describe('odd input', () => {
    it('a binary file: one "not text" finding, no crash, the other letters still linted', () => {
      const dir = makeTemp();
      const bytes = crypto.randomBytes(4096);
      for (let i = 0; i < bytes.length; i += 97) bytes[i] = 0;
      write(dir, 'in/blob.imr', bytes);
      write(dir, 'in/ok.imr', letter('clean-2016.imr'));
      const r = imrLint(['-f', 'json', 'in'], { cwd: dir });
      assertNoCrash(r);
      assert.equal(r.status, 1, describeRun(r));
      const results = parseJson(r);
      assert.deepEqual(results.map((x) => path.basename(x.filePath)), ['blob.imr', 'ok.imr']);
      const blob = results[0]!;
      const ok = results[1]!;
      assert.equal(blob.messages.length, 1);
      assert.match(blob.messages[0]!.message, /not text/);
      assert.equal(blob.messages[0]!.severity, 2);
      assert.deepEqual(ok.messages, []);
      const stylish = imrLint(['in/blob.imr'], { cwd: dir });
      assertNoCrash(stylish);
      assert.match(stylish.stdout, /not text/);
      const sarif = imrLint(['-f', 'sarif', 'in/blob.imr'], { cwd: dir });
      assertNoCrash(sarif);
      JSON.parse(sarif.stdout);
      const fixed = imrLint(['--fix', 'in/blob.imr'], { cwd: dir });
      assertNoCrash(fixed);
      assert.ok(fs.readFileSync(path.join(dir, 'in/blob.imr')).equals(bytes), '--fix leaves a binary file alone');
    });

    it('an empty letter and a letter of blank lines: findings, no crash', () => {
      const dir = makeTemp();
      write(dir, 'empty.imr', '');
      write(dir, 'blank.imr', '\n\r\n   \n\t\n');
      for (const f of ['empty.imr', 'blank.imr']) {
        const r = imrLint(['-f', 'json', f], { cwd: dir });
        assertNoCrash(r);
        assert.equal(r.status, 1);
        assert.ok(messagesOf(r).some((m) => m.ruleId === 'section-missing'));
      }
    });

    describe('5 MB letters (items repeated; the mocha timeout is the limit)', () => {
      const FIVE_MB = 5 * 1024 * 1024;
      let clean: string;
      let bad: string;
      before(() => {
        clean = bigLetter(FIVE_MB);
        // the same size with a page error in every item: ~20,000 findings
        bad = bigLetter(FIVE_MB, (item) => item.replace(/98-99/g, '97'));
        assert.ok(clean.length >= FIVE_MB && bad.length >= FIVE_MB);
      });

      it('lints a clean one and one with ~20,000 findings', () => {
        const dir = makeTemp();
        write(dir, 'big.imr', clean);
        const r = imrLint(['big.imr'], { cwd: dir });
        assertNoCrash(r);
        assert.equal(r.status, 0, describeRun(r));

        write(dir, 'big-bad.imr', bad);
        const found = imrLint(['-f', 'json', 'big-bad.imr'], { cwd: dir });
        assertNoCrash(found);
        assert.equal(found.status, 1);
        const res = nth(parseJson(found), 0, 'the result of big-bad.imr');
        assert.ok(res.errorCount > 10_000, `errorCount ${res.errorCount}`);
        assert.ok(res.messages.every((m) => m.ruleId === 'citation-page-mismatch'));
      });

      it('--fix writes ~20,000 fixes', () => {
        const dir = makeTemp();
        const f = write(dir, 'big-bad.imr', bad);
        const r = imrLint(['--fix', 'big-bad.imr'], { cwd: dir });
        assertNoCrash(r);
        assert.equal(r.status, 0, describeRun(r));
        assert.ok(!fs.readFileSync(f, 'utf8').includes('Page(s): 97'));
      });
    });
  });

  describe('file selection', () => {
    it('an ignore pattern too complex to match in bounded time: an error naming .imrlintignore and its line; left out of a .gitignore', () => {
      // seven ** segments: the ignore package's regular expression took 23 s on a path 60 folders deep
      const complex = Array(6).fill('**/a').join('/') + '/**/b';
      const dir = letterRepo();
      write(dir, '.imrlintignore', `# old letters\nletters/archive/\n${complex}\n`);
      const r = run(['letters'], dir);
      assert.equal(r.status, 2, show(r));
      assert.equal(r.stderr, `imr-lint: ${path.join(dir, '.imrlintignore')}:3: ignore pattern too complex to match in bounded time (more than 3 "**" segments)\n`);

      write(dir, '.imrlintignore', 'letters/archive/\n*.bak.imr\n');
      write(dir, '.gitignore', `${complex}\nletters/private/\n`);
      const g = run(['-f', 'json', 'letters'], dir);
      assert.equal(g.status, 1, show(g));
      const linted = (JSON.parse(g.stdout) as { filePath: string }[]).map((x) => path.relative(dir, x.filePath));
      assert.deepEqual(linted, ['letters/a.imr', 'letters/sub/b.imr'], 'the other .gitignore line still applies');
    });

    it('named excluded/ignored letters are skipped with one warning line each; a quoted glob lints; no match exits 2', () => {
      const dir = letterRepo();
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
      assert.equal(none.stderr, 'imr-lint: no letters match the pattern "letters/*.txt" (other file extensions: --ext .txt; --no-error-on-unmatched-pattern allows it)\n');
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

  describe('--ext', () => {
    it('adds extensions to the include globs for named files, folders and globs; exclude and ignore files still apply', () => {
      const dir = letterRepo();
      write(dir, 'letters/drafts/draft.txt', cliFixture('page-error-2009.imr'));
      write(dir, 'letters/archive/old.txt', cliFixture('page-error-2009.imr'));
      write(dir, 'letters/sub/c.text', cliFixture('page-error-2009.imr'));
      const listed = (r: AnyRun) => (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => path.relative(dir, x.filePath));

      // without it: a named .txt letter is skipped, and with nothing left that is exit 2 with the way out
      const named = run(['letters/notes.txt'], dir);
      assert.equal(named.status, 2, show(named));
      assert.equal(named.stderr, [
        'imr-lint: warning: letters/notes.txt: matches no include pattern ({*.imr,letters/**/*.imr} in .imrlintrc.yaml); not linted',
        'imr-lint: no letters to lint: the files given match no include pattern (--ext .txt lints them; --no-error-on-unmatched-pattern allows it)',
        '',
      ].join('\n'));
      const withExt = run(['-f', 'json', '--ext', '.txt', 'letters/notes.txt'], dir);
      assert.equal(withExt.status, 1, show(withExt));
      assert.deepEqual(listed(withExt), ['letters/notes.txt']);

      // a folder: the config's include and the extensions; drafts (exclude) and archive (.imrlintignore) stay out
      const folder = run(['-f', 'json', '--ext', 'txt,.text', 'letters'], dir);
      assert.equal(folder.status, 1, show(folder));
      assert.deepEqual(listed(folder), ['letters/a.imr', 'letters/notes.txt', 'letters/sub/b.imr', 'letters/sub/c.text']);
      const glob = run(['-f', 'json', '--ext', '.txt', 'letters/**/*.txt'], dir);
      assert.deepEqual(listed(glob), ['letters/notes.txt']);

      for (const bad of ['*.txt', 'letters/.txt', '.t xt', '..txt', ',']) {
        const r = run(['--ext', bad, 'letters'], dir);
        assert.equal(r.status, 2, `${bad}: ${show(r)}`);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, bad === ',' ? /^imr-lint: --ext needs a list of extensions, like \.txt\n$/ : /^imr-lint: --ext: ".*" is not a file extension \(like \.txt\)\n$/, bad);
      }
    });
  });

  describe('command-line conventions', () => {
    it('--version on imr-lint and imr; --help lists every option including --color/--no-color', async () => {
      const dir = makeTemp();
      assert.deepEqual(run(['--version'], dir), { status: 0, stdout: '9.8.7\n', stderr: '' });
      assert.deepEqual(run(['-v'], dir), { status: 0, stdout: '9.8.7\n', stderr: '' });
      assert.deepEqual(await imr(['--version'], { cwd: dir, version: '9.8.7' }), { status: 0, stdout: '9.8.7\n', stderr: '' });
      const help = run(['--help'], dir).stdout;
      for (const o of ['--color', '--no-color', '--ext', '--output-file', '--redact', '--ignore-path', '--no-ignore', '--no-error-on-unmatched-pattern', '--version', 'github', 'gitlab', 'junit', 'compact']) assert.ok(help.includes(o), `--help lacks ${o}`);
      const unknown = run(['--colour'], dir);
      assert.deepEqual(unknown, { status: 2, stdout: '', stderr: 'imr-lint: unknown option --colour (did you mean "--color"?)\n' });
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

  describe('--redact', () => {
    it('no header value of the letter appears in any format; without --redact they do', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', badHeader());
      write(dir, 'my-formatter.js', 'module.exports = (results) => JSON.stringify(results);\n');
      const formats = ['stylish', 'compact', 'json', 'sarif', 'github', 'gitlab', 'junit', './my-formatter.js'];
      const plain = run(['-f', 'json', 'case.imr'], dir);
      const rules = nth(JSON.parse(plain.stdout) as { messages: { ruleId: string }[] }[], 0, 'the result of case.imr').messages.map((m) => m.ruleId);
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
