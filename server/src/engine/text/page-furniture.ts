import { SourceText } from './source';
import { isBlankText, leadingSpaceEnd } from './spaces';

/**
 * Page furniture: the running footers and headers of a paginated PDF's text — `imr export`'s own PDFs
 * among them. It belongs to no paragraph; the parser reads it as a blank line (positions unchanged).
 *
 * - Anywhere in the text, a line that holds nothing but "Page 2 of 5".
 * - Next to a page break (a form feed: the last line before it, the first line after it), a line made
 *   of a page number and little else: "Page 2", "- 2 -", "2", "CM16-0233794      Page 2 of 3",
 *   "IMR Final Determination      Page 2". The number must be the page's (the page the break ends or
 *   the one it starts), the case number and one short running title may stand beside it in columns of
 *   their own; a line of case numbers alone counts too. The break is the evidence: without form feeds
 *   only the strict form above is furniture, and a line with a number that is not the page's is text.
 */
export const PAGE_NUMBER_LINE = /^[\s\f]*Page\s+\d{1,4}\s+of\s+\d{1,4}[\s\f]*$/i;
/** A case number as letters write it ("CM16-0233794"): the running headers here, the case number lines of parser/page-breaks.ts. */
export const CASE_NUMBER_TEXT = String.raw`[A-Z]{2}\d{2}-\d{4,}`;

export function isPageFurniture(line: string): boolean {
  return line.length < 80 && startsWithP(line) && PAGE_NUMBER_LINE.test(line);
}

/** The first character after the white space is a p (any case): a cheap test before the pattern. */
function startsWithP(line: string): boolean {
  const i = leadingSpaceEnd(line);
  return i < line.length && (line.charCodeAt(i) | 0x20) === 0x70;
}

/**
 * The text with its page furniture blanked (the same text when it has none). Line by line: a short line
 * that starts with a p is the only one the strict pattern is run on, and the lines beside a form feed
 * the only ones read for running footers and headers.
 */
export function maskPageFurniture(src: SourceText): SourceText {
  const lines = src.lines;
  let furniture: number[] | undefined;
  for (let i = 0; i < lines.length; i++) if (isPageFurniture(lines[i]!)) (furniture ??= []).push(i);
  // the form feeds found in the text (one native scan), not line by line
  if (src.text.includes('\f')) furniture = furnitureBesideBreaks(src, furniture ?? []);
  if (!furniture || furniture.length === 0) return src;
  const masked = lines.slice();
  // the form feed stays: it marks the page break for whoever reads the lines
  for (const i of furniture) masked[i] = masked[i]!.replace(/[^\f]/g, ' ');
  return new SourceText(masked.join('\n'));
}

/** A running footer or header is short. */
const MAX_FURNITURE_LINE = 120;
/** How far from the form feed (in lines, blank ones between) a footer or header may stand. */
const REACH = 3;
const CASE_NUMBER = new RegExp(String.raw`\b${CASE_NUMBER_TEXT}\b`, 'g');
const DIGIT = /\d/;
/** A column of a footer that is a page number: "Page 2", "Page 2 of 3", "- 2 -", "2" (groups: one of the numbers, the count). */
const PAGE_CELL = /^(?:Page\s+(\d{1,4})(?:\s+of\s+(\d{1,4}))?|-\s*(\d{1,4})\s*-|(\d{1,4}))$/i;
/** A running title beside the page number: up to six words, no field label, no sentence (no final stop). */
const TITLE_CELL = /^[A-Za-z][A-Za-z&'()-]*(?: [A-Za-z&'()-]+){0,5}$/;

/** `known` and the lines beside form feeds that are page furniture (see the module comment). */
function furnitureBesideBreaks(src: SourceText, known: number[]): number[] {
  const lines = src.lines;
  const text = src.text;
  const out = known;
  let page = 1;
  let lastLine = -1;
  for (let f = text.indexOf('\f'); f >= 0; f = text.indexOf('\f', f + 1), page++) {
    const b = src.positionAt(f).line;
    // a second form feed on one line: its lines were read with the first
    if (b === lastLine) continue;
    lastLine = b;
    const line = lines[b]!;
    const at = line.indexOf('\f');
    // the footer: the last line with text before the form feed (on this line, or above it)
    const before = at > 0 && !isBlankText(line.slice(0, at)) ? b : lastTextLine(lines, b - 1, b - REACH);
    if (before !== undefined && !known.includes(before) && isRunningLine(lines[before]!, page)) out.push(before);
    // the header: the first line with text after it
    const after = !isBlankText(line.slice(at + 1)) ? b : firstTextLine(lines, b + 1, b + REACH);
    if (after !== undefined && after !== before && !known.includes(after) && isRunningLine(lines[after]!, page)) out.push(after);
  }
  return out;
}

function lastTextLine(lines: readonly string[], from: number, to: number): number | undefined {
  for (let i = from; i >= Math.max(0, to); i--) if (!isBlankText(lines[i]!)) return i;
  return undefined;
}

function firstTextLine(lines: readonly string[], from: number, to: number): number | undefined {
  for (let i = from; i <= Math.min(lines.length - 1, to); i++) if (!isBlankText(lines[i]!)) return i;
  return undefined;
}

/**
 * A footer or header of the break that ends page `page`: columns (runs of two or more spaces apart) of
 * case numbers, one page number that is `page` or `page + 1`, and at most one short title beside it.
 */
function isRunningLine(line: string, page: number): boolean {
  // a page number or a case number has a digit: a line without one is text
  if (line.length > MAX_FURNITURE_LINE || !DIGIT.test(line)) return false;
  let caseNumbers = 0;
  const rest = line.replace(/\f/g, ' ').replace(CASE_NUMBER, () => {
    caseNumbers++;
    return '  ';
  });
  let numbers = 0;
  let titles = 0;
  for (const cell of rest.split(/\s{2,}/)) {
    const text = cell.trim();
    if (text === '') continue;
    const m = PAGE_CELL.exec(text);
    if (m) {
      const n = Number(m[1] ?? m[3] ?? m[4]);
      const of = m[2] !== undefined ? Number(m[2]) : undefined;
      if ((n !== page && n !== page + 1) || (of !== undefined && of < n)) return false;
      numbers++;
    } else if (text.length <= 60 && TITLE_CELL.test(text)) titles++;
    else return false;
  }
  return numbers === 1 ? titles <= 1 : numbers === 0 && titles === 0 && caseNumbers > 0;
}
