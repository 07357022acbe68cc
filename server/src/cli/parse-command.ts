import * as path from 'path';
import { createConfigResolver, createIndexProvider, parseLetter, SourceText, toJson, looksBinary } from '../engine';
import { parseArgs } from './args';
import { UsageError } from './files';
import { readLetter } from './io';
import { CliIo, ToolError } from './lint-command';

export function runParse(argv: string[], io: CliIo): number {
  const args = parseArgs(argv, ['--config'], ['--json', '--ranges']);
  if (args.positional.length !== 1) throw new UsageError('usage: imr parse FILE [--json] [--ranges]');
  const file = path.resolve(io.cwd, args.positional[0]);
  const text = args.positional[0] === '-' ? io.readStdin() : readLetter(file);
  if (looksBinary(text)) throw new ToolError(`${file}: not a text file`);
  const configFile = args.flags.get('--config');
  const { config, problems } = createConfigResolver({ explicitFile: typeof configFile === 'string' ? configFile : undefined }).forFile(file);
  if (!config) throw new ToolError(`${problems[0].file}${problems[0].line !== undefined ? `:${problems[0].line + 1}` : ''}: invalid config: ${problems[0].message}`);
  const { index, problems: ip } = createIndexProvider().get(config.index);
  if (ip.length > 0) throw new ToolError(`${ip[0].file}${ip[0].line !== undefined ? `:${ip[0].line + 1}` : ''}: invalid MTUS index: ${ip[0].message}`);
  const det = parseLetter(new SourceText(text), index);
  const { json } = toJson(det, !!args.flags.get('--ranges'));
  io.stdout(JSON.stringify(json, null, 2) + '\n');
  return 0;
}
