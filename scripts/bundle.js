#!/usr/bin/env node
'use strict';
/**
 * Bundles the extension with esbuild:
 *   client/src/extension.ts → dist/extension.js   (VS Code extension host; `vscode` is external)
 *   server/src/lsp/main.ts  → dist/server.js      (language server, started over node IPC)
 * The CLI is not bundled: it runs from out/ (bin/*.js), and the .vsix does not need it.
 * The bundles find shipped data (schemas/, server/data/, snippets/, package.json) by walking up
 * from dist/ (server/src/engine/assets.ts), so the .vsix keeps those folders next to dist/.
 *
 * dist/THIRD_PARTY_NOTICES.txt lists the licences of the npm packages bundled (scripts/third-party-notices.js).
 * The esbuild target is the Node version of package.json's `engines.node` (one fact, two uses).
 *
 * Flags: --dev (sourcemaps, no minify), --watch.
 */
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const { noticesFor } = require('./third-party-notices');

const ROOT = path.resolve(__dirname, '..');

/** esbuild's target for package.json's `engines.node` (">=20" → "node20"). */
function esbuildTarget(pkg) {
  const m = /^\s*(?:>=|\^|~)?\s*(\d+)(?:\.(\d+))?/.exec((pkg.engines && pkg.engines.node) || '');
  if (!m) throw new Error('bundle: package.json needs engines.node (">=20")');
  return `node${m[1]}${m[2] ? `.${m[2]}` : ''}`;
}
const dev = process.argv.includes('--dev');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'client/src/extension.ts', out: 'extension', required: true },
  { in: 'server/src/lsp/main.ts', out: 'server', required: true },
];

async function main() {
  const missing = entries.filter((e) => !fs.existsSync(path.join(ROOT, e.in)));
  for (const e of missing) {
    if (e.required) throw new Error(`bundle: entry ${e.in} does not exist`);
  }
  /** @type {import('esbuild').BuildOptions} */
  const options = {
    absWorkingDir: ROOT,
    entryPoints: entries.filter((e) => !missing.includes(e)).map((e) => ({ in: e.in, out: e.out })),
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: esbuildTarget(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))),
    external: ['vscode'],
    // vscode-languageserver/-client pick `main` (node) builds; prefer them over `browser`/`module`.
    mainFields: ['main', 'module'],
    minify: !dev,
    keepNames: true,
    sourcemap: dev ? 'linked' : false,
    legalComments: 'none',
    logLevel: 'info',
    metafile: true,
  };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
    return;
  }
  fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
  const result = await esbuild.build(options);
  for (const [file, info] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`bundle: ${file} ${(info.bytes / 1024).toFixed(1)} KiB`);
  }
  const notices = noticesFor(result.metafile, ROOT);
  fs.writeFileSync(path.join(ROOT, 'dist', 'THIRD_PARTY_NOTICES.txt'), notices.text);
  console.log(`bundle: dist/THIRD_PARTY_NOTICES.txt (${notices.packages.length} packages)`);
}

module.exports = { esbuildTarget };

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
