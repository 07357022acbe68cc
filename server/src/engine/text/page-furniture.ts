import { SourceText } from './source';
import { leadingSpaceEnd } from './spaces';

/**
 * Page furniture: a line that holds nothing but a page number ("Page 2 of 5"), as the text
 * of a paginated PDF has at the foot of each page — `imr export`'s own PDFs among them. It belongs to
 * no paragraph; the parser reads it as a blank line (positions unchanged).
 */
const PAGE_NUMBER_LINE = /^[\s\f]*Page\s+\d{1,4}\s+of\s+\d{1,4}[\s\f]*$/i;

export function isPageFurniture(line: string): boolean {
  return line.length < 80 && startsWithP(line) && PAGE_NUMBER_LINE.test(line);
}

/** The first character after the white space is a p (any case): a cheap test before the pattern. */
function startsWithP(line: string): boolean {
  const i = leadingSpaceEnd(line);
  return i < line.length && (line.charCodeAt(i) | 0x20) === 0x70;
}

/**
 * The text with page-number lines blanked (the same text when it has none). Line by line: a short line
 * that starts with a p is the only one the pattern is run on (no scan of the whole text first).
 */
export function maskPageFurniture(src: SourceText): SourceText {
  const lines = src.lines;
  let first = 0;
  while (first < lines.length && !isPageFurniture(lines[first]!)) first++;
  if (first === lines.length) return src;
  const masked = lines.slice();
  for (let i = first; i < masked.length; i++) {
    // the form feed stays: it marks the page break for whoever reads the lines
    if (isPageFurniture(masked[i]!)) masked[i] = masked[i]!.replace(/[^\f]/g, ' ');
  }
  return new SourceText(masked.join('\n'));
}
