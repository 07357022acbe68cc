import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createConfigResolver, createIndexProvider, DEFAULT_MAX_TIME_PER_FILE_MS } from '../../server/src/engine';
import { ToolError } from '../../server/src/cli/errors';
import { runLint } from '../../server/src/cli/lint-command';
import { guarded } from '../../server/src/cli/main';
import { memoryIo } from '../helpers/cli-io';
import { lintFile, LintOptions } from '../../server/src/cli/lint-one';
import { lintInPool, PoolJob } from '../../server/src/cli/lint-pool';
import { cleanupTemp, cliFixture, describeRun, letter, LINT_BIN, makeTemp, parseJson, ProcessResult, runBin, write } from './helpers';

/** imr-lint as a real process: the workers run the bundle the bin loads. */
const lint = (args: string[], opts: { cwd: string; input?: string; timeout?: number }): ProcessResult => runBin(LINT_BIN, args, opts);

/**
 * imr-lint on worker threads (server/src/cli/lint-pool.ts): the report of N threads is the report of
 * one thread, byte for byte and in the same order, through the real CLI (bin/imr-lint.js, which runs
 * the bundle, so the bundle is the worker); a letter that cannot be linted ends the run as on one
 * thread; a worker that dies is one line and exit 2, never a hang; a few letters never start a worker.
 */

/** The five fixture letters: clean ones and ones with errors, warnings and fixes. */
function bases(): string[] {
  return [letter('clean-2016.imr'), letter('clean-2009-pages.imr'), cliFixture('page-error-2009.imr'), cliFixture('warnings-2009.imr'), cliFixture('mixed-2016.imr')];
}

/** Letter `k`: one of the bases with another case number and a placeholder on one line, so no two are alike. */
function variant(k: number): string {
  const texts = bases();
  const lines = texts[k % texts.length]!.split('\n');
  const at = 12 + (k % Math.max(1, lines.length - 12));
  if (k % 3 === 0 && at < lines.length) lines[at] += ' TBD';
  return lines.join('\n').replace(/\bCM\d{2}-\d{7}\b/, `CM99-${String(k).padStart(7, '0')}`);
}

/** A folder of `n` letters in two subfolders, named so that walking order and name order differ from creation order. */
function letters(n: number): string {
  const dir = makeTemp('imr-concurrency-');
  for (let k = 0; k < n; k++) write(dir, `letters/${k % 2 ? 'b' : 'a'}/case-${String((k * 7) % n).padStart(3, '0')}.imr`, variant(k));
  return dir;
}

function sameRun(a: ProcessResult, b: ProcessResult, what: string): void {
  assert.equal(b.status, a.status, `${what}: exit status\n${describeRun(b)}`);
  assert.equal(b.stderr, a.stderr, `${what}: stderr`);
  assert.equal(b.stdout, a.stdout, `${what}: stdout differs from one thread's`);
}

