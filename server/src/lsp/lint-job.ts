/**
 * What the lint worker (lint-worker.ts) is asked and answers: plain data only (it crosses a thread
 * boundary by structured clone). The worker resolves configuration and index itself, from the same
 * inputs the main thread uses, and keeps them per configuration generation.
 */
import type { Determination, Finding } from '../engine';
import type { RuleSeveritySetting } from '../../../shared/protocol';

export interface LintJob {
  id: number;
  text: string;
  /** The letter's path (undefined for an untitled letter: it takes the config of `cwd`). */
  file?: string;
  /** Its workspace folder (relative `imr.index` paths). */
  folder?: string;
  /** Folder that letters without a path take their config from. */
  cwd: string;
  trusted: boolean;
  /** The editor settings that change what is linted. */
  index: string[];
  rules: Record<string, RuleSeveritySetting>;
  /** Configuration generation: the worker drops its cached config and index when it changes. */
  generation: number;
}

/** A finished lint: what the language features need (config and index the main thread resolves itself). */
export interface LintJobResult {
  determination: Determination;
  findings: Finding[];
  /** Milliseconds spent in the worker (resolve + lint). */
  lintMs: number;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'started'; id: number }
  /** `heapBytes`: the worker's V8 heap after the lint (the pool recycles a worker a large letter grew). */
  | { type: 'done'; id: number; result: LintJobResult; heapBytes: number }
  | { type: 'failed'; id: number; message: string };
