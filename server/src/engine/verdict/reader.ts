import { pushAll } from '../text/arrays';
import { AGREEMENT, CLAUSE_BREAK, CONCLUDING, CONDITION_BEFORE, CONDITION_CLAUSE, CONTRAST, GUIDELINE, GUIDELINE_FRAME, MODAL, OPENER, qualifierAfter, REPORTED, REQUEST_SUBJECT, SUBORDINATOR } from './cues';
import { Mention, Polarity, findMentions } from './lexicon';
import { BeliefScope, Scope, Token, clausalNegations, deniedBeliefs, eachScope, inScope, localNegation, tokenize, uncertainScopes } from './negation';
import { normalizeText } from './normalize';
import { splitSentences } from '../text/sentences';

/**
 * Reads which way a rationale concludes about its item: the reviewer's own verdict, told apart from a
 * guideline's general statement, someone else's opinion, a condition or a possibility, and a verdict on
 * another treatment. Every verdict phrase (lexicon.ts) is read with its negation scope (negation.ts)
 * and weighed by where it stands: a concluding sentence ("Therefore, …"), a "Yes,/No," answer, a clause
 * about the request or the item, the last verdict of the rationale. When the weight of the two
 * polarities is too close, or there is no verdict at all, the answer is `unclear`.
 */

export type VerdictValue = 'necessary' | 'not-necessary' | 'unclear';

export interface Verdict {
  value: VerdictValue;
  /** Offsets in the text of the phrase that decided it (absent for `unclear` without any verdict phrase). */
  start?: number;
  end?: number;
}

/** A verdict phrase weighed for the item. */
interface Candidate {
  polarity: Polarity;
  score: number;
  /** The clause names something other than the item: counted against it only when the other polarity competes. */
  aboutOther: boolean;
  sentence: number;
  start: number;
  end: number;
}

/** A verdict phrase as the text reads it: weighed by every cue but whether its clause is about the item. */
interface Reading {
  polarity: Polarity;
  /** The weight of its cues, without the bonus of a clause about the request or the item. */
  score: number;
  /** About the request whatever the item: the clause's subject is "the request", "it" …, or it decides on the denial. */
  aboutRequest: boolean;
  /**
   * The clause's words before the phrase, when its subject is not the request itself: the clause is about
   * the item when they name it, else about something else when they have content. Undefined for an
   * agreement (set all the same: readings of one shape keep weighFor's optimized code from deoptimizing).
   */
  subject: string | undefined;
  /** An elided predicate ("…, but the Soma is not"): a verdict only on the item its subject names. */
  elliptic: boolean;
  sentence: number;
  start: number;
  end: number;
}

/** What a rationale says, whatever its item: its verdict phrases that count, and whether it has any at all. */
export interface RationaleReading {
  readonly readings: readonly Reading[];
  readonly anyMention: boolean;
}

/** A verdict needs this weight; the other polarity must trail it by MARGIN, else the reading is unclear. */
const THRESHOLD = 3;
const MAX_SENTENCE = 3000;
const MARGIN = 3;

/** A sentence without any of these word stems states no verdict (a cheap test before the real reading). */
const VERDICT_STEMS = /necess|indicat|appropriat|warrant|reasonabl|need|requir|justif|support|recommend|substantiat|essential|approv|authori[sz]|certif|denied|allowed|granted|upheld|affirm|sustain|maintain|overturn|revers|overrul|agree|uphold|side|medic|clinic|essary|concur|excessive|opinion|i find|i conclude|i believe|i consider|i determine|i judge/i;

