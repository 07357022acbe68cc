import { strict as assert } from 'assert';
import { ChildProcess } from 'child_process';
import { TestClient } from './client';

/**
 * Broken JSON-RPC framing over stdio (server/src/lsp/transport.ts): the server exits, so that the
 * client restarts it, instead of staying alive and mute; a body that is not JSON is only skipped.
 * The built server as a child process; every wait is for an event (exit, a response).
 */

/** The exit code, once the process has exited and its output is all read ('close'). */
const closed = new WeakMap<ChildProcess, Promise<number | null>>();
function exited(proc: ChildProcess): Promise<number | null> {
  return closed.get(proc)!;
}

/** Resolves once the server has written a line matching `re` to stderr. */
function stderrMatching(c: TestClient, re: RegExp): Promise<void> {
  if (re.test(c.serverStderr)) return Promise.resolve();
  return new Promise((resolve) => {
    // checked after the client's own listener has appended the chunk
    const onData = () =>
      setImmediate(() => {
        if (!re.test(c.serverStderr)) return;
        c.proc.stderr!.off('data', onData);
        resolve();
      });
    c.proc.stderr!.on('data', onData);
  });
}

describe('language server: broken framing', function () {
  this.timeout(60_000);
  const clients: TestClient[] = [];
  after(async () => {
    for (const c of clients) await c.stop();
  });

  const start = async (): Promise<TestClient> => {
    const c = await TestClient.start();
    closed.set(c.proc, new Promise((resolve) => c.proc.once('close', (code) => resolve(code))));
    clients.push(c);
    return c;
  };

  it('exits (code 3, one line, no header content) on a header without Content-Length', async () => {
    const c = await start();
    c.proc.stdin!.write('X-Letter: Patient Jane Roe\r\nContent-Type: application/json\r\n\r\n{"jsonrpc":"2.0","method":"exit"}');
    assert.equal(await exited(c.proc), 3);
    assert.match(c.serverStderr, /cannot be framed .* exiting so that the client restarts the server/);
    assert.ok(!c.serverStderr.includes('Jane Roe'), 'the unreadable header is not logged');
  });

  it('exits on a Content-Length that is not a number', async () => {
    const c = await start();
    c.proc.stdin!.write('Content-Length: many\r\n\r\n{}');
    assert.equal(await exited(c.proc), 3);
  });

  it('skips a body that is not JSON and goes on answering', async () => {
    const c = await start();
    const body = '{"broken';
    c.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await stderrMatching(c, /a message that is not JSON was ignored/);
    const result = await c.conn.sendRequest('shutdown');
    assert.equal(result, null);
    assert.equal(c.proc.exitCode, null, 'still running');
  });

  it('still exits when the client closes its end (0 after shutdown)', async () => {
    const c = await start();
    await c.conn.sendRequest('shutdown');
    c.proc.stdin!.end();
    assert.equal(await exited(c.proc), 0);
  });
});
