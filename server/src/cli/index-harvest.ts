/** `imr index harvest FOLDER…`: the CLI face of engine/mtus/harvest (streams letters, one at a time). */
import * as fs from 'fs';
import * as path from 'path';
import { createFileSelector, createIndexProvider, defaultConfig, looksBinary, parseLetter, READ_LIMITS, readTextChecked } from '../engine';
import { HarvestAggregator, HarvestRow } from '../engine/mtus/harvest/harvest';
import { CommandSpec, commandHelp, HELP_OPTION, parseCommand } from './args';
import { ToolError, UsageError } from './errors';
import { EXTRA_INDEX_OPTION } from './index-command';
import { CliIo } from './lint-command';
import { indexFor } from './setup';

export const HARVEST_COMMAND: CommandSpec = {
  name: 'imr index harvest',
  summary: 'every citation in an archive of letters, with counts and page consensus',
  usage: ['imr index harvest FOLDER|FILE... [--format stylish|json|csv] [--index FILE]...'],
  description: `Reads every letter of an archive (*.imr, *.txt; .imrlintignore and .gitignore apply) and lists each
cited guideline topic with how often it is cited, the pages the letters agree on and the index's pages.`,
  options: [{ name: 'format', type: 'string', value: 'NAME', default: 'stylish', help: 'stylish, json or csv' }, EXTRA_INDEX_OPTION, HELP_OPTION],
};

/** An archive's letters are *.imr, *.imr.txt and plain pdftotext output (*.txt). */
const ARCHIVE_INCLUDE = ['**/*.imr', '**/*.txt'];

/** Letter files of an archive, through the engine's file selection (its walk, .imrlintignore, .gitignore), one at a time. */
function* letterFiles(arg: string): Generator<string> {
  let st: fs.Stats;
  try {
    st = fs.statSync(arg);
  } catch {
    throw new UsageError(`${arg}: no such file or directory`);
  }
  if (st.isFile()) {
    yield arg;
    return;
  }
  if (!st.isDirectory()) throw new ToolError(`${arg}: not a regular file or folder`);
  const dir = path.resolve(arg);
  const unreadable = (d: string, code: string) => {
    throw new ToolError(`${d}: cannot read folder (${code})`);
  };
  yield* createFileSelector({ cwd: dir, config: { ...defaultConfig(dir), include: ARCHIVE_INCLUDE } }).walkSync(dir, unreadable);
}

const CSV_HEADER = ['status', 'guideline', 'year', 'guidelineId', 'section', 'topic', 'count', 'letters', 'consensusPages', 'consensusLetters', 'indexPages', 'verified', 'pages', 'variants'];

function csvCell(v: unknown): string {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(rows: HarvestRow[]): string {
  const out = [CSV_HEADER.join(',')];
  for (const r of rows) {
    out.push(
      [r.status, r.guideline, r.year, r.guidelineId, r.section, r.topic, r.count, r.letters, r.consensus?.pages, r.consensus?.letters, r.indexPages, r.verified, r.pages.map((p) => `${p.pages} (${p.letters})`).join('; '), r.variants.join('; ')]
        .map(csvCell)
        .join(','),
    );
  }
  return out.join('\n') + '\n';
}

const STATUS_TEXT: Record<HarvestRow['status'], string> = {
  'unknown-guideline': 'guideline not in the index',
  'unknown-section': 'section not in the index',
  'consensus-disagrees': 'letters cite other pages',
  'consensus-agrees': 'letters agree with the index',
  known: 'known',
};

function stylish(rows: HarvestRow[], letters: number, skipped: number): string {
  const out: string[] = [];
  for (const r of rows) {
    const what = `${r.guideline}${r.year ? ` ${r.year}` : ''} — ${r.section || '(no section)'}${r.topic && r.topic !== r.section ? ` → ${r.topic}` : ''}`;
    let pages = '';
    if (r.consensus) pages = `; pages ${r.consensus.pages} in ${r.consensus.letters} letter(s), index ${r.indexPages || 'none'}${r.verified === false ? ' (unverified)' : ''}`;
    out.push(`${STATUS_TEXT[r.status].padEnd(29)} ${String(r.letters).padStart(5)} letters ${String(r.count).padStart(5)}×  ${what}${pages}`);
  }
  out.push('', `${letters} letter(s) read${skipped ? `, ${skipped} skipped (binary or too large)` : ''}; ${rows.length} distinct citation(s); ${rows.filter((r) => r.status === 'unknown-section').length} unknown section(s), ${rows.filter((r) => r.status === 'consensus-disagrees').length} page consensus(es) disagreeing with the index`);
  return out.join('\n') + '\n';
}

export function runHarvest(rest: string[], io: CliIo): number {
  const args = parseCommand(rest, HARVEST_COMMAND);
  if (args.flag('help')) {
    io.stdout(`${commandHelp(HARVEST_COMMAND)}\n`);
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError(`usage: ${HARVEST_COMMAND.usage[0]}`);
  const format = args.string('format');
  if (format !== 'stylish' && format !== 'json' && format !== 'csv') throw new UsageError(`--format must be stylish, json or csv, not "${String(format)}"`);
  const index = indexFor(createIndexProvider(), args.list('index').map((f) => path.resolve(io.cwd, f)));
  const agg = new HarvestAggregator(index);
  let skipped = 0;
  for (const arg of args.positionals) {
    for (const file of letterFiles(path.resolve(io.cwd, arg))) {
      let text: string;
      try {
        text = readTextChecked(file, READ_LIMITS.letter).text;
      } catch {
        skipped++;
        continue;
      }
      if (looksBinary(text)) {
        skipped++;
        continue;
      }
      agg.add(parseLetter(text, index));
    }
  }
  const rows = agg.rows();
  if (format === 'json') io.stdout(JSON.stringify({ letters: agg.lettersSeen, skipped, rows }, null, 2) + '\n');
  else if (format === 'csv') io.stdout(csv(rows));
  else io.stdout(stylish(rows, agg.lettersSeen, skipped));
  return 0;
}
