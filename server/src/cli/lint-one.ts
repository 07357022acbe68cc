import { ConfigResolver, IndexProvider, lintWithinBudget } from '../engine';
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

export function lintOne(text: string, filePath: string, o: LintOptions, configPath: string | undefined): FileResult {
  const { config, index } = resolveSetup(o.configs, o.indexes, configPath);
  // a letter that takes longer than the budget gets one error, "not fully checked", and the run goes on
  return { filePath, findings: lintWithinBudget({ text, config, index, reportUnusedSuppressions: o.reportUnused, redact: o.redact }, o.budgetMs, 'error').findings, text };
}

/** Reads and lints a letter file (config found from its path); an unreadable file is a ToolError. */
export function lintFile(file: string, o: LintOptions): FileResult {
  return lintOne(readLetterChecked(file).text, file, o, file);
}
