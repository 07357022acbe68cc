import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** Repository root: the nearest folder above this module with the project's package.json. */
export const REPO_ROOT = findRoot(__dirname);

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'imr-letter-tools') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no imr-letter-tools package.json above ${start}`);
  }
}

/** Letters with known defects, written for these tests (never copies of real letters). */
export const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'workspace');

/** One finding as a reviewer sees it: file name, rule id, 1-based line and column, message. */
export interface SeenFinding {
  file: string;
  ruleId: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export function sortFindings(list: SeenFinding[]): SeenFinding[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message),
  );
}

interface EslintJson {
  filePath: string;
  messages: { ruleId: string; severity: number; message: string; line: number; column: number }[];
}

/** What `node bin/imr-lint.js --format json FILES…` reports, as SeenFindings. */
export function cliFindings(files: string[], cwd = REPO_ROOT): SeenFinding[] {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'imr-lint.js'), '--format', 'json', ...files], {
    cwd,
    encoding: 'utf8',
    // Inside the extension host process.execPath is VS Code's Electron binary: make it act as node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`imr-lint exited ${r.status}: ${r.stderr || r.stdout}`);
  }
  const results = JSON.parse(r.stdout) as EslintJson[];
  const out: SeenFinding[] = [];
  for (const res of results) {
    for (const m of res.messages) {
      out.push({
        file: path.basename(res.filePath),
        ruleId: m.ruleId,
        line: m.line,
        column: m.column,
        message: m.message,
        severity: m.severity === 2 ? 'error' : 'warning',
      });
    }
  }
  return sortFindings(out);
}
