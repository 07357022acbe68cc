/**
 * LSP 3.17 pull diagnostics against the real server process: `workspace/diagnostic` reports every
 * letter the configuration selects, read from disk (nothing opened), with result ids; a config change
 * makes the server ask the client to pull again (`workspace/diagnostic/refresh`); `textDocument/diagnostic`
 * answers for open letters. A client without pull support gets pushed diagnostics (see diagnostics.test.ts
 * and the Neovim test) and no diagnosticProvider.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ClientCapabilities, DocumentDiagnosticReport, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol/lib/node/main';
import { CLEAN, DEFECTS } from '../fixtures/lsp/letters';
import { fileUri, TestClient } from './client';

const PULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
};

const byUri = (r: WorkspaceDiagnosticReport) => new Map(r.items.map((i) => [i.uri, i]));
const codes = (i: WorkspaceDocumentDiagnosticReport | DocumentDiagnosticReport) => (i.kind === 'full' ? i.items.map((d) => String(d.code)) : []);

describe('language server: pull diagnostics (textDocument/diagnostic, workspace/diagnostic)', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient | undefined;
  const file = (rel: string) => path.join(dir, rel);
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(file(rel)), { recursive: true });
    fs.writeFileSync(file(rel), text);
  };

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'imr-lsp-pull-')));
    write('.imrlintrc.yaml', 'exclude: ["drafts/**"]\n');
    write('clean.imr', CLEAN);
    write('cases/defects.imr.txt', DEFECTS);
    write('drafts/draft.imr', DEFECTS);
    write('notes.txt', 'not a letter\n');
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a pull client gets a diagnosticProvider with workspace diagnostics; a push client does not', async () => {
    client = await TestClient.start({ root: dir, capabilities: PULL_CAPABILITIES });
    assert.deepStrictEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'imr', interFileDependencies: false, workspaceDiagnostics: true });
    await client.stop();
    client = await TestClient.start({ root: dir });
    assert.strictEqual(client.initializeResult.capabilities.diagnosticProvider, undefined);
  });

  it('workspace/diagnostic reports every selected letter from disk, excluded folders left out, nothing opened or pushed', async () => {
    client = await TestClient.start({ root: dir, capabilities: PULL_CAPABILITIES });
    const report = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { identifier: 'imr', previousResultIds: [] });
    const items = byUri(report);
    assert.deepStrictEqual([...items.keys()].sort(), [fileUri(file('cases/defects.imr.txt')), fileUri(file('clean.imr'))].sort());
    const clean = items.get(fileUri(file('clean.imr')))!;
    const defects = items.get(fileUri(file('cases/defects.imr.txt')))!;
    assert.strictEqual(clean.kind, 'full');
    assert.deepStrictEqual(codes(clean), []);
    assert.ok(codes(defects).includes('placeholder'), `defects: ${codes(defects).join(', ')}`);
    assert.strictEqual(defects.version, null);
    assert.ok(defects.kind === 'full' && typeof defects.resultId === 'string');
    assert.strictEqual(client.received.length, 0, 'no publishDiagnostics to a pull client');
  });

  it('result ids: unchanged letters are reported unchanged; a letter changed on disk is linted again', async () => {
    client = await TestClient.start({ root: dir, capabilities: PULL_CAPABILITIES });
    const first = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { identifier: 'imr', previousResultIds: [] });
    const previousResultIds = first.items.map((i) => ({ uri: i.uri, value: (i as { resultId: string }).resultId }));
    const again = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { identifier: 'imr', previousResultIds });
    assert.deepStrictEqual(again.items.map((i) => i.kind), ['unchanged', 'unchanged']);

    write('cases/defects.imr.txt', CLEAN); // fixed on disk (size changes with it)
    fs.rmSync(file('clean.imr')); // deleted: reported once with no problems, so the client clears it
    const third = byUri(await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { identifier: 'imr', previousResultIds }));
    const deleted = third.get(fileUri(file('clean.imr')))!;
    assert.strictEqual(deleted.kind, 'full');
    assert.deepStrictEqual(codes(deleted), []);
    const fixed = third.get(fileUri(file('cases/defects.imr.txt')))!;
    assert.strictEqual(fixed.kind, 'full');
    assert.deepStrictEqual(codes(fixed), []);
  });

  it('a config change makes the server ask for a refresh, and the next pull follows the new config', async () => {
    client = await TestClient.start({ root: dir, capabilities: PULL_CAPABILITIES });
    const first = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { identifier: 'imr', previousResultIds: [] });
    assert.strictEqual(first.items.length, 2);
    const refreshed = new Promise<void>((resolve) => client!.conn.onRequest('workspace/diagnostic/refresh', () => (resolve(), null)));
    write('.imrlintrc.yaml', 'exclude: ["drafts/**", "cases/**"]\nrules:\n  placeholder: off\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file('.imrlintrc.yaml')), type: 2 }] });
    await refreshed;
    const previousResultIds = first.items.map((i) => ({ uri: i.uri, value: (i as { resultId: string }).resultId }));
    const after = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { identifier: 'imr', previousResultIds });
    const items = byUri(after);
    assert.strictEqual(items.get(fileUri(file('clean.imr')))?.kind, 'full', 'the config generation voids old result ids');
    // cases/ is now excluded: its letter is reported once more, with no problems, so the client clears it
    const excluded = items.get(fileUri(file('cases/defects.imr.txt')))!;
    assert.strictEqual(excluded.kind, 'full');
    assert.deepStrictEqual(codes(excluded), []);
    assert.strictEqual(after.items.length, 2);
    const next = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { identifier: 'imr', previousResultIds: [{ uri: fileUri(file('clean.imr')), value: (items.get(fileUri(file('clean.imr'))) as { resultId: string }).resultId }] });
    assert.deepStrictEqual(next.items.map((i) => [i.uri, i.kind]), [[fileUri(file('clean.imr')), 'unchanged']]);
  });

  it('textDocument/diagnostic answers for an open letter by version (unchanged when asked again)', async () => {
    client = await TestClient.start({ root: dir, capabilities: PULL_CAPABILITIES });
    const uri = fileUri(file('cases/defects.imr.txt'));
    await client.open(uri, DEFECTS);
    const first = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.strictEqual(first.kind, 'full');
    assert.ok(codes(first).includes('placeholder'));
    const again = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.strictEqual(again.kind, 'unchanged');
    await client.change(uri, [{ text: CLEAN }]);
    const edited = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.strictEqual(edited.kind, 'full');
    assert.deepStrictEqual(codes(edited), []);
    assert.strictEqual(client.received.filter((p) => p.uri === uri).length, 0, 'no publishDiagnostics to a pull client');
  });
});
