import { maxOf, pushAll } from '../text/arrays';
import { AGREEMENT, CLAUSE_BREAK, CONCLUDING, CONDITION_BEFORE, CONDITION_CLAUSE, CONTRAST, GUIDELINE, GUIDELINE_FRAME, MODAL, OPENER, qualifierAfter, REPORTED, REQUEST_SUBJECT, SUBORDINATOR } from './cues';
import { Polarity, findMentions } from './lexicon';
import { Scope, clausalNegations, inScope, localNegation, tokenize, uncertainScopes } from './negation';
import { Normalized, normalize } from './normalize';
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

interface Candidate {
  polarity: Polarity;
  score: number;
  /** The clause names something other than the item: counted against it only when the other polarity competes. */
  aboutOther: boolean;
  sentence: number;
  start: number;
  end: number;
}

/** A verdict needs this weight; the other polarity must trail it by MARGIN, else the reading is unclear. */
const THRESHOLD = 3;
const MAX_SENTENCE = 3000;
const MARGIN = 3;

/** A sentence without any of these word stems states no verdict (a cheap test before the real reading). */
const VERDICT_STEMS = /necess|indicat|appropriat|warrant|reasonabl|need|requir|justif|support|recommend|substantiat|essential|approv|authori[sz]|certif|denied|allowed|granted|upheld|affirm|sustain|maintain|overturn|revers|overrul|agree|uphold|side|medic|clinic|essary|concur|excessive|opinion|i find|i conclude|i believe|i consider|i determine|i judge/i;

const COMMA = /[,;]/;
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
/** Words that name the same kind of thing as an item word. */
const SYNONYMS: Record<string, string[]> = {
  mri: ['imaging', 'scan', 'study', 'magnetic'],
  ct: ['imaging', 'scan', 'study'],
  xray: ['imaging', 'radiograph', 'radiographs', 'films', 'study', 'ray', 'rays'],
  ray: ['imaging', 'radiograph', 'radiographs', 'films', 'study', 'xray', 'rays'],
  rays: ['imaging', 'radiograph', 'radiographs', 'films', 'study', 'xray', 'ray'],
  radiograph: ['imaging', 'ray', 'rays', 'films'],
  ultrasound: ['imaging', 'study', 'sonography'],
  emg: ['electrodiagnostic', 'electromyography', 'study', 'studies', 'testing', 'ncs', 'ncv'],
  ncs: ['electrodiagnostic', 'nerve', 'study', 'studies', 'testing', 'emg'],
  ncv: ['electrodiagnostic', 'nerve', 'study', 'studies', 'testing', 'emg'],
  electrodiagnostic: ['emg', 'ncs', 'ncv', 'study', 'studies', 'testing'],
  therapy: ['pt', 'therapy'],
  pt: ['therapy', 'physical'],
  arthroscopy: ['surgery', 'procedure', 'operation', 'surgical'],
  release: ['surgery', 'procedure', 'operation', 'surgical'],
  fusion: ['surgery', 'procedure', 'operation', 'surgical'],
  repair: ['surgery', 'procedure', 'operation', 'surgical'],
  arthroplasty: ['surgery', 'procedure', 'operation', 'surgical', 'replacement'],
  decompression: ['surgery', 'procedure', 'operation', 'surgical'],
  injection: ['injections', 'block', 'blocks', 'procedure'],
  injections: ['injection', 'block', 'blocks', 'procedure'],
  consultation: ['consult', 'referral', 'evaluation'],
  consult: ['consultation', 'referral', 'evaluation'],
  referral: ['consultation', 'consult', 'evaluation'],
  evaluation: ['consultation', 'assessment', 'referral'],
  tens: ['stimulator', 'device', 'unit'],
  screen: ['test', 'testing', 'toxicology'],
  toxicology: ['test', 'testing', 'screen', 'screening'],
};

