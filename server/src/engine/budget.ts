/**
 * The time budget per letter: a safety net for inputs that would take the linter longer than any letter
 * should (the linter is meant to be linear, but one pathological shape must not freeze an editor or a CI
 * run). The CLI runs each letter through `lintWithinBudget` on its own thread; the language server lints
 * in a worker thread that it terminates at the budget (server/src/lsp/lint-pool.ts). Both report the same
 * finding, `overrunFinding`, at line 1 — a letter not fully checked is never silently clean.
 *
 * `lintWithinBudget` runs the synchronous lint inside `vm.Script#runInThisContext({ timeout })`: V8
 * terminates the run when the time is up, wherever it is (a loop, a backtracking regular expression), and
 * Node turns that into ERR_SCRIPT_EXECUTION_TIMEOUT here. No worker is started, so a one-letter run costs
 * no start time (a timed run costs about 0.2 ms for the watchdog thread). Termination cannot be caught by
 * the engine's own code, so a stopped lint leaves no half-written result; the engine's caches are filled
 * by computing a value first and storing it after, so a stop in between leaves them as they were.
 */
import * as vm from 'vm';
import { EMPTY_DET, LintInput, LintResult, lintText } from './linter';
import { Finding, Severity } from './rules/rule';
import { SourceText } from './text/source';

/** The budget per letter (per 200 KB of a larger one) when none is configured (CLI --max-time-per-file, editor setting imr.maxTimePerFile). */
export const DEFAULT_MAX_TIME_PER_FILE_MS = 2000;

/** Largest budget accepted: a day. */
export const MAX_TIME_PER_FILE_LIMIT_MS = 24 * 60 * 60 * 1000;

/** The pseudo rule id of the finding a letter gets when its lint overran the budget. */
export const NOT_FULLY_CHECKED = 'not-fully-checked';

/** The size one budget covers: real letters are 5–50 KB, so each gets the budget once. */
export const BUDGET_UNIT_CHARS = 200 * 1024;

/**
 * The budget for one letter: `budgetMs` per 200 KB of letter, and at least `budgetMs`.
 * Real letters get `budgetMs`; the linter's time grows with the size of the letter, so a large letter
 * linted at the usual pace per KB (even on a busy machine) is never cut short, while a pathological
 * one still is. 0 (no limit) stays 0.
 */
export function budgetForLetter(budgetMs: number, textLength: number): number {
  if (!(budgetMs > 0) || !Number.isFinite(budgetMs)) return 0;
  // timers cannot wait longer than 2^31 - 1 ms
  return Math.min(Math.round(budgetMs * Math.max(1, textLength / BUDGET_UNIT_CHARS)), 2 ** 31 - 1);
}