/** A hyphen at a line wrap inside a word, or a word split by a space ("n ot"). */
const WRAP_BREAK = /[a-z][-\u2010\u2011\u00ad]\s|\bn ot\b|\bno t\b/i;
const WRAP_JOIN = /[-\u2010\u2011\u00ad]\s+/g;
/** Stems of the criteria and of judgements of the earlier decision ("was correct"): a second, short scan. */
const LATER_STEMS = /criteri|correct|proper|valid/i;
const UNTIL = /^\W*until\b/;
const XRAY = /\bx ?rays?\b/g;
const DISAGREE = /dis|not|unable/;
const OWN_FINDING = /\bin my\b|\bi (?:find|conclude|believe|consider|determine|judge)\b/;
const GENERIC_DECISION = /^\s*(?:for|by (?:the )?fda)\b/;

const FUNCTION_WORDS = new Set([
  'there', 'here', 'what', 'one',
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'they', 'for', 'of', 'to', 'in', 'on', 'at', 'with', 'by', 'as', 'and', 'or', 'is', 'are',
  'was', 'were', 'be', 'been', 'being', 'not', 'no', 'request', 'requested', 'requests', 'proposed', 'also', 'therefore', 'thus', 'hence', 'such', 'so', 'here',
  'time', 'present', 'currently', 'considered', 'deemed', 'found', 'determined', 'felt', 'judged', 'then', 'still', 'which', 'both', 'all', 'any', 'each',
  'further', 'additional', 'continued', 'ongoing', 'repeat', 'patient', 'worker', 'injured', 'claimant', 'employee', 'his', 'her', 'their', 'him', 'them',
  'i', 'we', 'my', 'our', 'reviewer', 'records', 'record', 'documentation', 'provided', 'submitted', 'clinical', 'medical', 'information', 'can', 'will',
  'would', 'should', 'has', 'have', 'had', 'does', 'do', 'did', 'remains', 'remain', 'seems', 'appears', 'now', 'current', 'said', 'same', 'above',
]);
/** Item words that say nothing about what the item is. */
const ITEM_NOISE = new Set(['left', 'right', 'bilateral', 'sessions', 'session', 'visits', 'visit', 'times', 'unit', 'units', 'purchase', 'rental', 'retrospective', 'dos', 'one', 'two', 'three', 'four', 'six', 'eight', 'twelve', 'per', 'week', 'weeks', 'month', 'months', 'day', 'days', 'tablets', 'tabs', 'quantity', 'qty', 'supply', 'outpatient', 'inpatient', 'associated', 'surgical', 'service', 'services']);
/** Dose and form abbreviations in an item's name. */
const DOSE_WORDS = new Set(['mg', 'mcg', 'ml', 'qty', 'tab', 'cap', 'er', 'xr', 'sr', 'cr', 'hcl', 'apap']);
/** Words that name the same kind of thing as an item word (a Map: an item word such as "constructor" is no key of it). */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['mri', ['imaging', 'scan', 'study', 'magnetic']],
  ['ct', ['imaging', 'scan', 'study']],
  ['xray', ['imaging', 'radiograph', 'radiographs', 'films', 'study', 'ray', 'rays']],
  ['ray', ['imaging', 'radiograph', 'radiographs', 'films', 'study', 'xray', 'rays']],
  ['rays', ['imaging', 'radiograph', 'radiographs', 'films', 'study', 'xray', 'ray']],
  ['radiograph', ['imaging', 'ray', 'rays', 'films']],
  ['ultrasound', ['imaging', 'study', 'sonography']],
  ['emg', ['electrodiagnostic', 'electromyography', 'study', 'studies', 'testing']],
  ['ncs', ['electrodiagnostic', 'nerve', 'study', 'studies', 'testing', 'ncv']],
  ['ncv', ['electrodiagnostic', 'nerve', 'study', 'studies', 'testing', 'ncs']],
  ['electrodiagnostic', ['emg', 'ncs', 'ncv', 'study', 'studies', 'testing']],
  ['therapy', ['pt', 'therapy']],
  ['pt', ['therapy', 'physical']],
  ['arthroscopy', ['surgery', 'procedure', 'operation', 'surgical']],
  ['release', ['surgery', 'procedure', 'operation', 'surgical']],
  ['fusion', ['surgery', 'procedure', 'operation', 'surgical']],
  ['repair', ['surgery', 'procedure', 'operation', 'surgical']],
  ['arthroplasty', ['surgery', 'procedure', 'operation', 'surgical', 'replacement']],
  ['decompression', ['surgery', 'procedure', 'operation', 'surgical']],
  ['injection', ['injections', 'block', 'blocks', 'procedure']],
  ['injections', ['injection', 'block', 'blocks', 'procedure']],
  ['consultation', ['consult', 'referral', 'evaluation']],
  ['consult', ['consultation', 'referral', 'evaluation']],
  ['referral', ['consultation', 'consult', 'evaluation']],
  ['evaluation', ['consultation', 'assessment', 'referral']],
  ['tens', ['stimulator', 'device', 'unit']],
  ['screen', ['test', 'testing', 'toxicology']],
  ['toxicology', ['test', 'testing', 'screen', 'screening']],
]);

