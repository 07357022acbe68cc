#!/usr/bin/env node
'use strict';
/**
 * THIRD_PARTY_NOTICES.txt for the .vsix: the licence of every npm package that esbuild bundled into
 * dist/ (read from the bundle's metafile), with its licence file's text. scripts/bundle.js writes it to
 * dist/THIRD_PARTY_NOTICES.txt after each build; `node scripts/third-party-notices.js META.json` prints it.
 */
const fs = require('fs');
const path = require('path');

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i;

/** The package folders (relative to root) of the bundled inputs, e.g. node_modules/@scope/name. */
function bundledPackages(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const p = input.split(path.sep).join('/');
    const i = p.lastIndexOf('node_modules/');
    if (i < 0) continue;
    const rest = p.slice(i + 'node_modules/'.length).split('/');
    const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    dirs.add(`${p.slice(0, i)}node_modules/${name}`);
  }
  return [...dirs].sort();
}

/** The notices text for a metafile; `root` is the folder esbuild's paths are relative to. */
function noticesFor(metafile, root) {
  const seen = new Map();
  for (const dir of bundledPackages(metafile)) {
    const abs = path.join(root, dir);
    const pkg = JSON.parse(fs.readFileSync(path.join(abs, 'package.json'), 'utf8'));
    const key = `${pkg.name}@${pkg.version}`;
    if (seen.has(key)) continue;
    const licenceFile = fs.readdirSync(abs).filter((f) => LICENCE_FILE.test(f)).sort()[0];
    const licence = typeof pkg.license === 'string' ? pkg.license : (pkg.license && pkg.license.type) || 'UNKNOWN';
    const text = licenceFile ? fs.readFileSync(path.join(abs, licenceFile), 'utf8').trim() : `(no licence file in the package; its package.json declares "${licence}")`;
    seen.set(key, { name: pkg.name, version: pkg.version, licence, repository: typeof pkg.repository === 'string' ? pkg.repository : pkg.repository && pkg.repository.url, text });
  }
  const parts = [
    'THIRD-PARTY SOFTWARE NOTICES',
    '',
    'The IMR Determination Letters extension bundles the following npm packages into dist/.',
    'Each is listed with its version, licence and the text of its licence file.',
  ];
  for (const p of seen.values()) {
    parts.push('', '='.repeat(78), `${p.name} ${p.version} — ${p.licence}${p.repository ? `\n${p.repository}` : ''}`, '-'.repeat(78), p.text);
  }
  return { text: parts.join('\n') + '\n', packages: [...seen.values()].map((p) => ({ name: p.name, version: p.version, licence: p.licence })) };
}

module.exports = { noticesFor, bundledPackages };

if (require.main === module) {
  const meta = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  process.stdout.write(noticesFor(meta, path.resolve(__dirname, '..')).text);
}
