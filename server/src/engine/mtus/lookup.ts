/**
 * Pure lookups over a loaded MTUS index: guideline by name/year/chapter, topic by name/alias/number,
 * nearest topics for typos, page-span helpers and section-list splitting.
 *
 * Per-guideline lookup tables are built lazily and cached in WeakMaps keyed by the (immutable)
 * guideline / index objects, so lookups stay cheap when a CLI lints thousands of letters.
 */
import { IndexGuideline, IndexTopic, MtusIndex, PageSpan } from './types';
import { levenshtein } from '../text/distance';
import { runStartBefore } from '../text/scan';

export { levenshtein };

// ------------------------------------------------------------------ names

/** The longest input the memos of this module keep (a name is under 100 characters). */
const MEMO_MAX_KEY = 200;

/**
 * Normalizes a guideline or topic name for comparison: Unicode-compatible form, lowercase,
 * ®/™/© removed, dashes unified to "-", a PDF wrap artefact "Electro- diagnostic" rejoined,
 * " & " read as " and ", spacing around commas and colons unified, whitespace collapsed,
 * trailing punctuation dropped.
 */
export function normalizeName(s: string): string {
  // only a name is remembered: a longer text (a run-on section list, a paste) is normalized each time
  if (s.length > MEMO_MAX_KEY) return normalizeUncached(s);
  let n = normalizedCache.get(s);
  if (n === undefined) {
    n = normalizeUncached(s);
    if (normalizedCache.size >= 10000) normalizedCache.clear();
    normalizedCache.set(s, n);
  }
  return n;
}

const normalizedCache = new Map<string, string>();

/*
 * Patterns that start with a run of spaces (or of trailing punctuation) start only where the run
 * starts, `(?<!…)`: tried from every character of a long run that does not end in the expected
 * character, they would rescan the rest of the run from each one (quadratic).
 */
const AMPERSAND = /(?<!\s)\s+&\s+/g;
const COMMA = /(?:(?<!\s)\s+)?,\s*/g;
const COLON = /(?:(?<!\s)\s+)?:\s*/g;
const TRAILING_PUNCTUATION = /(?<![\s.,;:])[\s.,;:]+$/u;

const isWhiteSpace = (c: string): boolean => /\s/.test(c);

/** Whether a UTF-16 code unit is one of TRAILING_PUNCTUATION's characters (`\s`, `.`, `,`, `;`, `:`). */
function isTrailingPunctuation(c: string): boolean {
  return c === '.' || c === ',' || c === ';' || c === ':' || isWhiteSpace(c);
}

/**
 * `s` with its final run of white space and `.,;:` cut to the run's first character: what the
 * normalization removes at its end anyway (the first character is kept for a pattern that needs one
 * after the text before it, as " & " does). A run of a million colons was otherwise rewritten to
 * ": " a million times before being removed (half a second, most of it garbage collection).
 */
function withShortTrailingRun(s: string): string {
  const e = runStartBefore(s, isTrailingPunctuation);
  return e + 1 >= s.length ? s : s.slice(0, e + 1);
}

function normalizeUncached(s: string): string {
  const n = withShortTrailingRun(s)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[®™©]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/(\p{L})- +(\p{Ll})/gu, '$1-$2')
    .replace(AMPERSAND, ' and ')
    .replace(COMMA, ', ')
    .replace(COLON, ': ');
  return spacedAndTrimmed(n);
}

/** Looser key for guideline names: also ignores commas ("Forearm, Wrist and Hand" = "Forearm Wrist, and Hand"). */
function guidelineKey(s: string): string {
  return normalizeName(s).replace(/,/g, '').replace(/ +/g, ' ');
}

/** Removes parenthesized / bracketed parts: "tramadol (ultram)" -> "tramadol". Input already normalized. */
export function stripParenthesized(n: string): string {
  // without a bracket there is nothing to remove: no pass over the characters (most names have none)
  if (!n.includes('(') && !n.includes('[')) return spacedAndTrimmed(n);
  // one pass with a stack of open brackets: each closing bracket removes the group it closes with the
  // spaces before it (what removing innermost groups until none is left gives, without a pass per level)
  const out: string[] = [];
  const open: number[] = [];
  for (const c of n) {
    if (c === '(' || c === '[') {
      let at = out.length;
      while (at > 0 && /\s/.test(out[at - 1]!)) at--;
      open.push(at);
      out.push(c);
    } else if ((c === ')' || c === ']') && open.length > 0) {
      out.length = open.pop() as number;
    } else out.push(c);
  }
  return spacedAndTrimmed(out.join(''));
}

