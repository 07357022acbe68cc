import * as fs from 'fs';
import * as path from 'path';
import { createConfigResolver, createIndexProvider, FileReadError, Finding, lintText, looksBinary, READ_LIMITS, readFileChecked } from '../engine';
import { defaultExportPath, EXPORT_FORMATS, ExportFormat, exportText, exportTextBytes, formatFromPath, layoutLetter, renderPdf, writeFileAtomic, WriteRefusedError } from '../engine/render';
import { CommandSpec, commandHelp, HELP_OPTION, parseCommand } from './args';
import { ToolError, UsageError } from './errors';
import { stylish } from './formatters/stylish';
import { CliIo } from './lint-command';
import { resolveSetup } from './setup';

export const EXPORT_COMMAND: CommandSpec = {
  name: 'imr export',
  usage: ['imr export LETTER [-o OUT] [--format pdf|txt] [--force] [--config FILE]'],
  description: `Writes the letter as it is sent: a PDF (US Letter, page numbers) or the text without its
suppression comments. The format comes from --format, else from OUT's extension, else pdf.
Without -o the export goes next to the letter: case.imr → case.pdf / case.txt (a text letter
named case.txt exports to case.export.txt). -o - writes a text export to standard output.`,
  options: [
    { name: 'output', short: 'o', type: 'string', value: 'OUT', help: 'write the export to OUT; - writes a text export to standard output' },
    { name: 'format', short: 'f', type: 'string', value: 'FORMAT', help: `${EXPORT_FORMATS.join(' or ')} (default: from OUT's extension, else pdf)` },
    { name: 'force', type: 'boolean', help: 'export a letter with errors anyway (its findings printed as warnings)' },
    { name: 'config', short: 'c', type: 'string', value: 'FILE', help: 'use this config file instead of discovering .imrlintrc.*' },
    HELP_OPTION,
  ],
  footer: `A letter with errors is not exported (exit 1, the errors are printed); --force exports it anyway
and prints its findings as warnings. Exit 2: the letter cannot be read or the output not written.`,
};

export const EXPORT_HELP = commandHelp(EXPORT_COMMAND);

/** `imr export`: lint, refuse on errors unless --force, render, write atomically. */
export async function runExport(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommand(argv, EXPORT_COMMAND);
  const positionals = args.positionals;
  const values = { output: args.string('output'), format: args.string('format'), force: args.flag('force'), config: args.string('config') };
  if (args.flag('help')) {
    io.stdout(EXPORT_HELP + '\n');
    return 0;
  }
  const [input] = positionals;
  if (input === undefined || positionals.length !== 1) throw new UsageError(`usage: ${EXPORT_COMMAND.usage[0]}`);
  const file = path.resolve(io.cwd, input);

  const format = chooseFormat(values.format, values.output);
  const toStdout = values.output === '-';
  if (toStdout && format === 'pdf') throw new UsageError('a PDF is not written to standard output: name a file with -o');
  const out = toStdout ? '-' : values.output !== undefined ? path.resolve(io.cwd, values.output) : defaultExportPath(file, format);
  if (!toStdout && sameFile(out, file)) throw new UsageError(`${out}: the export would replace the letter itself`);

  const bytes = readBytes(file);
  const text = bytes.toString('utf8');
  if (looksBinary(text)) throw new ToolError(`${file}: not a text file`);

  const configFile = values.config !== undefined ? path.resolve(io.cwd, values.config) : undefined;
  if (configFile !== undefined && !fs.existsSync(configFile)) throw new ToolError(`${values.config}: config file not found`);
  const configs = createConfigResolver({ explicitFile: configFile, cwd: io.cwd });
  const { config, index } = resolveSetup(configs, createIndexProvider(), file);
  const result = lintText({ text, config, index });
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && !values.force) {
    io.stderr(report(file, errors, io));
    io.stderr(`imr export: ${rel(io, file)} has ${errors.length} error${errors.length === 1 ? '' : 's'}: not exported (--force exports anyway)\n`);
    return 1;
  }
  if (result.findings.length > 0 && values.force) {
    // exported anyway: every finding is shown, as a warning
    io.stderr(report(file, result.findings.map((f) => ({ ...f, severity: f.severity === 'error' ? 'warning' : f.severity })), io));
  }

  if (toStdout) {
    io.stdout(exportText(text));
    return 0;
  }
  const data = format === 'txt' ? exportTextBytes(bytes) : await renderPdf(layoutLetter(result.source, result.determination), { producer: `imr-letter-tools ${io.version}` });
  try {
    writeFileAtomic(out, data);
  } catch (e) {
    throw new ToolError(`${out}: cannot write (${e instanceof WriteRefusedError ? e.detail : (e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  io.stdout(`${rel(io, out)}\n`);
  return 0;
}

function chooseFormat(given: string | undefined, output: string | undefined): ExportFormat {
  if (given !== undefined) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(given)) throw new UsageError(`unknown export format "${given}" (${EXPORT_FORMATS.join(', ')})`);
    return given as ExportFormat;
  }
  return (output !== undefined && output !== '-' ? formatFromPath(output) : undefined) ?? (output === '-' ? 'txt' : 'pdf');
}

/** The letter's bytes through the engine's checked reader (a regular file of at most 8 MB). */
function readBytes(file: string): Buffer {
  try {
    return readFileChecked(file, READ_LIMITS.letter).bytes;
  } catch (e) {
    throw new ToolError(e instanceof FileReadError ? e.message : `${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

function rel(io: CliIo, file: string): string {
  return path.relative(io.cwd, file) || file;
}

function report(file: string, findings: Finding[], io: CliIo): string {
  const s = stylish([{ filePath: file, findings }], { cwd: io.cwd, version: io.version, color: false });
  return s.endsWith('\n') ? s : s + '\n';
}
