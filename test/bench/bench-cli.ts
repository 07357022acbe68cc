/**
 * `npm run bench`: imr-lint against a bare `node -e 0` and against markdownlint-cli2 (the familiar
 * baseline), side by side in ONE run, each as the process pre-commit or CI starts:
 *   - `node -e 0`, imr-lint on one letter, markdownlint-cli2 on one letter (median of REPEAT runs),
 *   - imr-lint and markdownlint-cli2 on a folder of N letters (default 1,950): imr-lint the median of 3
 *     runs, markdownlint-cli2 once (it takes 5-7 times as long); imr-lint also with `--concurrency 2`
 *     (a worker thread beside the main one, whatever auto decides on this machine),
 *   - the engine in-process on the same letters: the slowest single letter's lint time.
 * Each process is timed for wall clock, CPU (user+sys) and peak RSS (GNU time when /usr/bin/time
 * exists, else wall clock and VmHWM polled from /proc). The N letters are copies of the dev corpus
 * (../shared/corpus/dev; the test fixture letters when it is absent), each copy varied (case number,
 * a trailing space on one line) so that no letter is seen twice; they are written to a temporary
 * folder under os.tmpdir() and removed at the end. Nothing is kept.
 *
 * Then the adversarial shapes (bench-adversarial.ts; alone: npm run bench:adversarial).
 *
 * Environment: IMR_BENCH_LETTERS (default 1950), IMR_BENCH_REPEAT (default 5).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createConfigResolver, createIndexProvider, lintText } from '../../server/src/engine';
import { benchAdversarial } from './bench-adversarial';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const N = Number(process.env.IMR_BENCH_LETTERS ?? 1950);
const REPEAT = Number(process.env.IMR_BENCH_REPEAT ?? 5);
const GNU_TIME = '/usr/bin/time';
const IMR_LINT = path.join(ROOT, 'bin', 'imr-lint.js');
const MDL = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

interface Run {
  wallMs: number;
  cpuMs?: number;
  peakMb?: number;
}

function sources(): { dir: string; label: string } {
  const corpus = path.resolve(ROOT, '..', 'shared', 'corpus', 'dev');
  if (fs.existsSync(corpus)) return { dir: corpus, label: 'dev corpus' };
  return { dir: path.join(ROOT, 'test', 'fixtures', 'letters'), label: 'test fixture letters (corpus absent)' };
}

/** Copy `k` of a letter: another case number and a trailing space on one line, so every text is new. */
function vary(text: string, k: number): string {
  const lines = text.split('\n');
  const at = 20 + (k % Math.max(1, lines.length - 20));
  if (at < lines.length) lines[at] += ' ';
  return lines.join('\n').replace(/\bCM\d{2}-\d{7}\b/, `CM99-${String(k).padStart(7, '0')}`);
}

/** Runs `node args` to completion in `cwd`: wall time, and CPU and peak RSS where they can be measured. */
function timeProcess(args: string[], cwd: string): Promise<Run> {
  const useTime = fs.existsSync(GNU_TIME);
  const report = path.join(os.tmpdir(), `imr-bench-time-${process.pid}.txt`);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', report, process.execPath, ...args]] : [process.execPath, args];
  const t0 = process.hrtime.bigint();
  const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let peakKb = 0;
  const timer = useTime
    ? undefined
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) peakKb = Math.max(peakKb, Number(m[1]));
        } catch {
          /* exited, or no /proc */
        }
      }, 10);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      if (timer) clearInterval(timer);
      if (code !== 0 && code !== 1) return reject(new Error(`${path.basename(args[0] ?? process.execPath)} failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`));
      if (!useTime) return resolve({ wallMs, peakMb: peakKb ? peakKb / 1024 : undefined });
      const last = fs.readFileSync(report, 'utf8').trim().split('\n').pop()!;
      const [, user, sys, rssKb] = last.split(' ').map(Number);
      fs.rmSync(report, { force: true });
      if (user === undefined || sys === undefined || rssKb === undefined) return reject(new Error(`${GNU_TIME} wrote "${last}", not "%e %U %S %M"`));
      resolve({ wallMs, cpuMs: (user + sys) * 1000, peakMb: rssKb / 1024 });
    });
    child.on('error', reject);
  });
}

/** The run with the median wall time of `times` runs. */
async function medianRun(times: number, args: string[], cwd: string): Promise<Run> {
  const runs: Run[] = [];
  for (let i = 0; i < times; i++) runs.push(await timeProcess(args, cwd));
  runs.sort((a, b) => a.wallMs - b.wallMs);
  const median = runs[Math.floor(runs.length / 2)];
  if (!median) throw new Error(`no runs (IMR_BENCH_REPEAT=${times})`);
  return median;
}

/**
 * The engine in-process on every letter (warmed up on the first 64): the slowest letter, p99 and mean,
 * in CPU time (process.cpuUsage), which a busy machine inflates far less than wall time.
 */