/** White space runs as one space, without the trailing punctuation and the spaces around (the last steps of a normalized name). */
function spacedAndTrimmed(s: string): string {
  return s.replace(/\s+/g, ' ').replace(TRAILING_PUNCTUATION, '').trim();
}

// ------------------------------------------------------------------ memos

/*
 * Memos of pure lookups, per (immutable) index or guideline object: every letter cites the same few
 * guideline and section names. Only short inputs are kept (MEMO_MAX_KEY, above) and each memo is
 * emptied when full, so a hostile letter cannot grow them.
 */
const MEMO_MAX_ENTRIES = 2000;

function memoOf<K extends object, V>(memos: WeakMap<K, Map<string, V>>, owner: K): Map<string, V> {
  let memo = memos.get(owner);
  if (!memo) {
    memo = new Map();
    memos.set(owner, memo);
  }
  return memo;
}

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
  memo.set(key, value);
}

/** The guidelines of a name as written (guidelineCandidates). */
const candidatesCache = new WeakMap<MtusIndex, Map<string, readonly IndexGuideline[]>>();
/** findTopic by name as written (null: none). */
const topicMemo = new WeakMap<IndexGuideline, Map<string, IndexTopic | null>>();
/** splitSectionList by list text. */
const sectionListCache = new WeakMap<IndexGuideline, Map<string, readonly string[]>>();

// ------------------------------------------------------------------ guidelines

const nameCache = new WeakMap<MtusIndex, Map<string, IndexGuideline[]>>();

/** name key (with and without a trailing "guidelines") -> guidelines, per index. */
function nameTable(index: MtusIndex): Map<string, IndexGuideline[]> {
  let t = nameCache.get(index);
  if (!t) {
    t = new Map();
    for (const g of index.guidelines) {
      for (const n of [...g.names, g.title]) {
        const k = guidelineKey(n);
        for (const key of new Set([k, k.replace(/ guidelines?$/, '')])) {
          const list = t.get(key) ?? [];
          if (!list.includes(g)) list.push(g);
          t.set(key, list);
        }
      }
    }
    nameCache.set(index, t);
  }
  return t;
}

function guidelineCandidates(index: MtusIndex, name: string): readonly IndexGuideline[] {
  if (name.length > MEMO_MAX_KEY) return candidatesUncached(index, name);
  const memo = memoOf(candidatesCache, index);
  let cands = memo.get(name);
  if (!cands) {
    cands = candidatesUncached(index, name);
    remember(memo, name, cands);
  }
  return cands;
}

function candidatesUncached(index: MtusIndex, name: string): readonly IndexGuideline[] {
  const t = nameTable(index);
  const key = guidelineKey(name);
  return t.get(key) ?? t.get(key.replace(/ guidelines?$/, '')) ?? [];
}

/**
 * The guideline a letter means by `name` (as written after "MTUS " and before the year).
 * With a year: the guideline of that name and year, or undefined if none has that year.
 * Without a year: the one marked defaultForName, else the only one with that name.
 */
export function resolveGuideline(index: MtusIndex, name: string, year?: number): IndexGuideline | undefined {
  const cands = guidelineCandidates(index, name);
  if (cands.length === 0) return undefined;
  if (year !== undefined) return cands.find((g) => g.year === year);
  return cands.find((g) => g.defaultForName) ?? (cands.length === 1 ? cands[0] : undefined);
}

/**
 * The guideline name nearest to a misspelled one ("Low Back Complaint" → "Low Back Complaints",
 * "Chronic Pain Medical Treatmnet" → "Chronic Pain Medical Treatment"): a small edit distance (one edit
 * per eight characters, at most three), the cited year's guideline first. Undefined when nothing is near
 * or two different guidelines are equally near.
 */
