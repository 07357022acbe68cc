import { RationalePageRef } from '../model/determination';
import { JoinedText } from '../text/joined';
import { SentenceIndex } from '../text/sentences';

/**
 * The grammar of page references in a rationale's prose, and what each one is about.
 *
 * A reference is a page word and a list of pages or ranges:
 *   page word  `p.` `p` `pp.` `pp` `pg.` `pgs.` `page` `pages` `page(s)` `Page(s):` (also glued: `p46`)
 *   range      `46`, `46-47`, `46–47`, `46 to 47`, `46 through 47`
 *   list       ranges joined by `,` `;` `and` `&` (`pages 98, 104`, `pp. 46-47 and 49`)
 * Every page of a list becomes its own reference, so each is checked.
 *
 * What it is about comes from the clause before it (back to the previous reference or the sentence
 * start) and the words right after it: an ACOEM chapter or table ("Chapter 12", "Table 12-8"), a
 * guideline name ("Chronic Pain Medical Treatment Guidelines", "the ACOEM Low Back chapter"), a topic
 * ("under … Section"), or another document — a report, note, questionnaire or letter, a dated document,
 * ODG, ACOEM 3rd edition — whose pages are not the MTUS index's business.
 */

const DASH = '[-\\u2010-\\u2015\\u2212]';
/** The page word. `p` and `pp` need a digit right after (glued or after one space). */
const PAGE_WORD = String.raw`(?:\bpages?\s*\(s\)\s*:?|\bpages?\s*:?|\bpgs?\.|\bpgs?(?=\s?\d)|\bpp\.|\bpp(?=\s?\d)|\bp\.|\bp(?=\s?\d))`;
/** One page or range; a page number has at most 4 digits and is not part of a date or a decimal. */
const RANGE = String.raw`(\d{1,4})(?![\d/.]\d|\.\d)(?:\s*(?:${DASH}|to\b|through\b|thru\b)\s*(\d{1,4})(?![\d/]|\.\d))?`;
const REF_RE = new RegExp(`(${PAGE_WORD})\\s*${RANGE}`, 'gi');
/** A further element of the list after a separator (a page word again starts a reference of its own). */
// (one leading \\s* for every separator: `\\s*` followed by `\\s+and` or `\\s*&` backtracks quadratically over spaces)
const MORE_RE = new RegExp(`^(\\s*(?:,\\s*(?:and\\s+|&\\s*)?|;\\s*|(?<=\\s)and\\s+|&\\s*))${RANGE}`, 'i');
/**
 * What lies between two references of one list ("page 298 and page 350"), trimmed first: with `\s*` at
 * both ends the pattern would be quadratic on a long run of spaces (trim() removes exactly what `\s` matches).
 */
const SEPARATOR_ONLY = /^(?:,|;|&|and|,\s*and)?$/i;
/** Words after a number that make it a count or a measure, not a page. */
const NOT_A_PAGE_AFTER = /^\s*(?:visits?|sessions?|treatments?|mg|mcg|ml|cc|times?|x\b|weeks?|months?|days?|years?|hours?|hrs?|minutes?|%|percent|tablets?|pills?|units?|degrees?|patients?|studies|trials?|[/:]\d)/i;

const CHAPTER_RE = /\bChapter\s+(\d{1,2})\b/gi;
const TABLE_RE = /\bTable\s+(\d{1,2})-(\d{1,2})\b/gi;
/** A source outside the MTUS. */
const NON_MTUS = /\b(?:3rd|third|2nd|second)\s+ed(?:ition|\.)?|\bODG\b|Official\s+Disability|\bMedical\s+Disability\s+Advisor\b|\bUpToDate\b|\bPubMed\b/gi;
/** A document of the case (or an article), not a guideline. */
const DOCUMENT = /\b(?:(?:progress|medical|operative|radiology|imaging|MRI|EMG|consultation|initial|QME|AME|PR-?2|PR-?4|psychological|orthopedic|treating|physician'?s?|UR)\s+)?(?:reports?|questionnaires?|letters?|records?|RFA|request\s+for\s+authorization|deposition|chart|article|journal|exhibit|attachment|transcript)\b|\b(?:progress|office|clinic|clinical|treatment|visit|therapy|PT|nursing|physician'?s?|doctor'?s?|the|a|this|that)\s+notes?\b|\b(?:progress|initial|QME|AME|consultation|psychological|orthopedic|neurological|comprehensive|follow-up|re-?)\s*(?:evaluations?|consultations?|examinations?|exams?)\b|\bUR\s+(?:determination|decision|letter)\b|\butilization\s+review(?:\s+(?:determination|decision|letter|report))?\b/gi;
const DATE = /\b(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})\b/g;
/**
 * A guideline named in prose: capitalised words ending in Guidelines, Complaints, Disorders, Approaches,
 * Conditions, Treatment or chapter ("the ACOEM Low Back chapter"), with an optional (year) after.
 * At most 400 characters before the last word (names are under 100; a clause of 200 is seen in real
 * letters): an unbounded lazy run would rescan the rest of a long run of words from every word of it.
 */
const GUIDELINE = /\b((?:MTUS\s+)?(?:(?:19|20)\d{2},?\s+)?[A-Z][A-Za-z,&\- ]{0,400}?(?:Guidelines?|Complaints|Disorders|Conditions|Treatment|Approaches|[Cc]hapter(?!\s+\d)))\b/g;

/** How much of the sentence after a page reference is read for what the page is about. */
const AFTER_MAX = 1000;

interface Mention {
  at: number;
  end: number;
}

function lastMatch(re: RegExp, s: string): (Mention & { m: RegExpExecArray }) | undefined {
  re.lastIndex = 0;
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    last = m;
    if (m[0].length === 0) re.lastIndex++;
  }
  return last ? { at: last.index, end: last.index + last[0].length, m: last } : undefined;
}