export function readVerdict(text: string, item?: string): Verdict {
  return weighFor(readRationale(text), item);
}

/**
 * The verdicts of one letter's rationales. Items grouped under one rationale each repeat its text: it is
 * read once (readRationale), then weighed for each item. Make one per parse of a letter: it keeps the
 * texts it has read, and must never outlive the letter.
 */
export class LetterVerdicts {
  private readonly read: { text: string; reading: RationaleReading }[] = [];

  verdict(text: string, item?: string): Verdict {
    // a letter has a handful of rationales: a scan comparing lengths first costs less than hashing each text
    let known = this.read.find((r) => r.text.length === text.length && r.text === text);
    if (!known) this.read.push((known = { text, reading: readRationale(text) }));
    return weighFor(known.reading, item);
  }
}

/** Every verdict phrase of `text` that counts, read sentence by sentence (nothing here depends on the item). */
export function readRationale(text: string): RationaleReading {
  const sentences = splitSentences(text);
  const readings: Reading[] = [];
  let anyMention = false;
  let lastReported: Polarity | undefined;
  for (let si = 0; si < sentences.length; si++) {
    const span = sentences[si]!;
    // a "sentence" of thousands of characters is not prose (a table, an unpunctuated paste): no verdict in it
    if (span.end - span.start > MAX_SENTENCE) continue;
    const raw = text.slice(span.start, span.end);
    // a word broken by a PDF line wrap ("neces- sary", "n ot") hides its stem until it is joined again
    if (!VERDICT_STEMS.test(raw) && !LATER_STEMS.test(raw) && !(WRAP_BREAK.test(raw) && VERDICT_STEMS.test(raw.replace(WRAP_JOIN, '')))) continue;
    const n = normalizeText(raw);
    const s = n.text;
    const mentions = findMentions(s);
    // without a mention, only an agreement with an opinion reported before can say anything
    if (mentions.length === 0 && lastReported === undefined) continue;
    const cues = new SentenceCues(s);
    if (mentions.length === 0 && !cues.agreement) continue;
    anyMention ||= mentions.length > 0;
    const own: Reading[] = [];
    for (const m of mentions) {
      if (inSpans(cues.quotes, m.start) || inScope(cues.uncertain, m.start) > 0) continue;
      const reported = cues.reported;
      if (reported && m.start >= reported.start && m.start < reported.end && !m.decisionOfDenial) {
        lastReported = polarityOf(m, localNegation(cues.tokens, m.head), cues);
        continue;
      }
      if (!m.decisionOfDenial && (inSpans(cues.guideline, m.start) || (!m.strong && cues.framed))) continue;
      if (cues.conditionBefore(m.start) || inSpans(cues.conditionClauses, m.start)) continue;
      const clauseStart = lastBefore(cues.breaks, m.start) ?? 0;
      const modal = modalIn(s, clauseStart, m.head);
      if (modal === 'hypothetical') continue;
      const after = s.slice(m.end, m.end + 60);
      // "not medically necessary until …" is a verdict now; "medically necessary until …" a condition
      if (qualifierAfter(after) && !(UNTIL.test(after) && localNegation(cues.tokens, m.head).count % 2 === 1)) continue;
      // the negation is read only now: a phrase set aside above needs none (nor its sentence the tokens)
      const neg = localNegation(cues.tokens, m.head);
      const polarity = polarityOf(m, neg, cues);
      let subject = s.slice(clauseStart, Math.min(m.start, neg.start ?? m.start));
      // a verb phrase coordinated with the clause before has that clause's subject ("the request falls
      // within guidelines and is appropriate")
      if (COORDINATED_VP.test(subject)) subject = s.slice(lastBefore(cues.breaks, clauseStart) ?? 0, Math.min(m.start, neg.start ?? m.start));
      // an elided predicate is about the subject it names, whatever that is ("however, the request for the
      // TENS unit is not"): weighed by whether it names the item, never as "the request" itself
      const requestSubject = !m.elliptic && REQUEST_SUBJECT.test(subject.trim());
      // "Ondansetron is approved for chemotherapy": an agent's indication, not a decision on the request
      if (m.kind === 'decision' && !requestSubject && GENERIC_DECISION.test(after)) continue;
      const contrasts = cues.contrasts;
      let score = 1;
      if (m.strong) score += 2;
      if (cues.concluding) score += 2;
      if (contrasts.length > 0 && contrasts[0]! < m.start) score += 2;
      if (modal === 'hedged') score -= 2;
      if (cues.subordinate(m.start)) score -= 3;
      // conceded before a contrast in the same sentence: "X was necessary; however, further X is not"
      if (contrasts.length > 0 && contrasts[contrasts.length - 1]! > m.end) score -= 2;
      const [start, end] = sourceRange(n, span.start, Math.min(m.start, neg.start ?? m.start), m.end);
      const aboutRequest = requestSubject || m.decisionOfDenial === true;
      own.push({ polarity, score, aboutRequest, subject: requestSubject ? undefined : subject, elliptic: m.elliptic === true, sentence: si, start, end });
    }
    const opener = own.length > 0 ? cues.opener : null;
    if (opener) {
      const said: Polarity = opener[1] === 'yes' ? 1 : -1;
      for (const c of own) if (c.polarity === said) c.score += 3;
    }
    const agreement = own.length === 0 && lastReported !== undefined ? cues.agreement : null;
    if (agreement && lastReported !== undefined) {
      // "I do not agree." after the UR's "not medically necessary": the reviewer's verdict is the opposite
      const disagree = DISAGREE.test(agreement[0]) && !OWN_FINDING.test(agreement[0]);
      const [start, end] = sourceRange(n, span.start, agreement.index, agreement.index + agreement[0].length);
      own.push({ polarity: (disagree ? -lastReported : lastReported) as Polarity, score: 6, aboutRequest: false, subject: undefined, elliptic: false, sentence: si, start, end });
    }
    pushAll(readings, own);
  }
  return { readings, anyMention };
}

