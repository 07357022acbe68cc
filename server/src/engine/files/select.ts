import * as fs from 'fs';
import * as path from 'path';
import ignore, { Ignore } from 'ignore';
import picomatch from 'picomatch';
import { ConfigResolver } from '../config/load';
import { DEFAULT_INCLUDE, LintConfig } from '../config/types';
import { globTooComplex } from './glob-limits';
import { FileReadError, READ_LIMITS, readTextChecked } from './read-checked';

/**
 * Which files are letters to lint — one answer for the CLI, the language server's workspace
 * diagnostics and "Lint All Letters in Workspace" (ESLint's rules, adapted):
 *
 * - `include` / `exclude` globs of the config that applies to a file (relative to the config file's
 *   folder; picomatch syntax with `{a,b}` braces) apply to every file, named or found by walking.
 *   An exclude pattern also matches the folders above a file, so `drafts/` and `drafts` exclude the
 *   folder `drafts` next to the config (and `**\/drafts/` any folder of that name).
 * - `.imrlintignore` in `cwd` (or `ignorePath`), gitignore syntax, patterns relative to its folder;
 *   its patterns are held to the glob limits of include/exclude (an error naming the line).
 * - `.gitignore` files, when the file is inside a git work tree (a folder holding `.git` above it):
 *   the ones from the work tree's root down to the file's folder, as git reads them (a pattern over the
 *   glob limits is left out).
 * - `noIgnore` turns off both ignore files (include/exclude still apply).
 * - `node_modules` and `.git` folders are never walked; linked folders are not followed (no cycles),
 *   linked letters are.
 */
export interface FileSelectorOptions {
  /** Folder that `.imrlintignore` is read from and that glob arguments are relative to. */
  cwd: string;
  /** Per-file configuration (nearest `.imrlintrc`); or give `config` to use one for every file. */
  configs?: ConfigResolver;
  config?: LintConfig;
  /** An ignore file instead of `<cwd>/.imrlintignore`; a missing file is an error (thrown). */
  ignorePath?: string;
  /** Neither `.imrlintignore`/`ignorePath` nor `.gitignore` is read. */
  noIgnore?: boolean;
  /**
   * Globs added to the include globs of every config: the CLI's `--ext .txt`, made into `**\/*.txt` by
   * `extensionGlobs` (ESLint's `--ext`).
   */
  extraInclude?: readonly string[];
}

export type SkipReason = 'not-included' | 'excluded' | 'ignored' | 'gitignored';

export type Explanation =
  | { selected: true }
  | { selected: false; reason: SkipReason; /** One line: why, naming the pattern and where it comes from. */ message: string };

/** The files that the command-line arguments stand for. */
export interface Selection {
  /** Absolute paths to lint, each once, in argument order (walked folders sorted by name). */
  files: string[];
  /** Named files that are skipped, with the one-line reason (printed as warnings). */
  skipped: { file: string; reason: SkipReason; message: string }[];
  /** Folders and globs that gave no letter at all (nothing matched, or all excluded/ignored). */
  unmatched: { arg: string; message: string }[];
  /** Arguments that are neither an existing path nor a glob. */
  missing: string[];
  /**
   * Arguments that exist but cannot be linted — a FIFO, device or socket (`/dev/stdin`, `<(…)`): code
   * `ENOTREG` — and folders (named or below a named one) that cannot be read (their errno code).
   */
  unreadable: { arg: string; code: string; message: string }[];
}

export interface FileSelector {
  isSelected(absPath: string): boolean;
  explain(absPath: string): Explanation;
  /** Every selected letter below `dir` (absolute), sorted by path within each folder. */
  walk(dir: string): AsyncGenerator<string>;
  /** As `walk`; a folder that cannot be read is skipped, or handed to `unreadable` (its path and errno code) when given. */
  walkSync(dir: string, unreadable?: (dir: string, code: string) => void): Generator<string>;
  /** Expands command-line arguments (files, folders, quoted globs), relative to `cwd`. */
  select(args: string[]): Selection;
}

/** The default ignore file, read from the working folder. */
export const IGNORE_FILE_NAME = '.imrlintignore';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

const toPosix = (p: string) => p.split(path.sep).join('/');

/**
 * The include globs for extensions given on the command line (`.txt` or `txt`, `.imr.txt`): `**\/*.txt`.
 * An extension is letters, digits, `_`, `-` and inner dots; anything else (a path, a glob, a space) throws
 * an Error naming it.
 */
