/**
 * Parses one MTUS index file (YAML) into guidelines, validating it against
 * schemas/mtus-index.schema.json. Every YAML or schema error becomes an IndexProblem with the file,
 * a zero-based line and a message "<path> <what is wrong>" (formatIndexProblem adds "<file>:<line>: "). Invalid guidelines or
 * topics are left out; the valid rest is returned. Never throws.
 */
import * as path from 'path';
import type { ErrorObject } from 'ajv';
import type { Document, LineCounter, Node, YAMLMap } from 'yaml';
import { yamlLib } from '../lazy-yaml';
import { schemaValidator } from '../compiled/validators';
import { IndexGuideline, IndexProblem, IndexTopic, PageSpan, TopicEvidence } from './types';
import { levenshtein } from '../text/distance';

/** Result of parsing one index file. */
export interface ParsedIndexFile {
  guidelines: IndexGuideline[];
  problems: IndexProblem[];
  /** The properties each guideline / topic object actually wrote (for merge: given fields replace). */
  given: WeakMap<object, ReadonlySet<string>>;
}

const GUIDELINE_FIELDS = [
  'id', 'title', 'year', 'regulation', 'names', 'defaultForName', 'chapter', 'chapters', 'pageSpan', 'pageCount',
  'alphabeticalTopics', 'numberedSections', 'verified', 'source', 'topics',
];
const TOPIC_FIELDS = ['name', 'aliases', 'number', 'part', 'pages', 'pagesComplete', 'alphabetical', 'description', 'verified', 'source', 'evidence'];
const EVIDENCE_FIELDS = ['pdf', 'page', 'letters', 'consensus'];

/**
 * A problem at a zero-based line of a file. The message does not repeat the location (consumers
 * print file and line); formatIndexProblem gives the "mtus-index.yaml:12: …" form.
 */
export function makeProblem(file: string, line: number | undefined, text: string): IndexProblem {
  return line === undefined ? { file, message: text } : { file, line, message: text };
}

/** "<file>:<line+1>: <message>" with the file's basename (or its path relative to `relativeTo`). */
export function formatIndexProblem(p: IndexProblem, relativeTo?: string): string {
  const name = relativeTo ? path.relative(relativeTo, p.file) || p.file : path.basename(p.file);
  return p.line === undefined ? `${name}: ${p.message}` : `${name}:${p.line + 1}: ${p.message}`;
}

type Seg = string | number;

function pathSegments(instancePath: string): Seg[] {
  if (!instancePath) return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function rawAt(root: unknown, segs: Seg[]): unknown {
  let cur: unknown = root;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

/** "cpmtg-2009.topics[3].pages[0]" (guideline shown by id when it has a valid one). */
function describePath(root: unknown, segs: Seg[]): string {
  let out = '';
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    if (typeof s === 'number') {
      if (i === 1 && segs[0] === 'guidelines') {
        const id = rawAt(root, ['guidelines', s, 'id']);
        if (typeof id === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
          out = id;
          continue;
        }
      }
      out += `[${s}]`;
    } else {
      out += out ? `.${s}` : s;
    }
  }
  return out || '(top level)';
}

function showValue(v: unknown): string {
  if (v === undefined || (typeof v === 'object' && v !== null)) return '';
  let s = JSON.stringify(v) ?? String(v);
  if (s.length > 48) s = s.slice(0, 45) + '…"';
  return ` ${s}`;
}

function lineOf(lc: LineCounter, node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const r = (node as Node).range;
    if (r) return lc.linePos(r[0]).line - 1;
  }
  return undefined;
}

/** Zero-based line of the node at `segs`, or of its nearest existing ancestor. */
function lineAt(doc: Document, lc: LineCounter, segs: Seg[], key?: string): number | undefined {
  const { isMap, isPair, isScalar } = yamlLib();
  for (let n = segs.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(segs.slice(0, n), true);
    if (key !== undefined && n === segs.length && isMap(node)) {
      const pair = (node as YAMLMap).items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key)) {
        const l = lineOf(lc, pair.key);
        if (l !== undefined) return l;
      }
    }
    const l = lineOf(lc, node);
    if (l !== undefined) return l;
  }
  return undefined;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping',
};

