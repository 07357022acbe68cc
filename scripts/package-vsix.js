#!/usr/bin/env node
'use strict';
/**
 * Packs the .vsix. vsce refuses a package.json `files` list (the npm package's allow-list) next to a
 * .vscodeignore (the .vsix's allow-list), so the .vsix is packed from a staging folder holding exactly the
 * files .vscodeignore allows and a package.json without `files`. Each allow-list stays the one fact for
 * its package. Usage: node scripts/package-vsix.js [--out FILE] (default imr-letter-tools.vsix).
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const picomatch = require('picomatch');

const ROOT = path.resolve(__dirname, '..');
const STAGE = path.join(ROOT, '.vsix-stage');
const SKIP = new Set(['node_modules', '.git', '.e2e', '.vsix-stage', 'out']);

function main() {
  const outArg = process.argv.indexOf('--out');
  const out = path.resolve(ROOT, outArg > 0 ? process.argv[outArg + 1] : 'imr-letter-tools.vsix');
  // vsce's reading of .vscodeignore: glob lines in order, the last that matches a path decides (`!` keeps it)
  const rules = fs
    .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => ({ keep: l.startsWith('!'), match: picomatch(l.replace(/^!/, ''), { dot: true }) }));
  const ignored = (rel) => rules.reduce((out, r) => (r.match(rel) ? !r.keep : out), false);
  fs.rmSync(STAGE, { recursive: true, force: true });
  const copy = (rel) => {
    fs.mkdirSync(path.dirname(path.join(STAGE, rel)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, rel), path.join(STAGE, rel));
  };
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) walk(rel);
      } else if (e.isFile() && !ignored(rel)) copy(rel);
    }
  };
  try {
    walk('');
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    delete manifest.files;
    fs.writeFileSync(path.join(STAGE, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    copy('.vscodeignore');
    const vsce = require.resolve('@vscode/vsce/vsce', { paths: [ROOT] });
    execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: STAGE, stdio: 'inherit' });
  } finally {
    fs.rmSync(STAGE, { recursive: true, force: true });
  }
}

main();
