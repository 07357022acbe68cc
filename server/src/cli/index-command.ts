import * as path from 'path';
import { checkIndex, createIndexProvider, FileReadError, pushAll, READ_LIMITS, readTextChecked, searchIndex } from '../engine';
import { CommandSpec, commandHelp, HELP_OPTION, OptionSpec, parseCommand } from './args';
import { ToolError, UsageError } from './errors';
import { CliIo } from './lint-command';
import { indexFor } from './setup';

/** `--index FILE`, repeatable: the extra index files of search, verify and harvest. */
export const EXTRA_INDEX_OPTION: OptionSpec = { name: 'index', type: 'string', multiple: true, value: 'FILE', help: 'an extra MTUS index file loaded on top of the bundled one (repeatable)' };

export const INDEX_CHECK_COMMAND: CommandSpec = {
  name: 'imr index check',
  summary: 'validate MTUS index files (schema and consistency)',
  usage: ['imr index check FILE... [--json]'],
  description: 'Validates MTUS index files (schema and consistency). Exit 1 when a file has problems, 2 when one cannot be read.',
  options: [{ name: 'json', type: 'boolean', help: 'print the problems as JSON' }, HELP_OPTION],
};

export const INDEX_SEARCH_COMMAND: CommandSpec = {
  name: 'imr index search',
  summary: 'find MTUS topics by name or alias, with their pages',
  usage: ['imr index search TEXT [--json] [--max N] [--index FILE]...'],
  description: 'Finds MTUS topics by name or alias, with their pages.',
  options: [{ name: 'json', type: 'boolean', help: 'print the topics as JSON' }, { name: 'max', type: 'string', value: 'N', default: '20', help: 'at most N topics' }, EXTRA_INDEX_OPTION, HELP_OPTION],
};

/** `imr index check|search|verify|harvest`. check exits 1 when a file has problems, 2 when it cannot be read. */
export function runIndex(argv: string[], io: CliIo): number | Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'verify') {
    const { runVerify } = require('./index-verify') as typeof import('./index-verify');
    return runVerify(rest, io);
  }
  if (sub === 'harvest') {
    const { runHarvest } = require('./index-harvest') as typeof import('./index-harvest');
    return runHarvest(rest, io);
  }
  if (sub === 'check') {
    const args = parseCommand(rest, INDEX_CHECK_COMMAND);
    if (args.flag('help')) {
      io.stdout(`${commandHelp(INDEX_CHECK_COMMAND)}\n`);
      return 0;
    }
    if (args.positionals.length === 0) throw new UsageError(`usage: ${INDEX_CHECK_COMMAND.usage[0]}`);
    let problems = 0;
    const all: { file: string; line?: number; message: string }[] = [];
    for (const f of args.positionals) {
      const file = path.resolve(io.cwd, f);
      let text: string;
      try {
        text = readTextChecked(file, READ_LIMITS.index).text;
      } catch (e) {
        throw new ToolError(e instanceof FileReadError ? e.message : `${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
      const found = checkIndex({ text, file });
      problems += found.length;
      pushAll(all, found);
    }
    if (args.flag('json')) io.stdout(JSON.stringify(all, null, 2) + '\n');
    else {
      for (const p of all) io.stdout(`${path.relative(io.cwd, p.file) || p.file}${p.line !== undefined ? `:${p.line + 1}` : ''}: ${p.message}\n`);
      io.stdout(problems === 0 ? `${args.positionals.length} index file(s) OK\n` : `${problems} problem(s)\n`);
    }
    return problems === 0 ? 0 : 1;
  }
  if (sub === 'search') {
    const args = parseCommand(rest, INDEX_SEARCH_COMMAND);
    if (args.flag('help')) {
      io.stdout(`${commandHelp(INDEX_SEARCH_COMMAND)}\n`);
      return 0;
    }
    const text = args.positionals.join(' ').trim();
    if (!text) throw new UsageError(`usage: ${INDEX_SEARCH_COMMAND.usage[0]}`);
    const max = Number(args.string('max'));
    if (!Number.isInteger(max) || max < 1) throw new UsageError(`--max needs a whole number of at least 1, not "${String(args.string('max'))}"`);
    const index = indexFor(createIndexProvider(), args.list('index').map((f) => path.resolve(io.cwd, f)));
    const hits = searchIndex(index, text, max);
    if (args.flag('json')) {
      io.stdout(JSON.stringify(hits.map((h) => ({ guideline: h.guideline.id, title: h.guideline.title, year: h.guideline.year, topic: h.topic.name, number: h.topic.number, pages: h.pages, verified: h.topic.verified, score: Number(h.score.toFixed(3)) })), null, 2) + '\n');
    } else {
      for (const h of hits) io.stdout(`${h.guideline.title} ${h.guideline.year}: ${h.topic.number ? h.topic.number + ' ' : ''}${h.topic.name}${h.pages ? `  Page(s): ${h.pages}` : ''}${h.topic.verified ? '' : '  (unverified)'}\n`);
      if (hits.length === 0) io.stdout('no matching topics\n');
    }
    return 0;
  }
  io.stdout(indexHelp() + '\n');
  return sub === undefined || sub === '--help' || sub === '-h' ? 0 : 2;
}

/** `imr index --help`: the subcommands' usage lines and summaries, from their tables. */
function indexHelp(): string {
  const { VERIFY_COMMAND } = require('./index-verify') as typeof import('./index-verify');
  const { HARVEST_COMMAND } = require('./index-harvest') as typeof import('./index-harvest');
  const commands = [INDEX_CHECK_COMMAND, INDEX_SEARCH_COMMAND, VERIFY_COMMAND, HARVEST_COMMAND];
  const usage = commands.flatMap((c) => c.usage).map((u, i) => `${i === 0 ? 'Usage: ' : '       '}${u}`);
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary ?? ''}`);
  return [...usage, '', ...list, '', 'imr index COMMAND --help shows the options of a command.'].join('\n');
}
