/**
 * Loading the MTUS index: the bundled server/data/mtus-index.yaml plus extra index files (settings,
 * `--index`), merged in order. Never throws: a missing, unreadable, binary or invalid file yields an
 * IndexProblem naming the file (and line), and everything else still loads.
 *
 * Parsed files and merged indexes are cached (keyed by path, size and mtime) and deeply frozen, so
 * repeated loads are cheap and lookups can cache by object identity.
 */
import * as fs from 'fs';
import * as path from 'path';
import { normalizeName } from './names';
import { IndexGuideline, IndexProblem, IndexTopic, MtusIndex } from './types';
import { makeProblem, parseIndexText, ParsedIndexFile } from './yaml-index';
import { compiledBundledIndex } from '../compiled/bundled-index';
import { FileReadError, READ_LIMITS, readTextChecked } from '../files/read-checked';

export { formatIndexProblem } from './yaml-index';

const BUNDLED_REL = path.join('server', 'data', 'mtus-index.yaml');
const BUNDLED_LABEL = 'bundled MTUS index';

let bundledFound: string | undefined;

/**
 * Absolute path of the bundled index: found by walking up from this module until
 * `server/data/mtus-index.yaml` exists (works from out/server/src/engine/mtus and from dist/), else
 * `data/mtus-index.yaml` next to an esbuild bundle (dist/data/ or dist/../data/).
 */
export function bundledIndexPath(): string {
  if (bundledFound) return bundledFound;
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, BUNDLED_REL);
    if (fs.existsSync(candidate)) return (bundledFound = candidate);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const nextToBundle: [string, string] = [path.join(__dirname, 'data', 'mtus-index.yaml'), path.join(__dirname, '..', 'data', 'mtus-index.yaml')];
  for (const c of nextToBundle) if (fs.existsSync(c)) return (bundledFound = c);
  return nextToBundle[0];
}

/** Parses the text of one index file: its guidelines (partial entries marked `partial`) and problems. */
export function loadIndexFromText(text: string, file: string): { guidelines: IndexGuideline[]; problems: IndexProblem[] } {
  const parsed = parseIndexText(text, file);
  return { guidelines: parsed.guidelines, problems: parsed.problems };
}

// ------------------------------------------------------------------ reading (cached)

interface FileEntry {
  stamp: string;
  parsed: ParsedIndexFile;
}
const fileCache = new Map<string, FileEntry>();
const cache = new Map<string, { index: MtusIndex; problems: IndexProblem[] }>();

/** A problem with the file as a whole (reported at line 0, the message names the file). */
/** A problem with the file as a whole (missing, unreadable): no line. */
function fileProblem(file: string, why: string): IndexProblem {
  return { file, message: `${why}: ${file}` };
}

function stampOf(file: string): { stamp?: string; problem?: IndexProblem } {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) return { problem: fileProblem(file, 'is a directory, not an MTUS index file') };
    if (!st.isFile()) return { problem: fileProblem(file, 'not a regular file, not an MTUS index file') };
    if (st.size > READ_LIMITS.index) return { problem: fileProblem(file, `larger than ${READ_LIMITS.index / 1024 / 1024} MB, not an MTUS index file`) };
    return { stamp: `${st.size}:${st.mtimeMs}` };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? String(e)})`;
    return { problem: fileProblem(file, why) };
  }
}

/** Reads and parses an index file, using the cache when the file is unchanged. */
function readParsed(file: string): ParsedIndexFile {
  const { stamp, problem } = stampOf(file);
  if (problem || stamp === undefined) {
    fileCache.delete(file);
    return { guidelines: [], problems: problem ? [problem] : [], given: new WeakMap() };
  }
  const hit = fileCache.get(file);
  if (hit && hit.stamp === stamp) return hit.parsed;
  let parsed: ParsedIndexFile;
  try {
    const text = readTextChecked(file, READ_LIMITS.index).text;
    // the bundled index as compiled at build time, when it was made from this text; else parse the YAML
    parsed = (file === bundledIndexPath() ? compiledBundledIndex(text, file) : undefined) ?? parseIndexText(text, file);
    for (const g of parsed.guidelines) deepFreeze(g);
  } catch (e) {
    const why = e instanceof FileReadError ? e.detail : `cannot read file (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
    parsed = { guidelines: [], problems: [fileProblem(file, why)], given: new WeakMap() };
  }
  fileCache.set(file, { stamp, parsed });
  return parsed;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
  }
  return o;
}

// ------------------------------------------------------------------ merging

