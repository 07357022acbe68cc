import { strict as assert } from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import {
  cleanupTemp,
  cliFixture,
  describeRun,
  imr,
  JsonMessage,
  letter,
  lint,
  makeTemp,
  parseJson,
  ProcessResult,
  replaceOnce,
  ROOT,
  toCrlfWithBom,
  write,
} from './helpers';

/**
 * imr-lint / imr as real processes (`node bin/imr-lint.js …`, compiled code in out/), in temporary
 * folders holding synthetic letters written by these tests. The CLI contract is README.md's: exit 0 no
 * errors, 1 errors or too many warnings, 2 the run could not be done — with ONE line on stderr naming the
 * file (and line), never a stack trace.
 */

/** Exit 2 with exactly one stderr line, no stack trace, nothing on stdout; returns that line. */
function assertRunFailed(r: ProcessResult, ...mentions: (string | RegExp)[]): string {
  assert.equal(r.status, 2, describeRun(r));
  assert.ok(!r.stderr.includes('    at '), `stack trace on stderr:\n${r.stderr}`);
  const lines = r.stderr.replace(/\n$/, '').split('\n');
  assert.equal(lines.length, 1, `stderr must be one line, got ${lines.length}:\n${r.stderr}`);
  assert.ok(lines[0].length > 0, 'stderr line is empty');
  for (const m of mentions) {
    if (typeof m === 'string') assert.ok(lines[0].includes(m), `stderr should mention ${JSON.stringify(m)}: ${lines[0]}`);
    else assert.match(lines[0], m);
  }
  assert.equal(r.stdout, '', `nothing on stdout when the run fails: ${r.stdout}`);
  return lines[0];
}

/** No crash: a normal exit (0/1), no stack trace, no "internal error". */
function assertNoCrash(r: ProcessResult): void {
  assert.ok(r.status === 0 || r.status === 1, describeRun(r));
  assert.ok(!r.stderr.includes('    at '), `stack trace on stderr:\n${r.stderr}`);
  assert.ok(!r.stderr.includes('internal error'), r.stderr);
}

/** The text a JSON message's 1-based line/column range covers (single-line ranges). */
function textAt(fileText: string, m: JsonMessage): string {
  const lines = fileText.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  assert.equal(m.endLine, m.line, `expected a one-line range: ${JSON.stringify(m)}`);
  return lines[m.line - 1].slice(m.column - 1, m.endColumn - 1);
}

function messagesOf(r: ProcessResult): JsonMessage[] {
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
  return head + item.repeat(Math.ceil((bytes - head.length) / item.length));
}

