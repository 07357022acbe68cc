import { CASE_NUMBER_TEXT, PAGE_NUMBER_LINE } from '../text/page-furniture';
import { SourceText } from '../text/source';
import { isBlankText, leadingSpaceEnd } from '../text/spaces';

/**
 * A line that is only the case number, with or without its label. After the label, `\s*(?::\s*)?`
 * (not `\s*:?\s*`, the same strings: two white space runs side by side with nothing between them
 * backtrack quadratically on a line of "Case No" and 100,000 spaces, 6 s per lint).
 */
export const CASE_LINE = new RegExp(String.raw`^[\s\f]*(?:Case\s+(?:Number|No\.?)\s*(?::\s*)?)?(${CASE_NUMBER_TEXT})[\s\f]*$`);

/**
 * A footer or a line that is only the case number `caseNumber`. The first character after the white
 * space decides which pattern can match, if any (a footer starts with a p, a case number line with a
 * capital): most lines run neither.
 */
function isFurnitureLine(text: string, caseNumber: string | undefined): boolean {
  const lead = leadingSpaceEnd(text);
  if (lead === text.length) return false; // blank: neither
  const c = text.charCodeAt(lead);
  if ((c | 0x20) === 0x70 && PAGE_NUMBER_LINE.test(text)) return true;
  return !!caseNumber && c >= 65 && c <= 90 && CASE_LINE.exec(text)?.[1] === caseNumber;
}

/**
 * Page breaks in a letter's text, as `pdftotext` (with or without -layout) leaves them: a form feed
 * before the next page's first line, blank lines before or after it, and repeated page furniture — a
 * footer "Page 2 of 5" or a header line with the case number. None of these is part of the letter's
 * prose: a field or an item line runs on across them. (maskPageFurniture has blanked
 * the running footers and headers before the parser reads the lines: text/page-furniture.ts.)
 */
export class PageBreaks {
  /** 1 for a line that belongs to a page break, by line number (a flag per line: no hashing per lookup). */
  private readonly ignored: number[];

  /** Lines [from, to) of `src`; `caseNumber` (from the header) identifies a repeated case number line. */
  constructor(
    private readonly src: SourceText,
    from: number,
    to: number,
    caseNumber?: string,
  ) {
    const lines = src.lines;
    // a plain array: a small typed array costs more to make than its reads save
    this.ignored = new Array<number>(lines.length).fill(0);
    // lines [from, to) of the letter: every index read below is a line of `lines`
    from = Math.max(from, 0);
    to = Math.min(to, lines.length);
    const breaks: number[] = [];
    for (let line = from; line < to; line++) {
      const text = lines[line]!;
      if (isFurnitureLine(text, caseNumber)) {
        this.ignored[line] = 1;
        breaks.push(line);
      } else if (text.includes('\f')) {
        // a form feed is white space: isBlankText is "nothing left once the form feeds are gone and the rest trimmed"
        if (isBlankText(text)) this.ignored[line] = 1;
        breaks.push(line);
      }
    }
    // blank lines next to a break are the break's, not paragraph ends
    const blank = (line: number) => line >= from && line < to && isBlankText(lines[line]!);
    for (const b of breaks) {
      for (let l = b - 1; blank(l); l--) this.ignored[l] = 1;
      for (let l = b + 1; blank(l); l++) this.ignored[l] = 1;
      // furniture and a form feed line: the text part of a "\fText" line is content
      const text = lines[b]!;
      if (!isBlankText(text) && !isFurnitureLine(text, caseNumber)) this.ignored[b] = 0;
    }
  }

  /** A line that belongs to a page break (furniture, a bare form feed, a blank line beside one). */
  isIgnored(line: number): boolean {
    // the bounds first: a read past an array's end is slow in V8
    return line >= 0 && line < this.ignored.length && this.ignored[line] === 1;
  }

  /** Page furniture: a footer or a repeated case number line (text that is no part of the letter's prose). */
  isFurniture(line: number): boolean {
    // `ignored` holds lines of the letter only
    return this.isIgnored(line) && !isBlankText(this.src.lines[line]!);
  }
}
