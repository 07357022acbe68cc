import * as path from 'path';
import { IndexProvider } from '../mtus/provider';
import { IndexProblem, MtusIndex } from '../mtus/types';
import { ConfigResolver } from './load';
import { ConfigProblem, IgnoredConfigEntry, LintConfig, SeveritySetting } from './types';

/**
 * What a letter is linted with: the config that applies to it (nearest `.imrlintrc` or the explicit
 * one) and the MTUS index that config names (bundled + extra files). The CLI and the language server
 * both resolve it here; the CLI stops on a problem, the server reports it on the letter and the file.
 */

/** A problem that stops a letter from being linted: its config file or an index file is invalid. */
export interface SetupProblem {
  kind: 'config' | 'index';
  file: string;
  /** Zero-based line, when known. */
  line?: number;
  message: string;
}

/** Problems found in one config or index file (empty = the file is fine now). */
export interface FileProblems {
  kind: 'config' | 'index';
  file: string;
  problems: (ConfigProblem | IndexProblem)[];
  /** Entries of this config file ignored because the workspace is not trusted. */
  ignored?: IgnoredConfigEntry[];
}

export interface LintSetup {
  /** The config to lint with; undefined when `problem` is set. */
  config?: LintConfig;
  /** The index to lint with; the bundled one when the configured files are invalid. */
  index: MtusIndex;
  problem?: SetupProblem;
  /** What was learnt about config and index files while resolving (for diagnostics on those files). */
  files: FileProblems[];
  /**
   * Set when the config resolver is untrusted (a restricted workspace): what was ignored — config
   * entries (`index:`, `placeholders:`, globs, rule options) and the extra index files of `extraIndex`.
   */
  restricted?: { config: IgnoredConfigEntry[]; extraIndex: string[] };
}

export interface SetupOptions {
  /**
   * Extra index files on top of the config's (an editor setting), relative to `baseDir` or the config's
   * folder; ignored when the config resolver is untrusted.
   */
  extraIndex?: { files: readonly string[]; baseDir?: string };
  /** Rule severities on top of the config file's (an editor setting); the file's options stay. */
  severities?: Readonly<Record<string, SeveritySetting>>;
}

export function resolveLintSetup(configs: ConfigResolver, indexes: IndexProvider, letterPath: string | undefined, opts: SetupOptions = {}): LintSetup {
  const files: FileProblems[] = [];
  const { config, problems, ignored } = configs.forFile(letterPath);
  const configFile = config?.file ?? problems[0]?.file ?? ignored?.[0]?.file;
  if (configFile) files.push({ kind: 'config', file: configFile, problems, ...(ignored && ignored.length > 0 ? { ignored } : {}) });
  // an untrusted workspace names no file to read: extra index files of the settings are ignored too
  const restricted = configs.trusted ? undefined : { config: ignored ?? [], extraIndex: [...(opts.extraIndex?.files ?? [])] };
  const bundled = () => indexes.get([]).index;
  if (!config || problems.length > 0) {
    const p = problems[0];
    return { index: bundled(), files, restricted, problem: { kind: 'config', file: p?.file ?? configFile ?? letterPath ?? '<config>', line: p?.line, message: p?.message ?? 'invalid configuration' } };
  }
  const base = opts.extraIndex?.baseDir ?? config.baseDir;
  const extra = restricted ? [] : (opts.extraIndex?.files ?? []).map((f) => path.resolve(base, f));
  const indexList = [...config.index, ...extra.filter((f) => !config.index.includes(f))];
  const { index, problems: ip } = indexes.get(indexList);
  for (const f of indexList) files.push({ kind: 'index', file: f, problems: ip.filter((p) => path.resolve(p.file) === path.resolve(f)) });
  const p = ip[0];
  if (p) return { index: bundled(), files, restricted, problem: { kind: 'index', file: p.file, line: p.line, message: p.message } };
  return { config: withSeverities(config, opts.severities ?? {}, indexList), index, files, restricted };
}

/** The config file's rules with `severities` on top (options stay), and the full index list. */
export function withSeverities(config: LintConfig, severities: Readonly<Record<string, SeveritySetting>>, index: string[] = config.index): LintConfig {
  const rules = { ...config.rules };
  for (const [id, severity] of Object.entries(severities)) rules[id] = { severity, options: config.rules[id]?.options ?? {} };
  return { ...config, rules, index };
}
