import { POSITIVE_ADJ } from './lexicon';

/**
 * Negation scope in the spirit of NegEx/ConText, over normalized text (normalize.ts):
 *
 * - local triggers before the verdict phrase ("not", "never", "nor", "no longer", "fails to", "non"
 *   right before it), counted back from the phrase through its verb phrase, up to a window of words,
 *   stopped by a terminator (punctuation, a conjunction, a relative "that"/"which") or by the subject of
 *   the clause (a word before the finite verb: "the patient has not improved; the injection is …" is
 *   not a negation of "is medically necessary"); a negation shared by coordinated predicates ("not
 *   reasonable or medically necessary");
 * - something missing before the phrase's infinitive ("no documentation to support the medical
 *   necessity"), and a "no", "none" or "neither" that begins the clause's subject ("no further therapy
 *   is …");
 * - pseudo-negations that look like negation but are not ("not only", "not just", "not to exceed",
 *   "no more than");
 * - clausal negators whose scope is the whole that-clause after them ("it cannot be said that …",
 *   "I do not agree that …", "there is no documentation that …"), up to a semicolon or a contrast; a
 *   denied belief without "that" ("I do not believe the request is …") up to the end of its clause;
 * - uncertainty ("it is unclear whether …"), which makes what follows no verdict at all.
 *
 * Everything is compiled once; a sentence is tokenized once.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

const SPACE = /\s/;

/**
 * The tokens of /[a-z0-9']+|[^\sa-z0-9']/g: runs of word characters, and every other character that is
 * not white space on its own (a scan of the characters: a sentence is tokenized whenever it has a verdict).
 */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const start = i;
    const c = s.charCodeAt(i);
    if (isWordChar(c)) {
      do i++;
      while (i < s.length && isWordChar(s.charCodeAt(i)));
    } else {
      i++;
      if (c === 32 || (c < 128 ? c >= 9 && c <= 13 : SPACE.test(s[start]!))) continue;
    }
    out.push({ text: s.slice(start, i), start, end: i });
  }
  return out;
}

/** a-z, 0-9 or an apostrophe. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39;
}

/** The scope window: how many words back from the phrase a trigger may stand. */
const WINDOW = 10;
const TERMINATORS = new Set([',', ';', ':', '(', ')', '"', '.', '!', '?', 'but', 'however', 'although', 'though', 'while', 'whereas', 'because', 'since', 'that', 'which', 'who', 'and', 'or', 'unless', 'if', 'when', 'so', 'than', 'yet', 'as', 'given', 'despite', 'unlike', 'except']);
/** "as" is a terminator except in "not supported as (being) medically necessary". */
const AS_PASS = new Set(['supported', 'certified', 'recommended', 'established', 'justified', 'approved', 'authorized', 'considered', 'regarded', 'documented', 'shown', 'demonstrated', 'being']);
const AS_NEXT = new Set(['being', 'medically', 'clinically', 'a', 'an']);
/** Words that may stand between two commas inside a verb phrase ("is not, in my opinion, medically necessary"). */
const PARENTHETICAL = new Set(['therefore', 'thus', 'hence', 'however', 'in', 'my', 'our', 'opinion', 'view', 'judgment', 'at', 'this', 'time', 'as', 'such', 'then', 'also', 'accordingly', 'consequently', 'clearly', 'currently', 'unfortunately', 'again']);

/** For a comma at `i` closing a parenthetical adverb, the index of the comma that opens it. */
function parenthetical(tokens: Token[], i: number): number | undefined {
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    const t = tokens[j]!.text; // 0 <= j < i, and i is a token's index
    if (t === ',') return j < i - 1 ? j : undefined;
    if (!PARENTHETICAL.has(t)) return undefined;
  }
  return undefined;
}
const FINITE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'do', 'did', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'shall', 'remains', 'remain', 'seems', 'appears']);
/** Words that may stand between a finite verb and its subject without being the subject ("the request therefore is"). */
const ADVERBS = new Set(['therefore', 'thus', 'hence', 'also', 'still', 'clearly', 'currently', 'presently', 'hereby', 'certainly', 'now', 'then', 'consequently', 'accordingly', 'again', 'likewise', 'similarly', 'simply', 'really', 'truly', 'i', 'we']);
const SINGLE_TRIGGERS = new Set(['not', 'never', 'nor', 'neither', 'hardly', 'scarcely']);
/** Verdict adjectives a negation before them shares with a phrase coordinated after them ("not reasonable or medically necessary"). */
const SHARING = new Set(POSITIVE_ADJ);
/**
 * Words that say something is missing. Before an infinitive of the phrase ("there is no documentation to
 * support the medical necessity", "the records are insufficient to establish medical necessity") each
 * denies it; "no", "none" and "neither" also deny the predicate of the subject they begin ("no further
 * therapy is medically necessary", "neither tramadol nor cyclobenzaprine is …").
 */
