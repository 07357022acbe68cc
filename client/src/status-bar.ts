import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_STATS_REQUEST, DocumentStats, DocumentStatsParams } from './protocol';
import { formatStats } from './status-text';

export const LANGUAGE_ID = 'imr';

/**
 * Status bar item for the active IMR letter: Upheld/Overturned counts and the MTUS index in use.
 * Refreshed on active-editor change, on diagnostics change for the active letter and on demand.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(private readonly getClient: () => LanguageClient | undefined) {
    this.item = vscode.window.createStatusBarItem('imr.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'IMR Letter';
    this.item.command = 'imr.insertCitation';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.schedule(100);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('imr')) this.schedule(300);
      }),
    );
  }

  /** Refresh soon (coalesces bursts of events). */
  schedule(delayMs = 100): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delayMs);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const editor = vscode.window.activeTextEditor;
    const client = this.getClient();
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    if (!client || !client.isRunning()) {
      this.item.text = '$(law) IMR: starting…';
      this.item.tooltip = 'The IMR language server is not running.';
      this.item.show();
      return;
    }
    try {
      const params: DocumentStatsParams = { textDocument: { uri: editor.document.uri.toString() } };
      const stats = await client.sendRequest<DocumentStats | null>(DOCUMENT_STATS_REQUEST, params);
      if (generation !== this.generation) return; // a newer refresh is under way
      if (!stats) {
        this.item.hide();
        return;
      }
      const { text, tooltip } = formatStats(stats);
      this.item.text = text;
      this.item.tooltip = tooltip;
      this.item.show();
    } catch {
      if (generation !== this.generation) return;
      this.item.text = '$(law) IMR';
      this.item.tooltip = 'IMR letter statistics are not available.';
      this.item.show();
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
