import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/lib/node/main';
import { DEFECTS } from '../fixtures/lsp/letters';
import { applyTextEdits, editsFor, fileUri, nth, TestClient } from './client';

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
      const expected = expectedFix[String(d.code)];
      assert.ok(expected, `an expected fix for ${String(d.code)}`);
      const [before, after] = expected;
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
    const fix = nth(await actions(uri, [nth(diagnostics, 0, 'a diagnostic')], ['quickfix']), 0, 'a quick fix');
    const change = fix.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number } };
    assert.deepStrictEqual(change.textDocument, { uri, version: 1 });
  });

  it('source.fixAll.imr applies every fix at once', async () => {
    const { uri, diagnostics } = await openDefects();
    const list = await actions(uri, diagnostics, ['source.fixAll.imr']);
    assert.strictEqual(list.length, 1, 'only the requested kind');
    assert.strictEqual(list[0]!.kind, 'source.fixAll.imr');
    const edits = editsFor(list[0]!.edit, uri);
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
    assert.deepStrictEqual(edits, [{ range: { start: { line: placeholder.range.start.line, character: 0 }, end: { line: placeholder.range.start.line, character: 0 } }, newText: '    <!-- imr-disable-next-line placeholder -- reason -->\n' }]);
    assert.strictEqual(disable.command, undefined, 'this client announced no way to select the placeholder');
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
    assert.ok(client.text(uri).startsWith('<!-- imr-disable-file placeholder -- reason -->\n'));
    const p = await client.diagnosticsFor(uri, v);
    assert.ok(!p.diagnostics.some((d) => d.code === 'placeholder'));
    const heading = p.diagnostics.find((d) => d.code === 'heading-format') as Diagnostic;
    const second = (await actions(uri, [heading])).find((a) => a.title === 'Disable heading-format for this file') as CodeAction;
    const v2 = await client.applyEdits(uri, editsFor(second.edit, uri));
    assert.ok(client.text(uri).startsWith('<!-- imr-disable-file placeholder, heading-format -- reason -->\n'));
    const p2 = await client.diagnosticsFor(uri, v2);
    assert.deepStrictEqual(p2.diagnostics.map((d) => d.code), ['item-decision', 'citation-page-mismatch']);
  });

  it('keeps CRLF line endings in inserted comments', async () => {
    const { uri, diagnostics } = await openDefects(DEFECTS.replace(/\n/g, '\r\n'));
    const placeholder = diagnostics.find((d) => d.code === 'placeholder') as Diagnostic;
    const disable = (await actions(uri, [placeholder])).find((a) => a.title === 'Disable placeholder for this line') as CodeAction;
    assert.ok(nth(editsFor(disable.edit, uri), 0, 'an edit of the disable action').newText.endsWith('-->\r\n'));
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
    assert.strictEqual(nth(edits, 0, 'an edit of the fix').range.start.line, 15);
    assert.strictEqual((fix.edit?.documentChanges?.[0] as { textDocument: { version: number } }).textDocument.version, 2);
    await client.setSettings({});
  });

  // a missing decision and a page cited for an unverified index entry (Drug testing, 2009: page 43, unverified)
  const UNDECIDED = DEFECTS.replace('eight sessions: Uphled', 'eight sessions:').replace(
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Physical\nMedicine Page(s): 98-99.',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Drug testing\nPage(s): 44.',
  );

  it('offers suggestions as separate quick fixes, never preferred; applying one is the reviewer\'s choice', async () => {
    const { uri, diagnostics } = await openDefects(UNDECIDED);
    const decision = diagnostics.find((d) => d.code === 'item-decision') as Diagnostic;
    assert.ok(decision, diagnostics.map((d) => d.code).join(', '));
    const list = await actions(uri, [decision], ['quickfix']);
    const inserts = list.filter((a) => a.title.startsWith('Insert '));
    // the rationale concludes "not medically necessary": Upheld first, Overturned offered too
    assert.deepStrictEqual(inserts.map((a) => a.title), ['Insert "Upheld" (the rationale concludes not medically necessary)', 'Insert "Overturned"']);
    assert.ok(inserts.every((a) => a.kind === 'quickfix' && a.isPreferred === false));
    assert.ok(!list.some((a) => a.isPreferred), 'no preferred (auto-applicable) action for a missing decision');
    const page = diagnostics.find((d) => d.code === 'citation-page-mismatch' && /unverified/.test(String(d.message))) as Diagnostic;
    assert.ok(page, 'the unverified page mismatch');
    const pageActions = (await actions(uri, [page], ['quickfix'])).filter((a) => !a.title.startsWith('Disable '));
    assert.deepStrictEqual(pageActions.map((a) => [a.title, a.isPreferred]), [['Replace pages with 43', false]]);
    const v = await client.applyEdits(uri, editsFor(inserts[0]!.edit, uri));
    assert.ok(client.text(uri).includes('eight sessions: Upheld\n'));
    const p = await client.diagnosticsFor(uri, v);
    assert.ok(!p.diagnostics.some((d) => d.code === 'item-decision'));
  });

  it('source.fixAll.imr applies fixes only: a missing decision and an unverified page stay as written', async () => {
    const { uri, diagnostics } = await openDefects(UNDECIDED);
    const fixAll = nth(await actions(uri, diagnostics, ['source.fixAll.imr']), 0, 'a source.fixAll.imr action');
    const v = await client.applyEdits(uri, editsFor(fixAll.edit, uri));
    const text = client.text(uri);
    assert.ok(text.includes('CLINICAL CASE SUMMARY'), 'the heading is fixed');
    assert.ok(text.includes('Physical Medicine Page(s): 98-99.'), 'the verified page is fixed');
    assert.ok(text.includes('eight sessions:\n'), 'no decision written');
    assert.ok(text.includes('Drug testing\nPage(s): 44.'), 'the unverified page is left');
    const p = await client.diagnosticsFor(uri, v);
    assert.deepStrictEqual(p.diagnostics.map((d) => d.code).sort(), ['citation-page-mismatch', 'item-decision', 'placeholder']);
  });
});

