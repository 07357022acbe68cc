/** The CLI run in-process through its IO interface: output collected in memory. */
import { CliIo } from '../../server/src/cli/lint-command';
import { guarded, runImr } from '../../server/src/cli/main';

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
