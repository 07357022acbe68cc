/**
 * The letter that is sent: one layout (layout.ts) drawn as PDF (pdf.ts, for `imr export`) and as HTML
 * (html.ts, for the editor's preview), and the text export (text-export.ts).
 */
export { layoutLetter, LetterLayout, Block, TextBlock, HeaderBlock, HeaderCell, Run, TextBlockKind } from './layout';
export { renderHtml, HtmlMark, LETTER_CSS, escapeHtml } from './html';
export { renderPdf, PdfOptions } from './pdf';
export { exportText, exportTextBytes } from './text-export';
export { printable, isWinAnsi } from './printable';
export { defaultExportPath, ExportFormat, EXPORT_FORMATS, formatFromPath } from './export-path';
export { writeFileAtomic, WriteRefusedError } from '../files/write-atomic';
