/** Verifying one guideline of the MTUS index against its PDF (`imr index verify`, the editor command). */
import * as path from 'path';
import { IndexGuideline } from '../types';
import { correctionsYaml } from './corrections';
import { PdfReader } from './pdf-text';
import { verifyGuideline, VerifyReport } from './verify';

export { correctionsYaml } from './corrections';
export { PdfInputError, PdfReader, PdfText, PdfPage, PdfLine, looksLikePdf } from './pdf-text';
export { verifyGuideline, VerifyReport, TopicVerdict, TopicStatus, TocEntry, verdictPages } from './verify';
export { numberPages, PageNumbering, NumberingMethod } from './page-numbers';

/** Reads the PDF with `reader` and verifies `guideline` against it; the corrections file text comes with the report. */
export async function verifyPdf(
  bytes: Uint8Array,
  pdfPath: string,
  guideline: IndexGuideline,
  reader: PdfReader,
  options?: { offset?: number },
): Promise<{ report: VerifyReport; corrections: string }> {
  const text = await reader.read(bytes);
  const report = verifyGuideline(text, guideline, path.basename(pdfPath), options);
  return { report, corrections: correctionsYaml(report) };
}

/**
 * The PDF.js reader, loaded on first use. The module name is computed so that bundlers leave the
 * require alone: scripts/bundle.js builds dist/pdfjs-reader.js next to dist/server.js, which keeps
 * PDF.js (≈1.5 MB) out of the language server's start.
 */
export function defaultPdfReader(): PdfReader {
  const name = ['.', 'pdfjs-reader'].join('/');
  const { createPdfjsReader } = require(name) as typeof import('./pdfjs-reader');
  return createPdfjsReader();
}
