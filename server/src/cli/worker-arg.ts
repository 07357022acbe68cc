/**
 * The argument lint-pool.ts appends to a worker's process.argv: bundle-entry.ts tells a worker from the
 * main thread by it, without loading worker_threads (milliseconds of a one-letter run) on the main thread.
 */
export const LINT_WORKER_ARG = '--imr-lint-worker';
