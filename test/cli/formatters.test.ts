import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { CliRun, imrLint } from '../helpers/cli-io';
import { AnyRun, cleanupTemp, cliFixture, describeRun, JsonMessage, letter, makeTemp, nth, parseJson, replaceOnce, toCrlfWithBom, write } from './helpers';

/**
 * The output formats of imr-lint (cli/formatters/): stylish, json, sarif, the CI formats (github, junit,
 * gitlab, compact) and formatter modules, through imr-lint run in-process on letters in temporary folders.
 */

/** The text a JSON message's 1-based line/column range covers (single-line ranges). */
function textAt(fileText: string, m: JsonMessage): string {
  const lines = fileText.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  assert.equal(m.endLine, m.line, `expected a one-line range: ${JSON.stringify(m)}`);
  return nth(lines, m.line - 1, `line ${m.line} of the file`).slice(m.column - 1, m.endColumn - 1);
}

function messagesOf(r: AnyRun): JsonMessage[] {
  return parseJson(r).flatMap((x) => x.messages);
}

function run(args: string[], cwd: string): CliRun {
  return imrLint(args, { cwd });
}

const show = describeRun;

/** The clean 2016 letter with a bad case number, an impossible decision date and a late injury date. */
function badHeader(): string {
  let t = letter('clean-2016.imr');
  t = replaceOnce(t, 'CM17-0100001', 'CM17-01X');
  t = replaceOnce(t, 'Decision Date:        02/09/2017', 'Decision Date:        13/45/2017');
  t = replaceOnce(t, 'Date of Injury:      03/02/2015', 'Date of Injury:      03/02/2018');
  return t;
}

describe('imr-lint formats (cli/formatters/)', function () {
  this.timeout(60_000);
  after(cleanupTemp);

  describe('stylish, json, sarif', () => {
    it('stylish: file, line:col, severity, message and rule id', () => {
      const dir = makeTemp();
      write(dir, 'sub/mixed.imr', cliFixture('mixed-2016.imr'));
      const r = imrLint(['sub'], { cwd: dir });
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
      const r = imrLint(['--format', 'json', 'mixed.imr', 'date.imr', 'warn.imr', 'clean.imr'], { cwd: dir });
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
      const rm = nth(results, 0, 'the result of mixed.imr');
      const rd = nth(results, 1, 'the result of date.imr');
      const rw = nth(results, 2, 'the result of warn.imr');
      const rc = nth(results, 3, 'the result of clean.imr');
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
      const dateMessage = rd.messages[0]!;
      assert.equal(dateMessage.ruleId, 'header-field');
      assert.equal(textAt(badDate, dateMessage), '13/45/2015', 'right-hand column of the two-column header');

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
      const r = imrLint(['-f', 'json', 'crlf.imr'], { cwd: dir });
      assert.equal(r.status, 1, describeRun(r));
      const ms = messagesOf(r);
      assert.deepEqual(
        ms.map((m) => [m.ruleId, m.line, m.column, textAt(text, m)]),
        [
          ['header-field', 1, 14, 'CM14-02'],
          ['citation-page-mismatch', 26, 28, '97'],
        ],
      );
      const fix = ms[1]!.fix!;
      assert.equal(text.slice(1).slice(fix.range[0], fix.range[1]), '97', 'fix offsets index the text without its BOM, as in ESLint');
    });

    it('sarif: version 2.1.0, results with ruleId, level, locations and fixes', () => {
      const dir = makeTemp();
      write(dir, 'letters/e.imr', cliFixture('page-error-2009.imr'));
      write(dir, 'letters/w.imr', cliFixture('warnings-2009.imr'));
      const r = imrLint(['--format', 'sarif', 'letters'], { cwd: dir });
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
      const run = log.runs[0]!;
      assert.equal(run.tool.driver.name, 'imr-lint');
      assert.deepEqual(
        run.results.map((x) => {
          const loc = nth(x.locations, 0, `a location of ${x.ruleId}`).physicalLocation;
          return [x.ruleId, x.level, loc.artifactLocation.uri, loc.region.startLine, loc.region.startColumn];
        }),
        [
          ['citation-page-mismatch', 'error', 'letters/e.imr', 26, 28],
          ['citation-page-mismatch', 'warning', 'letters/w.imr', 26, 26],
          ['citation-page-mismatch', 'warning', 'letters/w.imr', 29, 18],
        ],
      );
      for (const res of run.results) {
        assert.equal(nth(res.locations, 0, `a location of ${res.ruleId}`).physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
        assert.ok(res.message.text.length > 0);
        assert.ok(res.ruleIndex !== undefined && run.tool.driver.rules[res.ruleIndex]?.id === res.ruleId, 'ruleIndex points at the rule');
        assert.equal(res.fixes?.length, 1);
      }
      assert.ok(run.tool.driver.rules.some((x) => x.id === 'unused-suppression'));
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
      const clean = suites[1]!;
      assert.deepEqual([clean.tests, clean.failures], ['1', '0']);
      const warn = suites[3]!;
      assert.equal(warn.failures, '0', 'warnings are not failures');
      assert.ok(Number(warn.tests) >= 2);
      assert.equal(suites[4]!.failures, '1');
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
      assert.match(lines[0]!, /^in\/warn\.imr:26:26: warning .* \[citation-page-mismatch\]$/);
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
});
