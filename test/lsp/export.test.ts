import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ExportResult, PreviewResult } from '../../shared/protocol';
import { fileUri, TestClient } from './client';

/**
 * `imr/preview` and `imr/export` against the built server over stdio: the preview is the engine's
 * HTML of the current version with findings marked; export writes next to the letter, refuses a
 * letter with errors unless forced, and never writes for an untitled letter.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const LETTER = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'export', 'two-items.imr'), 'utf8');
const WITH_ERROR = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'cli', 'page-error-2009.imr'), 'utf8');

describe('language server: preview and export', function () {
  this.timeout(60_000);
  let client: TestClient;
  let dir: string;
  let good: string;
  let bad: string;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'imr-lsp-export-')));
    client = await TestClient.start({ root: dir });
    good = fileUri(path.join(dir, 'case.imr'));
    bad = fileUri(path.join(dir, 'bad.imr'));
    await client.open(good, LETTER);
    await client.open(bad, WITH_ERROR);
    await client.diagnosticsFor(good, 1);
    await client.diagnosticsFor(bad, 1);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imr/preview: the letter as printed, as HTML with its source lines, following edits', async () => {
    const p = await client.request<PreviewResult>('imr/preview', { textDocument: { uri: good } });
    assert.strictEqual(p.version, 1);
    assert.strictEqual(p.caseNumber, 'CM17-0054321');
    assert.match(p.html, /<td>CM17-0054321<\/td>/);
    assert.match(p.html, /data-line="29" data-last="30"><b>Right knee arthroscopic/);
    assert.ok(!p.html.includes('imr-disable'));
    assert.match(p.css, /\.imr-sheet/);
    const version = await client.change(good, [{ range: { start: { line: 0, character: 22 }, end: { line: 0, character: 34 } }, text: 'CM17-0099999' }]);
    const q = await client.request<PreviewResult>('imr/preview', { textDocument: { uri: good } });
    assert.strictEqual(q.version, version);
    assert.strictEqual(q.caseNumber, 'CM17-0099999');
  });

  it('imr/preview marks the findings in the margin', async () => {
    const p = await client.request<PreviewResult>('imr/preview', { textDocument: { uri: bad } });
    assert.match(p.html, /data-severity="error"><span class="imr-mark imr-mark-error" title="error: [^"]*citation-page-mismatch/);
  });

  it('imr/export writes the PDF next to the letter', async () => {
    const r = await client.request<ExportResult>('imr/export', { textDocument: { uri: good }, format: 'pdf' });
    assert.deepStrictEqual([r.written, r.target, r.errors, r.problem], [true, path.join(dir, 'case.pdf'), [], undefined]);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'case.pdf')).subarray(0, 5).toString(), '%PDF-');
    const t = await client.request<ExportResult>('imr/export', { textDocument: { uri: good }, format: 'txt' });
    assert.ok(t.written);
    const text = fs.readFileSync(path.join(dir, 'case.txt'), 'utf8');
    assert.strictEqual(text, client.text(good).split('\n').filter((l) => !l.includes('imr-disable')).join('\n'));
  });

  it('imr/export refuses a letter with errors and lists them; force writes it', async () => {
    const r = await client.request<ExportResult>('imr/export', { textDocument: { uri: bad }, format: 'pdf' });
    assert.strictEqual(r.written, false);
    assert.deepStrictEqual(r.errors.map((e) => `${e.line + 1} ${e.ruleId}`), ['26 citation-page-mismatch']);
    assert.ok(!fs.existsSync(path.join(dir, 'bad.pdf')));
    const forced = await client.request<ExportResult>('imr/export', { textDocument: { uri: bad }, format: 'pdf', force: true });
    assert.strictEqual(forced.written, true);
    assert.ok(fs.existsSync(path.join(dir, 'bad.pdf')));
  });

  it('imr/export of an untitled letter writes nothing and says why', async () => {
    const untitled = 'untitled:Untitled-1';
    await client.open(untitled, LETTER);
    const r = await client.request<ExportResult>('imr/export', { textDocument: { uri: untitled }, format: 'pdf' });
    assert.strictEqual(r.written, false);
    assert.match(r.problem ?? '', /Save the letter first/);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['bad.pdf', 'case.pdf', 'case.txt']);
  });
});
