/**
 * `npm run bench:lsp`: the language server as an editor sees it, over stdio (the built server,
 * bin/imr-language-server.js). imr.validationDelay is 0 (answered through workspace/configuration),
 * so "edit → diagnostics" is the server's own work plus the round trip; the configured debounce is
 * subtracted anyway. Measures
 *   - didChange → publishDiagnostics for the largest real letter of ../shared/corpus/dev (a generated
 *     letter when the corpus is absent) and for a generated 1 MB letter of 500 items,
 *   - completion and hover latency (median / p95 of 50),
 *   - the server's resident memory with 50 letters open (VmRSS from /proc/<pid>/status), and with the
 *     1 MB letter open, right after its edits and once the server was idle (its lint workers let go).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/lib/node/main';
import { generatedLetter } from '../fixtures/lsp/letters';
import { fileUri, REPO_ROOT, TestClient } from '../lsp/client';

const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'dev');
const DEBOUNCE_MS = 0;

interface Row {
  what: string;
  median: number;
  p95: number;
  unit: string;
  target: number;
}

function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const v = s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  if (v === undefined) throw new Error(`quantile ${q} of no values`);
  return v;
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function corpusLetters(): { name: string; text: string }[] {
  if (!fs.existsSync(CORPUS)) return [];
  return fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(CORPUS, f), 'utf8') }))
    .sort((a, b) => b.text.length - a.text.length);
}

/** Position right after the first occurrence of `needle`, or undefined. */
function after(text: string, needle: string): { line: number; character: number } | undefined {
  const at = text.indexOf(needle);
  if (at < 0) return undefined;
  const before = text.slice(0, at + needle.length).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** Edits that keep the letter's size: type a character at the end of its last line, then delete it. */
const togglers = new Map<string, () => TextDocumentContentChangeEvent[]>();
function toggler(client: TestClient, uri: string): () => TextDocumentContentChangeEvent[] {
  let t = togglers.get(uri);
  if (!t) {
    const lines = client.text(uri).split(/\r\n|\r|\n/);
    let line = lines.length - 1;
    while (line > 0 && !lines[line]!.trim()) line--;
    const end = lines[line]!.length;
    let added = false;
    t = () => {
      added = !added;
      return added
        ? [{ range: { start: { line, character: end }, end: { line, character: end } }, text: 'x' }]
        : [{ range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' }];
    };
    togglers.set(uri, t);
  }
  return t;
}

/** Lint time the server traced for a document version ("doc#1 v7: 3 finding(s), lint 9.8 ms"). */
function tracedLintMs(client: TestClient, version: number): number | undefined {
  for (let i = client.traces.length - 1; i >= 0; i--) {
    const m = /^doc#\d+ v(\d+): .*lint ([\d.]+) ms/.exec(client.traces[i]!);
    if (m && Number(m[1]) === version) return Number(m[2]);
  }
  return undefined;
}

async function editLatency(client: TestClient, uri: string, runs: number, lint: number[] = []): Promise<number[]> {
  const out: number[] = [];
  const edit = toggler(client, uri);
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const version = await client.change(uri, edit());
    await client.diagnosticsFor(uri, version, 120_000);
    out.push(ms(start) - DEBOUNCE_MS);
    const l = tracedLintMs(client, version);
    if (l !== undefined) lint.push(l);
  }
  return out;
}

async function requestLatency(client: TestClient, method: string, params: object, runs: number): Promise<{ times: number[]; result: unknown }> {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    result = await client.request(method, params);
    times.push(ms(start));
  }
  return { times, result };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

function row(what: string, values: number[], target: number, unit = 'ms'): Row {
  return { what, median: quantile(values, 0.5), p95: quantile(values, 0.95), unit, target };
}

function printTable(rows: Row[]): void {
  const head = ['measurement', 'median', 'p95', 'target', ''];
  const body = rows.map((r) => [r.what, `${r.median.toFixed(1)} ${r.unit}`, `${r.p95.toFixed(1)} ${r.unit}`, `< ${r.target} ${r.unit}`, r.p95 < r.target ? 'ok' : r.median < r.target ? 'p95 over' : 'OVER']);
  // every row of body has head's five cells
  const widths = head.map((h, k) => Math.max(h.length, ...body.map((b) => b[k]!.length)));
  const line = (cells: string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

/** A fresh server with 50 letters open: its resident memory once all are linted. */
async function fiftyLetters(texts: string[], dir: string): Promise<Row> {
  const client = await TestClient.start({ root: dir, settings: { validationDelay: DEBOUNCE_MS } });
  try {
    const opened: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      const uri = fileUri(path.join(dir, `open-${i}.imr.txt`));
      await client.open(uri, texts[i % texts.length]!);
      opened.push(client.diagnosticsFor(uri, 1, 120_000));
    }
    await Promise.all(opened);
    // one request round trip (symbols need the analyses), then memory as the editor would see it
    await client.request('textDocument/documentSymbol', { textDocument: { uri: fileUri(path.join(dir, 'open-0.imr.txt')) } });
    const rss = rssMb(client.proc.pid as number);
    return { what: 'server RSS, 50 letters open', median: rss, p95: rss, unit: 'MB', target: 150 };
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-bench-lsp-'));
  const client = await TestClient.start({ root: dir, settings: { validationDelay: DEBOUNCE_MS } });
  const pid = client.proc.pid as number;
  // traces carry the server-side lint time of each version (no letter text)
  await client.conn.sendNotification('$/setTrace', { value: 'messages' });
  const rows: Row[] = [];
  try {
    const corpus = corpusLetters();
    let real: { name: string; text: string };
    const [largest] = corpus;
    if (largest) real = largest;
    else {
      console.log(`(${CORPUS} is absent: using a generated 30 KB letter instead of the largest real one)`);
      real = { name: 'generated-30k', text: generatedLetter(12, 30_000) };
    }
    const big = generatedLetter(500, 1 << 20);
    console.log(`server pid ${pid}; real letter ${real.name} (${(real.text.length / 1024).toFixed(1)} KB); generated letter ${(big.length / 1024 / 1024).toFixed(2)} MB, 500 items\n`);

    // warm-up: the first lint loads the index and compiles the schema
    const realUri = fileUri(path.join(dir, 'real.imr.txt'));
    await client.open(realUri, real.text);
    await client.diagnosticsFor(realUri, 1, 120_000);
    await editLatency(client, realUri, 5);
    const realLint: number[] = [];
    rows.push(row(`edit → diagnostics, ${real.name}`, await editLatency(client, realUri, 50, realLint), 20));
    rows.push(row('  of which lintText in the server', realLint, 20));

    const bigUri = fileUri(path.join(dir, 'big.imr.txt'));
    const openStart = process.hrtime.bigint();
    await client.open(bigUri, big);
    await client.diagnosticsFor(bigUri, 1, 120_000);
    const openMs = ms(openStart);
    await editLatency(client, bigUri, 2);
    const bigLint: number[] = [];
    rows.push(row('edit → diagnostics, 1 MB / 500 items', await editLatency(client, bigUri, 10, bigLint), 250));
    rows.push(row('  of which lintText in the server', bigLint, 250));

    // completion where it does the most work: a section list of a cited guideline
    const at = after(real.text, 'Section(s): ') ?? after(real.text, 'Decision based on MTUS ') ?? { line: 0, character: 0 };
    const completion = await requestLatency(client, 'textDocument/completion', { textDocument: { uri: realUri }, position: at, context: { triggerKind: 2, triggerCharacter: ' ' } }, 50);
    const items = (completion.result as { items?: unknown[] } | null)?.items?.length ?? 0;
    rows.push(row(`completion, ${real.name} (${items} items)`, completion.times, 20));
    const bigAt = after(big, 'Section(s): ') ?? { line: 0, character: 0 };
    rows.push(row('completion, 1 MB letter', (await requestLatency(client, 'textDocument/completion', { textDocument: { uri: bigUri }, position: bigAt, context: { triggerKind: 2, triggerCharacter: ' ' } }, 50)).times, 20));

    const hoverAt = after(real.text, ': Upheld') ?? after(real.text, ': Overturned') ?? at;
    const hoverPos = { line: hoverAt.line, character: Math.max(0, hoverAt.character - 2) };
    rows.push(row(`hover, ${real.name}`, (await requestLatency(client, 'textDocument/hover', { textDocument: { uri: realUri }, position: hoverPos }, 50)).times, 20));
    rows.push(row('document symbols, 1 MB letter', (await requestLatency(client, 'textDocument/documentSymbol', { textDocument: { uri: bigUri } }, 20)).times, 250));

    const afterBig = rssMb(pid);
    // idle: the lint pool lets its workers go (lint-pool.ts); then one edit, linted by the fresh worker
    const tracesBefore = client.traces.length;
    await client.waitForTrace(/^idle lint worker (replaced|kept)/, tracesBefore, 120_000);
    await editLatency(client, realUri, 1);
    const afterIdle = rssMb(pid);
    await client.close(bigUri);
    await client.close(realUri);
    rows.push(await fiftyLetters(corpus.length > 0 ? corpus.map((c) => c.text) : [real.text], dir));
    rows.push({ what: '  (RSS of the server above, after the 1 MB letter)', median: afterBig, p95: afterBig, unit: 'MB', target: 150 });
    rows.push({ what: '  (the same, 1 MB letter open, once the server was idle)', median: afterIdle, p95: afterIdle, unit: 'MB', target: 150 });

    printTable(rows);
    console.log(`\nload average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPU(s)`);
    console.log(`opening the 1 MB letter (first lint, index warm): ${openMs.toFixed(0)} ms`);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