/** The guideline name as the index knows names: without "the", "MTUS", "ACOEM", a year or "chapter". */
function cleanGuideline(raw: string): string {
  return raw
    .replace(/^(?:(?:The|Per|the|According\s+to|California|CA|Cal|MTUS|ACOEM|Practice|Guidelines?|in|of)\s+)+/, '')
    .replace(/^(?:19|20)\d{2},?\s+/, '')
    .replace(/^(?:(?:MTUS|ACOEM)\s+)+/, '')
    .replace(/\s+[Cc]hapter$/, '')
    .replace(/[\s,]+$/, '')
    .trim();
}

/** Page references inside a rationale, one per page or range, each with what it is about. */
export function findRationalePages(body: JoinedText): RationalePageRef[] {
  const text = body.text;
  const refs: RationalePageRef[] = [];
  let prevEnd = 0;
  let prevAbout: About | undefined;
  // split into sentences only once a reference is found: most rationales cite no page
  let sentences: SentenceIndex | undefined;
  // refs of one sentence share its text (one string, so a rule can key on it)
  let sentence = { start: -1, end: -1, text: '' };
  REF_RE.lastIndex = 0;
  for (let m = REF_RE.exec(text); m; m = REF_RE.exec(text)) {
    const start = m.index;
    // the list: [start, end) of each element (the first includes the page word)
    const elements: { s: number; e: number; from: number; to: number; digits: number }[] = [];
    const first = { s: start, e: start + m[0].length, from: Number(m[2]), to: m[3] ? Number(m[3]) : Number(m[2]), digits: start + m[0].length - m[0].slice(m[1]!.length).trimStart().length };
    if (NOT_A_PAGE_AFTER.test(text.slice(first.e))) continue;
    elements.push(first);
    let end = first.e;
    for (;;) {
      const more = MORE_RE.exec(text.slice(end));
      if (!more) break;
      // the separator and the first page always take part; the range's end (more[3]) may not
      const page = more[2]!;
      const n = Number(page);
      const s = end + more[1]!.length;
      const e = end + more[0].length;
      // a year or a count is not a further page
      if ((!more[3] && page.length === 4 && /^(19|20)/.test(page)) || NOT_A_PAGE_AFTER.test(text.slice(e))) break;
      elements.push({ s, e, from: n, to: more[3] ? Number(more[3]) : n, digits: s });
      end = e;
    }
    REF_RE.lastIndex = end;

    sentences ??= new SentenceIndex(text);
    const sentenceStart = sentences.startBefore(start);
    const sentenceEnd = sentences.endAfter(end);
    if (sentence.start !== sentenceStart || sentence.end !== sentenceEnd) sentence = { start: sentenceStart, end: sentenceEnd, text: text.slice(sentenceStart, sentenceEnd) };
    const before = text.slice(Math.max(sentenceStart, prevEnd), start);
    // what follows the page: enough for "of the …" and "under … section" (a clause, not the rest of an endless sentence)
    const after = text.slice(end, Math.min(Math.max(end, sentenceEnd), end + AFTER_MAX));
    let about = aboutOf(before, after);
    // "page 298 and page 350": the second page is about what the first is about
    if (Object.keys(about).length === 0 && prevAbout && SEPARATOR_ONLY.test(text.slice(prevEnd, start).trim())) about = prevAbout;
    prevAbout = about;
    prevEnd = end;
    for (const el of elements) {
      const ref: RationalePageRef = {
        from: el.from,
        to: el.to,
        text: text.slice(el.s, el.e),
        range: body.rangeOf(el.s, el.e),
        sentence: sentence.text,
        sentenceOffset: start - sentenceStart,
        ...about,
      };
      if (elements.length > 1) ref.inList = true;
      refs.push(ref);
    }
  }
  return refs;
}