function nearest(word: string, options: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = levenshtein(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}


function patternHint(segs: Seg[], value: unknown): string {
  const last = [...segs].reverse().find((s) => typeof s === 'string');
  if (last === 'id') return 'must be kebab-case like "cpmtg-2009" (lowercase letters, digits, single hyphens)';
  if (last === 'number') return 'must be a section number like "3.3.6"';
  const dash = typeof value === 'string' && /[\u2010-\u2015\u2212]/.test(value) ? ' — use a plain hyphen "-", not a dash' : '';
  return `must be a page like "46" or a range like "98-99"${dash}`;
}

interface Located {
  segs: Seg[];
  line: number | undefined;
  text: string;
}

/** Turns ajv errors into one clear message per problem (anyOf/type noise folded). */
function explain(errors: ErrorObject[], root: unknown, doc: Document, lc: LineCounter): Located[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const out: Located[] = [];
  for (const [p, list] of byPath) {
    const segs = pathSegments(p);
    const value = rawAt(root, segs);
    const where = describePath(root, segs);
    const deeper = errors.some((e) => e.instancePath.startsWith(p + '/'));
    const specific = list.filter((e) => e.keyword !== 'type' && e.keyword !== 'anyOf');
    const types = list.filter((e) => e.keyword === 'type');
    if (specific.length === 0) {
      if (deeper || types.length === 0) continue;
      const want = [
        ...new Set(
          types.flatMap((e) => {
            const t = (e.params as { type: string | string[] }).type;
            return Array.isArray(t) ? t : [t];
          }),
        ),
      ].map((t) => TYPE_WORDS[t] ?? t);
      const wantText = want.length > 1 ? want.slice(0, -1).join(', ') + ' or ' + want[want.length - 1] : want[0];
      out.push({ segs, line: lineAt(doc, lc, segs), text: `${where}${showValue(value)} must be ${wantText}` });
      continue;
    }
    const seenDeps = new Set<string>();
    for (const e of specific) {
      let text: string;
      let key: string | undefined;
      switch (e.keyword) {
        case 'pattern':
          text = `${where}${showValue(value)} ${patternHint(segs, value)}`;
          break;
        case 'additionalProperties': {
          const extra = (e.params as { additionalProperty: string }).additionalProperty;
          key = extra;
          const allowed = segs.length === 0 ? ['version', 'guidelines'] : segs[segs.length - 1] === 'evidence' ? EVIDENCE_FIELDS : typeof segs[segs.length - 1] === 'number' && segs.includes('topics') ? TOPIC_FIELDS : GUIDELINE_FIELDS;
          const guess = nearest(extra, allowed);
          text = `${where}: unknown property "${extra}"${guess ? ` (did you mean "${guess}"?)` : ''}; allowed: ${allowed.join(', ')}`;
          break;
        }
        case 'required':
          text = `${where}: missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
          break;
        case 'dependencies': {
          const missing = (e.params as { missingProperty: string }).missingProperty;
          if (seenDeps.has(missing)) continue;
          seenDeps.add(missing);
          if (segs[segs.length - 1] === 'evidence') {
            text = `${where}: missing "${missing}" — evidence is {pdf, page} (the guideline PDF) and/or {letters, consensus} (a letter consensus)`;
            break;
          }
          text = `${where}: missing "${missing}" — a new guideline needs title, year and names (a correction of an existing id gives only id and the fields to change)`;
          break;
        }
        case 'const':
          text = segs.join('/') === 'version' ? `version${showValue(value)} is not supported; this format is version: 1` : `${where}${showValue(value)} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
          break;
        case 'minimum':
          text = segs.includes('pages') || segs.includes('pageSpan') ? `${where}${showValue(value)} must be a page number of at least 1` : `${where}${showValue(value)} ${e.message ?? 'is too small'}`;
          break;
        case 'minProperties':
          text = `${where} must give {pdf, page} and/or {letters, consensus}`;
          break;
        case 'minItems':
          text = `${where} must not be empty`;
          break;
        case 'minLength':
          text = `${where} must not be empty`;
          break;
        default:
          text = `${where}${showValue(value)} ${e.message ?? 'is invalid'}`;
      }
      out.push({ segs, line: lineAt(doc, lc, segs, key), text });
    }
  }
  out.sort((a, b) => (a.line ?? -1) - (b.line ?? -1));
  return out;
}

function parseSpan(v: unknown): PageSpan | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return { from: v, to: v };
  if (typeof v === 'string') {
    const m = /^(\d+)(?:-(\d+))?$/.exec(v);
    if (m) return { from: Number(m[1]), to: Number(m[2] ?? m[1]) };
  }
  return undefined;
}

function parsePages(v: unknown): PageSpan[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map(parseSpan).filter((s): s is PageSpan => s !== undefined);
}

type Raw = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const bool = (v: unknown, d: boolean): boolean => (typeof v === 'boolean' ? v : d);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function toTopic(raw: Raw, file: string, line: number): IndexTopic {
  const t: IndexTopic = {
    name: str(raw.name) ?? '',
    aliases: strs(raw.aliases),
    pages: parsePages(raw.pages),
    alphabetical: bool(raw.alphabetical, true),
    verified: bool(raw.verified, false),
    file,
    line,
  };
  if (!bool(raw.pagesComplete, true)) t.pagesComplete = false;
  const number = str(raw.number);
  if (number !== undefined) t.number = number;
  const part = str(raw.part);
  if (part !== undefined) t.part = part;
  const description = str(raw.description);
  if (description !== undefined) t.description = description;
  const source = str(raw.source);
  if (source !== undefined) t.source = source;
  const evidence = toEvidence(raw.evidence);
  if (evidence) t.evidence = evidence;
  return t;
}

function toEvidence(v: unknown): TopicEvidence | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const raw = v as Raw;
  const e: TopicEvidence = {};
  const pdf = str(raw.pdf);
  const page = num(raw.page);
  if (pdf !== undefined && page !== undefined) {
    e.pdf = pdf;
    e.page = page;
  }
  const letters = num(raw.letters);
  const consensus = parseSpan(raw.consensus);
  if (letters !== undefined && consensus) {
    e.letters = letters;
    e.consensus = consensus;
  }
  return Object.keys(e).length > 0 ? e : undefined;
}