const DEFICIT = new Set(['no', 'none', 'nothing', 'insufficient', 'inadequate', 'limited', 'little', 'minimal', 'scant', 'lack', 'lacking', 'absence', 'absent', 'without']);
/** How many words a deficit word may stand before the "to" of the infinitive ("no objective documentation to …"). */
const DEFICIT_REACH = 5;
const SUBJECT_NEGATORS = new Set(['no', 'none', 'neither']);
/** How many words the start of a subject may stand before its last word ("none of the associated surgical services are …"). */
const SUBJECT_REACH = 6;

/**
 * For the "to" at `to`, the index of a deficit word before it in the same clause ("insufficient records
 * to"), or undefined. A "not" on the way is passed over (the caller counts it: "no reason not to support"
 * is a double negative; "not enough documentation to support" has no deficit word and the local scan
 * counts its "not" as usual).
 */
function deficitBeforeInfinitive(tokens: Token[], to: number): number | undefined {
  for (let j = to - 1; j >= Math.max(0, to - DEFICIT_REACH); j--) {
    const t = tokens[j]!.text; // 0 <= j < to
    if (DEFICIT.has(t)) return j;
    if (TERMINATORS.has(t) || FINITE.has(t)) return undefined;
  }
  return undefined;
}

/**
 * For the last word of a clause's subject at `last`, the index of the "no", "none" or "neither" that begins
 * the subject ("no further therapy", "none of the items", "neither X nor Y"), or undefined. The word must begin the clause: after the
 * sentence start, punctuation, a conjunction or a sentence adverb — "an MRI with no contrast" is not denied.
 * With `infinitive` (the phrase follows a "to": "insufficient information was provided to establish
 * medical necessity") every deficit word counts.
 */
function negatedSubject(tokens: Token[], last: number, infinitive: boolean): number | undefined {
  for (let j = last; j >= Math.max(0, last - SUBJECT_REACH); j--) {
    const t = tokens[j]!.text; // 0 <= j <= last < tokens.length
    if (t === 'nor') continue; // "neither tramadol nor cyclobenzaprine is …": one negation, by "neither"
    const negator = SUBJECT_NEGATORS.has(t) || (infinitive && DEFICIT.has(t));
    if (!negator && (TERMINATORS.has(t) || FINITE.has(t) || SINGLE_TRIGGERS.has(t))) return undefined;
    if (!negator) continue;
    const before = tokens[j - 1]?.text;
    return before === undefined || TERMINATORS.has(before) || ADVERBS.has(before) || PARENTHETICAL.has(before) ? j : undefined;
  }
  return undefined;
}
const PSEUDO_AFTER_NOT = new Set(['only', 'just', 'merely', 'simply', 'exceed', 'exceeding', 'limited', 'fewer', 'less', 'more', 'necessarily']);

