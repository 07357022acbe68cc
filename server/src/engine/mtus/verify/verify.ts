/**
 * `imr index verify`: checks one guideline of the MTUS index against the text of its PDF. Finds the
 * page where each topic starts (its name or an alias as a heading line; for numbered sections the
 * number and title) and reports per topic: confirmed, moved (index says X, the PDF has Y) or not
 * found; plus table-of-contents entries the index lacks. Pure over PdfText: the PDF library sits
 * behind PdfReader.
 */
import { normalizeName, stripParenthesized } from '../names';
import { findTopic } from '../topics';
import { formatPages } from '../pages';
import { IndexGuideline, IndexTopic, PageSpan } from '../types';
import { NumberedPage, numberPages, PageNumbering } from './page-numbers';
import { PdfInputError, PdfText } from './pdf-text';

export type TopicStatus = 'confirmed' | 'moved' | 'not-found';

export interface TopicVerdict {
  topic: IndexTopic;
  status: TopicStatus;
  /** The index's pages ("98-99"; "" when it has none). */
  indexPages: string;
  /** Printed pages where the topic's heading stands in the PDF, ascending. */
  headingPages: number[];
  /** The pages the index should have (moved topics): spans starting at the headings found. */
  pdfPages?: PageSpan[];
}

export interface TocEntry {
  title: string;
  /** Page the table of contents gives. */
  page?: number;
}

export interface VerifyReport {
  guideline: IndexGuideline;
  /** File name of the PDF (no folder). */
  pdf: string;
  physicalPages: number;
  numbering: PageNumbering;
  topics: TopicVerdict[];
  /** Table-of-contents entries that name no topic of the index. */
  tocMissing: TocEntry[];
  /** Whether a table of contents was found. */
  tocFound: boolean;
}

interface Occurrence {
  topic: IndexTopic;
  printed?: number;
  physical: number;
  line: number;
  /** The heading is the first content line of its page. */
  first: boolean;
  styled: boolean;
}

const LEADER = /^(.*?\S)\s*(?:(?:\.\s*){3,}|\u2026+|_{3,}|\s{2,}|\s)\s*(\d{1,4})$/;
const DOT_LEADER = /(?:\.\s*){3,}\d{1,4}$|\u2026+\s*\d{1,4}$/;
const NUMBERED = /^(\d+(?:\.\d+)*)\.?\s+(\S.*)$/;

function clean(s: string): string {
  return normalizeName(s.replace(/\s*:$/, ''));
}

/** Pages that hold the table of contents: a "Contents" heading or several dot-leader lines. */
function tocPages(pages: NumberedPage[]): Set<number> {
  const out = new Set<number>();
  pages.forEach((p, i) => {
    const leaders = p.lines.filter((l) => DOT_LEADER.test(l.text)).length;
    const titled = p.lines.slice(0, 4).some((l) => /^(table of )?contents$/i.test(l.text.trim()));
    if (leaders >= 3 || (titled && p.lines.some((l) => LEADER.test(l.text)))) out.add(i);
  });
  return out;
}

function tocEntries(pages: NumberedPage[], toc: Set<number>): TocEntry[] {
  const out: TocEntry[] = [];
  for (const [i, p] of pages.entries()) {
    if (!toc.has(i)) continue;
    let pending = '';
    for (const l of p.lines) {
      const t = l.text.trim();
      if (/^(table of )?contents$/i.test(t) || /^page$/i.test(t) || l.styled) {
        pending = '';
        continue;
      }
      const m = LEADER.exec(t);
      if (m) {
        const title = `${pending} ${m[1]}`.replace(/[\s.\u2026_]+$/, '').replace(/\s+/g, ' ').trim();
        pending = '';
        if (title && /\p{L}/u.test(title)) out.push({ title, page: Number(m[2]) });
      } else {
        pending = pending ? `${pending} ${t}` : t;
        if (pending.length > 200) pending = '';
      }
    }
  }
  return out;
}

/** Heading keys of the guideline's un-numbered topics: exact normalized names/aliases, and loose (parentheses dropped) when unique. */
function headingTables(g: IndexGuideline): { exact: Map<string, IndexTopic>; loose: Map<string, IndexTopic | null> } {
  const exact = new Map<string, IndexTopic>();
  const loose = new Map<string, IndexTopic | null>();
  for (const t of g.topics) {
    for (const n of [t.name, ...t.aliases]) {
      const k = clean(n);
      if (!k) continue;
      if (!exact.has(k)) exact.set(k, t);
      const l = stripParenthesized(k);
      if (l.length < 3) continue;
      const prev = loose.get(l);
      loose.set(l, prev === undefined || prev === t ? t : null);
    }
  }
  return { exact, loose };
}

function matchNamed(text: string, tables: ReturnType<typeof headingTables>): IndexTopic | undefined {
  const k = clean(text);
  if (!k) return undefined;
  const hit = tables.exact.get(k);
  if (hit) return hit;
  const l = tables.loose.get(stripParenthesized(k));
  return l ?? undefined;
}

/** "3.3.6 Use of Urine Drug Testing (UDT)" (or "3.3.6 <part>: <title>", or a wrapped first line of it). */
function matchNumbered(text: string, g: IndexGuideline): IndexTopic | undefined {
  const m = NUMBERED.exec(text.trim());
  if (!m) return undefined;
  const t = g.topics.find((x) => x.number === m[1]);
  if (!t) return undefined;
  const rest = clean(m[2]!);
  for (const title of [t.name, ...t.aliases, ...(t.part ? [`${t.part}: ${t.name}`] : [])]) {
    const want = clean(title);
    if (rest === want || stripParenthesized(rest) === stripParenthesized(want)) return t;
    if (rest.length >= 12 && want.startsWith(rest)) return t; // heading wrapped onto the next line
  }
  return undefined;
}

