import * as fs from 'fs';
import * as path from 'path';
import { ConfigResolver, createConfigResolver, createIndexProvider, Finding, IndexProvider, lintText, RULE_CATEGORIES, RuleCategory, runFixLoop, unifiedDiff } from '../engine';
import { parseArgs } from './args';
import { ToolError, UsageError } from './errors';
import { collectFiles } from './files';
import { resolveSetup } from './setup';
import { FileResult, Formatter } from './formatters/types';
import { json } from './formatters/json';
import { sarif } from './formatters/sarif';
import { stylish } from './formatters/stylish';
import { atomicWrite, readLetter } from './io';

export const FORMATTERS: Record<string, Formatter> = { stylish, json, sarif };

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  cwd: string;
  color: boolean;
  version: string;
}


export const LINT_HELP = `Usage: imr-lint [options] <file|folder>...
       imr-lint --stdin [--stdin-filename NAME]

Lints IMR determination letters. Files are linted whatever their extension; folders contribute
every *.imr and *.imr.txt below them (or the config's include globs).

Options:
  --format stylish|json|sarif   output format (default: stylish)
  --fix                         write the fixes back to the files (never suggestions)
  --fix-dry-run                 print a unified diff of what --fix would write; write nothing
  --fix-type LIST               fix only rules of these kinds: ${RULE_CATEGORIES.join(', ')}
  --max-warnings N              exit 1 when there are more than N warnings
  --quiet                       report errors only
  --config FILE                 use this config file instead of discovering .imrlintrc.*
  --print-config FILE           print the configuration that applies to FILE and exit
  --report-unused-suppressions  report imr-disable comments that suppress nothing
  --stdin                       lint the text on standard input
  --stdin-filename NAME         the name to report (and to find config for) with --stdin
  -h, --help                    show this help

Exit status: 0 no errors, 1 errors (or too many warnings), 2 the run could not be done.`;