function perLetter(files: string[]): { maxMs: number; maxFile: string; p99: number; mean: number } {
  const [first] = files;
  if (first === undefined) throw new Error('no letters (IMR_BENCH_LETTERS=0)');
  const configs = createConfigResolver({ cwd: path.dirname(first) });
  const { index } = createIndexProvider().get([]);
  const config = configs.forFile(first).config!;
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  for (const text of texts.slice(0, 64)) lintText({ text, config, index });
  const times = texts.map((text) => {
    const t0 = process.cpuUsage();
    lintText({ text, config, index });
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / 1000;
  });
  // files (hence times) are not empty: every index below is in range
  let at = 0;
  times.forEach((t, i) => (at = t > times[at]! ? i : at));
  const sorted = [...times].sort((a, b) => a - b);
  return { maxMs: times[at]!, maxFile: path.basename(files[at]!), p99: sorted[Math.floor(sorted.length * 0.99)]!, mean: times.reduce((s, t) => s + t, 0) / times.length };
}

const ms = (v: number | undefined) => (v === undefined ? 'n/a' : `${v.toFixed(0)} ms`);
const mb = (v: number | undefined) => (v === undefined ? 'n/a' : `${v.toFixed(0)} MB`);

async function main(): Promise<void> {
  const { dir, label } = sources();
  const names = fs.readdirSync(dir).filter((f) => /\.(txt|imr)$/.test(f)).sort();
  const texts = names.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const [firstText] = texts;
  if (firstText === undefined) throw new Error(`no letters (*.txt, *.imr) in ${dir}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-bench-'));
  try {
    const one = path.join(work, 'one');
    const many = path.join(work, 'many');
    fs.mkdirSync(one);
    fs.mkdirSync(many);
    fs.writeFileSync(path.join(one, 'letter.imr.txt'), vary(firstText, 0));
    const files: string[] = [];
    for (let k = 0; k < N; k++) {
      const f = path.join(many, `letter-${String(k).padStart(5, '0')}.imr.txt`);
      fs.writeFileSync(f, vary(texts[k % texts.length]!, k + 1));
      files.push(f);
    }
    // warm the file cache and node's own start (the first process after writing pays for both)
    await timeProcess(['-e', '0'], work);
    await timeProcess([IMR_LINT, 'letter.imr.txt'], one);

    const rows: [string, Run][] = [];
    const nodeBare = await medianRun(REPEAT, ['-e', '0'], work);
    rows.push(['node -e 0', nodeBare]);
    const imrOne = await medianRun(REPEAT, [IMR_LINT, 'letter.imr.txt'], one);
    rows.push(['imr-lint letter.imr.txt', imrOne]);
    const mdlOne = await medianRun(REPEAT, [MDL, 'letter.imr.txt'], one);
    rows.push(['markdownlint-cli2 letter.imr.txt', mdlOne]);
    // imr-lint on the folder: median of 3 (one run of ~1.5 s moves by a tenth with the machine's load)
    const MANY_REPEAT = Math.min(3, REPEAT);
    const imrMany = await medianRun(MANY_REPEAT, [IMR_LINT, '--format', 'json', '.'], many);
    rows.push([`imr-lint . (${N} letters)`, imrMany]);
    const imrTwoThreads = await medianRun(MANY_REPEAT, [IMR_LINT, '--concurrency', '2', '--format', 'json', '.'], many);
    rows.push([`imr-lint --concurrency 2 . (${N} letters)`, imrTwoThreads]);
    const mdlMany = await timeProcess([MDL, '*.imr.txt'], many);
    rows.push([`markdownlint-cli2 *.imr.txt (${N} letters)`, mdlMany]);
    const slow = perLetter(files);

    console.log(`letters: ${N} varied copies of ${texts.length} (${label}); one-letter rows: median of ${REPEAT} runs; imr-lint on the folder: median of ${Math.min(3, REPEAT)}`);
    console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, node ${process.version}`);
    console.log('');
    const w = Math.max(...rows.map(([n]) => n.length));
    console.log(`${'command'.padEnd(w)}  ${'wall'.padStart(9)}  ${'CPU'.padStart(9)}  ${'peak RSS'.padStart(8)}`);
    for (const [name, r] of rows) console.log(`${name.padEnd(w)}  ${ms(r.wallMs).padStart(9)}  ${ms(r.cpuMs).padStart(9)}  ${mb(r.peakMb).padStart(8)}`);
    console.log('');
    const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? 'n/a' : `${(a / b).toFixed(1)}×`);
    console.log(`one letter: imr-lint / node -e 0 = ${ratio(imrOne.wallMs, nodeBare.wallMs)} wall, ${ratio(imrOne.cpuMs, nodeBare.cpuMs)} CPU (target ≤ 2×)`);
    console.log(`${N} letters: markdownlint-cli2 / imr-lint = ${ratio(mdlMany.wallMs, imrMany.wallMs)} wall, ${ratio(mdlMany.cpuMs, imrMany.cpuMs)} CPU (target ≥ 20×); with --concurrency 2: ${ratio(mdlMany.wallMs, imrTwoThreads.wallMs)} wall (${os.availableParallelism()} cores)`);
    console.log(`slowest single letter (engine in-process, warm, CPU time): ${slow.maxMs.toFixed(1)} ms (${slow.maxFile}); p99 ${slow.p99.toFixed(2)} ms, mean ${slow.mean.toFixed(2)} ms (target: none over 5 ms)`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main()
  .then(async () => {
    // the adversarial shapes (issue 12): time per MB flat from 100 KB to 1 MB, the worst shape named
    console.log('');
    await benchAdversarial();
  })
  .catch((e: unknown) => {
    console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
