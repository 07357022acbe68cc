import * as path from 'path';
import { Connection, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SourceText } from '../engine';
import { defaultExportPath, exportText, HtmlMark, layoutLetter, LETTER_CSS, renderHtml, renderPdf, writeFileAtomic, WriteRefusedError } from '../engine/render';
import { Analysis, Analyzer } from './analysis';
import { EXPORT_REQUEST, ExportParams, ExportResult, PREVIEW_REQUEST, PreviewParams, PreviewResult } from '../../../shared/protocol';
import { uriToPath } from './uris';

export interface ExportHandlerDeps {
  letter(uri: string): TextDocument | undefined;
  analyzer: Analyzer;
  /** "imr-letter-tools 0.1.0": the PDF's producer. */
  producer: string;
}

function layoutOf(a: Analysis) {
  return layoutLetter(new SourceText(a.text), a.determination);
}

/**
 * `imr/preview` and `imr/export`: the letter as sent, drawn by the engine's renderer from the same
 * analysis (one lint per version) that diagnostics use.
 */
export function registerExportHandlers(connection: Connection, deps: ExportHandlerDeps): void {
  connection.onRequest(PREVIEW_REQUEST, async (params: PreviewParams, token): Promise<PreviewResult | ResponseError<void> | null> => {
    const doc = deps.letter(params.textDocument.uri);
    if (!doc) return null;
    const a = await deps.analyzer.analyze(doc);
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
    const layout = layoutOf(a);
    const marks: HtmlMark[] = a.findings.map((f) => ({ line: f.range.start.line, severity: f.severity, message: `${f.message} (${f.ruleId})` }));
    return { version: a.version, html: renderHtml(layout, marks), css: LETTER_CSS, caseNumber: layout.caseNumber };
  });

  connection.onRequest(EXPORT_REQUEST, async (params: ExportParams): Promise<ExportResult | null> => {
    const doc = deps.letter(params.textDocument.uri);
    if (!doc) return null;
    const a = await deps.analyzer.analyze(doc);
    const errors = a.findings.filter((f) => f.severity === 'error').map((f) => ({ line: f.range.start.line, ruleId: f.ruleId, message: f.message }));
    const file = uriToPath(doc.uri);
    const format = params.format === 'txt' ? 'txt' : 'pdf';
    const target = params.target ?? (file ? defaultExportPath(file, format) : undefined);
    if (!target) return { written: false, errors, problem: 'Save the letter first: an untitled letter has no folder to export to.' };
    if (file && path.resolve(target) === path.resolve(file)) return { written: false, target, errors, problem: 'The export would replace the letter itself.' };
    // a letter not checked within the time budget has no parsed layout to export, forced or not
    if (a.overrun) return { written: false, target, errors, problem: `${a.findings[0]?.message ?? 'Not fully checked.'} Raise imr.maxTimePerFile to export it.` };
    if (errors.length > 0 && !params.force) return { written: false, target, errors };
    const data = format === 'txt' ? exportText(a.text) : await renderPdf(layoutOf(a), { producer: deps.producer });
    try {
      writeFileAtomic(target, data);
    } catch (e) {
      return { written: false, target, errors, problem: `Cannot write ${target} (${e instanceof WriteRefusedError ? e.detail : (e as NodeJS.ErrnoException).code ?? String(e)}).` };
    }
    return { written: true, target, errors };
  });
}
