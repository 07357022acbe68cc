import * as fs from 'fs';
import * as path from 'path';
import { expandTemplate, findTemplate, TEMPLATES } from '../templates/templates';
import { CommandSpec, commandHelp, HELP_OPTION, parseCommand } from './args';
import { UsageError } from './errors';
import { ToolError } from './errors';
import { CliIo } from './lint-command';

export const NEW_COMMAND: CommandSpec = {
  name: 'imr new',
  usage: ['imr new [--template NAME] [FILE]', 'imr new --list'],
  description: `Writes a new letter from a template to FILE (never over an existing file), or to standard output.
Fill in every [[…]] and XX/XX/XXXX marker: imr-lint reports the ones left (rule placeholder).`,
  options: [
    { name: 'template', short: 't', type: 'string', value: 'NAME', default: 'letter', help: 'the template; --list shows them' },
    { name: 'list', type: 'boolean', help: 'list the templates' },
    HELP_OPTION,
  ],
};

export const NEW_HELP = commandHelp(NEW_COMMAND);

export function runNew(argv: string[], io: CliIo): number {
  const args = parseCommand(argv, NEW_COMMAND);
  if (args.flag('help')) {
    io.stdout(`${NEW_HELP}\n`);
    return 0;
  }
  if (args.flag('list')) {
    const width = Math.max(...TEMPLATES.map((t) => t.name.length));
    for (const t of TEMPLATES) io.stdout(`${t.name.padEnd(width)}  ${t.description}\n`);
    return 0;
  }
  const name = args.string('template') ?? 'letter';
  const template = findTemplate(name);
  if (!template) throw new UsageError(`unknown template "${name}" (${TEMPLATES.map((t) => t.name).join(', ')})`);
  if (args.positionals.length > 1) throw new UsageError('give at most one FILE');
  const text = expandTemplate(template);
  const target = args.positionals[0];
  if (target === undefined || target === '-') {
    io.stdout(text);
    return 0;
  }
  const file = path.resolve(io.cwd, target);
  writeNew(file, text, target);
  io.stderr(`imr new: wrote ${target} from template "${template.name}"; fill in the [[…]] and XX/XX/XXXX markers.\n`);
  return 0;
}

/** Creates `file` with `text`; an existing file is never touched (exclusive create). */
function writeNew(file: string, text: string, shown: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ToolError(`${shown}: file exists; not overwritten (choose another name or delete it first)`);
    throw new ToolError(`${shown}: cannot create (${code ?? String(e)})`);
  }
  try {
    fs.writeFileSync(fd, text, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}
