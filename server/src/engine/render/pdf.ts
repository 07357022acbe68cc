import { pushAll } from '../text/arrays';
import type { PDFFont } from 'pdf-lib';
import { Block, HeaderBlock, LetterLayout, Run } from './layout';

/**
 * Draws a letter layout as a PDF with pdf-lib: US Letter, the standard Times and Helvetica fonts
 * (WinAnsi; layout.ts made every character printable), "Page N of M" at the foot of each page, and
 * metadata that names the case number and the tool only — no author, subject or keywords, no dates.
 */

export interface PdfOptions {
  /** Producer/creator recorded in the metadata ("imr-letter-tools 0.1.0"). */
  producer: string;
}

const PAGE_WIDTH = 612; // US Letter, 8.5 × 11 in
const PAGE_HEIGHT = 792;
const MARGIN = 72;
const BOTTOM = 72;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const SIZE = 11;
const LEADING = 14;
const FOOTER_SIZE = 9;
const FOOTER_BASELINE = 40;
/** Header columns: where the label and the value of the left and of the right field start. */
const LEFT_COLUMN = { label: 0, value: 95 };
const RIGHT_COLUMN = { label: 240, value: 362 };

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  footer: PDFFont;
}

interface Segment {
  x: number;
  text: string;
  font: PDFFont;
}

/** One printed line: its segments (runs of one font) at their x offsets from the left margin. */
type Line = Segment[];

/** A block set into lines, with the blank space before it. */
interface SetBlock {
  lines: Line[];
  gapBefore: number;
  keepWithNext: boolean;
}

export async function renderPdf(layout: LetterLayout, options: PdfOptions): Promise<Uint8Array> {
  // loaded when a PDF is made, not when the CLI or the server starts
  const { PDFDocument, StandardFonts } = require('pdf-lib') as typeof import('pdf-lib');
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(layout.title);
  doc.setProducer(options.producer);
  doc.setCreator(options.producer);
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.TimesRoman),
    bold: await doc.embedFont(StandardFonts.TimesRomanBold),
    footer: await doc.embedFont(StandardFonts.Helvetica),
  };

  const set = layout.blocks.map((b, i) => ({ lines: setBlock(b, fonts), gapBefore: b.spaceBefore && i > 0 ? LEADING : 0, keepWithNext: b.keepWithNext }));
  const pages = paginate(set);
  const total = Math.max(1, pages.length);
  for (let p = 0; p < total; p++) {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    for (const { top, line } of pages[p] ?? []) {
      const baseline = PAGE_HEIGHT - top - SIZE;
      for (const s of line) if (s.text) page.drawText(s.text, { x: MARGIN + s.x, y: baseline, size: SIZE, font: s.font });
    }
    const footer = `Page ${p + 1} of ${total}`;
    const w = fonts.footer.widthOfTextAtSize(footer, FOOTER_SIZE);
    page.drawText(footer, { x: (PAGE_WIDTH - w) / 2, y: FOOTER_BASELINE, size: FOOTER_SIZE, font: fonts.footer });
  }
  // classic cross-reference table, no object streams: readable by every PDF 1.4 reader
  return doc.save({ useObjectStreams: false });
}

