/**
 * The verdict phrases, in both polarities, as they are matched in normalized text (normalize.ts: lower
 * case, single spaces, "can not", "non certified"). Each match is a mention: where it is, the word the
 * negation scope is measured from, its polarity before negation, and whether it is a strong phrase
 * (the language of medical necessity, certification and denial) or a weak one ("is indicated", "is
 * appropriate", "is recommended") that is a verdict only in a concluding sentence about the request.
 * All patterns are compiled once.
 */

export type Polarity = 1 | -1;

export interface Mention {
  /** Normalized offsets of the phrase. */
  start: number;
  end: number;
  /** Offset the negation scope is measured back from (the phrase's first word). */
  head: number;
  /** Polarity of the phrase itself: "necessary" +1, "unnecessary" −1. */
  base: Polarity;
  strong: boolean;
  /** Upheld/overturned of a denial, and first-person agreement: never someone else's opinion. */
  decisionOfDenial?: boolean;
  /** "approved", "certified", "denied": a decision verb. */
  kind?: 'decision';
  /**
   * An elided predicate: the "is not" of "X is medically necessary; however, Y is not", read as the phrase
   * before it in the sentence (its polarity and strength), for the subject it names.
   */
  elliptic?: boolean;
}

/** Adjectives that state a verdict; the negative ones carry their own negation. */
export const POSITIVE_ADJ = ['necessary', 'indicated', 'appropriate', 'reasonable', 'warranted', 'needed', 'required', 'justified', 'supported', 'recommended', 'substantiated', 'essential', 'justifiable'];
const NEGATIVE_ADJ = ['unnecessary', 'inappropriate', 'unwarranted', 'unjustified', 'unsupported', 'unreasonable', 'unjustifiable', 'excessive', 'nonessential'];
const ADJ = [...POSITIVE_ADJ, ...NEGATIVE_ADJ].join('|');
const NEGATIVE = new Set(NEGATIVE_ADJ);

/** Verdict adjectives after "medically"/"clinically", coordinated lists included ("necessary, appropriate, or indicated"). */
const MEDICALLY = new RegExp(
  `\\b(?:medically|clinically)\\s+(${ADJ})\\b(?:\\s*,?\\s*(?:(?:and|or|nor|and/or)\\s+)?(?:(?:medically|clinically)\\s+)?(?:${ADJ})\\b)*`,
  'g',
);
/** A verdict adjective as the predicate: "is indicated", "are not warranted", "was determined to be appropriate" (groups: the words between, the adjective, the coordinated ones). */
const PREDICATE = new RegExp(
  `\\b(?:is|are|was|were|be|been|being|remains|remain|deemed|considered|found|determined|judged|felt|seems|appears)\\b((?:\\s+(?!medically\\b|clinically\\b|that\\b)[a-z]+){0,4}?)\\s+(${ADJ})\\b((?:\\s*,?\\s*(?:and|or|nor)\\s+(?:${ADJ})\\b)*)`,
  'g',
);
/** The words of a decision on the request, in either direction. */
const DECIDED = 'approved|authori[sz]ed|certified|non certified|noncertified|denied|allowed|granted';
/** Certification and denial: "is approved", "should be authorized", "is non certified", "is denied". */
const DECISION_VERB = new RegExp(String.raw`\b(?:is|are|was|were|be|been|being|hereby)\b((?:\s+[a-z]+){0,3}?)\s+(${DECIDED})\b`, 'g');
/** A decision as the whole sentence: "Non-certified.", "Not certified.", "Certified.", "Request denied." (group: the word). */
const BARE_DECISION = new RegExp(String.raw`^\W*(?:(?:the\s+)?request(?:\s+(?:is|was))?\s+)?(?:not\s+)?(${DECIDED})\W*$`);
/** "I recommend certification", "non-certification is recommended", "certification is not recommended" (group 3: the "not"). */
const RECOMMEND_ACTION = /\b(?:recommend(?:s|ed)?|warrants?|merits?|supports?)\s+(?:the\s+)?(certification|approval|authorization|non certification|noncertification|denial)\b|\b(certification|approval|authorization|non certification|noncertification|denial)\s+(?:is|was)\s+(?:therefore\s+|thus\s+|hence\s+)?(not\s+)?(?:recommended|warranted|appropriate)\b/g;
/** The earlier denial by name, and what makes a decision or determination the earlier one. */
const DENIAL_NOUNS = String.raw`denial|non certification|noncertification|adverse determination`;
const EARLIER_BY = String.raw`ur|utilization review|prior|previous|original|initial|earlier|carrier's|insurer's`;
/** The decision on the earlier denial: "the UR decision is upheld", "the denial is overturned". */
const DENIAL_DECISION = new RegExp(
  String.raw`\b(?:${DENIAL_NOUNS}|(?:${EARLIER_BY})\s+(?:decision|determination))\b(?:\s+[a-z]+){0,5}?\s+(?:is|was|are|be|been|should be)\s+(?:hereby\s+|therefore\s+|thus\s+)?(upheld|affirmed|sustained|maintained|overturned|reversed|overruled)\b`,
  'g',
);
/**
 * The earlier decision the reviewer rules on: the denial, the non-certification, the UR's (prior …)
 * decision, determination or modification, "this modification", "the modification to …" — never a bare
 * "modification" ("activity modification").
 */
