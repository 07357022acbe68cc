import * as path from 'path';
import {
  ClientCapabilities,
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWatchedFilesParams,
  DocumentDiagnosticReport,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  WorkspaceDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, findAsset, lintText, MtusIndex } from '../engine';
import { loadSnippets, SnippetDefinition } from '../service';
import { Analyzer } from './analysis';
import { FileProblemReporter } from './file-problems';
import { registerExportHandlers } from './export-handlers';
import { registerLanguageHandlers } from './language-handlers';
import { LintEnvironment } from './lint-environment';
import { LintPool } from './lint-pool';
import { PullDiagnostics } from './pull-diagnostics';
import { RestrictedModeNotice } from './restricted-mode';
import { InitializationOptions, SOURCE_FIX_ALL_IMR, TRUST_CHANGED_NOTIFICATION, TrustChangedParams } from '../../../shared/protocol';
import { SettingsStore } from './settings';
import { folderOf, isConfigFileUri, isLetter, pathToUri, sameFile, uriToPath } from './uris';
import { Validator } from './validation';

export const SERVER_NAME = 'imr-language-server';

/** Files the server watches (registered dynamically when the client allows it). */
export const WATCHED_GLOBS = ['**/.imrlintrc.{yaml,yml,json}', '**/*.{yaml,yml}'];

/** Events closer together than this cause one re-lint of the open letters. */
const REFRESH_COALESCE_MS = 30;

