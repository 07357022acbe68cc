/**
 * Consistency check of an MTUS index (`imr index check FILE`): schema problems from the loader plus
 * duplicate ids, duplicate topic names/aliases, malformed or out-of-range page spans, numbered
 * section structure, and the alphabetical page order of alphabetical guidelines.
 */
import { pushAll } from '../text/arrays';
import * as path from 'path';
import { loadIndex, mergeParsed } from './load';
import { normalizeName, stripParenthesized } from './names';
import { formatPages } from './pages';
import { IndexGuideline, IndexProblem, IndexTopic, MtusIndex, PageSpan } from './types';
import { makeProblem, parseIndexText } from './yaml-index';

/** The contents of an index file to check. */
export interface IndexSource {
  text: string;
  file: string;
}

function isSource(x: MtusIndex | IndexSource): x is IndexSource {
  return typeof (x as IndexSource).text === 'string';
}

const fmt = (s: PageSpan): string => formatPages([s]);
const pagesWord = (spans: readonly PageSpan[]): string => {
  const [only] = spans;
  return spans.length === 1 && only !== undefined && only.from === only.to ? 'page' : 'pages';
};

/** Key for the alphabetical order: normalized, parenthesized parts and punctuation ignored. */
export function alphabeticalKey(name: string): string {
  return stripParenthesized(normalizeName(name))
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Checks an index (already loaded) or the text of one index file. For a file whose entries are
 * all complete guidelines the file is checked on its own; a file with correction entries
 * (`{id, topics}`) is merged onto `options.base` (default: the bundled index) and only problems of
 * its own entries are reported.
 */
export function checkIndex(input: MtusIndex | IndexSource, options?: { base?: MtusIndex }): IndexProblem[] {
  if (!isSource(input)) {
    return [...duplicateIds(input.guidelines), ...input.guidelines.flatMap((g) => checkGuideline(g))];
  }
  const file = path.resolve(input.file);
  const parsed = parseIndexText(input.text, file);
  const problems = [...parsed.problems];
  pushAll(problems, duplicateIds(parsed.guidelines));
  if (!parsed.guidelines.some((g) => g.partial)) {
    for (const g of parsed.guidelines) pushAll(problems, checkGuideline(g));
    return problems;
  }
  // Corrections file: check what the merge produces, report only this file's entries.
  for (const g of parsed.guidelines) pushAll(problems, duplicateTopicNamesInEntry(g));
  const base = options?.base ?? loadIndex([]).index;
  const merged = mergeParsed(base.guidelines, parsed, problems);
  const touched = new Set(parsed.guidelines.map((g) => g.id));
  for (const g of merged) if (touched.has(g.id)) pushAll(problems, checkGuideline(g, file));
  return problems;
}

function duplicateIds(guidelines: readonly IndexGuideline[]): IndexProblem[] {
  const seen = new Map<string, IndexGuideline>();
  const out: IndexProblem[] = [];
  for (const g of guidelines) {
    const first = seen.get(g.id);
    if (first && !g.partial) {
      out.push(makeProblem(g.file, g.line, `duplicate guideline id "${g.id}" (first defined ${where(first, g.file)})`));
    } else if (!first) seen.set(g.id, g);
  }
  return out;
}

function duplicateTopicNamesInEntry(g: IndexGuideline): IndexProblem[] {
  const seen = new Map<string, IndexTopic>();
  const out: IndexProblem[] = [];
  for (const t of g.topics) {
    const k = normalizeName(t.name);
    const first = seen.get(k);
    if (first) out.push(makeProblem(t.file, t.line, `topic "${t.name}" appears twice in the entry for ${g.id} (first at line ${first.line + 1})`));
    else seen.set(k, t);
  }
  return out;
}

function where(x: { file: string; line: number }, relativeTo: string): string {
  return x.file === relativeTo ? `at line ${x.line + 1}` : `in ${path.basename(x.file)}:${x.line + 1}`;
}

/**
 * Consistency problems of one guideline. With `onlyFile`, only problems located in that file are
 * returned (topic problems by the topic's file, guideline problems by the guideline's file).
 */
export function checkGuideline(g: IndexGuideline, onlyFile?: string): IndexProblem[] {
  const out: IndexProblem[] = [];
  const topicProblem = (t: IndexTopic, text: string): void => {
    if (!onlyFile || t.file === onlyFile) out.push(makeProblem(t.file, t.line, text));
  };
  const guidelineProblem = (text: string): void => {
    if (!onlyFile || g.file === onlyFile) out.push(makeProblem(g.file, g.line, text));
  };

  // guideline-level spans
  if (g.pageSpan) {
    if (g.pageSpan.from < 1 || g.pageSpan.from > g.pageSpan.to) guidelineProblem(`${g.id}: pageSpan "${g.pageSpan.from}-${g.pageSpan.to}" is not a valid range (first page must be at least 1 and not after the last)`);
    else if (g.pageCount !== undefined && g.pageSpan.to - g.pageSpan.from + 1 > g.pageCount) {
      guidelineProblem(`${g.id}: pageSpan ${fmt(g.pageSpan)} covers ${g.pageSpan.to - g.pageSpan.from + 1} pages but pageCount is ${g.pageCount}`);
    }
  }

  // duplicate names / aliases (normalized)
  const owner = new Map<string, { topic: IndexTopic; asName: boolean }>();
  for (const t of g.topics) {
    const n = normalizeName(t.name);
    const prev = owner.get(n);
    if (prev) topicProblem(t, `duplicate topic name "${t.name}" in ${g.id}: already ${prev.asName ? 'the name' : 'an alias'} of "${prev.topic.name}" (${where(prev.topic, t.file)})`);
    else owner.set(n, { topic: t, asName: true });
  }
  for (const t of g.topics) {
    const own = new Set<string>([normalizeName(t.name)]);
    for (const a of t.aliases) {
      const n = normalizeName(a);
      if (own.has(n)) {
        topicProblem(t, `alias "${a}" of "${t.name}" in ${g.id} repeats its name or another of its aliases`);
        continue;
      }
      own.add(n);
      const prev = owner.get(n);
      if (prev && prev.topic !== t) {
        topicProblem(t, `duplicate alias "${a}" of "${t.name}" in ${g.id}: already ${prev.asName ? 'the name' : 'an alias'} of "${prev.topic.name}" (${where(prev.topic, t.file)})`);
      } else if (!prev) owner.set(n, { topic: t, asName: false });
    }
  }

  // page spans
  for (const t of g.topics) {
    for (const s of t.pages) {
      if (s.from < 1 || s.from > s.to) {
        topicProblem(t, `topic "${t.name}" in ${g.id}: page range "${s.from}-${s.to}" is malformed (pages start at 1 and a range must not run backwards)`);
        continue;
      }
      if (g.pageSpan && g.pageSpan.from <= g.pageSpan.to && (s.from < g.pageSpan.from || s.to > g.pageSpan.to)) {
        topicProblem(t, `topic "${t.name}" in ${g.id}: ${pagesWord([s])} ${fmt(s)} outside the guideline's pages ${fmt(g.pageSpan)}`);
      } else if (!g.pageSpan && g.pageCount !== undefined && s.to > g.pageCount) {
        topicProblem(t, `topic "${t.name}" in ${g.id}: ${pagesWord([s])} ${fmt(s)} beyond the guideline's ${g.pageCount} pages`);
      }
    }
  }

  // evidence
  for (const t of g.topics) for (const text of evidenceProblems(t)) topicProblem(t, `topic "${t.name}" in ${g.id}: ${text}`);

  // numbered sections
  const numbers = new Map<string, IndexTopic>();
  for (const t of g.topics) {
    if (t.number === undefined) continue;
    if (!g.numberedSections) {
      topicProblem(t, `topic "${t.name}" has section number ${t.number} but ${g.id} is not numberedSections`);
      continue;
    }
    if (!/^\d+(\.\d+)*$/.test(t.number)) {
      topicProblem(t, `topic "${t.name}": section number "${t.number}" is malformed (expected digits separated by dots, like 3.3.6)`);
      continue;
    }
    const prev = numbers.get(t.number);
    if (prev) topicProblem(t, `duplicate section number ${t.number} in ${g.id}: already "${prev.name}" (${where(prev, t.file)})`);
    else numbers.set(t.number, t);
    if (!t.part) topicProblem(t, `numbered section ${t.number} "${t.name}" has no part title (letters cite "<number> <part>: <title>")`);
  }
  for (const [num, t] of numbers) {
    const parent = num.split('.').slice(0, -1).join('.');
    if (parent && !numbers.has(parent)) topicProblem(t, `section ${num} "${t.name}" has no parent section ${parent} in ${g.id}`);
  }

  if (g.alphabeticalTopics) for (const p of alphabeticalProblems(g)) topicProblem(p.topic, p.text);
  return out;
}

/** Evidence that does not back the entry: a PDF page or consensus outside its pages, a consensus claimed as verification. */
function evidenceProblems(t: IndexTopic): string[] {
  const e = t.evidence;
  if (!e) return [];
  const out: string[] = [];
  const inside = (from: number, to: number): boolean => t.pages.some((s) => s.from <= from && to <= s.to);
  if (e.page !== undefined) {
    if (t.pages.length === 0) out.push(`evidence names PDF page ${e.page} but the topic has no pages`);
    else if (!inside(e.page, e.page)) out.push(`evidence PDF page ${e.page} is not within the topic's ${pagesWord(t.pages)} ${formatPages(t.pages)}`);
    if (!t.verified) out.push(`evidence names PDF page ${e.page} but the entry is not verified: true (a topic the PDF confirms is verified)`);
  }
  if (e.consensus) {
    if (e.consensus.from > e.consensus.to) out.push(`evidence consensus "${e.consensus.from}-${e.consensus.to}" runs backwards`);
    else if (t.pages.length > 0 && !inside(e.consensus.from, e.consensus.to)) out.push(`evidence consensus ${formatPages([e.consensus])} of ${e.letters} letters is not within the topic's ${pagesWord(t.pages)} ${formatPages(t.pages)}`);
    if (t.verified && e.page === undefined) out.push('a letter consensus alone does not verify an entry: set verified: false (the indexEvidence setting decides how much a consensus counts)');
  }
  return out;
}

interface Cand {
  topic: IndexTopic;
  key: string;
  values: number[];
}

/** One of a topic's page values in the chain search: the longest rising chain ending here, and its previous link. */
interface Link {
  topic: number; // index into the sorted candidates
  value: number;
  length: number;
  prev: Link | undefined;
}

/**
 * Among topics with alphabetical: true and pages, sorted by name, pages must never fall. Finds the
 * longest chain of topics whose pages rise (a topic with several spans may use any of them) and
 * reports every topic outside it, naming its neighbours in the chain.
 */
function alphabeticalProblems(g: IndexGuideline): { topic: IndexTopic; text: string }[] {
  const cands: Cand[] = g.topics
    .filter((t) => t.alphabetical && t.pages.length > 0)
    .map((t) => ({ topic: t, key: alphabeticalKey(t.name), values: t.pages.map((s) => s.from) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // links[i][c]: longest rising chain ending at topic i using its value c
  const links: Link[][] = [];
  for (const [i, cand] of cands.entries()) {
    const row: Link[] = [];
    for (const v of cand.values) {
      let length = 1;
      let prev: Link | undefined;
      for (const earlier of links) {
        for (const l of earlier) {
          if (l.value <= v && l.length + 1 > length) {
            length = l.length + 1;
            prev = l;
          }
        }
      }
      row.push({ topic: i, value: v, length, prev });
    }
    links.push(row);
  }
  let end: Link | undefined;
  let endLen = 0;
  for (const row of links) {
    for (const l of row) {
      if (l.length > endLen) {
        endLen = l.length;
        end = l;
      }
    }
  }
  const inChain = new Map<number, number>(); // topic index -> chosen value
  for (let cur = end; cur; cur = cur.prev) inChain.set(cur.topic, cur.value);
  const out: { topic: IndexTopic; text: string }[] = [];
  for (const [i, cand] of cands.entries()) {
    if (inChain.has(i)) continue;
    let before: Cand | undefined;
    for (let j = i - 1; j >= 0; j--) if (inChain.has(j)) { before = cands[j]; break; }
    let after: Cand | undefined;
    for (let j = i + 1; j < cands.length; j++) if (inChain.has(j)) { after = cands[j]; break; }
    const t = cand.topic;
    const show = (k: Cand): string => `"${k.topic.name}" (${pagesWord(k.topic.pages)} ${formatPages(k.topic.pages)})`;
    let ctx: string;
    if (before !== undefined && after !== undefined) ctx = `sorts after ${show(before)} and before ${show(after)}, so its pages must lie between theirs`;
    else if (before !== undefined) ctx = `sorts after ${show(before)}, so its pages must not be lower`;
    else if (after !== undefined) ctx = `sorts before ${show(after)}, so its pages must not be higher`;
    else ctx = 'is out of order';
    out.push({
      topic: t,
      text: `alphabetical page order broken in ${g.id}: "${t.name}" (${pagesWord(t.pages)} ${formatPages(t.pages)}) ${ctx} (set alphabetical: false for a sub-entry printed inside a block)`,
    });
  }
  return out;
}
