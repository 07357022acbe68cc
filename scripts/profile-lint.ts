/**
 * A profiling tool (not a test): lints every letter of a folder N times in-process, warm, and prints
 * per-letter times (mean, p50, p99, max, the slowest letters) and where the time goes (parse, schema,
 * each rule), from `lintText`'s optional timing hook; and, for the throughput question, the floor of
 * reading and splitting the letters beside each pass's total (the first one cold).
 *
 *   npx tsc -b && node out/scripts/profile-lint.js [folder] [--runs N] [--top K] [--vary]
 *   (--vary adds, in memory only, each letter with mistyped section names, without a heading, and with CRLF)
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof out/scripts/profile-lint.js ...   # for a CPU profile
 *
 * The folder defaults to the dev corpus (../shared/corpus/dev). Letter names are printed, never text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { createConfigResolver, createIndexProvider, lintText } from '../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..');

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '20' }, top: { type: 'string', default: '5' }, vary: { type: 'boolean', default: false } },
  });
  const dir = path.resolve(positionals[0] ?? path.join(ROOT, '..', 'shared', 'corpus', 'dev'));
  const runs = Math.max(1, Number(values.runs));
  const top = Math.max(1, Number(values.top));
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(txt|imr)$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`no letters (*.txt, *.imr) in ${dir}`);
  // the floor of any run over these letters: reading them and splitting them into lines and words
  const readStart = performance.now();
  let texts = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  let words = 0;
  for (const text of texts) for (const line of text.split(/\r?\n/)) words += (line.match(/[A-Za-z]+/g) ?? []).length;
  const floorMs = performance.now() - readStart;
  if (values.vary) {
    // in memory only: each letter also with a mistyped section name, without a section heading, and with CRLF
    const names = files.flatMap((f) => [f, `${f} (typo)`, `${f} (no heading)`, `${f} (crlf)`]);
    texts = texts.flatMap((t) => [t, withTypos(t), t.replace(/^\s*(CLINICAL CASE SUMMARY|IMR ISSUES, DECISIONS AND RATIONALES)\s*$/gim, ''), t.replace(/\r?\n/g, '\r\n')]);
    files.splice(0, files.length, ...names);
  }
  const configs = createConfigResolver({ cwd: dir });
  const { config } = configs.forFile(path.join(dir, files[0] ?? ''));
  if (!config) throw new Error(`no usable configuration for ${dir}`);
  const { index } = createIndexProvider().get(config.index);

  // first pass: JIT, lazy index tables and remembered suggestions still cold (an unseen letter's cost)
  const first = texts
    .map((text) => {
      const s = performance.now();
      lintText({ text, config, index });
      return performance.now() - s;
    })
    .sort((a, b) => a - b);

  const timing = new Map<string, number>();
  const perLetter: number[][] = texts.map(() => []);
  const all: number[] = [];
  /** CPU time of the process per lint (user + system): unlike wall time, not inflated when other processes take the cores. */
  const cpu: number[] = [];
  const t0 = performance.now();
  const runTotals: number[] = [];
  for (let r = 0; r < runs; r++) {
    const runStart = performance.now();
    texts.forEach((text, i) => {
      const c = process.cpuUsage();
      const s = performance.now();
      lintText({ text, config, index, timing });
      const ms = performance.now() - s;
      const used = process.cpuUsage(c);
      perLetter[i]?.push(ms);
      all.push(ms);
      cpu.push((used.user + used.system) / 1000);
    });
    runTotals.push(performance.now() - runStart);
  }
  const total = performance.now() - t0;
  all.sort((a, b) => a - b);
  const mean = all.reduce((a, b) => a + b, 0) / all.length;
  console.log(`letters: ${texts.length} × ${runs} runs from ${dir}`);
  // the first pass pays the JIT's warm-up; the later ones are what compiled code costs (docs/maintainers.md, Throughput)
  const firstTotal = first.reduce((a, b) => a + b, 0);
  console.log(`floor (read the letters, split lines and ${words} words): ${floorMs.toFixed(0)} ms; lint, first pass ${firstTotal.toFixed(0)} ms, then ${runTotals.map((t) => t.toFixed(0)).join(' / ')} ms`);
  console.log(
    `first pass (cold): mean ${(first.reduce((a, b) => a + b, 0) / first.length).toFixed(3)} ms  p99 ${percentile(first, 99).toFixed(3)}  max ${(first[first.length - 1] ?? 0).toFixed(3)} ms`,
  );
  console.log(
    `per letter (wall): mean ${mean.toFixed(3)} ms  p50 ${percentile(all, 50).toFixed(3)}  p99 ${percentile(all, 99).toFixed(3)}  max ${(all[all.length - 1] ?? 0).toFixed(3)} ms  (total ${total.toFixed(0)} ms)`,
  );
  cpu.sort((a, b) => a - b);
  console.log(
    `per letter CPU time: mean ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(3)} ms  p50 ${percentile(cpu, 50).toFixed(3)}  p99 ${percentile(cpu, 99).toFixed(3)}  max ${(cpu[cpu.length - 1] ?? 0).toFixed(3)} ms`,
  );
  const letters = perLetter
    .map((ts, i) => ({ file: files[i] ?? '', median: [...ts].sort((a, b) => a - b)[Math.floor(ts.length / 2)] ?? 0, max: Math.max(...ts) }))
    .sort((a, b) => b.median - a.median);
  // a letter's median over the runs is its own cost; single runs also carry GC pauses and a busy machine
  const medians = letters.map((l) => l.median);
  console.log(
    `per-letter median over runs: mean ${(medians.reduce((a, b) => a + b, 0) / medians.length).toFixed(3)} ms  max ${(medians[0] ?? 0).toFixed(3)} ms  letters over 5 ms: ${medians.filter((m) => m > 5).length}`,
  );
  const slowest = letters.slice(0, top);
  console.log(`slowest letters (median of ${runs} runs / max):`);
  for (const s of slowest) console.log(`  ${s.median.toFixed(3).padStart(8)} / ${s.max.toFixed(3).padStart(8)} ms  ${s.file}`);
  const stepTotal = [...timing.values()].reduce((a, b) => a + b, 0);
  console.log(`time by step (ms per letter, share of the timed steps):`);
  for (const [step, ms] of [...timing].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${(ms / all.length).toFixed(4).padStart(8)} ms  ${((100 * ms) / stepTotal).toFixed(1).padStart(5)}%  ${step}`);
  }
}

/** Every cited section name and page-style topic with one letter doubled ("Opioids" -> "Opiooids"). */
function withTypos(text: string): string {
  return text.replace(/(Section\s*\(s\)\s*:\s*|Guidelines?\s+)([A-Za-z]{4,})/g, (_m, label: string, word: string) => label + word.slice(0, 3) + word.slice(2));
}

main();
