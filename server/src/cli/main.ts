import * as fs from 'fs';
import { UsageError } from './errors';
import { ToolError } from './errors';
import { CliIo, LINT_HELP, runLint } from './lint-command';
import { runIndex } from './index-command';
import { runParse } from './parse-command';
import { colorFromEnv } from './io';

export const IMR_HELP = `Usage: imr <command> [options]

Commands:
  lint [options] <file|folder>...   lint letters (same as imr-lint; imr lint --help)
  parse FILE [--json] [--ranges]    print the structured determination
  index check FILE...               validate MTUS index files (schema and consistency)
  index search TEXT                 find MTUS topics by name or alias, with their pages
  index verify --pdf F --guideline ID  check the index against a guideline PDF (--write corrections)
  index harvest FOLDER...           citations of a letter archive: counts, page consensus vs the index
  new [--template NAME] [FILE]      write a new letter from a template (--list shows templates)
  export LETTER [-o OUT] [--format pdf|txt] [--force]
                                    write the letter as sent: PDF, or text without suppression comments
  --version                         print the version`;

export function version(): string {
  try {
    // package.json sits at the repository/package root, above out/ or dist/
    const { findAsset } = require('../engine/assets') as typeof import('../engine/assets');
    const p = findAsset('package.json');
    return p ? (JSON.parse(fs.readFileSync(p, 'utf8')) as { version: string }).version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function defaultIo(): CliIo {
  // `imr … | head` closes the pipe early: stop quietly instead of printing an EPIPE stack trace
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: () => fs.readFileSync(0, 'utf8'),
    cwd: process.cwd(),
    color: colorFromEnv(process.env, !!process.stdout.isTTY),
    // read from package.json only when a formatter or --version asks (a one-letter run does not)
    get version() {
      return version();
    },
  };
}

/**
 * Runs a command and turns every failure into exit 2 with one line on stderr — never a stack trace.
 * An asynchronous command (index verify/harvest) gives a promise of its exit code.
 */
export function guarded<R extends number | Promise<number>>(fn: () => R, io: CliIo, prog: string): R | number {
  const fail = (e: unknown): number => {
    if (e instanceof UsageError) io.stderr(`${prog}: ${e.message}\n`);
    else if (e instanceof ToolError) io.stderr(`${prog}: ${e.message}\n`);
    else io.stderr(`${prog}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  };
  try {
    const r = fn();
    return (r instanceof Promise ? r.catch(fail) : r) as R;
  } catch (e) {
    return fail(e);
  }
}

/**
 * \`imr\` with every command: \`export\` renders asynchronously (PDF), the others run synchronously.
 * Failures end as in \`guarded\`: exit 2 with one line.
 */
export async function runImrAsync(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] !== 'export') return guarded(() => runImr(argv, io), io, 'imr');
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { runExport } = require('./export-command') as typeof import('./export-command');
    return await runExport(argv.slice(1), io);
  } catch (e) {
    return guarded(() => {
      throw e;
    }, io, 'imr');
  }
}

export function runImr(argv: string[], io: CliIo): number | Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'lint':
      return runLint(rest, io);
    case 'parse':
      return runParse(rest, io);
    case 'index':
      return runIndex(rest, io);
    case 'new': {
      const { runNew } = require('./new-command') as typeof import('./new-command');
      return runNew(rest, io);
    }
    case '--version':
    case '-v':
      io.stdout(`${io.version}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
      io.stdout(`${IMR_HELP}\n`);
      return cmd === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${cmd}" (imr --help lists the commands)`);
  }
}

export { LINT_HELP };
