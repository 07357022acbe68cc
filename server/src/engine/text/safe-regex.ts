/**
 * Whether a user's regular expression (a `placeholders:` pattern) can be run over any letter line in
 * time linear in the line's length. JavaScript's regular expressions backtrack: `(a|aa)+$` takes
 * seconds on 45 characters, and even `\[\[[^\]]*\]\]` rescans the rest of a line from every "[[" of a
 * line of "[[[[…". The check is conservative — it refuses some harmless patterns — and says why.
 *
 * A pattern is refused when it has (each is a way a backtracking engine can take more than linear time):
 *   - a back-reference, or a repetition inside a lookbehind;
 *   - a repetition inside a repetition (`(a+)+`, `(\w+\s?)*`);
 *   - a repetition of something that can be empty (`(a?)*`);
 *   - alternatives inside a repetition that can start with the same character (`(a|aa)+`, `(\s|\n)*`);
 *   - two unbounded repetitions that can match the same characters with nothing between them that the
 *     first cannot match (`\d+\.?\d+`, `.*x.*y`);
 *   - an unbounded repetition that is not at the pattern's end and can match the pattern's first
 *     character (`TODO.*!`, `\[\[[^\]]*\]\]`): the scan for a match would restart inside its run. Exclude
 *     the first character from the repeated set (`\[\[[^[\]]*\]\]`) or put the repetition last;
 *   - an unbounded repetition inside a lookahead that is not at the lookahead's end;
 *   - more than MAX_LENGTH characters, or a repetition count over MAX_COUNT.
 * A pattern anchored at the line start (`^…`) is tried at one place only, so the rule about the first
 * character does not apply to it.
 */

export const MAX_PATTERN_LENGTH = 500;
const MAX_COUNT = 1000;
/** A repetition with more than this many matches counts as unbounded. */
const UNBOUNDED = 100;

// ------------------------------------------------------------------ character sets (UTF-16 code units)

type CharSet = [number, number][];

const ALL: CharSet = [[0, 0xffff]];

function norm(ranges: [number, number][]): CharSet {
  const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: CharSet = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function union(a: CharSet, b: CharSet): CharSet {
  return norm([...a.map((r): [number, number] => [r[0], r[1]]), ...b.map((r): [number, number] => [r[0], r[1]])]);
}

function negate(a: CharSet): CharSet {
  const out: CharSet = [];
  let next = 0;
  for (const [lo, hi] of a) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= 0xffff) out.push([next, 0xffff]);
  return out;
}

function intersects(a: CharSet, b: CharSet): boolean {
  for (const [x, y] of a) for (const [u, v] of b) if (x <= v && u <= y) return true;
  return false;
}

const ch = (c: number): CharSet => [[c, c]];
/** The one character of a set that holds exactly one, else undefined. */
function soleChar(set: CharSet): number | undefined {
  const r = set.length === 1 ? set[0] : undefined;
  return r && r[0] === r[1] ? r[0] : undefined;
}
const DIGIT: CharSet = [[48, 57]];
const WORD: CharSet = norm([[48, 57], [65, 90], [95, 95], [97, 122]]);
const SPACE: CharSet = norm([[9, 13], [32, 32], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]]);
const DOT: CharSet = negate(norm([[10, 10], [13, 13], [0x2028, 0x2029]]));

// ------------------------------------------------------------------ the pattern's tree

type Node =
  | { t: 'set'; set: CharSet }
  | { t: 'assert'; start: boolean }
  | { t: 'group'; look: 'none' | 'ahead' | 'behind'; alt: Alt }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'backref' };
type Seq = Node[];
type Alt = Seq[];

class Unsafe extends Error {}