export function readVerdict(text: string, item?: string): Verdict {
  const itemWords = item ? keywords(item) : undefined;
  const sentences = splitSentences(text);
  const cands: Candidate[] = [];
  let anyMention = false;
  let lastReported: Polarity | undefined;
  for (let si = 0; si < sentences.length; si++) {
    const span = sentences[si]!;
    // a "sentence" of thousands of characters is not prose (a table, an unpunctuated paste): no verdict in it
    if (span.end - span.start > MAX_SENTENCE) continue;
    const raw = text.slice(span.start, span.end);
    if (!VERDICT_STEMS.test(raw)) continue;
    const n = normalize(raw);
    const s = n.text;
    const mentions = findMentions(s);
    const agreement = AGREEMENT.exec(s);
    if (mentions.length === 0 && !agreement) continue;
    anyMention ||= mentions.length > 0;
    // the sentence has a verdict stem, so its normalized text (one map entry a character) is not empty
    const toText = (a: number, b: number): [number, number] => [span.start + n.map[Math.min(a, n.map.length - 1)]!, span.start + n.map[Math.max(a, Math.min(b, n.map.length) - 1)]! + 1];
    const tokens = tokenize(s);
    const concluding = CONCLUDING.test(s);
    const opener = OPENER.exec(s);
    const clausal = clausalNegations(s);
    const uncertain = uncertainScopes(s);
    const quotes = quoteSpans(s);
    const guideline = guidelineScopes(s);
    const framed = GUIDELINE_FRAME.test(s);
    const reported = agreement ? undefined : reportedScope(s);
    const conditions = starts(CONDITION_BEFORE, s);
    const conditionClauses = spans(CONDITION_CLAUSE, s);
    const subordinators = starts(SUBORDINATOR, s);
    const contrasts = starts(CONTRAST, s);
    const breaks = starts(CLAUSE_BREAK, s);
    const own: Candidate[] = [];
    for (const m of mentions) {
      if (inSpans(quotes, m.start) || inScope(uncertain, m.start) > 0) continue;
      const neg = localNegation(tokens, m.head);
      const flips = neg.count + inScope(clausal, m.start);
      const polarity = (flips % 2 === 0 ? m.base : -m.base) as Polarity;
      if (reported && m.start >= reported.start && m.start < reported.end && !m.decisionOfDenial) {
        lastReported = polarity;
        continue;
      }
      if (!m.decisionOfDenial && (inSpans(guideline, m.start) || (framed && !m.strong))) continue;
      if (conditions.some((c) => c < m.start) || inSpans(conditionClauses, m.start)) continue;
      const clauseStart = Math.max(0, ...breaks.filter((b) => b < m.start));
      const modal = modalIn(s, clauseStart, m.head);
      if (modal === 'hypothetical') continue;
      const after = s.slice(m.end, m.end + 60);
      if (qualifierAfter(after)) continue;
      const subject = s.slice(clauseStart, Math.min(m.start, neg.start ?? m.start));
      const subordinate = subordinators.some((x) => x < m.start && !COMMA.test(s.slice(x, m.start)));
      const aboutRequest = REQUEST_SUBJECT.test(subject.trim()) || (itemWords !== undefined && overlaps(subject, itemWords));
      const aboutOther = itemWords !== undefined && !aboutRequest && hasContent(subject);
      // "Ondansetron is approved for chemotherapy": an agent's indication, not a decision on the request
      if (m.kind === 'decision' && !REQUEST_SUBJECT.test(subject.trim()) && GENERIC_DECISION.test(after)) continue;
      let score = 1;
      if (m.strong) score += 2;
      if (aboutRequest || m.decisionOfDenial) score += 2;
      if (concluding) score += 2;
      if (contrasts.some((c) => c < m.start)) score += 2;
      if (modal === 'hedged') score -= 2;
      if (subordinate) score -= 3;
      // conceded before a contrast in the same sentence: "X was necessary; however, further X is not"
      if (contrasts.some((c) => c > m.end)) score -= 2;
      const [start, end] = toText(Math.min(m.start, neg.start ?? m.start), m.end);
      own.push({ polarity, score, aboutOther, sentence: si, start, end });
    }
    if (opener && own.length > 0) {
      const said: Polarity = opener[1] === 'yes' ? 1 : -1;
      for (const c of own) if (c.polarity === said) c.score += 3;
    }
    if (agreement && own.length === 0 && lastReported !== undefined) {
      // "I do not agree." after the UR's "not medically necessary": the reviewer's verdict is the opposite
      const disagree = DISAGREE.test(agreement[0]) && !OWN_FINDING.test(agreement[0]);
      const [start, end] = toText(agreement.index, agreement.index + agreement[0].length);
      own.push({ polarity: (disagree ? -lastReported : lastReported) as Polarity, score: 6, aboutOther: false, sentence: si, start, end });
    }
    pushAll(cands, own);
  }
  const kept = cands.filter((c) => c.score >= THRESHOLD);
  const [first] = kept;
  if (first) {
    const last = maxOf(kept.map((c) => c.sentence));
    for (const c of kept) if (c.sentence === last) c.score += 1;
    // a verdict on something else weighs little against one on the item
    if (kept.some((c) => c.polarity !== first.polarity)) for (const c of kept) if (c.aboutOther) c.score -= 3;
  }
  const best = (p: Polarity) => kept.filter((c) => c.polarity === p).reduce<Candidate | undefined>((b, c) => (!b || c.score >= b.score ? c : b), undefined);
  const pos = best(1);
  const neg = best(-1);
  const unclear = (): Verdict => {
    const any = pos ?? neg;
    return anyMention && any ? { value: 'unclear', start: any.start, end: any.end } : { value: 'unclear' };
  };
  if (!pos && !neg) return unclear();
  const winner = !neg ? pos : !pos ? neg : pos.score - neg.score >= MARGIN ? pos : neg.score - pos.score >= MARGIN ? neg : undefined;
  if (!winner) return unclear();
  return { value: winner.polarity === 1 ? 'necessary' : 'not-necessary', start: winner.start, end: winner.end };
}

