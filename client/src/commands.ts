import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import * as path from 'path';
import { INDEX_TOPICS_REQUEST, IndexTopicEntry, IndexTopicsParams, VERIFY_INDEX_REQUEST, VerifyIndexParams, VerifyIndexResult } from './protocol';
import { citationText } from './citation';
import { loadLetterTemplate, SNIPPETS_FILE } from './snippets';
import { LANGUAGE_ID } from './status-bar';

export const COMMANDS = {
  newLetter: 'imr.newLetter',
  insertCitation: 'imr.insertCitation',
  lintWorkspace: 'imr.lintWorkspace',
  restartServer: 'imr.restartServer',
  verifyIndex: 'imr.verifyIndex',
} as const;

/** Letters in the workspace: *.imr and *.imr.txt. */
export const LETTER_GLOB = '**/*.{imr,imr.txt}';
const EXCLUDE_GLOB = '**/{node_modules,.git}/**';

export interface CommandHost {
  context: vscode.ExtensionContext;
  getClient(): LanguageClient | undefined;
  restart(): Promise<void>;
  output: vscode.OutputChannel;
  /** Letters opened in the background by "Lint All Letters in Workspace" (see extension.ts middleware). */
  workspaceLinted: Set<string>;
}

export function registerCommands(host: CommandHost): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.newLetter, () => newLetter(host)),
    vscode.commands.registerCommand(COMMANDS.insertCitation, () => insertCitation(host)),
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, () => lintWorkspace(host)),
    vscode.commands.registerCommand(COMMANDS.restartServer, () => host.restart()),
    vscode.commands.registerCommand(COMMANDS.verifyIndex, () => verifyIndex(host)),
  ];
}

function runningClient(host: CommandHost): LanguageClient | undefined {
  const client = host.getClient();
  if (client && client.isRunning()) return client;
  void vscode.window.showWarningMessage('IMR: the language server is not running (IMR: Restart Language Server).');
  return undefined;
}

/** IMR: New Determination Letter — an untitled `imr` document filled from the whole-letter snippet. */
export async function newLetter(host: CommandHost): Promise<vscode.TextEditor> {
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

type TopicPick = vscode.QuickPickItem & { topic: IndexTopicEntry };

const PAGE_STYLE_BUTTON: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('file-text'),
  tooltip: 'Insert as a Page(s) citation',
};

/**
 * IMR: Insert MTUS Citation — quick pick over the MTUS index topics (`imr/indexTopics`); Enter
 * inserts the Section(s) citation, the item button the Page(s) citation where the index has pages.
 */
export async function insertCitation(host: CommandHost): Promise<void> {
  const client = runningClient(host);
  if (!client) return;
  const editor = vscode.window.activeTextEditor;
  const params: IndexTopicsParams = editor ? { textDocument: { uri: editor.document.uri.toString() } } : {};
  const topics = (await client.sendRequest<IndexTopicEntry[] | null>(INDEX_TOPICS_REQUEST, params)) ?? [];
  if (topics.length === 0) {
    void vscode.window.showInformationMessage('IMR: the MTUS index has no topics.');
    return;
  }
  const picked = await new Promise<{ topic: IndexTopicEntry; pageStyle: boolean } | undefined>((resolve) => {
    const qp = vscode.window.createQuickPick<TopicPick>();
    qp.title = 'Insert MTUS Citation';
    qp.placeholder = 'Type a topic, e.g. "Physical medicine" or "Opioids"';
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.items = topics.map((t) => ({
      label: t.label,
      description: t.guideline,
      detail: t.description ? `${t.detail} — ${t.description}` : t.detail,
      buttons: t.pageStyleInsertText ? [PAGE_STYLE_BUTTON] : [],
      topic: t,
    }));
    let result: { topic: IndexTopicEntry; pageStyle: boolean } | undefined;
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0];
      if (item) result = { topic: item.topic, pageStyle: false };
      qp.hide();
    });
    qp.onDidTriggerItemButton((e) => {
      result = { topic: e.item.topic, pageStyle: true };
      qp.hide();
    });
    qp.onDidHide(() => {
      qp.dispose();
      resolve(result);
    });
    qp.show();
  });
  if (!picked) return;
  const target = vscode.window.activeTextEditor;
  if (!target) {
    await vscode.env.clipboard.writeText(picked.topic.insertText);
    void vscode.window.showInformationMessage('IMR: no editor is open; the citation was copied to the clipboard.');
    return;
  }
  await target.edit((edit) => {
    for (const sel of target.selections) {
      const before = target.document.lineAt(sel.start.line).text.slice(0, sel.start.character);
      edit.replace(sel, citationText(picked.topic, before, picked.pageStyle));
    }
  });
}

