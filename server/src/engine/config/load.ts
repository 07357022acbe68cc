import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import type { Document, Node as YamlNode } from 'yaml';
import { yamlLib } from '../lazy-yaml';
import { findAsset } from '../assets';
import { schemaValidator } from '../compiled/validators';
import { RULES_BY_ID } from '../rules';
import { levenshtein } from '../text/distance';
import { CONFIG_FILE_NAMES, ConfigProblem, defaultConfig, LintConfig, RuleSetting, SeveritySetting } from './types';

let schemaJson: { properties?: Record<string, unknown> } | undefined;

/** The config schema as JSON (its top-level keys for "did you mean"); read only when a config has an unknown key. */
function configSchema(): { properties?: Record<string, unknown> } {
  if (schemaJson) return schemaJson;
  const file = findAsset('schemas/imrlintrc.schema.json');
  if (!file) throw new Error('schemas/imrlintrc.schema.json not found next to the tool');
  schemaJson = JSON.parse(fs.readFileSync(file, 'utf8')) as { properties?: Record<string, unknown> };
  return schemaJson;
}

/** Nearest config file from `dir` upward, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  let d = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = path.join(d, name);
      if (fs.existsSync(p)) return p;
    }
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

/**
 * Reads and validates a config file. Problems (unreadable file, YAML/JSON syntax, schema violations)
 * name the file and line; the config is undefined when there is any.
 */
