import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INDEX_TOPICS, IndexTopic, IndexTopicsParams, LINT_FILES, LintFilesParams, LintFilesResult } from './protocol';
import { loadLetterTemplate, SNIPPETS_FILE } from './snippets';
import { LANGUAGE_ID } from './status-bar';

export const COMMANDS = {
  newLetter: 'imr.newLetter',
  insertCitation: 'imr.insertCitation',
  lintWorkspace: 'imr.lintWorkspace',
  restartServer: 'imr.restartServer',
} as const;

/** Letters in the workspace: *.imr and *.imr.txt. */
export const LETTER_GLOB = '**/*.{imr,imr.txt}';
const EXCLUDE_GLOB = '**/{node_modules,.git,out,dist}/**';
/** JSON-RPC "method not found". */
const METHOD_NOT_FOUND = -32601;

export interface CommandHost {
  context: vscode.ExtensionContext;
  getClient(): LanguageClient | undefined;
  restart(): Promise<void>;
  output: vscode.OutputChannel;
}

export function registerCommands(host: CommandHost): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.newLetter, () => newLetter(host)),
    vscode.commands.registerCommand(COMMANDS.insertCitation, () => insertCitation(host)),
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, () => lintWorkspace(host)),
    vscode.commands.registerCommand(COMMANDS.restartServer, () => host.restart()),
  ];
}

/** IMR: New Determination Letter — an untitled `imr` document filled from the whole-letter snippet. */
export async function newLetter(host: CommandHost): Promise<vscode.TextEditor | undefined> {
  let template;
  try {
    template = loadLetterTemplate(host.context.extensionPath);
  } catch (err) {
    host.output.appendLine(`Cannot read ${SNIPPETS_FILE}: ${String(err)}`);
  }
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  if (!template) {
    void vscode.window.showWarningMessage(`IMR: no whole-letter template found in ${SNIPPETS_FILE}.`);
    return editor;
  }
  await editor.insertSnippet(new vscode.SnippetString(template.body), new vscode.Position(0, 0));
  return editor;
}

/** IMR: Insert MTUS Citation — quick pick over the index topics, inserted at the cursor(s). */
export async function insertCitation(host: CommandHost): Promise<void> {
  const client = host.getClient();
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('IMR: the language server is not running.');
    return;
  }
  const editor = vscode.window.activeTextEditor;
  const params: IndexTopicsParams = editor ? { textDocument: { uri: editor.document.uri.toString() } } : {};
  const topics = (await client.sendRequest<IndexTopic[] | null>(INDEX_TOPICS, params)) ?? [];
  if (topics.length === 0) {
    void vscode.window.showInformationMessage('IMR: the MTUS index has no topics.');
    return;
  }
  type Pick = vscode.QuickPickItem & { topic: IndexTopic };
  const items: Pick[] = topics.map((t) => ({
    label: t.label,
    description: t.guideline,
    detail: t.detail,
    topic: t,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Insert MTUS Citation',
    placeHolder: 'Type a topic, e.g. "Physical medicine" or "Opioids"',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  const target = vscode.window.activeTextEditor;
  if (!target) {
    await vscode.env.clipboard.writeText(picked.topic.insertText);
    void vscode.window.showInformationMessage('IMR: no editor is open; the citation was copied to the clipboard.');
    return;
  }
  await target.edit((edit) => {
    for (const sel of target.selections) edit.replace(sel, picked.topic.insertText);
  });
}

/**
 * IMR: Lint All Letters in Workspace — every *.imr / *.imr.txt file gets its problems in the
 * Problems panel. Asks the server to lint the files from disk (`imr/lintFiles`); a server without
 * that request gets the files opened as (hidden) text documents instead.
 */
export async function lintWorkspace(host: CommandHost): Promise<number> {
  const client = host.getClient();
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('IMR: the language server is not running.');
    return 0;
  }
  const uris = await vscode.workspace.findFiles(LETTER_GLOB, EXCLUDE_GLOB);
  if (uris.length === 0) {
    void vscode.window.showInformationMessage('IMR: no *.imr or *.imr.txt letters in this workspace.');
    return 0;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `IMR: linting ${uris.length} letter(s)…` },
    async () => {
      let done = false;
      try {
        const params: LintFilesParams = { uris: uris.map((u) => u.toString()) };
        await client.sendRequest<LintFilesResult>(LINT_FILES, params);
        done = true;
      } catch (err) {
        const code = (err as { code?: number }).code;
        if (code !== METHOD_NOT_FOUND) host.output.appendLine(`${LINT_FILES} failed: ${String(err)}`);
      }
      if (!done) {
        for (const uri of uris) {
          const doc = await vscode.workspace.openTextDocument(uri);
          if (doc.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
        }
      }
    },
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  return uris.length;
}
