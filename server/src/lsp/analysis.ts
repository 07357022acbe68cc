import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { budgetForLetter, DEFAULT_MAX_TIME_PER_FILE_MS, Determination, EMPTY_DET, Finding, LintConfig, MtusIndex, overrunFinding, SourceText } from '../engine';
import { FileProblems, LintEnvironment, SetupProblem } from './lint-environment';
import { ImrSettings } from '../../../shared/protocol';
import { LintOutcome, LintPool, StaleLintError } from './lint-pool';
import { SettingsStore } from './settings';
import { folderOf, uriToPath } from './uris';

/** Everything the language features need about one version of a letter. */
export interface Analysis {
  uri: string;
  version: number;
  /** The text that was linted (the document's text at `version`). */
  text: string;
  /** Its lines (BOM removed, any line ending). */
  lines: readonly string[];
  determination: Determination;
  findings: Finding[];
  index: MtusIndex;
  /** The configuration the letter was linted with (undefined when its setup is broken). */
  config?: LintConfig;
  settings: ImrSettings;
  /** Set when the letter could not be linted (invalid config or index file); `findings` then holds one finding about it. */
  problem?: SetupProblem;
  /** Config and index files met while resolving the configuration. */
  files: FileProblems[];
  /** Milliseconds the lint worker spent (resolve + lint); the budget when it overran. */
  lintMs: number;
  /** The lint was stopped at the time budget: `findings` holds only the not-fully-checked finding, `determination` is empty. */
  overrun?: boolean;
}

export interface AnalyzerDeps {
  env: LintEnvironment;
  settings: SettingsStore;
  trusted: () => boolean;
  /** Workspace folder paths. */
  folders: () => readonly string[];
  /** Where letters are parsed and linted (worker threads, with the time budget). */
  pool: LintPool;
}

/** imr.maxTimePerFile, or the engine's default budget. */
export function budgetOf(settings: ImrSettings): number {
  return settings.maxTimePerFile ?? DEFAULT_MAX_TIME_PER_FILE_MS;
}

/** The finding a letter gets instead of its lint results when its setup is broken. */
export function setupFinding(p: SetupProblem, folder: string | undefined): Finding {
  const shown = folder && !path.relative(folder, p.file).startsWith('..') ? path.relative(folder, p.file) : p.file;
  const where = p.line !== undefined ? ` (line ${p.line + 1})` : '';
  const what = p.kind === 'config' ? 'Configuration file' : 'MTUS index file';
  return {
    ruleId: p.kind === 'config' ? 'invalid-config' : 'invalid-index',
    severity: 'error',
    message: `${what} ${shown} is invalid${where}: ${p.message}. The letter is not linted until it is fixed.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    related: [{ message: p.message, file: p.file, line: p.line ?? 0 }],
  };
}

/**
 * Lints documents on demand and keeps the result of the latest version of each, so validation,
 * hover, symbols and code actions share one lint per version.
 */
export class Analyzer {
  private readonly cache = new Map<string, { version: number; generation: number; result: Promise<Analysis> }>();
  private generation = 0;

  constructor(private readonly deps: AnalyzerDeps) {}

  /** Drop every result (configuration, settings, trust or an index changed). */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  analyze(doc: TextDocument): Promise<Analysis> {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === this.generation) return hit.result;
    const text = doc.getText();
    const entry = { version: doc.version, generation: this.generation, result: this.run(doc.uri, doc.version, text) };
    this.cache.set(doc.uri, entry);
    // a failure is not cached
    entry.result.catch(() => {
      if (this.cache.get(doc.uri) === entry) this.cache.delete(doc.uri);
    });
    return entry.result;
  }

  /**
   * The analysis of the document's current version. A lint still waiting for a worker is dropped when
   * a newer version arrives; this then answers with the newer version's analysis.
   */
  async current(uri: string, document: (uri: string) => TextDocument | undefined): Promise<Analysis | undefined> {
    for (let attempt = 0; ; attempt++) {
      const doc = document(uri);
      if (!doc) return undefined;
      try {
        return await this.analyze(doc);
      } catch (e) {
        if (!(e instanceof StaleLintError) || attempt >= 10) throw e;
      }
    }
  }

  /** The latest finished analysis of exactly this version, if there is one. */
  async cached(uri: string, version: number): Promise<Analysis | undefined> {
    const hit = this.cache.get(uri);
    return hit && hit.version === version && hit.generation === this.generation ? hit.result : undefined;
  }

  /**
   * The findings of a letter that is not open (pull diagnostics of a file on disk), with the settings
   * of its workspace folder; linted in the pool like an open letter.
   */
  async lintFile(uri: string, file: string, text: string, settings: ImrSettings): Promise<Finding[]> {
    const folder = folderOf(this.deps.folders(), file);
    const outcome = await this.lint(uri, text, file, folder, settings);
    return outcome.kind === 'done' ? outcome.result.findings : [overrunFinding(outcome.budgetMs, 'warning')];
  }

  private lint(uri: string, text: string, file: string | undefined, folder: string | undefined, settings: ImrSettings): Promise<LintOutcome> {
    return this.deps.pool.run({
      key: uri,
      text,
      file,
      folder,
      cwd: this.deps.env.cwdFolder(),
      trusted: this.deps.trusted(),
      index: settings.index,
      rules: settings.rules,
      generation: this.generation,
      budgetMs: budgetForLetter(budgetOf(settings), text.length),
    });
  }

  private async run(uri: string, version: number, text: string): Promise<Analysis> {
    const settings = await this.deps.settings.get(uri);
    const file = uriToPath(uri);
    const folder = folderOf(this.deps.folders(), file);
    // config and index on this thread too: hover, completion and code actions use them (cached)
    const resolved = this.deps.env.resolve(file, { settings, trusted: this.deps.trusted(), folder });
    const outcome = await this.lint(uri, text, file, folder, settings);
    const lines = new SourceText(text).lines;
    const common = { uri, version, text, lines, index: resolved.index, config: resolved.config, settings, problem: resolved.problem, files: resolved.files };
    if (outcome.kind === 'overrun') {
      // the editor shows it as a warning: the letter is not known to be wrong, only not checked
      return { ...common, determination: EMPTY_DET(lines.length), findings: [overrunFinding(outcome.budgetMs, 'warning')], lintMs: outcome.budgetMs, overrun: true };
    }
    const { determination, findings, lintMs } = outcome.result;
    return { ...common, determination, findings, lintMs };
  }
}
