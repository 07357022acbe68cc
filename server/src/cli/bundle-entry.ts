/**
 * What bin/imr-lint.js and bin/imr.js need, in one module: the esbuild bundle dist/cli.js is built from
 * it (scripts/bundle.js), and bin/load-cli.js falls back to its tsc output in out/ when the bundle is
 * missing or older than that output.
 */
export { runLint } from './lint-command';
export { defaultIo, guarded, runImr, runImrAsync } from './main';
