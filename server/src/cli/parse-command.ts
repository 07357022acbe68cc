import * as path from 'path';
import { createConfigResolver, createIndexProvider, parseLetter, SourceText, toJson, looksBinary } from '../engine';
import { parseArgs } from './args';
import { ToolError, UsageError } from './errors';
import { readLetter } from './io';
import { CliIo } from './lint-command';
import { resolveSetup } from './setup';

export function runParse(argv: string[], io: CliIo): number {
  const args = parseArgs(argv, ['--config'], ['--json', '--ranges']);
  if (args.positional.length !== 1) throw new UsageError('usage: imr parse FILE [--json] [--ranges]');
  const file = path.resolve(io.cwd, args.positional[0]);
  const text = args.positional[0] === '-' ? io.readStdin() : readLetter(file);
  if (looksBinary(text)) throw new ToolError(`${file}: not a text file`);
  const configFile = args.flags.get('--config');
  const configs = createConfigResolver({ explicitFile: typeof configFile === 'string' ? configFile : undefined, cwd: io.cwd });
  const { index } = resolveSetup(configs, createIndexProvider(), file);
  const det = parseLetter(new SourceText(text), index);
  const { json } = toJson(det, !!args.flags.get('--ranges'));
  io.stdout(JSON.stringify(json, null, 2) + '\n');
  return 0;
}