export function extensionGlobs(extensions: readonly string[]): string[] {
  return extensions.map((raw) => {
    const ext = raw.trim().replace(/^\./, '');
    if (!/^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/.test(ext)) throw new Error(`"${raw}" is not a file extension (like .txt)`);
    return `**/*.${ext}`;
  });
}

/** A glob argument: not an existing path and contains glob syntax. */
export function isGlob(arg: string): boolean {
  return picomatch.scan(arg).isGlob;
}

interface IgnoreFile {
  base: string;
  file: string;
  ig: Ignore;
}

/**
 * The ignore file's patterns, each checked against the glob limits (files/glob-limits.ts): the `ignore`
 * package turns a pattern into a regular expression that backtracks — seven `**` segments took 23 s on a
 * path 60 folders deep. A pattern over the limits is an error naming the file and line in the linter's
 * own ignore file (`strict`), and is left out of a `.gitignore` (it is the repository's, read as git
 * would; a file it would have ignored is then selected).
 */
function checkedPatterns(file: string, text: string, strict: boolean): string {
  const lines = text.split(/\r?\n/);
  let dropped = false;
  for (const [i, line] of lines.entries()) {
    const pattern = line.trim().replace(/^!/, '');
    if (!pattern || pattern.startsWith('#')) continue;
    const why = globTooComplex(pattern);
    if (!why) continue;
    if (strict) throw new Error(`${file}:${i + 1}: ignore pattern too complex to match in bounded time (${why})`);
    lines[i] = '';
    dropped = true;
  }
  return dropped ? lines.join('\n') : text;
}

function readIgnoreFile(file: string, required: boolean, strict = true): IgnoreFile | undefined {
  let text: string;
  try {
    text = readTextChecked(file, READ_LIMITS.ignore).text;
  } catch (e) {
    const code = e instanceof FileReadError || (e as NodeJS.ErrnoException).code ? (e as { code: string }).code : undefined;
    if (!required && code === 'ENOENT') return undefined;
    const why = e instanceof FileReadError && !e.detail.startsWith('cannot read') ? e.detail : code ?? String(e);
    throw new Error(`${file}: cannot read ignore file (${why})`);
  }
  return { base: path.dirname(file), file, ig: ignore().add(checkedPatterns(file, text, strict)) };
}