export function suggestGuideline(index: MtusIndex, name: string, year?: number): { guideline: IndexGuideline; name: string } | undefined {
  const key = guidelineKey(name).replace(/ guidelines?$/, '');
  if (key.length < 4) return undefined;
  const limit = Math.max(1, Math.min(3, Math.floor(key.length / 8)));
  let best: { guideline: IndexGuideline; name: string; d: number } | undefined;
  for (const g of index.guidelines) {
    if (year !== undefined && g.year !== year) continue;
    for (const n of [...g.names, g.title]) {
      const k = guidelineKey(n).replace(/ guidelines?$/, '');
      if (Math.abs(k.length - key.length) > limit || k[0] !== key[0]) continue;
      const d = levenshtein(key, k, limit);
      if (d > limit || d === 0) continue;
      if (!best || d < best.d) best = { guideline: g, name: n, d };
    }
  }
  if (!best && year !== undefined) return suggestGuideline(index, name);
  return best ? { guideline: best.guideline, name: best.name } : undefined;
}

/**
 * How a message names a guideline: by the name the letter uses for it when that is one of the
 * guideline's names ("Elbow Complaints 2007"), else by its title ("Elbow Disorders 2007").
 */
export function citedGuidelineName(written: string | undefined, g: IndexGuideline): string {
  const w = withoutGuidelinesWord(written ?? '').replace(/\s+/g, ' ').trim();
  const key = w ? guidelineKey(w) : '';
  const known = key && nameKeysOf(g).has(withoutGuidelinesEnd(key));
  return `${known ? w : g.title} ${g.year}`;
}

/** A guideline key without a final "guideline(s)", for comparing a cited name with the index's names. */
function withoutGuidelinesEnd(key: string): string {
  return key.replace(/ guidelines?$/, '');
}

const nameKeysCache = new WeakMap<IndexGuideline, ReadonlySet<string>>();

/** The keys of a guideline's names and title without a final "guideline(s)": made once per guideline, not per message. */
function nameKeysOf(g: IndexGuideline): ReadonlySet<string> {
  let keys = nameKeysCache.get(g);
  if (!keys) {
    keys = new Set([...g.names, g.title].map((n) => withoutGuidelinesEnd(guidelineKey(n))));
    nameKeysCache.set(g, keys);
  }
  return keys;
}

interface PrefixMatcher {
  re: RegExp;
  guideline: IndexGuideline;
}
interface PrefixMatchers {
  all: PrefixMatcher[];
  /** Matchers whose first character is not an ASCII letter or digit (tried on any text). */
  anyFirst: PrefixMatcher[];
  /** Matchers that can match text whose first non-space character is this ASCII letter or digit (in index order). */
  byFirst: Map<string, PrefixMatcher[]>;
}
const prefixCache = new WeakMap<MtusIndex, PrefixMatchers>();