describe('CLI as a process (bin/imr-lint.js, bin/imr.js)', function () {
  this.timeout(180_000);
  after(cleanupTemp);

  describe('exit status 0 / 1', () => {
    it('exits 0 with no output on clean letters (both header layouts)', () => {
      const dir = makeTemp();
      write(dir, 'clean-2016.imr', letter('clean-2016.imr'));
      write(dir, 'clean-2009.imr', letter('clean-2009-pages.imr'));
      const r = lint(['clean-2016.imr', 'clean-2009.imr'], { cwd: dir });
      assert.equal(r.status, 0, describeRun(r));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, '');
    });

    it('exits 1 on an error finding (Physical Medicine Page(s): 97, index 98-99)', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', cliFixture('page-error-2009.imr'));
      const r = lint(['case.imr'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      assert.match(r.stdout, /26:28\s+error\s+.*98-99.*not 97.*citation-page-mismatch/);
      assert.equal(r.stderr, '');
    });

    it('warnings alone exit 0; more warnings than --max-warnings exit 1', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', cliFixture('warnings-2009.imr'));
      const plain = lint(['case.imr'], { cwd: dir });
      assert.equal(plain.status, 0, describeRun(plain));
      assert.equal((plain.stdout.match(/\bwarning\b/g) ?? []).length, 2, plain.stdout);

      const over = lint(['--max-warnings', '1', 'case.imr'], { cwd: dir });
      assert.equal(over.status, 1, describeRun(over));
      assert.match(over.stderr, /too many warnings \(maximum: 1\)/);

      const atLimit = lint(['--max-warnings=2', 'case.imr'], { cwd: dir });
      assert.equal(atLimit.status, 0, describeRun(atLimit));

      const noLimit = lint(['--max-warnings', '-1', 'case.imr'], { cwd: dir });
      assert.equal(noLimit.status, 0, `-1 means no limit, as in ESLint: ${describeRun(noLimit)}`);

      const zeroJson = lint(['--max-warnings', '0', '--format', 'json', 'case.imr'], { cwd: dir });
      assert.equal(zeroJson.status, 1, describeRun(zeroJson));
      parseJson(zeroJson); // stdout stays pure JSON
    });

    it('--quiet hides warnings (exit 0 even with --max-warnings 0) but keeps errors', () => {
      const dir = makeTemp();
      write(dir, 'w.imr', cliFixture('warnings-2009.imr'));
      const q = lint(['--quiet', '--max-warnings', '0', 'w.imr'], { cwd: dir });
      assert.equal(q.status, 0, describeRun(q));
      assert.equal(q.stdout, '');

      write(dir, 'e.imr', cliFixture('page-error-2009.imr'));
      const both = lint(['--quiet', '--format', 'json', 'w.imr', 'e.imr'], { cwd: dir });
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
      assertRunFailed(lint(['--frobnicate', 'case.imr'], { cwd: dir }), '--frobnicate');
    });

    it('unknown --format and a bad --max-warnings', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', letter('clean-2016.imr'));
      assertRunFailed(lint(['--format', 'xml', 'case.imr'], { cwd: dir }), 'xml');
      assertRunFailed(lint(['--max-warnings', 'many', 'case.imr'], { cwd: dir }), '--max-warnings');
      assertRunFailed(lint(['case.imr', '--format'], { cwd: dir }), '--format');
    });

    it('no files given', () => {
      const dir = makeTemp();
      assertRunFailed(lint([], { cwd: dir }), /no files/);
    });

    it('a file that does not exist (named in the message)', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', letter('clean-2016.imr'));
      assertRunFailed(lint(['case.imr', 'missing-letter.imr'], { cwd: dir }), 'missing-letter.imr');
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
        assertRunFailed(lint(['locked.imr'], { cwd: dir }), 'locked.imr');
      } finally {
        fs.chmodSync(f, 0o600);
      }
    });

    it('--config naming a file that does not exist', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', letter('clean-2016.imr'));
      assertRunFailed(lint(['--config', 'nope.yaml', 'case.imr'], { cwd: dir }), 'nope.yaml');
    });

    it('a YAML syntax error in .imrlintrc.yaml: exit 2 naming the config file', () => {
      const dir = makeTemp();
      write(dir, 'letters/case.imr', letter('clean-2016.imr'));
      write(dir, 'letters/.imrlintrc.yaml', 'rules:\n  placeholder: warn\n  heading-format: [error\n');
      assertRunFailed(lint(['letters/case.imr'], { cwd: dir }), '.imrlintrc.yaml');
    });

    it('a YAML syntax error in .imrlintrc.yaml names file:line', () => {
      const dir = makeTemp();
      write(dir, 'letters/case.imr', letter('clean-2016.imr'));
      write(dir, 'letters/.imrlintrc.yaml', 'rules:\n  placeholder: warn\n heading-format: error\n');
      assertRunFailed(lint(['letters/case.imr'], { cwd: dir }), /\.imrlintrc\.yaml:3\b/);
      write(dir, 'dup/case.imr', letter('clean-2016.imr'));
      write(dir, 'dup/.imrlintrc.yaml', 'rules:\n  placeholder: warn\n  placeholder: off\n');
      assertRunFailed(lint(['dup/case.imr'], { cwd: dir }), /\.imrlintrc\.yaml:3\b/);
      write(dir, 'json/case.imr', letter('clean-2016.imr'));
      write(dir, 'json/.imrlintrc.json', '{\n  "rules": {\n    "placeholder": "warn"\n');
      assertRunFailed(lint(['json/case.imr'], { cwd: dir }), /\.imrlintrc\.json:\d+\b/);
    });

    it('a schema error in the config (rules: {citation-page-mismatch: loud}) names file:line', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', letter('clean-2016.imr'));
      write(dir, '.imrlintrc.yaml', '# config\nrules:\n  placeholder: warn\n  citation-page-mismatch: loud\n');
      const line = assertRunFailed(lint(['case.imr'], { cwd: dir }), /\.imrlintrc\.yaml:4\b/);
      assert.match(line, /citation-page-mismatch/);
    });

    it('an unknown rule id and an unknown top-level key in the config name file:line', () => {
      const dir = makeTemp();
      write(dir, 'a/case.imr', letter('clean-2016.imr'));
      write(dir, 'a/.imrlintrc.yaml', 'rules:\n  placeholder: warn\n  no-such-rule: error\n');
      assertRunFailed(lint(['a/case.imr'], { cwd: dir }), /\.imrlintrc\.yaml:\d+\b/);
      write(dir, 'b/case.imr', letter('clean-2016.imr'));
      write(dir, 'b/.imrlintrc.yaml', 'rules:\n  placeholder: warn\nignores: ["x"]\n');
      assertRunFailed(lint(['b/case.imr'], { cwd: dir }), /\.imrlintrc\.yaml:\d+\b/, 'ignores');
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
      assertRunFailed(lint(['letters/case.imr'], { cwd: dir }), /mtus-corrections\.yaml:7\b/, 'colour');

      write(dir, 'corrections/mtus-corrections.yaml', 'version: 1\nguidelines: [\n  {id: cpmtg-2009\n');
      assertRunFailed(lint(['letters/case.imr'], { cwd: dir }), /mtus-corrections\.yaml:\d+\b/);

      fs.rmSync(path.join(dir, 'corrections', 'mtus-corrections.yaml'));
      assertRunFailed(lint(['letters/case.imr'], { cwd: dir }), 'mtus-corrections.yaml');
    });

    it('--stdin combined with --fix or with files', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', letter('clean-2016.imr'));
      assertRunFailed(lint(['--stdin', '--fix'], { cwd: dir, input: letter('clean-2016.imr') }), '--fix');
      assertRunFailed(lint(['--stdin', 'case.imr'], { cwd: dir, input: letter('clean-2016.imr') }));
    });

    it('imr: a missing letter for parse, a missing index file for index check', () => {
      const dir = makeTemp();
      assertRunFailed(imr(['parse', 'missing.imr'], { cwd: dir }), 'missing.imr');
      assertRunFailed(imr(['index', 'check', 'missing.yaml'], { cwd: dir }), 'missing.yaml');
    });

    it('imr: an unknown command is one line on stderr', () => {
      const dir = makeTemp();
      assertRunFailed(imr(['frobnicate'], { cwd: dir }), 'frobnicate');
    });

    it('--report-unused-suppressions on a letter with a directive reports it (no internal error)', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', '<!-- imr-disable-file placeholder -- nothing to hide -->\n' + letter('clean-2016.imr'));
      const r = lint(['--report-unused-suppressions', '--format', 'json', 'case.imr'], { cwd: dir });
      assertNoCrash(r);
      const ms = messagesOf(r);
      assert.deepEqual(
        ms.map((m) => [m.ruleId, m.line]),
        [['unused-suppression', 1]],
      );
    });
  });

  describe('formats', () => {
    it('stylish: file, line:col, severity, message and rule id', () => {
      const dir = makeTemp();
      write(dir, 'sub/mixed.imr', cliFixture('mixed-2016.imr'));
      const r = lint(['sub'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], path.join('sub', 'mixed.imr'));
      assert.match(r.stdout, /^ {2}17:33\s+error\s+.*CLINICAL CASE SUMMARY.*\s+heading-format$/m);
      assert.match(r.stdout, /^ {2}21:95\s+error\s+.*TODO.*\s+placeholder$/m);
      assert.match(r.stdout, /^ {2}29:72\s+error\s+.*upheld.*\s+item-decision$/m);
      assert.match(r.stdout, /3 problems \(3 errors, 0 warnings\)/);
      assert.match(r.stdout, /2 problems potentially fixable/);
      assert.ok(!r.stdout.includes('\u001b['), 'no colour codes when stdout is not a terminal');
    });

    it('json: ESLint shape with 1-based positions that point at the reported text', () => {
      const dir = makeTemp();
      const mixed = cliFixture('mixed-2016.imr');
      const badDate = replaceOnce(letter('clean-2016.imr'), 'Date of Injury:      03/02/2015', 'Date of Injury:      13/45/2015');
      write(dir, 'mixed.imr', mixed);
      write(dir, 'date.imr', badDate);
      write(dir, 'warn.imr', cliFixture('warnings-2009.imr'));
      write(dir, 'clean.imr', letter('clean-2009-pages.imr'));
      const r = lint(['--format', 'json', 'mixed.imr', 'date.imr', 'warn.imr', 'clean.imr'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      const results = parseJson(r);
      assert.ok(Array.isArray(results));
      assert.deepEqual(
        results.map((x) => x.filePath),
        ['mixed.imr', 'date.imr', 'warn.imr', 'clean.imr'].map((f) => path.join(dir, f)),
      );
      for (const res of results) {
        assert.deepEqual(Object.keys(res).filter((k) => ['filePath', 'messages', 'errorCount', 'warningCount'].includes(k)).sort(), ['errorCount', 'filePath', 'messages', 'warningCount']);
        assert.equal(res.errorCount, res.messages.filter((m) => m.severity === 2).length);
        assert.equal(res.warningCount, res.messages.filter((m) => m.severity === 1).length);
        for (const m of res.messages) {
          assert.equal(typeof m.ruleId, 'string');
          assert.ok(m.severity === 1 || m.severity === 2, JSON.stringify(m));
          assert.equal(typeof m.message, 'string');
          for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) assert.ok(Number.isInteger(m[k]) && m[k] >= 1, `${k} must be a 1-based integer: ${JSON.stringify(m)}`);
          if (m.fix) {
            assert.ok(Array.isArray(m.fix.range) && m.fix.range.length === 2 && m.fix.range[0] <= m.fix.range[1]);
            assert.equal(typeof m.fix.text, 'string');
          }
        }
      }
      const [rm, rd, rw, rc] = results;
      assert.deepEqual(rc.messages, []);

      const byRule = new Map(rm.messages.map((m) => [m.ruleId, m]));
      assert.equal(textAt(mixed, byRule.get('heading-format')!), 'CLINICAL CASE SUMARY');
      assert.equal(textAt(mixed, byRule.get('placeholder')!), 'TODO');
      assert.equal(textAt(mixed, byRule.get('item-decision')!), 'upheld');
      assert.equal(byRule.get('placeholder')!.fix, undefined);
      // fix ranges are offsets into the file's text
      const hf = byRule.get('heading-format')!.fix!;
      assert.equal(mixed.slice(hf.range[0], hf.range[1]), 'CLINICAL CASE SUMARY');
      assert.equal(hf.text, 'CLINICAL CASE SUMMARY');

      assert.equal(rd.messages.length, 1, JSON.stringify(rd.messages));
      assert.equal(rd.messages[0].ruleId, 'header-field');
      assert.equal(textAt(badDate, rd.messages[0]), '13/45/2015', 'right-hand column of the two-column header');

      assert.deepEqual(
        rw.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, textAt(cliFixture('warnings-2009.imr'), m)]),
        [
          ['citation-page-mismatch', 1, 26, 26, '23'],
          ['citation-page-mismatch', 1, 29, 18, '23'],
        ],
      );
      assert.equal(rw.warningCount, 2);
    });

    it('json: columns skip a BOM and CRLF does not shift lines', () => {
      const dir = makeTemp();
      const text = toCrlfWithBom(replaceOnce(cliFixture('page-error-2009.imr'), 'Case Number: CM14-0200002', 'Case Number: CM14-02'));
      write(dir, 'crlf.imr', text);
      const r = lint(['-f', 'json', 'crlf.imr'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      const ms = messagesOf(r);
      assert.deepEqual(
        ms.map((m) => [m.ruleId, m.line, m.column, textAt(text, m)]),
        [
          ['header-field', 1, 14, 'CM14-02'],
          ['citation-page-mismatch', 26, 28, '97'],
        ],
      );
      const fix = ms[1].fix!;
      assert.equal(text.slice(1).slice(fix.range[0], fix.range[1]), '97', 'fix offsets index the text without its BOM, as in ESLint');
    });

    it('sarif: version 2.1.0, results with ruleId, level, locations and fixes', () => {
      const dir = makeTemp();
      write(dir, 'letters/e.imr', cliFixture('page-error-2009.imr'));
      write(dir, 'letters/w.imr', cliFixture('warnings-2009.imr'));
      const r = lint(['--format', 'sarif', 'letters'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      const log = JSON.parse(r.stdout) as {
        version: string;
        $schema: string;
        runs: {
          tool: { driver: { name: string; rules: { id: string }[] } };
          results: {
            ruleId: string;
            ruleIndex?: number;
            level: string;
            message: { text: string };
            locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
            fixes?: unknown[];
          }[];
        }[];
      };
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const run = log.runs[0];
      assert.equal(run.tool.driver.name, 'imr-lint');
      assert.deepEqual(
        run.results.map((x) => [x.ruleId, x.level, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region.startLine, x.locations[0].physicalLocation.region.startColumn]),
        [
          ['citation-page-mismatch', 'error', 'letters/e.imr', 26, 28],
          ['citation-page-mismatch', 'warning', 'letters/w.imr', 26, 26],
          ['citation-page-mismatch', 'warning', 'letters/w.imr', 29, 18],
        ],
      );
      for (const res of run.results) {
        assert.equal(res.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
        assert.ok(res.message.text.length > 0);
        assert.ok(res.ruleIndex !== undefined && run.tool.driver.rules[res.ruleIndex].id === res.ruleId, 'ruleIndex points at the rule');
        assert.equal(res.fixes?.length, 1);
      }
      assert.ok(run.tool.driver.rules.some((x) => x.id === 'unused-suppression'));
    });
  });

  describe('--stdin', () => {
    it('--stdin-filename names the result and finds the config relative to that name', () => {
      const dir = makeTemp();
      write(dir, 'relaxed/.imrlintrc.yaml', 'rules:\n  citation-page-mismatch: warn\n');
      const text = cliFixture('page-error-2009.imr');
      const r = lint(['--stdin', '--stdin-filename', 'relaxed/case.imr', '--format', 'json'], { cwd: dir, input: text });
      assert.equal(r.status, 0, describeRun(r));
      const [res] = parseJson(r);
      assert.equal(res.filePath, path.join(dir, 'relaxed', 'case.imr'));
      assert.deepEqual(
        res.messages.map((m) => [m.ruleId, m.severity, m.line, m.column]),
        [['citation-page-mismatch', 1, 26, 28]],
      );
      assert.ok(!fs.existsSync(path.join(dir, 'relaxed', 'case.imr')), 'nothing written for stdin');

      // the same text under a name outside that folder: default config, an error
      const strict = lint(['--stdin', '--stdin-filename', 'strict/case.imr'], { cwd: dir, input: text });
      assert.equal(strict.status, 1, describeRun(strict));
      assert.match(strict.stdout, /^strict\/case\.imr$/m);
      assert.match(strict.stdout, /26:28\s+error/);
    });

    it('--stdin without a name: config from the working folder, reported as <stdin>', () => {
      const dir = makeTemp();
      write(dir, '.imrlintrc.yaml', 'rules:\n  placeholder: off\n');
      const r = lint(['--stdin', '-f', 'json'], { cwd: dir, input: cliFixture('mixed-2016.imr') });
      assert.equal(r.status, 1, describeRun(r));
      const [res] = parseJson(r);
      assert.equal(res.filePath, '<stdin>');
      assert.deepEqual(res.messages.map((m) => m.ruleId).sort(), ['heading-format', 'item-decision']);
      const clean = lint(['--stdin'], { cwd: dir, input: letter('clean-2016.imr') });
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
      const r = lint(['-f', 'json', 'in'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      assert.deepEqual(parseJson(r).map((x) => path.relative(dir, x.filePath)).sort(), ['in/linked.imr', 'in/own.imr']);
    });

    it('a folder contributes *.imr and *.imr.txt (recursively); named files outside the include globs are skipped with a warning', () => {
      const dir = makeTemp();
      const bad = cliFixture('page-error-2009.imr');
      for (const rel of ['in/a.imr', 'in/b.imr.txt', 'in/deep/er/c.imr', 'in/notes.txt', 'in/d.imr.bak', 'in/e.md', 'in/f.IMR', 'in/node_modules/g.imr', 'in/imr']) write(dir, rel, bad);
      const folder = lint(['-f', 'json', 'in'], { cwd: dir });
      assert.equal(folder.status, 1, describeRun(folder));
      assert.deepEqual(
        parseJson(folder).map((x) => path.relative(dir, x.filePath)).sort(),
        ['in/a.imr', 'in/b.imr.txt', 'in/deep/er/c.imr'],
      );
      const explicit = lint(['-f', 'json', 'in/notes.txt', 'in/e.md', 'in/a.imr', './in/a.imr'], { cwd: dir });
      assert.equal(explicit.status, 1, describeRun(explicit));
      assert.deepEqual(
        parseJson(explicit).map((x) => [path.relative(dir, x.filePath), x.errorCount]),
        [['in/a.imr', 1]],
        'named letters are linted once; named files no include glob matches are not',
      );
      const warnings = explicit.stderr.trim().split('\n');
      assert.equal(warnings.length, 2, explicit.stderr);
      assert.match(warnings[0], /^imr-lint: warning: in\/notes\.txt: matches no include pattern/);
      assert.match(warnings[1], /^imr-lint: warning: in\/e\.md: matches no include pattern/);
      // a config that includes *.txt makes them letters
      write(dir, 'in/.imrlintrc.yaml', 'include: ["**/*.txt", "**/*.imr"]\n');
      const txt = lint(['-f', 'json', 'in/notes.txt'], { cwd: dir });
      assert.deepEqual(parseJson(txt).map((x) => [path.relative(dir, x.filePath), x.errorCount]), [['in/notes.txt', 1]]);
      assert.equal(txt.stderr, '');
      fs.rmSync(path.join(dir, 'in/.imrlintrc.yaml'));

      // nothing a green run can check: a folder of *.txt letters, a file no include matches
      fs.mkdirSync(path.join(dir, 'nothing-here'));
      write(dir, 'nothing-here/readme.txt', bad);
      const empty = lint(['-f', 'json', 'nothing-here'], { cwd: dir });
      assertRunFailed(empty, 'nothing-here', /no letters/);
      const none = lint(['-f', 'json', 'in/notes.txt'], { cwd: dir });
      assert.equal(none.status, 2, describeRun(none));
      assert.match(none.stderr, /no letters to lint/);
      const allowed = lint(['-f', 'json', '--no-error-on-unmatched-pattern', 'nothing-here'], { cwd: dir });
      assert.equal(allowed.status, 0, describeRun(allowed));
      assert.deepEqual(parseJson(allowed), []);
    });

    it('include / exclude globs from the config select the letters of a folder', () => {
      const dir = makeTemp();
      const bad = cliFixture('page-error-2009.imr');
      for (const rel of ['letters/a.imr', 'letters/b.letter', 'letters/c.imr.txt', 'letters/drafts/d.imr', 'letters/sub/drafts/e.imr', 'letters/sub/f.imr']) write(dir, rel, bad);
      write(dir, 'letters/.imrlintrc.yaml', 'include: ["**/*.imr", "**/*.letter"]\nexclude: ["drafts/**"]\n');
      const r = lint(['-f', 'json', 'letters'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      assert.deepEqual(
        parseJson(r).map((x) => path.relative(dir, x.filePath)).sort(),
        ['letters/a.imr', 'letters/b.letter', 'letters/sub/drafts/e.imr', 'letters/sub/f.imr'],
      );
      // excluded, and named on the command line (as pre-commit does): skipped with a one-line warning, exit 0
      const named = lint(['-f', 'json', 'letters/drafts/d.imr', 'letters/a.imr'], { cwd: dir });
      assert.equal(named.status, 1, describeRun(named));
      assert.deepEqual(parseJson(named).map((x) => path.relative(dir, x.filePath)), ['letters/a.imr']);
      assert.equal(named.stderr, 'imr-lint: warning: letters/drafts/d.imr: excluded by "drafts/**" (exclude in letters/.imrlintrc.yaml); not linted\n');
      const onlyDraft = lint(['-f', 'json', 'letters/drafts/d.imr'], { cwd: dir });
      assert.equal(onlyDraft.status, 0, describeRun(onlyDraft));
      assert.deepEqual(parseJson(onlyDraft), []);
    });

    it('as processes: --version on both bins, a quoted glob lints, a glob matching nothing exits 2', () => {
      const dir = makeTemp();
      write(dir, 'letters/a.imr', cliFixture('page-error-2009.imr'));
      const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
      for (const r of [lint(['--version'], { cwd: dir }), imr(['--version'], { cwd: dir })]) {
        assert.equal(r.status, 0, describeRun(r));
        assert.equal(r.stdout, `${version}\n`);
      }
      const glob = lint(['-f', 'json', 'letters/*.imr'], { cwd: dir });
      assert.equal(glob.status, 1, describeRun(glob));
      assert.deepEqual(parseJson(glob).map((x) => path.relative(dir, x.filePath)), ['letters/a.imr']);
      assertRunFailed(lint(['letters/*.txt'], { cwd: dir }), 'letters/*.txt', /no letters match/);
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
      const r = lint(['-f', 'json', 'all'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      const results = parseJson(r);
      assert.equal(results.length, 60);
      const tally = (folder: string) =>
        results
          .filter((x) => path.relative(dir, x.filePath).startsWith(`all/${folder}/`))
          .reduce((a, x) => [a[0] + 1, a[1] + x.errorCount, a[2] + x.warningCount], [0, 0, 0]);
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

      const r = lint(['--fix', '--format', 'json', 'letters'], { cwd: dir });
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

      const again = lint(['--format', 'json', 'letters'], { cwd: dir });
      const results = parseJson(again);
      assert.equal(results.reduce((n, x) => n + x.fixableErrorCount + x.fixableWarningCount, 0), 0, JSON.stringify(results));
      assert.ok(results.every((x) => x.messages.every((m) => !m.fix)));
    });

    it('does not rewrite a letter without fixable findings (mtime and inode unchanged)', () => {
      const dir = makeTemp();
      const clean = write(dir, 'clean.imr', letter('clean-2016.imr'));
      const todo = write(dir, 'todo.imr', replaceOnce(letter('clean-2009-pages.imr'), 'hand and wrist pain.', 'hand and wrist pain TBD.'));
      const old = new Date('2001-02-03T04:05:06Z');
      const stats = [clean, todo].map((f) => {
        fs.utimesSync(f, old, old);
        return fs.statSync(f);
      });
      const r = lint(['--fix', '.'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      assert.match(r.stdout, /placeholder/);
      [clean, todo].forEach((f, i) => {
        const st = fs.statSync(f);
        assert.equal(st.mtimeMs, stats[i].mtimeMs, `${path.basename(f)} was rewritten`);
        assert.equal(st.ino, stats[i].ino, `${path.basename(f)} was replaced`);
      });
      assert.deepEqual(listTree(dir), ['clean.imr', 'todo.imr']);
    });

    it('keeps the file mode of a fixed letter', () => {
      const dir = makeTemp();
      const f = write(dir, 'case.imr', cliFixture('page-error-2009.imr'));
      fs.chmodSync(f, 0o640);
      const r = lint(['--fix', 'case.imr'], { cwd: dir });
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
      const r = lint(['--print-config', 'letters/case.imr'], { cwd: dir });
      assert.equal(r.status, 0, describeRun(r));
      const cfg = JSON.parse(r.stdout) as { rules: Record<string, { severity: string; options: Record<string, unknown> }>; index: string[]; indexLoaded: string; file?: string };
      assert.equal(cfg.rules['citation-page-mismatch'].severity, 'warn');
      assert.deepEqual(cfg.rules.placeholder, { severity: 'info', options: { patterns: ['FIXME'] } });
      assert.deepEqual(cfg.index, [path.join(dir, 'letters', 'extra', 'mtus-corrections.yaml')]);
      assert.match(cfg.indexLoaded, /bundled MTUS index/);
      assert.match(cfg.indexLoaded, /mtus-corrections\.yaml/);
      assert.equal(cfg.file, path.join(dir, 'letters', '.imrlintrc.yaml'));

      const none = lint(['--print-config', 'elsewhere/case.imr'], { cwd: dir });
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
      const r = lint(['-f', 'json', 'in'], { cwd: dir });
      assertNoCrash(r);
      assert.equal(r.status, 1, describeRun(r));
      const results = parseJson(r);
      assert.deepEqual(results.map((x) => path.basename(x.filePath)), ['blob.imr', 'ok.imr']);
      assert.equal(results[0].messages.length, 1);
      assert.match(results[0].messages[0].message, /not text/);
      assert.equal(results[0].messages[0].severity, 2);
      assert.deepEqual(results[1].messages, []);
      const stylish = lint(['in/blob.imr'], { cwd: dir });
      assertNoCrash(stylish);
      assert.match(stylish.stdout, /not text/);
      const sarif = lint(['-f', 'sarif', 'in/blob.imr'], { cwd: dir });
      assertNoCrash(sarif);
      JSON.parse(sarif.stdout);
      const fixed = lint(['--fix', 'in/blob.imr'], { cwd: dir });
      assertNoCrash(fixed);
      assert.ok(fs.readFileSync(path.join(dir, 'in/blob.imr')).equals(bytes), '--fix leaves a binary file alone');
    });

    it('an empty letter and a letter of blank lines: findings, no crash', () => {
      const dir = makeTemp();
      write(dir, 'empty.imr', '');
      write(dir, 'blank.imr', '\n\r\n   \n\t\n');
      for (const f of ['empty.imr', 'blank.imr']) {
        const r = lint(['-f', 'json', f], { cwd: dir });
        assertNoCrash(r);
        assert.equal(r.status, 1);
        assert.ok(messagesOf(r).some((m) => m.ruleId === 'section-missing'));
      }
    });

    it('a 5 MB letter (items repeated) lints in reasonable time', function () {
      this.timeout(300_000);
      const dir = makeTemp();
      const text = bigLetter(5 * 1024 * 1024);
      assert.ok(text.length >= 5 * 1024 * 1024);
      write(dir, 'big.imr', text);
      const r = lint(['big.imr'], { cwd: dir, timeout: 120_000 });
      assertNoCrash(r);
      assert.equal(r.status, 0, describeRun(r));
      assert.ok(r.ms < 60_000, `took ${r.ms} ms`);

      // the same size with a page error in every item: ~20,000 findings
      write(dir, 'big-bad.imr', bigLetter(5 * 1024 * 1024, (item) => item.replace(/98-99/g, '97')));
      const bad = lint(['-f', 'json', 'big-bad.imr'], { cwd: dir, timeout: 120_000 });
      assertNoCrash(bad);
      assert.equal(bad.status, 1);
      assert.ok(bad.ms < 60_000, `took ${bad.ms} ms`);
      const [res] = parseJson(bad);
      assert.ok(res.errorCount > 10_000, `errorCount ${res.errorCount}`);
      assert.ok(res.messages.every((m) => m.ruleId === 'citation-page-mismatch'));
    });

    it('--fix on a 5 MB letter with ~20,000 fixable findings finishes in reasonable time', () => {
      const dir = makeTemp();
      const f = write(dir, 'big-bad.imr', bigLetter(5 * 1024 * 1024, (item) => item.replace(/98-99/g, '97')));
      const r = lint(['--fix', 'big-bad.imr'], { cwd: dir, timeout: 180_000 });
      assertNoCrash(r);
      assert.equal(r.status, 0, describeRun(r));
      assert.ok(r.ms < 60_000, `took ${r.ms} ms`);
      assert.ok(!fs.readFileSync(f, 'utf8').includes('Page(s): 97'));
    });
  });

  describe('imr', () => {
    it('imr lint behaves as imr-lint', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', cliFixture('page-error-2009.imr'));
      const a = imr(['lint', '-f', 'json', 'case.imr'], { cwd: dir });
      const b = lint(['-f', 'json', 'case.imr'], { cwd: dir });
      assert.equal(a.status, 1, describeRun(a));
      assert.equal(a.stdout, b.stdout);
      assert.equal(imr(['lint', 'nope.imr'], { cwd: dir }).status, 2);
    });

    it('imr --version prints the package version', () => {
      const dir = makeTemp();
      const r = imr(['--version'], { cwd: dir });
      assert.equal(r.status, 0, describeRun(r));
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.equal(r.stdout.trim(), pkg.version);
    });

    it('imr parse --json gives the structured determination of a two-column letter', () => {
      const dir = makeTemp();
      write(dir, 'case.imr', letter('clean-2016.imr'));
      const r = imr(['parse', 'case.imr', '--json'], { cwd: dir });
      assert.equal(r.status, 0, describeRun(r));
      const det = JSON.parse(r.stdout) as { header: Record<string, string> };
      assert.equal(det.header.caseNumber, 'CM17-0100001');
      assert.equal(det.header.dateOfInjury, '03/02/2015');
      assert.equal(det.header.applicationReceived, '01/11/2017');
    });

    it('imr index check: a valid correction file is OK, an invalid one is exit 1 naming file:line', () => {
      const dir = makeTemp();
      write(dir, 'ok.yaml', 'version: 1\nguidelines:\n  - id: cpmtg-2009\n    topics:\n      - name: Physical medicine\n        pages: ["97-99"]\n');
      write(dir, 'bad.yaml', 'version: 1\nguidelines:\n  - id: cpmtg-2009\n    topics:\n      - name: Physical medicine\n        pages: "ninety"\n');
      const ok = imr(['index', 'check', 'ok.yaml'], { cwd: dir });
      assert.equal(ok.status, 0, describeRun(ok));
      const bad = imr(['index', 'check', 'bad.yaml'], { cwd: dir });
      assert.equal(bad.status, 1, describeRun(bad));
      assert.match(bad.stdout, /bad\.yaml:6\b/);
    });
  });
});