/** The verdict of a rationale read by readRationale on `item`: its phrases weighed by what their clauses are about. */
export function weighFor(reading: RationaleReading, item?: string): Verdict {
  // the item's words are needed only for a clause whose subject is not the request itself (a third of the rationales)
  let itemWords: Set<string> | undefined;
  // plain loops: this runs for every item of every letter, and the array builtins' optimized code was
  // thrown away (and compiled again) whenever an empty reading's arrays met it
  const kept: Candidate[] = [];
  let last = -1;
  for (const r of reading.readings) {
    const aboutItem = item && r.subject !== undefined ? overlaps(r.subject, (itemWords ??= keywords(item))) : false;
    if (r.elliptic && item && !aboutItem) continue;
    const score = r.aboutRequest || aboutItem ? r.score + 2 : r.score;
    if (score < THRESHOLD) continue;
    const aboutOther = !!item && r.subject !== undefined && !aboutItem && hasContent(r.subject);
    kept.push({ polarity: r.polarity, score, aboutOther, sentence: r.sentence, start: r.start, end: r.end });
    if (r.sentence > last) last = r.sentence;
  }
  const first = kept[0];
  if (first) {
    let mixed = false;
    for (const c of kept) {
      if (c.sentence === last) c.score += 1;
      if (c.polarity !== first.polarity) mixed = true;
    }
    // a verdict on something else weighs little against one on the item
    if (mixed) for (const c of kept) if (c.aboutOther) c.score -= 3;
  }
  // the last of the highest-weighted phrases of each polarity
  const best = (p: Polarity): Candidate | undefined => {
    let b: Candidate | undefined;
    for (const c of kept) if (c.polarity === p && (!b || c.score >= b.score)) b = c;
    return b;
  };
  const pos = best(1);
  const neg = best(-1);
  const unclear = (): Verdict => {
    const any = pos ?? neg;
    return reading.anyMention && any ? { value: 'unclear', start: any.start, end: any.end } : { value: 'unclear' };
  };
  if (!pos && !neg) return unclear();
  const winner = !neg ? pos : !pos ? neg : pos.score - neg.score >= MARGIN ? pos : neg.score - pos.score >= MARGIN ? neg : undefined;
  if (!winner) return unclear();
  return { value: winner.polarity === 1 ? 'necessary' : 'not-necessary', start: winner.start, end: winner.end };
}