const EARLIER_DECISION = String.raw`(?:${DENIAL_NOUNS}|(?:this|that|such)\s+modification|the\s+modification\s+to\b|(?:${EARLIER_BY})\s+(?:decision|determination|modification|denial|non certification|noncertification))`;
/** Words that make a sentence worth the three patterns below. */
const EARLIER_WORDS = /denial|certification|determination|modification|decision/;
/**
 * A judgement of the earlier decision: "the denial was appropriate", "the prior denial of this request is
 * supported" (the request is not necessary); "the non-certification was not appropriate", "the UR
 * determination is incorrect" (it is). Groups: the judgement.
 */
const EARLIER_JUDGED = new RegExp(
  String.raw`\b${EARLIER_DECISION}\b(?:\s+[a-z']+){0,5}?\s+(?:is|was|are|were|be|been|remains)\s+(?:[a-z]+\s+){0,2}?(appropriate|supported|correct|justified|warranted|reasonable|proper|valid|inappropriate|unsupported|incorrect|unjustified|unwarranted|unreasonable|improper|invalid)\b`,
  'g',
);
const JUDGED_AGAINST = /^(?:in|un|im)/;
/** Agreeing with the earlier decision: "I agree with the non-certification", "I disagree with the UR determination" (not with an appeal of it). Group: "dis". */
const AGREE_EARLIER = new RegExp(String.raw`\b(dis)?(?:agree|agrees|agreed|concur|concurs|concurred)\s+with\s+(?:the\s+)?(?:(?!appeal)[a-z']+\s+){0,2}?${EARLIER_DECISION}\b`, 'g');
/** Ruling on it with a verb: "I am upholding the denial", "I overturn the UR decision". Group: the verb. */
const RULE_ON_EARLIER = new RegExp(
  String.raw`\b(uphold|upholds|upholding|affirm|affirms|affirming|sustain|sustains|sustaining|overturn|overturns|overturning|reverse|reverses|reversing|overrule|overrules|overruling)\s+(?:the\s+)?(?:[a-z']+\s+){0,3}?${EARLIER_DECISION}\b`,
  'g',
);
const KEEPS = /^(?:uphold|affirm|sustain)/;
const RULING_WORDS = /uphold|affirm|sustain|overturn|revers|overrul/;
/** The guideline's criteria met or not: "the request (does not) meet(s) guideline criteria" (group: none). */
const CRITERIA_MET = /\b(?:meets?|met|meeting|satisf(?:y|ies|ied)|fulfills?|fulfilled)\s+(?:the\s+|these\s+|those\s+|all\s+(?:of\s+)?(?:the\s+)?)?(?:(?:mtus|acoem|odg|guidelines?|guideline's|guidelines')\s+)?(?:criteria|recommendations|requirements)\b(?!\s+(?:for|of)\s+(?:a\s+|the\s+)?(?:diagnosis|dx)\b)/g;
/** … in the passive: "these criteria are not met", "the criteria for an injection have been met". */
const CRITERIA_ARE_MET = /\b(?:criteria|requirements)\s+(?:(?:for|of)\s+[^.;:]{0,60}?\s+)?(?:is|are|was|were|has been|have been|had been)\s+(?:not\s+|never\s+)?(?:been\s+)?(?:fully\s+|clearly\s+|all\s+)?(?:met|satisfied|fulfilled)\b/g;
const CRITERIA_WORDS = /criteria|requirements|recommendations/;
/**
 * The reviewer's own decision verb on the request: "I am unable to certify this request", "I cannot
 * recommend the requested therapy" (only with the request as its object: "I recommend weaning" is advice).
 * Groups: the subject and the words before the verb, the verb.
 */
