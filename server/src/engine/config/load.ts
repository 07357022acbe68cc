import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { globTooComplex } from '../files/glob-limits';
import { unsafePatternReason } from '../text/safe-regex';
import type { Document, Node as YamlNode } from 'yaml';
import { yamlLib } from '../lazy-yaml';
import { findAsset } from '../assets';
import { FileReadError, READ_LIMITS, readTextChecked } from '../files/read-checked';
import { schemaValidator } from '../compiled/validators';
import { RULES_BY_ID } from '../rules';
import { placeholderRegExp } from '../rules/placeholder';
import { levenshtein } from '../text/distance';
import { pushAll } from '../text/arrays';
import { CONFIG_FILE_NAMES, ConfigProblem, defaultConfig, IgnoredConfigEntry, LintConfig, RuleSetting, SeveritySetting, UNTRUSTED_IGNORED_KEYS } from './types';

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

export interface ConfigLoadOptions {
  /**
   * false in an untrusted (restricted) workspace: the entries of UNTRUSTED_IGNORED_KEYS and every rule's
   * options are dropped before anything else looks at them (never read, compiled or validated) and
   * listed in `ignored`. Default true (the CLI, a trusted workspace).
   */
  trusted?: boolean;
}

export interface ConfigLoadResult {
  /** The config; undefined when there is any problem. */
  config?: LintConfig;
  problems: ConfigProblem[];
  /** Entries ignored because the workspace is not trusted (only with `trusted: false`). */
  ignored?: IgnoredConfigEntry[];
}

/** Most uses of YAML aliases (`*name`) a config may make when it is turned into values (billion laughs). */
const MAX_ALIAS_COUNT = 100;

/**
 * Reads and validates a config file. Problems (unreadable file, YAML/JSON syntax, schema violations,
 * patterns that do not compile, aliases that expand too much) name the file, line and column; the config
 * is undefined when there is any. Never throws: anything unexpected is a problem naming the file.
 */
