import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { cliFindings, SeenFinding, sortFindings } from '../cli-findings';

/** Runs inside the VS Code extension host (see ../run.ts); the workspace is a scratch copy of fixtures/workspace. */
const WORKSPACE = process.env.IMR_E2E_WORKSPACE ?? '';
const EXTENSION_ID = 'imr-tools.imr-letter-tools';

function letter(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(WORKSPACE, name));
}

/** Resolves with the diagnostics of `uri` once `predicate` holds for them (event-driven, no sleeps). */
function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (d: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const d = vscode.languages.getDiagnostics(uri);
      if (!predicate(d)) return false;
      sub.dispose();
      clearTimeout(timer);
      resolve(d);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for diagnostics of ${uri.fsPath}: ${JSON.stringify(vscode.languages.getDiagnostics(uri))}`));
    }, timeoutMs);
    check();
  });
}

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

function seen(uri: vscode.Uri, diags: readonly vscode.Diagnostic[]): SeenFinding[] {
  return sortFindings(
    diags.map((d) => ({
      file: path.basename(uri.fsPath),
      ruleId: codeOf(d),
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      message: d.message,
      severity: d.severity === vscode.DiagnosticSeverity.Error ? 'error' : 'warning',
    })),
  );
}

describe('IMR extension in the VS Code extension host', () => {
  before(async () => {
    assert.ok(WORKSPACE, 'IMR_E2E_WORKSPACE is not set');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    const api = (await ext.activate()) as { ready: Promise<void> };
    await api.ready;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['imr.newLetter', 'imr.insertCitation', 'imr.lintWorkspace', 'imr.restartServer']) {
      assert.ok(all.includes(c), `command ${c} missing`);
    }
  });

  it('reports the same findings as the CLI for every fixture letter', async () => {
    for (const name of ['wrong-page.imr', 'misspelled-heading.imr', 'missing-decision.imr.txt']) {
      const uri = letter(name);
      const expected = cliFindings([uri.fsPath]);
      assert.ok(expected.length > 0, `the CLI finds nothing in ${name}`);
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.strictEqual(doc.languageId, 'imr');
      await vscode.window.showTextDocument(doc);
      const diags = await waitForDiagnostics(uri, (d) => d.length >= expected.length);
      assert.deepStrictEqual(seen(uri, diags), expected);
      for (const d of diags) assert.strictEqual(d.source, 'imr');
    }
  });

  it('fixes the wrong Page(s) citation with a quick fix', async () => {
    const uri = letter('wrong-page.imr');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'citation-page-mismatch'));
    const diag = diags.find((x) => codeOf(x) === 'citation-page-mismatch')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.edit && /98-99/.test(a.title));
    assert.ok(fix, `no quick fix to 98-99 among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(doc.lineAt(diag.range.start.line).text, /Page\(s\): 98-99\./);
    await doc.save();
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'citation-page-mismatch'));
  });

  it('offers MTUS topics with their pages as completions', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'imr',
      content: 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines ',
    });
    await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(0).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    const item = list.items.find((i) => /physical medicine/i.test(typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(item, `no "Physical medicine" completion among ${labels.slice(0, 30).join(', ')}`);
    const text = JSON.stringify([item.label, item.detail, item.insertText instanceof vscode.SnippetString ? item.insertText.value : item.insertText]);
    assert.match(text, /98-99/);
  });

  it('shows a status bar count request answer for the active letter', async () => {
    const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { getClient(): { sendRequest<T>(m: string, p: unknown): Promise<T> } };
    const uri = letter('misspelled-heading.imr');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const stats = await api.getClient().sendRequest<{ upheld: number; overturned: number; items: number }>('imr/documentStats', {
      textDocument: { uri: uri.toString() },
    });
    assert.deepStrictEqual([stats.items, stats.upheld, stats.overturned], [1, 1, 0]);
  });
});
