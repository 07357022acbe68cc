import * as assert from 'assert';
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Runs the real pre-commit framework against this repository's .pre-commit-hooks.yaml: pre-commit
 * clones a snapshot of the working tree, installs it with npm (language: node: `npm install`, which
 * runs `prepare` = tsc, then `npm pack` and `npm install -g` of the tarball) and runs `imr-lint` on
 * the staged letters of a throw-away git repository.
 *
 * The snapshot is a git repository of the files `git ls-files --cached --others --exclude-standard`
 * lists (so uncommitted work is tested too), committed with fixed dates: the same tree gives the same
 * sha, and pre-commit reuses its installed environment from PRE_COMMIT_HOME. Both live in
 * $IMR_PRECOMMIT_CACHE (default: <tmp>/imr-precommit-cache). The first install needs the npm registry
 * (about 2 minutes); later runs take a second or two.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
// generous: on a 2-core machine busy with other builds the npm install of the hook repo took over 5 minutes
const INSTALL_TIMEOUT_MS = 900_000;

function onPath(cmd: string): boolean {
  return spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeout = 60_000): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  return r;
}

function must(r: SpawnSyncReturns<string>, what: string): string {
  assert.strictEqual(r.status, 0, `${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'imr test',
  GIT_AUTHOR_EMAIL: 'imr-test@example.invalid',
  GIT_COMMITTER_NAME: 'imr test',
  GIT_COMMITTER_EMAIL: 'imr-test@example.invalid',
  GIT_AUTHOR_DATE: '2017-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2017-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** Copies the working tree (tracked and untracked, not ignored) into `dir` and commits it; returns the sha. */
function snapshotHookRepo(dir: string, env: NodeJS.ProcessEnv): string {
  const files = must(run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT, env), 'git ls-files')
    .split('\0')
    .filter((f) => f && fs.existsSync(path.join(ROOT, f)) && fs.statSync(path.join(ROOT, f)).isFile());
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  }
  must(run('git', ['init', '-q', '-b', 'main'], dir, env), 'git init (hook repo)');
  must(run('git', ['add', '-A'], dir, env), 'git add (hook repo)');
  must(run('git', ['commit', '-q', '--no-verify', '-m', 'snapshot of the working tree'], dir, env), 'git commit (hook repo)');
  return must(run('git', ['rev-parse', 'HEAD'], dir, env), 'git rev-parse').trim();
}

describe('pre-commit hook (real pre-commit framework)', function () {
  this.timeout(INSTALL_TIMEOUT_MS + 120_000);
  let work: string;
  let env: NodeJS.ProcessEnv;
  let config: string;

  before(function () {
    if (!onPath('pre-commit') || !onPath('git')) {
      console.log('      (skipped: `pre-commit` or `git` is not on PATH; install it with `apt-get install -y pre-commit`)');
      this.skip();
    }
    const cache = process.env.IMR_PRECOMMIT_CACHE ?? path.join(os.tmpdir(), 'imr-precommit-cache');
    env = { ...process.env, ...GIT_ENV, PRE_COMMIT_HOME: path.join(cache, 'home'), npm_config_prefer_offline: 'true', npm_config_fund: 'false', npm_config_audit: 'false' };
    const sha = snapshotHookRepo(path.join(cache, 'hook-repo'), env);

    config = ['repos:', `  - repo: ${path.join(cache, 'hook-repo')}`, `    rev: ${sha}`, '    hooks:', '      - id: imr-lint', ''].join('\n');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-precommit-work-'));
    must(run('git', ['init', '-q', '-b', 'main'], work, env), 'git init');
    fs.writeFileSync(path.join(work, '.pre-commit-config.yaml'), config);
    // the same config kept in the cache: `pre-commit gc` then drops environments of older snapshots only
    const kept = path.join(cache, 'pre-commit-config.yaml');
    fs.writeFileSync(kept, config);
    must(run('pre-commit', ['install'], work, env), 'pre-commit install');
    const started = Date.now();
    must(run('pre-commit', ['install-hooks', '--config', kept], work, env, INSTALL_TIMEOUT_MS), 'pre-commit install-hooks (npm install of the hook repo)');
    console.log(`      (hook environment ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    // gc deletes the environments of older snapshots (whole node_modules trees): as slow as an install on a busy machine
    must(run('pre-commit', ['gc'], work, env, INSTALL_TIMEOUT_MS), 'pre-commit gc');
  });

  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('blocks a commit whose letter cites the wrong page, and prints the finding', () => {
    fs.copyFileSync(path.join(FIXTURES, 'precommit', 'wrong-page.imr'), path.join(work, 'wrong-page.imr'));
    must(run('git', ['add', 'wrong-page.imr'], work, env), 'git add');
    const r = run('git', ['commit', '-m', 'letter with a wrong page'], work, env);
    const out = r.stdout + r.stderr;
    assert.notStrictEqual(r.status, 0, `the commit went through:\n${out}`);
    assert.match(out, /imr-lint\.+Failed/);
    assert.match(out, /citation-page-mismatch/);
    assert.match(out, /page\(s\) 98-99 of Chronic Pain Medical Treatment 2009, not 97/);
    assert.strictEqual(run('git', ['rev-parse', '--verify', '-q', 'HEAD'], work, env).status, 1, 'no commit was made');
    must(run('git', ['rm', '-q', '--cached', 'wrong-page.imr'], work, env), 'git rm --cached');
    fs.rmSync(path.join(work, 'wrong-page.imr'));
  });

  it('lets a clean letter through', () => {
    fs.copyFileSync(path.join(FIXTURES, 'base-letter.imr.txt'), path.join(work, 'clean.imr.txt'));
    must(run('git', ['add', 'clean.imr.txt', '.pre-commit-config.yaml'], work, env), 'git add');
    const r = run('git', ['commit', '-m', 'clean letter'], work, env);
    const out = r.stdout + r.stderr;
    assert.strictEqual(r.status, 0, `the commit was blocked:\n${out}`);
    assert.match(out, /imr-lint\.+Passed/);
  });

  it('letters saved as *.txt: the hook with files and --ext, as docs/maintainers.md shows, blocks the wrong page', () => {
    // the same hook environment: files and args are the using repository's settings
    fs.writeFileSync(path.join(work, '.pre-commit-config.yaml'), `${config}        files: '\\.txt$'\n        args: [--ext, .txt]\n`);
    fs.copyFileSync(path.join(FIXTURES, 'precommit', 'wrong-page.imr'), path.join(work, 'wrong-page.txt'));
    must(run('git', ['add', 'wrong-page.txt', '.pre-commit-config.yaml'], work, env), 'git add');
    const r = run('git', ['commit', '-m', 'a .txt letter with a wrong page'], work, env);
    const out = r.stdout + r.stderr;
    assert.notStrictEqual(r.status, 0, `the commit went through:\n${out}`);
    assert.match(out, /imr-lint\.+Failed/);
    assert.match(out, /wrong-page\.txt/);
    assert.match(out, /citation-page-mismatch/);
  });
});
