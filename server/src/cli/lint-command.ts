import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { createConfigResolver, createFileSelector, createIndexProvider, extensionGlobs, DEFAULT_MAX_TIME_PER_FILE_MS, Finding, MAX_TIME_PER_FILE_LIMIT_MS, pushAll, removeLeftoversNear, RULE_CATEGORIES, RuleCategory, RULES, runFixLoop, unifiedDiff } from '../engine';
import { CommandSpec, commandHelp, HELP_OPTION, OptionSpec, parseCommand } from './args';
import { ToolError, UsageError } from './errors';
import { loadFormatter, FORMATTERS } from './formatters';
import { FileResult } from './formatters/types';
import { displayPath } from './formatters/paths';
import { resolveSetup } from './setup';
import { atomicWrite, readLetterChecked } from './io';
import { lintFiles, lintOne, LintOptions } from './lint-one';

export { FORMATTERS };

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  cwd: string;
  /** Colour by default (terminal, FORCE_COLOR/NO_COLOR); --color/--no-color override it. */
  color: boolean;
  version: string;
}

/** imr-lint's options: parsed by node:util parseArgs and listed by --help, in this order. */
export const LINT_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', type: 'string', value: 'NAME', default: 'stylish', help: `output format: ${Object.keys(FORMATTERS).join(', ')}, or ./formatter.js` },
  { name: 'output-file', short: 'o', type: 'string', value: 'FILE', help: 'write the report to FILE instead of standard output' },
  { name: 'fix', type: 'boolean', help: 'write the fixes back to the files, never suggestions (through links, keeping modes)' },
  { name: 'fix-dry-run', type: 'boolean', help: 'print a unified diff of what --fix would write; write nothing' },
  { name: 'fix-type', type: 'string', value: 'LIST', help: `fix only rules of these kinds: ${RULE_CATEGORIES.join(', ')}` },
  { name: 'max-warnings', type: 'string', value: 'N', help: 'exit 1 when there are more than N warnings' },
  { name: 'max-time-per-file', type: 'string', value: 'MS', help: `stop linting a letter after MS milliseconds (per 200 KB of a larger letter): it gets one error, "not fully checked" (default ${DEFAULT_MAX_TIME_PER_FILE_MS}; 0 = no limit)` },
  { name: 'quiet', type: 'boolean', help: 'report errors only' },
  { name: 'redact', type: 'boolean', help: 'messages never quote values from the letter (case number, dates); also config `redact: true`' },
  { name: 'config', short: 'c', type: 'string', value: 'FILE', help: 'use this config file instead of discovering .imrlintrc.*' },
  { name: 'print-config', type: 'string', value: 'FILE', help: 'print the configuration that applies to FILE (every rule\'s severity) and exit' },
  { name: 'ignore-path', type: 'string', value: 'FILE', help: 'read ignore patterns from FILE instead of ./.imrlintignore' },
  { name: 'ext', type: 'string', value: 'LIST', help: 'also lint files with these extensions (.txt,.text): added to the include globs, for named files and folders alike' },
  { name: 'no-ignore', type: 'boolean', help: 'read neither .imrlintignore nor .gitignore (include/exclude still apply)' },
  { name: 'no-error-on-unmatched-pattern', type: 'boolean', help: 'a folder, glob or file that gives no letter is not an error' },
  { name: 'report-unused-suppressions', type: 'boolean', help: 'report imr-disable comments that suppress nothing' },
  { name: 'concurrency', type: 'string', value: 'N|auto|off', help: 'lint on N threads (this one and N-1 worker threads); auto (default): half the cores, from 100 letters (one thread on 2-3 cores); off: one thread; --fix uses one' },
  { name: 'stdin', type: 'boolean', help: 'lint the text on standard input' },
  { name: 'stdin-filename', type: 'string', value: 'NAME', help: 'the name to report (and to find config for) with --stdin' },
  { name: 'color', type: 'boolean', help: 'colour the output (default: when writing to a terminal; FORCE_COLOR / NO_COLOR)' },
  { name: 'no-color', type: 'boolean', help: 'never colour the output' },
  { name: 'version', short: 'v', type: 'boolean', help: 'print the version' },
  HELP_OPTION,
];

