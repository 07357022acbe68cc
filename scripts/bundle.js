#!/usr/bin/env node
'use strict';
/**
 * Bundles the extension with esbuild:
 *   client/src/extension.ts → dist/extension.js   (VS Code extension host; `vscode` is external)
 *   server/src/lsp/main.ts  → dist/server.js      (language server, started over node IPC)
 *   server/src/cli/bundle-entry.ts → dist/cli.js  (imr-lint / imr: one file to load, for a fast start;
 *                                                 bin/load-cli.js uses it; the .vsix does not need it)
 * The bundles find shipped data (schemas/, server/data/, generated/, snippets/, package.json) by
 * walking up from dist/ (server/src/engine/assets.ts), so the .vsix keeps those folders next to dist/.
 *
 * Flags: --dev (sourcemaps, no minify), --watch, --cli (only dist/cli.js, leaving the rest of dist/:
 * `npm run build` does this).
 */
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const dev = process.argv.includes('--dev');
const watch = process.argv.includes('--watch');
const cliOnly = process.argv.includes('--cli');

const editorEntries = [
  { in: 'client/src/extension.ts', out: 'extension' },
  { in: 'server/src/lsp/main.ts', out: 'server' },
];
const cliEntries = [{ in: 'server/src/cli/bundle-entry.ts', out: 'cli' }];

/** @returns {import('esbuild').BuildOptions} */
function optionsFor(entries, external) {
  return {
    absWorkingDir: ROOT,
    entryPoints: entries.map((e) => ({ in: e.in, out: e.out })),
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external,
    // vscode-languageserver/-client pick `main` (node) builds; prefer them over `browser`/`module`.
    mainFields: ['main', 'module'],
    minify: !dev,
    keepNames: true,
    sourcemap: dev ? 'linked' : false,
    legalComments: 'none',
    logLevel: 'info',
    metafile: true,
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
  for (const options of builds) {
    const result = await esbuild.build(options);
    for (const [file, info] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`bundle: ${file} ${(info.bytes / 1024).toFixed(1)} KiB`);
    }
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