const GUIDELINE_OVERRIDES = [
  'title', 'year', 'regulation', 'names', 'defaultForName', 'chapter', 'chapters', 'pageSpan', 'pageCount',
  'alphabeticalTopics', 'numberedSections', 'verified', 'source',
] as const;
const TOPIC_OVERRIDES = ['aliases', 'number', 'part', 'pages', 'pagesComplete', 'alphabetical', 'description', 'verified', 'source', 'evidence'] as const;

function mergeTopic(old: IndexTopic, upd: IndexTopic, given: ReadonlySet<string>): IndexTopic {
  const t: IndexTopic = { ...old, file: upd.file, line: upd.line };
  const tw = t as unknown as Record<string, unknown>;
  const uw = upd as unknown as Record<string, unknown>;
  for (const k of TOPIC_OVERRIDES) if (given.has(k)) tw[k] = uw[k];
  return t;
}

/**
 * Merges the guidelines of one parsed file onto `base` (not modified): a new id is added; an existing
 * id gets the guideline fields the entry gives and its topics merged by name (case-insensitive) —
 * a topic with the same name replaces the fields it gives, other names are added. A partial entry
 * for an unknown id is reported in `problems`.
 */
export function mergeParsed(base: readonly IndexGuideline[], parsed: ParsedIndexFile, problems: IndexProblem[]): IndexGuideline[] {
  const out = [...base];
  for (const entry of parsed.guidelines) {
    const at = out.findIndex((g) => g.id === entry.id);
    if (at < 0) {
      if (entry.partial) {
        problems.push(
          makeProblem(entry.file, entry.line, `guideline "${entry.id}" is not in the index loaded so far; a new guideline needs title, year and names (known ids: ${out.map((g) => g.id).join(', ') || 'none'})`),
        );
        continue;
      }
      const { partial: _p, ...full } = entry;
      void _p;
      out.push(deepFreeze({ ...full, topics: [...entry.topics] }));
      continue;
    }
    const old = out[at]!; // findIndex found it
    const given = parsed.given.get(entry) ?? new Set<string>();
    const g: IndexGuideline = { ...old, topics: [...old.topics] };
    const gw = g as unknown as Record<string, unknown>;
    const ew = entry as unknown as Record<string, unknown>;
    for (const k of GUIDELINE_OVERRIDES) if (given.has(k)) gw[k] = ew[k];
    delete g.partial;
    for (const t of entry.topics) {
      const key = normalizeName(t.name);
      const ti = g.topics.findIndex((x) => normalizeName(x.name) === key);
      if (ti >= 0) g.topics[ti] = mergeTopic(g.topics[ti]!, t, parsed.given.get(t) ?? new Set<string>());
      else g.topics.push(t);
    }
    out[at] = deepFreeze(g);
  }
  return out;
}

// ------------------------------------------------------------------ public loader

/**
 * Loads the bundled index (unless options.bundled is false) and merges the extra files in order.
 * Relative extra paths are resolved against the current directory. Cached: the same inputs (and
 * unchanged files) return the same frozen MtusIndex object.
 */
export function loadIndex(extraFiles: string[], options?: { bundled?: boolean }): { index: MtusIndex; problems: IndexProblem[] } {
  const useBundled = options?.bundled !== false;
  const files = [...(useBundled ? [bundledIndexPath()] : []), ...extraFiles.map((f) => path.resolve(f))];
  const stamps = files.map((f) => `${f}\u0000${stampOf(f).stamp ?? 'missing'}`);
  const key = `${useBundled}\u0001${stamps.join('\u0001')}`;
  const hit = cache.get(key);
  if (hit) return { index: hit.index, problems: [...hit.problems] };

  const problems: IndexProblem[] = [];
  let guidelines: IndexGuideline[] = [];
  const loaded: string[] = [];
  const labels: string[] = [];
  files.forEach((file, i) => {
    const isBundled = useBundled && i === 0;
    try {
      const parsed = readParsed(file);
      for (const p of parsed.problems) problems.push(p);
      // The bundled file is the base (a partial entry there is reported as an unknown id).
      guidelines = mergeParsed(isBundled ? [] : guidelines, parsed, problems);
      if (parsed.guidelines.length > 0) {
        loaded.push(file);
        labels.push(isBundled ? BUNDLED_LABEL : path.basename(file));
      }
    } catch (e) {
      problems.push(fileProblem(file, `could not load: ${e instanceof Error ? e.message : String(e)}`));
    }
  });
  const index: MtusIndex = deepFreeze({
    label: labels.length ? labels.join(' + ') : 'no MTUS index loaded',
    files: loaded,
    guidelines,
  });
  if (cache.size > 32) cache.clear();
  cache.set(key, { index, problems: [...problems] });
  return { index, problems };
}

/** Drops all cached files and indexes (tests, or after files were rewritten within the same mtime). */
export function clearIndexCache(): void {
  cache.clear();
  fileCache.clear();
}
