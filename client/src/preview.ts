import * as crypto from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PREVIEW_REQUEST, PreviewParams, PreviewResult } from './protocol';

/** Milliseconds after the last keystroke before the preview is drawn again. */
const UPDATE_DELAY_MS = 250;

/**
 * "IMR: Open Preview to the Side": the letter as it will be printed, in a webview beside the editor.
 * The language server draws it (`imr/preview`, the engine's renderer — the same layout as the PDF);
 * the preview follows the letter as the reviewer types (debounced) and scrolls with the editor.
 * The webview loads nothing: a Content-Security-Policy allows only its own nonce'd style and script.
 */
export class LetterPreviews implements vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly getClient: () => LanguageClient | undefined) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.panels.get(e.document.uri.toString())?.schedule()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.panels.get(e.textEditor.document.uri.toString())?.scrollTo(e.visibleRanges[0]?.start.line ?? 0)),
      // findings changed without an edit (configuration, settings, index, trust): redraw the margin marks
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) this.panels.get(uri.toString())?.schedule();
      }),
    );
  }

  /** Opens (or reveals) the preview of `doc` beside its editor. */
  async open(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = new PreviewPanel(doc, this.getClient, () => this.panels.delete(key));
    this.panels.set(key, panel);
    await panel.update();
  }

  /** The letter of the preview that has the focus (commands run from the preview act on it). */
  activeDocument(): vscode.TextDocument | undefined {
    for (const p of this.panels.values()) if (p.active) return p.document;
    return undefined;
  }

  /** Re-draws every preview (the server restarted, findings may differ). */
  refreshAll(): void {
    for (const p of this.panels.values()) p.schedule();
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

class PreviewPanel {
  private readonly panel: vscode.WebviewPanel;
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;
  private lastVersion = -1;
  /** The letter stylesheet the page was built with ('' until the first drawing). */
  private css = '';

  constructor(
    readonly document: vscode.TextDocument,
    private readonly getClient: () => LanguageClient | undefined,
    private readonly onDispose: () => void,
  ) {
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    this.panel = vscode.window.createWebviewPanel('imr.preview', `Preview ${path.basename(document.uri.path)}`, { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [],
      enableCommandUris: false,
    });
    this.panel.webview.html = shell(this.panel.webview.cspSource, '', '<p>Waiting for the IMR language server…</p>');
    this.panel.onDidDispose(() => this.dispose());
    this.panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.visible) this.schedule(0);
    });
  }

  get active(): boolean {
    return this.panel.active;
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  schedule(delay = UPDATE_DELAY_MS): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, delay);
  }

  async update(): Promise<void> {
    const client = this.getClient();
    if (this.disposed || !client || !client.isRunning()) return;
    const params: PreviewParams = { textDocument: { uri: this.document.uri.toString() } };
    let result: PreviewResult | null;
    try {
      result = await client.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, params);
    } catch {
      return; // cancelled or the server restarted: the next change draws it again
    }
    if (this.disposed || !result || result.version < this.lastVersion) return;
    this.lastVersion = result.version;
    const name = path.basename(this.document.uri.path);
    this.panel.title = result.caseNumber ? `Preview ${result.caseNumber}` : `Preview ${name}`;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const line = editor?.visibleRanges[0]?.start.line;
    if (result.css !== this.css) {
      // the stylesheet goes into the page itself, under the CSP nonce
      this.css = result.css;
      this.panel.webview.html = shell(this.panel.webview.cspSource, result.css, result.html, line);
    } else {
      await this.panel.webview.postMessage({ type: 'render', html: result.html, line });
    }
  }

  scrollTo(line: number): void {
    if (!this.disposed) void this.panel.webview.postMessage({ type: 'scroll', line });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    this.onDispose();
  }
}

/**
 * The webview's page: a strict CSP (nothing remote, no inline code but the nonce'd style and script),
 * an empty sheet filled by `render` messages, and `scroll` messages that bring the block holding a
 * letter line to the top.
 */
function shell(cspSource: string, css: string, html: string, line = 0): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  const csp = [`default-src 'none'`, `style-src ${cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src 'none'`, `font-src 'none'`, `connect-src 'none'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">
body { background: #e8e8e8; padding: 16px 0 48px; margin: 0; }
</style>
<style nonce="${nonce}">${css.replace(/<\//g, '<\\/')}</style>
</head>
<body>
<main id="letter" aria-label="Letter preview" data-start-line="${Number(line) || 0}">${html}</main>
<script nonce="${nonce}">
(function () {
  const root = document.getElementById('letter');
  let line = Number(root.getAttribute('data-start-line')) || 0;
  function scrollToLine(target) {
    line = target;
    const blocks = root.querySelectorAll('[data-line]');
    let best;
    for (const b of blocks) {
      if (Number(b.getAttribute('data-line')) <= target) best = b; else break;
    }
    if (!best) { window.scrollTo(0, 0); return; }
    const first = Number(best.getAttribute('data-line'));
    const last = Number(best.getAttribute('data-last'));
    const rect = best.getBoundingClientRect();
    const within = last > first ? Math.min(1, (target - first) / (last - first + 1)) : 0;
    window.scrollTo(0, window.scrollY + rect.top + rect.height * within - 8);
  }
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'render') {
      root.innerHTML = m.html;
      scrollToLine(typeof m.line === 'number' ? m.line : line);
    } else if (m.type === 'scroll' && typeof m.line === 'number') {
      scrollToLine(m.line);
    }
  });
  scrollToLine(line);
})();
</script>
</body>
</html>`;
}
