import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runLint } from '../../server/src/cli/lint-command';
import { guarded } from '../../server/src/cli/main';
import { stylish } from '../../server/src/cli/formatters/stylish';
import { compact } from '../../server/src/cli/formatters/compact';
import { FileResult } from '../../server/src/cli/formatters/types';
import { imrInProcess, memoryIo } from '../helpers/cli-io';
import { cleanupTemp, cliFixture, LINT_BIN, makeTemp, replaceOnce, write } from './helpers';

/**
 * Issue 12 items 4, 5 and 7 through the CLI: what cannot be read ends the run with exit 2 and one
 * line (FIFOs, devices, 3 GB letters, unreadable folders), what --fix must not rewrite is left byte for
 * byte (Latin-1, read-only), and output that cannot be written or shown safely (full disk, closed
 * pipe, control characters, __proto__ formats, huge reports) never ends in a stack trace.
 * In-process through the CLI's IO interface; real processes only where the process itself is tested.
 */

function lint(args: string[], cwd: string, stdin = ''): { status: number; out: string; err: string } {
  const io = memoryIo(cwd, stdin);
  const status = guarded(() => runLint(args, io), io, 'imr-lint');
  if (typeof status !== 'number') throw new Error('imr-lint linted on worker threads: these tests lint few letters');
  return { status, out: io.out, err: io.err };
}

function mkfifo(file: string): boolean {
  return process.platform !== 'win32' && spawnSync('mkfifo', [file]).status === 0;
}

const MIXED = cliFixture('mixed-2016.imr');
const FIXED = replaceOnce(replaceOnce(MIXED, 'CLINICAL CASE SUMARY', 'CLINICAL CASE SUMMARY'), 'lumbar spine: upheld', 'lumbar spine: Upheld');
const posix = process.platform !== 'win32';

