/**
 * The adversarial part of `npm run bench` (alone: `npm run bench:adversarial`): every shape of
 * test/adversarial/shapes.ts linted in-process (lintText, the engine the CLI and the language server
 * run) at 10 KB, 100 KB and 1 MB. Prints per shape the time at each size, ms per MB at 1 MB and the
 * ratio of the 1 MB time to the 100 KB time (linear: about 10), and names the worst shape.
 *
 * Targets (issue 12): ratio under 15, and every size within 1 s + 2 s per MB. Each shape runs in a
 * worker thread that is stopped after IMR_BENCH_ADV_LIMIT seconds (default 60), so a regression shows
 * as "> 60 s" instead of a hung benchmark. Times are wall clock of the first lint of each text (after a
 * warm-up on the base letter); run on an idle machine for figures to quote.
 *
 * Environment: IMR_BENCH_ADV_LIMIT (seconds per shape, default 60), IMR_BENCH_ADV_SHAPES (comma-separated
 * shape names, default all), IMR_BENCH_ADV_SIZES (comma-separated KB, default 10,100,1024).
 * Exit status (when run alone): 1 if a target is missed.
 */
import * as path from 'path';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { defaultConfig, createIndexProvider, lintText } from '../../server/src/engine';
import { letter, SHAPES } from '../adversarial/shapes';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const KB = 1024;
const MB = 1024 * 1024;
/**
 * One run per size: a second lint of the same text hits the engine's caches (normalized names,
 * suggestions), which would flatter the small sizes and make the 1 MB/100 KB ratio meaningless.
 */
const RUNS = (_bytes: number): number => 1;

interface Measured {
  bytes: number;
  ms: number;
}

interface ShapeResult {
  name: string;
  sizes: (Measured | undefined)[];
  timedOut: boolean;
  error?: string;
}

/** In the worker: lint the shape at each size, posting each time as it is measured. */
function workerMain(): void {
  const { shape, sizes } = workerData as { shape: string; sizes: number[] };
  const s = SHAPES.find((x) => x.name === shape)!;
  const config = defaultConfig(ROOT);
  const index = createIndexProvider().get([]).index;
  for (let i = 0; i < 20; i++) lintText({ text: letter(), config, index });
  for (const bytes of sizes) {
    const text = s.build(bytes);
    let best = Infinity;
    for (let r = 0; r < RUNS(bytes); r++) {
      const t0 = performance.now();
      lintText({ text, config, index });
      best = Math.min(best, performance.now() - t0);
    }
    parentPort!.postMessage({ bytes: Buffer.byteLength(text), ms: best } satisfies Measured);
  }
}

function runShape(name: string, sizes: number[], limitMs: number): Promise<ShapeResult> {
  const result: ShapeResult = { name, sizes: [], timedOut: false };
  return new Promise((resolve) => {
    const worker = new Worker(__filename, { workerData: { shape: name, sizes } });
    const timer = setTimeout(() => {
      result.timedOut = true;
      void worker.terminate();
    }, limitMs);
    worker.on('message', (m: Measured) => result.sizes.push(m));
    worker.on('error', (e) => (result.error = e.message));
    worker.on('exit', () => {
      clearTimeout(timer);
      resolve(result);
    });
  });
}

/** 1 s + 2 s per MB: the time any letter of that size may take. */
export function budgetMs(bytes: number): number {
  return 1000 + (2000 * bytes) / MB;
}

const fmt = (m: Measured | undefined, timedOut: boolean, limitS: number): string => (m ? `${m.ms.toFixed(m.ms < 10 ? 1 : 0)} ms` : timedOut ? `> ${limitS} s` : 'n/a');

/** Runs the adversarial benchmark and prints its table; resolves to false when a target is missed. */
export async function benchAdversarial(log: (line: string) => void = console.log): Promise<boolean> {
  const limitS = Number(process.env.IMR_BENCH_ADV_LIMIT ?? 60);
  const only = process.env.IMR_BENCH_ADV_SHAPES?.split(',').map((s) => s.trim()).filter(Boolean);
  const sizes = (process.env.IMR_BENCH_ADV_SIZES ?? '10,100,1024').split(',').map((s) => Number(s) * KB);
  const shapes = SHAPES.filter((s) => !only || only.includes(s.name));
  const w = Math.max(5, ...shapes.map((s) => s.name.length));
  const sizeHead = sizes.map((b) => (b >= MB ? `${b / MB} MB` : `${b / KB} KB`).padStart(10));
  log(`adversarial shapes: lintText in-process, wall clock of the first lint of each text; limit ${limitS} s per shape`);
  log(`${'shape'.padEnd(w)}  ${sizeHead.join('  ')}  ${'ms/MB'.padStart(8)}  ${'ratio'.padStart(6)}  target`);
  let ok = true;
  let worst: { name: string; score: number; why: string } | undefined;
  for (const shape of shapes) {
    // one row as each shape finishes (a slow shape shows where the time goes)
    const r = await runShape(shape.name, sizes, limitS * 1000);
    const last = r.sizes[sizes.length - 1];
    const prev = r.sizes[sizes.length - 2];
    const ratio = last && prev ? last.ms / prev.ms : undefined;
    const perMb = last ? (last.ms * MB) / last.bytes : undefined;
    const over = r.sizes.filter((m): m is Measured => m !== undefined).filter((m) => m.ms > budgetMs(m.bytes));
    const missed = r.timedOut || r.error !== undefined || r.sizes.length < sizes.length || over.length > 0 || (ratio !== undefined && ratio >= 15);
    if (missed) ok = false;
    const verdict = r.error ? `error: ${r.error}` : missed ? 'MISSED' : 'ok';
    const cells = sizes.map((_, i) => fmt(r.sizes[i], r.timedOut, limitS).padStart(10));
    log(`${r.name.padEnd(w)}  ${cells.join('  ')}  ${(perMb === undefined ? 'n/a' : perMb.toFixed(0)).padStart(8)}  ${(ratio === undefined ? 'n/a' : ratio.toFixed(1)).padStart(6)}  ${verdict}`);
    // the worst shape: the largest share of its budget at the largest size (a time-out is the worst)
    const score = r.timedOut || !last ? Infinity : last.ms / budgetMs(last.bytes);
    if (!worst || score > worst.score) worst = { name: r.name, score, why: last ? `${last.ms.toFixed(0)} ms at ${(last.bytes / MB).toFixed(2)} MB, ratio ${ratio?.toFixed(1) ?? 'n/a'}` : `did not finish within ${limitS} s` };
  }
  if (worst) log(`worst shape: ${worst.name} (${worst.why}; ${Number.isFinite(worst.score) ? `${(worst.score * 100).toFixed(0)}% of its 1 s + 2 s/MB budget` : 'over its budget'})`);
  log(ok ? 'adversarial targets met: ratio 1 MB/100 KB < 15 and every size within 1 s + 2 s per MB' : 'adversarial targets MISSED (see MISSED rows)');
  return ok;
}

if (!isMainThread) {
  workerMain();
} else if (require.main === module) {
  benchAdversarial().then(
    (ok) => process.exit(ok ? 0 : 1),
    (e: unknown) => {
      console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
