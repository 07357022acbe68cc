import { Citation, GuidelineKind, GuidelineLine, NonMtusCitation, PageRef, SectionRef } from '../model/determination';
import { matchGuidelinePrefix } from '../mtus/guidelines';
import { isSectionSeparatorAt } from '../mtus/section-atoms';
import { IndexGuideline, MtusIndex } from '../mtus/types';
import { acoemBook, readCitationHead } from './citation-head';
import { splitSectionList } from '../mtus/section-list';
import { JoinedText } from '../text/joined';
import { CITATION_LABELS, citationJoiners } from '../vocabulary';

const DECISION_BASED = /Decision\s+based\s+on\s+/gi;
const MTUS_AT = /MTUS\b\s*/iy;
const NON_MTUS_AT = /Non\s*-?\s*MTUS\b/iy;
const NO_EVIDENCE = /did\s+not\s+cite\s+any\s+medical\s+evidence/i;
const PAGES_LABEL = CITATION_LABELS.pages.pattern;
const SECTIONS_LABEL = CITATION_LABELS.sections.pattern;

/** Parses a `Claims Administrator guideline:` / `MAXIMUS guideline:` paragraph (label already split off). */
export function parseGuidelineLine(label: string, labelRange: GuidelineLine['labelRange'], body: JoinedText, index: MtusIndex): GuidelineLine {
  const text = body.text;
  const citations: Citation[] = [];
  const nonMtus: NonMtusCitation[] = [];
  // where each "Decision based on" starts, and where the text after it starts
  const starts: number[] = [];
  const bodyStarts: number[] = [];
  DECISION_BASED.lastIndex = 0;
  for (let m = DECISION_BASED.exec(text); m; m = DECISION_BASED.exec(text)) {
    starts.push(m.index);
    bodyStarts.push(m.index + m[0].length);
  }
  for (let k = 0; k < starts.length; k++) {
    const e = starts[k + 1] ?? text.length;
    // read at offsets (sticky), never by copying the rest of the text per "Decision based on"
    const bodyStart = bodyStarts[k]!;
    NON_MTUS_AT.lastIndex = bodyStart;
    if (NON_MTUS_AT.test(text)) {
      const cs = bodyStart;
      const ce = trimEnd(text, cs, e);
      nonMtus.push({ text: text.slice(cs, ce), range: body.rangeOf(cs, ce) });
      continue;
    }
    // test, then lastIndex: where the match ends (no match array to build)
    MTUS_AT.lastIndex = bodyStart;
    if (MTUS_AT.test(text)) parseMtusSegment(body, MTUS_AT.lastIndex, trimEnd(text, bodyStart, e), index, citations);
  }
  let kind: GuidelineKind;
  if (NO_EVIDENCE.test(text)) kind = 'no-evidence';
  else if (citations.length > 0 && nonMtus.length > 0) kind = 'mtus+non-mtus';
  else if (citations.length > 0) kind = 'mtus';
  else if (nonMtus.length > 0) kind = 'non-mtus';
  else kind = 'other';
  return { label, text, range: body.fullRange, labelRange, kind, citations, nonMtus };
}

/** End offset with trailing spaces and the sentence's final period removed. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s.]/.test(text.charAt(e - 1))) e--;
  return e;
}

/** What makes a citation complete enough to end at a joiner. */
const COMPLETE = /\b(19|20)\d{2}\b|Section\s*\(s\)|Page\s*\(s\)/gi;

/**
 * Splits the text after "Decision based on MTUS" into citations. Boundaries are ", and " (or " and ")
 * followed by a guideline name the index knows, or by "<Words> <year>".
 */
function parseMtusSegment(body: JoinedText, start: number, end: number, index: MtusIndex, out: Citation[]): void {
  const text = body.text;
  // the citations' [start, end): each cut at a joiner ends one (at the joiner) and starts the next (after it)
  const bounds: [number, number][] = [];
  /** Where the citation being read starts: `start`, or after the last cut's joiner. */
  let cut = start;
  // the joiners of this segment only (a search past `end` would rescan the rest of the line per segment)
  const seg = text.slice(start, end);
  const joiner = citationJoiners();
  /** Where the citation since the last cut first becomes complete (has a year, Section(s) or Page(s)); found once per cut. */
  let complete = { from: -1, end: Infinity };
  for (let m = joiner.exec(seg); m; m = joiner.exec(seg)) {
    const at = start + m.index;
    const next = at + m[0].length;
    if (next >= end) break;
    // only split once the citation so far is complete: it has a year, Section(s): or Page(s):
    if (complete.from !== cut) {
      COMPLETE.lastIndex = cut - start;
      complete = { from: cut, end: COMPLETE.test(seg) ? start + COMPLETE.lastIndex : Infinity };
    }
    if (complete.end > at) continue;
    const rest = text.slice(next, end);
    if (startsCitation(index, rest)) {
      bounds.push([cut, at]);
      cut = next;
    }
  }
  bounds.push([cut, end]);
  for (const [s, e] of bounds) {
    const c = parseCitation(body, s, trimEnd(text, s, e), index);
    if (c) out.push(c);
  }
}

