/**
 * What the head of an MTUS citation says — the words before its `Section(s):` or `Page(s):` list:
 * "<guideline> [<year>] [Guidelines]", or in the page style "<guideline> [<year>] [Guidelines] <topic>".
 * One reading for the parser and for completion while the head is typed.
 *
 * Forms read besides the plain one: the year in parentheses, alone or in an edition date ("Low Back
 * Complaints (2004)", "Chronic Pain Medical Treatment Guidelines (Effective July 18, 2009)"), and the ACOEM
 * book named before one of its chapters ("ACOEM Practice Guidelines, 2nd Edition (2004), Low Back
 * Complaints"), when what follows the book is a guideline the index knows.
 */
import { matchGuidelinePrefix, resolveGuideline } from '../mtus/guidelines';
import { withoutGuidelinesWord } from '../mtus/names';
import { IndexGuideline, MtusIndex } from '../mtus/types';
import { fromFirstLetterOfLastLine } from '../text/scan';
import { ACOEM_BOOK } from '../vocabulary';

export interface CitationHead {
  /** The guideline's name as written, without a final "Guideline(s)"; offsets into the head. */
  name: string;
  nameStart: number;
  nameEnd: number;
  year?: number;
  /** The guideline the index has for that name and year. */
  guideline?: IndexGuideline;
  /** Page style: the topic after the name (and year); offsets into the head. */
  topic?: { name: string; start: number; end: number };
}

const YEAR = /\b(19|20)\d{2}\b/;
/** How far before its year an opening parenthesis may be and still hold it: "(Effective July 18, 2009)". */
const PAREN_REACH = 40;

/**
 * Reads a citation head (trimmed). `pageStyle`: the citation lists pages, so words after the name are
 * its topic; without a year the name is then the longest guideline name the index knows at its start.
 * `sections`: the citation lists sections (a year-less head is then all name).
 */
export function readCitationHead(index: MtusIndex, head: string, pageStyle: boolean, sections: boolean): CitationHead {
  const { length: from, year: bookYear } = acoemBook(index, head);
  const h = head.slice(from);
  let nameEnd = h.length;
  let year: number | undefined;
  let topic: CitationHead['topic'];
  const ym = YEAR.exec(h);
  if (ym) {
    year = Number(ym[0]);
    let ge = ym.index;
    let after = ym.index + 4;
    // a year in parentheses: the name ends before the "(", the rest after the ")"
    const open = h.lastIndexOf('(', ge);
    const close = h.indexOf(')', after);
    if (open >= 0 && ge - open <= PAREN_REACH && h.lastIndexOf(')', ge) < open && close >= 0 && close - after <= 2) {
      ge = open;
      after = close + 1;
    }
    while (ge > 0 && /[\s,]/.test(h.charAt(ge - 1))) ge--;
    nameEnd = ge;
    if (pageStyle) {
      const tail = h.slice(after).replace(/^\s*Guidelines?\b/i, '');
      const tm = fromFirstLetterOfLastLine(tail);
      if (tm) topic = topicAt(tm.text, from + h.length - tail.length + tm.index);
    }
  } else if (pageStyle || !sections) {
    const known = matchGuidelinePrefix(index, h);
    if (known) {
      nameEnd = known.length;
      while (nameEnd > 0 && /\s/.test(h.charAt(nameEnd - 1))) nameEnd--;
      const tm = fromFirstLetterOfLastLine(h.slice(known.length));
      if (tm) topic = topicAt(tm.text, from + known.length + tm.index);
    }
  }
  const name = withoutGuidelinesWord(h.slice(0, nameEnd).trim()).trim();
  // "ACOEM Practice Guidelines, 2nd Edition (2004), Knee Complaints": the edition's year stands for a
  // year-less chapter's, when the index has the chapter in that year (the Elbow chapter MTUS uses is of 2007)
  if (year === undefined && bookYear !== undefined && resolveGuideline(index, name, bookYear)) year = bookYear;
  const guideline = resolveGuideline(index, name, year);
  return {
    name,
    nameStart: from,
    nameEnd: from + Math.min(nameEnd, name.length),
    ...(year !== undefined ? { year } : {}),
    ...(guideline ? { guideline } : {}),
    ...(topic ? { topic } : {}),
  };
}

/**
 * The ACOEM book named at the start of `text` before a chapter the index knows ("ACOEM Chapter 12, Low
 * Back Complaints"): its length with the separators after it, and the edition's year when written;
 * length 0 when there is none, or what follows it is no guideline the index knows.
 */
export function acoemBook(index: MtusIndex, text: string): { length: number; year?: number } {
  const book = ACOEM_BOOK.exec(text);
  if (!book || book[0].length >= text.length || !matchGuidelinePrefix(index, text.slice(book[0].length))) return { length: 0 };
  return book[1] ? { length: book[0].length, year: Number(book[1]) } : { length: book[0].length };
}

/** A page-style topic starting at `start`: without a final "Guideline(s)" ("Physical Medicine Guidelines"; no topic name ends so). */
function topicAt(written: string, start: number): NonNullable<CitationHead['topic']> {
  const name = withoutGuidelinesWord(written.trim()).trim() || written.trim();
  return { name, start, end: start + name.length };
}

