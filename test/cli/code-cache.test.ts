/**
 * The build-time V8 code cache of the CLI bundle (bin/code-cache.js): the build makes one for
 * dist/cli.js that a run uses, and a cache that is not for the bundle, the Node version or V8's flags
 * at hand — or is damaged, or missing — is ignored: the bundle then loads as `require` would load it.
 * Each load runs in a process of its own (as bin/load-cli.js does it: V8 settings first).
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cleanupTemp, CLI_FIXTURES, LINT_BIN, makeTemp, ROOT } from './helpers';

const CODE_CACHE = path.join(ROOT, 'bin', 'code-cache.js');
const LOAD_CLI = path.join(ROOT, 'bin', 'load-cli.js');

const { stampBundle, bundleIdOf, cacheFileFor } = require(CODE_CACHE) as {
  stampBundle: (file: string) => void;
  bundleIdOf: (text: string) => string | undefined;
  cacheFileFor: (bundle: string) => string;
};

/** Loads `bundle` through its cache in a fresh process; `write` makes the cache after loading. */
function load(bundle: string, opts: { write?: boolean; nodeArgs?: string[] } = {}): { cacheUsed: boolean; value: unknown } {
  const script = `
    require(${JSON.stringify(LOAD_CLI)}).tuneV8();
    const cc = require(${JSON.stringify(CODE_CACHE)});
    const loaded = cc.loadBundle(${JSON.stringify(bundle)});
    const value = loaded.exports.run();
    if (${opts.write ? 'true' : 'false'}) cc.writeCache(${JSON.stringify(bundle)}, loaded);
    process.stdout.write(JSON.stringify({ cacheUsed: loaded.cacheUsed, value }));`;
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), '-e', script], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { cacheUsed: boolean; value: unknown };
}

const SOURCE = `'use strict';
const path = require('path');
function square(n) { return n * n; }
function run() { return { sum: [1, 2, 3].map(square).reduce((a, b) => a + b, 0), dir: path.basename(__dirname), file: path.basename(__filename) }; }
module.exports = { run };
`;

describe('the code cache of the CLI bundle', () => {
  after(cleanupTemp);

  it('npm run build made one for dist/cli.js, and imr-lint runs through it', () => {
    const bundle = path.join(ROOT, 'dist', 'cli.js');
    assert.ok(bundleIdOf(fs.readFileSync(bundle, 'utf8')), 'dist/cli.js has no bundle id: run npm run build');
    assert.ok(fs.existsSync(cacheFileFor(bundle)), 'dist/cli.code-cache is missing: run npm run build');
    const script = `
      require(${JSON.stringify(LOAD_CLI)}).tuneV8();
      const loaded = require(${JSON.stringify(CODE_CACHE)}).loadBundle(${JSON.stringify(bundle)});
      process.stdout.write(String(loaded.cacheUsed && typeof loaded.exports.runLint === 'function'));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.strictEqual(r.stdout, 'true', r.stderr);
    // and a run through it reports what it always reported
    const lint = spawnSync(process.execPath, [LINT_BIN, '-f', 'compact', 'page-error-2009.imr'], { cwd: CLI_FIXTURES, encoding: 'utf8' });
    assert.strictEqual(lint.status, 1, lint.stderr);
    assert.match(lint.stdout, /^page-error-2009\.imr:\d+:\d+: error .* \[citation-page-mismatch\]$/m);
  });

  it('a cache is used for the bundle it was made from; the bundle behaves the same with and without it', () => {
    const dir = makeTemp('imr-code-cache-');
    const bundle = path.join(dir, 'b.js');
    fs.writeFileSync(bundle, SOURCE);
    stampBundle(bundle);
    stampBundle(bundle); // stamping again replaces the id line, never adds one
    assert.strictEqual(fs.readFileSync(bundle, 'utf8').split('imr-bundle-id=').length, 2);
    const expected = { sum: 14, dir: path.basename(dir), file: 'b.js' };
    assert.deepStrictEqual(load(bundle, { write: true }), { cacheUsed: false, value: expected });
    assert.deepStrictEqual(load(bundle), { cacheUsed: true, value: expected });
    // other V8 flags: V8 refuses the cache, the bundle compiles as usual
    assert.deepStrictEqual(load(bundle, { nodeArgs: ['--max-lazy'] }), { cacheUsed: false, value: expected });
  });

  it('a cache of another bundle, another Node, a damaged or a foreign file is ignored', () => {
    const dir = makeTemp('imr-code-cache-');
    const bundle = path.join(dir, 'b.js');
    fs.writeFileSync(bundle, SOURCE);
    stampBundle(bundle);
    load(bundle, { write: true });
    const cache = cacheFileFor(bundle);
    const good = fs.readFileSync(cache);
    const nl = good.indexOf(10);
    const header = JSON.parse(good.toString('utf8', 0, nl)) as Record<string, string>;
    const expected = { sum: 14, dir: path.basename(dir), file: 'b.js' };
    const variants: [string, Buffer][] = [
      ['another Node', Buffer.concat([Buffer.from(JSON.stringify({ ...header, node: 'v0.0.1' }) + '\n'), good.subarray(nl + 1)])],
      ['truncated data', good.subarray(0, nl + 1 + Math.floor((good.length - nl) / 2))],
      ['no data', good.subarray(0, nl + 1)],
      ['not a cache', Buffer.from('hello\nworld')],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [what, bytes] of variants) {
      fs.writeFileSync(cache, bytes);
      assert.deepStrictEqual(load(bundle), { cacheUsed: false, value: expected }, what);
    }
    // the bundle rebuilt (another id): the old cache is not used for it
    fs.writeFileSync(cache, good);
    fs.writeFileSync(bundle, SOURCE.replace('n * n', 'n * n * 1'));
    stampBundle(bundle);
    assert.deepStrictEqual(load(bundle), { cacheUsed: false, value: expected }, 'another bundle');
    // a bundle without an id (a --dev build) is loaded without a cache, and none can be made for it
    fs.writeFileSync(bundle, SOURCE);
    fs.writeFileSync(cache, good);
    assert.deepStrictEqual(load(bundle), { cacheUsed: false, value: expected }, 'no id');
    assert.strictEqual(bundleIdOf(SOURCE), undefined);
  });
});