/** "<Words> <year>" at the start of a text. */
const YEAR_AHEAD = /^[A-Z][A-Za-z,&'\- ]{2,80}?\s(19|20)\d{2}\b/;
/** What follows a guideline name that starts a citation: a year (or "(year"), "Guideline(s)" or a capital. */
const AFTER_NAME = /^\s*(\(?\s*(19|20)\d{2}\b|Guidelines?\b|[A-Z])/;

/**
 * Whether the text after a joiner starts another citation: "<Words> <year>" (no Section(s) label among
 * the words), or a guideline name the index knows followed by a year, "Guideline(s)" or a capital. The
 * one pattern first: the index's name patterns are tried only when it does not decide.
 */
function startsCitation(index: MtusIndex, rest: string): boolean {
  const yearAhead = YEAR_AHEAD.exec(rest);
  if (yearAhead && !/Section\s*\(s\)/i.test(yearAhead[0])) return true;
  // the ACOEM book may be named before its chapter: "ACOEM Chapter 12, Low Back Complaints 2004"
  const name = rest.slice(acoemBook(index, rest).length);
  const known = matchGuidelinePrefix(index, name);
  return known !== undefined && AFTER_NAME.test(name.slice(known.length));
}

function parseCitation(body: JoinedText, start: number, end: number, index: MtusIndex): Citation | undefined {
  const text = body.text;
  const seg = text.slice(start, end);
  if (!seg.trim()) return undefined;
  let headEnd = end;
  let pages: PageRef[] = [];
  const secLabel = SECTIONS_LABEL.exec(seg);
  const pageLabel = PAGES_LABEL.exec(seg);
  if (pageLabel) {
    headEnd = start + pageLabel.index;
    pages = parsePageList(body, start + pageLabel.index + pageLabel[0].length, end);
  }
  const listsSections = secLabel !== null && (!pageLabel || secLabel.index < pageLabel.index);
  if (listsSections) headEnd = start + secLabel.index;
  // head: "<guideline> [<year>] [Guidelines][,]" or "<guideline> <topic>" (page style)
  let hs = start;
  while (hs < headEnd && /\s/.test(text.charAt(hs))) hs++;
  let he = headEnd;
  while (he > hs && /[\s,;]/.test(text.charAt(he - 1))) he--;
  const head = readCitationHead(index, text.slice(hs, he), pages.length > 0, listsSections);
  const sections = listsSections ? parseSectionList(body, start + secLabel.index + secLabel[0].length, pageLabel ? start + pageLabel.index : end, head.guideline) : [];
  const topic = head.topic ? { name: head.topic.name, range: body.rangeOf(hs + head.topic.start, hs + head.topic.end) } : undefined;
  return {
    text: text.slice(hs, end),
    range: body.rangeOf(hs, end),
    guideline: head.name,
    guidelineRange: body.rangeOf(hs + head.nameStart, Math.max(hs + head.nameStart, hs + head.nameEnd)),
    year: head.year,
    guidelineId: head.guideline?.id,
    sections,
    topic,
    pages,
  };
}

const NUMBERED = /^(\d+(?:\.\d+)*)\.?\s+/;

/** The sections of a `Section(s):` list, split by the topics of the cited guideline when it is known. */
function parseSectionList(body: JoinedText, start: number, end: number, guideline: IndexGuideline | undefined): SectionRef[] {
  const text = body.text;
  let e = end;
  while (e > start && /[\s,.]/.test(text.charAt(e - 1))) e--;
  let s = start;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  const listText = text.slice(s, e);
  if (!listText) return [];
  let names: readonly string[];
  if (/^\d+(\.\d+)*\.?\s/.test(listText)) {
    // numbered opioid sections: split before each ", <number> " (or "; <number> ")
    names = listText.split(/[,;]\s+(?=\d+(?:\.\d+)*\.?\s)/);
  } else {
    names = guideline ? splitSectionList(guideline, listText) : splitOutsideParens(listText);
  }
  const refs: SectionRef[] = [];
  let cursor = s;
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const at = text.indexOf(name, cursor);
    const ns = at >= 0 && at < e ? at : cursor;
    cursor = ns + name.length;
    const ref: SectionRef = { name, range: body.rangeOf(ns, ns + name.length) };
    const num = NUMBERED.exec(name);
    if (num) {
      const number = num[1]!;
      ref.number = number;
      ref.numberRange = body.rangeOf(ns, ns + number.length);
      const rest = name.slice(num[0].length);
      const colon = rest.lastIndexOf(':');
      if (colon >= 0) {
        ref.part = rest.slice(0, colon).trim();
        ref.title = rest.slice(colon + 1).trim();
      } else {
        ref.title = rest.trim();
      }
    }
    refs.push(ref);
  }
  return refs;
}

function splitOutsideParens(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    if (depth === 0 && isSectionSeparatorAt(s, i)) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

const PAGE_TOKEN = /(?:pp?\.\s*)?(\d{1,4})(?:\s*(?:-|–|—|to|and|through)\s*(\d{1,4}))?/gi;

/** Parses "98-99", "98 and 99", "p. 98", "98-99, 101". */
export function parsePageList(body: JoinedText, start: number, end: number): PageRef[] {
  const text = body.text;
  const refs: PageRef[] = [];
  PAGE_TOKEN.lastIndex = start;
  for (let m = PAGE_TOKEN.exec(text); m && m.index < end; m = PAGE_TOKEN.exec(text)) {
    if (m.index + m[0].length > end) break;
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    refs.push({ from, to, text: m[0], range: body.rangeOf(m.index, m.index + m[0].length) });
    // stop at the first thing that is not a separator
    const after = text.slice(m.index + m[0].length, end);
    if (!/^\s*(,|;|and\b|&)?\s*(pp?\.\s*)?\d/.test(after)) break;
  }
  return refs;
}
