import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  DiagnosticPullMode,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { CONFIG_FILE_NAMES } from '../../server/src/engine/config/types';
import { registerCommands } from './commands';
import { LetterPreviews } from './preview';
import { InitializationOptions } from './protocol';
import { registerSelectRange } from './select-range';
import { LANGUAGE_ID, StatusBar } from './status-bar';
import { isTrusted, watchTrust } from './trust';
import { WorkspaceLint } from './workspace-diagnostics';

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
  return candidates.find((p) => fs.existsSync(p)) ?? candidates[0]!;
}

/** Workspace diagnostics, on when "Lint All Letters in Workspace" has been run. */
const workspaceLint = new WorkspaceLint();

/** The config files (`.imrlintrc.yaml` …) anywhere in the workspace. */
const CONFIG_FILE_GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;

function isConfigFile(doc: vscode.TextDocument): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1));
}

/** `imr.run` of a letter: pulls while typing are skipped when it is `onSave`. */
function runsOnSave(doc: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('imr', doc.uri).get<string>('run') === 'onSave';
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = serverModule(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = { trusted: isTrusted(), selectRangeCommand: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
      // open config files go to the server so that their problems are diagnostics as they are typed
      { scheme: 'file', pattern: CONFIG_FILE_GLOB },
    ],
    synchronize: {
      // The server pulls `imr` via workspace/configuration whenever this section changes.
      // (File events for .imrlintrc.* and *.yaml/*.yml: the server registers those watchers itself,
      // dynamically, so that every LSP client gets them; a second static watcher would double them.)
      configurationSection: 'imr',
    },
    // LSP pull diagnostics: open letters are pulled when they change or are saved; the workspace
    // only after "Lint All Letters in Workspace" (workspace-diagnostics.ts)
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      // config files get their diagnostics pushed by the server (they are not letters to pull)
      filter: (doc, mode) => isConfigFile(doc) || (mode === DiagnosticPullMode.onType && runsOnSave(doc)),
    },
    middleware: {
      provideWorkspaceDiagnostics: workspaceLint.middleware,
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
    workspaceLint.reset();
    if (old) {
      try {
        await old.stop();
      } catch (err) {
        output.appendLine(`Stopping the IMR language server: ${String(err)}`);
      }
    }
    await start();
  };

  context.subscriptions.push(...registerCommands({ context, getClient: () => client, restart, output, workspaceLint, previews }), watchTrust(() => client), registerSelectRange());

  const ready = start();
  await ready;
  return { ready, getClient: () => client };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
