/**
 * Interop with a real LSP client that is not VS Code: Neovim's built-in client (0.7+) starts
 * `bin/imr-language-server.js --stdio` for a letter, and test/neovim/lsp-probe.lua writes down what
 * Neovim got — diagnostics (as vim.diagnostic shows them and as published), completion items and
 * hovers — which must be what the engine and the language service compute for the same text.
 *
 * Skipped when `nvim` is not on PATH (Debian: `apt-get install neovim`). Needs the build (out/).
 *   npx mocha --no-config --timeout 120000 out/test/neovim/*.test.js
 */
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createConfigResolver, createIndexProvider, findAsset, Finding, lintText, MtusIndex } from '../../server/src/engine';
import { withSettings } from '../../server/src/lsp/lint-environment';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { doComplete, doHover, loadSnippets, splitLines } from '../../server/src/service';
import { nth } from '../helpers/checked';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const PROBE = path.join(REPO_ROOT, 'test', 'neovim', 'lsp-probe.lua');
const SERVER_BIN = path.join(REPO_ROOT, 'bin', 'imr-language-server.js');
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'letters', 'clean-2009-pages.imr');
/** Per-wait timeout inside the probe, and the hard limit for the whole nvim run. */
const WAIT_MS = 30_000;
const RUN_LIMIT_MS = 100_000;

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

interface Pos {
  line: number;
  character: number;
}
interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  code: string;
  source: string;
  message: string;
  severity: number;
}
interface LspDiagnostic {
  range: { start: Pos; end: Pos };
  code: string;
  source: string;
  message: string;
  severity: number;
}
interface Published {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[] | Record<string, never>;
}
interface ProbeResult {
  error?: string;
  nvim: { major: number; minor: number; patch: number };
  uri: string;
  offset_encoding: string;
  server_info?: { name: string; version?: string };
  server_pid?: number;
  server_exited?: boolean;
  server_exit?: { code: number; signal: number };
  server_requests: { method: string }[] | Record<string, never>;
  diagnostics: NvimDiagnostic[] | Record<string, never>;
  published: Published;
  completions: { position: Pos; labels: string[]; preselect: string[] }[];
  hovers: { position: Pos; kind?: string; value?: string; range?: { start: Pos; end: Pos }; shown?: string[] }[];
  after_edit?: { version: number; text: string; diagnostics: NvimDiagnostic[] | Record<string, never>; published: Published };
  events: string[];
}

interface ProbeRun {
  result: ProbeResult;
  ms: number;
  stderr: string;
  lspLog: string;
}

/** Lua's JSON encoder writes an empty list as `[]` but nothing guarantees it; accept `{}` too. */
function list<T>(x: T[] | Record<string, never> | undefined): T[] {
  return Array.isArray(x) ? x : [];
}

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status !== 0) return undefined;
  return r.stdout.split('\n')[0]!.trim();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs the Lua probe in a headless nvim (own process group, killed whole on timeout). */
