import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/lib/node/main';
import { DEFECTS } from '../fixtures/lsp/letters';
import { applyTextEdits, editsFor, fileUri, TestClient } from './client';

describe('language server: code actions', function () {
  this.timeout(60_000);
  let client: TestClient;
  let dir: string;
  let n = 0;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-lsp-actions-'));
    client = await TestClient.start({ root: dir });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openDefects(text = DEFECTS): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = fileUri(path.join(dir, `letter-${++n}.imr.txt`));
    await client.open(uri, text);
    const p = await client.diagnosticsFor(uri, 1);
    return { uri, diagnostics: p.diagnostics };
  }

  function actions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  const expectedFix: Record<string, [string, string]> = {
    'heading-format': ['CLINICAL CASE SUMMERY', 'CLINICAL CASE SUMMARY'],
    'item-decision': ['eight sessions: Uphled', 'eight sessions: Upheld'],
    'citation-page-mismatch': ['Physical Medicine Page(s): 46-47.', 'Physical Medicine Page(s): 98-99.'],
  };

  it('offers each fix as a preferred quick fix; applying it removes the problem', async () => {
    const { uri, diagnostics } = await openDefects();
    for (const d of diagnostics.filter((x) => String(x.code) in expectedFix)) {
      const list = await actions(uri, [d], ['quickfix']);
      const fix = list.find((a) => a.isPreferred);
      assert.ok(fix, `a preferred fix for ${String(d.code)}`);
      assert.strictEqual(fix.kind, 'quickfix');
      const [before, after] = expectedFix[String(d.code)];
      const fixed = applyTextEdits(client.text(uri), editsFor(fix.edit, uri));
      assert.ok(client.text(uri).includes(before) && fixed.includes(after), `${String(d.code)}: ${before} -> ${after}`);
    }
    // apply one for real: the server re-lints and the finding is gone
    const heading = diagnostics.find((d) => d.code === 'heading-format') as Diagnostic;
    const fix = (await actions(uri, [heading], ['quickfix'])).find((a) => a.isPreferred) as CodeAction;
    const v = await client.applyEdits(uri, editsFor(fix.edit, uri));
    const p = await client.diagnosticsFor(uri, v);
    assert.ok(!p.diagnostics.some((d) => d.code === 'heading-format'));
  });

  it('uses versioned document edits when the client supports them', async () => {
    const { uri, diagnostics } = await openDefects();
    const fix = (await actions(uri, [diagnostics[0]], ['quickfix']))[0];
    const change = fix.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number } };
    assert.deepStrictEqual(change.textDocument, { uri, version: 1 });
  });

  it('source.fixAll.imr applies every fix at once', async () => {
    const { uri, diagnostics } = await openDefects();
    const list = await actions(uri, diagnostics, ['source.fixAll.imr']);
    assert.strictEqual(list.length, 1, 'only the requested kind');
    assert.strictEqual(list[0].kind, 'source.fixAll.imr');
    const edits = editsFor(list[0].edit, uri);
    assert.strictEqual(edits.length, 3);
    const v = await client.applyEdits(uri, edits);
    const text = client.text(uri);
    for (const [, after] of Object.values(expectedFix)) assert.ok(text.includes(after), after);
    const p = await client.diagnosticsFor(uri, v);
    assert.deepStrictEqual(p.diagnostics.map((d) => d.code), ['placeholder']);
  });

  it('the "source" filter includes fix-all; the quickfix filter excludes it', async () => {
    const { uri, diagnostics } = await openDefects();
    const source = await actions(uri, diagnostics, ['source']);
    assert.deepStrictEqual(source.map((a) => a.kind), ['source.fixAll.imr']);
    const quick = await actions(uri, diagnostics, ['quickfix']);
    assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
  });

  it('"Disable <rule> for this line" inserts an indented comment above the line and silences it', async () => {
    const indented = DEFECTS.replace('are not medically necessary. Reviewer note: TBD.', '    are not medically necessary. Reviewer note: TBD.');
    const { uri, diagnostics } = await openDefects(indented);
    const placeholder = diagnostics.find((d) => d.code === 'placeholder') as Diagnostic;
    const list = await actions(uri, [placeholder]);
    const disable = list.find((a) => a.title === 'Disable placeholder for this line') as CodeAction;
    assert.ok(disable, list.map((a) => a.title).join(' | '));
    assert.ok(!list.some((a) => a.isPreferred), 'placeholder has no fix');
    const edits = editsFor(disable.edit, uri);
    assert.deepStrictEqual(edits, [{ range: { start: { line: placeholder.range.start.line, character: 0 }, end: { line: placeholder.range.start.line, character: 0 } }, newText: '    <!-- imr-disable-next-line placeholder -->\n' }]);
    const v = await client.applyEdits(uri, edits);
    const p = await client.diagnosticsFor(uri, v);
    assert.ok(!p.diagnostics.some((d) => d.code === 'placeholder'));
    assert.ok(!p.diagnostics.some((d) => d.code === 'unused-suppression'));
  });

  it('"Disable <rule> for this file" inserts a comment at the top; a second rule joins it', async () => {
    const { uri, diagnostics } = await openDefects();
    const placeholder = diagnostics.find((d) => d.code === 'placeholder') as Diagnostic;
    const disable = (await actions(uri, [placeholder])).find((a) => a.title === 'Disable placeholder for this file') as CodeAction;
    const v = await client.applyEdits(uri, editsFor(disable.edit, uri));
    assert.ok(client.text(uri).startsWith('<!-- imr-disable-file placeholder -->\n'));
    const p = await client.diagnosticsFor(uri, v);
    assert.ok(!p.diagnostics.some((d) => d.code === 'placeholder'));
    const heading = p.diagnostics.find((d) => d.code === 'heading-format') as Diagnostic;
    const second = (await actions(uri, [heading])).find((a) => a.title === 'Disable heading-format for this file') as CodeAction;
    const v2 = await client.applyEdits(uri, editsFor(second.edit, uri));
    assert.ok(client.text(uri).startsWith('<!-- imr-disable-file placeholder, heading-format -->\n'));
    const p2 = await client.diagnosticsFor(uri, v2);
    assert.deepStrictEqual(p2.diagnostics.map((d) => d.code), ['item-decision', 'citation-page-mismatch']);
  });

  it('keeps CRLF line endings in inserted comments', async () => {
    const { uri, diagnostics } = await openDefects(DEFECTS.replace(/\n/g, '\r\n'));
    const placeholder = diagnostics.find((d) => d.code === 'placeholder') as Diagnostic;
    const disable = (await actions(uri, [placeholder])).find((a) => a.title === 'Disable placeholder for this line') as CodeAction;
    assert.ok(editsFor(disable.edit, uri)[0].newText.endsWith('-->\r\n'));
  });

  it('does not apply a fix computed for an older version to changed text', async () => {
    await client.setSettings({ run: 'onSave' });
    const { uri, diagnostics } = await openDefects();
    const heading = diagnostics.find((d) => d.code === 'heading-format') as Diagnostic;
    // insert a line above: the published fix (line 14) is now off by one; the server re-lints for the action
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const moved = { ...heading, range: { start: { line: 15, character: 32 }, end: { line: 15, character: 53 } } };
    const fix = (await actions(uri, [moved], ['quickfix'])).find((a) => a.isPreferred) as CodeAction;
    assert.ok(fix, 'the current version supplies the fix');
    const edits = editsFor(fix.edit, uri);
    assert.strictEqual(edits[0].range.start.line, 15);
    assert.strictEqual((fix.edit?.documentChanges?.[0] as { textDocument: { version: number } }).textDocument.version, 2);
    await client.setSettings({});
  });
});