export const LINT_COMMAND: CommandSpec = {
  name: 'imr-lint',
  usage: ['imr-lint [options] <file|folder|glob>...', 'imr-lint --stdin [--stdin-filename NAME]'],
  description: `Lints IMR determination letters. Folders contribute every letter below them that the config's
include globs match (default **/*.imr, **/*.imr.txt); quote globs ('letters/*.imr') to let imr-lint
expand them. The config's exclude globs, .imrlintignore and .gitignore apply to every file, named or
found: a named file that they skip is reported on stderr and not linted.`,
  options: LINT_OPTIONS,
  footer: `Exit status: 0 no errors, 1 errors (or too many warnings, or a letter not fully checked in time),
2 the run could not be done (bad usage, unreadable file, invalid config or index, or no letters matched).`,
};

export const LINT_HELP = commandHelp(LINT_COMMAND);

/**
 * imr-lint: a number, or — when many letters are linted on worker threads (lint-pool.ts) — a promise
 * of it. A run that uses no worker (one letter, --fix, --stdin, --concurrency off) stays synchronous.
 */
export function runLint(argv: string[], io: CliIo): number | Promise<number> {
  const parsed = parseCommand(argv, LINT_COMMAND);
  const positionals = parsed.positionals;
  const str = (name: string) => parsed.string(name);
  const bool = (name: string) => parsed.flag(name);
  if (bool('help')) {
    io.stdout(LINT_HELP + '\n');
    return 0;
  }
  if (bool('version')) {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  const formatName = str('format') ?? 'stylish';
  const formatter = loadFormatter(formatName, io.cwd);
  const maxWarningsRaw = str('max-warnings');
  const maxWarnings = maxWarningsRaw === undefined ? -1 : Number(maxWarningsRaw);
  // as in ESLint, -1 means no limit
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings needs a whole number (-1 for no limit), not "${String(maxWarningsRaw)}"`);
  const budgetMs = parseBudget(str('max-time-per-file'));
  const configFile = str('config');
  if (configFile !== undefined && !fs.existsSync(path.resolve(io.cwd, configFile))) throw new ToolError(`${configFile}: config file not found`);
  const explicitConfig = configFile !== undefined ? path.resolve(io.cwd, configFile) : undefined;
  const configs = createConfigResolver({ explicitFile: explicitConfig, cwd: io.cwd });
  const indexes = createIndexProvider();
  const quiet = bool('quiet');
  const fix = bool('fix');
  const dryRun = bool('fix-dry-run');
  if (fix && dryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  const fixTypes = parseFixTypes(str('fix-type'), fix || dryRun);
  const diffs: string[] = [];
  const outputFile = str('output-file');
  const reportUnused = bool('report-unused-suppressions');
  // read when a formatter colours something: the default looks at standard output, which a run that
  // prints nothing never has to make
  const colorOf = (): boolean => (bool('no-color') ? false : bool('color') ? true : outputFile !== undefined ? false : io.color);
  const redact = bool('redact');
  const concurrency = parseConcurrency(str('concurrency'));

  const printConfig = str('print-config');
  if (printConfig !== undefined) {
    const { config, index } = resolveSetup(configs, indexes, path.resolve(io.cwd, printConfig));
    const severities: Record<string, string> = {};
    for (const r of RULES) {
      const set = config.rules[r.meta.id]?.severity;
      const def = r.meta.enabledByDefault === false ? 'off' : r.meta.defaultSeverity === 'warning' ? 'warn' : r.meta.defaultSeverity;
      severities[r.meta.id] = set ?? def;
    }
    io.stdout(JSON.stringify({ ...config, severities, indexLoaded: index.label }, null, 2) + '\n');
    return 0;
  }

  const opts: LintOptions = { configs, indexes, reportUnused, redact, budgetMs };
  const results: FileResult[] = [];
  // "-" alone stands for standard input, as --stdin
  const stdinDash = positionals.length === 1 && positionals[0] === '-';
  if (bool('stdin') || stdinDash) {
    if (fix) throw new UsageError('--fix cannot be used with --stdin');
    if (positionals.length > 0 && !stdinDash) throw new UsageError('give either --stdin or files, not both');
    const name = str('stdin-filename');
    const filePath = name !== undefined ? path.resolve(io.cwd, name) : '<stdin>';
    const configPath = name !== undefined ? filePath : undefined;
    const result = lintOne(io.readStdin(), filePath, opts, configPath);
    results.push(dryRun ? fixOne(result, opts, configPath, fixTypes, diffs, io.cwd) : result);
  } else {
    if (positionals.length === 0) throw new UsageError('no files given (try imr-lint --help)');
    const extRaw = str('ext');
    const extensions = extRaw === undefined ? [] : extRaw.split(',').filter((e) => e.trim() !== '');
    if (extRaw !== undefined && extensions.length === 0) throw new UsageError('--ext needs a list of extensions, like .txt');
    let extraInclude: string[];
    try {
      extraInclude = extensionGlobs(extensions);
    } catch (e) {
      throw new UsageError(`--ext: ${e instanceof Error ? e.message : String(e)}`);
    }
    let selector;
    try {
      selector = createFileSelector({ cwd: io.cwd, configs, ignorePath: str('ignore-path'), noIgnore: bool('no-ignore'), extraInclude });
    } catch (e) {
      throw new ToolError(e instanceof Error ? e.message : String(e));
    }
    const selection = selector.select(positionals);
    // a FIFO, device or unreadable folder: the run cannot be done as asked, whatever the options
    const cannot = selection.unreadable[0];
    if (cannot) throw new ToolError(cannot.code === 'ENOTREG' ? `${cannot.message}; to lint standard input use --stdin or -` : cannot.message);
    const allowUnmatched = bool('no-error-on-unmatched-pattern');
    if (!allowUnmatched && selection.missing.length > 0) throw new UsageError(`${selection.missing[0]}: no such file or directory`);
    const [unmatched] = selection.unmatched;
    if (!allowUnmatched && unmatched) throw new UsageError(`${unmatched.message} (other file extensions: --ext .txt; --no-error-on-unmatched-pattern allows it)`);
    for (const s of selection.skipped) io.stderr(`imr-lint: warning: ${s.message}; not linted\n`);
    if (!allowUnmatched && selection.files.length === 0 && selection.skipped.some((s) => s.reason === 'not-included')) {
      const ext = selection.skipped.map((s) => path.extname(s.file)).find((e) => e !== '');
      const hint = ext ? `--ext ${ext} lints them` : '--ext adds extensions';
      throw new UsageError(`no letters to lint: the files given match no include pattern (${hint}; --no-error-on-unmatched-pattern allows it)`);
    }
    const threads = fix || dryRun ? 1 : threadCount(concurrency, selection.files.length);
    if (threads > 1) {
      const { lintInPool } = require('./lint-pool') as typeof import('./lint-pool');
      const job = { files: selection.files, cwd: io.cwd, explicitConfig, reportUnused, redact, budgetMs };
      return lintInPool(job, threads, opts).then((linted) => report(linted));
    }
    // without fixes: read and lint in batches (one timed run per batch, not per letter)
    if (!fix && !dryRun) pushAll(results, lintFiles(selection.files, opts));
    else for (const file of selection.files) {
      const read = readLetterChecked(file);
      // a killed --fix run's temporary files, even where nothing needs fixing now
      if (fix) removeLeftoversNear(file);
      const original = read.text;
      let result = lintOne(original, file, opts, file);
      if (fix || dryRun) {
        const fixed = fixOne(result, opts, file, fixTypes, dryRun && read.validUtf8 ? diffs : undefined, io.cwd);
        // rewriting would turn every byte that is not UTF-8 into U+FFFD, on lines no fix touched
        const notUtf8 = !read.validUtf8 && fixed !== result;
        if (notUtf8) io.stderr(`imr-lint: warning: ${displayPath(io.cwd, file)}: not valid UTF-8 (Latin-1 or another encoding?); linted, but --fix does not rewrite it\n`);
        const refused = fix && !notUtf8 && fixed.text !== undefined && fixed.text !== original ? atomicWrite(file, fixed.text, { expect: read.stat }) : undefined;
        // a refused write leaves the letter as it was: its findings are those of the letter on disk
        if (refused !== undefined) io.stderr(`imr-lint: warning: ${displayPath(io.cwd, file)}: ${refused}; fixes not written\n`);
        else if (!notUtf8) result = fixed;
      }
      results.push(result);
    }
  }
  return report(results);

  /** Prints the report of the linted letters; the exit status. */
  function report(results: FileResult[]): number {
    for (const r of results) if (quiet) r.findings = r.findings.filter((f) => f.severity === 'error');
    const errors = count(results, (f) => f.severity === 'error');
    const warnings = count(results, (f) => f.severity !== 'error');
    // the diff of --fix-dry-run: on stdout before a stylish report, on stderr when stdout is a machine format
    if (diffs.length > 0) (formatName === 'stylish' && outputFile === undefined ? io.stdout : io.stderr)(`${diffs.join('')}\n`);
    const out = formatter(results, {
      cwd: io.cwd,
      // package.json is read when a formatter asks (SARIF, JUnit), not on every run
      get version() {
        return io.version;
      },
      get color() {
        return colorOf();
      },
    });
    const text = out ? (out.endsWith('\n') ? out : out + '\n') : '';
    if (outputFile !== undefined) writeReport(path.resolve(io.cwd, outputFile), text);
    else if (text) io.stdout(text);
    if (errors > 0) return 1;
    if (maxWarnings >= 0 && warnings > maxWarnings) {
      io.stderr(`imr-lint found too many warnings (maximum: ${maxWarnings}).\n`);
      return 1;
    }
    return 0;
  }
}

/** --concurrency: a number of threads, `auto` (the default) or `off` (one thread). */
function parseConcurrency(raw: string | undefined): number | 'auto' {
  if (raw === undefined || raw === 'auto') return 'auto';
  if (raw === 'off') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--concurrency needs a number of threads (1 or more), auto or off, not "${raw}"`);
  return n;
}

