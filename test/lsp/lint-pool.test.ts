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

  it('lints a document on one worker at a time: its newer version waits, another document takes the second worker', async () => {
    const pool = new LintPool({ size: 2 });
    try {
      const order: string[] = [];
      const first = pool.run(request('doc', DEFECTS)).then((o) => (order.push('first'), o));
      const second = pool.run(request('doc', CLEAN)).then((o) => (order.push('second'), o));
      assert.strictEqual(pool.workers, 1, 'the newer version waits for the worker linting the older one');
      const other = pool.run(request('other', CLEAN));
      assert.strictEqual(pool.workers, 2, 'another document is linted beside it');
      const outs = await Promise.all([first, second, other]);
      assert.deepStrictEqual(outs.map((o) => o.kind), ['done', 'done', 'done']);
      assert.deepStrictEqual(order, ['first', 'second']);
    } finally {
      pool.dispose();
    }
  });

  /** Traces of a pool, and a wait for the first one matching a pattern (event-driven: no sleeps). */
  function traced(): { trace: (m: string) => void; next: (re: RegExp) => Promise<string> } {
    const seen: string[] = [];
    const waiting: { re: RegExp; resolve: (m: string) => void }[] = [];
    return {
      trace: (m) => {
        // a message goes to the first waiter it matches, else it is kept for a later wait
        const at = waiting.findIndex((w) => w.re.test(m));
        if (at >= 0) waiting.splice(at, 1)[0]!.resolve(m);
        else seen.push(m);
      },
      next: (re) => new Promise((resolve) => {
        const at = seen.findIndex((m) => re.test(m));
        if (at >= 0) resolve(seen.splice(0, at + 1).pop()!);
        else waiting.push({ re, resolve });
      }),
    };
  }

  it('gives memory back when idle: an extra worker ends, the first stays (with a small heap) and still lints', async () => {
    const t = traced();
    const pool = new LintPool({ size: 2, idleMs: 200, trace: t.trace });
    try {
      // two documents at once: the second worker starts
      const outs = await Promise.all([pool.run(request('a', DEFECTS)), pool.run(request('b', CLEAN))]);
      assert.deepStrictEqual(outs.map((o) => o.kind), ['done', 'done']);
      assert.strictEqual(pool.workers, 2);
      const idle = [await t.next(/^idle lint worker/), await t.next(/^idle lint worker/)].map((m) => m.replace(/ \(.*/, '')).sort();
      assert.deepStrictEqual(idle, ['idle lint worker ended', 'idle lint worker kept']);
      assert.strictEqual(pool.workers, 1, 'the extra worker ended, the first one is kept');
      const again = await pool.run(request('a', DEFECTS));
      assert.strictEqual(again.kind, 'done');
    } finally {
      pool.dispose();
    }
  });

  it('replaces an idle first worker whose heap grew past the limit with a fresh one, which lints', async () => {
    const t = traced();
    const pool = new LintPool({ size: 1, idleMs: 200, recycleHeapBytes: 1, trace: t.trace });
    try {
      assert.strictEqual((await pool.run(request('a', CLEAN))).kind, 'done');
      assert.match(await t.next(/^idle lint worker/), /^idle lint worker replaced by a fresh one \(heap \d+ MB\)$/);
      assert.strictEqual(pool.workers, 1, 'a fresh worker is waiting for the next letter');
      const out = await pool.run(request('a', DEFECTS));
      assert.strictEqual(out.kind, 'done');
      if (out.kind === 'done') assert.strictEqual(out.result.findings.length, 4);
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
