/**
 * Finding a guideline of a loaded MTUS index: by name (and year) as a letter cites it, by the nearest
 * name to a misspelled one, by a name at the start of a text, by id and by ACOEM chapter number; and
 * how a message names a guideline.
 *
 * The tables are built once per (immutable) index or guideline and kept in WeakMaps keyed by it.
 */
import { levenshtein } from '../text/distance';
import { MEMO_MAX_KEY, memoOf, remember } from './memo';
import { normalizeName, withoutGuidelinesWord } from './names';
import { IndexGuideline, MtusIndex } from './types';

/** Looser key for guideline names: also ignores commas ("Forearm, Wrist and Hand" = "Forearm Wrist, and Hand"). */
function guidelineKey(s: string): string {
  return normalizeName(s).replace(/,/g, '').replace(/ +/g, ' ');
}

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

/** The guidelines of a name as written (guidelineCandidates). */
const candidatesCache = new WeakMap<MtusIndex, Map<string, readonly IndexGuideline[]>>();

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