/** The polarity of mention `m` once its local negations `neg` and the clausal ones around it are counted. */
function polarityOf(m: Mention, neg: { count: number; start?: number }, cues: SentenceCues): Polarity {
  let flips = neg.count + inScope(cues.clausal, m.start);
  // a denied belief ("I do not believe …") counts unless the local scan has read its "not" already
  for (const b of cues.beliefs) if (m.start >= b.start && m.start < b.end && !(neg.start !== undefined && neg.start <= b.trigger)) flips++;
  return (flips % 2 === 0 ? m.base : -m.base) as Polarity;
}

/**
 * Offsets in the text of normalized offsets [a, b) of the sentence starting at `base` (its normalized
 * text is not empty); without a map, normalized offset i is offset i of the sentence.
 */
function sourceRange(n: { text: string; map: number[] | undefined }, base: number, a: number, b: number): [number, number] {
  const length = n.text.length;
  const at = (i: number) => (n.map ? n.map[i]! : i);
  return [base + at(Math.min(a, length - 1)), base + at(Math.max(a, Math.min(b, length) - 1)) + 1];
}

/**
 * The cue scans of one normalized sentence, each run on its first use: most verdict phrases are set
 * aside (quoted, a guideline's, a condition's) before the later scans are needed, and a sentence
 * without any phrase that counts needs none of them.
 */
class SentenceCues {
  private tokenList?: Token[];
  private quoteList?: Scope[];
  private uncertainList?: Scope[];
  private clausalList?: Scope[];
  private beliefList?: BeliefScope[];
  private reportedScope?: Scope | null;
  private agreementMatch?: RegExpExecArray | null;
  private guidelineList?: Scope[];
  private framedFlag?: boolean;
  private conditionScopeList?: Scope[];
  private conditionList?: Scope[];
  private breakList?: number[];
  private subordinatorList?: number[];
  private contrastList?: number[];
  private concludingFlag?: boolean;

  constructor(private readonly s: string) {}