describe('imr-lint on worker threads (--concurrency)', function () {
  this.timeout(120_000);
  after(cleanupTemp);

  it('N threads give one thread\'s report, byte for byte and in the same order', () => {
    const dir = letters(40);
    const one = lint(['--concurrency', 'off', '--format', 'json', 'letters'], { cwd: dir });
    assert.equal(one.status, 1, describeRun(one));
    sameRun(one, lint(['--concurrency', '2', '--format', 'json', 'letters'], { cwd: dir }), '--concurrency 2 --format json');
    const three = lint(['--concurrency', '3', '--format', 'json', 'letters'], { cwd: dir });
    sameRun(one, three, '--concurrency 3 --format json');
    const results = parseJson(three);
    assert.equal(results.length, 40);
    const names = results.map((r) => path.relative(dir, r.filePath));
    assert.deepEqual(names, [...names].sort(), 'files in walking order (sorted by name, folder by folder)');
    assert.ok(results.some((r) => r.errorCount > 0) && results.some((r) => r.messages.length === 0), 'letters with and without findings');
    // the options applied to the merged results: --redact in the workers, --max-warnings on the whole run
    const args = ['--redact', '--max-warnings', '0', 'letters'];
    sameRun(lint(['--concurrency', 'off', ...args], { cwd: dir }), lint(['--concurrency', '3', ...args], { cwd: dir }), 'stylish --redact --max-warnings 0');
  });

  it('a letter that cannot be linted ends the run as on one thread: one line naming the file, exit 2', () => {
    const dir = letters(30);
    // a folder whose config is invalid: whichever thread takes its letters, the first one in order stops the run
    write(dir, 'letters/c/.imrlintrc.yaml', 'rules:\n  placeholder: loud\n');
    for (let k = 0; k < 8; k++) write(dir, `letters/c/late-${k}.imr`, variant(k));
    const one = lint(['--concurrency', 'off', 'letters'], { cwd: dir });
    assert.equal(one.status, 2, describeRun(one));
    assert.equal(one.stdout, '');
    assert.equal(one.stderr.trimEnd().split('\n').length, 1, one.stderr);
    assert.ok(one.stderr.includes('.imrlintrc.yaml'), one.stderr);
    sameRun(one, lint(['--concurrency', '3', 'letters'], { cwd: dir }), '--concurrency 3');
  });

  it('--concurrency takes a number of threads, auto or off', async () => {
    const dir = letters(2);
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const io = memoryIo(dir);
      assert.equal(guarded(() => runLint(['--concurrency', bad, 'letters'], io), io, 'imr-lint'), 2);
      assert.match(io.err, /^imr-lint: --concurrency needs a number of threads .*\n$/);
    }
    const off = memoryIo(dir);
    const status = guarded(() => runLint(['--concurrency', 'off', 'letters'], off), off, 'imr-lint');
    for (const good of ['auto', '1', '8']) {
      const io = memoryIo(dir);
      assert.equal(await guarded(() => runLint(['--concurrency', good, 'letters'], io), io, 'imr-lint'), status, io.err);
      assert.equal(io.out, off.out);
    }
  });

  it('a few letters never start a worker: the run stays synchronous; many letters on N threads are a promise of the same status', async () => {
    const dir = letters(12);
    const io = () => memoryIo(dir);
    const single = io();
    const status = runLint(['--format', 'json', 'letters'], single);
    assert.equal(typeof status, 'number', 'auto on 12 letters: no worker');
    assert.equal(typeof runLint(['--format', 'json', 'letters/a/case-000.imr'], io()), 'number', 'one letter: no worker');
    const pooled = io();
    const pending = runLint(['--concurrency', '2', '--format', 'json', 'letters'], pooled);
    assert.ok(pending instanceof Promise);
    assert.equal(await pending, status);
    assert.equal(pooled.out, single.out);
  });

  describe('the pool (lint-pool.ts) with real worker threads', () => {
    function job(dir: string): PoolJob {
      const files = fs.readdirSync(path.join(dir, 'letters', 'a')).sort().map((f) => path.join(dir, 'letters', 'a', f));
      return { files, cwd: dir, reportUnused: false, redact: false, budgetMs: DEFAULT_MAX_TIME_PER_FILE_MS };
    }
    const here = (dir: string): LintOptions => ({ configs: createConfigResolver({ cwd: dir }), indexes: createIndexProvider(), reportUnused: false, redact: false, budgetMs: DEFAULT_MAX_TIME_PER_FILE_MS });

    it('workers alone (this thread only waiting) give the results of linting each file in turn', async () => {
      const dir = letters(20);
      const j = job(dir);
      const o = here(dir);
      const expected = j.files.map((f) => lintFile(f, o));
      const got = await lintInPool(j, 3);
      assert.deepEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(expected)));
    });

    it('a worker that fails to start is one ToolError line, never a hang', async () => {
      const dir = letters(6);
      const script = write(dir, 'broken-worker.js', "throw new Error('cannot start\\nsecond line');\n");
      await assert.rejects(lintInPool(job(dir), 2, undefined, script), (e: unknown) => {
        assert.ok(e instanceof ToolError, String(e));
        assert.match(e.message, /^a worker thread failed \(.*cannot start\); --concurrency off lints on one thread$/);
        return true;
      });
    });

    it('a worker that exits before linting its letters is one ToolError line, never a hang', async () => {
      const dir = letters(6);
      const script = write(dir, 'quitting-worker.js', 'process.exit(0);\n');
      await assert.rejects(lintInPool(job(dir), 3, undefined, script), /a worker thread failed \(it stopped before linting its letters\)/);
    });
  });
});
