import * as path from 'path';
import { ConfigProblem, ConfigResolver, createConfigResolver, createIndexProvider, IndexProblem, IndexProvider, LintConfig, MtusIndex } from '../engine';
import { ImrSettings } from './protocol';

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
}

export interface ResolvedLint {
  /** The config to lint with (config file + settings); undefined when `problem` is set. */
  config?: LintConfig;
  /** The index to lint with; the bundled one when the configured files are invalid. */
  index: MtusIndex;
  problem?: SetupProblem;
  /** What was learnt about config and index files while resolving (for diagnostics on those files). */
  files: FileProblems[];
}

export interface ResolveOptions {
  settings: ImrSettings;
  /** `imr.index` is ignored in untrusted workspaces. */
  trusted: boolean;
  /** Workspace folder of the letter, for relative `imr.index` paths. */
  folder?: string;
}

/**
 * Config discovery and index loading, exactly as the CLI does it (createConfigResolver +
 * createIndexProvider), with the editor settings layered on top. `reset()` drops every cache
 * (a config or index file changed).
 */
export class LintEnvironment {
  private resolver: ConfigResolver;
  private readonly indexes: IndexProvider = createIndexProvider();
  private readonly indexFiles = new Set<string>();

  constructor(private cwd: string) {
    this.resolver = createConfigResolver({ cwd });
  }

  /** Folder that letters without a file path (untitled) take their config from. */
  setCwd(cwd: string): void {
    this.cwd = cwd;
    this.reset();
  }

  reset(): void {
    this.resolver = createConfigResolver({ cwd: this.cwd });
    this.indexes.clear();
  }

  /** Every extra index file some letter used since the last reset (to recognise changes to them). */
  isKnownIndexFile(file: string): boolean {
    return this.indexFiles.has(path.resolve(file));
  }

  /** The config resolver (file selection for workspace diagnostics reads include/exclude through it). */
  configs(): ConfigResolver {
    return this.resolver;
  }

  bundledIndex(): MtusIndex {
    return this.indexes.get([]).index;
  }

  resolve(letterPath: string | undefined, opts: ResolveOptions): ResolvedLint {
    const files: FileProblems[] = [];
    const { config, problems } = this.resolver.forFile(letterPath);
    const configFile = config?.file ?? problems[0]?.file;
    if (configFile) files.push({ kind: 'config', file: configFile, problems });
    if (!config || problems.length > 0) {
      const p = problems[0];
      return { index: this.bundledIndex(), files, problem: { kind: 'config', file: p?.file ?? configFile ?? '', line: p?.line, message: p?.message ?? 'invalid configuration' } };
    }
    const base = opts.folder ?? config.baseDir;
    const extra = opts.trusted ? opts.settings.index.map((f) => path.resolve(base, f)) : [];
    const indexList = [...config.index, ...extra.filter((f) => !config.index.includes(f))];
    for (const f of indexList) this.indexFiles.add(path.resolve(f));
    const { index, problems: ip } = this.indexes.get(indexList);
    for (const f of indexList) files.push({ kind: 'index', file: f, problems: ip.filter((p) => path.resolve(p.file) === path.resolve(f)) });
    if (ip.length > 0) {
      const p = ip[0];
      return { index: this.bundledIndex(), files, problem: { kind: 'index', file: p.file, line: p.line, message: p.message } };
    }
    return { config: withSettings(config, opts.settings, indexList), index, files };
  }
}

/** The config file's rules with `imr.rules` severities on top (options stay), and the full index list. */
export function withSettings(config: LintConfig, settings: ImrSettings, index: string[]): LintConfig {
  const rules = { ...config.rules };
  for (const [id, severity] of Object.entries(settings.rules)) rules[id] = { severity, options: config.rules[id]?.options ?? {} };
  return { ...config, rules, index };
}