/** Regions a guideline speaks in: from "The MTUS recommends" to the end of that clause. */
const GUIDELINE_END = /;|, (?:and|but|so|therefore|thus|hence|whereas|as such)\b|\b(?:however|therefore|thus|hence)\b/g;
function guidelineScopes(s: string): Scope[] {
  const out: Scope[] = [];
  GUIDELINE.lastIndex = 0;
  for (let m = GUIDELINE.exec(s); m; m = GUIDELINE.exec(s)) {
    GUIDELINE_END.lastIndex = m.index + m[0].length;
    const e = GUIDELINE_END.exec(s);
    out.push({ start: m.index, end: e ? e.index : s.length });
  }
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

/** A modal in the phrase's clause before it: "would"/"will" hedge a verdict; "may", "might", "could", "can" make it a possibility. */
function modalIn(s: string, from: number, to: number): 'hedged' | 'hypothetical' | undefined {
  MODAL.lastIndex = from;
  let kind: 'hedged' | 'hypothetical' | undefined;
  for (let m = MODAL.exec(s); m && m.index < to; m = MODAL.exec(s)) {
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
  const n: Normalized = normalize(item);
  const out = new Set<string>();
  for (const w0 of words(n.text.replace(XRAY, 'xray'))) {
    const w = w0;
    if (w.length < 2 || FUNCTION_WORDS.has(w) || ITEM_NOISE.has(w) || /^\d/.test(w) || /^(?:mg|mcg|ml|qty|tab|cap|er|xr|sr|cr|hcl|apap)$/.test(w)) continue;
    out.add(w);
    for (const syn of SYNONYMS[w] ?? []) out.add(syn);
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