/** Places the set lines on pages, top-down; headings and item lines are not left alone at a page's foot. */
function paginate(blocks: SetBlock[]): { top: number; line: Line }[][] {
  const pages: { top: number; line: Line }[][] = [];
  let page: { top: number; line: Line }[] = [];
  let y = MARGIN;
  const room = () => PAGE_HEIGHT - BOTTOM - y;
  const newPage = () => {
    pages.push(page);
    page = [];
    y = MARGIN;
  };
  for (const [i, b] of blocks.entries()) {
    const next = blocks[i + 1];
    const gap = page.length > 0 ? b.gapBefore : 0;
    // keep with next: this block and two lines of the next one (or all of it, when shorter)
    let needed = gap + b.lines.length * LEADING;
    if (b.keepWithNext && next) needed += next.gapBefore + Math.min(2, next.lines.length) * LEADING;
    else needed = gap + Math.min(2, b.lines.length) * LEADING;
    if (page.length > 0 && needed > room()) newPage();
    else y += gap;
    for (const line of b.lines) {
      if (page.length > 0 && room() < LEADING) newPage();
      page.push({ top: y, line });
      y += LEADING;
    }
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

function setBlock(b: Block, fonts: Fonts): Line[] {
  if (b.kind === 'header') return setHeader(b, fonts);
  const lines = wrap(b.runs, fonts, TEXT_WIDTH);
  if (b.kind === 'heading' || b.kind === 'centered') {
    for (const line of lines) {
      const w = lineWidth(line);
      for (const s of line) s.x += Math.max(0, (TEXT_WIDTH - w) / 2);
    }
  }
  return lines;
}

function lineWidth(line: Line): number {
  const last = line[line.length - 1];
  return last ? last.x + last.font.widthOfTextAtSize(last.text.trimEnd(), SIZE) : 0;
}

/** The header in two columns; a row whose cells do not fit their columns is set one field per line. */
function setHeader(b: HeaderBlock, fonts: Fonts): Line[] {
  const lines: Line[] = [];
  const fits = (text: string, font: PDFFont, width: number) => font.widthOfTextAtSize(text, SIZE) <= width - 6;
  for (const row of b.rows) {
    const [left, right] = row;
    // each cell with its column and where its value must end (the right column, or the text's edge)
    const cells = [
      { c: left, column: LEFT_COLUMN, end: right ? RIGHT_COLUMN.label : TEXT_WIDTH },
      { c: right, column: RIGHT_COLUMN, end: TEXT_WIDTH },
    ];
    const columnsFit = cells.every(({ c, column, end }) => {
      if (!c) return true;
      return fits(`${c.label}:`, fonts.bold, column.value - column.label) && fits(c.value, fonts.regular, end - column.value);
    });
    if (columnsFit) {
      const line: Line = [];
      for (const { c, column } of cells) {
        if (!c) continue;
        line.push({ x: column.label, text: `${c.label}:`, font: fonts.bold });
        if (c.value) line.push({ x: column.value, text: c.value, font: fonts.regular });
      }
      lines.push(line);
    } else {
      for (const c of row) if (c) pushAll(lines, wrap([{ text: `${c.label}:`, bold: true }, { text: c.value ? ` ${c.value}` : '' }], fonts, TEXT_WIDTH));
    }
  }
  return lines;
}

/** Greedy line breaking at spaces; a word wider than the line is broken between characters. */
function wrap(runs: Run[], fonts: Fonts, width: number): Line[] {
  const words: { text: string; font: PDFFont }[] = [];
  for (const r of runs) {
    const font = r.bold ? fonts.bold : fonts.regular;
    for (const w of r.text.split(/\s+/)) if (w) pushAll(words, splitLong(w, font, width));
  }
  const lines: Line[] = [];
  let line: Line = [];
  let x = 0;
  const space = (font: PDFFont) => font.widthOfTextAtSize(' ', SIZE);
  for (const word of words) {
    const w = word.font.widthOfTextAtSize(word.text, SIZE);
    const last = line[line.length - 1];
    const sep = last ? space(last.font) : 0;
    if (last && x + sep + w > width) {
      lines.push(line);
      line = [];
      x = 0;
    }
    const prev = line[line.length - 1];
    if (prev && prev.font === word.font) {
      prev.text += ` ${word.text}`;
      x += space(word.font) + w;
    } else if (prev) {
      // a font change: the space stays with the previous segment, so text extraction sees it
      prev.text += ' ';
      x += space(prev.font);
      line.push({ x, text: word.text, font: word.font });
      x += w;
    } else {
      line.push({ x: 0, text: word.text, font: word.font });
      x = w;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

function splitLong(word: string, font: PDFFont, width: number): { text: string; font: PDFFont }[] {
  if (font.widthOfTextAtSize(word, SIZE) <= width) return [{ text: word, font }];
  const parts: { text: string; font: PDFFont }[] = [];
  let part = '';
  for (const ch of word) {
    if (part && font.widthOfTextAtSize(part + ch, SIZE) > width) {
      // a URL or path breaks after its last "/" or "-" on the line, when that is not too early
      const at = Math.max(part.lastIndexOf('/'), part.lastIndexOf('-')) + 1;
      const cut = at > part.length / 2 ? at : part.length;
      parts.push({ text: part.slice(0, cut), font });
      part = part.slice(cut);
    }
    part += ch;
  }
  if (part) parts.push({ text: part, font });
  return parts;
}
