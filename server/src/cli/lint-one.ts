import { ConfigResolver, IndexProvider, lintText } from '../engine';
import { FileResult } from './formatters/types';
import { readLetter } from './io';
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
}

export function lintOne(text: string, filePath: string, o: LintOptions, configPath: string | undefined): FileResult {
  const { config, index } = resolveSetup(o.configs, o.indexes, configPath);
  return { filePath, findings: lintText({ text, config, index, reportUnusedSuppressions: o.reportUnused, redact: o.redact }).findings, text };
}

/** Reads and lints a letter file (config found from its path); an unreadable file is a ToolError. */
export function lintFile(file: string, o: LintOptions): FileResult {
  return lintOne(readLetter(file), file, o, file);
}