function findOccurrences(g: IndexGuideline, pages: NumberedPage[], skip: Set<number>): Occurrence[] {
  const tables = headingTables(g);
  const out: Occurrence[] = [];
  pages.forEach((p, pi) => {
    if (skip.has(pi)) return;
    for (const [li, line] of p.lines.entries()) {
      const text = line.text.trim();
      if (text.length > 160 || DOT_LEADER.test(text)) continue;
      let topic = g.numberedSections ? matchNumbered(text, g) : undefined;
      if (!topic && !/^\d+(\.\d+)*\.?\s/.test(text)) topic = matchNamed(text, tables);
      let styled = line.styled;
      const next = p.lines[li + 1];
      if (!topic && next && text.length <= 80) {
        // a heading wrapped onto two lines
        const joined = `${text} ${next.text.trim()}`;
        topic = (g.numberedSections ? matchNumbered(joined, g) : undefined) ?? matchNamed(joined, tables);
        styled = styled && next.styled;
      }
      if (!topic) continue;
      out.push({ topic, physical: p.physical, ...(p.printed !== undefined ? { printed: p.printed } : {}), line: li, first: li === 0, styled });
    }
  });
  return out;
}

/** The span a topic starting at `o` runs to: up to the next heading of another (top-level) topic. */
function spanFrom(o: Occurrence, all: Occurrence[], old: PageSpan | undefined): PageSpan {
  const start = o.printed as number;
  const next = all.find(
    (x) => (x.physical > o.physical || (x.physical === o.physical && x.line > o.line)) && x.topic !== o.topic && x.printed !== undefined && (x.topic.alphabetical || !o.topic.alphabetical),
  );
  if (!next) return { from: start, to: start + (old ? old.to - old.from : 0) };
  const end = next.physical === o.physical ? start : (next.printed as number) - (next.first ? 1 : 0);
  return { from: start, to: Math.max(start, end) };
}

/** Verifies the topics of `g` against the PDF text. Throws PdfInputError when the PDF has no text or is not this guideline. */
export function verifyGuideline(text: PdfText, g: IndexGuideline, pdfName: string, options?: { offset?: number }): VerifyReport {
  const chars = text.pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0);
  if (text.pages.length === 0 || chars === 0) throw new PdfInputError(`${pdfName} has no text layer (a scanned PDF?); run OCR on it first`);
  const { pages, numbering } = numberPages(text, options);
  const toc = tocPages(pages);
  const occurrences = findOccurrences(g, pages, toc);
  const byTopic = new Map<IndexTopic, Occurrence[]>();
  for (const o of occurrences) {
    const list = byTopic.get(o.topic) ?? [];
    list.push(o);
    byTopic.set(o.topic, list);
  }
  const sorted = [...occurrences].filter((o) => o.printed !== undefined);

  const verdicts: TopicVerdict[] = g.topics.map((t) => {
    const found = (byTopic.get(t) ?? []).filter((o) => o.printed !== undefined);
    // where headings are set apart by their font, only those count
    const styled = found.filter((o) => o.styled);
    const use = styled.length > 0 ? styled : found;
    const starts = [...new Set(use.map((o) => o.printed as number))].sort((a, b) => a - b);
    const indexPages = formatPages(t.pages);
    if (starts.length === 0) return { topic: t, status: 'not-found', indexPages, headingPages: [] };
    if (t.pages.length > 0 && t.pages.every((s) => starts.includes(s.from))) return { topic: t, status: 'confirmed', indexPages, headingPages: starts };
    const kept = t.pages.filter((s) => starts.includes(s.from));
    const fresh = starts
      .filter((p) => !kept.some((s) => s.from === p))
      .map((p, i) => {
        const o = use.find((x) => x.printed === p) as Occurrence;
        const unmatched = t.pages.filter((s) => !starts.includes(s.from));
        return spanFrom(o, sorted, unmatched[i] ?? unmatched[unmatched.length - 1]);
      });
    // a cross-reference heading inside a kept span is not a new span
    const extra = fresh.filter((s) => !kept.some((k) => k.from <= s.from && s.from <= k.to));
    const pdfPages = [...kept, ...extra].sort((a, b) => a.from - b.from);
    return { topic: t, status: 'moved', indexPages, headingPages: starts, pdfPages };
  });

  const foundCount = verdicts.filter((v) => v.status !== 'not-found').length;
  const allText = normalizeName(pages.map((p) => p.lines.map((l) => l.text).join(' ')).join(' '));
  const titled = [g.title, ...g.names].some((n) => allText.includes(normalizeName(n)));
  if (g.topics.length > 0 && !titled && foundCount < Math.max(1, Math.ceil(g.topics.length * 0.2))) {
    throw new PdfInputError(
      `${pdfName} does not look like ${g.title} ${g.year} (${g.id}): neither its title nor more than ${foundCount} of its ${g.topics.length} topics appear in it — wrong --guideline?`,
    );
  }

  const tables = headingTables(g);
  const tocMissing = tocEntries(pages, toc).filter((e) => {
    if (findTopic(g, e.title)) return false;
    const m = NUMBERED.exec(e.title);
    if (m && g.topics.some((t) => t.number === m[1])) return false;
    return matchNamed(e.title, tables) === undefined;
  });
  return { guideline: g, pdf: pdfName, physicalPages: text.pages.length, numbering, topics: verdicts, tocMissing, tocFound: toc.size > 0 };
}

/** "98-99" for a verdict's corrected pages. */
export function verdictPages(v: TopicVerdict): string {
  return formatPages(v.pdfPages ?? []);
}