export function loadConfigText(text: string, file: string, opts: ConfigLoadOptions = {}): ConfigLoadResult {
  try {
    return loadConfig(text, file, opts);
  } catch (e) {
    return { problems: [{ file, message: `cannot load the configuration: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

function loadConfig(text: string, file: string, opts: ConfigLoadOptions): ConfigLoadResult {
  const body = text.replace(/^\uFEFF/, '');
  if (file.endsWith('.json')) {
    const jsonProblem = strictJsonProblem(body, file);
    if (jsonProblem) return { problems: [jsonProblem] };
  }
  const { LineCounter, parseDocument } = yamlLib();
  const lc = new LineCounter();
  // logLevel 'error': the yaml package's warnings (a collection used as a key) must not reach stderr
  const doc = parseDocument(body, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const problems: ConfigProblem[] = [];
  const span = (start: number, end: number): Pick<ConfigProblem, 'line' | 'column' | 'endLine' | 'endColumn'> => {
    const s = lc.linePos(start);
    const e = lc.linePos(Math.max(start, end));
    return { line: s.line - 1, column: s.col - 1, endLine: e.line - 1, endColumn: e.col - 1 };
  };
  for (const e of doc.errors) {
    problems.push({ file, ...span(e.pos[0], e.pos[1]), message: e.message.split('\n')[0] ?? '' });
  }
  if (problems.length > 0) return { problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (e) {
    // the yaml package refuses aliases that expand too much ("Excessive alias count …")
    let alias: YamlNode | undefined;
    const { visit } = yamlLib();
    visit(doc, {
      Alias(_, node) {
        alias = node;
        return visit.BREAK;
      },
    });
    const why = alias ? `YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} uses of *aliases): write the values out` : `cannot read the YAML: ${e instanceof Error ? e.message : String(e)}`;
    return { problems: [{ file, ...(alias?.range ? span(alias.range[0], alias.range[1]) : {}), message: why }] };
  }
  const posOf = (segments: string[], key = false): Pick<ConfigProblem, 'line' | 'column' | 'endLine' | 'endColumn'> => {
    const node = key ? keyNodeAt(doc, segments) : nodeAt(doc.contents as YamlNode | null, segments);
    return node?.range ? span(node.range[0], node.range[1]) : {};
  };
  const lineOf = (segments: string[], key = false) => posOf(segments, key).line;
  const ignored = opts.trusted === false ? dropUntrusted(data, file, lineOf) : undefined;
  const validate = schemaValidator('imrlintrc');
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
        problem = { file, ...posOf([...segments, propertyName], true), message: `${[...segments, propertyName].join('.')}: unknown rule "${propertyName}"${didYouMean(propertyName, allowed)}` };
      } else if (err.keyword === 'maxProperties' && segments.length === 3 && segments[0] === 'rules' && RULES_BY_ID.has(segments[1] ?? '') && ruleOptionNames(segments[1] ?? '').length === 0) {
        // options given to a rule that takes none
        const value = valueAt(data, err.instancePath);
        const first = value && typeof value === 'object' ? Object.keys(value)[0] ?? '' : '';
        problem = { file, ...posOf([...segments, first], true), message: `rules.${segments[1] ?? ''}: unknown option "${first}" (the rule takes no options)` };
      } else if (err.keyword === 'additionalProperties' && segments.length === 3 && segments[0] === 'rules' && RULES_BY_ID.has(segments[1] ?? '')) {
        // an option the rule's optionsSchema does not declare (`[severity, options]` or `{options}`)
        const id = segments[1] ?? '';
        const extra = String((err.params as { additionalProperty?: string }).additionalProperty);
        const names = ruleOptionNames(id);
        const hint = names.length === 0 ? ' (the rule takes no options)' : didYouMean(extra, names) || ` (options: ${names.join(', ')})`;
        problem = { file, ...posOf([...segments, extra], true), message: `rules.${id}: unknown option "${extra}"${hint}` };
      } else if (err.keyword === 'additionalProperties') {
        const extra = String((err.params as { additionalProperty?: string }).additionalProperty);
        const known = segments.length === 0 ? Object.keys(configSchema().properties ?? {}).filter((k) => k !== '$schema') : segments.length === 2 && segments[0] === 'rules' ? ['severity', 'options'] : [];
        const at = [...segments, extra];
        problem = { file, ...posOf(at, true), message: `${at.join('.')}: unknown key "${extra}"${didYouMean(extra, known)}` };
      } else {
        const where = segments.length > 0 ? segments.join('.') : '(top level)';
        const values = ((err.params as { allowedValues?: unknown[] }).allowedValues ?? []).map(String);
        const value = valueAt(data, err.instancePath);
        const allowed = err.keyword === 'enum' ? ` (${values.join(', ')})${typeof value === 'string' ? didYouMean(value, values) : ''}` : '';
        problem = { file, ...posOf(segments), message: `${where}: ${err.message ?? err.keyword}${allowed}` };
      }
      const k = `${problem.line}:${problem.message}`;
      if (!seen.has(k)) problems.push(problem);
      seen.add(k);
    }
    return { problems, ignored };
  }
  pushAll(problems, semanticProblems(data as RawConfig, file, posOf));
  if (problems.length > 0) return { problems, ignored };
  return { config: toConfig(data as RawConfig, file), problems, ignored };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * An untrusted workspace: removes UNTRUSTED_IGNORED_KEYS and every rule's options from the parsed
 * config (the severities stay) and lists what was there.
 */
function dropUntrusted(data: unknown, file: string, lineOf: (segments: string[], key?: boolean) => number | undefined): IgnoredConfigEntry[] {
  const ignored: IgnoredConfigEntry[] = [];
  if (!isPlainObject(data)) return ignored;
  for (const key of UNTRUSTED_IGNORED_KEYS) {
    if (!Object.prototype.hasOwnProperty.call(data, key)) continue;
    ignored.push({ file, key, line: lineOf([key], true) });
    delete data[key];
  }
  const rules = data.rules;
  if (isPlainObject(rules)) {
    for (const [id, v] of Object.entries(rules)) {
      if (Array.isArray(v) && v.length > 1) {
        ignored.push({ file, key: `rules.${id}`, line: lineOf(['rules', id, '1']) });
        rules[id] = [v[0]];
      } else if (isPlainObject(v) && Object.prototype.hasOwnProperty.call(v, 'options')) {
        ignored.push({ file, key: `rules.${id}`, line: lineOf(['rules', id, 'options'], true) });
        const rest = { ...v };
        delete rest.options;
        rules[id] = rest;
      }
    }
  }
  return ignored;
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

/** A pattern longer than this is named by its start in messages. */
const QUOTED_MAX = 60;
const quoted = (s: string): string => JSON.stringify(s.length > QUOTED_MAX ? `${s.slice(0, QUOTED_MAX)}…` : s);

function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
  } catch (e) {
    return `invalid regular expression ${quoted(pattern)}: ${(e instanceof Error ? e.message : String(e)).replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`;
  }
  // a pattern that can backtrack more than linearly would let one line of a letter stall the linter
  const unsafe = unsafePatternReason(pattern);
  return unsafe ? `unsafe regular expression ${quoted(pattern)}: ${unsafe} (docs/maintainers.md, "Safe patterns")` : undefined;
}

function globProblem(glob: string): string | undefined {
  const complex = globTooComplex(glob);
  if (complex) return `glob too complex ${quoted(glob)}: ${complex}`;
  try {
    picomatch.makeRe(glob, { strictBrackets: true });
    return undefined;
  } catch (e) {
    return `invalid glob ${quoted(glob)}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** What the schema cannot say: regular expressions and globs that do not compile, unknown rule options. */
function semanticProblems(raw: RawConfig, file: string, posOf: (segments: string[], key?: boolean) => Pick<ConfigProblem, 'line' | 'column' | 'endLine' | 'endColumn'>): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const each = (key: 'include' | 'exclude' | 'placeholders', check: (s: string) => string | undefined) =>
    (raw[key] ?? []).forEach((v, i) => {
      const why = check(v);
      if (why) out.push({ file, ...posOf([key, String(i)]), message: `${key}[${i}]: ${why}` });
    });
  each('include', globProblem);
  each('exclude', globProblem);
  each('placeholders', regexProblem);
  // each pattern compiles; the rule runs them as one expression, which must compile too (a capture
  // group name used twice does not)
  const together = (patterns: string[], at: string[], where: string) => {
    if (out.length > 0) return;
    if (patterns.length === 0) {
      // joined, no pattern is the empty expression: every header value would count as unfilled
      out.push({ file, ...posOf(at), message: `${where}: an empty list (to stop reporting placeholders, set the rule \`placeholder: off\`)` });
      return;
    }
    if (patterns.length < 2) return;
    try {
      placeholderRegExp(patterns);
    } catch (e) {
      const why = (e instanceof Error ? e.message : String(e)).replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
      out.push({ file, ...posOf(at), message: `${where}: the patterns do not compile together: ${why}` });
    }
  };
  for (const [id, v] of Object.entries(raw.rules ?? {})) {
    const [options, at] = Array.isArray(v) ? [v[1], ['rules', id, '1']] : typeof v === 'object' && v !== null ? [v.options, ['rules', id, 'options']] : [undefined, []];
    if (!options) continue;
    // the schema has checked the options' names and types; what it cannot check is whether a pattern compiles
    for (const [name, value] of Object.entries(options)) {
      const where = [...at, name];
      if (id === 'placeholder' && name === 'patterns' && Array.isArray(value) && value.every((p) => typeof p === 'string')) {
        (value as string[]).forEach((p, i) => {
          const bad = regexProblem(p);
          if (bad) out.push({ file, ...posOf([...where, String(i)]), message: `rules.${id}.${name}[${i}]: ${bad}` });
        });
        together(value as string[], where, `rules.${id}.${name}`);
      }
    }
  }
  if (raw.placeholders) together(raw.placeholders, ['placeholders'], 'placeholders');
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

export function loadConfigFile(file: string, opts: ConfigLoadOptions = {}): ConfigLoadResult {
  let text: string;
  try {
    text = readTextChecked(file, READ_LIMITS.config).text;
  } catch (e) {
    const why = e instanceof FileReadError ? (e.detail.startsWith('cannot read') ? e.code : e.detail) : String(e);
    return { problems: [{ file, message: `cannot read config file: ${why}` }] };
  }
  if (text.includes('\u0000')) return { problems: [{ file, message: 'config file is not text (binary data)' }] };
  return loadConfigText(text, file, opts);
}

export interface ConfigResolver {
  /** The config that applies to a letter (nearest config file upward, or `explicit`). */
  forFile(letterPath: string | undefined): ConfigLoadResult;
  /** false: configs are loaded as in an untrusted workspace (ConfigLoadOptions.trusted); setup then ignores extra index files too. */
  readonly trusted: boolean;
}

/**
 * Resolves configuration per letter with a per-folder cache (the CLI lints thousands of letters;
 * the server creates a new resolver when a config file changes).
 */
export function createConfigResolver(options: { explicitFile?: string; cwd?: string; trusted?: boolean } = {}): ConfigResolver {
  const trusted = options.trusted !== false;
  const byFile = new Map<string, ConfigLoadResult>();
  const byDir = new Map<string, string | undefined>();
  const load = (file: string) => {
    let r = byFile.get(file);
    if (!r) {
      r = loadConfigFile(file, { trusted });
      byFile.set(file, r);
    }
    return r;
  };
  return {
    trusted,
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
