import { Conclusion, Rationale, RationalePageRef } from '../model/determination';
import { Range } from '../model/range';
import { JoinedText } from '../text/joined';
import { readVerdict } from '../verdict/reader';

/** The rationale's conclusion about `item`, as the verdict reader reads it (engine/verdict/reader.ts). */
export function findConclusion(body: JoinedText, item?: string): { conclusion: Conclusion; range?: Range } {
  const v = readVerdict(body.text, item);
  const conclusion: Conclusion = v.value === 'necessary' ? 'medically-necessary' : v.value === 'not-necessary' ? 'not-medically-necessary' : 'unclear';
  return { conclusion, range: v.start !== undefined && v.end !== undefined ? body.rangeOf(v.start, v.end) : undefined };
}

const PAGE_RE = /\b(?:pages?|pgs?\.?|p\.)\s*(\d{1,4})(?:\s*(?:-|–|—|to|and|through)\s*(\d{1,4}))?\b/gi;
const CHAPTER_RE = /\bChapter\s+(\d{1,2})\b/gi;
const TABLE_RE = /\bTable\s+(\d{1,2})-(\d{1,2})\b/gi;

/** Page references inside a rationale, each with the context that says which guideline it is about. */
export function findRationalePages(body: JoinedText): RationalePageRef[] {
  const text = body.text;
  const refs: RationalePageRef[] = [];
  let lastEnd = 0;
  PAGE_RE.lastIndex = 0;
  for (let m = PAGE_RE.exec(text); m; m = PAGE_RE.exec(text)) {
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    // a sentence ends at ". " followed by a capital; "pg." and "p." are not sentence ends
    const sentenceStart = sentenceStartBefore(text, m.index);
    const sentenceEnd = sentenceEndAfter(text, m.index + m[0].length);
    // context is what this page's own clause names: not past the previous page reference
    const prevEnd = refs.length > 0 ? lastEnd : 0;
    const before = text.slice(Math.max(sentenceStart, prevEnd), m.index);
    const after = text.slice(m.index + m[0].length, sentenceEnd);
    lastEnd = m.index + m[0].length;
    const ref: RationalePageRef = {
      from,
      to,
      text: m[0],
      range: body.rangeOf(m.index, m.index + m[0].length),
      sentence: text.slice(sentenceStart, sentenceEnd),
      sentenceOffset: m.index - sentenceStart,
    };
    const tableAfter = /^\s*[(,]?\s*Table\s+(\d{1,2})-(\d{1,2})\b\)?/.exec(after);
    if (tableAfter) lastEnd += tableAfter[0].length;
    // a page of a non-MTUS source (ACOEM 3rd edition, ODG) is not the index's business
    if (/\b(?:3rd|third)\s+ed(?:ition|\.)?|\bODG\b|Official\s+Disability/i.test(before)) ref.outsideMtus = true;
    const tables = tableAfter ? [tableAfter] : [...before.matchAll(TABLE_RE)];
    if (tables.length > 0) {
      const t = tables[tables.length - 1];
      ref.table = `Table ${t[1]}-${t[2]}`;
      ref.chapter = Number(t[1]);
    }
    const chapters = [...before.matchAll(CHAPTER_RE)];
    if (chapters.length > 0 && ref.chapter === undefined) ref.chapter = Number(chapters[chapters.length - 1][1]);
    else if (chapters.length > 0 && ref.table === undefined) ref.chapter = Number(chapters[chapters.length - 1][1]);
    const guide = /\b((?:MTUS\s+)?(?:\d{4},?\s+)?[A-Z][A-Za-z,&\- ]*?(?:Guidelines?|Complaints|Treatment))\b(?:\s*\(([^)]*)\))?/g;
    let gm: RegExpExecArray | null;
    let lastGuide: RegExpExecArray | undefined;
    while ((gm = guide.exec(before))) lastGuide = gm;
    if (lastGuide) {
      ref.guideline = lastGuide[1]
        .replace(/^(?:(?:The|Per|the|According\s+to|California|CA|Cal)\s+)+/, '')
        .replace(/^MTUS\s+/, '')
        .replace(/^\d{4},?\s+/, '')
        .trim();
      const yr = /\b(20\d{2}|19\d{2})\b/.exec(before);
      if (yr) ref.year = Number(yr[1]);
    }
    const under = /^\s*(?:,\s*)?under\s+(?:the\s+)?(.+?)(?:\s+[Ss]ection)?(?:\s+(?:states|notes|says|indicates|recommends)\b|[,;:]|$)/.exec(after);
    if (under) ref.topic = under[1].trim();
    refs.push(ref);
  }
  return refs;
}

function sentenceStartBefore(text: string, at: number): number {
  for (let i = at - 1; i > 0; i--) {
    if (/[!?]/.test(text[i])) return i + 1;
    if (text[i] === '.' && /\s/.test(text[i + 1] ?? '') && /[A-Z"]/.test(text[i + 2] ?? '')) {
      const word = /(\S+)$/.exec(text.slice(Math.max(0, i - 6), i))?.[1] ?? '';
      if (!/^(pg|p|pp|No|ed|Dr|vs|al|e\.g|i\.e)$/i.test(word)) return i + 1;
    }
  }
  return 0;
}

function sentenceEndAfter(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    if (/[!?]/.test(text[i])) return i;
    if (text[i] === '.' && (/\s/.test(text[i + 1] ?? ' ')) && /[A-Z"]|^$/.test(text[i + 2] ?? '')) return i;
  }
  return text.length;
}

export function parseRationale(labelRange: Range, body: JoinedText, item?: string): Rationale {
  const c = findConclusion(body, item);
  return {
    text: body.text,
    range: body.fullRange,
    labelRange,
    conclusion: c.conclusion,
    conclusionRange: c.range,
    pageRefs: findRationalePages(body),
  };
}
