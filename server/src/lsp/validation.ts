import { Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostics } from '../service';
import { Analysis, Analyzer } from './analysis';
import { SettingsStore } from './settings';

export interface ValidatorDeps {
  /** The open document, or undefined once it is closed. */
  document(uri: string): TextDocument | undefined;
  /** Every open letter. */
  letters(): readonly TextDocument[];
  analyzer: Analyzer;
  settings: SettingsStore;
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  /** Called with every finished analysis (config/index file diagnostics). */
  analysed(a: Analysis): void;
  trace(message: string): void;
  /** A short, content-free name for a document in traces ("doc#3"). */
  label(uri: string): string;
}

export type ValidationReason = 'open' | 'change' | 'save' | 'refresh';

/**
 * Debounced validation per document (imr.validationDelay, default 200 ms), `imr.run` onType|onSave,
 * and stale results dropped: a result is published only if the document still has the version that
 * was linted.
 */
export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: ValidatorDeps) {}

  async schedule(uri: string, reason: ValidationReason): Promise<void> {
    const settings = await this.deps.settings.get(uri);
    // decide first, cancel after: a save that the run mode ignores must not cancel the validation an
    // edit just scheduled (a quick fix followed at once by a save would otherwise leave stale results)
    if (reason === 'change' && settings.run === 'onSave') return;
    if (reason === 'save' && settings.run === 'onType') return;
    const delay = reason === 'change' ? settings.validationDelay : 0;
    this.cancel(uri);
    if (delay === 0 && reason !== 'change') {
      await this.validate(uri);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.validate(uri);
    }, delay);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  /** Lints the current version and publishes, unless the document changed or closed meanwhile. */
  async validate(uri: string): Promise<void> {
    const doc = this.deps.document(uri);
    if (!doc) return;
    const version = doc.version;
    let analysis: Analysis;
    try {
      analysis = await this.deps.analyzer.analyze(doc);
    } catch (e) {
      this.deps.trace(`validation of ${this.deps.label(uri)} failed: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const now = this.deps.document(uri);
    if (!now || now.version !== version) {
      this.deps.trace(`${this.deps.label(uri)} v${version}: result dropped (document is now ${now ? `v${now.version}` : 'closed'})`);
      return;
    }
    this.deps.analysed(analysis);
    this.deps.trace(`${this.deps.label(uri)} v${version}: ${analysis.findings.length} finding(s), lint ${analysis.lintMs.toFixed(1)} ms`);
    this.deps.publish(uri, version, toDiagnostics(analysis.findings, uri, version));
  }

  /** Re-lints every open letter now (configuration, settings, trust or index changed). */
  async revalidateAll(): Promise<void> {
    await Promise.all(this.deps.letters().map((d) => this.schedule(d.uri, 'refresh')));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
