import { Range } from '../model/range';
import { Section } from '../model/determination';
import { parseProseDate } from '../text/dates';
import { JoinedText } from '../text/joined';
import { SourceText } from '../text/source';

/**
 * Dates the clinical case summary states for the injury and for the utilization review decision, in the
 * phrasings letters use: "sustained an industrial injury on 10-13-16", "with a date of injury on
 * 10-17-2016", "an industrial injury of October 11, 2016", "filed an occupational claim from
 * 10/23/2016"; "On 11-22-2016 Utilization Review non-certified …", "The Utilization Review dated
 * 11-16-16, denied …", "The original utilization review (12-7-16) denied …". A date that starts a range
 * ("from 01/01/2015 to 10/18/2016", cumulative trauma) is not an injury date, nor is the date of another
 * injury or review ("a prior utilization review dated 10-1-2016 modified a previous request").
 */
export interface SummaryDate {
  kind: 'injury' | 'ur';
  /** The date as written. */
  text: string;
  value: number;
  range: Range;
}

/** "Utilization Review", with its abbreviation after it or not ("Utilization Review (UR)"), or "UR". */
const UR = String.raw`\b(?:Utilization\s+Review\b(?:\s*\(UR\))?|UR\b)`;
const DATE = String.raw`(\d{1,2}[-/]\d{1,2}[-/](?:\d{4}|\d{2})(?![\d/-])|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})`;
/**
 * Words right before a match that make it another review or injury than the letter's: an indefinite "a
 * prior / a previous / an earlier / a separate / a second …" or "another", also with "with a" after it
 * ("a second claim with a date of injury of …"). "The prior UR" may well be the one in dispute, and
 * stays. Tested on the 40 characters before the match and its first.
 */
const ANOTHER_BEFORE = /\b(?:(?:a|an)\s+(?:prior|previous|earlier|separate|second|subsequent|later|new)|another)\s+(?:[a-z-]+\s+){0,2}(?:with\s+(?:a|an|the)\s+)?\S$/i;
/** A range's second date after a date (matched where the date ends: sticky, no copy of the rest of the text). */
const RANGE_AFTER = /\s*(?:to|through|thru|until|-|–)\s*(?:\d|[A-Z][a-z]+\s+\d)/y;

/**
 * The phrasings, by kind, in the order they are read. `words`: a word every match of the pattern
 * contains (flag i) — a cheap test before the pattern runs over the whole summary.
 */
const PATTERNS: { kind: SummaryDate['kind']; re: RegExp; words?: RegExp }[] = [
  // injury
  { kind: 'injury', re: new RegExp(String.raw`\b(?:date\s+of\s+(?:the\s+)?injury|injury\s+date|(?:industrial|work(?:-related)?|occupational|work\s+related)\s+injury)\s*(?:\(DOI\)\s*)?(?:on|of|was|dated|date\s+of|:)?\s*(?:on\s+)?\(?${DATE}`, 'gi') },
  { kind: 'injury', re: new RegExp(String.raw`\b(?:injured|was\s+injured|sustained\s+(?:an?\s+)?injur(?:y|ies))\s+(?:at\s+work\s+)?on\s+${DATE}`, 'gi'), words: /injured|sustained/i },
  { kind: 'injury', re: new RegExp(String.raw`\b(?:occupational|outpatient|industrial|workers'?\s+compensation|work\s+comp)\s+claim\s+(?:from|on|dated|of)\s+${DATE}`, 'gi'), words: /claim/i },
  // utilization review
  { kind: 'ur', re: new RegExp(String.raw`\bOn\s+\(?${DATE}\)?,?\s+(?:the\s+)?${UR}`, 'gi') },
  { kind: 'ur', re: new RegExp(String.raw`${UR}(?:\s+(?:decision|determination|letter|report))?\s*(?:dated|of|on|was\s+dated)?\s*\(?${DATE}\)?,?\s+(?:non-?\s*certified|denied|modified|determined|did\s+not\s+certify)`, 'gi') },
  // "… was denied by utilization review on <date>"
  { kind: 'ur', re: new RegExp(String.raw`\b(?:non-?\s*certified|denied|modified|not\s+certified)\s+by\s+(?:the\s+)?${UR}\s+(?:on|dated)\s+\(?${DATE}`, 'gi'), words: /\bby\b/i },
];

/** The clinical case summary's text (lines after its heading to its end, joined and repaired); undefined when it has none. */
export function summaryText(src: SourceText, section: Section): JoinedText | undefined {
  const from = section.headingRange.start.line + 1;
  const to = section.range.end.line;
  if (to < from) return undefined;
  return JoinedText.fromLines(src, from, to).repairWraps();
}

/**
 * Visits the dates of `kind` the summary states, pattern by pattern and in text order, until `visit`
 * returns true (the caller has what it needs: the patterns after it are not run).
 */
export function visitSummaryDates(body: JoinedText, kind: SummaryDate['kind'], visit: (d: SummaryDate) => boolean): void {
  const text = body.text;
  for (const p of PATTERNS) {
    if (p.kind !== kind || (p.words && !p.words.test(text))) continue;
    const re = p.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // "A prior utilization review dated …", "another industrial injury on …": some other review or injury
      if (ANOTHER_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index + 1))) continue;
      const written = m[1]!; // DATE, the patterns' one group, always takes part
      const end = m.index + m[0].lastIndexOf(written) + written.length;
      RANGE_AFTER.lastIndex = end;
      if (kind === 'injury' && RANGE_AFTER.test(text)) continue;
      const value = parseProseDate(written.replace(/\s+/g, ' '));
      if (value === undefined) continue;
      const start = end - written.length;
      if (visit({ kind, text: written, value, range: body.rangeOf(start, end) })) return;
    }
  }
}
