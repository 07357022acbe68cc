#!/usr/bin/env node
'use strict';
/**
 * Removes compiled files in out/ whose TypeScript source is gone (a renamed or deleted module or spec).
 * `tsc -b` never deletes its old outputs, so without this a stale out/test/…/x.test.js of a removed spec
 * would still run under mocha in an existing checkout. Runs first in `npm run build`; a fresh clone has
 * no out/ and nothing to do.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'out');
const COMPILED = /(\.d\.ts\.map|\.d\.ts|\.js\.map|\.js)$/;

function walk(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      removed += walk(full);
      continue;
    }
    const m = COMPILED.exec(e.name);
    if (!e.isFile() || !m) continue;
    const source = path.join(ROOT, path.relative(OUT, dir), e.name.slice(0, -m[1].length));
    if (fs.existsSync(`${source}.ts`) || fs.existsSync(`${source}.tsx`)) continue;
    fs.rmSync(full, { force: true });
    removed++;
  }
  return removed;
}

const removed = walk(OUT);
if (removed > 0) console.log(`prune-out: removed ${removed} compiled file(s) whose source is gone`);
