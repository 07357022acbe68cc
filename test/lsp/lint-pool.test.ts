import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import { LintPool, LintRequest, StaleLintError } from '../../server/src/lsp/lint-pool';
import { CLEAN, DEFECTS } from '../fixtures/lsp/letters';

/** The lint pool with the real worker (out/server/src/lsp/lint-worker.js). */
describe('language server: lint pool (worker threads)', function () {
  this.timeout(60_000);
  const request = (key: string, text: string): LintRequest => ({ key, text, cwd: os.tmpdir(), trusted: true, index: [], rules: {}, generation: 0, budgetMs: 30_000 });

  it('lints in a worker: the letter\'s findings and its parsed items come back', async () => {
    const pool = new LintPool({ size: 1 });
    try {
      const out = await pool.run(request('a', DEFECTS));
      assert.strictEqual(out.kind, 'done');
      if (out.kind !== 'done') return;
      assert.deepStrictEqual(out.result.findings.map((f) => f.ruleId), ['heading-format', 'item-decision', 'citation-page-mismatch', 'placeholder']);
      assert.strictEqual(out.result.determination.items.length, 1);
    } finally {
      pool.dispose();
    }
  });

  it('a job still waiting for the worker is dropped when a newer one for the same document comes', async () => {
    const pool = new LintPool({ size: 1 });
    try {
      const first = pool.run(request('doc', CLEAN)); // goes to the worker at once
      const second = pool.run(request('doc', DEFECTS)); // waits…
      const other = pool.run(request('other', CLEAN)); // another document's job is kept
      const third = pool.run(request('doc', CLEAN)); // …and is superseded by this one
      await assert.rejects(second, StaleLintError);
      for (const p of [first, other, third]) assert.strictEqual((await p).kind, 'done');
    } finally {
      pool.dispose();
    }
  });

  it('a worker that cannot start is retried three times, then jobs fail and the server is told once', async () => {
    const told: string[] = [];
    const pool = new LintPool({ script: path.join(os.tmpdir(), 'no-such-imr-lint-worker.js'), broken: (m) => told.push(m) });
    try {
      // each death before "ready" rejects the job it had; the fourth run finds the pool broken
      for (let i = 0; i < 3; i++) await assert.rejects(pool.run(request(`d${i}`, CLEAN)), /the lint worker stopped/);
      await assert.rejects(pool.run(request('d3', CLEAN)), /the lint worker cannot start/);
      await assert.rejects(pool.run(request('d4', CLEAN)), /the lint worker cannot start/);
      assert.deepStrictEqual(told, ['the lint worker (no-such-imr-lint-worker.js) stopped 3 times before it was ready']);
    } finally {
      pool.dispose();
    }
  });
});