/** Local negations of the phrase whose first word starts at `head`: their count, and where the first one starts. */
export function localNegation(tokens: Token[], head: number): { count: number; start?: number } {
  const headTok = tokens.findIndex((t) => t.start >= head);
  let i = headTok === -1 ? tokens.length - 1 : headTok - 1;
  let count = 0;
  let first: number | undefined;
  let words = 0;
  let passedFinite = false;
  for (; i >= 0 && words < WINDOW; i--) {
    const tok = tokens[i]!; // 0 <= i < tokens.length
    const t = tok.text;
    const prev = tokens[i - 1]?.text;
    const next = tokens[i + 1]?.text;
    if (i + 1 === headTok && (t === 'or' || t === 'and' || t === 'nor') && prev !== undefined && SHARING.has(prev)) {
      // the phrase is the second of two coordinated predicates: "neither reasonable nor medically
      // necessary", "not warranted nor …" deny it once, by the "nor"; "not reasonable or (and) medically
      // necessary" shares the negation of the first, read on from there
      if (t === 'nor') {
        count++;
        first = tok.start;
        break;
      }
      words++;
      continue;
    }
    if (t === ',' && parenthetical(tokens, i) !== undefined) {
      // "is not, therefore, medically necessary": an adverb between commas does not end the scope
      i = parenthetical(tokens, i) as number;
      continue;
    }
    if (t === 'as' && ((prev !== undefined && AS_PASS.has(prev)) || (next !== undefined && AS_NEXT.has(next)))) {
      words++;
      continue;
    }
    // "not yet medically necessary": "yet" after "not" is an adverb, not the conjunction
    if (TERMINATORS.has(t) && !(t === 'yet' && prev === 'not')) break;
    words++;
    if (SINGLE_TRIGGERS.has(t)) {
      if (t === 'not' && next !== undefined && PSEUDO_AFTER_NOT.has(next)) continue;
      if (t === 'not' && next === 'to' && tokens[i + 2]?.text === 'exceed') continue;
      count++;
      first = tok.start;
      continue;
    }
    if (t === 'non' && i + 1 === headTok) {
      count++;
      first = tok.start;
      continue;
    }
    if (t === 'no' && next === 'longer') {
      count++;
      first = tok.start;
      continue;
    }
    if ((t === 'fail' || t === 'fails' || t === 'failed' || t === 'failing' || t === 'unable') && next === 'to') {
      count++;
      first = tok.start;
      continue;
    }
    if (t === 'to' && !passedFinite) {
      const deficit = deficitBeforeInfinitive(tokens, i);
      if (deficit !== undefined) {
        count++;
        for (let j = deficit + 1; j < i; j++) if (SINGLE_TRIGGERS.has(tokens[j]!.text)) count++; // deficit < j < i
        first = tokens[deficit]!.start; // an index deficitBeforeInfinitive found
        words += i - deficit;
        i = deficit;
        continue;
      }
    }
    if (FINITE.has(t)) {
      passedFinite = true;
      continue;
    }
    // past the finite verb, any other word is the clause's subject: the verb phrase ends here
    if (passedFinite && !ADVERBS.has(t)) {
      const negator = negatedSubject(tokens, i, tokens[headTok - 1]?.text === 'to');
      if (negator !== undefined) {
        count++;
        first = tokens[negator]!.start; // an index negatedSubject found
      }
      break;
    }
  }
  return { count, start: first };
}

/** Clausal negators: the that-clause after them is denied. */
const CLAUSAL = new RegExp(
  [
    String.raw`\b(?:can not|could not|can't) be (?:said|stated|concluded|argued|maintained|assumed)\b[^;]*?\bthat\b`,
    String.raw`\b(?:it is|it's) (?:not|in no way) (?:true|the case|accurate|correct|reasonable to (?:say|conclude)|established)\b[^;]*?\bthat\b`,
    String.raw`\b(?:can not|could not|do not|does not|did not) (?:agree|concur|accept|find|conclude|believe|think|feel|consider|see|say)\b[^;]*?\bthat\b`,
    String.raw`\b(?:(?:am|is|are|was|were) not able to|unable to) (?:agree|concur|accept|find|conclude|say|state)\b[^;]*?\bthat\b`,
    String.raw`\b(?:disagree|dispute)s?\b[^;]*?\bthat\b`,
    String.raw`\b(?:not|never) (?:convinced|persuaded|satisfied|shown|established|demonstrated|documented)\b[^;]*?\bthat\b`,
    String.raw`\b(?:incorrect|inaccurate|wrong|mistaken) to (?:say|state|conclude|find)\b[^;]*?\bthat\b`,
    String.raw`\b(?:no|not|insufficient|little|lack of|absence of|without) (?:\w+ )?(?:documentation|evidence|indication|support|rationale|reason|basis|information|record|showing|proof)\b(?: \w+){0,4}? that\b`,
    String.raw`\b(?:does|do|did) not (?:show|document|establish|demonstrate|support|indicate|suggest|substantiate)\b[^;]*?\bthat\b`,
    String.raw`\b(?:fails?|failed) to (?:show|document|establish|demonstrate|support|indicate|substantiate)\b[^;]*?\bthat\b`,
    String.raw`\bnothing\b(?: \w+){0,5}? (?:to )?(?:shows?|documents?|establish(?:es)?|demonstrates?|supports?|indicates?|suggests?|substantiates?)\b[^;]*?\bthat\b`,
  ].join('|'),
  'g',
);
/** Uncertainty: what follows is a question, not a verdict. */
const UNCERTAIN = /\b(?:(?:un|not )clear|uncertain|unknown|questionable|not known|not certain|not sure|debatable)\b(?: \w+){0,3}? (?:whether|if|that|how)\b|\bwhether\b/g;
/** Where a clausal scope ends: a semicolon, a colon or a contrast. */
const SCOPE_END = /;|:|,? (?:but|however|nevertheless|nonetheless|yet)\b/g;

