import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Hover } from 'vscode-languageserver-protocol/lib/node/main';
import { DEFECTS } from '../fixtures/lsp/letters';
import { fileUri, positionOf, TestClient } from './client';

const CORRECTIONS = ['version: 1', 'guidelines:', '  - id: cpmtg-2009', '    topics:', '      - name: Physical medicine', '        pages: "46-47"', '        verified: true', ''].join('\n');
const BROKEN_INDEX = ['version: 1', 'guidelines:', '  - id: [oops', ''].join('\n');

const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => String(d.code));

describe('language server: configuration, settings, trust and run mode', function () {
  this.timeout(60_000);
  let dir: string;
  let n = 0;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-lsp-config-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const letterUri = (sub = '') => fileUri(path.join(dir, sub, `letter-${++n}.imr.txt`));

  it('discovers .imrlintrc.yaml like the CLI (nearest folder upward) and applies its rules and index', async () => {
    fs.mkdirSync(path.join(dir, 'cases'));
    fs.writeFileSync(path.join(dir, '.imrlintrc.yaml'), 'index: [corrections.yaml]\nrules:\n  placeholder: off\n');
    fs.writeFileSync(path.join(dir, 'corrections.yaml'), CORRECTIONS);
    const client = await TestClient.start({ root: dir });
    try {
      const uri = letterUri('cases');
      await client.open(uri, DEFECTS);
      const p = await client.diagnosticsFor(uri, 1);
      // placeholder off; the corrections file moves Physical medicine to 46-47, so the 98-99 citation is now the wrong one
      assert.deepStrictEqual(codes(p), ['heading-format', 'item-decision', 'citation-page-mismatch']);
      assert.strictEqual(p.diagnostics[2]!.range.start.line, 26);
      const stats = await client.request<{ index: string }>('imr/documentStats', { textDocument: { uri } });
      assert.match(stats.index, /corrections\.yaml/);
    } finally {
      await client.stop();
    }
  });

  it('an invalid config file: one diagnostic on the letter naming file and line, diagnostics on the config file, one message', async () => {
    const rc = path.join(dir, '.imrlintrc.yaml');
    fs.writeFileSync(rc, 'rules:\n  placeholder: sometimes\n');
    const client = await TestClient.start({ root: dir });
    try {
      const uri = letterUri();
      const rcUri = fileUri(rc);
      const onConfig = client.waitForDiagnostics(rcUri, (p) => p.diagnostics.length > 0);
      await client.open(uri, DEFECTS);
      const p = await client.diagnosticsFor(uri, 1);
      assert.deepStrictEqual(codes(p), ['invalid-config']);
      const d = p.diagnostics[0]!;
      assert.deepStrictEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.match(String(d.message), /\.imrlintrc\.yaml is invalid \(line 2\)/);
      assert.strictEqual(d.relatedInformation?.[0]?.location.range.start.line, 1);
      const c = await onConfig;
      assert.strictEqual(c.diagnostics[0]!.range.start.line, 1);
      assert.match(String(c.diagnostics[0]!.message), /placeholder/);
      // a second letter under the same config: no second message
      const uri2 = letterUri();
      await client.open(uri2, DEFECTS);
      await client.diagnosticsFor(uri2, 1);
      const warnings = client.messages.filter((m) => /imrlintrc/.test(m.message));
      assert.strictEqual(warnings.length, 1);
      // hover and symbols still work on the letter
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(DEFECTS, '46-47', 1) });
      assert.ok(h);

      // fix the file on disk and tell the server: letters are linted again, the config diagnostics clear
      fs.writeFileSync(rc, 'rules:\n  placeholder: off\n');
      const cleared = client.waitForDiagnostics(rcUri, (x) => x.diagnostics.length === 0);
      const relinted = client.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0 && !codes(x).includes('invalid-config'));
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: rcUri, type: 2 }] });
      assert.deepStrictEqual(codes(await relinted), ['heading-format', 'item-decision', 'citation-page-mismatch']);
      await cleared;
    } finally {
      await client.stop();
    }
  });

  it('a config file created later is picked up after the file event', async () => {
    const client = await TestClient.start({ root: dir });
    try {
      const uri = letterUri();
      await client.open(uri, DEFECTS);
      assert.ok(codes(await client.diagnosticsFor(uri, 1)).includes('placeholder'));
      const rc = path.join(dir, '.imrlintrc.yaml');
      fs.writeFileSync(rc, 'rules:\n  placeholder: off\n');
      const next = client.waitForDiagnostics(uri, (x) => !codes(x).includes('placeholder'));
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(rc), type: 1 }] });
      assert.deepStrictEqual(codes(await next), ['heading-format', 'item-decision', 'citation-page-mismatch']);
    } finally {
      await client.stop();
    }
  });

  it('imr.rules overrides the config file; changes apply on didChangeConfiguration', async () => {
    fs.writeFileSync(path.join(dir, '.imrlintrc.yaml'), 'rules:\n  heading-format: off\n');
    const client = await TestClient.start({ root: dir, settings: { rules: { placeholder: 'warn', 'heading-format': 'info' } } });
    try {
      const uri = letterUri();
      await client.open(uri, DEFECTS);
      const p = await client.diagnosticsFor(uri, 1);
      const sev = Object.fromEntries(p.diagnostics.map((d) => [String(d.code), d.severity]));
      assert.deepStrictEqual(sev, { 'heading-format': 3, 'item-decision': 1, 'citation-page-mismatch': 1, placeholder: 2 });
      assert.ok(client.configurationRequests.some((r) => r.items.some((i) => i.section === 'imr' && i.scopeUri === uri)), 'settings are read per resource');
      const next = client.waitForDiagnostics(uri, (x) => !codes(x).includes('item-decision'));
      await client.setSettings({ rules: { 'item-decision': 'off' } });
      assert.deepStrictEqual(codes(await next), ['citation-page-mismatch', 'placeholder']);
    } finally {
      await client.stop();
    }
  });

  it('imr.index is used in a trusted workspace and ignored in an untrusted one', async () => {
    const broken = path.join(dir, 'broken-index.yaml');
    fs.writeFileSync(broken, BROKEN_INDEX);
    const client = await TestClient.start({ root: dir, settings: { index: ['broken-index.yaml'] }, initializationOptions: { trusted: false } });
    try {
      const uri = letterUri();
      await client.open(uri, DEFECTS);
      assert.ok(!codes(await client.diagnosticsFor(uri, 1)).includes('invalid-index'), 'untrusted: the setting is ignored');
      const trusted = client.waitForDiagnostics(uri, (x) => codes(x).includes('invalid-index'));
      await client.conn.sendNotification('imr/trustChanged', { trusted: true });
      const p = await trusted;
      assert.deepStrictEqual(codes(p), ['invalid-index']);
      assert.match(String(p.diagnostics[0]!.message), /MTUS index file broken-index\.yaml is invalid \(line \d\)/);
      const untrusted = client.waitForDiagnostics(uri, (x) => !codes(x).includes('invalid-index'));
      await client.conn.sendNotification('imr/trustChanged', { trusted: false });
      assert.ok(codes(await untrusted).includes('placeholder'));
    } finally {
      await client.stop();
    }
  });

  it('imr.run onSave: edits are linted when the letter is saved', async () => {
    const client = await TestClient.start({ root: dir, settings: { run: 'onSave' } });
    try {
      const uri = letterUri();
      await client.open(uri, DEFECTS);
      await client.diagnosticsFor(uri, 1);
      const v2 = await client.change(uri, [{ range: { start: { line: 20, character: 34 }, end: { line: 20, character: 40 } }, text: 'Upheld' }]);
      // a request round trip: the server has handled the change by the time it answers
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(!client.received.some((r) => r.uri === uri && r.version === v2), 'not linted on change');
      await client.save(uri);
      assert.ok(!codes(await client.diagnosticsFor(uri, v2)).includes('item-decision'));
    } finally {
      await client.stop();
    }
  });

  it('survives a letter that is not text and a client without configuration support', async () => {
    const client = await TestClient.start({ root: dir, capabilities: {} });
    try {
      const uri = letterUri();
      await client.open(uri, 'Case Number: \u0000\u0000\u0001 binary');
      const p = await client.diagnosticsFor(uri, 1);
      assert.deepStrictEqual(codes(p), ['invalid-input']);
      const uri2 = letterUri();
      await client.open(uri2, DEFECTS);
      assert.strictEqual(codes(await client.diagnosticsFor(uri2, 1)).length, 4);
    } finally {
      await client.stop();
    }
  });
});