  get tokens(): Token[] {
    return (this.tokenList ??= tokenize(this.s));
  }
  get quotes(): Scope[] {
    return (this.quoteList ??= quoteSpans(this.s));
  }
  get uncertain(): Scope[] {
    return (this.uncertainList ??= uncertainScopes(this.s));
  }
  get beliefs(): BeliefScope[] {
    return (this.beliefList ??= deniedBeliefs(this.s));
  }
  get clausal(): Scope[] {
    return (this.clausalList ??= clausalNegations(this.s));
  }
  /** The reviewer agreeing or disagreeing ("I agree with the UR"). */
  get agreement(): RegExpExecArray | null {
    if (this.agreementMatch === undefined) this.agreementMatch = AGREEMENT.exec(this.s);
    return this.agreementMatch;
  }
  /**
   * Someone else's opinion reported, unless the reviewer speaks in the same sentence (the report is
   * looked for first: most sentences have none, and then whether the reviewer speaks does not matter).
   */
  get reported(): Scope | null {
    if (this.reportedScope === undefined) {
      const scope = reportedScope(this.s);
      this.reportedScope = scope && !this.agreement ? scope : null;
    }
    return this.reportedScope;
  }
  get guideline(): Scope[] {
    return (this.guidelineList ??= guidelineScopes(this.s));
  }
  get framed(): boolean {
    return (this.framedFlag ??= GUIDELINE_FRAME.test(this.s));
  }
  /**
   * A condition ("if", "unless") before offset `at` still holds there: its scope runs on past commas
   * ("If X, the request is necessary") to a semicolon, a colon or a contrast ("…; at present, the request
   * is not medically necessary", "…, but it is not").
   */
  conditionBefore(at: number): boolean {
    return inSpans((this.conditionScopeList ??= conditionScopes(this.s)), at);
  }
  get conditionClauses(): Scope[] {
    return (this.conditionList ??= spans(CONDITION_CLAUSE, this.s));
  }
  get breaks(): number[] {
    return (this.breakList ??= starts(CLAUSE_BREAK, this.s));
  }
  get contrasts(): number[] {
    return (this.contrastList ??= starts(CONTRAST, this.s));
  }
  get concluding(): boolean {
    return (this.concludingFlag ??= CONCLUDING.test(this.s));
  }
  get opener(): RegExpExecArray | null {
    return OPENER.exec(this.s);
  }
  /**
   * Offset `at` is inside a subordinate clause: a subordinator stands before it with no comma or
   * semicolon in between (checking the last subordinator before it is enough: an earlier one spans it).
   */
  subordinate(at: number): boolean {
    const x = lastBefore((this.subordinatorList ??= starts(SUBORDINATOR, this.s)), at);
    // "… rather than a medical need and is not medically necessary": a verb phrase coordinated after the
    // subordinate phrase is the main clause's again
    return x !== undefined && !hasClausePunctuation(this.s, x, at) && !AND_VERB.test(this.s.slice(x, at));
  }
}

/** The last of the ascending offsets `list` that is below `at`. */
function lastBefore(list: number[], at: number): number | undefined {
  let found: number | undefined;
  for (const x of list) {
    if (x >= at) break;
    found = x;
  }
  return found;
}

/** A comma or semicolon in s[from, to). */
function hasClausePunctuation(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 59) return true;
  }
  return false;
}

/** Where a condition's scope ends (conditionBefore). */
const CONDITION_END = /;|:|,? (?:but|however|nevertheless|nonetheless)\b/g;
function conditionScopes(s: string): Scope[] {
  const out: Scope[] = [];
  eachScope(CONDITION_BEFORE, s, CONDITION_END, (m, end) => out.push({ start: m.index, end }));
  return out;
}

/** A subordinate clause open at the end of the text: "Although the guidelines do not recommend this". */
const SUBORDINATE_OPEN = /\b(?:although|though|even though|even if|while|whereas|despite|in spite of)\b[^,;:]*$/;

/**
 * Regions a guideline speaks in: from "The MTUS recommends" to the end of that clause — in a subordinate
 * clause, to its comma ("Although the guidelines do not recommend this, it is medically necessary here").
 */
