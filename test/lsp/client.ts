/**
 * Test client for the IMR language server: starts the BUILT server (bin/imr-language-server.js
 * --stdio) as a child process and talks LSP to it. Diagnostics are awaited event by event (never a
 * fixed sleep); `workspace/configuration` is answered from `settings`, which tests may change.
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CancellationTokenSource } from 'vscode-jsonrpc/lib/common/api';
import type * as JsonRpcNode from 'vscode-jsonrpc/lib/node/main';
import type {
  ClientCapabilities,
  ConfigurationParams,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsParams,
  RegistrationParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/lib/node/main';
import type * as ProtocolNode from 'vscode-languageserver-protocol/lib/node/main';
import { TextDocument } from 'vscode-languageserver-textdocument';

// TypeScript's "node" module resolution ignores package.json "exports"; Node honours them, so the
// types come from the file and the code from the package's "./node" export.
export const rpc = require('vscode-languageserver-protocol/node') as typeof ProtocolNode & typeof JsonRpcNode;
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = rpc;

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const SERVER_BIN = path.join(REPO_ROOT, 'bin/imr-language-server.js');
export const DEFAULT_TIMEOUT = 20_000;

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

export interface StartOptions {
  /** Workspace folder (defaults to the repository root). */
  root?: string;
  /** The `imr` settings section answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
  /** Node options before the server script (e.g. `--require` a test preload; lint workers inherit them). */
  nodeArgs?: string[];
}

type Waiter = { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class TestClient {
  readonly received: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly registrations: RegistrationParams[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  /** Server traces ($/logTrace), after `$/setTrace` turned them on. */
  readonly traces: string[] = [];
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly waiters: Waiter[] = [];
  private readonly registrationWaiters: (() => void)[] = [];
  private readonly traceWaiters: (() => void)[] = [];
  private readonly docs = new Map<string, TextDocument>();
  private stderr = '';

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(opts: StartOptions = {}): Promise<TestClient> {
    const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), SERVER_BIN, '--stdio'], { cwd: opts.root ?? REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, conn, { validationDelay: 0, ...(opts.settings ?? {}) });
    proc.stderr!.on('data', (b: Buffer) => (client.stderr += b.toString()));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => client.onDiagnostics(p));
    conn.onNotification('window/showMessage', (p: ShowMessageParams) => client.messages.push(p));
    conn.onNotification('window/logMessage', () => undefined);
    conn.onNotification('$/logTrace', (p: { message: string }) => {
      client.traces.push(p.message);
      for (const w of client.traceWaiters.splice(0)) w();
    });
    conn.onRequest('workspace/configuration', (p: ConfigurationParams) => {
      client.configurationRequests.push(p);
      return p.items.map((i) => (i.section === 'imr' ? client.settings : null));
    });
    conn.onRequest('client/registerCapability', (p: RegistrationParams) => {
      client.registrations.push(p);
      for (const w of client.registrationWaiters.splice(0)) w();
      return null;
    });
    conn.onRequest('window/showMessageRequest', () => null);
    conn.listen();
    const root = opts.root ?? REPO_ROOT;
    client.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: fileUri(root),
      workspaceFolders: [{ uri: fileUri(root), name: path.basename(root) }],
      initializationOptions: opts.initializationOptions,
      capabilities: opts.capabilities ?? {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
        },
      },
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  private onDiagnostics(p: PublishDiagnosticsParams): void {
    this.received.push(p);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i]!;
      if (w.uri === p.uri && w.accept(p)) {
        this.waiters.splice(i, 1);
        w.resolve(p);
      }
    }
  }

  /** The most recent diagnostics published for `uri`, if any. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    for (let i = this.received.length - 1; i >= 0; i--) {
      const p = this.received[i]!;
      if (p.uri === uri) return p;
    }
    return undefined;
  }

  /**
   * Resolves with the first diagnostics for `uri` that satisfy `accept` — the latest one already
   * received if it does, else the next that arrives. Rejects after `timeout` ms.
   */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeout = DEFAULT_TIMEOUT): Promise<PublishDiagnosticsParams> {
    const last = this.latest(uri);
    if (last && accept(last)) return Promise.resolve(last);
    return new Promise((resolve, reject) => {
      const w: Waiter = { uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(w);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeout} ms (last: ${JSON.stringify(this.latest(uri)?.diagnostics.map((d) => d.code))}; server stderr: ${this.stderr.slice(-500)})`));
      }, timeout);
      this.waiters.push(w);
    });
  }

  /** Resolves once the server has registered `method` dynamically (client/registerCapability). */
  async waitForRegistration(method: string, timeout = DEFAULT_TIMEOUT): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!this.registrations.some((r) => r.registrations.some((x) => x.method === method))) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${method} was not registered within ${timeout} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.registrationWaiters.push(() => (clearTimeout(t), resolve()));
      });
    }
  }

  /** Resolves with the first trace from index `from` on that matches (after `$/setTrace`). */
  async waitForTrace(pattern: RegExp, from = 0, timeout = DEFAULT_TIMEOUT): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const hit = this.traces.slice(from).find((t) => pattern.test(t));
      if (hit !== undefined) return hit;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no trace matching ${pattern} within ${timeout} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.traceWaiters.push(() => (clearTimeout(t), resolve()));
      });
    }
  }

  /** Waits for the diagnostics of one document version. */
  diagnosticsFor(uri: string, version: number, timeout?: number): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, (p) => p.version === version, timeout);
  }

  async open(uri: string, text: string, languageId = 'imr', version = 1): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, languageId, version, text));
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Sends incremental changes (or a full text) and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    const version = doc.version + 1;
    TextDocument.update(doc, changes, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Applies text edits as incremental changes (last edit first, so ranges stay valid). */
  async applyEdits(uri: string, edits: readonly TextEdit[]): Promise<number> {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    return this.change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
  }

  async save(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    return doc.getText();
  }

  version(uri: string): number {
    return this.docs.get(uri)?.version ?? 0;
  }

  request<R>(method: string, params: unknown, token?: CancellationTokenSource): Promise<R> {
    return (token ? this.conn.sendRequest(method, params, token.token) : this.conn.sendRequest(method, params)) as Promise<R>;
  }

  /** Settings changed: the server re-reads them through workspace/configuration. */
  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = { validationDelay: 0, ...settings };
    await this.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.proc.kill();
          resolve();
        }, 3000);
        this.proc.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  get serverStderr(): string {
    return this.stderr;
  }
}

/** Checked reads (test/helpers/checked.ts), for the LSP tests that import this client. */
export { nth } from '../helpers/checked';

/** Applies a text document's edits (LSP semantics: all ranges refer to the original text). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'imr', 0, text), [...edits]);
}

/** The edits a workspace edit makes to `uri` (versioned documentChanges or plain changes). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [];
  for (const c of edit.documentChanges ?? []) if ('textDocument' in c && c.textDocument.uri === uri) out.push(...(c.edits as TextEdit[]));
  out.push(...(edit.changes?.[uri] ?? []));
  return out;
}

/** Zero-based position of the first occurrence of `needle` (plus `offset` characters) in `text`. */
export function positionOf(text: string, needle: string, offset = 0, occurrence = 1): { line: number; character: number } {
  let at = -1;
  for (let k = 0; k < occurrence; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  const doc = TextDocument.create('file:///x', 'imr', 0, text);
  return doc.positionAt(at + offset);
}
