/**
 * Printed page numbers of a guideline PDF: page footers/headers ("Page 98 of 127", "Page 98", a bare
 * "98"), else the PDF's numeric page labels, else physical pages plus an offset (reported). The
 * page-number line and running headers/footers repeated on most pages are removed from the text.
 */
import { PdfLine, PdfText } from './pdf-text';

export type NumberingMethod = 'footer' | 'labels' | 'physical';

export interface PageNumbering {
  method: NumberingMethod;
  /** printed = physical + offset for the pages it was not read from (the most common offset). */
  offset: number;
  /** One line for the report: how printed page numbers were found. */
  note: string;
}

export interface NumberedPage {
  physical: number;
  /** Printed page number; undefined when the page has none (cover, front matter). */
  printed?: number;
  /** Content lines: page-number line and running headers/footers removed. */
  lines: PdfLine[];
}

const EDGE = 2;
const PAGE_OF = /\bpage\s+(\d{1,4})\s+of\s+\d{1,4}\b/i;
const PAGE_ONLY = /^(?:-\s*)?page\s+(\d{1,4})(?:\s*-)?$/i;
const BARE = /^[-\u2013\u2014]?\s*(\d{1,4})\s*[-\u2013\u2014]?$/;

/** Indexes of the first and last EDGE lines of a page (where headers and footers are). */
function edgeIndexes(n: number): number[] {
  const out = new Set<number>();
  for (let i = 0; i < Math.min(EDGE, n); i++) out.add(i);
  for (let i = Math.max(0, n - EDGE); i < n; i++) out.add(i);
  return [...out];
}

function mode(values: number[]): { value: number; count: number } | undefined {
  const c = new Map<number, number>();
  for (const v of values) c.set(v, (c.get(v) ?? 0) + 1);
  let best: { value: number; count: number } | undefined;
  for (const [value, count] of c) if (!best || count > best.count) best = { value, count };
  return best;
}

/** Reads printed page numbers and strips page furniture. `offset` forces physical numbering with that offset. */
export function numberPages(text: PdfText, options?: { offset?: number }): { pages: NumberedPage[]; numbering: PageNumbering } {
  const n = text.pages.length;
  const strong: (number | undefined)[] = [];
  const strongLine: (number | undefined)[] = [];
  const bare: { page: number; value: number; line: number }[] = [];
  text.pages.forEach((p, i) => {
    for (const li of edgeIndexes(p.lines.length)) {
      const t = p.lines[li]!.text.trim(); // edgeIndexes are below the length given
      const m = PAGE_OF.exec(t) ?? PAGE_ONLY.exec(t);
      if (m && strong[i] === undefined) {
        strong[i] = Number(m[1]);
        strongLine[i] = li;
      }
      const b = BARE.exec(t);
      if (b) bare.push({ page: i, value: Number(b[1]), line: li });
    }
  });

  const printed: (number | undefined)[] = new Array(n).fill(undefined);
  const numberLine: (number | undefined)[] = new Array(n).fill(undefined);
  let method: NumberingMethod;
  let note: string;
  let offset = 0;
  const strongCount = strong.filter((x) => x !== undefined).length;
  const bareMode = mode(bare.map((b) => b.value - (b.page + 1)));
  if (options?.offset !== undefined) {
    method = 'physical';
    offset = options.offset;
    for (let i = 0; i < n; i++) printed[i] = i + 1 + offset;
    note = `physical page numbers with the given offset ${offset >= 0 ? '+' : ''}${offset}`;
    for (let i = 0; i < n; i++) numberLine[i] = strongLine[i];
  } else if (strongCount > 0) {
    method = 'footer';
    for (let i = 0; i < n; i++) {
      printed[i] = strong[i];
      numberLine[i] = strongLine[i];
    }
    offset = mode(strong.flatMap((v, i) => (v === undefined ? [] : [v - (i + 1)])))?.value ?? 0;
    note = `printed page numbers read from "Page N of M" footers on ${strongCount} of ${n} pages`;
  } else if (bareMode && bareMode.count >= Math.max(2, Math.ceil(n * 0.3))) {
    method = 'footer';
    offset = bareMode.value;
    for (const b of bare) {
      if (b.value - (b.page + 1) === offset && printed[b.page] === undefined) {
        printed[b.page] = b.value;
        numberLine[b.page] = b.line;
      }
    }
    note = `printed page numbers read from page-number lines on ${bareMode.count} of ${n} pages`;
  } else if (text.labels && text.labels.some((l) => /^\d+$/.test(l))) {
    method = 'labels';
    text.labels.forEach((l, i) => (printed[i] = /^\d+$/.test(l) ? Number(l) : undefined));
    offset = mode(printed.flatMap((v, i) => (v === undefined ? [] : [v - (i + 1)])))?.value ?? 0;
    note = "printed page numbers taken from the PDF's page labels";
  } else {
    method = 'physical';
    for (let i = 0; i < n; i++) printed[i] = i + 1;
    note = 'no printed page numbers found (no "Page N of M" footers, page-number lines or page labels): physical page numbers used, offset 0 — pass --page-offset if page 1 of the PDF is not printed page 1';
  }
  // a page without a footer between two numbered pages of the same offset takes that offset
  if (method === 'footer') {
    for (let i = 0; i < n; i++) {
      if (printed[i] !== undefined) continue;
      let a = i - 1;
      while (a >= 0 && printed[a] === undefined) a--;
      let b = i + 1;
      while (b < n && printed[b] === undefined) b++;
      if (a >= 0 && b < n && (printed[a] as number) - a === (printed[b] as number) - b) printed[i] = (printed[a] as number) + (i - a);
    }
  }

  // running headers/footers: the same edge line (digits ignored) on at least half of 4+ pages
  const furniture = new Set<string>();
  if (n >= 4) {
    const seen = new Map<string, number>();
    text.pages.forEach((p) => {
      const keys = new Set(edgeIndexes(p.lines.length).map((li) => p.lines[li]!.text.replace(/\d+/g, '#').trim()));
      for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
    });
    for (const [k, c] of seen) if (c >= n / 2 && k) furniture.add(k);
  }
  const pages: NumberedPage[] = text.pages.map((p, i) => {
    const edges = new Set(edgeIndexes(p.lines.length));
    const lines = p.lines.filter((l, li) => li !== numberLine[i] && !(edges.has(li) && furniture.has(l.text.replace(/\d+/g, '#').trim())));
    return printed[i] === undefined ? { physical: p.physical, lines } : { physical: p.physical, printed: printed[i], lines };
  });
  return { pages, numbering: { method, offset, note } };
}