const OWN_DECISION = /\b((?:i|we|this reviewer)\s+(?:[a-z']+\s+){0,3}?)(certify|recommend|approve|authorize|authorise|endorse|support)\s+(?:the\s+|this\s+|that\s+)?(?:request|requested|proposed)\b/g;
/** Medical necessity as a noun. */
const NECESSITY_IS = /\b(?:is|are|was|were|be|been|being)\s+(?:not\s+)?(?:a\s+)?medical\s+necessity\b/g;
const NECESSITY_ESTABLISHED = /\bmedical\s+necessity\b(?:\s+(?:of|for)\s+[^.;:]{0,80}?)?\s+(?:is|are|was|were|has|have|had)\s+(?:not\s+|never\s+)?(?:been\s+)?(?:clearly\s+|sufficiently\s+|adequately\s+|yet\s+)?(?:established|demonstrated|met|supported|shown|substantiated|confirmed|proven|documented|evident|apparent)\b/g;
const NECESSITY_MET = /\b(?:(?:meets?|met|meeting|establish(?:es|ed)?|demonstrates?|demonstrated|substantiates?|substantiated|satisfy|satisfies|satisfied|supports?)\s+(?:the\s+)?(?:criteria\s+(?:for|of)\s+)?|(?:rises?|rose|risen)\s+to\s+the\s+level\s+of\s+)medical\s+necessity\b/g;
const NECESSITY_LACKING = /\b(?:lacks?|lacking|lack\s+of|absence\s+of|no|without)\s+(?:(?:established|demonstrated|documented)\s+)?medical\s+necessity\b/g;

const FDA = /\bfda\b/;
const OWN_VERB_WORDS = /certify|recommend|approve|authori[sz]e|endorse|support/;
const UPHELD_WORDS = /upheld|affirmed|sustained|maintained|overturned|reversed|overruled/;
const UPHELD = /upheld|affirmed|sustained|maintained/;
const ACTION_WORDS = /certification|approval|authorization|denial/;
const DECISION_WORDS = new RegExp(DECIDED);
/** Any of the three: most sentences have none, and one scan for all costs less than a scan for each. */
const ANY_KEY_WORD = new RegExp([UPHELD_WORDS, ACTION_WORDS, DECISION_WORDS].map((re) => re.source).join('|'));
/**
 * A word every mention of the families below PREDICATE holds: a verdict adjective (PREDICATE,
 * MEDICALLY), "medically"/"clinically", "medical necessity" or a key word above. Half the sentences with a
 * verdict stem have none: one scan of them instead of PREDICATE's.
 */
const MENTION_WORD = new RegExp(`${ADJ}|medically|clinically|medical necessity|${ANY_KEY_WORD.source}`);
/** The words the rulings on the earlier decision, the criteria and the reviewer's own verb need besides. */
const AGREE_WORDS = /agree|concur/;
const JUDGEMENT_WORDS = /appropriate|supported|correct|justified|warranted|reasonable|proper|valid/;
const MET_WORDS = /\bme(?:e)?ts?\b|\bmet\b|satisf|fulfil/;
const FIRST_PERSON = /\b(?:i|we|this reviewer)\b/;
const OTHER_WORDS = new RegExp(`${EARLIER_WORDS.source}|${CRITERIA_WORDS.source}|${OWN_VERB_WORDS.source}`);

export function findMentions(s: string): Mention[] {
  const out: Mention[] = [];
  const classic = MENTION_WORD.test(s);
  // the three newer families, behind one scan for any of their words
  const other = OTHER_WORDS.test(s);
  const earlier = other && EARLIER_WORDS.test(s) && (JUDGEMENT_WORDS.test(s) || AGREE_WORDS.test(s) || RULING_WORDS.test(s));
  const criteria = other && CRITERIA_WORDS.test(s) && MET_WORDS.test(s);
  const own = other && OWN_VERB_WORDS.test(s) && FIRST_PERSON.test(s);
  if (!classic && !earlier && !criteria && !own) return out;
  const add = (m: Mention) => {
    for (const o of out) if (m.start < o.end && o.start < m.end) return;
    out.push(m);
  };
  // each family is tried only where its key word occurs (cheap substring tests before the patterns)
  if (classic && UPHELD_WORDS.test(s)) each(DENIAL_DECISION, s, (m) => {
    const decision = m[1]!; // the pattern's one group, not optional
    const upheld = UPHELD.test(decision);
    add({ start: m.index, end: m.index + m[0].length, head: m.index + m[0].length - decision.length, base: upheld ? -1 : 1, strong: true, decisionOfDenial: true });
  });
  if (earlier) {
    // a ruling on the earlier decision, unlike DENIAL_DECISION's, may be someone else's ("the provider
    // argued that the denial was incorrect"): read as any other phrase. A judgement is measured from the
    // judgement ("was not appropriate")
    each(EARLIER_JUDGED, s, (m) => {
      const judged = m[1]!; // the pattern's last group, not optional
      add({ start: m.index, end: m.index + m[0].length, head: m.index + m[0].length - judged.length, base: JUDGED_AGAINST.test(judged) ? 1 : -1, strong: true });
    });
    each(AGREE_EARLIER, s, (m) => add({ start: m.index, end: m.index + m[0].length, head: m.index, base: m[1] ? 1 : -1, strong: true }));
    if (RULING_WORDS.test(s)) each(RULE_ON_EARLIER, s, (m) => add({ start: m.index, end: m.index + m[0].length, head: m.index, base: KEEPS.test(m[1]!) ? -1 : 1, strong: true }));
  }
  if (criteria) {
    // the language of the decision ("does not meet guideline criteria"), never a diagnosis' criteria
    each(CRITERIA_MET, s, (m) => add({ start: m.index, end: m.index + m[0].length, head: m.index, base: 1, strong: true }));
    // the negation is inside the phrase ("are not met"): measured back from its end
    each(CRITERIA_ARE_MET, s, (m) => add({ start: m.index, end: m.index + m[0].length, head: m.index + m[0].length, base: 1, strong: true }));
  }
  // measured from the verb ("I am unable to certify", "I cannot recommend")
  if (own) each(OWN_DECISION, s, (m) => add({ start: m.index, end: m.index + m[0].length, head: m.index + m[1]!.length, base: 1, strong: true }));
  if (classic) classicMentions(s, add);
  out.sort((a, b) => a.start - b.start);
  if (out.length > 0 && s.includes(' not')) addElided(s, out);
  return out;
}

/** The families behind MENTION_WORD: medical necessity, "medically …", certification and the predicates. */
function classicMentions(s: string, add: (m: Mention) => void): void {
  const necessity = s.includes('medical necessity');
  const keyWord = ANY_KEY_WORD.test(s);
  // the negation of these is inside the phrase ("has not been established"): measured back from its end
  if (necessity) each(NECESSITY_ESTABLISHED, s, (m) => add({ start: m.index, end: m.index + m[0].length, head: m.index + m[0].length, base: 1, strong: true }));
  if (necessity) each(NECESSITY_IS, s, (m) => add({ start: m.index, end: m.index + m[0].length, head: m.index + m[0].length, base: 1, strong: true }));
  if (necessity) each(NECESSITY_MET, s, (m) => add({ start: m.index, end: m.index + m[0].length, head: m.index, base: 1, strong: true }));
  if (necessity) each(NECESSITY_LACKING, s, (m) => add({ start: m.index, end: m.index + m[0].length, head: m.index + m[0].length, base: -1, strong: true }));
  if (s.includes('medically') || s.includes('clinically')) each(MEDICALLY, s, (m) => add({ start: m.index, end: m.index + m[0].length, head: m.index, base: NEGATIVE.has(m[1]!) ? -1 : 1, strong: true }));
  if (keyWord && ACTION_WORDS.test(s)) each(RECOMMEND_ACTION, s, (m) => {
    const noun = m[1] ?? m[2] ?? ''; // one of the two alternatives matched
    const against = /non|denial/.test(noun) !== (m[3] !== undefined);
    add({ start: m.index, end: m.index + m[0].length, head: m.index, base: against ? -1 : 1, strong: true });
  });
  const bare = keyWord && s.length < 40 ? BARE_DECISION.exec(s) : null;
  if (bare) {
    // the word alone: a "not" before it is read by the local scan
    const head = bare.index + bare[0].indexOf(bare[1]!);
    add({ start: head, end: head + bare[1]!.length, head, base: /denied|non/.test(bare[1]!) ? -1 : 1, strong: true, kind: 'decision' });
  }
  if (keyWord && DECISION_WORDS.test(s)) each(DECISION_VERB, s, (m) => {
    // "it is FDA approved for nausea": a drug's label, never a decision on the request
    if (FDA.test(m[1]!)) return;
    const word = m[2]!;
    const head = m.index + m[0].length - word.length;
    add({ start: m.index, end: m.index + m[0].length, head, base: /denied|non/.test(word) ? -1 : 1, strong: true, kind: 'decision' });
  });
  each(PREDICATE, s, (m) => {
    // the adjective (group 2) is followed by the coordinated ones (group 3) up to the end of the match
    const head = m.index + m[0].length - m[3]!.length - m[2]!.length;
    add({ start: m.index, end: m.index + m[0].length, head, base: NEGATIVE.has(m[2]!) ? -1 : 1, strong: false });
  });
}

/** "… is not." at the end of a clause: a predicate elided after a phrase earlier in the sentence. */
const ELIDED = /\b(?:is|are|was|were)\s+not(?=\s*(?:[.;!?]|$))/g;

/** Adds to `out` (sorted, not empty) the elided predicates of `s`, each read as the phrase before it. */
function addElided(s: string, out: Mention[]): void {
  const elided: Mention[] = [];
  each(ELIDED, s, (m) => {
    let antecedent: Mention | undefined;
    for (const o of out) if (o.end <= m.index) antecedent = o;
    if (!antecedent || antecedent.elliptic) return;
    // measured back from its end: its own "not" negates it
    elided.push({ start: m.index, end: m.index + m[0].length, head: m.index + m[0].length, base: antecedent.base, strong: antecedent.strong, elliptic: true });
  });
  if (elided.length === 0) return;
  out.push(...elided);
  out.sort((a, b) => a.start - b.start);
}

function each(re: RegExp, s: string, f: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    f(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}
