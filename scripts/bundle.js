#!/usr/bin/env node
'use strict';
/**
 * Bundles the extension with esbuild:
 *   client/src/extension.ts → dist/extension.js   (VS Code extension host; `vscode` is external)
 *   server/src/lsp/main.ts  → dist/server.js      (language server, started over node IPC)
 *   server/src/lsp/lint-worker.ts → dist/lint-worker.js  (the server's lint worker thread, loaded beside it)
 *   server/src/cli/bundle-entry.ts → dist/cli.js  (imr-lint / imr: one file to load, for a fast start;
 *                                                 bin/load-cli.js uses it; the .vsix does not need it)
 *   pdf-lib                → dist/pdf-lib.js      (the PDF writer of `imr export` and the export commands,
 *                                                 loaded only when a letter is exported)
 *   server/src/engine/mtus/verify/pdfjs-reader.ts → dist/pdfjs-reader.js  (PDF.js for `imr index verify`
 *                                                 and "Verify Index Against Guideline PDF…", loaded on first use)
 * The two lazily loaded files are built with the CLI (every `npm run build`), so the CLI, the server and the
 * .vsix all find them beside their own bundle.
 * A production dist/cli.js gets its id line and its V8 code cache, dist/cli.code-cache (bin/code-cache.js,
 * made by scripts/code-cache.js in a process of its own); a --dev or --watch build has neither.
 * The bundles find shipped data (schemas/, server/data/, generated/, snippets/, package.json) by
 * walking up from dist/ (server/src/engine/assets.ts), so the .vsix keeps those folders next to dist/.
 *
 * dist/THIRD_PARTY_NOTICES.txt lists the licences of the npm packages bundled into the editor bundles
 * (scripts/third-party-notices.js). The esbuild target is the Node version of package.json's
 * `engines.node` (one fact, two uses).
 *
 * Flags: --dev (sourcemaps, no minify), --watch, --cli (only dist/cli.js, leaving the rest of dist/:
 * `npm run build` does this).
 */
const { execFileSync } = require('child_process');
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const { noticesFor } = require('./third-party-notices');
const { cacheFileFor, stampBundle } = require('../bin/code-cache');

const ROOT = path.resolve(__dirname, '..');

/** esbuild's target for package.json's `engines.node` (">=20" → "node20"). */
function esbuildTarget(pkg) {
  const m = /^\s*(?:>=|\^|~)?\s*(\d+)(?:\.(\d+))?/.exec((pkg.engines && pkg.engines.node) || '');
  if (!m) throw new Error('bundle: package.json needs engines.node (">=20")');
  return `node${m[1]}${m[2] ? `.${m[2]}` : ''}`;
}
const dev = process.argv.includes('--dev');
const watch = process.argv.includes('--watch');
const cliOnly = process.argv.includes('--cli');

const editorEntries = [
  { in: 'client/src/extension.ts', out: 'extension' },
  { in: 'server/src/lsp/main.ts', out: 'server' },
  { in: 'server/src/lsp/lint-worker.ts', out: 'lint-worker' },
];
const cliEntries = [
  { in: 'server/src/cli/bundle-entry.ts', out: 'cli' },
  { in: path.relative(ROOT, require.resolve('pdf-lib', { paths: [ROOT] })), out: 'pdf-lib' },
  { in: 'server/src/engine/mtus/verify/pdfjs-reader.ts', out: 'pdfjs-reader' },
];

/** `require('pdf-lib')` in the server and CLI bundles loads the separate dist/pdf-lib.js at run time. */
const pdfLibBeside = {
  name: 'pdf-lib-beside',
  setup(build) {
    build.onResolve({ filter: /^pdf-lib$/ }, (args) => (args.kind === 'require-call' ? { path: './pdf-lib.js', external: true } : undefined));
  },
};

/** @returns {import('esbuild').BuildOptions} */
function optionsFor(entries, external) {
  return {
    absWorkingDir: ROOT,
    entryPoints: entries.map((e) => ({ in: e.in, out: e.out })),
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: esbuildTarget(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))),
    external,
    // vscode-languageserver/-client pick `main` (node) builds; prefer them over `browser`/`module`.
    mainFields: ['main', 'module'],
    minify: !dev,
    keepNames: true,
    sourcemap: dev ? 'linked' : false,
    legalComments: 'none',
    logLevel: 'info',
    metafile: true,
    plugins: [pdfLibBeside],
    // PDF.js is an ES module that reads import.meta.url (for createRequire); give the CommonJS bundle one
    define: { 'import.meta.url': '__bundleImportMetaUrl' },
    banner: { js: "var __bundleImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  };
}

async function main() {
  for (const e of [...editorEntries, ...cliEntries]) {
    if (!fs.existsSync(path.join(ROOT, e.in))) throw new Error(`bundle: entry ${e.in} does not exist`);
  }
  const builds = [
    // the .vsix has no node_modules: everything but `vscode` goes into the bundles
    ...(cliOnly ? [] : [optionsFor(editorEntries, ['vscode'])]),
    // the CLI leaves ajv out: it is loaded only when a schema must be compiled at run time (no current
    // generated/ validator), and the npm package that has bin/ has ajv as a dependency
    optionsFor(cliEntries, ['ajv']),
  ];
  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
    return;
  }
  if (!cliOnly) fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
  const inputs = {};
  for (const options of builds) {
    const result = await esbuild.build(options);
    Object.assign(inputs, result.metafile.inputs);
    for (const [file, info] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`bundle: ${file} ${(info.bytes / 1024).toFixed(1)} KiB`);
    }
  }
  const cli = path.join(ROOT, 'dist', 'cli.js');
  fs.rmSync(cacheFileFor(cli), { force: true });
  if (!dev) {
    stampBundle(cli);
    execFileSync(process.execPath, [path.join(__dirname, 'code-cache.js')], { stdio: 'inherit' });
  }
  // the notices go with the .vsix: every package bundled into any file of dist/
  if (!cliOnly) {
    const notices = noticesFor({ inputs, outputs: {} }, ROOT);
    fs.writeFileSync(path.join(ROOT, 'dist', 'THIRD_PARTY_NOTICES.txt'), notices.text);
    console.log(`bundle: dist/THIRD_PARTY_NOTICES.txt (${notices.packages.length} packages)`);
  }
}

module.exports = { esbuildTarget };

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