const GUIDELINE_END = /;|, (?:and|but|so|therefore|thus|hence|whereas|as such)\b|\b(?:however|therefore|thus|hence)\b/g;
function guidelineScopes(s: string): Scope[] {
  const out: Scope[] = [];
  eachScope(GUIDELINE, s, GUIDELINE_END, (m, clauseEnd) => {
    let end = clauseEnd;
    if (SUBORDINATE_OPEN.test(s.slice(0, m.index))) {
      const comma = s.indexOf(',', m.index + m[0].length);
      if (comma >= 0 && comma < end) end = comma;
    }
    out.push({ start: m.index, end });
  });
  return out;
}

/** Where someone else's opinion is reported: from the attribution to the end of its clause. */
const REPORTED_END = /;|\b(?:however|but|therefore|thus|hence|as such|i|this reviewer)\b/g;
function reportedScope(s: string): Scope | undefined {
  const m = REPORTED.exec(s);
  if (!m) return undefined;
  REPORTED_END.lastIndex = m.index + m[0].length;
  const e = REPORTED_END.exec(s);
  return { start: m.index, end: e ? e.index : s.length };
}

const FIRST_PERSON_BEFORE = /\b(?:i|we) $/;
const AND_VERB = /\band (?:is|are|was|were)\b/;
/** A clause that is only "and" / "but" before its verb: a verb phrase sharing the subject before it. */
const COORDINATED_VP = /^\W*(?:and|but)(?:\s+(?:is|are|was|were))?\W*$/;

/**
 * A modal in the phrase's clause before it: "would"/"will" hedge a verdict; "may", "might", "could", "can"
 * make it a possibility. The reviewer's own "I would" ("I would overturn the prior decision", "I would
 * not consider it medically necessary") is the polite register of a ruling, not a hedge.
 */
function modalIn(s: string, from: number, to: number): 'hedged' | 'hypothetical' | undefined {
  MODAL.lastIndex = from;
  let kind: 'hedged' | 'hypothetical' | undefined;
  for (let m = MODAL.exec(s); m && m.index < to; m = MODAL.exec(s)) {
    if (m[0] === 'would' && FIRST_PERSON_BEFORE.test(s.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (m[0] === 'would' || m[0] === 'will' || m[0] === 'shall') kind ??= 'hedged';
    else return 'hypothetical';
  }
  return kind;
}

const QUOTE = /"[^"]*"/g;
function quoteSpans(s: string): Scope[] {
  if (!s.includes('"')) return [];
  const out: Scope[] = [];
  QUOTE.lastIndex = 0;
  for (let m = QUOTE.exec(s); m; m = QUOTE.exec(s)) out.push({ start: m.index, end: m.index + m[0].length });
  // an unclosed quote runs to the end of the sentence
  let count = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) count++;
  if (count % 2 === 1) out.push({ start: s.lastIndexOf('"'), end: s.length });
  return out;
}

function spans(re: RegExp, s: string): Scope[] {
  const out: Scope[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function inSpans(spans: Scope[], at: number): boolean {
  return spans.some((sp) => at >= sp.start && at < sp.end);
}

function starts(re: RegExp, s: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(m.index);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const WORD = /[a-z][a-z0-9]*/g;
function words(s: string): string[] {
  return s.match(WORD) ?? [];
}

function keywords(item: string): Set<string> {
  const n = normalizeText(item); // its offsets are not needed
  const out = new Set<string>();
  for (const w0 of words(n.text.replace(XRAY, 'xray'))) {
    const w = w0;
    // (a word starts with a letter: WORD)
    if (w.length < 2 || FUNCTION_WORDS.has(w) || ITEM_NOISE.has(w) || DOSE_WORDS.has(w)) continue;
    out.add(w);
    for (const syn of SYNONYMS.get(w) ?? []) out.add(syn);
  }
  return out;
}

function overlaps(subject: string, itemWords: Set<string>): boolean {
  for (const w of words(subject.replace(XRAY, 'xray'))) if (itemWords.has(w)) return true;
  return false;
}

function hasContent(subject: string): boolean {
  return words(subject).some((w) => w.length >= 3 && !FUNCTION_WORDS.has(w) && !ITEM_NOISE.has(w));
}