/** A small parser of JavaScript regular expression syntax (no `u` flag), enough to judge the pattern. */
class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Alt {
    const alt = this.alt();
    if (this.i < this.s.length) throw new Unsafe(`unexpected "${this.s[this.i]}"`);
    return alt;
  }

  private alt(): Alt {
    const branches: Alt = [this.seq()];
    while (this.s[this.i] === '|') {
      this.i++;
      branches.push(this.seq());
    }
    return branches;
  }

  private seq(): Seq {
    const out: Seq = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      out.push(this.quantified(atom));
    }
    return out;
  }

  private quantified(atom: Node): Node {
    const s = this.s;
    let min = -1;
    let max = -1;
    const c = s[this.i];
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!m) return atom; // a literal "{"
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT)) throw new Unsafe(`a repetition count over ${MAX_COUNT}`);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (s[this.i] === '?') this.i++; // lazy: the same paths, another order
    if (atom.t === 'assert') return atom;
    return { t: 'rep', node: atom, min, max };
  }

  private atom(): Node {
    const s = this.s;
    const c = s[this.i++];
    if (c === undefined) throw new Unsafe('unexpected end of the pattern'); // seq() calls it before the end only
    switch (c) {
      case '(': {
        let look: 'none' | 'ahead' | 'behind' = 'none';
        if (s.startsWith('?:', this.i)) this.i += 2;
        else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) [look, this.i] = ['ahead', this.i + 2];
        else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) [look, this.i] = ['behind', this.i + 3];
        else if (s.startsWith('?<', this.i)) {
          const end = s.indexOf('>', this.i);
          if (end < 0) throw new Unsafe('unterminated group name');
          this.i = end + 1;
        }
        const alt = this.alt();
        if (s[this.i] !== ')') throw new Unsafe('unterminated group');
        this.i++;
        return { t: 'group', look, alt };
      }
      case '[':
        return { t: 'set', set: this.charClass() };
      case '.':
        return { t: 'set', set: DOT };
      case '^':
        return { t: 'assert', start: true };
      case '$':
        return { t: 'assert', start: false };
      case '\\':
        return this.escape(false) as Node;
      default:
        return { t: 'set', set: ch(c.charCodeAt(0)) };
    }
  }

  /** After a backslash: a set, an assertion or a back-reference (in a class, a set only). */
  private escape(inClass: boolean): Node | CharSet {
    const s = this.s;
    const c = s[this.i++];
    if (c === undefined) throw new Unsafe('a backslash at the end');
    const set = (x: CharSet) => (inClass ? x : ({ t: 'set', set: x } as Node));
    switch (c) {
      case 'd': return set(DIGIT);
      case 'D': return set(negate(DIGIT));
      case 'w': return set(WORD);
      case 'W': return set(negate(WORD));
      case 's': return set(SPACE);
      case 'S': return set(negate(SPACE));
      case 'n': return set(ch(10));
      case 'r': return set(ch(13));
      case 't': return set(ch(9));
      case 'f': return set(ch(12));
      case 'v': return set(ch(11));
      case 'b': return inClass ? ch(8) : { t: 'assert', start: false };
      case 'B': return inClass ? ch(66) : { t: 'assert', start: false };
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(s.slice(this.i));
        if (!m) return set(ch(120));
        this.i += 2;
        return set(ch(parseInt(m[0], 16)));
      }
      case 'u': {
        const m = /^[0-9a-fA-F]{4}/.exec(s.slice(this.i));
        if (!m) return set(ch(117));
        this.i += 4;
        return set(ch(parseInt(m[0], 16)));
      }
      case 'c': {
        const n = s.charCodeAt(this.i);
        if (/[A-Za-z]/.test(s[this.i] ?? '')) {
          this.i++;
          return set(ch(n % 32));
        }
        return set(ch(92));
      }
      case 'k':
        if (!inClass && s[this.i] === '<') throw new Unsafe('back-references are not allowed');
        return set(ch(107));
      default:
        if (/[1-9]/.test(c)) {
          if (!inClass) throw new Unsafe('back-references are not allowed');
          return set(ch(c.charCodeAt(0)));
        }
        if (c === '0') return set(ch(0));
        return set(ch(c.charCodeAt(0)));
    }
  }

  private charClass(): CharSet {
    const s = this.s;
    let negated = false;
    if (s[this.i] === '^') {
      negated = true;
      this.i++;
    }
    let ranges: CharSet = [];
    const single = (): CharSet => {
      const c = s[this.i++];
      if (c === undefined) throw new Unsafe('unterminated character class');
      return c === '\\' ? (this.escape(true) as CharSet) : ch(c.charCodeAt(0));
    };
    while (this.i < s.length && s[this.i] !== ']') {
      const a = single();
      const from = soleChar(a);
      if (s[this.i] === '-' && s[this.i + 1] !== ']' && this.i + 1 < s.length && from !== undefined) {
        this.i++;
        const b = single();
        const to = soleChar(b);
        if (to !== undefined) {
          ranges = union(ranges, [[from, to]]);
          continue;
        }
        ranges = union(union(union(ranges, a), ch(45)), b);
        continue;
      }
      ranges = union(ranges, a);
    }
    if (s[this.i] !== ']') throw new Unsafe('unterminated character class');
    this.i++;
    return negated ? negate(ranges) : ranges;
  }
}

// ------------------------------------------------------------------ what a node can match

function nullable(n: Node): boolean {
  switch (n.t) {
    case 'set': return false;
    case 'assert': case 'backref': return true;
    case 'group': return n.look !== 'none' || n.alt.some((b) => b.every(nullable));
    case 'rep': return n.min === 0 || nullable(n.node);
  }
}

function firstOfSeq(seq: Seq): CharSet {
  let out: CharSet = [];
  for (const n of seq) {
    out = union(out, first(n));
    if (!nullable(n)) break;
  }
  return out;
}

/** The characters a match of `n` can start with. */
function first(n: Node): CharSet {
  switch (n.t) {
    case 'set': return n.set;
    case 'assert': case 'backref': return [];
    case 'group': return n.look !== 'none' ? [] : n.alt.reduce<CharSet>((acc, b) => union(acc, firstOfSeq(b)), []);
    case 'rep': return first(n.node);
  }
}