export function loadConfigText(text: string, file: string): { config?: LintConfig; problems: ConfigProblem[] } {
  const body = text.replace(/^\uFEFF/, '');
  if (file.endsWith('.json')) {
    const jsonProblem = strictJsonProblem(body, file);
    if (jsonProblem) return { problems: [jsonProblem] };
  }
  const { LineCounter, parseDocument } = yamlLib();
  const lc = new LineCounter();
  const doc = parseDocument(body, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  for (const e of doc.errors) {
    problems.push({ file, line: lc.linePos(e.pos[0]).line - 1, message: e.message.split('\n')[0] });
  }
  if (problems.length > 0) return { problems };
  const data: unknown = doc.toJS() ?? {};
  const validate = schemaValidator('imrlintrc');
  const lineOf = (segments: string[], key = false) => {
    const node = key ? keyNodeAt(doc, segments) : nodeAt(doc.contents as YamlNode | null, segments);
    return node?.range ? lc.linePos(node.range[0]).line - 1 : undefined;
  };
  if (!validate(data)) {
    const seen = new Set<string>();
    const errors = validate.errors ?? [];
    // a `oneOf` (severity | [severity, options] | {severity, options}) fails in every branch: keep the
    // errors of the branch that has the value's shape (a list or an object is not a misspelt severity)
    const deeper = (path: string) => errors.some((e) => e.instancePath.startsWith(`${path}/`) || (e.instancePath === path && !['enum', 'type', 'oneOf', 'propertyNames'].includes(e.keyword) && (e as { propertyName?: string }).propertyName === undefined));
    const relevant = errors.filter((e) => {
      if (e.keyword === 'oneOf') return false;
      if ((e as { propertyName?: string }).propertyName !== undefined) return true; // an unknown key (propertyNames)
      if (e.keyword !== 'enum' && e.keyword !== 'type') return true;
      const value = valueAt(data, e.instancePath);
      return !(typeof value === 'object' && value !== null && deeper(e.instancePath));
    });
    for (const err of relevant.length > 0 ? relevant : errors) {
      const segments = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      const propertyName = (err as { propertyName?: string }).propertyName;
      let problem: ConfigProblem;
      if (err.keyword === 'propertyNames') continue; // reported by its enum error (which names the key)
      if (propertyName !== undefined) {
        // an unknown rule id under rules:
        const allowed = ((err.params as { allowedValues?: string[] }).allowedValues ?? []).map(String);
        problem = { file, line: lineOf([...segments, propertyName], true), message: `${[...segments, propertyName].join('.')}: unknown rule "${propertyName}"${didYouMean(propertyName, allowed)}` };
      } else if (err.keyword === 'maxProperties' && segments.length === 3 && segments[0] === 'rules' && RULES_BY_ID.has(segments[1] ?? '') && ruleOptionNames(segments[1] ?? '').length === 0) {
        // options given to a rule that takes none
        const value = valueAt(data, err.instancePath);
        const first = value && typeof value === 'object' ? Object.keys(value)[0] ?? '' : '';
        problem = { file, line: lineOf([...segments, first], true), message: `rules.${segments[1] ?? ''}: unknown option "${first}" (the rule takes no options)` };
      } else if (err.keyword === 'additionalProperties' && segments.length === 3 && segments[0] === 'rules' && RULES_BY_ID.has(segments[1] ?? '')) {
        // an option the rule's optionsSchema does not declare (`[severity, options]` or `{options}`)
        const id = segments[1] ?? '';
        const extra = String((err.params as { additionalProperty?: string }).additionalProperty);
        const names = ruleOptionNames(id);
        const hint = names.length === 0 ? ' (the rule takes no options)' : didYouMean(extra, names) || ` (options: ${names.join(', ')})`;
        problem = { file, line: lineOf([...segments, extra], true), message: `rules.${id}: unknown option "${extra}"${hint}` };
      } else if (err.keyword === 'additionalProperties') {
        const extra = String((err.params as { additionalProperty?: string }).additionalProperty);
        const known = segments.length === 0 ? Object.keys(configSchema().properties ?? {}).filter((k) => k !== '$schema') : segments.length === 2 && segments[0] === 'rules' ? ['severity', 'options'] : [];
        const at = [...segments, extra];
        problem = { file, line: lineOf(at, true), message: `${at.join('.')}: unknown key "${extra}"${didYouMean(extra, known)}` };
      } else {
        const where = segments.length > 0 ? segments.join('.') : '(top level)';
        const values = ((err.params as { allowedValues?: unknown[] }).allowedValues ?? []).map(String);
        const value = valueAt(data, err.instancePath);
        const allowed = err.keyword === 'enum' ? ` (${values.join(', ')})${typeof value === 'string' ? didYouMean(value, values) : ''}` : '';
        problem = { file, line: lineOf(segments), message: `${where}: ${err.message ?? err.keyword}${allowed}` };
      }
      const k = `${problem.line}:${problem.message}`;
      if (!seen.has(k)) problems.push(problem);
      seen.add(k);
    }
    return { problems };
  }
  problems.push(...semanticProblems(data as RawConfig, file, lineOf));
  if (problems.length > 0) return { problems };
  return { config: toConfig(data as RawConfig, file), problems };
}

/** The value at a JSON pointer (ajv's instancePath). */
function valueAt(data: unknown, pointer: string): unknown {
  let cur = data;
  for (const seg of pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** " (did you mean "x"?)" for the nearest known name within a small edit distance, else "". */
export function didYouMean(name: string, known: string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = levenshtein(name.toLowerCase(), k.toLowerCase(), 3);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  if (best !== undefined && bestD <= limit) return ` (did you mean "${best}"?)`;
  // placeholders → placeholder: a known name contained in the unknown one, or the reverse
  const contained = known.find((k) => name.startsWith(k) || k.startsWith(name));
  return contained && Math.abs(contained.length - name.length) <= 3 ? ` (did you mean "${contained}"?)` : '';
}

/** The option names a rule's meta declares (its optionsSchema); the schema itself checks their values. */
function ruleOptionNames(id: string): string[] {
  const schema = RULES_BY_ID.get(id)?.meta.optionsSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.properties ?? {});
}

function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (e) {
    return `invalid regular expression ${JSON.stringify(pattern)}: ${(e instanceof Error ? e.message : String(e)).replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`;
  }
}

function globProblem(glob: string): string | undefined {
  try {
    picomatch.makeRe(glob, { strictBrackets: true });
    return undefined;
  } catch (e) {
    return `invalid glob ${JSON.stringify(glob)}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** What the schema cannot say: regular expressions and globs that do not compile, unknown rule options. */
function semanticProblems(raw: RawConfig, file: string, lineOf: (segments: string[], key?: boolean) => number | undefined): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const each = (key: 'include' | 'exclude' | 'placeholders', check: (s: string) => string | undefined) =>
    (raw[key] ?? []).forEach((v, i) => {
      const why = check(v);
      if (why) out.push({ file, line: lineOf([key, String(i)]), message: `${key}[${i}]: ${why}` });
    });
  each('include', globProblem);
  each('exclude', globProblem);
  each('placeholders', regexProblem);
  for (const [id, v] of Object.entries(raw.rules ?? {})) {
    const [options, at] = Array.isArray(v) ? [v[1], ['rules', id, '1']] : typeof v === 'object' && v !== null ? [v.options, ['rules', id, 'options']] : [undefined, []];
    if (!options) continue;
    // the schema has checked the options' names and types; what it cannot check is whether a pattern compiles
    for (const [name, value] of Object.entries(options)) {
      const where = [...at, name];
      if (id === 'placeholder' && name === 'patterns' && Array.isArray(value) && value.every((p) => typeof p === 'string')) {
        (value as string[]).forEach((p, i) => {
          const bad = regexProblem(p);
          if (bad) out.push({ file, line: lineOf([...where, String(i)]), message: `rules.${id}.${name}[${i}]: ${bad}` });
        });
      }
    }
  }
  return out;
}

/** The key node of the last segment (for "unknown key" problems). */
function keyNodeAt(doc: Document, segments: string[]): YamlNode | undefined {
  const parent = segments.length > 1 ? nodeAt(doc.contents as YamlNode | null, segments.slice(0, -1)) : (doc.contents as YamlNode | null) ?? undefined;
  const last = segments[segments.length - 1];
  if (parent && yamlLib().isMap(parent)) {
    const pair = parent.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === last);
    if (pair?.key) return pair.key as YamlNode;
  }
  return nodeAt(doc.contents as YamlNode | null, segments);
}

/** `.imrlintrc.json` is JSON, not YAML: a syntax error is reported with its line. */
function strictJsonProblem(text: string, file: string): ConfigProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length - 1 : undefined;
    return { file, line, message: message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '') };
  }
}

function nodeAt(node: YamlNode | null, segments: string[]): YamlNode | undefined {
  let cur: unknown = node;
  let last: YamlNode | undefined = node ?? undefined;
  for (const seg of segments) {
    if (yamlLib().isMap(cur)) {
      const pair = cur.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === seg);
      if (!pair) break;
      last = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
      cur = pair.value;
    } else if (yamlLib().isSeq(cur)) {
      const child = cur.items[Number(seg)];
      if (!child) break;
      last = child as YamlNode;
      cur = child;
    } else break;
  }
  return last;
}

interface RawConfig {
  rules?: Record<string, SeveritySetting | [SeveritySetting, Record<string, unknown>?] | { severity?: SeveritySetting; options?: Record<string, unknown> }>;
  index?: string[];
  include?: string[];
  exclude?: string[];
  placeholders?: string[];
  redact?: boolean;
  indexEvidence?: { consensusLetters?: number; trustConsensus?: boolean };
}

function toConfig(raw: RawConfig, file: string): LintConfig {
  const baseDir = path.dirname(path.resolve(file));
  const config = defaultConfig(baseDir);
  config.file = path.resolve(file);
  for (const [id, v] of Object.entries(raw.rules ?? {})) {
    let setting: RuleSetting;
    if (typeof v === 'string') setting = { severity: v, options: {} };
    else if (Array.isArray(v)) setting = { severity: v[0], options: v[1] ?? {} };
    else setting = { severity: v.severity, options: v.options ?? {} };
    config.rules[id] = setting;
  }
  config.index = (raw.index ?? []).map((p) => path.resolve(baseDir, p));
  if (raw.include) config.include = raw.include;
  if (raw.exclude) config.exclude = raw.exclude;
  // top-level `placeholders:` is shorthand for the placeholder rule's `patterns` option (the rule's own option wins)
  if (raw.placeholders) {
    const setting = config.rules.placeholder ?? { options: {} };
    if (setting.options.patterns === undefined) config.rules.placeholder = { ...setting, options: { ...setting.options, patterns: raw.placeholders } };
  }
  if (raw.redact !== undefined) config.redact = raw.redact;
  if (raw.indexEvidence) config.indexEvidence = { ...raw.indexEvidence };
  return config;
}

export function loadConfigFile(file: string): { config?: LintConfig; problems: ConfigProblem[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { problems: [{ file, message: `cannot read config file: ${(e as NodeJS.ErrnoException).code ?? String(e)}` }] };
  }
  if (text.includes('\u0000')) return { problems: [{ file, message: 'config file is not text (binary data)' }] };
  return loadConfigText(text, file);
}

export interface ConfigResolver {
  /** The config that applies to a letter (nearest config file upward, or `explicit`). */
  forFile(letterPath: string | undefined): { config?: LintConfig; problems: ConfigProblem[] };
}

/**
 * Resolves configuration per letter with a per-folder cache (the CLI lints thousands of letters;
 * the server creates a new resolver when a config file changes).
 */
export function createConfigResolver(options: { explicitFile?: string; cwd?: string } = {}): ConfigResolver {
  const byFile = new Map<string, { config?: LintConfig; problems: ConfigProblem[] }>();
  const byDir = new Map<string, string | undefined>();
  const load = (file: string) => {
    let r = byFile.get(file);
    if (!r) {
      r = loadConfigFile(file);
      byFile.set(file, r);
    }
    return r;
  };
  return {
    forFile(letterPath) {
      if (options.explicitFile) return load(path.resolve(options.explicitFile));
      const dir = letterPath ? path.dirname(path.resolve(letterPath)) : path.resolve(options.cwd ?? process.cwd());
      let found = byDir.get(dir);
      if (!byDir.has(dir)) {
        found = findConfigFile(dir);
        byDir.set(dir, found);
      }
      if (!found) return { config: defaultConfig(dir), problems: [] };
      return load(found);
    },
  };
}