export interface Scope {
  start: number;
  end: number;
}

/**
 * For each match of `re` (global) in `s`, in order: the match and where its scope ends — at the first match
 * of `end` (global) after it, or at the end of `s`. What the cues of a sentence share: a negator, a
 * condition, a guideline's statement each speak from their words to a clause boundary.
 */
export function eachScope(re: RegExp, s: string, end: RegExp, f: (m: RegExpExecArray, scopeEnd: number) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    end.lastIndex = m.index + m[0].length;
    const e = end.exec(s);
    f(m, e ? e.index : s.length);
  }
}

/** The scopes that start right after each match of `re` and end at SCOPE_END. */
function scopes(re: RegExp, s: string): Scope[] {
  const out: Scope[] = [];
  eachScope(re, s, SCOPE_END, (m, end) => out.push({ start: m.index + m[0].length, end }));
  return out;
}

export function clausalNegations(s: string): Scope[] {
  return s.includes('that') ? scopes(CLAUSAL, s) : [];
}

/**
 * A denied belief without "that": "I do not believe the request is medically necessary", "there is no
 * basis for finding this request (not) medically necessary". Its scope is
 * the clause after the verb, to a comma, a semicolon, a colon or a conjunction. (With a verb phrase of
 * its own the local scan reads the same "not" itself — "I do not consider it medically necessary" —
 * and the reader counts the two once: BeliefScope.trigger.)
 */
const BELIEF_DENIED =
  /\b(?:can not|could not|do not|does not|did not) (?:believe|think|feel|consider)\b(?! that\b)|\b(?:no|little) (?:basis|reason|grounds|justification) (?:for|to) (?:find|finding|conclude|concluding|consider|considering|deem|deeming|regard|regarding)\b(?! that\b)/g;
const BELIEF_WORDS = /believe|think|feel|consider|basis|reason|grounds|justification/;
/** The word of a BELIEF_DENIED match that denies. */
const BELIEF_TRIGGER = /\b(?:not|no|little)\b/;
const BELIEF_END = /[;:,]|\b(?:and|but|however|because|since|as|although|though)\b/g;

export interface BeliefScope extends Scope {
  /** Where the denied belief's "not" stands. */
  trigger: number;
}

export function deniedBeliefs(s: string): BeliefScope[] {
  if (!BELIEF_WORDS.test(s)) return [];
  const out: BeliefScope[] = [];
  // the trigger: the "not" of a denied verb, or the "no" / "little" of missing grounds
  eachScope(BELIEF_DENIED, s, BELIEF_END, (m, end) => out.push({ start: m.index + m[0].length, end, trigger: m.index + m[0].search(BELIEF_TRIGGER) }));
  return out;
}

const UNCERTAIN_WORDS = /whether|clear|certain|known|question|sure|debatable/;
export function uncertainScopes(s: string): Scope[] {
  return UNCERTAIN_WORDS.test(s) ? scopes(UNCERTAIN, s) : [];
}

export function inScope(scopeList: Scope[], at: number): number {
  let n = 0;
  for (const sc of scopeList) if (at >= sc.start && at < sc.end) n++;
  return n;
}
