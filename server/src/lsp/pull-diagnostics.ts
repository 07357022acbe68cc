/**
 * LSP 3.17 pull diagnostics: `textDocument/diagnostic` (an open letter, or a letter on disk) and
 * `workspace/diagnostic` (every letter in the workspace folders that the configuration selects, read
 * from disk through the engine — no document is opened). Result ids let a client re-ask cheaply: an
 * unchanged letter (same version, or same size and mtime on disk, under the same configuration
 * generation) gets an `unchanged` report and is not linted again.
 */
import * as fs from 'fs';
import type { CancellationToken, Diagnostic, DocumentDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigResolver, createFileSelector, FileReadError, Finding, invalidInputFinding, READ_LIMITS, readTextChecked } from '../engine';
import { toDiagnostics } from '../service';
import { Analyzer } from './analysis';
import { LintEnvironment } from './lint-environment';
import { SettingsStore } from './settings';
import { folderOf, pathToUri, uriToPath } from './uris';

/**
 * The letters of one workspace folder, as the configuration selects them (include/exclude of the
 * nearest .imrlintrc; default *.imr and *.imr.txt). The one place the server asks for file selection:
 * it goes through the CLI's selection so that the editor and `imr-lint <folder>` agree.
 *
 * In Restricted Mode (`trusted` false) the workspace's ignore files are not read, as its config's
 * include/exclude are not (the resolver drops them): their gitignore patterns become regular expressions
 * that backtrack — seven `**` segments take over 20 s on a path 60 folders deep — and this walk runs on
 * the server's main thread. Every *.imr / *.imr.txt letter of the folder is then checked.
 */
export function lspWorkspaceLetters(folder: string, configs: ConfigResolver, trusted: boolean): string[] {
  try {
    // the engine's file selection, as imr-lint's: include/exclude, .imrlintignore and .gitignore of the folder
    return [...createFileSelector({ cwd: folder, configs, noIgnore: !trusted }).walkSync(folder)];
  } catch {
    return []; // the folder is gone, or its ignore file cannot be read
  }
}

export interface PullDeps {
  folders(): readonly string[];
  env: LintEnvironment;
  analyzer: Analyzer;
  settings: SettingsStore;
  trusted(): boolean;
  /** The open letter with this uri, if it is open. */
  document(uri: string): TextDocument | undefined;
  /** Changes whenever configuration, settings, trust or an index changed (results of before are void). */
  generation(): number;
}

interface DiskResult {
  resultId: string;
  items: Diagnostic[];
}

/** How many letters are linted between two turns of the event loop (other requests get answered). */
const BATCH = 25;

export class PullDiagnostics {
  /** The last report per letter on disk (by path): reused while the file and configuration are unchanged. */
  private readonly disk = new Map<string, DiskResult>();

  constructor(private readonly deps: PullDeps) {}

  /** Forget results of letters on disk (configuration or index changed: the generation moved on anyway). */
  clear(): void {
    this.disk.clear();
  }

  async document(uri: string, previousResultId: string | undefined): Promise<DocumentDiagnosticReport> {
    const doc = this.deps.document(uri);
    if (doc) {
      const resultId = `${this.deps.generation()}:v${doc.version}`;
      if (previousResultId === resultId) return { kind: 'unchanged', resultId };
      const analysis = await this.deps.analyzer.current(uri, this.deps.document);
      if (!analysis) return { kind: 'full', items: [] };
      return { kind: 'full', resultId: `${this.deps.generation()}:v${analysis.version}`, items: toDiagnostics(analysis.findings, uri, analysis.version) };
    }
    const file = uriToPath(uri);
    const r = file ? await this.fromDisk(file, previousResultId) : undefined;
    if (!r) return { kind: 'full', items: [] };
    return r.unchanged ? { kind: 'unchanged', resultId: r.resultId } : { kind: 'full', resultId: r.resultId, items: r.items };
  }

  async workspace(previous: readonly { uri: string; value: string }[], token?: CancellationToken): Promise<WorkspaceDocumentDiagnosticReport[]> {
    const before = new Map(previous.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const seen = new Set<string>();
    let n = 0;
    for (const folder of this.deps.folders()) {
      for (const file of lspWorkspaceLetters(folder, this.deps.env.configs(), this.deps.trusted())) {
        if (seen.has(file)) continue;
        seen.add(file);
        if (token?.isCancellationRequested) return items;
        if (++n % BATCH === 0) await new Promise((r) => setImmediate(r));
        const uri = pathToUri(file);
        const doc = this.deps.document(uri);
        if (doc) {
          const report = await this.document(uri, before.get(uri));
          items.push({ ...report, uri, version: doc.version } as WorkspaceDocumentDiagnosticReport);
          continue;
        }
        const r = await this.fromDisk(file, before.get(uri));
        if (!r) continue;
        items.push(r.unchanged ? { kind: 'unchanged', uri, version: null, resultId: r.resultId } : { kind: 'full', uri, version: null, resultId: r.resultId, items: r.items });
      }
    }
    // letters the client still shows but that are gone, or no longer selected: no problems now
    const seenUris = new Set([...seen].map(pathToUri));
    for (const uri of before.keys()) if (!seenUris.has(uri) && !this.deps.document(uri)) items.push({ kind: 'full', uri, version: null, items: [] });
    return items;
  }

  /** Lints a letter from disk (unless its result id is `previousResultId`); undefined when it cannot be read. */
  private async fromDisk(file: string, previousResultId: string | undefined): Promise<(DiskResult & { unchanged: boolean }) | undefined> {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.disk.delete(file);
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const resultId = `${this.deps.generation()}:${stat.size}:${stat.mtimeMs}`;
    if (previousResultId === resultId) return { resultId, items: [], unchanged: true };
    const known = this.disk.get(file);
    if (known && known.resultId === resultId) return { ...known, unchanged: false };
    let text: string;
    let unread: Finding | undefined;
    try {
      // the engine's checked read: a regular file of at most 8 MB, read through the descriptor it checked
      text = readTextChecked(file, READ_LIMITS.letter).text;
    } catch (e) {
      if (!(e instanceof FileReadError) || e.code !== 'EFBIG') return undefined;
      text = '';
      unread = invalidInputFinding(`The file is ${e.detail}; not linted.`);
    }
    const folder = folderOf(this.deps.folders(), file);
    // settings of the letter's folder (one workspace/configuration request per folder, not per letter)
    const settings = await this.deps.settings.get(pathToUri(folder ?? file));
    const uri = pathToUri(file);
    // in the lint worker, within the time budget (a setup problem is the letter's one finding)
    const findings = unread ? [unread] : await this.deps.analyzer.lintFile(uri, file, text, settings);
    const result = { resultId, items: toDiagnostics(findings, uri) };
    this.disk.set(file, result);
    return { ...result, unchanged: false };
  }
}