/**
 * `auto` is ESLint's rule of thumb: half the cores (a second hardware thread of a core gains little),
 * and at least AUTO_FILES_PER_THREAD letters a thread, never below AUTO_MIN_FILES letters — so a
 * pre-commit run never pays for a worker. Each worker pays again for loading the CLI and for the JIT
 * warm-up of the engine (measured on 2 cores: +1.6 s CPU for 1,950 letters, and no gain in wall time),
 * so on 2 or 3 cores auto lints on one thread; `--concurrency N` asks for N threads anyway.
 */
const AUTO_MIN_FILES = 100;
const AUTO_FILES_PER_THREAD = 50;

/** How many threads lint `files` letters (1: this thread only). */
function threadCount(concurrency: number | 'auto', files: number): number {
  if (concurrency !== 'auto') return Math.max(1, Math.min(concurrency, files));
  if (files < AUTO_MIN_FILES) return 1;
  return Math.max(1, Math.min(Math.floor(os.availableParallelism() / 2), Math.floor(files / AUTO_FILES_PER_THREAD)));
}


/** The report file, its folder created if needed. */
function writeReport(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, 'utf8');
  } catch (e) {
    throw new ToolError(`${file}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

function count(results: FileResult[], pred: (f: Finding) => boolean): number {
  return results.reduce((n, r) => n + r.findings.filter(pred).length, 0);
}

/** --max-time-per-file MS: a whole number of milliseconds, 0 for no limit. */
function parseBudget(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_MAX_TIME_PER_FILE_MS;
  const ms = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(ms) || ms < 0 || ms > MAX_TIME_PER_FILE_LIMIT_MS) throw new UsageError(`--max-time-per-file needs a whole number of milliseconds (0 for no limit), not "${raw}"`);
  return ms;
}

/** The categories of `--fix-type a,b`; every category when not given. */
function parseFixTypes(raw: string | undefined, fixing: boolean): RuleCategory[] | undefined {
  if (raw === undefined) return undefined;
  if (!fixing) throw new UsageError('--fix-type needs --fix or --fix-dry-run');
  const list = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = list.filter((s) => !(RULE_CATEGORIES as readonly string[]).includes(s));
  if (list.length === 0 || unknown.length > 0) throw new UsageError(`--fix-type: unknown kind "${unknown[0] ?? ''}" (${RULE_CATEGORIES.join(', ')})`);
  return list as RuleCategory[];
}

/**
 * Runs the engine's fix loop on a linted letter: the result describes the fixed text and how many fixes
 * were applied. With `diffs`, the unified diff of the change is added to it (--fix-dry-run).
 */
function fixOne(linted: FileResult, o: LintOptions, configPath: string | undefined, categories: RuleCategory[] | undefined, diffs: string[] | undefined, cwd: string): FileResult {
  const original = linted.text ?? '';
  const loop = runFixLoop({ text: original, findings: linted.findings, categories, lint: (text) => lintOne(text, linted.filePath, o, configPath).findings });
  if (loop.total === 0) return linted;
  if (diffs) {
    const rel = path.isAbsolute(linted.filePath) ? path.relative(cwd, linted.filePath) : linted.filePath;
    diffs.push(unifiedDiff(rel.split(path.sep).join('/'), original, loop.text));
  }
  return { filePath: linted.filePath, findings: loop.findings, text: loop.text, fixed: { byRule: loop.applied, total: loop.total, written: !diffs } };
}
