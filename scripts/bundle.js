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
 * Flags: --dev (sourcemaps, no minify), --watch.
 */
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const dev = process.argv.includes('--dev');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'client/src/extension.ts', out: 'extension', required: true },
  { in: 'server/src/lsp/main.ts', out: 'server', required: true },
  // PDF.js for "Verify Index Against Guideline PDF…": loaded by the server on first use only
  { in: 'server/src/engine/mtus/verify/pdfjs-reader.ts', out: 'pdfjs-reader', required: false },
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
    target: 'node18',
    external: ['vscode'],
    // vscode-languageserver/-client pick `main` (node) builds; prefer them over `browser`/`module`.
    mainFields: ['main', 'module'],
    minify: !dev,
    keepNames: true,
    sourcemap: dev ? 'linked' : false,
    legalComments: 'none',
    logLevel: 'info',
    metafile: true,
    // PDF.js is an ES module that reads import.meta.url (for createRequire); give the CommonJS bundle one
    define: { 'import.meta.url': '__bundleImportMetaUrl' },
    banner: { js: "var __bundleImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
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
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