type About = Pick<RationalePageRef, 'chapter' | 'table' | 'guideline' | 'year' | 'topic' | 'outsideMtus'>;

/** What a page reference is about, from the clause before it and the words after it. */
function aboutOf(before: string, after: string): About {
  const about: About = {};
  // "page 3 of the progress report", "page 2 of 5", "page 82 of the MTUS Chronic Pain … Guidelines"
  const ofAfter = /^\s*(?:\)\s*)?(?:of|in|from)\s+(?:the\s+)?(.{0,120})/i.exec(after);
  if (ofAfter) {
    const tail = ofAfter[1]!;
    if (/^\d/.test(tail)) return { outsideMtus: true };
    const doc = firstMatchAt(DOCUMENT, tail);
    const non = firstMatchAt(NON_MTUS, tail);
    const g = firstGuideline(tail);
    const other = Math.min(doc ?? Infinity, non ?? Infinity);
    if (other < (g?.at ?? Infinity)) return { outsideMtus: true };
    if (g) {
      about.guideline = g.name;
      const yr = /\b((?:19|20)\d{2})\b/.exec(tail.slice(0, g.end + 20));
      if (yr) about.year = Number(yr[1]);
      return about;
    }
  }
  const tableAfter = /^\s*[(,]?\s*Table\s+(\d{1,2})-(\d{1,2})\b\)?/.exec(after);

  // the nearest named thing before the page decides: a guideline / chapter / table, or another source
  const guide = lastMatch(GUIDELINE, before);
  const chapter = lastMatch(CHAPTER_RE, before);
  const table = lastMatch(TABLE_RE, before);
  const mtusAt = Math.max(guide?.at ?? -1, chapter?.at ?? -1, table?.at ?? -1, tableAfter ? before.length : -1);
  const non = lastMatch(NON_MTUS, before);
  const doc = lastMatch(DOCUMENT, before);
  let date = lastMatch(DATE, before);
  // a date in parentheses right after a guideline name is its edition: "Guidelines (July 28, 2016)"
  if (date && guide && guide.end <= date.at && /^\s*\(\s*(?:effective\s+)?$/i.test(before.slice(guide.end, date.at))) date = undefined;
  const otherAt = Math.max(non?.at ?? -1, doc?.at ?? -1, date?.at ?? -1);
  if (otherAt >= 0 && otherAt >= mtusAt) return { outsideMtus: true };
  // an edition or another source named anywhere before in the clause ("ACOEM Practice Guidelines, 3rd
  // ed., Low Back …", "ODG, Low Back chapter, page 12") — unless an MTUS guideline is named after it
  // ("ODG allows more, but per the MTUS Low Back Complaints 2004, page 998 …")
  if (non && !(guide && guide.end > non.end && /\bMTUS\b/.test(before.slice(non.end, guide.end)))) return { outsideMtus: true };

  if (tableAfter) {
    about.table = `Table ${tableAfter[1]}-${tableAfter[2]}`;
    about.chapter = Number(tableAfter[1]);
  } else if (table) {
    about.table = `Table ${table.m[1]}-${table.m[2]}`;
    about.chapter = Number(table.m[1]);
  }
  if (chapter && (about.chapter === undefined || !about.table)) about.chapter = Number(chapter.m[1]);
  if (guide) {
    const name = cleanGuideline(guide.m[1]!);
    if (name) {
      about.guideline = name;
      const yr = /\b((?:19|20)\d{2})\b/.exec(before);
      if (yr) about.year = Number(yr[1]);
    }
  }
  const under = /^\s*(?:,\s*)?under\s+(?:the\s+)?(.+?)(?:\s+[Ss]ection)?(?:\s+(?:states|notes|says|indicates|recommends)\b|[,;:]|$)/.exec(after);
  if (under) about.topic = under[1]!.trim();
  return about;
}

function firstMatchAt(re: RegExp, s: string): number | undefined {
  re.lastIndex = 0;
  const m = re.exec(s);
  return m ? m.index : undefined;
}

function firstGuideline(s: string): { name: string; at: number; end: number } | undefined {
  GUIDELINE.lastIndex = 0;
  const m = GUIDELINE.exec(s);
  if (!m) return undefined;
  const name = cleanGuideline(m[1]!);
  return name ? { name, at: m.index, end: m.index + m[0].length } : undefined;
}
