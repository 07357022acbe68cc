import * as path from 'path';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { createConfigResolver, createIndexProvider } from '../engine';
import { ToolError, UsageError } from './errors';
import { FileResult } from './formatters/types';
import { lintFile, lintFiles, LintOptions } from './lint-one';
import { LINT_WORKER_ARG } from './worker-arg';

/**
 * imr-lint on many letters with worker threads: this thread and `threads - 1` workers take the files in
 * chunks from one shared counter (a SharedArrayBuffer: whoever is free takes the next chunk, so a
 * worker that starts late simply takes fewer), each lints them with its own config resolver and index
 * provider built from the same paths and flags, and the results are put back in input order — the
 * output is the one a single thread gives, byte for byte. A chunk is linted as one thread lints its
 * letters (lintFiles: one timed run for the chunk, not one per letter).
 *
 * A file that cannot be linted (unreadable, invalid config or index) ends the run as it does on one
 * thread: every thread stops taking chunks, and the error of the first such file in input order is
 * thrown once every file before it is linted. A worker that dies (fails to load, runs out of memory,
 * exits early) rejects with one ToolError line and the other workers are stopped — never a hang.
 *
 * The worker runs the same script as the CLI: dist/cli.js (or out/…/bundle-entry.js), whose
 * `runLintWorker()` call takes over when it is started as an imr-lint worker.
 */

/** What a worker needs to lint as the main thread does: paths and flags only, never functions. */
export interface PoolJob {
  files: string[];
  cwd: string;
  /** --config, resolved. */
  explicitConfig?: string;
  reportUnused: boolean;
  redact: boolean;
  /** --max-time-per-file, ms. */
  budgetMs: number;
}

interface WorkerInput {
  tag: typeof TAG;
  job: PoolJob;
  control: SharedArrayBuffer;
}

/** A file that could not be linted: its index and the error, by class. */
interface Failure {
  index: number;
  kind: 'tool' | 'usage' | 'internal';
  message: string;
}

type WorkerMessage = { results: [number, FileResult][]; failure?: Failure } | { done: true };

const TAG = 'imr-lint-worker';
/**
 * Files taken at a time: small enough to balance (a thread that is done waits for at most one chunk of
 * another), large enough that the counter is rarely touched and a chunk's one timed run costs little.
 */
const CHUNK = 16;
/** Slots of the shared Int32Array: the next file to take, and "stop" (a file failed). */
const NEXT = 0;
const STOP = 1;

/** The script a worker runs: the CLI bundle itself, or bundle-entry.js beside this file in the tsc output. */
function workerScript(): string {
  return path.basename(__filename) === 'lint-pool.js' ? path.join(__dirname, 'bundle-entry.js') : __filename;
}

/** Takes chunks [start, end) from the shared counter until the files run out or a file failed; `lint` returns false to stop. */
function takeChunks(control: Int32Array, n: number, lint: (start: number, end: number) => boolean): void {
  while (Atomics.load(control, STOP) === 0) {
    const start = Atomics.add(control, NEXT, CHUNK);
    if (start >= n) return;
    if (!lint(start, Math.min(n, start + CHUNK))) {
      Atomics.store(control, STOP, 1);
      return;
    }
  }
}

/**
 * Lints files [start, end) of `files` and hands each result to `put`: the chunk in one go (lintFiles);
 * when one of its files cannot be linted, the chunk again one file at a time, so that the files before
 * it keep their results and its own error is the one reported. Returns that failure, if any.
 */
function lintChunk(files: readonly string[], start: number, end: number, opts: LintOptions, put: (index: number, r: FileResult) => void): Failure | undefined {
  let linted: FileResult[] | undefined;
  try {
    linted = lintFiles(files.slice(start, end), opts);
  } catch {
    linted = undefined;
  }
  if (linted) {
    for (const [k, r] of linted.entries()) put(start + k, r);
    return undefined;
  }
  for (let i = start; i < end; i++) {
    try {
      put(i, lintFile(files[i]!, opts));
    } catch (e) {
      return failureOf(i, e);
    }
  }
  return undefined;
}

function failureOf(index: number, e: unknown): Failure {
  const kind = e instanceof UsageError ? 'usage' : e instanceof ToolError ? 'tool' : 'internal';
  return { index, kind, message: e instanceof Error ? e.message : String(e) };
}

