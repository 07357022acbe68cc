'use strict';
/**
 * The CLI module for bin/imr-lint.js and bin/imr.js: the esbuild bundle dist/cli.js (one file to load:
 * a fast start) when it exists and is not older than the tsc output in out/, else that output (so a
 * `tsc` rebuild during development is never shadowed by an old bundle).
 */
const fs = require('fs');
const path = require('path');

module.exports = function loadCli() {
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
  return require(b !== undefined && (c === undefined || b >= c) ? bundle : compiled);
};