/**
 * IMR: Lint All Letters in Workspace — opens every *.imr / *.imr.txt file as a (hidden) text
 * document, so the language server lints it and its problems appear in the Problems panel.
 * VS Code closes such background documents after a while; the client keeps their last diagnostics
 * (middleware in extension.ts), the way a lint task's problems stay until the next run.
 */
export async function lintWorkspace(host: CommandHost): Promise<number> {
  if (!runningClient(host)) return 0;
  const uris = await vscode.workspace.findFiles(LETTER_GLOB, EXCLUDE_GLOB);
  if (uris.length === 0) {
    void vscode.window.showInformationMessage('IMR: no *.imr or *.imr.txt letters in this workspace.');
    return 0;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `IMR: linting ${uris.length} letter(s)…` },
    async () => {
      for (const uri of uris) {
        host.workspaceLinted.add(uri.toString());
        try {
          const doc = await vscode.workspace.openTextDocument(uri);
          if (doc.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
        } catch (err) {
          host.output.appendLine(`Cannot open ${uri.fsPath}: ${String(err)}`);
        }
      }
    },
  );
  // Focus (not toggle: workbench.actions.view.problems would close an open panel) the Problems view.
  await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
  return uris.length;
}

/**
 * IMR: Verify Index Against Guideline PDF… — asks for the PDF and the guideline, lets the language
 * server run the engine's verification (`imr/verifyIndex`, the same code as `imr index verify`),
 * writes the corrections file next to the PDF (after asking where) and opens it.
 */
export async function verifyIndex(host: CommandHost): Promise<vscode.Uri | undefined> {
  const client = runningClient(host);
  if (!client) return undefined;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Verify', title: 'Guideline PDF to verify the MTUS index against', filters: { 'PDF files': ['pdf'] } });
  const pdf = picked?.[0];
  if (!pdf) return undefined;
  const editor = vscode.window.activeTextEditor;
  const textDocument = editor ? { uri: editor.document.uri.toString() } : undefined;
  const topics = (await client.sendRequest<IndexTopicEntry[] | null>(INDEX_TOPICS_REQUEST, textDocument ? { textDocument } : {})) ?? [];
  const guidelines = new Map<string, { label: string; count: number }>();
  for (const t of topics) {
    const g = guidelines.get(t.guidelineId) ?? { label: t.guideline, count: 0 };
    g.count++;
    guidelines.set(t.guidelineId, g);
  }
  const choice = await vscode.window.showQuickPick(
    [...guidelines].map(([id, g]) => ({ label: g.label, description: id, detail: `${g.count} topic(s)`, id })),
    { title: `Which guideline is ${path.basename(pdf.fsPath)}?`, placeHolder: 'Guideline of the MTUS index', matchOnDescription: true },
  );
  if (!choice) return undefined;
  const params: VerifyIndexParams = { pdf: pdf.fsPath, guidelineId: choice.id, ...(textDocument ? { textDocument } : {}) };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `IMR: verifying ${choice.label} against ${path.basename(pdf.fsPath)}…` },
    () => client.sendRequest<VerifyIndexResult>(VERIFY_INDEX_REQUEST, params),
  );
  if ('error' in result) {
    void vscode.window.showErrorMessage(`IMR: ${path.basename(pdf.fsPath)}: ${result.error}`);
    return undefined;
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(path.join(path.dirname(pdf.fsPath), `mtus-index-${choice.id}-corrections.yaml`)),
    filters: { 'MTUS index (YAML)': ['yaml', 'yml'] },
    title: 'Save the corrections file',
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.corrections, 'utf8'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  void vscode.window.showInformationMessage(
    `IMR: ${result.confirmed} confirmed, ${result.moved} moved, ${result.notFound} not found, ${result.tocNotInIndex} table-of-contents entries not in the index (${result.numbering}). Add the file to "imr.index" or .imrlintrc "index" to use it.`,
  );
  return target;
}
