import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createIndexProvider, defaultConfig, docsUrl, lintText } from '../../server/src/engine';
import { CLEAN, DEFECTS, PAGE_STYLE } from '../fixtures/lsp/letters';
import { fileUri, nth, TestClient } from './client';

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

describe('language server: diagnostics', function () {
  this.timeout(60_000);
  let client: TestClient;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-lsp-diag-'));
    client = await TestClient.start({ root: dir });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('announces incremental sync, completion triggers, code action kinds and the other features', () => {
    const caps = client.initializeResult.capabilities;
    const sync = caps.textDocumentSync as { change?: number; openClose?: boolean };
    assert.strictEqual(sync.change, 2, 'TextDocumentSyncKind.Incremental');
    assert.strictEqual(sync.openClose, true);
    assert.deepStrictEqual(caps.completionProvider?.triggerCharacters, [':', ' ']);
    const kinds = (caps.codeActionProvider as { codeActionKinds?: string[] }).codeActionKinds;
    assert.deepStrictEqual(kinds, ['quickfix', 'source.fixAll.imr']);
    assert.ok(caps.hoverProvider && caps.documentSymbolProvider && caps.foldingRangeProvider && caps.definitionProvider);
    assert.strictEqual(client.initializeResult.serverInfo?.name, 'imr-language-server');
  });

  it('registers watchers for config and index files and for the imr settings section', async () => {
    await client.waitForRegistration('workspace/didChangeWatchedFiles');
    await client.waitForRegistration('workspace/didChangeConfiguration');
    const methods = client.registrations.flatMap((r) => r.registrations.map((x) => x.method));
    assert.ok(methods.includes('workspace/didChangeWatchedFiles'), methods.join(', '));
    assert.ok(methods.includes('workspace/didChangeConfiguration'), methods.join(', '));
    const watchers = client.registrations
      .flatMap((r) => r.registrations)
      .filter((x) => x.method === 'workspace/didChangeWatchedFiles')
      .flatMap((x) => (x.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern));
    assert.ok(watchers.includes('**/.imrlintrc.{yaml,yml,json}'), watchers.join(', '));
  });

  it('publishes nothing for a clean letter', async () => {
    const uri = fileUri(path.join(dir, 'clean.imr.txt'));
    await client.open(uri, CLEAN);
    const p = await client.diagnosticsFor(uri, 1);
    assert.deepStrictEqual(p.diagnostics, []);
  });

  it('publishes rule id, range, source, severity and doc link for each problem', async () => {
    const uri = fileUri(path.join(dir, 'defects.imr.txt'));
    await client.open(uri, DEFECTS);
    const p = await client.diagnosticsFor(uri, 1);
    const codes = p.diagnostics.map((d) => d.code);
    assert.deepStrictEqual(codes, ['heading-format', 'item-decision', 'citation-page-mismatch', 'placeholder']);
    const heading = p.diagnostics[0]!;
    assert.deepStrictEqual(heading.range, { start: { line: 14, character: 32 }, end: { line: 14, character: 53 } });
    for (const d of p.diagnostics) {
      assert.strictEqual(d.source, 'imr');
      assert.strictEqual(d.severity, 1);
      assert.strictEqual(d.codeDescription?.href, docsUrl(String(d.code)));
    }
    const decision = p.diagnostics[1]!;
    assert.deepStrictEqual(decision.range, { start: { line: 20, character: 34 }, end: { line: 20, character: 40 } });
    const pages = p.diagnostics[2]!;
    assert.ok(pages.relatedInformation && pages.relatedInformation.length > 0, 'page mismatch points at the index entry');
    assert.match(pages.relatedInformation[0]!.location.uri, /mtus-index\.yaml$/);
    const fix = (pages.data as { fix?: { edits: unknown[] } }).fix;
    assert.ok(fix && fix.edits.length === 1, 'the fix travels in data');
  });

  it('re-lints after incremental edits and publishes for the new version', async () => {
    const uri = fileUri(path.join(dir, 'edit.imr.txt'));
    await client.open(uri, DEFECTS);
    await client.diagnosticsFor(uri, 1);
    // "Uphled" -> "Upheld" on line 20
    const v2 = await client.change(uri, [{ range: { start: { line: 20, character: 34 }, end: { line: 20, character: 40 } }, text: 'Upheld' }]);
    const p2 = await client.diagnosticsFor(uri, v2);
    assert.ok(!p2.diagnostics.some((d) => d.code === 'item-decision'));
    // delete the placeholder sentence: " Reviewer note: TBD." at the end of line 29
    const line29 = nth(client.text(uri).split('\n'), 29, 'line 29 of the letter');
    const at = line29.indexOf(' Reviewer note');
    const v3 = await client.change(uri, [{ range: { start: { line: 29, character: at }, end: { line: 29, character: line29.length } }, text: '' }]);
    const p3 = await client.diagnosticsFor(uri, v3);
    assert.deepStrictEqual(p3.diagnostics.map((d) => d.code), ['heading-format', 'citation-page-mismatch']);
  });

  it('drops results of outdated versions (only the last of quick edits is published)', async () => {
    const slow = await TestClient.start({ root: dir, settings: { validationDelay: 150 } });
    try {
      const uri = fileUri(path.join(dir, 'burst.imr.txt'));
      await slow.open(uri, CLEAN);
      await slow.diagnosticsFor(uri, 1);
      const typed = 'Added words ';
      let version = 1;
      for (const [i, ch] of [...typed].entries()) {
        version = await slow.change(uri, [{ range: { start: { line: 17, character: i }, end: { line: 17, character: i } }, text: ch }]);
      }
      await slow.diagnosticsFor(uri, version);
      const published = slow.received.filter((r) => r.uri === uri).map((r) => r.version);
      assert.deepStrictEqual(published, [1, version], 'intermediate versions are never published');
    } finally {
      await slow.stop();
    }
  });

  it('a save right after an edit does not cancel the edit\'s pending validation (quick fix, then save)', async () => {
    const slow = await TestClient.start({ root: dir, settings: { validationDelay: 300 } });
    try {
      const uri = fileUri(path.join(dir, 'fix-then-save.imr.txt'));
      await slow.open(uri, PAGE_STYLE.replace('Page(s): 98-99', 'Page(s): 97'));
      const first = await slow.diagnosticsFor(uri, 1);
      assert.ok(first.diagnostics.some((d) => d.code === 'citation-page-mismatch'));
      const at = slow.text(uri).indexOf('Page(s): 97');
      const before = slow.text(uri).slice(0, at).split('\n');
      const line = before.length - 1;
      const character = before[line]!.length + 'Page(s): '.length;
      const version = await slow.change(uri, [{ range: { start: { line, character }, end: { line, character: character + 2 } }, text: '98-99' }]);
      await slow.save(uri); // within the 300 ms debounce
      const p = await slow.diagnosticsFor(uri, version);
      assert.deepStrictEqual(p.diagnostics, []);
    } finally {
      await slow.stop();
    }
  });

  it('clears diagnostics when a letter is closed', async () => {
    const uri = fileUri(path.join(dir, 'closing.imr.txt'));
    await client.open(uri, DEFECTS);
    await client.diagnosticsFor(uri, 1);
    const before = client.received.length;
    await client.close(uri);
    const p = await client.waitForDiagnostics(uri, (x) => x.diagnostics.length === 0 && client.received.indexOf(x) >= before);
    assert.deepStrictEqual(p.diagnostics, []);
  });

  it('equals the engine lintText findings for the same text (parity with the CLI)', async () => {
    const { index } = createIndexProvider().get([]);
    const letters = { CLEAN, DEFECTS, PAGE_STYLE, DEFECTS_CRLF: DEFECTS.replace(/\n/g, '\r\n') };
    for (const [name, text] of Object.entries(letters)) {
      const uri = fileUri(path.join(dir, `parity-${name}.imr.txt`));
      await client.open(uri, text);
      const p = await client.diagnosticsFor(uri, 1);
      const expected = lintText({ text, config: defaultConfig(dir), index }).findings.map((f) => ({
        code: f.ruleId,
        range: f.range,
        message: f.message,
        severity: SEVERITY[f.severity],
      }));
      const actual = p.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message, severity: d.severity }));
      assert.deepStrictEqual(actual, expected, name);
    }
  });
});
