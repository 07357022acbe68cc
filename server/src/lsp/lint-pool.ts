/**
 * Linting off the language server's main thread: letters are parsed and linted in worker threads
 * (lint-worker.ts), so hover, completion and every other request are answered while a letter is linted.
 * Each lint has a time budget (imr.maxTimePerFile), counted from the moment the worker starts it: at
 * the budget the worker is terminated (V8 stops it wherever it is, a backtracking regex too), the
 * lint's result is "overrun", and a new worker takes its place.
 *
 * Up to `size` workers (default 2), started when there is work; a document is linted by one worker at a
 * time, and a job waiting for a worker is dropped when a newer job for the same document arrives (its
 * version is stale). A worker that dies is replaced; after three workers in a row die before they are
 * ready (a broken installation), jobs fail instead of restarting workers for ever.
 *
 * The pool gives memory back when it is idle. Each worker is a V8 isolate with its own heap, and V8
 * keeps a heap at the size the largest lint grew it to (a 1 MB letter: about twice a fresh worker's).
 * A worker idle for `idleMs` is therefore let go: an extra worker ends (the next burst of work starts
 * one again), and the first worker, which stays so that the next keystroke finds one ready, is
 * replaced by a fresh one when its heap has grown past `recycleHeapBytes`.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import { LintJob, LintJobResult, WorkerMessage } from './lint-job';

export type LintOutcome = { kind: 'done'; result: LintJobResult } | { kind: 'overrun'; budgetMs: number };

/** A job was dropped before it started because a newer job for the same document came. */
export class StaleLintError extends Error {
  constructor() {
    super('superseded by a newer version');
  }
}

export type LintRequest = Omit<LintJob, 'id'> & {
  /** Jobs with the same key replace each other while they wait (the document's uri). */
  key: string;
  /** Milliseconds the lint may take; 0 = no limit. */
  budgetMs: number;
};

interface Pending {
  id: number;
  request: LintRequest;
  resolve(o: LintOutcome): void;
  reject(e: Error): void;
}

interface Slot {
  worker?: Worker;
  ready: boolean;
  job?: Pending;
  timer?: NodeJS.Timeout;
  /** Runs when the worker has been idle for idleMs (cleared when it gets a job). */
  idleTimer?: NodeJS.Timeout;
  /** The worker's heap after its last lint. */
  heapBytes: number;
}

export interface LintPoolOptions {
  /** The worker script (default: lint-worker.js beside this file, in out/ and in dist/ alike). */
  script?: string;
  size?: number;
  trace?(message: string): void;
  /** Called once when workers keep dying before they are ready: letters are not linted any more. */
  broken?(message: string): void;
  /** Milliseconds a worker may stay idle before it is let go (see above); default 15 s. */
  idleMs?: number;
  /** The first worker's heap size past which an idle one is replaced by a fresh one; default 48 MB. */
  recycleHeapBytes?: number;
}

const MAX_EARLY_DEATHS = 3;
const DEFAULT_IDLE_MS = 15_000;
/** A fresh worker's heap is about 28 MB once it has linted its warm-up letter; 48 MB is a grown one. */
const DEFAULT_RECYCLE_HEAP_BYTES = 48 * 1024 * 1024;