/** Wires the IMR language features to a connection (the transport is the caller's business). */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(undefined);
  const env = new LintEnvironment(process.cwd());
  let folders: string[] = [];
  let trusted = true;
  /** The client has the imr.selectRange command (InitializationOptions.selectRangeCommand). */
  let selectRangeCommand = false;
  let caps: ClientCapabilities = {};
  let snippets: readonly SnippetDefinition[] = [];

  // Content-free names for traces: letters never appear in logs, not even their file names.
  const labels = new Map<string, string>();
  let labelCount = 0;
  const label = (uri: string) => {
    let l = labels.get(uri);
    if (!l) labels.set(uri, (l = `doc#${++labelCount}`));
    return l;
  };
  const trace = (message: string) => connection.tracer.log(message);

  const letter = (uri: string): TextDocument | undefined => {
    const d = documents.get(uri);
    return d && isLetter(d.languageId, d.uri) ? d : undefined;
  };
  const letters = () => documents.all().filter((d) => isLetter(d.languageId, d.uri));
  const openText = (uri: string): string | undefined => {
    const direct = documents.get(uri);
    if (direct) return direct.getText();
    const file = uriToPath(uri);
    if (!file) return undefined;
    return documents.all().find((d) => {
      const p = uriToPath(d.uri);
      return p !== undefined && sameFile(p, file);
    })?.getText();
  };

  // letters are parsed and linted in worker threads, each lint within its time budget
  const pool = new LintPool({
    trace,
    broken: (why) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `IMR letters cannot be checked: ${why}. Reinstall imr-letter-tools.` }),
  });
  const analyzer = new Analyzer({ env, settings, trusted: () => trusted, folders: () => folders, pool });
  // LSP 3.17 pull diagnostics when the client supports them; push (publishDiagnostics) otherwise
  let pullMode = false;
  let generation = 0;
  const pull = new PullDiagnostics({ folders: () => folders, env, analyzer, settings, trusted: () => trusted, document: letter, generation: () => generation });
  const files = new FileProblemReporter({
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    showWarning: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
    openText,
    trusted: () => trusted,
  });
  const restrictedNotice = new RestrictedModeNotice((message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message }));
  const validator = new Validator({
    document: letter,
    letters,
    analyzer,
    settings,
    publish: (uri, version, diagnostics) => {
      if (!pullMode) void connection.sendDiagnostics({ uri, version, diagnostics });
    },
    analysed: (a) => {
      files.report(a.files);
      if (!trusted) restrictedNotice.note(a.files, a.settings.index);
    },
    trace,
    label,
  });

  const indexFor = async (uri: string | undefined): Promise<MtusIndex> => {
    const s = await settings.get(uri ?? pathToUri(folders[0] ?? process.cwd()));
    const file = uri ? uriToPath(uri) : undefined;
    return env.resolve(file, { settings: s, trusted, folder: folderOf(folders, file) }).index;
  };

  /**
   * The config file of each workspace folder (and the index files it names) is checked even when no
   * letter below it is open yet: its problems are diagnostics on it from the start.
   */
  const checkFolderConfigs = async () => {
    for (const folder of folders) {
      try {
        const s = await settings.get(pathToUri(folder));
        files.report(env.resolve(path.join(folder, 'letter.imr'), { settings: s, trusted, folder }).files);
      } catch (e) {
        trace(`config check of a workspace folder failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };

  /**
   * Config, index, settings or trust changed: forget everything derived now, and re-lint the open
   * letters once a burst of such events (a checkout touching many files) is over.
   */
  let revalidateTimer: NodeJS.Timeout | undefined;
  const refresh = (why: string) => {
    trace(`refresh: ${why}`);
    env.reset();
    analyzer.invalidate();
    generation++;
    pull.clear();
    if (revalidateTimer) clearTimeout(revalidateTimer);
    revalidateTimer = setTimeout(() => {
      revalidateTimer = undefined;
      files.clearAll();
      for (const d of documents.all()) if (isConfigFileUri(d.uri)) files.checkOpenConfig(d.uri, d.getText());
      void checkFolderConfigs();
      void validator.revalidateAll();
      // pull clients ask again for every letter (their result ids are now void)
      if (pullMode && caps.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
    }, REFRESH_COALESCE_MS);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    caps = params.capabilities;
    pullMode = caps.textDocument?.diagnostic !== undefined;
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    const root = params.rootUri ? uriToPath(params.rootUri) : undefined;
    if (folders.length === 0 && root) folders = [root];
    env.setCwd(folders[0] ?? process.cwd());
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    trusted = init.trusted !== false;
    env.setTrusted(trusted);
    selectRangeCommand = init.selectRangeCommand === true;
    if (caps.workspace?.configuration) {
      settings.setFetcher(async (scopeUri) => {
        const [value] = (await connection.workspace.getConfiguration([{ scopeUri, section: 'imr' }])) as unknown[];
        return value;
      });
    }
    const loaded = loadSnippets(findAsset('snippets/imr.code-snippets'));
    snippets = loaded.snippets;
    if (loaded.problem) connection.console.warn(`IMR snippets not available: ${loaded.problem}`);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: [':', ' '], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'IMR letter' },
        foldingRangeProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, SOURCE_FIX_ALL_IMR], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(pullMode ? { diagnosticProvider: { identifier: 'imr', interFileDependencies: false, workspaceDiagnostics: true } } : {}),
      },
      serverInfo: { name: SERVER_NAME, version: serverVersion() },
    };
  });

  connection.onInitialized(() => {
    void checkFolderConfigs();
    pool.warm();
    // load the bundled index and compile the schema now rather than on the first letter
    setImmediate(() => {
      try {
        lintText({ text: '', config: defaultConfig(folders[0] ?? process.cwd()), index: env.bundledIndex() });
      } catch (e) {
        trace(`warm-up failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
    if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'imr' });
    }
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      const kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete;
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern, kind })) });
    }
    if (caps.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
        folders = [...folders.filter((f) => !removed.has(f)), ...added];
        env.setCwd(folders[0] ?? process.cwd());
        refresh('workspace folders changed');
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { imr?: unknown } | null | undefined)?.imr;
    if (pushed !== undefined) settings.setPushed(pushed);
    settings.clear();
    refresh('settings changed');
  });

  connection.onNotification(TRUST_CHANGED_NOTIFICATION, (p: TrustChangedParams) => {
    const next = p?.trusted !== false;
    if (next === trusted) return;
    trusted = next;
    env.setTrusted(trusted);
    refresh(`workspace ${trusted ? 'trusted' : 'untrusted'}`);
  });

  connection.onDidChangeWatchedFiles((p: DidChangeWatchedFilesParams) => {
    const relevant = p.changes.some((c) => {
      if (isConfigFileUri(c.uri)) return true;
      const file = uriToPath(c.uri);
      // a created or deleted YAML file may be an index file a config names; a changed one only if known
      return file !== undefined && /\.ya?ml$/i.test(file) && (c.type !== FileChangeType.Changed || env.isKnownIndexFile(file));
    });
    if (relevant) refresh('config or index file changed on disk');
  });

  // TextDocuments fires onDidOpen and then onDidChangeContent for an opened document.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => justOpened.add(e.document.uri));
  documents.onDidChangeContent((e) => {
    const doc = e.document;
    const opened = justOpened.delete(doc.uri);
    if (isConfigFileUri(doc.uri)) files.checkOpenConfig(doc.uri, doc.getText());
    else if (isLetter(doc.languageId, doc.uri)) void validator.schedule(doc.uri, opened ? 'open' : 'change');
  });
  documents.onDidSave((e) => {
    if (isLetter(e.document.languageId, e.document.uri)) void validator.schedule(e.document.uri, 'save');
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    validator.cancel(uri);
    analyzer.forget(uri);
    settings.forget(uri);
    labels.delete(uri);
    if (isConfigFileUri(uri)) {
      // back to what is on disk
      files.clear(uri);
      refresh('config file closed');
    } else if (!pullMode) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // a config file's problems are pushed (FileProblemReporter): it is never linted as a letter
  connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => (isConfigFileUri(params.textDocument.uri) ? { kind: 'full', items: [] } : pull.document(params.textDocument.uri, params.previousResultId)));
  connection.languages.diagnostics.onWorkspace(async (params, token): Promise<WorkspaceDiagnosticReport> => ({ items: await pull.workspace(params.previousResultIds, token) }));

  registerLanguageHandlers(connection, {
    letter,
    analyzer,
    indexFor,
    snippets: () => snippets,
    snippetSupport: () => caps?.textDocument?.completion?.completionItem?.snippetSupport === true,
    versionedEdits: () => caps.workspace?.workspaceEdit?.documentChanges === true,
    reasonSelection: () => {
      // LSP 3.18 `workspace.workspaceEdit.snippetEditSupport` (newer than the 3.17 types here)
      const snippetEdits = (caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true;
      if (snippetEdits && caps.workspace?.workspaceEdit?.documentChanges === true) return 'snippet';
      return selectRangeCommand ? 'command' : 'none';
    },
  });

  registerExportHandlers(connection, { letter, analyzer, producer: `imr-letter-tools ${serverVersion()}` });

  connection.onShutdown(() => {
    if (revalidateTimer) clearTimeout(revalidateTimer);
    validator.dispose();
    pool.dispose();
  });
  documents.listen(connection);
  connection.listen();
}

function serverVersion(): string {
  const pkg = findAsset('package.json');
  try {
    return pkg ? String((require(pkg) as { version?: unknown }).version ?? '0.0.0') : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