function runProbe(dir: string, name: string, env: Record<string, string>): Promise<ProbeRun> {
  const out = path.join(dir, `${name}.result.json`);
  const xdg = path.join(dir, `${name}.xdg`);
  fs.mkdirSync(xdg, { recursive: true });
  const started = Date.now();
  const child = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${PROBE.replace(/ /g, '\\ ')}`], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, so the language server that nvim starts goes with it on timeout
    detached: true,
    env: {
      ...process.env,
      // no user config, plugins, shada or logs of the person running the tests; lsp.log lands here
      XDG_CONFIG_HOME: xdg,
      XDG_DATA_HOME: xdg,
      XDG_STATE_HOME: xdg,
      XDG_CACHE_HOME: xdg,
      IMR_PROBE_OUT: out,
      IMR_PROBE_SERVER: SERVER_BIN,
      IMR_PROBE_NODE: process.execPath,
      IMR_PROBE_TIMEOUT_MS: String(WAIT_MS),
      ...env,
    },
  });
  let stderr = '';
  child.stdout.on('data', () => undefined);
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const pgid = child.pid as number;
  const lspLog = () => {
    const f = path.join(xdg, 'nvim', 'lsp.log');
    return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '';
  };
  return new Promise<ProbeRun>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, RUN_LIMIT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      // nothing of the group (nvim, node) may be left behind
      let leftover = true;
      try {
        process.kill(-pgid, 0);
      } catch {
        leftover = false;
      }
      if (leftover) {
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {
          // raced with its exit
        }
      }
      const result = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeResult) : undefined;
      const why = timedOut
        ? `nvim killed after ${RUN_LIMIT_MS} ms`
        : code !== 0
          ? `nvim exited with ${code ?? signal}`
          : leftover
            ? 'a process of the nvim process group was still running after nvim exited'
            : !result
              ? 'no result file'
              : result.error
                ? `probe error: ${result.error}`
                : undefined;
      if (why) {
        reject(new Error(`${why}\n--- nvim stderr\n${stderr}\n--- result\n${JSON.stringify(result, null, 1)?.slice(0, 4000)}\n--- lsp.log\n${lspLog().slice(-4000)}`));
        return;
      }
      resolve({ result: result as ProbeResult, ms, stderr, lspLog: lspLog() });
    });
  });
}

/** What the server lints with for `file`: the config found for it plus the `imr` settings, like LintEnvironment. */
function engineSetup(dir: string, file: string, imrSettings: unknown = {}) {
  const { config, problems } = createConfigResolver({ cwd: dir }).forFile(file);
  assert.ok(config && problems.length === 0, `config for ${file}: ${problems.map((p) => p.message).join('; ')}`);
  const { index, problems: ip } = createIndexProvider().get(config.index);
  assert.deepStrictEqual(ip, []);
  return { config: withSettings(config, normalizeSettings(imrSettings), config.index), index };
}

function lintFile(dir: string, file: string, text: string, imrSettings: unknown = {}): { findings: Finding[]; index: MtusIndex } {
  const { config, index } = engineSetup(dir, file, imrSettings);
  return { findings: lintText({ text, config, index }).findings, index };
}

/** A finding the way vim.diagnostic.get() holds it (ASCII letter: byte columns = UTF-16 columns). */
function asNvim(f: Finding): NvimDiagnostic {
  return {
    lnum: f.range.start.line,
    col: f.range.start.character,
    end_lnum: f.range.end.line,
    end_col: f.range.end.character,
    code: f.ruleId,
    source: 'imr',
    message: f.message,
    severity: SEVERITY[f.severity],
  };
}

function asLsp(f: Finding): LspDiagnostic {
  return { range: f.range, code: f.ruleId, source: 'imr', message: f.message, severity: SEVERITY[f.severity] };
}

function pickLsp(d: LspDiagnostic): LspDiagnostic {
  return { range: d.range, code: d.code, source: d.source, message: d.message, severity: d.severity };
}

function sortNvim(ds: NvimDiagnostic[]): NvimDiagnostic[] {
  return [...ds].sort((a, b) => a.lnum - b.lnum || a.col - b.col);
}

/** Zero-based position of `needle` (its first character + `offset`) on the first line containing it. */
function positionOf(lines: readonly string[], needle: string, offset = 0, from = 0): Pos {
  for (let l = from; l < lines.length; l++) {
    const c = lines[l]!.indexOf(needle);
    if (c >= 0) return { line: l, character: c + offset };
  }
  throw new Error(`"${needle}" not found`);
}

describe('Neovim built-in LSP client (interop)', function () {
  this.timeout(120_000);
  let version: string | undefined;
  let dir: string;
  let file: string;
  let text: string;
  let lines: string[];

  before(function () {
    version = nvimVersion();
    if (!version) {
      console.log('    nvim is not on PATH: skipping the Neovim interop tests (Debian/Ubuntu: apt-get install neovim)');
      this.skip();
    }
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'out', 'server', 'src', 'lsp', 'main.js')), 'build first: npx tsc -b');
    console.log(`    ${version}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-neovim-'));
    file = path.join(dir, 'letter.imr');
    // the MAXIMUS citation cites page 97 instead of the index's 98-99: one citation-page-mismatch
    const original = fs.readFileSync(FIXTURE, 'utf8');
    text = original.replace('Medicine Page(s): 98-99.', 'Medicine Page(s): 97.');
    assert.notStrictEqual(text, original);
    fs.writeFileSync(file, text);
    lines = splitLines(text);
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gets the engine diagnostics, completions and hovers, and re-lints after an incremental edit', async () => {
    const { findings, index } = lintFile(dir, file, text);
    assert.deepStrictEqual(
      findings.map((f) => f.ruleId),
      ['citation-page-mismatch'],
      'the engine itself finds the planted page mismatch',
    );
    const page = positionOf(lines, 'Medicine Page(s): 97', 'Medicine Page(s): '.length);
    assert.deepStrictEqual(findings[0]!.range.start, page);

    // completion: an empty line right under the item line, and right after "Decision based on MTUS "
    const itemLine = positionOf(lines, 'Therapeutic Exercises: Upheld').line;
    assert.strictEqual(lines[itemLine + 1], '');
    const underItem: Pos = { line: itemLine + 1, character: 0 };
    const mtus = 'MAXIMUS guideline: Decision based on MTUS ';
    const afterMtus = positionOf(lines, mtus, mtus.length);
    // hover: the cited page and the topic "Physical" (the MAXIMUS citation)
    const topic = positionOf(lines, 'Medicine Page(s): 97', 3);
    const edit = { line: page.line, character: page.character, endCharacter: page.character + 2, text: '98-99' };

    const run = await runProbe(dir, 'main', {
      IMR_PROBE_FILE: file,
      IMR_PROBE_COMPLETIONS: JSON.stringify([underItem, afterMtus]),
      IMR_PROBE_HOVERS: JSON.stringify([page, topic]),
      IMR_PROBE_EDIT: JSON.stringify(edit),
    });
    const r = run.result;
    console.log(`    nvim ${r.nvim.major}.${r.nvim.minor}.${r.nvim.patch}: probe run took ${run.ms} ms`);
    assert.strictEqual(r.server_info?.name, 'imr-language-server');
    assert.strictEqual(r.offset_encoding, 'utf-16');

    // diagnostics: as vim.diagnostic holds them, and as published on the wire
    assert.deepStrictEqual(sortNvim(list(r.diagnostics)), findings.map(asNvim));
    assert.ok(list(r.diagnostics).every((d) => d.source === 'imr'));
    assert.strictEqual(r.published.uri, r.uri);
    assert.deepStrictEqual(list(r.published.diagnostics).map(pickLsp), findings.map(asLsp));

    // completions: the language service's items for the same text, in the same order
    const snippets = loadSnippets(findAsset('snippets/imr.code-snippets')).snippets;
    const atItem = nth(r.completions, 0, 'the completion under the item line');
    const atMtus = nth(r.completions, 1, 'the completion after "Decision based on MTUS "');
    const expectItem = doComplete({ lines, position: underItem, index, snippets }).items;
    assert.deepStrictEqual(atItem.labels, expectItem.map((i) => i.label));
    for (const label of ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:', 'imr-item']) {
      assert.ok(atItem.labels.includes(label), `${label} offered under the item line: ${atItem.labels.join(', ')}`);
    }
    assert.deepStrictEqual(list(atItem.preselect), ['Claims Administrator guideline:'], 'the next field of the item is preselected');
    const expectMtus = doComplete({ lines, position: afterMtus, index, snippets }).items;
    assert.deepStrictEqual(atMtus.labels, expectMtus.map((i) => i.label));
    assert.ok(atMtus.labels.includes('Chronic Pain Medical Treatment 2009'), atMtus.labels.join(', '));
    assert.ok(atMtus.labels.includes('Chronic Pain Medical Treatment 2016'), atMtus.labels.join(', '));

    // hovers: the index entry for the topic, with the verdict on the cited page
    const determination = lintText({ text, config: engineSetup(dir, file).config, index }).determination;
    const onPage = nth(r.hovers, 0, 'the hover on the cited page');
    const onTopic = nth(r.hovers, 1, 'the hover on the topic');
    const expectPage = doHover({ determination, index, position: page });
    const expectTopic = doHover({ determination, index, position: topic });
    assert.ok(expectPage && expectTopic);
    assert.strictEqual(onPage.kind, 'markdown');
    assert.strictEqual(onPage.value, (expectPage.contents as { value: string }).value);
    assert.deepStrictEqual(onPage.range, expectPage.range);
    assert.match(onPage.value ?? '', /Cited page\(s\) 97 are \*\*not\*\* the index's pages 98-99/);
    assert.match(onPage.value ?? '', /\*\*Physical medicine\*\*/);
    assert.match(onPage.value ?? '', /Passive and active therapy/);
    assert.strictEqual(onTopic.value, (expectTopic.contents as { value: string }).value);
    assert.match(onTopic.value ?? '', /^\*\*Physical medicine\*\*/);
    assert.match(onTopic.value ?? '', /Pages: 98-99/);
    assert.ok(list(onTopic.shown).includes('**Physical medicine**'), 'nvim turns the markdown into float lines');

    // incremental didChange from nvim: the fixed page clears the diagnostic, like the engine says
    const after = r.after_edit;
    assert.ok(after, 'edit result');
    const edited = lines.map((l, k) => (k === edit.line ? l.slice(0, edit.character) + edit.text + l.slice(edit.endCharacter) : l)).join('\n');
    assert.strictEqual(after.text.replace(/\n$/, ''), edited.replace(/\n$/, ''));
    const afterFindings = lintFile(dir, file, edited).findings;
    assert.deepStrictEqual(sortNvim(list(after.diagnostics)), afterFindings.map(asNvim));
    assert.deepStrictEqual(afterFindings, []);
    assert.strictEqual(after.published.version, after.version, 'diagnostics are for the edited version');

    // nvim 0.7 advertises neither workspace.configuration nor dynamic registration: the server must not ask
    assert.deepStrictEqual(list(r.server_requests), []);
    // clean shutdown, nothing left running
    assert.strictEqual(r.server_exited, true);
    assert.deepStrictEqual(r.server_exit, { code: 0, signal: 0 });
    assert.ok(r.server_pid && !alive(r.server_pid), `language server ${r.server_pid} still running`);
  });

  it('applies `imr` settings that nvim pushes with workspace/didChangeConfiguration', async () => {
    const settings = { imr: { rules: { 'citation-page-mismatch': 'warn' } } };
    const { findings } = lintFile(dir, file, text, settings.imr);
    assert.deepStrictEqual(findings.map((f) => [f.ruleId, f.severity]), [['citation-page-mismatch', 'warning']]);
    const run = await runProbe(dir, 'settings', { IMR_PROBE_FILE: file, IMR_PROBE_SETTINGS: JSON.stringify(settings) });
    assert.deepStrictEqual(sortNvim(list(run.result.diagnostics)), findings.map(asNvim));
    assert.strictEqual(list(run.result.diagnostics)[0]?.severity, 2, 'vim.diagnostic.severity.WARN');
    assert.ok(run.result.server_pid && !alive(run.result.server_pid));
  });
});
