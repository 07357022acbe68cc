/**
 * `npm run bench`: lints 10,000 letters (the dev corpus repeated, or the bundled examples when the
 * corpus is absent) with the imr engine, in-process as `imr-lint` does, and runs markdownlint-cli2 on
 * the same files as the familiar baseline. Prints letters/s of both, the ratio, and peak memory.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createConfigResolver, createIndexProvider, lintText } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const N = Number(process.env.IMR_BENCH_LETTERS ?? 10000);

function sources(): { dir: string; label: string } {
  const corpus = path.resolve(ROOT, '..', 'shared', 'corpus', 'dev');
  if (fs.existsSync(corpus)) return { dir: corpus, label: 'dev corpus' };
  return { dir: path.join(ROOT, 'test', 'fixtures', 'letters'), label: 'test fixture letters (corpus absent)' };
}

/** Runs `node args` to completion; wall time and peak RSS (VmHWM polled from /proc; 0 where there is no /proc). */
function timeProcess(args: string[], cwd: string): Promise<{ ms: number; peakMb: number }> {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'ignore'] });
  let peakKb = 0;
  const poll = () => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      /* exited */
    }
  };
  const timer = setInterval(poll, 20);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code === 2) reject(new Error(`${path.basename(args[0])} could not run (exit 2)`));
      else resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, peakMb: peakKb / 1024 });
    });
    child.on('error', reject);
  });
}

async function main(): Promise<void> {
  const { dir, label } = sources();
  const texts = fs.readdirSync(dir).filter((f) => /\.(txt|imr)$/.test(f)).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  // Materialise N files so both tools read the same bytes from disk.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-bench-'));
  try {
    const files: string[] = [];
    for (let i = 0; i < N; i++) {
      const f = path.join(work, `letter-${String(i).padStart(5, '0')}.imr.txt`);
      fs.writeFileSync(f, texts[i % texts.length]);
      files.push(f);
    }
    // imr: everything a CLI run does per file (config lookup, read, parse, schema, rules)
    const t0 = process.hrtime.bigint();
    const configs = createConfigResolver({ cwd: work });
    const indexes = createIndexProvider();
    let findings = 0;
    for (const f of files) {
      const { config } = configs.forFile(f);
      if (!config) throw new Error('config');
      const { index } = indexes.get(config.index);
      findings += lintText({ text: fs.readFileSync(f, 'utf8'), config, index }).findings.length;
    }
    const imrMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const peakMb = process.resourceUsage().maxRSS / 1024;

    // imr-lint as a process (what pre-commit and CI run), on the same folder
    const cli = await timeProcess([path.join(ROOT, 'bin', 'imr-lint.js'), '--format', 'json', work], ROOT);
    // baseline: markdownlint-cli2 on the same files
    const mdl = await timeProcess([path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '*.imr.txt'], work);
    const cliMs = cli.ms;
    const mdlMs = mdl.ms;

    const rate = (ms: number) => (N / (ms / 1000)).toFixed(0);
    console.log(`letters: ${N} (${label}, ${texts.length} distinct)`);
    console.log(`imr engine (in-process):   ${imrMs.toFixed(0)} ms  ${rate(imrMs)} letters/s  peak RSS ${peakMb.toFixed(0)} MB  (${findings} findings)`);
    console.log(`imr-lint (process, folder): ${cliMs.toFixed(0)} ms  ${rate(cliMs)} letters/s  peak RSS ${cli.peakMb.toFixed(0)} MB`);
    console.log(`markdownlint-cli2:          ${mdlMs.toFixed(0)} ms  ${rate(mdlMs)} letters/s  peak RSS ${mdl.peakMb.toFixed(0)} MB`);
    console.log(`load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
    console.log(`ratio imr-lint / markdownlint-cli2: ${(mdlMs / cliMs).toFixed(1)}x`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
