/**
 * The text of a guideline PDF as verification needs it: per physical page, its lines top to bottom
 * (with whether a line is set in a font other than the page's body font), and the PDF's page labels.
 * The PDF library sits behind PdfReader (pdfjs-reader.ts), so the verification logic is plain code.
 */

export interface PdfLine {
  text: string;
  /** Set in a font or size other than the page's most common one (a heading, usually). */
  styled: boolean;
}

export interface PdfPage {
  /** 1-based physical page number. */
  physical: number;
  /** Lines top to bottom. */
  lines: PdfLine[];
}

export interface PdfText {
  pages: PdfPage[];
  /** The PDF's page labels (/PageLabels), one per page, when it has them. */
  labels?: string[];
}

/** Reads the text of a PDF; rejects with PdfInputError when the file cannot be read as one. */
export interface PdfReader {
  read(bytes: Uint8Array): Promise<PdfText>;
}

/** The input is not a readable PDF with text (not a PDF, encrypted, no text layer): one clear line. */
export class PdfInputError extends Error {}

/** Whether the bytes start like a PDF ("%PDF-" within the first KiB, as readers accept). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}
