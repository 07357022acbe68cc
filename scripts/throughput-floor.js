#!/usr/bin/env node
/**
 * A floor for `npm run bench`'s folder row (docs/maintainers.md, "Throughput"): what a process that only
 * reads the same letters and splits them into lines and words costs, beside the engine linting them
 * several times in one process (the first pass cold, the later ones with the JIT's work done).
 *
 *   npm run build && node scripts/throughput-floor.js FOLDER [--passes N]
 *
 * Prints timings and counts only, never letter text. FOLDER holds the letters (*.imr, *.imr.txt, *.txt).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { parseArgs } = require('util');

const { values, positionals } = parseArgs({ allowPositionals: true, options: { passes: { type: 'string', default: '4' } } });
const dir = positionals[0];
if (!dir) {
  process.stderr.write('usage: node scripts/throughput-floor.js FOLDER [--passes N]\n');
  process.exit(2);
}
const files = fs
  .readdirSync(dir)
  .filter((f) => /\.(imr|txt)$/.test(f))
  .map((f) => path.join(dir, f));

// 1. the floor: read every letter, split it into lines, find its words (one pattern per line)
let t = performance.now();
let words = 0;
for (const f of files) {
  for (const line of fs.readFileSync(f, 'utf8').split(/\r?\n/)) words += (line.match(/[A-Za-z]+/g) ?? []).length;
}
const floorMs = performance.now() - t;
console.log(`${files.length} letters, ${words} words: read + lines + words ${floorMs.toFixed(0)} ms`);

// 2. the engine, pass after pass in this process: the first pass pays the JIT's warm-up
const engine = require(path.join(__dirname, '..', 'out', 'server', 'src', 'engine'));
const config = engine.createConfigResolver({ cwd: dir }).forFile(files[0]).config;
const { index } = engine.createIndexProvider().get([]);
for (let p = 0; p < Number(values.passes); p++) {
  t = performance.now();
  let findings = 0;
  for (const f of files) findings += engine.lintText({ text: fs.readFileSync(f, 'utf8'), config, index }).findings.length;
  console.log(`engine pass ${p + 1}: ${(performance.now() - t).toFixed(0)} ms (${findings} findings)`);
}
