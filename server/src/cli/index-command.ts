import * as path from 'path';
import { checkIndex, createIndexProvider, FileReadError, pushAll, READ_LIMITS, readTextChecked, searchIndex } from '../engine';
import { parseArgs } from './args';
import { ToolError, UsageError } from './errors';
import { CliIo } from './lint-command';
import { indexFor } from './setup';

const HELP = `Usage: imr index check FILE...     validate MTUS index files (schema + consistency)
       imr index search TEXT [--json] [--index FILE]...  find topics by name or alias
       imr index verify --pdf FILE --guideline ID [--index FILE]... [--format stylish|json] [--write FILE] [--page-offset N]
                                   check a guideline's topic pages against its PDF; --write a corrections file
       imr index harvest FOLDER... [--format stylish|json|csv] [--index FILE]...
                                   every citation in an archive of letters, with counts and page consensus`;

/** `imr index check|search|verify|harvest`. check exits 1 when a file has problems, 2 when it cannot be read. */
export function runIndex(argv: string[], io: CliIo): number | Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'verify') {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { runVerify } = require('./index-verify') as typeof import('./index-verify');
    return runVerify(rest, io);
  }
  if (sub === 'harvest') {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { runHarvest } = require('./index-harvest') as typeof import('./index-harvest');
    return runHarvest(rest, io);
  }
  if (sub === 'check') {
    const args = parseArgs(rest, [], ['--json']);
    if (args.positional.length === 0) throw new UsageError('usage: imr index check FILE...');
    let problems = 0;
    const all: { file: string; line?: number; message: string }[] = [];
    for (const f of args.positional) {
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
    if (args.flags.get('--json')) io.stdout(JSON.stringify(all, null, 2) + '\n');
    else {
      for (const p of all) io.stdout(`${path.relative(io.cwd, p.file) || p.file}${p.line !== undefined ? `:${p.line + 1}` : ''}: ${p.message}\n`);
      io.stdout(problems === 0 ? `${args.positional.length} index file(s) OK\n` : `${problems} problem(s)\n`);
    }
    return problems === 0 ? 0 : 1;
  }
  if (sub === 'search') {
    const args = parseArgs(rest, ['--index', '--max'], ['--json']);
    const text = args.positional.join(' ').trim();
    if (!text) throw new UsageError('usage: imr index search TEXT');
    const extra = [...rest.entries()].filter(([i, a]) => a === '--index' && rest[i + 1]).map(([i]) => path.resolve(io.cwd, rest[i + 1]));
    const index = indexFor(createIndexProvider(), extra);
    const hits = searchIndex(index, text, Number(args.flags.get('--max') ?? 20));
    if (args.flags.get('--json')) {
      io.stdout(JSON.stringify(hits.map((h) => ({ guideline: h.guideline.id, title: h.guideline.title, year: h.guideline.year, topic: h.topic.name, number: h.topic.number, pages: h.pages, verified: h.topic.verified, score: Number(h.score.toFixed(3)) })), null, 2) + '\n');
    } else {
      for (const h of hits) io.stdout(`${h.guideline.title} ${h.guideline.year}: ${h.topic.number ? h.topic.number + ' ' : ''}${h.topic.name}${h.pages ? `  Page(s): ${h.pages}` : ''}${h.topic.verified ? '' : '  (unverified)'}\n`);
      if (hits.length === 0) io.stdout('no matching topics\n');
    }
    return 0;
  }
  io.stdout(HELP + '\n');
  return sub === undefined || sub === '--help' ? 0 : 2;
}