describe('imr-lint on files that are not letters, and output that cannot be written', () => {
  after(cleanupTemp);

  describe('check before reading', () => {
    it('a FIFO argument (or /dev/stdin, <(…)) ends with exit 2 and one line, without waiting for a writer', function () {
      const dir = makeTemp();
      if (!mkfifo(path.join(dir, 'pipe.imr'))) this.skip();
      for (const args of [['pipe.imr'], ['--no-error-on-unmatched-pattern', 'pipe.imr']]) {
        const r = lint(args, dir);
        assert.equal(r.status, 2, r.err);
        assert.equal(r.err, 'imr-lint: pipe.imr: not a regular file (a FIFO); to lint standard input use --stdin or -\n');
      }
    });

    it('a 3 GB letter is refused from its size, with exit 2', function () {
      const dir = makeTemp();
      const f = path.join(dir, 'big.imr');
      fs.closeSync(fs.openSync(f, 'w'));
      fs.truncateSync(f, 3 * 1024 ** 3);
      if (fs.statSync(f).blocks * 512 > 1024 * 1024) this.skip(); // no sparse files here
      const r = lint(['big.imr'], dir);
      assert.equal(r.status, 2);
      assert.match(r.err, /^imr-lint: \S+big\.imr: larger than 8 MB \(3072\.0 MB\); not read\n$/);
    });

    it('an index or config at /dev/zero ends with exit 2 and one line naming it', async function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      const dir = makeTemp();
      write(dir, 'a.imr', FIXED);
      write(dir, '.imrlintrc.yaml', 'index: [/dev/zero]\n');
      const byIndex = lint(['a.imr'], dir);
      assert.equal(byIndex.status, 2);
      assert.match(byIndex.err, /^imr-lint: \/dev\/zero: invalid MTUS index: not a regular file/);
      assert.equal(byIndex.err.split('\n').length, 2);
      const byConfig = lint(['--config', '/dev/zero', 'a.imr'], dir);
      assert.equal(byConfig.status, 2);
      assert.match(byConfig.err, /^imr-lint: \/dev\/zero: invalid config: cannot read config file: not a regular file \(a character device\)\n$/);
      const check = await imrInProcess(['index', 'check', '/dev/zero'], dir);
      assert.deepEqual([check.code, check.err], [2, 'imr: /dev/zero: not a regular file (a character device)\n']);
    });

    it('"-" lints standard input, as --stdin', () => {
      const dir = makeTemp();
      const r = lint(['--format', 'compact', '-'], dir, MIXED);
      assert.equal(r.status, 1);
      assert.match(r.out, /^<stdin>:17:/m);
    });

    it('an unreadable folder, named or below a named one, ends with exit 2', function () {
      if (!posix) this.skip();
      const dir = makeTemp();
      write(dir, 'locked/a.imr', FIXED);
      write(dir, 'letters/b.imr', FIXED);
      write(dir, 'letters/private/c.imr', FIXED);
      fs.chmodSync(path.join(dir, 'locked'), 0o000);
      fs.chmodSync(path.join(dir, 'letters/private'), 0o000);
      // root reads every folder: run the real CLI as nobody (setpriv), else in-process as ourselves
      const asRoot = process.getuid?.() === 0;
      if (asRoot && spawnSync('setpriv', ['--version']).status !== 0) this.skip();
      fs.chmodSync(dir, 0o755);
      const runAs = (args: string[]) => {
        if (!asRoot) return lint(args, dir);
        const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, LINT_BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
        return { status: r.status, err: r.stderr };
      };
      try {
        const named = runAs(['--no-error-on-unmatched-pattern', 'locked']);
        assert.deepEqual([named.status, named.err], [2, 'imr-lint: locked: cannot read folder (EACCES)\n']);
        const below = runAs(['letters']);
        assert.deepEqual([below.status, below.err], [2, 'imr-lint: letters/private: cannot read folder (EACCES)\n']);
      } finally {
        for (const d of ['locked', 'letters/private']) fs.chmodSync(path.join(dir, d), 0o755);
      }
    });
  });

  describe('--fix that cannot be turned', () => {
    it('keeps mode 0664 and leaves a planted link and its target alone', function () {
      if (!posix) this.skip();
      const dir = makeTemp();
      const f = write(dir, 'mixed.imr', MIXED);
      fs.chmodSync(f, 0o664);
      const victim = write(dir, 'victim.txt', 'not a letter');
      // the predictable names of the old writer, planted before the run
      for (const name of [`.mixed.imr.${process.pid}.imr-fix`, '.mixed.imr.tmp', `.mixed.imr.${process.pid}-000000000000.imr-tmp`]) fs.symlinkSync(victim, path.join(dir, name));
      const before = fs.readdirSync(dir).sort();
      const r = lint(['--fix', 'mixed.imr'], dir);
      assert.equal(r.status, 1, r.err); // the TODO stays
      assert.equal(fs.readFileSync(f, 'utf8'), FIXED);
      assert.equal(fs.statSync(f).mode & 0o7777, 0o664);
      assert.equal(fs.readFileSync(victim, 'utf8'), 'not a letter');
      assert.deepEqual(fs.readdirSync(dir).sort(), before);
    });

    it('removes the temporary file a killed --fix run left, even when nothing needs fixing', function () {
      if (!posix) this.skip();
      const dir = makeTemp();
      write(dir, 'clean.imr', FIXED);
      const gone = spawnSync(process.execPath, ['-e', '']).pid; // a process that has exited
      write(dir, `.clean.imr.${gone}-0123456789ab.imr-tmp`, MIXED);
      lint(['--fix', 'clean.imr'], dir);
      assert.deepEqual(fs.readdirSync(dir), ['clean.imr']);
    });

    it('never changes the bytes of a Latin-1 letter: linted, not rewritten, one line saying why', () => {
      const dir = makeTemp();
      const bytes = Buffer.from(MIXED.replace('lifting a crate', 'lifting a caf\u00e9 crate'), 'latin1');
      const f = write(dir, 'latin1.imr', bytes);
      for (const option of ['--fix', '--fix-dry-run']) {
        const r = lint([option, '--format', 'compact', 'latin1.imr'], dir);
        assert.equal(r.status, 1);
        assert.equal(r.err, 'imr-lint: warning: latin1.imr: not valid UTF-8 (Latin-1 or another encoding?); linted, but --fix does not rewrite it\n');
        assert.match(r.out, /heading-format/, 'the findings are those of the letter as it is');
        assert.ok(!r.out.includes('---'), 'no diff');
        assert.ok(fs.readFileSync(f).equals(bytes), `${option}: bytes unchanged`);
      }
      // nothing to fix: nothing to say
      const clean = write(dir, 'clean-latin1.imr', Buffer.from(FIXED.replace('lifting a crate', 'lifting a caf\u00e9 crate'), 'latin1'));
      const r = lint(['--fix', 'clean-latin1.imr'], dir);
      assert.equal(r.err, '');
      assert.ok(fs.readFileSync(clean).equals(Buffer.from(FIXED.replace('lifting a crate', 'lifting a caf\u00e9 crate'), 'latin1')));
    });

    it('refuses a read-only letter (mode 0444, also as root): one line, findings as they stand', function () {
      if (!posix) this.skip();
      const dir = makeTemp();
      const f = write(dir, 'ro.imr', MIXED);
      fs.chmodSync(f, 0o444);
      const r = lint(['--fix', 'ro.imr'], dir);
      assert.equal(r.status, 1);
      assert.equal(r.err, 'imr-lint: warning: ro.imr: read-only (mode 0444); fixes not written\n');
      assert.match(r.out, /heading-format/);
      assert.ok(!/^fixed/m.test(r.out), r.out);
      assert.equal(fs.readFileSync(f, 'utf8'), MIXED);
      assert.deepEqual(fs.readdirSync(dir), ['ro.imr']);
    });
  });

  describe('output', () => {
    it('--format is looked up as an own property: __proto__, constructor, toString are unknown', () => {
      const dir = makeTemp();
      write(dir, 'a.imr', FIXED);
      for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        const r = lint(['--format', name, 'a.imr'], dir);
        assert.equal(r.status, 2, name);
        assert.match(r.err, new RegExp(`^imr-lint: unknown format "${name}" \\(stylish, `));
      }
    });

    it('control characters in file names are escaped in stylish and compact', function () {
      if (!posix) this.skip();
      const dir = makeTemp();
      const name = 'evil\u001b]0;owned\u0007\nname\u202e.imr';
      write(dir, name, MIXED);
      const s = lint([name], dir);
      assert.equal(s.status, 1);
      assert.ok(!/[\u0000-\u0009\u000b-\u001f\u202e]/.test(s.out), JSON.stringify(s.out));
      assert.ok(s.out.startsWith('evil\\x1b]0;owned\\x07\\x0aname\\u202e.imr\n'), JSON.stringify(s.out));
      const c = lint(['--format', 'compact', name], dir);
      const lines = c.out.trimEnd().split('\n');
      assert.ok(lines.length >= 3 && lines.every((l) => l.startsWith('evil\\x1b]0;owned\\x07\\x0aname\\u202e.imr:')), c.out);
    });

    it('stylish and compact print 150,000 findings (no argument spread of unbounded lists)', () => {
      const finding = { ruleId: 'placeholder', severity: 'error' as const, message: 'a placeholder', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
      const results: FileResult[] = [{ filePath: '/l/a.imr', findings: Array.from({ length: 150_000 }, () => finding) }];
      assert.match(stylish(results, { cwd: '/l', version: '0', color: false }), /✖ 150000 problems/);
      assert.equal(compact(results, { cwd: '/l', version: '0', color: false }).split('\n').length, 150_000);
    });

    it('stdout to a full disk (/dev/full): one line and exit 2, no stack trace', function () {
      if (!fs.existsSync('/dev/full')) this.skip();
      const dir = makeTemp();
      write(dir, 'a.imr', MIXED);
      const out = fs.openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [LINT_BIN, 'a.imr'], { cwd: dir, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', timeout: 60_000 });
        assert.equal(r.status, 2, r.stderr);
        assert.equal(r.stderr, 'imr-lint: cannot write to standard output (ENOSPC)\n');
      } finally {
        fs.closeSync(out);
      }
    });

    it('a reader that closes the pipe early (| head): exit 2, quietly', async function () {
      if (!posix) this.skip();
      const dir = makeTemp();
      write(dir, 'a.imr', MIXED);
      const child = spawn(process.execPath, [LINT_BIN, 'a.imr'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy(); // closed before imr-lint writes its report
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      assert.equal(status, 2);
      assert.equal(err, '');
    });
  });
});
