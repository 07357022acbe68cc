import { Conclusion, Rationale } from '../model/determination';
import { Range } from '../model/range';
import { JoinedText } from '../text/joined';
import { findRationalePages } from './page-refs';
import { sentenceStartBefore } from './sentences';

/** Phrases that state a necessity conclusion; whether each is negated is decided by the words before it. */
const CONCLUSIONS: RegExp[] = [
  /\bmedically\s+(?:necessary|indicated|appropriate|needed|warranted)\b/gi,
  /\b(?:is|was)\s+(?:not\s+)?a\s+medical\s+necessity\b|\bmedical\s+necessity\s+(?:(?:of|for)\s+[^.;]{0,80}?\s+)?(?:is|has|was|have)\s+(?:not\s+)?(?:been\s+)?(?:established|demonstrated|supported)\b/gi,
  /\brequest\b[^.;]{0,80}?\b(?:is|was|would\s+be)\s+(?:not\s+)?(?:necessary|supported|warranted|certified)\b/gi,
];

/** Words that open or carry a conclusion, as opposed to a conditional or a guideline's wording. */
const CONCLUDING = /\b(?:therefore|as such|thus|consequently|accordingly|hence|in light of|for these reasons|in summary|in conclusion|request(?:ed)?|is determined)\b/i;

/** Finds the rationale's necessity conclusion: the last necessity statement, negated or not. */
export function findConclusion(body: JoinedText): { conclusion: Conclusion; range: Range } | undefined {
  const text = body.text;
  // the last necessity statement in a concluding sentence ("Therefore, the request …"), else the last one
  let last: { index: number; length: number; phrase: string } | undefined;
  let lastConcluding: typeof last;
  for (const re of CONCLUSIONS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const hit = { index: m.index, length: m[0].length, phrase: m[0] };
      const end = (x: typeof last) => (x ? x.index + x.length : -1);
      if (end(hit) > end(last)) last = hit;
      if (end(hit) > end(lastConcluding) && CONCLUDING.test(text.slice(sentenceStartBefore(text, m.index), m.index + m[0].length))) lastConcluding = hit;
    }
  }
  last = lastConcluding ?? last;
  if (!last) return undefined;
  // the clause before the phrase (back to the previous sentence or clause break): its last ten words, and the phrase itself
  let cs = last.index;
  while (cs > 0 && !/[.;:,!?]/.test(text[cs - 1])) cs--;
  const words = text.slice(cs, last.index).split(/\s+/).filter(Boolean).slice(-10);
  const window = `${words.join(' ')} ${last.phrase}`;
  // negations of the verdict, not of the item's name: "non-steroidal", "without contrast" are names
  const neg = /\b(?:not|never|cannot|no\s+longer|neither|nor)\b(?!-)|\bnon-?\s*(?=medically\b)|n't\b/i.exec(window);
  let ns = last.index;
  if (neg) {
    const at = text.lastIndexOf(neg[0], last.index + last.length);
    if (at >= cs) ns = Math.min(at, last.index);
  }
  return {
    conclusion: neg ? 'not-medically-necessary' : 'medically-necessary',
    range: body.rangeOf(ns, last.index + last.length),
  };
}

export function parseRationale(labelRange: Range, body: JoinedText): Rationale {
  const c = findConclusion(body);
  return {
    text: body.text,
    range: body.fullRange,
    labelRange,
    conclusion: c?.conclusion,
    conclusionRange: c?.range,
    pageRefs: findRationalePages(body),
  };
}
