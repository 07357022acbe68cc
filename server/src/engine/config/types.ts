export type SeveritySetting = 'off' | 'info' | 'warn' | 'error';

export interface RuleSetting {
  severity?: SeveritySetting;
  options: Record<string, unknown>;
}

/** Configuration that applies to one letter, after discovery and resolution. */
export interface LintConfig {
  /** The config file it came from; undefined for the defaults. */
  file?: string;
  /** Folder that relative paths and globs are resolved against. */
  baseDir: string;
  rules: Record<string, RuleSetting>;
  /** Extra MTUS index files, absolute paths, loaded on top of the bundled index. */
  index: string[];
  /** Globs (relative to baseDir) of letters to lint when a folder is given. */
  include: string[];
  exclude: string[];
  /** Messages never quote values taken from the letter (header values, quoted text). */
  redact?: boolean;
  /** How much a letter consensus in the index's `evidence` counts (mtus/evidence.ts); defaults when absent. */
  indexEvidence?: { consensusLetters?: number; trustConsensus?: boolean };
}

export interface ConfigProblem {
  file: string;
  /** Zero-based line, when known. */
  line?: number;
  /** Zero-based column of the offending key or value, when known (editors underline from here). */
  column?: number;
  /** Zero-based end (exclusive) of the offending key or value, when known. */
  endLine?: number;
  endColumn?: number;
  message: string;
}

/**
 * Config entries that make the tool read other files or run the user's patterns: extra MTUS index
 * files (`index:`, read from any path), placeholder patterns (`placeholders:` and every rule option —
 * regular expressions run on each line), and the `include`/`exclude` globs. In an untrusted (restricted)
 * workspace they are ignored: the bundled index, the default placeholders and the default globs apply.
 */
export const UNTRUSTED_IGNORED_KEYS = ['index', 'placeholders', 'include', 'exclude'] as const;

/** An entry of a config file that was ignored because the workspace is not trusted. */
export interface IgnoredConfigEntry {
  file: string;
  /** `index`, `placeholders`, `include`, `exclude` or `rules.<id>` (the rule's options). */
  key: string;
  /** Zero-based line of the key, when known. */
  line?: number;
}

export const CONFIG_FILE_NAMES = ['.imrlintrc.yaml', '.imrlintrc.yml', '.imrlintrc.json'] as const;

export const DEFAULT_INCLUDE = ['**/*.imr', '**/*.imr.txt'];

export function defaultConfig(baseDir: string): LintConfig {
  return { baseDir, rules: {}, index: [], include: [...DEFAULT_INCLUDE], exclude: ['**/node_modules/**'] };
}
