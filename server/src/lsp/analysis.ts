import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Determination, Finding, LintConfig, lintText, MtusIndex, parseLetter } from '../engine';
import { FileProblems, LintEnvironment, SetupProblem } from './lint-environment';
import { ImrSettings } from './protocol';
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
  /** The configuration the letter was linted with (absent when it is invalid). */
  config?: LintConfig;
  settings: ImrSettings;
  /** Set when the letter could not be linted (invalid config or index file); `findings` then holds one finding about it. */
  problem?: SetupProblem;
  /** Config and index files met while resolving the configuration. */
  files: FileProblems[];
  /** Milliseconds spent in lintText. */
  lintMs: number;
}

export interface AnalyzerDeps {
  env: LintEnvironment;
  settings: SettingsStore;
  trusted: () => boolean;
  /** Workspace folder paths. */
  folders: () => readonly string[];
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

  /** The latest finished analysis of exactly this version, if there is one. */
  async cached(uri: string, version: number): Promise<Analysis | undefined> {
    const hit = this.cache.get(uri);
    return hit && hit.version === version && hit.generation === this.generation ? hit.result : undefined;
  }

  private async run(uri: string, version: number, text: string): Promise<Analysis> {
    const settings = await this.deps.settings.get(uri);
    const file = uriToPath(uri);
    const folder = folderOf(this.deps.folders(), file);
    const resolved = this.deps.env.resolve(file, { settings, trusted: this.deps.trusted(), folder });
    const started = performance.now();
    if (!resolved.config || resolved.problem) {
      const problem = resolved.problem as SetupProblem;
      const determination = parseLetter(text, resolved.index);
      return {
        uri, version, text, lines: text.split(/\r\n|\r|\n/), determination, index: resolved.index, settings, problem, files: resolved.files,
        findings: [setupFinding(problem, folder)], lintMs: performance.now() - started,
      };
    }
    const result = lintText({ text, config: resolved.config, index: resolved.index });
    return {
      uri, version, text, lines: result.source.lines, determination: result.determination, findings: result.findings,
      index: resolved.index, config: resolved.config, settings, files: resolved.files, lintMs: performance.now() - started,
    };
  }
}
