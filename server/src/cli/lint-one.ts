import * as path from 'path';
import { ConfigResolver, Finding, IndexProvider, LintInput, lintEachWithinBudget, lintWithinBudget } from '../engine';
import { FileResult } from './formatters/types';
import { readLetterChecked } from './io';
import { resolveSetup } from './setup';

/**
 * One letter linted the way imr-lint lints it: the config and index that apply to it, then the engine.
 * The main thread and the worker threads of lint-pool.ts both lint through here.
 */
export interface LintOptions {
  configs: ConfigResolver;
  indexes: IndexProvider;
  reportUnused: boolean;
  redact: boolean;
  /** --max-time-per-file: milliseconds per lint of a letter, 0 = no limit. */
  budgetMs: number;
}

type Setup = ReturnType<typeof resolveSetup>;

/** What the engine lints for a letter's text with the config and index that apply to it. */
function inputOf(text: string, o: LintOptions, { config, index }: Setup): LintInput {
  return { text, config, index, reportUnusedSuppressions: o.reportUnused, redact: o.redact };
}

/** What the engine lints for a letter's text: the config and index that apply to `configPath`. */
function lintInput(text: string, o: LintOptions, configPath: string | undefined): LintInput {
  return inputOf(text, o, resolveSetup(o.configs, o.indexes, configPath));
}

/**
 * resolveSetup for the letters of a run, once per folder: a letter's config is its folder's (the
 * nearest config file upward, or --config) and its index the one that config names, so the letters of
 * a folder share them instead of each resolving them again.
 */
function setupPerFolder(o: LintOptions): (file: string) => Setup {
  const byFolder = new Map<string, Setup>();
  return (file) => {
    const folder = path.dirname(file);
    let setup = byFolder.get(folder);
    if (!setup) {
      setup = resolveSetup(o.configs, o.indexes, file);
      byFolder.set(folder, setup);
    }
    return setup;
  };
}

export function lintOne(text: string, filePath: string, o: LintOptions, configPath: string | undefined): FileResult {
  // a letter that takes longer than the budget gets one error, "not fully checked", and the run goes on
  return { filePath, findings: lintWithinBudget(lintInput(text, o, configPath), o.budgetMs, 'error').findings, text };
}

/**
 * A folder's result for the report: the text is kept only when a finding has a fix or suggestion, the
 * one thing a formatter reads it for (their offsets, formatters/eslint-results.ts). Holding every
 * letter's text until the report made the garbage collector copy and keep it (1,950 letters: ~17 MB);
 * without it the text dies with the lint. --fix and --stdin keep the text (lintOne).
 */
function folderResult(filePath: string, findings: Finding[], text: string): FileResult {
  return findings.some((f) => f.fix || f.suggestions) ? { filePath, findings, text } : { filePath, findings };
}

/** Reads and lints a letter file (config found from its path); an unreadable file is a ToolError. */
export function lintFile(file: string, o: LintOptions): FileResult {
  const text = readLetterChecked(file).text;
  return folderResult(file, lintOne(text, file, o, file).findings, text);
}

/** Letters read per batch by lintFiles (their texts are held until the batch is linted). */
const READ_BATCH = 64;

/**
 * Reads and lints letter files in order, as lintFile does for each, with one timed run per batch of
 * letters instead of one per letter (engine/budget.ts: runEachWithTimeout); the first file that cannot
 * be read throws, as in lintFile.
 */
export function lintFiles(files: readonly string[], o: LintOptions): FileResult[] {
  const results: FileResult[] = [];
  const setupOf = setupPerFolder(o);
  for (let at = 0; at < files.length; at += READ_BATCH) {
    const batch = files.slice(at, at + READ_BATCH);
    const inputs = batch.map((file) => {
      const text = readLetterChecked(file).text;
      return inputOf(text, o, setupOf(file));
    });
    const linted = lintEachWithinBudget(inputs, o.budgetMs, 'error');
    inputs.forEach((input, i) => results.push(folderResult(batch[i]!, linted[i]!.findings, input.text)));
  }
  return results;
}