export function runLint(argv: string[], io: CliIo): number {
  const args = parseArgs(
    argv,
    ['--format', '-f', '--max-warnings', '--config', '-c', '--stdin-filename', '--print-config', '--fix-type'],
    ['--fix', '--fix-dry-run', '--quiet', '--stdin', '--help', '-h', '--report-unused-suppressions', '--no-color', '--color'],
  );
  const flag = (...names: string[]) => names.map((n) => args.flags.get(n)).find((v) => v !== undefined);
  if (flag('--help', '-h')) {
    io.stdout(LINT_HELP + '\n');
    return 0;
  }
  const formatName = String(flag('--format', '-f') ?? 'stylish');
  const formatter = FORMATTERS[formatName];
  if (!formatter) throw new UsageError(`unknown format "${formatName}" (stylish, json, sarif)`);
  const maxWarningsRaw = flag('--max-warnings');
  const maxWarnings = maxWarningsRaw === undefined ? -1 : Number(maxWarningsRaw);
  // as in ESLint, -1 means no limit
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings needs a whole number (-1 for no limit), not "${String(maxWarningsRaw)}"`);
  const configFile = flag('--config', '-c');
  if (typeof configFile === 'string' && !fs.existsSync(configFile)) throw new ToolError(`${configFile}: config file not found`);
  const configs = createConfigResolver({ explicitFile: typeof configFile === 'string' ? configFile : undefined, cwd: io.cwd });
  const indexes = createIndexProvider();
  const quiet = !!flag('--quiet');
  const fix = !!flag('--fix');
  const dryRun = !!flag('--fix-dry-run');
  if (fix && dryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  const fixTypes = parseFixTypes(flag('--fix-type'), fix || dryRun);
  const diffs: string[] = [];
  const reportUnused = !!flag('--report-unused-suppressions');
  const color = flag('--no-color') ? false : flag('--color') ? true : io.color;

  const printConfig = flag('--print-config');
  if (typeof printConfig === 'string') {
    const { config, index } = resolveSetup(configs, indexes, path.resolve(io.cwd, printConfig));
    io.stdout(JSON.stringify({ ...config, indexLoaded: index.label }, null, 2) + '\n');
    return 0;
  }

  const results: FileResult[] = [];
  if (flag('--stdin')) {
    if (fix) throw new UsageError('--fix cannot be used with --stdin');
    if (args.positional.length > 0) throw new UsageError('give either --stdin or files, not both');
    const name = flag('--stdin-filename');
    const filePath = typeof name === 'string' ? path.resolve(io.cwd, name) : '<stdin>';
    const text = io.readStdin();
    const result = lintOne(text, filePath, configs, indexes, reportUnused, typeof name === 'string' ? filePath : undefined);
    results.push(dryRun ? fixOne(result, configs, indexes, reportUnused, typeof name === 'string' ? filePath : undefined, fixTypes, diffs, io.cwd) : result);
  } else {
    if (args.positional.length === 0) throw new UsageError('no files given (try imr-lint --help)');
    const files = collectFiles(args.positional.map((p) => path.resolve(io.cwd, p)), configs);
    for (const file of files) {
      const original = readLetter(file);
      let result = lintOne(original, file, configs, indexes, reportUnused, file);
      if (fix || dryRun) {
        result = fixOne(result, configs, indexes, reportUnused, file, fixTypes, dryRun ? diffs : undefined, io.cwd);
        if (fix && result.text !== undefined && result.text !== original) atomicWrite(file, result.text);
      }
      results.push(result);
    }
  }
  for (const r of results) if (quiet) r.findings = r.findings.filter((f) => f.severity === 'error');
  const errors = count(results, (f) => f.severity === 'error');
  const warnings = count(results, (f) => f.severity !== 'error');
  // the diff of --fix-dry-run: on stdout before a stylish report, on stderr when stdout is JSON/SARIF
  if (diffs.length > 0) (formatName === 'stylish' ? io.stdout : io.stderr)(`${diffs.join('')}\n`);
  const out = formatter(results, { cwd: io.cwd, version: io.version, color });
  if (out) io.stdout(out.endsWith('\n') ? out : out + '\n');
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    if (formatName === 'stylish') io.stderr(`imr-lint found too many warnings (maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

function count(results: FileResult[], pred: (f: Finding) => boolean): number {
  return results.reduce((n, r) => n + r.findings.filter(pred).length, 0);
}

/** The categories of `--fix-type a,b`; every category when not given. */
function parseFixTypes(raw: string | true | undefined, fixing: boolean): RuleCategory[] | undefined {
  if (raw === undefined) return undefined;
  if (!fixing) throw new UsageError('--fix-type needs --fix or --fix-dry-run');
  const list = String(raw).split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = list.filter((s) => !(RULE_CATEGORIES as readonly string[]).includes(s));
  if (list.length === 0 || unknown.length > 0) throw new UsageError(`--fix-type: unknown kind "${unknown[0] ?? ''}" (${RULE_CATEGORIES.join(', ')})`);
  return list as RuleCategory[];
}

/**
 * Runs the engine's fix loop on a linted letter: the result describes the fixed text and how many fixes
 * were applied. With `diffs`, the unified diff of the change is added to it (--fix-dry-run).
 */
function fixOne(
  linted: FileResult,
  configs: ConfigResolver,
  indexes: IndexProvider,
  reportUnused: boolean,
  configPath: string | undefined,
  categories: RuleCategory[] | undefined,
  diffs: string[] | undefined,
  cwd: string,
): FileResult {
  const original = linted.text ?? '';
  const { config, index } = resolveSetup(configs, indexes, configPath);
  const loop = runFixLoop({
    text: original,
    findings: linted.findings,
    categories,
    lint: (text) => lintText({ text, config, index, reportUnusedSuppressions: reportUnused }).findings,
  });
  if (loop.total === 0) return linted;
  if (diffs) {
    const rel = path.isAbsolute(linted.filePath) ? path.relative(cwd, linted.filePath) : linted.filePath;
    diffs.push(unifiedDiff(rel.split(path.sep).join('/'), original, loop.text));
  }
  return { filePath: linted.filePath, findings: loop.findings, text: loop.text, fixed: { byRule: loop.applied, total: loop.total, written: !diffs } };
}

function lintOne(text: string, filePath: string, configs: ConfigResolver, indexes: IndexProvider, reportUnused: boolean, configPath: string | undefined): FileResult {
  const { config, index } = resolveSetup(configs, indexes, configPath);
  return { filePath, findings: lintText({ text, config, index, reportUnusedSuppressions: reportUnused }).findings, text };
}
