import * as path from 'path';
import { createConfigResolver, createIndexProvider, parseLetter, SourceText, toJson, looksBinary } from '../engine';
import { CommandSpec, commandHelp, HELP_OPTION, parseCommand } from './args';
import { ToolError, UsageError } from './errors';
import { readLetter } from './io';
import { CliIo } from './lint-command';
import { resolveSetup } from './setup';

export const PARSE_COMMAND: CommandSpec = {
  name: 'imr parse',
  usage: ['imr parse FILE [--json] [--ranges] [--config FILE]'],
  description: 'Prints the structured determination of a letter (header, sections, items) as JSON; FILE - reads standard input.',
  options: [
    { name: 'json', type: 'boolean', help: 'print JSON (the only output format; accepted for scripts that pass it)' },
    { name: 'ranges', type: 'boolean', help: 'include the source range of every part' },
    { name: 'config', type: 'string', value: 'FILE', help: 'use this config file (for its extra MTUS index files) instead of discovering .imrlintrc.*' },
    HELP_OPTION,
  ],
};

export function runParse(argv: string[], io: CliIo): number {
  const args = parseCommand(argv, PARSE_COMMAND);
  if (args.flag('help')) {
    io.stdout(`${commandHelp(PARSE_COMMAND)}\n`);
    return 0;
  }
  const [input] = args.positionals;
  if (input === undefined || args.positionals.length !== 1) throw new UsageError(`usage: ${PARSE_COMMAND.usage[0]}`);
  const file = path.resolve(io.cwd, input);
  const text = input === '-' ? io.readStdin() : readLetter(file);
  if (looksBinary(text)) throw new ToolError(`${file}: not a text file`);
  const configFile = args.string('config');
  const configs = createConfigResolver({ explicitFile: configFile !== undefined ? path.resolve(io.cwd, configFile) : undefined, cwd: io.cwd });
  const { index } = resolveSetup(configs, createIndexProvider(), file);
  const det = parseLetter(new SourceText(text), index);
  const { json } = toJson(det, args.flag('ranges'));
  io.stdout(JSON.stringify(json, null, 2) + '\n');
  return 0;
}
