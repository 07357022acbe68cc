import * as fs from 'fs';
import { UsageError } from './errors';
import { ToolError } from './errors';
import { CliIo, LINT_HELP, runLint } from './lint-command';
import { runIndex } from './index-command';
import { runParse } from './parse-command';
import { colorFromEnv, readStdinChecked } from './io';
import * as path from 'path';

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
  // process.stdout and process.stderr are made on first use (a pipe loads node:net): a run that prints
  // nothing (a clean letter under pre-commit) never makes them
  const out = onFirstUse(() => process.stdout, 'standard output');
  const err = onFirstUse(() => process.stderr, 'standard error');
  return {
    stdout: (s) => out().write(s),
    stderr: (s) => err().write(s),
    readStdin: readStdinChecked,
    cwd: process.cwd(),
    get color() {
      return colorFromEnv(process.env, !!out().isTTY);
    },
    // read from package.json only when a formatter or --version asks (a one-letter run does not)
    get version() {
      return version();
    },
  };
}

/** The stream `get` gives, with exitOnOutputError attached the first time it is asked for. */
function onFirstUse(get: () => NodeJS.WriteStream, name: string): () => NodeJS.WriteStream {
  let ready = false;
  return () => {
    const stream = get();
    if (!ready) exitOnOutputError(stream, name);
    ready = true;
    return stream;
  };
}

/**
 * Standard output or error that cannot be written ends the run with exit 2 (the report was not
 * delivered), never with a stack trace: `imr-lint … | head` closing the pipe early (EPIPE) quietly, as
 * the reader left on purpose; a full disk (ENOSPC, `> /dev/full`) or any other error with one line on
 * standard error (when that can still be written).
 */
function exitOnOutputError(stream: NodeJS.WriteStream, name: string): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && stream !== process.stderr) {
      const prog = path.basename(process.argv[1] ?? 'imr').replace(/\.js$/, '');
      try {
        fs.writeSync(2, `${prog}: cannot write to ${name} (${e.code ?? e.message})\n`);
      } catch {
        /* standard error is gone too */
      }
    }
    process.exit(2);
  });
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
