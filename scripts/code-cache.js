#!/usr/bin/env node
'use strict';
/**
 * Makes dist/cli.code-cache (bin/code-cache.js) for a freshly built production dist/cli.js: loads the
 * bundle as bin/load-cli.js does (same V8 settings), lints the example letters in examples/ with it,
 * output discarded, and writes V8's code cache of everything that run compiled. scripts/bundle.js runs
 * it in a process of its own after building the CLI bundle.
 *
 *   node scripts/code-cache.js
 */
const fs = require('fs');
const path = require('path');
const { tuneV8 } = require('../bin/load-cli.js');
const { loadBundle, writeCache } = require('../bin/code-cache.js');

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'dist', 'cli.js');

function letters(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? letters(p) : /\.imr(\.txt)?$/.test(e.name) ? [p] : [];
  });
}

function main() {
  tuneV8();
  const examples = path.join(ROOT, 'examples');
  const files = fs.existsSync(examples) ? letters(examples) : [];
  if (files.length === 0) {
    // the CLI works without its cache, only starts slower
    console.warn('code-cache: no example letters in examples/; dist/cli.js gets no code cache');
    return;
  }
  const loaded = loadBundle(BUNDLE);
  const io = { stdout: () => {}, stderr: () => {}, readStdin: () => '', cwd: ROOT, color: false, version: '0.0.0' };
  // a lint per letter, as pre-commit runs it; exit 1 (findings) is expected from examples/with-findings
  for (const f of files) {
    const code = loaded.exports.guarded(() => loaded.exports.runLint([path.relative(ROOT, f)], io), io, 'imr-lint');
    if (code !== 0 && code !== 1) throw new Error(`code-cache: imr-lint ${path.relative(ROOT, f)} exited ${code}`);
  }
  const out = writeCache(BUNDLE, loaded);
  console.log(`code-cache: ${path.relative(ROOT, out)} ${(fs.statSync(out).size / 1024).toFixed(1)} KiB`);
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