function nameToPattern(name: string): string {
  const parts: string[] = [];
  const tokens = name.trim().split(/\s+/);
  for (const tok of tokens) {
    if (tok === '&' || /^and$/i.test(tok)) {
      parts.push('(?:&|and)');
      continue;
    }
    let p = '';
    for (const ch of tok) {
      if (/[-\u2010-\u2015\u2212]/.test(ch)) p += '[-\\u2010-\\u2015\\u2212]\\s*';
      else if (ch === ',') p += ',?';
      else p += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    parts.push(p);
  }
  return parts.join('\\s+');
}

const ASCII_ALNUM = /^[a-z0-9]$/;

/**
 * The first character a name's pattern requires, lowercased, when it is an ASCII letter or digit
 * (then only text starting with that character, in either case, can match); undefined otherwise.
 */
function requiredFirst(name: string): string | undefined {
  const first = name.trim().split(/\s+/)[0] ?? '';
  if (first === '&' || /^and$/i.test(first)) return undefined;
  const c = first.charAt(0).toLowerCase();
  return ASCII_ALNUM.test(c) ? c : undefined;
}

function prefixMatchers(index: MtusIndex): PrefixMatchers {
  let m = prefixCache.get(index);
  if (!m) {
    const all: (PrefixMatcher & { first?: string })[] = [];
    for (const g of index.guidelines) {
      for (const n of new Set([...g.names, g.title])) {
        all.push({ re: new RegExp('^\\s*' + nameToPattern(n) + '(?![\\p{L}\\p{N}])', 'iu'), guideline: g, first: requiredFirst(n) });
      }
    }
    const byFirst = new Map<string, PrefixMatcher[]>();
    for (const x of all) if (x.first !== undefined && !byFirst.has(x.first)) byFirst.set(x.first, all.filter((y) => y.first === undefined || y.first === x.first));
    m = { all, anyFirst: all.filter((x) => x.first === undefined), byFirst };
    prefixCache.set(index, m);
  }
  return m;
}

/** The matchers worth trying on `text`: by its first non-space character when that is an ASCII letter or digit. */
function prefixCandidates(index: MtusIndex, text: string): PrefixMatcher[] {
  const { all, anyFirst, byFirst } = prefixMatchers(index);
  const at = text.search(/\S/u);
  if (at < 0) return all;
  const c = text.charAt(at).toLowerCase();
  if (!ASCII_ALNUM.test(c)) return all;
  return byFirst.get(c) ?? anyFirst;
}

/**
 * The longest guideline name that `text` starts with (case-insensitive, tolerant of extra spaces,
 * dashes and &/and), for year-less page-style citations: "Chronic Pain Treatment Guidelines Physical
 * Medicine" -> cpmtg-2009 (the defaultForName one) with length of "Chronic Pain Treatment Guidelines".
 * `length` counts characters of `text` consumed, including leading whitespace.
 */
export function matchGuidelinePrefix(index: MtusIndex, text: string): { guideline: IndexGuideline; length: number } | undefined {
  let best: { guideline: IndexGuideline; length: number } | undefined;
  for (const { re, guideline } of prefixCandidates(index, text)) {
    const m = re.exec(text);
    if (!m) continue;
    const len = m[0].length;
    if (!best || len > best.length || (len === best.length && guideline.defaultForName && !best.guideline.defaultForName)) {
      best = { guideline, length: len };
    }
  }
  if (!best) return undefined;
  // Among guidelines sharing the matched name, a year-less citation means the default one.
  const matched = text.slice(0, best.length);
  const shared = guidelineCandidates(index, matched);
  const def = shared.find((g) => g.defaultForName);
  return def ? { guideline: def, length: best.length } : best;
}

const byIdCache = new WeakMap<MtusIndex, Map<string, IndexGuideline>>();

/** The guideline with that id: the first, as `index.guidelines.find` gives it, from a table made once per index. */
export function guidelineById(index: MtusIndex, id: string | undefined): IndexGuideline | undefined {
  if (id === undefined) return undefined;
  let byId = byIdCache.get(index);
  if (!byId) {
    byId = new Map();
    for (const g of index.guidelines) if (!byId.has(g.id)) byId.set(g.id, g);
    byIdCache.set(index, byId);
  }
  return byId.get(id);
}

/** The guideline of an ACOEM chapter number ("Chapter 12" -> Low Back Complaints). */
export function findGuidelineByChapter(index: MtusIndex, chapter: number): IndexGuideline | undefined {
  const hits = index.guidelines.filter((g) => g.chapter === chapter || (g.chapters ?? []).includes(chapter));
  return hits.find((g) => g.defaultForName) ?? hits[0];
}

// ------------------------------------------------------------------ topics

interface TopicTable {
  /** normalized candidate string -> topic */
  exact: Map<string, IndexTopic>;
  /** paren-stripped candidate -> topics (used only when unique) */
  loose: Map<string, IndexTopic[]>;
  byNumber: Map<string, IndexTopic>;
  /** normalized "<part>: <parent title>: " style prefixes of each numbered topic (for unverified titles) */
  chainPrefixes: Map<IndexTopic, string[]>;
  /** most comma-separated parts (outside parentheses) of any candidate — bounds the greedy splitter */
  maxAtoms: number;
}
const topicCache = new WeakMap<IndexGuideline, TopicTable>();

/**
 * Strings a numbered section can be cited by, without the number: its title, "<part>: <title>", and
 * with the titles of intermediate sections between ("<part>: <3.3.1 title>: <3.3.1.1 title>").
 * `prefixes` are the non-empty heads ("<part>: ", "<part>: <3.3.1 title>: ", …).
 */
function numberedChains(t: IndexTopic, byNumber: Map<string, IndexTopic>): { full: string[]; prefixes: string[] } {
  const own = [t.name, ...t.aliases];
  const ancestors: string[][] = [];
  const segs = (t.number ?? '').split('.');
  // ancestors below the top level (the top level is what `part` names)
  for (let i = 2; i < segs.length; i++) {
    const p = byNumber.get(segs.slice(0, i).join('.'));
    if (p) ancestors.push([p.name, ...p.aliases]);
  }
  let prefixes: string[] = [''];
  if (t.part) prefixes.push(t.part + ': ');
  for (const names of ancestors) {
    const next = [...prefixes];
    for (const p of prefixes) for (const n of names) next.push(p + n + ': ');
    prefixes = next;
  }
  const full: string[] = [];
  for (const p of prefixes) for (const n of own) full.push(p + n);
  return { full, prefixes: prefixes.filter((p) => p !== '') };
}

function topicTable(g: IndexGuideline): TopicTable {
  let tt = topicCache.get(g);
  if (tt) return tt;
  const exact = new Map<string, IndexTopic>();
  const loose = new Map<string, IndexTopic[]>();
  const byNumber = new Map<string, IndexTopic>();
  const chainPrefixes = new Map<IndexTopic, string[]>();
  let maxAtoms = 1;
  for (const t of g.topics) if (t.number && !byNumber.has(t.number)) byNumber.set(t.number, t);
  const add = (s: string, t: IndexTopic): void => {
    const n = normalizeName(s);
    if (!n) return;
    if (!exact.has(n)) exact.set(n, t);
    const l = stripParenthesized(n);
    const list = loose.get(l) ?? [];
    if (!list.includes(t)) list.push(t);
    loose.set(l, list);
    if (s.includes(',')) maxAtoms = Math.max(maxAtoms, atoms(s).length);
  };
  // canonical names first so an alias never shadows another topic's name
  for (const t of g.topics) add(t.name, t);
  for (const t of g.topics) for (const a of t.aliases) add(a, t);
  for (const t of g.topics) {
    if (!t.number) continue;
    const { full, prefixes } = numberedChains(t, byNumber);
    chainPrefixes.set(t, prefixes.map((p) => normalizeName(p) + ': '));
    for (const f of full) {
      add(f, t);
      add(`${t.number} ${f}`, t);
      add(`${t.number}. ${f}`, t);
    }
  }
  tt = { exact, loose, byNumber, chainPrefixes, maxAtoms };
  topicCache.set(g, tt);
  return tt;
}

const NUMBER_RE = /^(\d+(?:\.\d+)*)\.?(?:\s+|$)(.*)$/s;

/**
 * The topic a citation names: exact match on the name after normalizeName, then aliases; for
 * numbered guidelines also "<number> <part>: <title>", the number alone and the title alone;
 * finally a unique match ignoring parenthesized parts ("Tramadol" -> "Tramadol (Ultram)").
 */
export function findTopic(guideline: IndexGuideline, name: string): IndexTopic | undefined {
  if (name.length > MEMO_MAX_KEY) return findTopicUncached(guideline, name);
  const memo = memoOf(topicMemo, guideline);
  let t = memo.get(name);
  if (t === undefined) {
    t = findTopicUncached(guideline, name) ?? null;
    remember(memo, name, t);
  }
  return t ?? undefined;
}

function findTopicUncached(guideline: IndexGuideline, name: string): IndexTopic | undefined {
  const tt = topicTable(guideline);
  const n = normalizeName(name);
  if (!n) return undefined;
  const hit = tt.exact.get(n);
  if (hit) return hit;
  if (guideline.numberedSections || tt.byNumber.size > 0) {
    const m = NUMBER_RE.exec(n);
    if (m) {
      const t = tt.byNumber.get(m[1]!);
      const rest = m[2]!.trim();
      if (t && rest === '') return t;
      // the long form of a title: "3.2 <part>: Consideration of Alternative Treatments for Chronic Pain and
      // Chronic Opioid Treatment" — the number and the start of the title both agree
      if (t && longTitleOf(t, rest, tt.chainPrefixes.get(t) ?? [])) return t;
      if (t && !t.verified) {
        // Title not confirmed: accept "<number> <part>: <parent…>: <anything>".
        const prefixes = tt.chainPrefixes.get(t) ?? [];
        if (prefixes.some((p) => rest.startsWith(p) && rest.length > p.length)) return t;
      }
    }
  }
  const loose = tt.loose.get(stripParenthesized(n));
  if (loose && loose.length === 1) return loose[0];
  return undefined;
}

/** Whether `rest` (normalized, after the number) is "[<part>: ]<title> for …", a longer form of the topic's title. */
function longTitleOf(t: IndexTopic, rest: string, prefixes: string[]): boolean {
  for (const p of ['', ...prefixes]) {
    if (!rest.startsWith(p)) continue;
    const title = rest.slice(p.length);
    for (const n of [t.name, ...t.aliases]) {
      const name = normalizeName(n);
      if (name.length >= 12 && title.startsWith(name + ' ') && /^ (?:for|of|in|with|to|and|regarding)\b/.test(title.slice(name.length))) return true;
    }
  }
  return false;
}

/** The numbered section with that number ("3.3.6"; a trailing dot is ignored). */
export function findTopicByNumber(guideline: IndexGuideline, number: string): IndexTopic | undefined {
  return topicTable(guideline).byNumber.get(number.trim().replace(/\.$/, ''));
}

// ------------------------------------------------------------------ similarity

function tokens(n: string): string[] {
  return n.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

function tokenMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const len = Math.max(a.length, b.length);
  const limit = len >= 9 ? 2 : 1;
  return len >= 5 && levenshtein(a, b, limit) <= limit;
}

/**
 * Similarity of two normalized names in [0, 1]: Levenshtein ratio blended with fuzzy token
 * overlap (Dice coefficient where near-identical tokens count as equal).
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const maxLen = Math.max(a.length, b.length) || 1;
  const lev = 1 - levenshtein(a, b) / maxLen;
  const ta = tokens(a);
  const tb = tokens(b);
  let common = 0;
  const used = new Set<number>();
  for (const x of ta) {
    const j = tb.findIndex((y, k) => !used.has(k) && tokenMatch(x, y));
    if (j >= 0) {
      used.add(j);
      common++;
    }
  }
  const dice = ta.length + tb.length ? (2 * common) / (ta.length + tb.length) : 0;
  return 0.6 * lev + 0.4 * dice;
}

/** Best similarity of `query` (normalized) to a topic's name, aliases and (numbered) "number title". */
export function topicSimilarity(topic: IndexTopic, query: string): number {
  const cands = [topic.name, ...topic.aliases];
  if (topic.number) cands.push(`${topic.number} ${topic.name}`);
  if (topic.part) cands.push(`${topic.part}: ${topic.name}`);
  let best = 0;
  for (const c of cands) {
    const n = normalizeName(c);
    best = Math.max(best, nameSimilarity(query, n), nameSimilarity(stripParenthesized(query), stripParenthesized(n)));
  }
  return best;
}

/** Minimum similarity for a suggestion. */
export const SUGGESTION_THRESHOLD = 0.55;

/** A topic's names prepared once for suggestions: normalized, paren-stripped, with their tokens. */
interface SuggestForm {
  text: string;
  tokens: string[];
}
interface SuggestEntry {
  topic: IndexTopic;
  /** Each candidate string of the topic in both forms (as topicSimilarity compares them). */
  forms: { full: SuggestForm; stripped: SuggestForm }[];
}
const suggestCache = new WeakMap<IndexGuideline, SuggestEntry[]>();

function suggestEntries(g: IndexGuideline): SuggestEntry[] {
  let entries = suggestCache.get(g);
  if (!entries) {
    entries = g.topics.map((topic) => {
      const cands = [topic.name, ...topic.aliases];
      if (topic.number) cands.push(`${topic.number} ${topic.name}`);
      if (topic.part) cands.push(`${topic.part}: ${topic.name}`);
      return {
        topic,
        forms: cands.map((c) => {
          const n = normalizeName(c);
          const st = stripParenthesized(n);
          return { full: { text: n, tokens: tokens(n) }, stripped: { text: st, tokens: tokens(st) } };
        }),
      };
    });
    suggestCache.set(g, entries);
  }
  return entries;
}

/** Reusable marks of matched tokens (diceOf is synchronous). */
let usedTokens = new Uint8Array(32);

/** Fuzzy token overlap (Dice) as nameSimilarity counts it, with bounded token distances. */
function diceOf(ta: string[], tb: string[]): number {
  if (ta.length + tb.length === 0) return 0;
  let common = 0;
  if (tb.length > usedTokens.length) usedTokens = new Uint8Array(tb.length * 2);
  const used = usedTokens;
  used.fill(0, 0, tb.length);
  for (const x of ta) {
    for (let k = 0; k < tb.length; k++) {
      if (used[k]) continue;
      const y = tb[k]!;
      let match = x === y;
      if (!match) {
        const len = Math.max(x.length, y.length);
        const limit = len >= 9 ? 2 : 1;
        match = len >= 5 && Math.abs(x.length - y.length) <= limit && levenshtein(x, y, limit) <= limit;
      }
      if (match) {
        used[k] = 1;
        common++;
        break;
      }
    }
  }
  return (2 * common) / (ta.length + tb.length);
}

/**
 * nameSimilarity(a, b) when it is at least `atLeast`, else a value below `atLeast`: the token overlap
 * first, then an edit distance bounded by what the score still needs (with the length difference as a
 * free lower bound), so far-off names cost little.
 */
function similarityAtLeast(a: SuggestForm, b: SuggestForm, atLeast: number): number {
  if (a.text === b.text) return 1;
  const maxLen = Math.max(a.text.length, b.text.length) || 1;
  const lengthGap = Math.abs(a.text.length - b.text.length);
  // upper bounds first: the edit distance is at least the length gap, the overlap at most the smaller token count
  const ta = a.tokens.length;
  const tb = b.tokens.length;
  const diceMax = ta + tb === 0 ? 0 : (2 * Math.min(ta, tb)) / (ta + tb);
  if (0.6 * (1 - lengthGap / maxLen) + 0.4 * diceMax < atLeast - 1e-9) return -1;
  const dice = diceOf(a.tokens, b.tokens);
  // 0.6 * (1 - d / maxLen) + 0.4 * dice >= atLeast  <=>  d <= maxLen * (1 - (atLeast - 0.4 * dice) / 0.6)
  const limit = Math.floor(maxLen * (1 - (atLeast - 0.4 * dice) / 0.6) + 1e-9);
  if (limit < 0 || lengthGap > limit) return -1;
  const d = levenshtein(a.text, b.text, limit);
  if (d > limit) return -1;
  return 0.6 * (1 - d / maxLen) + 0.4 * dice;
}

/**
 * Topics nearest to a (mistyped) name, best first; only reasonably close ones. The same ranking as
 * topicSimilarity gives, computed with bounded distances: well under a millisecond per name.
 */
export function suggestTopics(guideline: IndexGuideline, name: string, max = 3): IndexTopic[] {
  const q = normalizeName(name);
  if (!q || max <= 0) return [];
  const qs = stripParenthesized(q);
  const query = { full: { text: q, tokens: tokens(q) }, stripped: { text: qs, tokens: tokens(qs) } };
  const scored: { t: IndexTopic; s: number }[] = [];
  /** The best `max` scores so far, descending: a topic must reach the last of them to matter. */
  const top: number[] = [];
  const sameQuery = query.full.text === query.stripped.text;
  for (const e of suggestEntries(guideline)) {
    let best = -1;
    const floor = top.length >= max ? Math.max(SUGGESTION_THRESHOLD, top[max - 1]!) : SUGGESTION_THRESHOLD;
    for (const f of e.forms) {
      best = Math.max(best, similarityAtLeast(query.full, f.full, Math.max(floor, best)));
      if (sameQuery && f.full.text === f.stripped.text) continue;
      best = Math.max(best, similarityAtLeast(query.stripped, f.stripped, Math.max(floor, best)));
    }
    if (best < floor) continue;
    scored.push({ t: e.topic, s: best });
    top.push(best);
    top.sort((a, b) => b - a);
    if (top.length > max) top.length = max;
  }
  return scored
    .sort((a, b) => b.s - a.s || a.t.name.localeCompare(b.t.name))
    .slice(0, max)
    .map((x) => x.t);
}

// ------------------------------------------------------------------ pages

/** Whether `page` lies inside any page span of the topic. */
export function pageInTopic(topic: IndexTopic, page: number): boolean {
  return topic.pages.some((s) => s.from <= page && page <= s.to);
}

/** Whether `outer` contains every page of `inner`. */
export function spanContains(outer: PageSpan, inner: PageSpan): boolean {
  return outer.from <= inner.from && inner.to <= outer.to;
}

/** Whether two spans share at least one page. */
export function spansOverlap(a: PageSpan, b: PageSpan): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * How a cited span relates to a topic's spans: "contained" (inside one span), "overlap" (shares
 * pages with a span but runs outside it) or "none".
 */
