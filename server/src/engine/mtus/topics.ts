/**
 * Finding a topic of a guideline: by name or alias (normalized), by "<number> <part>: <title>" and its
 * shorter forms for numbered guidelines, by number; and every topic of an index.
 *
 * The topic table is built once per (immutable) guideline and kept in a WeakMap keyed by it.
 */
import { MEMO_MAX_KEY, memoOf, remember } from './memo';
import { normalizeName, stripParenthesized } from './names';
import { atoms } from './section-atoms';
import { IndexGuideline, IndexTopic, MtusIndex } from './types';

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

export function topicTable(g: IndexGuideline): TopicTable {
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

/** findTopic by name as written (null: none). */
const topicMemo = new WeakMap<IndexGuideline, Map<string, IndexTopic | null>>();

export const NUMBER_RE = /^(\d+(?:\.\d+)*)\.?(?:\s+|$)(.*)$/s;

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

/** Every topic of the index with its guideline, in index order. */
export function* allTopics(index: MtusIndex): IterableIterator<{ guideline: IndexGuideline; topic: IndexTopic }> {
  for (const guideline of index.guidelines) for (const topic of guideline.topics) yield { guideline, topic };
}