function toGuideline(raw: Raw, topics: IndexTopic[], file: string, line: number): IndexGuideline {
  const partial = raw.title === undefined;
  const id = str(raw.id) ?? '';
  const g: IndexGuideline = {
    id,
    title: str(raw.title) ?? id,
    year: num(raw.year) ?? 0,
    names: strs(raw.names),
    defaultForName: bool(raw.defaultForName, false),
    alphabeticalTopics: bool(raw.alphabeticalTopics, false),
    numberedSections: bool(raw.numberedSections, false),
    topics,
    verified: bool(raw.verified, false),
    file,
    line,
  };
  const regulation = str(raw.regulation);
  if (regulation !== undefined) g.regulation = regulation;
  const chapter = num(raw.chapter);
  if (chapter !== undefined) g.chapter = chapter;
  if (Array.isArray(raw.chapters)) g.chapters = raw.chapters.filter((x): x is number => typeof x === 'number');
  const span = parseSpan(raw.pageSpan);
  if (span) g.pageSpan = span;
  const pageCount = num(raw.pageCount);
  if (pageCount !== undefined) g.pageCount = pageCount;
  const source = str(raw.source);
  if (source !== undefined) g.source = source;
  if (partial) g.partial = true;
  return g;
}

/** Zero-based line of the first NUL or other binary control byte, if the text looks binary. */
function binaryLine(text: string): number | undefined {
  const m = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/.exec(text.slice(0, 65536));
  if (!m) return undefined;
  let line = 0;
  for (let i = 0; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses and validates the text of one index file. Never throws. */
export function parseIndexText(text: string, file: string): ParsedIndexFile {
  const given = new WeakMap<object, ReadonlySet<string>>();
  const problems: IndexProblem[] = [];
  const none = (): ParsedIndexFile => ({ guidelines: [], problems, given });
  try {
    const bin = binaryLine(text);
    if (bin !== undefined) {
      problems.push(makeProblem(file, bin, 'not a text file (binary content); expected a YAML MTUS index'));
      return none();
    }
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const { LineCounter, parseDocument } = yamlLib();
    const lc = new LineCounter();
    const doc = parseDocument(body, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    for (const err of doc.errors) {
      const line = lc.linePos(err.pos[0]).line - 1;
      const msg = (err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      problems.push(makeProblem(file, line, `YAML syntax error: ${msg}`));
    }
    if (doc.errors.length) return none();
    const root: unknown = doc.toJS({ maxAliasCount: 1000 });
    if (root === null || root === undefined) {
      problems.push(makeProblem(file, 0, 'the file is empty; expected "version: 1" and a "guidelines:" list'));
      return none();
    }
    if (typeof root !== 'object' || Array.isArray(root)) {
      problems.push(makeProblem(file, lineAt(doc, lc, []) ?? 0, 'the file must be a mapping with "version: 1" and a "guidelines:" list'));
      return none();
    }
    const v = schemaValidator('mtus-index');
    const ok = v(root);
    const located = ok ? [] : explain(v.errors ?? [], root, doc, lc);
    for (const l of located) problems.push(makeProblem(file, l.line, l.text));
    const r = root as Raw;
    if (!Array.isArray(r.guidelines) || r.version !== 1) return none();

    // Entries with errors are left out: a topic error drops the topic, any other error its guideline.
    const badGuidelines = new Set<number>();
    const badTopics = new Set<string>();
    for (const l of located) {
      const s = l.segs;
      if (s[0] !== 'guidelines' || typeof s[1] !== 'number') continue;
      if (s[2] === 'topics' && typeof s[3] === 'number') badTopics.add(`${s[1]}/${s[3]}`);
      else badGuidelines.add(s[1]);
    }
    const guidelines: IndexGuideline[] = [];
    r.guidelines.forEach((rg: unknown, gi: number) => {
      if (badGuidelines.has(gi) || rg === null || typeof rg !== 'object') return;
      const raw = rg as Raw;
      const topics: IndexTopic[] = [];
      const rawTopics = Array.isArray(raw.topics) ? raw.topics : [];
      rawTopics.forEach((rt: unknown, ti: number) => {
        if (badTopics.has(`${gi}/${ti}`) || rt === null || typeof rt !== 'object') return;
        const t = toTopic(rt as Raw, file, lineAt(doc, lc, ['guidelines', gi, 'topics', ti]) ?? 0);
        given.set(t, new Set(Object.keys(rt as Raw)));
        topics.push(t);
      });
      const g = toGuideline(raw, topics, file, lineAt(doc, lc, ['guidelines', gi]) ?? 0);
      given.set(g, new Set(Object.keys(raw)));
      guidelines.push(g);
    });
    return { guidelines, problems, given };
  } catch (e) {
    problems.push(makeProblem(file, 0, `could not parse the index: ${e instanceof Error ? e.message : String(e)}`));
    return none();
  }
}
