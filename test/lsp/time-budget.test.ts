import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DocumentDiagnosticReport, Hover, MarkupContent } from 'vscode-languageserver-protocol/lib/node/main';
import { NOT_FULLY_CHECKED } from '../../server/src/engine';
import { EXPORT_REQUEST, ExportResult } from '../../shared/protocol';
import { CLEAN } from '../fixtures/lsp/letters';
import { SLOW_MARKER } from '../helpers/slow-rule';
import { fileUri, positionOf, REPO_ROOT, TestClient } from './client';

/**
 * The language server lints in a worker with a time budget (imr.maxTimePerFile). The server runs with
 * the test-only never-ending rule preloaded (test/helpers/slow-rule-preload.ts, inherited by the lint
 * workers): a letter containing the marker never finishes linting, every other letter lints normally.
 */
const PRELOAD = ['--require', path.join(REPO_ROOT, 'out', 'test', 'helpers', 'slow-rule-preload.js')];
const RUNAWAY = `${CLEAN}\n${SLOW_MARKER}\n`;
/** The budget of these tests: ordinary letters fit in it even in a fresh worker on a busy machine. */
const BUDGET_MS = 2500;

describe('language server: time budget per letter (lint worker)', function () {
  this.timeout(90_000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-lsp-budget-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers a hover in another letter while a runaway lint runs; the runaway letter gets one warning and the next lint works', async () => {
    const client = await TestClient.start({ root: dir, settings: { maxTimePerFile: BUDGET_MS }, nodeArgs: PRELOAD });
    try {
      await client.conn.sendNotification('$/setTrace', { value: 'messages' });
      const other = fileUri(path.join(dir, 'other.imr'));
      await client.open(other, CLEAN);
      assert.deepStrictEqual((await client.diagnosticsFor(other, 1)).diagnostics, []);

      const slow = fileUri(path.join(dir, 'slow.imr'));
      const mark = client.traces.length;
      await client.open(slow, RUNAWAY);
      // the worker has started linting the runaway letter
      await client.waitForTrace(new RegExp(`^lint #\\d+ started \\(budget ${BUDGET_MS} ms\\)$`), mark);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: other }, position: positionOf(CLEAN, 'Section(s): 3.3.6', 14) });
      assert.ok(hover, 'the hover is answered');
      assert.match((hover.contents as MarkupContent).value, /Use of Urine Drug Testing/);
      assert.strictEqual(client.latest(slow), undefined, 'answered before the runaway lint was stopped');

      const stopped = await client.diagnosticsFor(slow, 1);
      assert.deepStrictEqual(
        stopped.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]),
        [[NOT_FULLY_CHECKED, 2, 0, 0]],
      );
      const message = String(stopped.diagnostics[0]!.message);
      assert.match(message, /^Not fully checked: linting took longer than 2\.5 s/);
      assert.ok(!message.includes('CM'), 'no letter text in the message');
      assert.ok(client.traces.slice(mark).some((t) => /worker replaced/.test(t)));
      // nothing was parsed, so nothing is exported, even when forced
      const exported = await client.request<ExportResult>(EXPORT_REQUEST, { textDocument: { uri: slow }, format: 'txt', force: true });
      assert.strictEqual(exported.written, false);
      assert.match(exported.problem ?? '', /^Not fully checked: .* Raise imr\.maxTimePerFile to export it\.$/);
      assert.ok(!fs.existsSync(path.join(dir, 'slow.txt')));

      // the replacement worker lints the letter once the runaway part is gone
      const v2 = await client.change(slow, [{ text: CLEAN.replace(': Upheld', ': Upheld?') }]);
      const after = await client.diagnosticsFor(slow, v2);
      assert.deepStrictEqual(after.diagnostics.map((d) => d.code), ['item-decision']);
      // and the other letter still lints
      const v2o = await client.change(other, [{ text: RUNAWAY.replace(SLOW_MARKER, '') }]);
      assert.deepStrictEqual((await client.diagnosticsFor(other, v2o)).diagnostics, []);
      assert.strictEqual(client.proc.exitCode, null, 'the server is alive');
    } finally {
      await client.stop();
    }
  });

  it('pull diagnostics (textDocument/diagnostic) report the overrun too', async () => {
    const client = await TestClient.start({
      root: dir,
      settings: { maxTimePerFile: BUDGET_MS },
      nodeArgs: PRELOAD,
      capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
    });
    try {
      const slow = fileUri(path.join(dir, 'pulled.imr'));
      await client.open(slow, RUNAWAY);
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: slow } });
      assert.strictEqual(report.kind, 'full');
      assert.deepStrictEqual(report.kind === 'full' ? report.items.map((d) => [d.code, d.severity]) : [], [[NOT_FULLY_CHECKED, 2]]);
      const v2 = await client.change(slow, [{ text: CLEAN }]);
      const next = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: slow } });
      assert.strictEqual(next.kind === 'full' ? next.items.length : -1, 0, `v${v2} lints clean: ${JSON.stringify(next)}`);
    } finally {
      await client.stop();
    }
  });
});
