import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { imrLint } from '../helpers/cli-io';
import { cleanupTemp, cliFixture, describeRun, IMR_BIN, LINT_BIN, letter, makeTemp, nth, parseJson, ProcessResult, ROOT, runBin, write } from '../cli/helpers';

/**
 * bin/imr-lint.js and bin/imr.js as real processes, for what only a process shows: the shebang and
 * `--version` read from package.json, the exit status the bins set on the process (also after the
 * asynchronous `imr export`), and real standard input. Everything else about the commands runs
 * in-process (test/cli/*.test.ts); the packed npm tarball is run in test/packaging/.
 */

/** Exit 2 with one line on stderr, no stack trace, nothing on stdout. */
function assertRunFailed(r: ProcessResult, mention: string): void {
  assert.equal(r.status, 2, describeRun(r));
  assert.ok(!r.stderr.includes('    at '), `stack trace on stderr:\n${r.stderr}`);
  assert.equal(r.stderr.split('\n').filter((l) => l !== '').length, 1, r.stderr);
  assert.ok(r.stderr.includes(mention), r.stderr);
  assert.equal(r.stdout, '');
}

describe('bin/imr-lint.js and bin/imr.js as processes; the bundle dist/cli.js', function () {
  this.timeout(120_000);
  after(cleanupTemp);

  it('are node scripts with a shebang, executable, and print the version of package.json', () => {
    const dir = makeTemp();
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const bin of [LINT_BIN, IMR_BIN]) {
      assert.ok(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n'), `${path.basename(bin)} has no node shebang`);
      if (process.platform !== 'win32') assert.ok((fs.statSync(bin).mode & 0o111) !== 0, `${path.basename(bin)} is not executable`);
      const r = runBin(bin, ['--version'], { cwd: dir });
      assert.equal(r.status, 0, describeRun(r));
      assert.equal(r.stdout, `${version}\n`);
    }
  });

  it('run from the tsc output when there is no bundle (a development checkout), without crashing', () => {
    // bin/ beside out/ and no dist/: bin/load-cli.js requires out/ module by module, so Node's module
    // loader runs its own patterns again after the CLI's V8 settings (once a SIGSEGV: see tuneV8)
    const dir = makeTemp();
    fs.mkdirSync(path.join(dir, 'bin'));
    for (const f of fs.readdirSync(path.join(ROOT, 'bin'))) fs.copyFileSync(path.join(ROOT, 'bin', f), path.join(dir, 'bin', f));
    fs.symlinkSync(path.join(ROOT, 'out'), path.join(dir, 'out'), 'dir');
    write(dir, 'bad.imr', cliFixture('page-error-2009.imr'));
    const version = runBin(path.join(dir, 'bin', 'imr-lint.js'), ['--version'], { cwd: dir });
    assert.equal(version.status, 0, describeRun(version));
    const bad = runBin(path.join(dir, 'bin', 'imr-lint.js'), ['-f', 'compact', 'bad.imr'], { cwd: dir });
    assert.equal(bad.status, 1, describeRun(bad));
    assert.match(bad.stdout, /^bad\.imr:26:28: error .* \[citation-page-mismatch\]$/m);
  });

  it('imr-lint sets the exit status: 0 clean (nothing printed), 1 errors, 2 bad usage with one line', () => {
    const dir = makeTemp();
    write(dir, 'clean.imr', letter('clean-2016.imr'));
    write(dir, 'bad.imr', cliFixture('page-error-2009.imr'));
    const clean = runBin(LINT_BIN, ['clean.imr'], { cwd: dir });
    assert.deepEqual([clean.status, clean.stdout, clean.stderr], [0, '', ''], describeRun(clean));
    const bad = runBin(LINT_BIN, ['clean.imr', 'bad.imr'], { cwd: dir });
    assert.equal(bad.status, 1, describeRun(bad));
    assert.match(bad.stdout, /26:28\s+error\s+.*citation-page-mismatch/);
    assert.ok(!bad.stdout.includes('\u001b['), 'no colour with NO_COLOR and a pipe');
    assertRunFailed(runBin(LINT_BIN, ['--frobnicate', 'bad.imr'], { cwd: dir }), '--frobnicate');
  });

  it('imr sets the exit status after the asynchronous export: 1 refused, 0 written, 2 bad usage', () => {
    const dir = makeTemp();
    write(dir, 'bad.imr', cliFixture('page-error-2009.imr'));
    write(dir, 'case.imr', letter('clean-2016.imr'));
    const refused = runBin(IMR_BIN, ['export', 'bad.imr'], { cwd: dir });
    assert.equal(refused.status, 1, describeRun(refused));
    assert.match(refused.stderr, /not exported/);
    const written = runBin(IMR_BIN, ['export', 'case.imr', '-o', '-'], { cwd: dir });
    assert.equal(written.status, 0, describeRun(written));
    assert.equal(written.stdout, letter('clean-2016.imr'));
    assertRunFailed(runBin(IMR_BIN, ['frobnicate'], { cwd: dir }), 'frobnicate');
  });

  it('read standard input: imr-lint --stdin (config found from --stdin-filename) and imr parse -', () => {
    const dir = makeTemp();
    write(dir, 'relaxed/.imrlintrc.yaml', 'rules:\n  citation-page-mismatch: warn\n');
    const text = cliFixture('page-error-2009.imr');
    const r = runBin(LINT_BIN, ['--stdin', '--stdin-filename', 'relaxed/case.imr', '--format', 'json'], { cwd: dir, input: text });
    assert.equal(r.status, 0, describeRun(r));
    const res = nth(parseJson(r), 0, 'the result of stdin');
    assert.equal(res.filePath, path.join(dir, 'relaxed', 'case.imr'));
    assert.deepEqual(res.messages.map((m) => [m.ruleId, m.severity, m.line, m.column]), [['citation-page-mismatch', 1, 26, 28]]);
    const parsed = runBin(IMR_BIN, ['parse', '-'], { cwd: dir, input: letter('clean-2016.imr') });
    assert.equal(parsed.status, 0, describeRun(parsed));
    assert.equal((JSON.parse(parsed.stdout) as { header: { caseNumber: string } }).header.caseNumber, 'CM17-0100001');
  });

  it('the bundle dist/cli.js (what bin/load-cli.js loads after a build) lints as the compiled modules do', () => {
    const bundle = path.join(ROOT, 'dist', 'cli.js');
    assert.ok(fs.existsSync(bundle), 'dist/cli.js is missing: npm run build writes it');
    const { runLint, guarded } = require(bundle) as typeof import('../../server/src/cli/bundle-entry');
    const dir = makeTemp();
    write(dir, 'bad.imr', cliFixture('page-error-2009.imr'));
    let out = '';
    const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => assert.fail(s), readStdin: () => '', cwd: dir, color: false, version: '0.0.0-test' };
    assert.equal(guarded(() => runLint(['-f', 'json', 'bad.imr'], io), io, 'imr-lint'), 1);
    assert.equal(out, imrLint(['-f', 'json', 'bad.imr'], { cwd: dir }).stdout);
  });
});
