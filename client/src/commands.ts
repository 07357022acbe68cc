import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import * as path from 'path';
import { INDEX_TOPICS_REQUEST, IndexTopicEntry, IndexTopicsParams, VERIFY_INDEX_REQUEST, VerifyIndexParams, VerifyIndexResult } from './protocol';
import { citationText } from './citation';
import { loadLetterTemplate, SNIPPETS_FILE } from './snippets';
import { LANGUAGE_ID } from './status-bar';
import type { WorkspaceLint } from './workspace-diagnostics';
import { exportLetter } from './export';
import { LetterPreviews } from './preview';

export const COMMANDS = {
  newLetter: 'imr.newLetter',
  insertCitation: 'imr.insertCitation',
  lintWorkspace: 'imr.lintWorkspace',
  restartServer: 'imr.restartServer',
  openPreview: 'imr.openPreview',
  exportPdf: 'imr.exportPdf',
  exportText: 'imr.exportText',
  verifyIndex: 'imr.verifyIndex',
} as const;


export interface CommandHost {
  context: vscode.ExtensionContext;
  getClient(): LanguageClient | undefined;
  restart(): Promise<void>;
  output: vscode.OutputChannel;
  /** Workspace diagnostics (LSP pull), switched on by "Lint All Letters in Workspace". */
  workspaceLint: WorkspaceLint;
  previews: LetterPreviews;
}

export function registerCommands(host: CommandHost): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.newLetter, () => newLetter(host)),
    vscode.commands.registerCommand(COMMANDS.insertCitation, () => insertCitation(host)),
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, () => lintWorkspace(host)),
    vscode.commands.registerCommand(COMMANDS.restartServer, () => host.restart()),
    vscode.commands.registerCommand(COMMANDS.openPreview, (uri?: vscode.Uri) => openPreview(host, uri)),
    vscode.commands.registerCommand(COMMANDS.exportPdf, (uri?: vscode.Uri) => exportCommand(host, 'pdf', uri)),
    vscode.commands.registerCommand(COMMANDS.exportText, (uri?: vscode.Uri) => exportCommand(host, 'txt', uri)),
    vscode.commands.registerCommand(COMMANDS.verifyIndex, () => verifyIndex(host)),
  ];
}

/**
 * The letter a command acts on: the one it was invoked on (editor title button, explorer), else the
 * active letter editor, else the letter whose preview has the focus.
 */
async function targetLetter(host: CommandHost, uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  let doc: vscode.TextDocument | undefined;
  if (uri instanceof vscode.Uri) doc = await vscode.workspace.openTextDocument(uri);
  else if (vscode.window.activeTextEditor?.document.languageId === LANGUAGE_ID) doc = vscode.window.activeTextEditor.document;
  else doc = host.previews.activeDocument();
  if (!doc || doc.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage('IMR: open a letter (*.imr, *.imr.txt) first.');
    return undefined;
  }
  return doc;
}

/** IMR: Open Preview to the Side. */
export async function openPreview(host: CommandHost, uri?: vscode.Uri): Promise<void> {
  const doc = await targetLetter(host, uri);
  if (!doc || !runningClient(host)) return;
  await host.previews.open(doc);
}

/** IMR: Export Letter as PDF / as Text. */
export async function exportCommand(host: CommandHost, format: 'pdf' | 'txt', uri?: vscode.Uri): Promise<void> {
  const doc = await targetLetter(host, uri);
  const client = doc && runningClient(host);
  if (!doc || !client) return;
  await exportLetter(client, doc, format);
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
 * IMR: Lint All Letters in Workspace — asks the language server for workspace diagnostics (LSP pull,
 * `workspace/diagnostic`): it lints every letter the configuration selects (include/exclude of
 * .imrlintrc) from disk, without opening any as a document, and the Problems panel lists them; it
 * stays current afterwards (see workspace-diagnostics.ts). Resolves with the number of letters.
 */
export async function lintWorkspace(host: CommandHost): Promise<number> {
  if (!runningClient(host)) return 0;
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'IMR: linting the letters in the workspace…', cancellable: true },
    (_progress, token) => host.workspaceLint.run(token),
  );
  if (!summary) return 0;
  if (summary.letters === 0) {
    void vscode.window.showInformationMessage('IMR: no letters in this workspace (*.imr, *.imr.txt, or the include globs of .imrlintrc).');
    return 0;
  }
  // Focus (not toggle: workbench.actions.view.problems would close an open panel) the Problems view.
  await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
  return summary.letters;
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
