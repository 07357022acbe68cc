import * as fs from 'fs';
import * as path from 'path';
import { ConfigResolver } from '../engine';
import { globToRegExp } from './glob';

import { UsageError } from './errors';

/**
 * Expands the command line's paths: files are linted whatever their extension; folders contribute the
 * letters their config's include globs match (default *.imr, *.imr.txt), minus its excludes.
 */
export function collectFiles(args: string[], configs: ConfigResolver): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const abs = path.resolve(f);
    if (!seen.has(abs)) {
      seen.add(abs);
      out.push(abs);
    }
  };
  for (const arg of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(arg);
    } catch {
      throw new UsageError(`${arg}: no such file or directory`);
    }
    if (st.isFile()) add(arg);
    else if (st.isDirectory()) walk(path.resolve(arg), configs, add);
  }
  return out;
}

function walk(dir: string, configs: ConfigResolver, add: (f: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isSymbolicLink()) {
      // a linked letter counts; linked folders are not followed (no cycles)
      let st: fs.Stats | undefined;
      try {
        st = fs.statSync(full);
      } catch {
        st = undefined;
      }
      if (st?.isFile() && matches(full, configs)) add(full);
      continue;
    }
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      walk(full, configs, add);
    } else if (e.isFile() && matches(full, configs)) add(full);
  }
}

const compiled = new Map<string, RegExp>();
function re(glob: string): RegExp {
  let r = compiled.get(glob);
  if (!r) {
    r = globToRegExp(glob);
    compiled.set(glob, r);
  }
  return r;
}

function matches(file: string, configs: ConfigResolver): boolean {
  const { config } = configs.forFile(file);
  const base = config?.baseDir ?? path.dirname(file);
  const rel = path.relative(base, file).split(path.sep).join('/');
  const include = config?.include ?? ['**/*.imr', '**/*.imr.txt'];
  const exclude = config?.exclude ?? [];
  return include.some((g) => re(g).test(rel)) && !exclude.some((g) => re(g).test(rel));
}