export class LintPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private readonly script: string;
  private nextId = 1;
  private earlyDeaths = 0;
  private reportedBroken = false;
  private disposed = false;

  constructor(private readonly opts: LintPoolOptions = {}) {
    this.script = opts.script ?? path.join(__dirname, 'lint-worker.js');
    this.slots = Array.from({ length: Math.max(1, opts.size ?? 2) }, () => ({ ready: false, heapBytes: 0 }));
  }

  /** Starts the first worker now, so that the first letter does not wait for it to load. */
  warm(): void {
    const [slot] = this.slots;
    if (slot && !slot.worker && !this.disposed) this.spawn(slot);
  }

  run(request: LintRequest): Promise<LintOutcome> {
    if (this.disposed) return Promise.reject(new Error('the lint pool is shut down'));
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const waiting = this.queue[i]!;
      if (waiting.request.key !== request.key) continue;
      this.queue.splice(i, 1);
      waiting.reject(new StaleLintError());
    }
    return new Promise<LintOutcome>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, request, resolve, reject });
      this.dispatch();
    });
  }

  /** Workers alive now (tests and traces). */
  get workers(): number {
    return this.slots.filter((s) => s.worker).length;
  }

  dispose(): void {
    this.disposed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the lint pool is shut down'));
    for (const slot of this.slots) this.stop(slot, new Error('the lint pool is shut down'));
  }

  private dispatch(): void {
    for (let at = 0; at < this.queue.length; ) {
      const waiting = this.queue[at]!;
      // one lint of a document at a time: a newer version waits for the worker linting the older one
      // (it is free again within one lint, and the newest version replaces it while it waits) instead
      // of starting another worker, whose heap would hold a second copy of a large letter
      if (this.slots.some((s) => s.job?.request.key === waiting.request.key)) {
        at++;
        continue;
      }
      // an idle live worker first; else a slot without one
      const slot = this.slots.find((s) => s.worker && !s.job) ?? this.slots.find((s) => !s.worker);
      if (!slot) return;
      if (!slot.worker) {
        if (this.earlyDeaths >= MAX_EARLY_DEATHS) {
          if (!this.reportedBroken) {
            this.reportedBroken = true;
            this.opts.broken?.(`the lint worker (${path.basename(this.script)}) stopped ${MAX_EARLY_DEATHS} times before it was ready`);
          }
          for (const p of this.queue.splice(0)) p.reject(new Error('the lint worker cannot start'));
          return;
        }
        this.spawn(slot);
      }
      const [job] = this.queue.splice(at, 1) as [Pending];
      this.clearIdle(slot);
      slot.job = job;
      const { key: _key, budgetMs: _budget, ...message } = job.request;
      slot.worker!.postMessage({ ...message, id: job.id } satisfies LintJob);
    }
  }

  private spawn(slot: Slot): void {
    const worker = new Worker(this.script);
    slot.worker = worker;
    slot.ready = false;
    slot.heapBytes = 0;
    worker.on('message', (m: WorkerMessage) => {
      if (slot.worker !== worker) return;
      if (m.type === 'ready') {
        slot.ready = true;
        this.earlyDeaths = 0;
        return;
      }
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      if (m.type === 'started') {
        const budget = job.request.budgetMs;
        this.opts.trace?.(`lint #${job.id} started (budget ${budget} ms)`);
        if (budget > 0) slot.timer = setTimeout(() => this.overrun(slot, job), budget);
        return;
      }
      this.finish(slot);
      if (m.type === 'done') {
        slot.heapBytes = m.heapBytes;
        job.resolve({ kind: 'done', result: m.result });
      } else job.reject(new Error(`lint failed: ${m.message}`));
      this.dispatch();
      if (!slot.job) this.idleAfter(slot);
    });
    // an uncaught error in the worker ends it; 'exit' follows
    worker.on('error', (e) => this.opts.trace?.(`lint worker error: ${e.message}`));
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      if (!slot.ready) this.earlyDeaths++;
      this.opts.trace?.(`lint worker exited (code ${code})`);
      const job = slot.job;
      this.finish(slot);
      slot.worker = undefined;
      job?.reject(new Error('the lint worker stopped'));
      if (!this.disposed) this.dispatch();
    });
    // the pool never keeps the server process alive
    worker.unref();
  }

  private overrun(slot: Slot, job: Pending): void {
    if (slot.job !== job) return;
    this.opts.trace?.(`lint stopped at its budget of ${job.request.budgetMs} ms; worker replaced`);
    this.stop(slot);
    job.resolve({ kind: 'overrun', budgetMs: job.request.budgetMs });
    if (this.disposed) return;
    if (this.queue.length > 0) this.dispatch();
    else if (slot === this.slots[0]) this.spawn(slot);
  }

  /** The slot's worker has no job: after idleMs without one, it is let go (see the module comment). */
  private idleAfter(slot: Slot): void {
    this.clearIdle(slot);
    const idleMs = this.opts.idleMs ?? DEFAULT_IDLE_MS;
    if (this.disposed || !(idleMs > 0)) return;
    slot.idleTimer = setTimeout(() => this.release(slot), idleMs);
    // an idle timer never keeps the server process alive
    slot.idleTimer.unref();
  }

  private release(slot: Slot): void {
    slot.idleTimer = undefined;
    if (this.disposed || !slot.worker || slot.job) return;
    if (slot !== this.slots[0]) {
      this.opts.trace?.('idle lint worker ended');
      this.stop(slot);
      return;
    }
    const heap = `heap ${Math.round(slot.heapBytes / 1048576)} MB`;
    if (slot.heapBytes > (this.opts.recycleHeapBytes ?? DEFAULT_RECYCLE_HEAP_BYTES)) {
      this.opts.trace?.(`idle lint worker replaced by a fresh one (${heap})`);
      this.stop(slot);
      this.spawn(slot);
    } else this.opts.trace?.(`idle lint worker kept (${heap})`);
  }

  private clearIdle(slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
  }

  /** Terminates the slot's worker; its job (if any) is rejected with `reason`. */
  private stop(slot: Slot, reason?: Error): void {
    const { worker, job } = slot;
    this.clearIdle(slot);
    this.finish(slot);
    slot.worker = undefined;
    slot.ready = false;
    if (worker) void worker.terminate();
    if (job && reason) job.reject(reason);
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
  }
}