function errorOf(f: Failure): Error {
  return f.kind === 'usage' ? new UsageError(f.message) : f.kind === 'tool' ? new ToolError(f.message) : new Error(f.message);
}

/**
 * Lints `job.files` on `threads` threads and gives the results in input order. With `here` (the caller's
 * options, its config and index already loaded) this thread lints too and counts as one of the threads;
 * without it only the `threads - 1` workers lint. `script` is the workers' script.
 */
export function lintInPool(job: PoolJob, threads: number, here?: LintOptions, script = workerScript()): Promise<FileResult[]> {
  const n = job.files.length;
  const control = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const counter = new Int32Array(control);
  const results: (FileResult | undefined)[] = new Array<FileResult | undefined>(n);
  let failure: Failure | undefined;
  const fail = (f: Failure) => {
    if (!failure || f.index < failure.index) failure = f;
  };

  const workers: Worker[] = [];
  const running = new Set<Worker>();
  let died: string | undefined;
  const pending: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  for (let w = 0; w < threads - 1; w++) {
    const input: WorkerInput = { tag: TAG, job, control };
    const worker = new Worker(script, { workerData: input, argv: [LINT_WORKER_ARG] });
    workers.push(worker);
    running.add(worker);
    worker.on('message', (m: WorkerMessage) => {
      pending.push(m);
      wake?.();
    });
    worker.on('error', (e: Error) => {
      died ??= e.message.split('\n')[0];
      wake?.();
    });
    worker.on('exit', (code) => {
      running.delete(worker);
      if (code !== 0) died ??= `exit code ${code}`;
      wake?.();
    });
  }

  // this thread's share, while the workers start
  if (here) {
    takeChunks(counter, n, (start, end) => {
      const failed = lintChunk(job.files, start, end, here, (i, r) => (results[i] = r));
      if (failed) fail(failed);
      return !failed;
    });
  }

  let firstMissing = 0;
  /** Settled: every file is linted, or every file before the first failure is. */
  const settled = (): boolean => {
    while (firstMissing < n && results[firstMissing] !== undefined) firstMissing++;
    return firstMissing >= (failure ? failure.index : n);
  };
  const stopAll = () => {
    for (const w of workers) void w.terminate();
  };
  return new Promise<FileResult[]>((resolve, reject) => {
    const check = () => {
      for (let m = pending.shift(); m; m = pending.shift()) {
        if ('done' in m) continue;
        for (const [i, r] of m.results) results[i] = r;
        if (m.failure) fail(m.failure);
      }
      if (settled()) {
        wake = undefined;
        stopAll();
        if (failure) reject(errorOf(failure));
        else resolve(results as FileResult[]);
        return;
      }
      if (died !== undefined || running.size === 0) {
        wake = undefined;
        stopAll();
        reject(new ToolError(`a worker thread failed (${died ?? 'it stopped before linting its letters'}); --concurrency off lints on one thread`));
      }
    };
    wake = check;
    check();
  });
}

/**
 * When this thread was started by lintInPool: lint the chunks it takes and post the results back, then
 * return true. Otherwise (the main thread, or some other worker) do nothing and return false.
 */
export function runLintWorker(): boolean {
  const input = workerData as WorkerInput | undefined;
  if (isMainThread || !parentPort || input?.tag !== TAG) return false;
  const port = parentPort;
  const { job } = input;
  const counter = new Int32Array(input.control);
  const opts: LintOptions = {
    configs: createConfigResolver({ explicitFile: job.explicitConfig, cwd: job.cwd }),
    indexes: createIndexProvider(),
    reportUnused: job.reportUnused,
    redact: job.redact,
    budgetMs: job.budgetMs,
  };
  takeChunks(counter, job.files.length, (start, end) => {
    // one message per chunk: the main thread sees results as they come
    const results: [number, FileResult][] = [];
    const failure = lintChunk(job.files, start, end, opts, (i, r) => results.push([i, r]));
    if (results.length > 0 || failure) port.postMessage({ results, failure } satisfies WorkerMessage);
    return !failure;
  });
  port.postMessage({ done: true } satisfies WorkerMessage);
  return true;
}