/** Every character `n` can consume. */
function chars(n: Node): CharSet {
  switch (n.t) {
    case 'set': return n.set;
    case 'assert': case 'backref': return [];
    case 'group': return n.look !== 'none' ? [] : n.alt.reduce<CharSet>((acc, b) => b.reduce((a, x) => union(a, chars(x)), acc), []);
    case 'rep': return chars(n.node);
  }
}

const repeats = (n: Node): n is Extract<Node, { t: 'rep' }> => n.t === 'rep' && n.max > 1;
const unbounded = (n: Node): boolean => n.t === 'rep' && n.max > UNBOUNDED;

function containsRep(n: Node, pred: (r: Node) => boolean): boolean {
  if (pred(n)) return true;
  if (n.t === 'rep') return containsRep(n.node, pred);
  if (n.t === 'group') return n.alt.some((b) => b.some((x) => containsRep(x, pred)));
  return false;
}

/** A group's alternatives (any depth of plain groups), for the overlap check. */
function alternations(n: Node, out: Alt[] = []): Alt[] {
  if (n.t === 'group') {
    if (n.alt.length > 1) out.push(n.alt);
    for (const b of n.alt) for (const x of b) alternations(x, out);
  }
  if (n.t === 'rep') alternations(n.node, out);
  return out;
}

/** A sequence with single-branch plain groups opened up (their items are the sequence's). */
function flatten(seq: Seq): Seq {
  const out: Seq = [];
  for (const n of seq) {
    const only = n.t === 'group' && n.look === 'none' && n.alt.length === 1 ? n.alt[0] : undefined;
    if (only) out.push(...flatten(only));
    else out.push(n);
  }
  return out;
}

// ------------------------------------------------------------------ the check

interface Walk {
  /** Characters a match of the whole pattern can start with (empty when it is anchored at the start). */
  starts: CharSet;
  inLookahead: boolean;
  inLookbehind: boolean;
}

function checkSeq(seq: Seq, tail: boolean, w: Walk): void {
  const items = flatten(seq);
  // two unbounded repetitions that can share characters, nothing between that the first cannot match
  for (const [a, x] of items.entries()) {
    if (!containsRep(x, unbounded)) continue;
    const ca = chars(x);
    // each later item, up to the first one that must start with a character the repetition cannot match
    for (const y of items.slice(a + 1)) {
      if (containsRep(y, unbounded) && intersects(ca, chars(y))) throw new Unsafe('two repetitions in a row can match the same text');
      if (!nullable(y) && !intersects(first(y), ca)) break;
    }
  }
  items.forEach((n, k) => checkNode(n, tail && items.slice(k + 1).every(nullable), w));
}

function checkNode(n: Node, tail: boolean, w: Walk): void {
  if (n.t === 'backref') throw new Unsafe('back-references are not allowed');
  if (n.t === 'group') {
    if (n.look === 'behind' && n.alt.some((b) => b.some((x) => containsRep(x, repeats)))) throw new Unsafe('a repetition inside a lookbehind');
    const inner: Walk = n.look === 'ahead' ? { ...w, inLookahead: true } : n.look === 'behind' ? { ...w, inLookbehind: true } : w;
    for (const b of n.alt) checkSeq(b, n.look === 'none' ? tail : true, inner);
    return;
  }
  if (n.t !== 'rep') return;
  if (n.max > 1) {
    if (containsRep(n.node, (x) => x !== n && repeats(x) && (x.max > UNBOUNDED || n.max > UNBOUNDED))) throw new Unsafe('a repetition inside a repetition');
    if (nullable(n.node)) throw new Unsafe('a repetition of something that can be empty');
    for (const alt of alternations(n.node)) {
      const firsts = alt.map(firstOfSeq);
      if (alt.some((b) => b.every(nullable))) throw new Unsafe('an empty alternative inside a repetition');
      for (const [i, fi] of firsts.entries()) for (const fj of firsts.slice(i + 1)) if (intersects(fi, fj)) throw new Unsafe('alternatives inside a repetition can start with the same character');
    }
  }
  if (n.max > UNBOUNDED && !tail) {
    if (w.inLookahead) throw new Unsafe('a repetition inside a lookahead that is not at its end');
    if (intersects(chars(n), w.starts)) throw new Unsafe("a repetition that is not at the end can match the pattern's first character (exclude that character from it)");
  }
  checkNode(n.node, tail && n.max <= 1, w);
}

/**
 * Why `pattern` is not safe to run over a letter, or undefined when it is. The pattern must already
 * compile (`new RegExp(pattern)`); the reasons are worded for a config error.
 */
export function unsafePatternReason(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    const alt = new Parser(pattern).parse();
    const anchored = alt.every((b) => b[0]?.t === 'assert' && b[0].start);
    const starts = anchored ? [] : alt.reduce<CharSet>((acc, b) => union(acc, firstOfSeq(b)), []);
    const matchesEmpty = alt.some((b) => b.every(nullable));
    const w: Walk = { starts: matchesEmpty && !anchored ? ALL : starts, inLookahead: false, inLookbehind: false };
    for (const b of alt) checkSeq(b, true, w);
    return undefined;
  } catch (e) {
    if (e instanceof Unsafe) return e.message;
    throw e;
  }
}
