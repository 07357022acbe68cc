/**
 * How alike two names are (nameSimilarity, topicSimilarity) and the topics nearest to a mistyped name
 * (suggestTopics), for "did you mean" suggestions and the index search.
 */
import { levenshtein } from '../text/distance';
import { normalizeName, stripParenthesized } from './names';
import { IndexGuideline, IndexTopic } from './types';

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
