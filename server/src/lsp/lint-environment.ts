import * as path from 'path';
import { ConfigResolver, createConfigResolver, createIndexProvider, FileProblems, IndexProvider, LintConfig, LintSetup, MtusIndex, resolveLintSetup, SetupProblem, withSeverities } from '../engine';
import { ImrSettings } from '../../../shared/protocol';

export { FileProblems, SetupProblem };

/** What a letter is linted with (see engine/config/setup.ts). */
export type ResolvedLint = LintSetup;

export interface ResolveOptions {
  settings: ImrSettings;
  /**
   * false in an untrusted (restricted) workspace: the engine's config resolver then ignores the config
   * entries that read files or run patterns (UNTRUSTED_IGNORED_KEYS) and `imr.index`.
   */
  trusted: boolean;
  /** Workspace folder of the letter, for relative `imr.index` paths. */
  folder?: string;
}

/**
 * Config discovery and index loading, exactly as the CLI does it (the engine's resolveLintSetup),
 * with the editor settings layered on top. `reset()` drops every cache
 * (a config or index file changed).
 */
export class LintEnvironment {
  private resolver: ConfigResolver;
  private readonly indexes: IndexProvider = createIndexProvider();
  private readonly indexFiles = new Set<string>();
  private trusted = true;

  constructor(private cwd: string) {
    this.resolver = createConfigResolver({ cwd });
  }

  /** Workspace trust; the configs are read again as the new trust allows. */
  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    this.reset();
  }

  /** Folder that letters without a file path (untitled) take their config from. */
  setCwd(cwd: string): void {
    this.cwd = cwd;
    this.reset();
  }

  /** The folder set by setCwd (the lint worker resolves from the same one). */
  cwdFolder(): string {
    return this.cwd;
  }

  reset(): void {
    this.resolver = createConfigResolver({ cwd: this.cwd, trusted: this.trusted });
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
    this.setTrusted(opts.trusted);
    const resolved = resolveLintSetup(this.resolver, this.indexes, letterPath, {
      extraIndex: { files: opts.settings.index, baseDir: opts.folder },
      severities: opts.settings.rules,
    });
    for (const f of resolved.files) if (f.kind === 'index') this.indexFiles.add(path.resolve(f.file));
    return resolved;
  }
}

/** The config file's rules with `imr.rules` severities on top (options stay), and the full index list. */
export function withSettings(config: LintConfig, settings: ImrSettings, index: string[]): LintConfig {
  return withSeverities(config, settings.rules, index);
}