/** Whether `rel` (posix, relative to the ignore file's folder) or `rel/` as a folder is ignored. */
function ignoredBy(f: IgnoreFile, abs: string, isDir: boolean): boolean {
  const rel = toPosix(path.relative(f.base, abs));
  if (!rel || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
  return f.ig.ignores(isDir ? `${rel}/` : rel);
}

class Matchers {
  private readonly cache = new Map<string, picomatch.Matcher>();
  get(glob: string): picomatch.Matcher {
    let m = this.cache.get(glob);
    if (!m) {
      m = picomatch(glob, { dot: true });
      this.cache.set(glob, m);
    }
    return m;
  }
}

export function createFileSelector(options: FileSelectorOptions): FileSelector {
  const cwd = path.resolve(options.cwd);
  const matchers = new Matchers();
  const extraInclude = options.extraInclude ?? [];
  const ignoreFile = options.noIgnore ? undefined : readIgnoreFile(options.ignorePath ? path.resolve(cwd, options.ignorePath) : path.join(cwd, IGNORE_FILE_NAME), !!options.ignorePath);
  const gitRootOf = new Map<string, string | undefined>();
  const gitignoreOf = new Map<string, IgnoreFile | undefined>();

  const configFor = (file: string): LintConfig | undefined => {
    if (options.config) return options.config;
    if (!options.configs) return undefined;
    return options.configs.forFile(file).config;
  };

  const gitRoot = (dir: string): string | undefined => {
    if (gitRootOf.has(dir)) return gitRootOf.get(dir);
    let found: string | undefined;
    if (fs.existsSync(path.join(dir, '.git'))) found = dir;
    else {
      const parent = path.dirname(dir);
      found = parent === dir ? undefined : gitRoot(parent);
    }
    gitRootOf.set(dir, found);
    return found;
  };

  const gitignoreIn = (dir: string): IgnoreFile | undefined => {
    if (!gitignoreOf.has(dir)) {
      let f: IgnoreFile | undefined;
      try {
        f = readIgnoreFile(path.join(dir, '.gitignore'), false, false);
      } catch {
        f = undefined; // an unreadable .gitignore ignores nothing (git does the same)
      }
      gitignoreOf.set(dir, f);
    }
    return gitignoreOf.get(dir);
  };

  /**
   * The part of `explain` that is the same for every file of a folder, worked out once per folder (a
   * folder of 1,950 letters made the same path arithmetic, config lookup and folder matching 1,950
   * times). A file's own path is then `prefix/name`: `path.relative` from a folder above it is the
   * folder's path from there plus its name (a normalized absolute path, a name without separators).
   */
  interface GitFacts {
    /** The .gitignore that ignores this folder or one above it, inside its work tree. */
    gitignoredFolder: string | undefined;
    /** The .gitignore files from the work tree's root down to this folder, each with the folder's posix path from its own folder. */
    gitChain: { gi: IgnoreFile; prefix: string }[];
  }
  interface FolderFacts extends GitFacts {
    /** The ignore file ignores this folder or one above it (pattern "drafts/"). */
    ignoredFolder: boolean;
    /** The folder's posix path from the ignore file's folder ('' = that folder); undefined outside it. */
    ignorePrefix: string | undefined;
    config: LintConfig | undefined;
    /** The folder part of a file's path as the config's globs see it ('' = none; see relToConfig). */
    configPrefix: string;
    /** Per exclude pattern of the config: whether it matches this folder or a folder above it (below the config's folder). */
    excludedFolder: boolean[];
    /** The include globs (config's or default, then --ext) and their matchers. */
    include: string[];
    includeMatchers: picomatch.Matcher[];
  }
  const factsOf = new Map<string, FolderFacts>();

  /** `prefix/name`, or `name` alone when the prefix is empty. */
  const under = (prefix: string, name: string): string => (prefix ? `${prefix}/${name}` : name);

  /** A relative path that does not leave its folder (not "..", "../…" or another drive). */
  const inside = (rel: string): boolean => rel !== '..' && !rel.startsWith('../') && !path.isAbsolute(rel);

  /**
   * The folder part of a file's path relative to the config's folder, as relToConfig made it per file:
   * relative to the config's folder; outside it (--config elsewhere) relative to cwd; else none (the
   * bare name).
   */
  const configPrefixOf = (config: LintConfig, dir: string): string => {
    const rel = toPosix(path.relative(config.baseDir, dir));
    if (inside(rel)) return rel;
    const fromCwd = toPosix(path.relative(cwd, dir));
    return inside(fromCwd) ? fromCwd : '';
  };

  /**
   * The .gitignore that ignores `rel` (a path below a folder, "name" or "name/" for a folder), read
   * through the .gitignore files of that folder's chain: the deepest that decides wins, as in git.
   */
  const decidingIgnore = (chain: FolderFacts['gitChain'], rel: string): string | undefined => {
    let verdict: { file: string; ignored: boolean } | undefined;
    for (const { gi, prefix } of chain) {
      const test = gi.ig.test(under(prefix, rel));
      if (test.ignored) verdict = { file: gi.file, ignored: true };
      else if (test.unignored) verdict = { file: gi.file, ignored: false };
    }
    return verdict?.ignored ? verdict.file : undefined;
  };

  /**
   * The .gitignore that ignores folder `name` of a folder with git facts `parent`: a folder above it, or
   * the folder itself (git: once a folder is ignored, nothing below it can be re-included).
   */
  const ignoredChild = (parent: GitFacts, name: string): string | undefined => parent.gitignoredFolder ?? decidingIgnore(parent.gitChain, `${name}/`);

  const gitFactsMemo = new Map<string, GitFacts>();
  /**
   * The .gitignore chain of `dir` (from its work tree's root down) and whether it or a folder above it is
   * ignored: its parent's facts and its own name, worked out once per folder.
   */
  const gitFactsOf = (dir: string): GitFacts => {
    let facts = gitFactsMemo.get(dir);
    if (facts) return facts;
    const root = options.noIgnore ? undefined : gitRoot(dir);
    const own = (): FolderFacts['gitChain'] => {
      const gi = gitignoreIn(dir);
      return gi ? [{ gi, prefix: '' }] : [];
    };
    if (!root) facts = { gitignoredFolder: undefined, gitChain: [] };
    else if (dir === root) facts = { gitignoredFolder: undefined, gitChain: own() };
    else {
      // below the root, the parent is in the same work tree
      const parent = gitFactsOf(path.dirname(dir));
      const name = path.basename(dir);
      facts = { gitignoredFolder: ignoredChild(parent, name), gitChain: [...parent.gitChain.map(({ gi, prefix }) => ({ gi, prefix: under(prefix, name) })), ...own()] };
    }
    gitFactsMemo.set(dir, facts);
    return facts;
  };

  const folderFacts = (dir: string, abs: string): FolderFacts => {
    let facts = factsOf.get(dir);
    if (facts) return facts;
    let ignoredFolder = false;
    let ignorePrefix: string | undefined;
    if (ignoreFile) {
      // a file inside an ignored folder (pattern "drafts/")
      for (let d = dir; d.length > ignoreFile.base.length && d.startsWith(ignoreFile.base); d = path.dirname(d)) {
        if (ignoredBy(ignoreFile, d, true)) {
          ignoredFolder = true;
          break;
        }
      }
      const rel = toPosix(path.relative(ignoreFile.base, dir));
      ignorePrefix = inside(rel) ? rel : undefined;
    }
    // the config of a letter is its folder's (the nearest config file upward, or the one given)
    const config = configFor(abs);
    const configPrefix = config ? configPrefixOf(config, dir) : '';
    const folderParts = configPrefix ? configPrefix.split('/') : [];
    const excludedFolder = (config?.exclude ?? []).map((raw) => {
      const m = matchers.get(raw.endsWith('/') ? raw.slice(0, -1) : raw);
      for (let i = 1; i <= folderParts.length; i++) if (m(folderParts.slice(0, i).join('/'))) return true;
      return false;
    });
    const include = config ? [...(config.include.length > 0 ? config.include : DEFAULT_INCLUDE), ...extraInclude] : [];
    facts = { ignoredFolder, ignorePrefix, ...gitFactsOf(dir), config, configPrefix, excludedFolder, include, includeMatchers: include.map((g) => matchers.get(g)) };
    factsOf.set(dir, facts);
    return facts;
  };

  /** The exclude pattern matching the file or one of its folders (below the config's folder). */
  const excludedBy = (config: LintConfig, facts: FolderFacts, rel: string): string | undefined => {
    for (const [k, raw] of config.exclude.entries()) {
      if (!raw.endsWith('/') && matchers.get(raw)(rel)) return raw;
      if (facts.excludedFolder[k]) return raw;
    }
    return undefined;
  };

  const where = (config: LintConfig) => (config.file ? path.relative(cwd, config.file) || config.file : 'the defaults');

  const explain = (absPath: string): Explanation => {
    const abs = path.resolve(cwd, absPath);
    const name = path.basename(abs);
    const facts = folderFacts(path.dirname(abs), abs);
    // what is shown only when the file is skipped
    const shown = () => path.relative(cwd, abs) || abs;
    if (ignoreFile && (facts.ignoredFolder || (facts.ignorePrefix !== undefined && ignoreFile.ig.ignores(under(facts.ignorePrefix, name))))) {
      return { selected: false, reason: 'ignored', message: `${shown()}: ignored by ${path.relative(cwd, ignoreFile.file) || ignoreFile.file}` };
    }
    const gi = facts.gitignoredFolder ?? decidingIgnore(facts.gitChain, name);
    if (gi) return { selected: false, reason: 'gitignored', message: `${shown()}: ignored by ${path.relative(cwd, gi) || gi}` };
    const { config } = facts;
    if (!config) return { selected: true };
    const rel = under(facts.configPrefix, name);
    const ex = excludedBy(config, facts, rel);
    if (ex !== undefined) return { selected: false, reason: 'excluded', message: `${shown()}: excluded by "${ex}" (exclude in ${where(config)})` };
    if (!facts.includeMatchers.some((m) => m(rel))) {
      const { include } = facts;
      const given = extraInclude.length > 0 ? `; ${extraInclude.join(', ')} from --ext` : '';
      return { selected: false, reason: 'not-included', message: `${shown()}: matches no include pattern (${include.slice(0, include.length - extraInclude.length).join(', ')} in ${where(config)}${given})` };
    }
    return { selected: true };
  };

  /** Folders skipped while walking: node_modules, .git, ignored folders, folders excluded by their config. */
  const skipFolder = (dir: string, name: string): boolean => {
    if (SKIPPED_FOLDERS.has(name)) return true;
    if (ignoreFile && ignoredBy(ignoreFile, dir, true)) return true;
    // the parent's work tree decides, also for a folder that is a work tree of its own
    if (!options.noIgnore && ignoredChild(gitFactsOf(path.dirname(dir)), name)) return true;
    return false;
  };

  type Entry = { full: string; name: string; kind: 'file' | 'dir' | 'other' };
  const classify = (dir: string, e: fs.Dirent): Entry => {
    const full = path.join(dir, e.name);
    if (e.isSymbolicLink()) {
      // a linked letter counts; linked folders are not followed (no cycles)
      try {
        return { full, name: e.name, kind: fs.statSync(full).isFile() ? 'file' : 'other' };
      } catch {
        return { full, name: e.name, kind: 'other' };
      }
    }
    return { full, name: e.name, kind: e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other' };
  };
  const byName = (a: fs.Dirent, b: fs.Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

  /** Walks `dir`; a folder that cannot be read is skipped, or handed to `unreadable` when given. */
  function* walkSync(dir: string, unreadable?: (dir: string, code: string) => void): Generator<string> {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      unreadable?.(dir, (e as NodeJS.ErrnoException).code ?? 'EIO');
      return;
    }
    entries.sort(byName);
    for (const e of entries.map((x) => classify(dir, x))) {
      if (e.kind === 'dir') {
        if (!skipFolder(e.full, e.name)) yield* walkSync(e.full, unreadable);
      } else if (e.kind === 'file' && explain(e.full).selected) yield e.full;
    }
  }

  async function* walk(dir: string): AsyncGenerator<string> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort(byName);
    for (const e of entries.map((x) => classify(dir, x))) {
      if (e.kind === 'dir') {
        if (!skipFolder(e.full, e.name)) yield* walk(e.full);
      } else if (e.kind === 'file' && explain(e.full).selected) yield e.full;
    }
  }

  const select = (args: string[]): Selection => {
    const files: string[] = [];
    const seen = new Set<string>();
    const skipped: Selection['skipped'] = [];
    const unmatched: Selection['unmatched'] = [];
    const missing: string[] = [];
    const unreadable: Selection['unreadable'] = [];
    const cannotRead = (dir: string, code: string) => {
      if (code === 'ENOENT' || code === 'ENOTDIR') return; // gone meanwhile, or a glob's base that is not there
      const shown = path.relative(cwd, dir) || dir;
      unreadable.push({ arg: shown, code, message: `${shown}: cannot read folder (${code})` });
    };
    const add = (f: string) => {
      if (seen.has(f)) return false;
      seen.add(f);
      files.push(f);
      return true;
    };
    for (const arg of args) {
      const abs = path.resolve(cwd, arg);
      let st: fs.Stats | undefined;
      try {
        st = fs.statSync(abs);
      } catch {
        st = undefined;
      }
      if (st?.isFile()) {
        const why = explain(abs);
        if (why.selected) add(abs);
        else if (!seen.has(abs)) skipped.push({ file: abs, reason: why.reason, message: why.message });
        continue;
      }
      if (st && !st.isDirectory()) {
        // a FIFO, device or socket: never opened (reading it could block or never end)
        const kind = st.isFIFO() ? 'a FIFO' : st.isCharacterDevice() ? 'a character device' : st.isBlockDevice() ? 'a block device' : st.isSocket() ? 'a socket' : 'not a file';
        unreadable.push({ arg, code: 'ENOTREG', message: `${arg}: not a regular file (${kind})` });
        continue;
      }
      if (st?.isDirectory()) {
        let n = 0;
        const before = unreadable.length;
        for (const f of walkSync(abs, cannotRead)) {
          add(f);
          n++;
        }
        if (n === 0 && unreadable.length === before) unmatched.push({ arg, message: `no letters found in "${arg}" (none matches the include patterns, or all are excluded or ignored)` });
        continue;
      }
      if (isGlob(arg)) {
        const pattern = toPosix(path.isAbsolute(arg) ? path.relative(cwd, arg) : arg).replace(/^\.\//, '');
        const scan = picomatch.scan(pattern);
        const base = path.resolve(cwd, scan.base || '.');
        const m = picomatch(pattern, { dot: true });
        let n = 0;
        for (const f of walkSync(base, cannotRead)) {
          if (m(toPosix(path.relative(cwd, f)))) {
            add(f);
            n++;
          }
        }
        if (n === 0) unmatched.push({ arg, message: `no letters match the pattern "${arg}"` });
        continue;
      }
      missing.push(arg);
    }
    return { files, skipped, unmatched, missing, unreadable };
  };

  return { explain, isSelected: (p) => explain(p).selected, walk, walkSync, select };
}
