/** The CLI run in-process through its IO interface: output collected in memory. */
import { CliIo, runLint } from '../../server/src/cli/lint-command';
import { guarded, runImr, runImrAsync } from '../../server/src/cli/main';

export type MemoryIo = CliIo & { out: string; err: string };

export function memoryIo(cwd: string, stdin = ''): MemoryIo {
  const r: MemoryIo = { out: '', err: '', stdout: (s) => void (r.out += s), stderr: (s) => void (r.err += s), readStdin: () => stdin, cwd, color: false, version: '0.0.0-test' };
  return r;
}

/** `imr ARGV` in `cwd`: its exit code and what it printed. */
export async function imrInProcess(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(cwd);
  const code = await guarded(() => runImr(argv, io), io, 'imr');
  return { code, out: io.out, err: io.err };
}

/** What a run of the CLI gave: the shape of a process's result, without the process. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd: string;
  /** Standard input (--stdin, `imr parse -`). */
  input?: string;
  /** What the terminal/FORCE_COLOR/NO_COLOR would decide; off, as in a pipe with NO_COLOR. */
  color?: boolean;
  version?: string;
}

function ioFor(o: CliRunOptions): MemoryIo {
  const io = memoryIo(o.cwd, o.input ?? '');
  io.color = o.color ?? false;
  if (o.version !== undefined) io.version = o.version;
  return io;
}

/** `imr-lint ARGV` in-process, as bin/imr-lint.js runs it (every failure exit 2 with one line). */
export function imrLint(argv: string[], o: CliRunOptions): CliRun {
  const io = ioFor(o);
  const status = guarded(() => runLint(argv, io), io, 'imr-lint');
  if (typeof status !== 'number') throw new Error('imr-lint linted on worker threads (a promise): use --concurrency off or imrLintAsync');
  return { status, stdout: io.out, stderr: io.err };
}

/** `imr-lint ARGV` in-process, also when it lints on worker threads (the result is then a promise). */
export async function imrLintAsync(argv: string[], o: CliRunOptions): Promise<CliRun> {
  const io = ioFor(o);
  const status = await guarded(() => runLint(argv, io), io, 'imr-lint');
  return { status, stdout: io.out, stderr: io.err };
}

/** `imr ARGV` in-process, as bin/imr.js runs it (every command, `export` included). */
export async function imr(argv: string[], o: CliRunOptions): Promise<CliRun> {
  const io = ioFor(o);
  const status = await runImrAsync(argv, io);
  return { status, stdout: io.out, stderr: io.err };
}
