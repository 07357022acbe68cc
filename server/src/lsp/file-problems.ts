import * as path from 'path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { ConfigProblem, IgnoredConfigEntry, IndexProblem, loadConfigText, READ_LIMITS, readTextChecked } from '../engine';
import { DIAGNOSTIC_SOURCE } from '../service';
import { FileProblems } from './lint-environment';
import { pathToUri } from './uris';

export interface FileProblemDeps {
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** window/showMessage (warning). */
  showWarning(message: string): void;
  /** The text of a config file open in the editor, when it is (its diagnostics then follow the unsaved text). */
  openText(uri: string): string | undefined;
  /** Workspace trust: an open config file is checked as the resolver reads it (restricted entries ignored). */
  trusted(): boolean;
}

function lineLength(text: string | undefined, line: number): number {
  return text?.split(/\r\n|\r|\n/)[line]?.length ?? 0;
}

/** The text of a config/index file with problems (for line lengths): regular files of sane size only. */
function readText(file: string): string | undefined {
  try {
    return readTextChecked(file, READ_LIMITS.config).text;
  } catch {
    return undefined;
  }
}

/**
 * Problems of one config/index file → diagnostics at their key or value when the position is known,
 * else over their line (line 0 when unknown).
 */
export function problemDiagnostics(kind: 'config' | 'index', problems: readonly (ConfigProblem | IndexProblem)[], text: string | undefined): Diagnostic[] {
  return problems.map((p) => {
    const line = p.line ?? 0;
    const c = p as ConfigProblem;
    const spanned = c.column !== undefined && c.endLine !== undefined && c.endColumn !== undefined && (c.endLine > line || c.endColumn > c.column);
    return {
      range: spanned ? { start: { line, character: c.column! }, end: { line: c.endLine!, character: c.endColumn! } } : { start: { line, character: 0 }, end: { line, character: lineLength(text, line) } },
      severity: DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      code: kind === 'config' ? 'invalid-config' : 'invalid-index',
      message: p.message,
    };
  });
}

/** What an ignored entry of an untrusted workspace's config means, for an information diagnostic on it. */
export function ignoredEntryMessage(key: string): string {
  const what = key === 'index' ? 'extra MTUS index files are not read: letters are checked with the bundled index'
    : key === 'placeholders' ? 'the default placeholder patterns apply'
    : key === 'include' || key === 'exclude' ? 'the default letter globs apply'
    : 'the rule runs with its default options';
  return `Ignored in Restricted Mode (the workspace is not trusted): \`${key}\` — ${what}. Trust the workspace to use it.`;
}

/** Ignored entries of a config → information diagnostics at their keys. */
export function ignoredDiagnostics(ignored: readonly IgnoredConfigEntry[], text: string | undefined): Diagnostic[] {
  return ignored.map((g) => {
    const line = g.line ?? 0;
    return {
      range: { start: { line, character: 0 }, end: { line, character: lineLength(text, line) } },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: 'restricted-mode',
      message: ignoredEntryMessage(g.key),
    };
  });
}

/**
 * Diagnostics on `.imrlintrc.*` and extra index files, plus one warning message per distinct problem.
 * An open config file is checked from its editor text; others from what the resolver read on disk.
 */
export class FileProblemReporter {
  private readonly published = new Map<string, string>();
  private readonly shown = new Set<string>();

  constructor(private readonly deps: FileProblemDeps) {}

  report(files: readonly FileProblems[]): void {
    for (const f of files) {
      const uri = pathToUri(f.file);
      if (f.kind === 'config' && this.deps.openText(uri) !== undefined) continue;
      const ignored = f.ignored ?? [];
      const text = f.problems.length > 0 || ignored.length > 0 ? readText(f.file) : undefined;
      this.publish(uri, [...problemDiagnostics(f.kind, f.problems, text), ...ignoredDiagnostics(ignored, text)]);
      const first = f.problems[0];
      if (first) {
        const key = `${f.file}\u0000${first.line ?? ''}\u0000${first.message}`;
        if (!this.shown.has(key)) {
          this.shown.add(key);
          const what = f.kind === 'config' ? 'configuration file' : 'MTUS index file';
          this.deps.showWarning(`IMR: the ${what} ${path.basename(f.file)}${first.line !== undefined ? ` (line ${first.line + 1})` : ''} is invalid: ${first.message}. Letters that use it are not linted until it is fixed.`);
        }
      }
    }
  }

  /** Checks an open config file's (unsaved) text. */
  checkOpenConfig(uri: string, text: string): void {
    const { problems, ignored } = loadConfigText(text, uri, { trusted: this.deps.trusted() });
    this.publish(uri, [...problemDiagnostics('config', problems, text), ...ignoredDiagnostics(ignored ?? [], text)]);
  }

  /** Clears diagnostics published from disk (before everything is re-checked). */
  clearAll(): void {
    for (const uri of [...this.published.keys()]) this.publish(uri, []);
  }

  clear(uri: string): void {
    if (this.published.has(uri)) this.publish(uri, []);
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    const key = JSON.stringify(diagnostics);
    const before = this.published.get(uri);
    if (before === key || (before === undefined && diagnostics.length === 0)) return;
    if (diagnostics.length === 0) this.published.delete(uri);
    else this.published.set(uri, key);
    this.deps.publish(uri, diagnostics);
  }
}
