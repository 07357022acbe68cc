/**
 * Splitting a `Section(s):` list into its sections, by the topics of the cited guideline.
 */
import { MEMO_MAX_KEY, memoOf, remember } from './memo';
import { atoms } from './section-atoms';
import { findTopic, NUMBER_RE, topicTable } from './topics';
import { IndexGuideline, IndexTopic } from './types';

/** One section of a `Section(s):` list with its offsets in the input text. */
export interface SectionPiece {
  text: string;
  start: number;
  end: number;
  /** The topic it names, when known. */
  topic?: IndexTopic;
}

/** splitSectionList by list text. */
const sectionListCache = new WeakMap<IndexGuideline, Map<string, readonly string[]>>();

/**
 * Splits a `Section(s):` list into sections. Names can contain commas ("NSAIDs, GI symptoms &
 * cardiovascular risk", "Forearm, Wrist, & Hand"), so at each position the longest run of
 * comma-separated parts that names a known topic wins; unknown parts fall back to commas outside
 * parentheses (for numbered guidelines an unknown "3.3.x …" section runs to the next number).
 * A final period is dropped. Offsets are into `text`.
 */
export function splitSectionSpans(guideline: IndexGuideline, text: string): SectionPiece[] {
  // trimEnd removes what /\s+$/ does, without rescanning a run of spaces inside the list from each of its characters
  const body = text.trimEnd().replace(/\.$/, '');
  const parts = atoms(body);
  const tt = topicTable(guideline);
  const maxJoin = tt.maxAtoms;
  const numbered = guideline.numberedSections;
  const out: SectionPiece[] = [];
  let i = 0;
  while (i < parts.length) {
    const first = parts[i]!;
    let taken = 0;
    let topic: IndexTopic | undefined;
    for (let k = Math.min(parts.length - i, maxJoin); k >= 1; k--) {
      const joined = body.slice(first.start, parts[i + k - 1]!.end);
      // a name runs over commas, never over a semicolon
      if (k > 1 && joined.includes(';')) continue;
      const t = findTopic(guideline, joined);
      if (t) {
        taken = k;
        topic = t;
        break;
      }
    }
    if (!taken) {
      taken = 1;
      if (numbered && NUMBER_RE.test(first.text)) {
        while (i + taken < parts.length && !/^\d+(?:\.\d+)*\.?\s/.test(parts[i + taken]!.text)) {
          // stop early if the following parts start a known topic
          if (findTopic(guideline, parts[i + taken]!.text)) break;
          taken++;
        }
      }
    }
    const start = first.start;
    const end = parts[i + taken - 1]!.end;
    out.push({ text: body.slice(start, end), start, end, ...(topic ? { topic } : {}) });
    i += taken;
  }
  return out;
}

/** splitSectionSpans without offsets: the section names as written. */
export function splitSectionList(guideline: IndexGuideline, text: string): readonly string[] {
  if (text.length > MEMO_MAX_KEY) return splitSectionSpans(guideline, text).map((p) => p.text);
  const memo = memoOf(sectionListCache, guideline);
  let names = memo.get(text);
  if (!names) {
    names = splitSectionSpans(guideline, text).map((p) => p.text);
    remember(memo, text, names);
  }
  return names;
}
