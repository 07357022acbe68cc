#!/usr/bin/env node
'use strict';
// npm run demo: lints the bundled example letters with the bundled MTUS index.
// examples/clean must pass (exit 0); examples/with-findings must be reported (exit 1).
const { spawnSync } = require('child_process');
const path = require('path');
const bin = path.join(__dirname, '..', 'bin', 'imr-lint.js');
let ok = true;
for (const [dir, want] of [['examples/clean', 0], ['examples/with-findings', 1]]) {
  console.log(`$ imr-lint ${dir}`);
  const r = spawnSync(process.execPath, [bin, dir], { stdio: 'inherit', cwd: path.join(__dirname, '..') });
  console.log(`(exit ${r.status}, expected ${want})\n`);
  if (r.status !== want) ok = false;
}
process.exit(ok ? 0 : 1);