describe('language server: the reason placeholder of "Disable <rule> for this line"', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-lsp-reason-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function disableAction(client: TestClient, name: string): Promise<{ action: CodeAction; line: number; uri: string }> {
    const uri = fileUri(path.join(dir, name));
    await client.open(uri, DEFECTS);
    const p = await client.diagnosticsFor(uri, 1);
    const placeholder = p.diagnostics.find((d) => d.code === 'placeholder') as Diagnostic;
    const list = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: placeholder.range, context: { diagnostics: [placeholder] } });
    return { action: list.find((a) => a.title === 'Disable placeholder for this line') as CodeAction, line: placeholder.range.start.line, uri };
  }

  it('is a snippet tab stop for a client with LSP 3.18 snippet text edits', async () => {
    const client = await TestClient.start({ root: dir, capabilities: { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } as object } } });
    try {
      const { action, line, uri } = await disableAction(client, 'snippet.imr');
      const change = action.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number }; edits: { range: unknown; snippet: { kind: string; value: string } }[] };
      assert.deepStrictEqual(change.textDocument, { uri, version: 1 });
      assert.deepStrictEqual(change.edits, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, snippet: { kind: 'snippet', value: '<!-- imr-disable-next-line placeholder -- ${1:reason} -->\n' } }]);
    } finally {
      await client.stop();
    }
  });

  it('is selected by the client\'s imr.selectRange command when the client has it', async () => {
    const client = await TestClient.start({ root: dir, initializationOptions: { selectRangeCommand: true } });
    try {
      const { action, line, uri } = await disableAction(client, 'command.imr');
      assert.deepStrictEqual(nth(editsFor(action.edit, uri), 0, 'an edit of the disable action').newText, '<!-- imr-disable-next-line placeholder -- reason -->\n');
      const start = '<!-- imr-disable-next-line placeholder -- '.length;
      assert.deepStrictEqual(action.command, { title: 'Select the reason', command: 'imr.selectRange', arguments: [uri, { start: { line, character: start }, end: { line, character: start + 'reason'.length } }] });
    } finally {
      await client.stop();
    }
  });
});
