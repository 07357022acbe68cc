import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Repository root (this file is compiled to out/test/cli/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const LINT_BIN = path.join(ROOT, 'bin', 'imr-lint.js');
export const IMR_BIN = path.join(ROOT, 'bin', 'imr.js');

/** The two clean letters shared by the test suites, and the CLI fixtures derived from them. */
export const LETTERS = path.join(ROOT, 'test', 'fixtures', 'letters');
export const CLI_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');

export function letter(name: 'clean-2016.imr' | 'clean-2009-pages.imr'): string {
  return fs.readFileSync(path.join(LETTERS, name), 'utf8');
}

/** page-error-2009.imr, warnings-2009.imr, mixed-2016.imr (see test/fixtures/cli/README.md). */
export function cliFixture(name: string): string {
  return fs.readFileSync(path.join(CLI_FIXTURES, name), 'utf8');
}

/** Replaces `from` by `to` exactly once; fails loudly when the fixture text changed under the test. */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`fixture text not found: ${String(from)}`);
  return out;
}

/** Checked reads (test/helpers/checked.ts), for the CLI tests that import these helpers. */
export { nth } from '../helpers/checked';

/** Temporary folders of one test file, removed by `cleanupTemp()` (call it in after()). */
const temps: string[] = [];

export function makeTemp(prefix = 'imr-cli-test-'): string {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  temps.push(d);
  return d;
}

export function cleanupTemp(): void {
  for (const d of temps.splice(0)) {
    try {
      fs.chmodSync(d, 0o700);
    } catch {
      /* already gone */
    }
    fs.rmSync(d, { recursive: true, force: true });
  }
}

/** Writes `text` to dir/rel, creating folders. Returns the absolute path. */
export function write(dir: string, rel: string, text: string | Buffer): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/**
 * A letters repository for file-selection tests: a config with include/exclude, an ignore file, a
 * .gitignore (inside a git work tree), drafts, archived, private and non-letter files; every letter has
 * the same (failing) text.
 */
export function letterRepo(): string {
  const dir = makeTemp();
  fs.mkdirSync(path.join(dir, '.git'));
  write(dir, '.imrlintrc.yaml', 'include: ["{*.imr,letters/**/*.imr}"]\nexclude: ["letters/drafts/"]\n');
  write(dir, '.imrlintignore', '# old letters\nletters/archive/\n*.bak.imr\n');
  write(dir, '.gitignore', 'letters/private/\n');
  for (const rel of ['top.imr', 'letters/a.imr', 'letters/sub/b.imr', 'letters/drafts/d.imr', 'letters/archive/old.imr', 'letters/x.bak.imr', 'letters/private/p.imr', 'letters/notes.txt', 'other/o.imr']) write(dir, rel, cliFixture('page-error-2009.imr'));
  return dir;
}

export function toCrlfWithBom(text: string): string {
  return '\uFEFF' + text.replace(/\r?\n/g, '\r\n');
}

export interface ProcessResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A run of the CLI, in-process (test/helpers/cli-io.ts) or as a process. */
export type AnyRun = { status: number | null; signal?: NodeJS.Signals | null; stdout: string; stderr: string };

/**
 * Runs `node <bin> ...args` as a real process: only for what a process shows (bins/load-cli.js, the exit
 * status set on `process`, real standard input); everything else runs in-process (test/helpers/cli-io.ts).
 */
export function runBin(bin: string, args: string[], opts: { cwd: string; input?: string; timeout?: number }): ProcessResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
    env,
  });
  if (r.error) throw new Error(`node ${path.basename(bin)} ${args.join(' ')}: ${r.error.message}`);
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}


/** ESLint's JSON formatter shape. */
export interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export function parseJson(r: AnyRun): JsonResult[] {
  try {
    return JSON.parse(r.stdout) as JsonResult[];
  } catch (e) {
    throw new Error(`stdout is not JSON (exit ${r.status}): ${r.stdout.slice(0, 500)}\nstderr: ${r.stderr}`);
  }
}

export function describeRun(r: AnyRun): string {
  return `exit ${r.status}${r.signal ? ` (signal ${r.signal})` : ''}\n--- stdout ---\n${r.stdout.slice(0, 3000)}\n--- stderr ---\n${r.stderr.slice(0, 3000)}`;
}
