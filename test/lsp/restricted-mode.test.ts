import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ClientCapabilities, DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol/lib/node/main';
import { DEFECTS } from '../fixtures/lsp/letters';
import { fileUri, positionOf, TestClient } from './client';

/**
 * Restricted Mode (initializationOptions.trusted false) and config problems as diagnostics on the
 * config file, through the real language server over stdio.
 */

/**
 * Moves Physical medicine to 46-47: with it DEFECTS' citation of 98-99 (line 27) is the page mismatch,
 * with the bundled index (98-99) its citation of 46-47.
 */
const CORRECTIONS = ['version: 1', 'guidelines:', '  - id: cpmtg-2009', '    topics:', '      - name: Physical medicine', '        pages: "46-47"', '        verified: true', ''].join('\n');
/** `index:` on line 2, `placeholders:` (a word of the letter's summary) on line 3 (1-based). */
const RESTRICTED_CONFIG = 'redact: false\nindex: [corrections.yaml]\nplaceholders: ["\\\\bwarehouse\\\\b"]\n';

const BILLION_LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat('bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`))
  .join('\n') + '\n';

const PULL_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
  textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false }, publishDiagnostics: { versionSupport: true } },
};

const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => String(d.code));

describe('language server: Restricted Mode and config problems on the config file', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'imr-lsp-trust-')));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('untrusted: the config index and placeholders are ignored, the user is told once, trust brings them back', async () => {
    const rc = path.join(dir, '.imrlintrc.yaml');
    fs.writeFileSync(rc, RESTRICTED_CONFIG);
    fs.writeFileSync(path.join(dir, 'corrections.yaml'), CORRECTIONS);
    const client = await TestClient.start({ root: dir, initializationOptions: { trusted: false } });
    try {
      const rcUri = fileUri(rc);
      const notes = client.waitForDiagnostics(rcUri, (p) => p.diagnostics.length === 2);
      const a = fileUri(path.join(dir, 'a.imr'));
      const b = fileUri(path.join(dir, 'b.imr'));
      await client.open(a, DEFECTS);
      const pa = await client.diagnosticsFor(a, 1);
      // the bundled index (98-99 is right) and the default placeholders (the letter's own [[…]] marker)
      assert.deepStrictEqual(codes(pa), ['heading-format', 'item-decision', 'citation-page-mismatch', 'placeholder']);
      assert.strictEqual(pa.diagnostics[2]!.range.start.line, positionOf(DEFECTS, '46-47').line, 'the bundled index judges');
      assert.ok(!pa.diagnostics.some((d) => /warehouse/.test(String(d.message))), 'the custom placeholder pattern is not used');
      await client.open(b, DEFECTS);
      assert.deepStrictEqual(codes(await client.diagnosticsFor(b, 1)), ['heading-format', 'item-decision', 'citation-page-mismatch', 'placeholder']);

      const told = client.messages.filter((m) => /Restricted Mode/.test(m.message));
      assert.strictEqual(told.length, 1, JSON.stringify(client.messages));
      assert.strictEqual(told[0]!.type, 3, 'an information message');
      assert.match(told[0]!.message, /index:, placeholders: of \.imrlintrc\.yaml ignored until you trust this workspace/);

      const n = await notes;
      assert.deepStrictEqual(n.diagnostics.map((d) => [d.range.start.line, d.severity, d.code]), [[1, 3, 'restricted-mode'], [2, 3, 'restricted-mode']]);
      assert.match(String(n.diagnostics[0]!.message), /Ignored in Restricted Mode.*`index`.*bundled index/);

      // trust granted: the letters are linted again with the config's index and placeholders
      const relinted = client.waitForDiagnostics(a, (p) => p.diagnostics.some((d) => d.code === 'citation-page-mismatch' && d.range.start.line === 26));
      const cleared = client.waitForDiagnostics(rcUri, (p) => p.diagnostics.length === 0);
      await client.conn.sendNotification('imr/trustChanged', { trusted: true });
      const trusted = await relinted;
      assert.ok(trusted.diagnostics.some((d) => d.code === 'placeholder' && /warehouse/.test(String(d.message))), JSON.stringify(trusted.diagnostics.map((d) => String(d.message))));
      await cleared;
      assert.strictEqual(client.messages.filter((m) => /Restricted Mode/.test(m.message)).length, 1);
    } finally {
      await client.stop();
    }
  });

  it('untrusted: an index at /dev/zero and a pattern that backtracks are never touched', async () => {
    fs.writeFileSync(path.join(dir, '.imrlintrc.yaml'), 'index: [/dev/zero]\nplaceholders: ["(a|aa)+$"]\nrules:\n  placeholder: [error, {patterns: ["(x+x+)+y"]}]\n');
    const client = await TestClient.start({ root: dir, initializationOptions: { trusted: false } });
    try {
      const uri = fileUri(path.join(dir, 'a.imr'));
      await client.open(uri, DEFECTS.replace('warehouse clerk', `${'a'.repeat(40)}b ${'x'.repeat(40)}`));
      assert.deepStrictEqual(codes(await client.diagnosticsFor(uri, 1)), ['heading-format', 'item-decision', 'citation-page-mismatch', 'placeholder']);
    } finally {
      await client.stop();
    }
  });

  it('a config problem the yaml package refuses (billion laughs) is a diagnostic on the config file with its position, before any letter is open', async () => {
    const rc = path.join(dir, '.imrlintrc.yaml');
    fs.writeFileSync(rc, BILLION_LAUGHS);
    const client = await TestClient.start({ root: dir });
    try {
      const c = await client.waitForDiagnostics(fileUri(rc), (p) => p.diagnostics.length > 0);
      assert.deepStrictEqual(codes(c), ['invalid-config']);
      assert.deepStrictEqual(c.diagnostics[0]!.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 9 } });
      assert.match(String(c.diagnostics[0]!.message), /aliases expand too much/);
      const uri = fileUri(path.join(dir, 'a.imr'));
      await client.open(uri, DEFECTS);
      const p = await client.diagnosticsFor(uri, 1);
      assert.deepStrictEqual(codes(p), ['invalid-config']);
      assert.match(String(p.diagnostics[0]!.message), /\.imrlintrc\.yaml is invalid \(line 2\)/);
    } finally {
      await client.stop();
    }
  });

  it('an open config file is checked as typed: patterns that do not compile together are a diagnostic at the list', async () => {
    const rc = path.join(dir, '.imrlintrc.yaml');
    fs.writeFileSync(rc, 'rules: {}\n');
    const client = await TestClient.start({ root: dir });
    try {
      const rcUri = fileUri(rc);
      await client.open(rcUri, 'rules: {}\nplaceholders: ["(?<v>x)", "(?<v>y)"]\n', 'yaml');
      const c = await client.waitForDiagnostics(rcUri, (p) => p.diagnostics.length > 0);
      assert.deepStrictEqual(c.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.code]), [[1, 14, 'invalid-config']]);
      assert.match(String(c.diagnostics[0]!.message), /placeholders: the patterns do not compile together/);
    } finally {
      await client.stop();
    }
  });

  it('pull client: an open config file is not pulled as a letter, its problems are pushed; untrusted include globs are ignored', async () => {
    const rc = path.join(dir, '.imrlintrc.yaml');
    fs.writeFileSync(rc, 'include: ["**/*.letter"]\n');
    fs.writeFileSync(path.join(dir, 'a.imr'), DEFECTS);
    fs.writeFileSync(path.join(dir, 'b.letter'), DEFECTS);
    const client = await TestClient.start({ root: dir, capabilities: PULL_CAPABILITIES, initializationOptions: { trusted: false } });
    try {
      const ws = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
      assert.deepStrictEqual(ws.items.map((i) => path.basename(new URL(i.uri).pathname)), ['a.imr'], 'the default include applies');
      const rcUri = fileUri(rc);
      const pushed = client.waitForDiagnostics(rcUri, (p) => p.diagnostics.some((d) => d.code === 'invalid-config'));
      await client.open(rcUri, 'include: ["**/*.letter"]\nredakt: true\n', 'yaml');
      const r = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: rcUri } });
      assert.deepStrictEqual(r, { kind: 'full', items: [] });
      const p = await pushed;
      assert.deepStrictEqual(p.diagnostics.map((d) => [d.range.start.line, d.severity, d.code]), [[1, 1, 'invalid-config'], [0, 3, 'restricted-mode']]);
    } finally {
      await client.stop();
    }
  });

  it('pull client, untrusted: the ignore files are not read (their patterns could backtrack); trusted, they select the letters again', async () => {
    fs.mkdirSync(path.join(dir, 'drafts'));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, '.imrlintignore'), 'drafts/\n');
    fs.writeFileSync(path.join(dir, '.gitignore'), 'old-*.imr\n');
    for (const f of ['a.imr', 'old-b.imr', 'drafts/c.imr']) fs.writeFileSync(path.join(dir, f), DEFECTS);
    const client = await TestClient.start({ root: dir, capabilities: PULL_CAPABILITIES, initializationOptions: { trusted: false } });
    try {
      const letters = async () => {
        const ws = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
        return ws.items.map((i) => path.relative(dir, new URL(i.uri).pathname)).sort();
      };
      assert.deepStrictEqual(await letters(), ['a.imr', 'drafts/c.imr', 'old-b.imr']);
      await client.conn.sendNotification('imr/trustChanged', { trusted: true });
      assert.deepStrictEqual(await letters(), ['a.imr']);
    } finally {
      await client.stop();
    }
  });
});
