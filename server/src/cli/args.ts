import { parseArgs as nodeParseArgs } from 'node:util';
import { didYouMean } from '../engine';
import { UsageError } from './errors';

/** One command-line option: the table is the parser's input and the source of `--help`. */
export interface OptionSpec {
  /** Long name without dashes: `format` for `--format`. */
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  /** The option may be given more than once (values collected in order). */
  multiple?: boolean;
  /** Value placeholder in --help (`FILE`, `N`). */
  value?: string;
  /** The value when the option is not given; shown in --help as "(default: …)". */
  default?: string;
  help: string;
}

/**
 * A command: how it is typed, its usage lines and description, and its option table. `parseCommand`
 * parses by it and `commandHelp` writes its --help, so the two cannot drift.
 */
export interface CommandSpec {
  /** As typed: `imr-lint`, `imr index verify`. */
  name: string;
  /** One line for the list of commands (`imr index --help`). */
  summary?: string;
  /** The synopsis lines, without "Usage: ". */
  usage: readonly string[];
  /** What the command does (paragraphs), between the usage and the options. */
  description?: string;
  options: readonly OptionSpec[];
  /** After the options: exit status and the like. */
  footer?: string;
}

/** `--help` / `-h`, the same row in every command's table. */
export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', type: 'boolean', help: 'show this help' };

/** The parsed command line: typed reads of the table's options, and the positionals. */
export class ParsedOptions {
  constructor(
    private readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>,
    readonly positionals: string[],
  ) {}

  /** A string option's value (the last one when given more than once), else its default. */
  string(name: string): string | undefined {
    const v = this.values[name];
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    return typeof last === 'string' ? last : undefined;
  }

  /** Every value of a string option given more than once, in order. */
  list(name: string): string[] {
    const v = this.values[name];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }
}

/** Parses `argv` by `specs` with node:util's parseArgs; bad usage is a UsageError naming the option. */
export function parseOptions(argv: string[], specs: readonly OptionSpec[], command?: string): ParsedOptions {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string }> = {};
  for (const s of specs) {
    options[s.name] = { type: s.type, ...(s.short ? { short: s.short } : {}), ...(s.multiple ? { multiple: true } : {}), ...(s.default !== undefined && !s.multiple ? { default: s.default } : {}) };
  }
  // `--max-warnings -1`: a value that starts with "-" belongs to the option before it (as `--name=value`)
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.push(...argv.slice(i));
      break;
    }
    const spec = specs.find((s) => s.type === 'string' && (a === `--${s.name}` || (s.short !== undefined && a === `-${s.short}`)));
    if (spec && argv[i + 1]?.startsWith('-')) args.push(`--${spec.name}=${argv[++i]}`);
    else args.push(a);
  }
  try {
    const { values, positionals } = nodeParseArgs({ args, options, strict: true, allowPositionals: true });
    return new ParsedOptions(values, positionals);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const opt = /'(-[^']*)'/.exec(err.message)?.[1];
    const name = opt?.replace(/^(--?[^\s,=]+).*$/, '$1');
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const known = specs.flatMap((s) => [`--${s.name}`, ...(s.short ? [`-${s.short}`] : [])]);
      const guess = name !== undefined && name.startsWith('--') ? didYouMean(name, known) : '';
      throw new UsageError(`unknown option ${name ?? err.message.split('\n')[0]}${guess || (command ? ` (${command} --help lists the options)` : '')}`);
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const spec = specs.find((s) => `--${s.name}` === name || `-${s.short}` === name);
      throw new UsageError(spec?.type === 'boolean' ? `option --${spec.name} takes no value` : `option ${spec ? `--${spec.name}` : (name ?? '')} needs a value`);
    }
    throw new UsageError(err.message.split('\n')[0]);
  }
}

/** Parses `argv` by the command's option table. */
export function parseCommand(argv: string[], command: CommandSpec): ParsedOptions {
  return parseOptions(argv, command.options, command.name);
}

/** The options part of a --help text, generated from the table. */
export function optionsHelp(specs: readonly OptionSpec[]): string {
  const rows = specs.map((s): [string, string] => [`${s.short ? `-${s.short}, ` : '    '}--${s.name}${s.value ? ` ${s.value}` : ''}`, `${s.help}${s.default !== undefined ? ` (default: ${s.default})` : ''}`]);
  const width = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`).join('\n');
}

/** The whole --help text of a command: usage, description, the option table, footer. */
export function commandHelp(command: CommandSpec): string {
  const usage = command.usage.map((u, i) => `${i === 0 ? 'Usage: ' : '       '}${u}`).join('\n');
  return [usage, command.description, `Options:\n${optionsHelp(command.options)}`, command.footer].filter((p): p is string => p !== undefined && p !== '').join('\n\n');
}
