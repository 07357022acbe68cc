'use strict';
/**
 * The CLI module for bin/imr-lint.js and bin/imr.js: the esbuild bundle dist/cli.js (one file to load:
 * a fast start) when it exists and is not older than the tsc output in out/, else that output (so a
 * `tsc` rebuild during development is never shadowed by an old bundle). The bundle is compiled through
 * its build-time V8 code cache when it has a valid one (bin/code-cache.js).
 */
const fs = require('fs');
const path = require('path');

/**
 * V8 settings for a short CLI run, made before any of the CLI's code runs. Regular expressions are
 * compiled to machine code at their first use: by default V8 first compiles each to bytecode and
 * recompiles it to machine code at its second use, and the engine's ~150 patterns, most used more than
 * once per letter, were compiled twice (the bytecode compile of the verdict cue patterns alone took
 * tens of milliseconds). What a pattern matches does not change. scripts/code-cache.js makes the code
 * cache under the same settings (V8 refuses a cache made under other flags).
 *
 * Only the number of interpreted runs before the machine-code compile is set (to 0: the state V8 itself
 * gives a pattern run on a long text, and newer V8s' default). Turning the interpreter off instead
 * (--no-regexp-tier-up) is not safe at run time: a pattern Node created before the switch (one in
 * its module loader) crashed the process with SIGSEGV when run after it (test/bin/bins.test.ts).
 */
function tuneV8() {
  require('v8').setFlagsFromString('--regexp-tier-up-ticks=0');
}

let loaded;

module.exports = function loadCli() {
  if (loaded) return loaded;
  tuneV8();
  const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
  const compiled = path.join(__dirname, '..', 'out', 'server', 'src', 'cli', 'bundle-entry.js');
  const mtime = (f) => {
    try {
      return fs.statSync(f).mtimeMs;
    } catch {
      return undefined;
    }
  };
  const b = mtime(bundle);
  const c = mtime(compiled);
  loaded = b !== undefined && (c === undefined || b >= c) ? require('./code-cache.js').loadBundle(bundle).exports : require(compiled);
  return loaded;
};

module.exports.tuneV8 = tuneV8;