/** "2 s", "1.5 s", "500 ms". */
export function formatBudget(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * The one finding of a letter whose lint was stopped at the budget: at line 1, no letter text in it.
 * The CLI reports it as an error (a run that did not check a letter must not pass); the editor as a warning.
 */
export function overrunFinding(budgetMs: number, severity: Severity): Finding {
  return {
    ruleId: NOT_FULLY_CHECKED,
    severity,
    message: `Not fully checked: linting took longer than ${formatBudget(budgetMs)}, the time limit per letter (imr-lint --max-time-per-file, editor setting imr.maxTimePerFile); other problems of the letter are not reported.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

/** The result of a lint stopped at the budget: only the not-fully-checked finding. */
export function overrunResult(budgetMs: number, severity: Severity): LintResult {
  return { findings: [overrunFinding(budgetMs, severity)], determination: EMPTY_DET(0), source: new SourceText('') };
}

export interface BudgetedLintResult extends LintResult {
  /** True when the lint was stopped at the budget (`findings` then holds only the not-fully-checked finding). */
  overrun: boolean;
}

const JOB = Symbol.for('imr-letter-tools.budgeted-job');
let runner: vm.Script | undefined;

/**
 * Calls `job` on this thread, stopping it after `ms` milliseconds; undefined when it was stopped.
 * An exception thrown by `job` propagates.
 */
export function runWithTimeout<T>(job: () => T, ms: number): { value: T } | undefined {
  runner ??= new vm.Script(`globalThis[Symbol.for(${JSON.stringify(JOB.description)})]()`, { filename: 'imr-time-budget' });
  const slot = globalThis as unknown as Record<symbol, (() => T) | undefined>;
  const outer = slot[JOB];
  slot[JOB] = job;
  try {
    return { value: runner.runInThisContext({ timeout: Math.max(1, Math.round(ms)), breakOnSigint: false }) as T };
  } catch (e) {
    if ((e as NodeJS.ErrnoException | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return undefined;
    throw e;
  } finally {
    slot[JOB] = outer;
  }
}

/**
 * `lintText` with a time budget: after `budgetForLetter(budgetMs, …)` milliseconds the lint is stopped
 * and the letter gets one finding of `severity` saying it was not fully checked. `budgetMs` 0 (or not a
 * positive number) means no limit.
 */
export function lintWithinBudget(input: LintInput, budgetMs: number, severity: Severity = 'error'): BudgetedLintResult {
  const budget = budgetForLetter(budgetMs, input.text.length);
  if (budget === 0) return { ...lintText(input), overrun: false };
  const done = runWithTimeout(() => lintText(input), budget);
  return done ? { ...done.value, overrun: false } : { ...overrunResult(budget, severity), overrun: true };
}

/**
 * Runs `jobs` in order, each within its own budget (`budgets[i]` ms; 0 = no limit), like
 * `runWithTimeout` per job but without its fixed cost per call (V8 starts a watchdog for every timed
 * run, which on a folder of letters cost more than linting them). Jobs run in batches under one
 * timeout, the smallest budget of the batch; when a batch is stopped, the jobs it finished are kept
 * and the job it was running is run again alone with its whole budget, so a job is reported as over
 * its budget (undefined) only when it alone took longer than its budget.
 */
export function runEachWithTimeout<T>(jobs: readonly (() => T)[], budgets: readonly number[], batchSize = 64): ({ value: T } | undefined)[] {
  const out: ({ value: T } | undefined)[] = new Array(jobs.length);
  const budgetOf = (i: number): number => budgets[i] ?? 0; // a job without a budget has no limit
  let next = 0;
  while (next < jobs.length) {
    if (!(budgetOf(next) > 0)) {
      out[next] = { value: jobs[next]!() };
      next++;
      continue;
    }
    // a batch of jobs that all have a budget; its timeout is the smallest of them
    let end = next;
    let timeout = Infinity;
    while (end < jobs.length && end - next < batchSize && budgetOf(end) > 0) timeout = Math.min(timeout, budgetOf(end++));
    const start = next;
    let running = start;
    const batch = runWithTimeout(() => {
      for (; running < end; running++) out[running] = { value: jobs[running]!() };
    }, timeout);
    if (batch) {
      next = end;
      continue;
    }
    // stopped while job `running` ran (jobs before it are done): that job again, alone, with its own budget
    out[running] = runWithTimeout(jobs[running]!, budgetOf(running));
    next = running + 1;
  }
  return out;
}

/** Lints `inputs` in order, each within its budget (see runEachWithTimeout; budget 0 = no limit). */
export function lintEachWithinBudget(inputs: readonly LintInput[], budgetMs: number, severity: Severity = 'error'): BudgetedLintResult[] {
  const budgets = inputs.map((input) => budgetForLetter(budgetMs, input.text.length));
  const done = runEachWithTimeout(
    inputs.map((input) => () => lintText(input)),
    budgets,
  );
  // one result per input, so budgets[i] is there
  return done.map((d, i) => (d ? { ...d.value, overrun: false } : { ...overrunResult(budgets[i]!, severity), overrun: true }));
}