export function spansOverlapOrContain(spans: readonly PageSpan[], cited: PageSpan): 'contained' | 'overlap' | 'none' {
  if (spans.some((s) => spanContains(s, cited))) return 'contained';
  if (spans.some((s) => spansOverlap(s, cited))) return 'overlap';
  return 'none';
}

/** "98-99", "18-19, 49"; "" for no spans. */
export function formatPages(spans: readonly PageSpan[]): string {
  return spans.map((s) => (s.from === s.to ? `${s.from}` : `${s.from}-${s.to}`)).join(', ');
}

/**
 * `s` without a final "Guideline(s)" and the spaces before it, as /\s+Guidelines?$/i removes them, but
 * found from the end: that pattern rescans a run of spaces from each of its characters (quadratic).
 */
export function withoutGuidelinesWord(s: string): string {
  const at = guidelinesWordAt(s);
  if (at <= 0 || !isWhiteSpace(s.charAt(at - 1))) return s;
  return s.slice(0, runStartBefore(s, isWhiteSpace, at));
}

const GUIDELINE_WORD = 'guideline';

/**
 * Where /Guidelines?$/i matches `s`, or -1: compared from the end (the pattern is tried from every
 * character of `s`). The comparison folds ASCII case only, as the pattern (no `u` flag) does.
 */
