import { parseArgs as nodeParseArgs } from 'node:util';
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
  help: string;
}

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses `argv` by `specs` with node:util's parseArgs; bad usage is a UsageError naming the option. */
export function parseOptions(argv: string[], specs: readonly OptionSpec[]): Parsed {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const s of specs) options[s.name] = { type: s.type, ...(s.short ? { short: s.short } : {}), ...(s.multiple ? { multiple: true } : {}) };
  // `--max-warnings -1`: a value that starts with "-" belongs to the option before it (as `--name=value`)
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i));
      break;
    }
    const spec = specs.find((s) => s.type === 'string' && (a === `--${s.name}` || (s.short !== undefined && a === `-${s.short}`)));
    if (spec && i + 1 < argv.length && argv[i + 1].startsWith('-')) args.push(`--${spec.name}=${argv[++i]}`);
    else args.push(a);
  }
  try {
    const { values, positionals } = nodeParseArgs({ args, options, strict: true, allowPositionals: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const opt = /'(-[^']*)'/.exec(err.message)?.[1];
    const name = opt?.replace(/^(--?[^\s,=]+).*$/, '$1');
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${name ?? err.message}`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const spec = specs.find((s) => `--${s.name}` === name || `-${s.short}` === name);
      throw new UsageError(spec?.type === 'boolean' ? `option --${spec.name} takes no value` : `option ${spec ? `--${spec.name}` : (name ?? '')} needs a value`);
    }
    throw new UsageError(err.message.split('\n')[0]);
  }
}

/** The options part of a --help text, generated from the table. */
export function optionsHelp(specs: readonly OptionSpec[]): string {
  const rows = specs.map((s) => [`${s.short ? `-${s.short}, ` : '    '}--${s.name}${s.value ? ` ${s.value}` : ''}`, s.help]);
  const width = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`).join('\n');
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/**
 * The older call shape (`--name`/`-n` lists of valued and boolean options), on top of node:util's
 * parseArgs; used by the smaller `imr` subcommands.
 */
export function parseArgs(argv: string[], valued: string[], booleans: string[]): ParsedArgs {
  const specs: OptionSpec[] = [];
  const longOf = new Map<string, string>();
  const add = (list: string[], type: 'string' | 'boolean') => {
    for (const n of list) {
      if (n.startsWith('--')) specs.push({ name: n.slice(2), type, help: '', multiple: type === 'string' });
    }
    for (const n of list) {
      if (n.startsWith('--') || !/^-[a-zA-Z]$/.test(n)) continue;
      // a short alias: attach it to the long option of the same type it abbreviates, else stand-alone
      const long = specs.find((s) => s.type === type && !s.short && s.name.startsWith(n[1]));
      if (long) long.short = n[1];
      else specs.push({ name: n.slice(1), type, help: '', multiple: type === 'string' });
      longOf.set(n, long ? `--${long.name}` : n);
    }
  };
  add(valued, 'string');
  add(booleans, 'boolean');
  const { values, positionals } = parseOptions(argv, specs);
  const flags = new Map<string, string | true>();
  for (const s of specs) {
    const v = values[s.name];
    if (v === undefined) continue;
    const val: string | true = Array.isArray(v) ? v[v.length - 1] : v === true ? true : String(v);
    const key = s.name.length === 1 && valued.concat(booleans).includes(`-${s.name}`) ? `-${s.name}` : `--${s.name}`;
    flags.set(key, val);
    // also under the short alias, as the callers ask for either
    for (const [short, long] of longOf) if (long === key && short !== key) flags.set(short, val);
  }
  return { positional: positionals, flags };
}
