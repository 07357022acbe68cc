/**
 * The language server's lint worker (a worker thread; bundled as dist/lint-worker.js beside
 * dist/server.js, and out/server/src/lsp/lint-worker.js beside main.js). It parses and lints one letter
 * at a time with the engine, resolving configuration and index exactly as the main thread does
 * (LintEnvironment), cached until the configuration generation changes. The main thread stops it at
 * the time budget (lint-pool.ts) by terminating it, so nothing here needs to watch the clock.
 */
import { getHeapStatistics } from 'v8';
import { parentPort } from 'worker_threads';
import { defaultConfig, lintText, parseLetter } from '../engine';
import { expandTemplate, findTemplate } from '../templates/templates';
import { DEFAULT_SETTINGS } from '../../../shared/protocol';
import { setupFinding } from './analysis';
import { LintEnvironment } from './lint-environment';
import { LintJob, LintJobResult, WorkerMessage } from './lint-job';

const port = parentPort;
if (!port) throw new Error('lint-worker.js runs as a worker thread of the IMR language server');

let env: LintEnvironment | undefined;
let envKey = '';

function environment(job: LintJob): LintEnvironment {
  const key = `${job.generation}\0${job.cwd}`;
  if (!env || key !== envKey) {
    env = new LintEnvironment(job.cwd);
    envKey = key;
  }
  return env;
}

function run(job: LintJob): LintJobResult {
  const started = performance.now();
  const settings = { ...DEFAULT_SETTINGS, index: job.index, rules: job.rules };
  const resolved = environment(job).resolve(job.file, { settings, trusted: job.trusted, folder: job.folder });
  if (!resolved.config || resolved.problem) {
    // the letter is not linted until its config or index file is fixed; the outline still works
    const determination = parseLetter(job.text, resolved.index);
    return { determination, findings: [setupFinding(resolved.problem!, job.folder)], lintMs: performance.now() - started };
  }
  const result = lintText({ text: job.text, config: resolved.config, index: resolved.index });
  return { determination: result.determination, findings: result.findings, lintMs: performance.now() - started };
}

const post = (m: WorkerMessage) => port.postMessage(m);

// before the first letter (not counted in its budget): load the bundled index, compile the schema,
// and run the parser and rules once over the whole-letter template
const template = findTemplate('letter');
lintText({ text: template ? expandTemplate(template) : '', config: defaultConfig(process.cwd()), index: new LintEnvironment(process.cwd()).bundledIndex() });

port.on('message', (job: LintJob) => {
  post({ type: 'started', id: job.id });
  let result: LintJobResult;
  try {
    result = run(job);
  } catch (e) {
    // engine errors carry no letter text
    post({ type: 'failed', id: job.id, message: e instanceof Error ? e.message : String(e) });
    return;
  }
  post({ type: 'done', id: job.id, result, heapBytes: getHeapStatistics().total_heap_size });
});
post({ type: 'ready' });