function guidelinesWordAt(s: string): number {
  const end = s.length > 0 && (s.charCodeAt(s.length - 1) | 0x20) === 0x73 ? s.length - 1 : s.length; // a final "s"
  const at = end - GUIDELINE_WORD.length;
  if (at < 0) return -1;
  for (let i = 0; i < GUIDELINE_WORD.length; i++) {
    if ((s.charCodeAt(at + i) | 0x20) !== GUIDELINE_WORD.charCodeAt(i)) return -1;
  }
  return at;
}

// ------------------------------------------------------------------ iteration

/** Every topic of the index with its guideline, in index order. */
export function* allTopics(index: MtusIndex): IterableIterator<{ guideline: IndexGuideline; topic: IndexTopic }> {
  for (const guideline of index.guidelines) for (const topic of guideline.topics) yield { guideline, topic };
}

// ------------------------------------------------------------------ section lists

/** One section of a `Section(s):` list with its offsets in the input text. */
export interface SectionPiece {
  text: string;
  start: number;
  end: number;
  /** The topic it names, when known. */
  topic?: IndexTopic;
}

/** Comma-separated atoms outside (), [] and {} with their offsets. */
function atoms(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text.charAt(s))) s++;
    while (e > s && /\s/.test(text.charAt(e - 1))) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

