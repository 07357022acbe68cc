import { SourceText } from './source';

/**
 * Page furniture: a line that holds nothing but a page number ("Page 2 of 5"), as the text
 * of a paginated PDF has at the foot of each page — `imr export`'s own PDFs among them. It belongs to
 * no paragraph; the parser reads it as a blank line (positions unchanged).
 */
const PAGE_NUMBER_LINE = /^[\s\f]*Page\s+\d{1,4}\s+of\s+\d{1,4}[\s\f]*$/i;

export function isPageFurniture(line: string): boolean {
  return line.length < 80 && PAGE_NUMBER_LINE.test(line);
}

/** The text with page-number lines blanked (the same text when it has none). */
export function maskPageFurniture(src: SourceText): SourceText {
  if (!/Page\s+\d/i.test(src.text)) return src;
  let changed = false;
  const lines = src.lines.map((l) => {
    if (!isPageFurniture(l)) return l;
    changed = true;
    // the form feed stays: it marks the page break for whoever reads the lines
    return l.replace(/[^\f]/g, ' ');
  });
  return changed ? new SourceText(lines.join('\n')) : src;
}
