/**
 * What bin/imr-lint.js and bin/imr.js need, in one module: the esbuild bundle dist/cli.js is built from
 * it (scripts/bundle.js), and bin/load-cli.js falls back to its tsc output in out/ when the bundle is
 * missing or older than that output.
 *
 * The same script is the worker of `imr-lint` on many letters (lint-pool.ts): started as a worker
 * thread, it lints the letters it is given and exports nothing useful.
 */
import { LINT_WORKER_ARG } from './worker-arg';

// runLintWorker checks that this is one of lint-pool's worker threads (not a main thread given the argument)
if (process.argv.includes(LINT_WORKER_ARG)) (require('./lint-pool') as typeof import('./lint-pool')).runLintWorker();

export { runLint } from './lint-command';
export { defaultIo, guarded, runImr, runImrAsync } from './main';