/**
 * Splits a `Section(s):` list into sections. Names can contain commas ("NSAIDs, GI symptoms &
 * cardiovascular risk", "Forearm, Wrist, & Hand"), so at each position the longest run of
 * comma-separated parts that names a known topic wins; unknown parts fall back to commas outside
 * parentheses (for numbered guidelines an unknown "3.3.x …" section runs to the next number).
 * A final period is dropped. Offsets are into `text`.
 */
export function splitSectionSpans(guideline: IndexGuideline, text: string): SectionPiece[] {
  // trimEnd removes what /\s+$/ does, without rescanning a run of spaces inside the list from each of its characters
  const body = text.trimEnd().replace(/\.$/, '');
  const parts = atoms(body);
  const tt = topicTable(guideline);
  const maxJoin = tt.maxAtoms;
  const numbered = guideline.numberedSections;
  const out: SectionPiece[] = [];
  let i = 0;
  while (i < parts.length) {
    const first = parts[i]!;
    let taken = 0;
    let topic: IndexTopic | undefined;
    for (let k = Math.min(parts.length - i, maxJoin); k >= 1; k--) {
      const joined = body.slice(first.start, parts[i + k - 1]!.end);
      const t = findTopic(guideline, joined);
      if (t) {
        taken = k;
        topic = t;
        break;
      }
    }
    if (!taken) {
      taken = 1;
      if (numbered && NUMBER_RE.test(first.text)) {
        while (i + taken < parts.length && !/^\d+(?:\.\d+)*\.?\s/.test(parts[i + taken]!.text)) {
          // stop early if the following parts start a known topic
          if (findTopic(guideline, parts[i + taken]!.text)) break;
          taken++;
        }
      }
    }
    const start = first.start;
    const end = parts[i + taken - 1]!.end;
    out.push({ text: body.slice(start, end), start, end, ...(topic ? { topic } : {}) });
    i += taken;
  }
  return out;
}

/** splitSectionSpans without offsets: the section names as written. */
export function splitSectionList(guideline: IndexGuideline, text: string): readonly string[] {
  if (text.length > MEMO_MAX_KEY) return splitSectionSpans(guideline, text).map((p) => p.text);
  const memo = memoOf(sectionListCache, guideline);
  let names = memo.get(text);
  if (!names) {
    names = splitSectionSpans(guideline, text).map((p) => p.text);
    remember(memo, text, names);
  }
  return names;
}
