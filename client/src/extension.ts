import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { LETTER_GLOB, registerCommands } from './commands';
import { LetterPreviews } from './preview';
import { InitializationOptions } from './protocol';
import { LANGUAGE_ID, StatusBar } from './status-bar';
import { isTrusted, watchTrust } from './trust';

/** What `activate` returns: used by the extension-host tests. */
export interface ImrExtensionApi {
  /** Resolves once the language server has started (or failed to). */
  ready: Promise<void>;
  getClient(): LanguageClient | undefined;
}

let client: LanguageClient | undefined;

/**
 * The bundled server (`dist/server.js`, built by scripts/bundle.js); in a development checkout
 * without a bundle, the tsc output under `out/`.
 */
function serverModule(context: vscode.ExtensionContext): string {
  const candidates = ['dist/server.js', 'out/server/src/lsp/main.js'].map((p) => context.asAbsolutePath(p));
  return candidates.find((p) => fs.existsSync(p)) ?? candidates[0];
}

/**
 * Letters that "Lint All Letters in Workspace" opened in the background. VS Code disposes such
 * documents after a few minutes; the server then clears their diagnostics as for any closed
 * document. For these letters the client keeps the last diagnostics instead, so the Problems panel
 * goes on listing the workspace's findings until the letter is opened again or deleted.
 */
const workspaceLinted = new Set<string>();

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = serverModule(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = { trusted: isTrusted() };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: {
      // The server pulls `imr` via workspace/configuration whenever this section changes.
      // (File events for .imrlintrc.* and *.yaml/*.yml: the server registers those watchers itself,
      // dynamically, so that every LSP client gets them; a second static watcher would double them.)
      configurationSection: 'imr',
    },
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        if (diagnostics.length === 0 && workspaceLinted.has(uri.toString()) && !isOpen(uri)) return;
        next(uri, diagnostics);
      },
    },
    initializationOptions,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  // Client id `imr` makes vscode-languageclient honour the `imr.trace.server` setting.
  return new LanguageClient('imr', 'IMR Language Server', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<ImrExtensionApi> {
  const output = vscode.window.createOutputChannel('IMR Language Server');
  context.subscriptions.push(output);

  const statusBar = new StatusBar(() => client);
  const previews = new LetterPreviews(() => client);
  context.subscriptions.push(statusBar, previews);

  const start = async (): Promise<void> => {
    client = createClient(context, output);
    try {
      await client.start();
    } catch (err) {
      output.appendLine(`IMR language server failed to start: ${String(err)}`);
      void vscode.window.showErrorMessage('IMR: the language server failed to start — see the "IMR Language Server" output.');
    }
    statusBar.schedule(0);
    previews.refreshAll();
  };

  const restart = async (): Promise<void> => {
    const old = client;
    client = undefined;
    if (old) {
      try {
        await old.stop();
      } catch (err) {
        output.appendLine(`Stopping the IMR language server: ${String(err)}`);
      }
    }
    await start();
  };

  const letterWatcher = vscode.workspace.createFileSystemWatcher(LETTER_GLOB, true, true, false);
  context.subscriptions.push(
    ...registerCommands({ context, getClient: () => client, restart, output, workspaceLinted, previews }),
    watchTrust(() => client),
    letterWatcher,
    letterWatcher.onDidDelete((uri) => {
      if (workspaceLinted.delete(uri.toString())) client?.diagnostics?.delete(uri);
    }),
  );

  const ready = start();
  await ready;
  return { ready, getClient: () => client };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
