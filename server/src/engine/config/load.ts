import Ajv, { ValidateFunction } from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isSeq, LineCounter, parseDocument, Node as YamlNode } from 'yaml';
import { findAsset } from '../assets';
import { CONFIG_FILE_NAMES, ConfigProblem, defaultConfig, LintConfig, RuleSetting, SeveritySetting } from './types';

let validateConfig: ValidateFunction | undefined;

function configValidator(): ValidateFunction {
  if (validateConfig) return validateConfig;
  const file = findAsset('schemas/imrlintrc.schema.json');
  if (!file) throw new Error('schemas/imrlintrc.schema.json not found next to the tool');
  const ajv = new Ajv({ allErrors: true, strict: false });
  validateConfig = ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
  return validateConfig;
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
  const lc = new LineCounter();
  const doc = parseDocument(body, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  for (const e of doc.errors) {
    problems.push({ file, line: lc.linePos(e.pos[0]).line - 1, message: e.message.split('\n')[0] });
  }
  if (problems.length > 0) return { problems };
  const data: unknown = doc.toJS() ?? {};
  const validate = configValidator();
  if (!validate(data)) {
    for (const err of validate.errors ?? []) {
      const segments = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      const node = nodeAt(doc.contents as YamlNode | null, segments);
      const line = node?.range ? lc.linePos(node.range[0]).line - 1 : undefined;
      const where = segments.length > 0 ? segments.join('.') : '(top level)';
      const extra = err.keyword === 'additionalProperties' ? ` "${String((err.params as { additionalProperty?: string }).additionalProperty)}"` : '';
      const allowed = err.keyword === 'enum' ? ` (${((err.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')})` : '';
      problems.push({ file, line, message: `${where}: ${err.message ?? err.keyword}${extra}${allowed}` });
    }
    return { problems };
  }
  return { config: toConfig(data as RawConfig, file), problems };
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
    if (isMap(cur)) {
      const pair = cur.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === seg);
      if (!pair) break;
      last = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
      cur = pair.value;
    } else if (isSeq(cur)) {
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
  if (raw.placeholders) config.placeholders = raw.placeholders;
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
