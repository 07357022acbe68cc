import {
  CancellationToken,
  CodeAction,
  CodeActionParams,
  CompletionList,
  CompletionParams,
  Connection,
  DefinitionParams,
  Diagnostic,
  DocumentSymbol,
  DocumentSymbolParams,
  FoldingRange,
  FoldingRangeParams,
  Hover,
  HoverParams,
  LSPErrorCodes,
  Location,
  ResponseError,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  diagnosticData,
  doComplete,
  doHover,
  documentStats,
  findDefinition,
  findDocumentSymbols,
  getCodeActions,
  getFoldingRanges,
  indexTopics,
  ReasonSelection,
  SnippetDefinition,
  splitLines,
  toDiagnostic,
} from '../service';
import { Analysis, Analyzer, budgetOf } from './analysis';
import { DOCUMENT_STATS_REQUEST, DocumentStats, DocumentStatsParams, INDEX_TOPICS_REQUEST, IndexTopicEntry, IndexTopicsParams, VERIFY_INDEX_REQUEST, VerifyIndexParams, VerifyIndexResult } from '../../../shared/protocol';
import { verifyIndexRequest } from './verify-index';
import { lintWithinBudget, MtusIndex } from '../engine';

export interface LanguageHandlerDeps {
  /** The open letter with that URI (undefined for other documents). */
  letter(uri: string): TextDocument | undefined;
  analyzer: Analyzer;
  /** The index that applies to a document, without linting it (fast path for completion). */
  indexFor(uri: string | undefined): Promise<MtusIndex>;
  snippets(): readonly SnippetDefinition[];
  /** Whether the client accepts snippet syntax in completions (Neovim 0.7 does not). */
  snippetSupport(): boolean;
  /** Whether the client accepts versioned `documentChanges` in workspace edits. */
  versionedEdits(): boolean;
  /** How the client can have a disable comment's reason placeholder selected. */
  reasonSelection(): ReasonSelection;
}

function cancelled<T>(): ResponseError<T> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/** Lines of the current version, shared by consecutive completion requests. */
class LinesCache {
  private last?: { uri: string; version: number; lines: string[] };

  get(doc: TextDocument): string[] {
    if (this.last && this.last.uri === doc.uri && this.last.version === doc.version) return this.last.lines;
    const lines = splitLines(doc.getText());
    this.last = { uri: doc.uri, version: doc.version, lines };
    return lines;
  }
}

/**
 * Thin LSP handlers over the language service: look the document up, get its analysis (one lint
 * per version, shared with validation), honour cancellation, call the service.
 */
export function registerLanguageHandlers(connection: Connection, deps: LanguageHandlerDeps): void {
  const lines = new LinesCache();

  /** The analysis of the current version, or a cancellation / null answer. */
  async function analysisFor(uri: string, token: CancellationToken): Promise<Analysis | ResponseError<void> | null> {
    const a = await deps.analyzer.current(uri, deps.letter);
    if (!a) return null;
    if (token.isCancellationRequested) return cancelled();
    return a;
  }

  connection.onCompletion(async (params: CompletionParams, token): Promise<CompletionList | ResponseError<void> | null> => {
    const doc = deps.letter(params.textDocument.uri);
    if (!doc) return null;
    const index = await deps.indexFor(doc.uri);
    if (token.isCancellationRequested) return cancelled();
    return doComplete({
      lines: lines.get(doc),
      position: params.position,
      index,
      snippets: deps.snippets(),
      snippetSupport: deps.snippetSupport(),
      triggerCharacter: params.context?.triggerCharacter,
    });
  });

  connection.onHover(async (params: HoverParams, token): Promise<Hover | ResponseError<void> | null> => {
    const a = await analysisFor(params.textDocument.uri, token);
    if (!a || a instanceof ResponseError) return a;
    return doHover({ determination: a.determination, index: a.index, position: params.position, evidence: a.config?.indexEvidence });
  });

  connection.onDocumentSymbol(async (params: DocumentSymbolParams, token): Promise<DocumentSymbol[] | ResponseError<void> | null> => {
    const a = await analysisFor(params.textDocument.uri, token);
    if (!a || a instanceof ResponseError) return a;
    return findDocumentSymbols(a.determination);
  });

  connection.onFoldingRanges(async (params: FoldingRangeParams, token): Promise<FoldingRange[] | ResponseError<void> | null> => {
    const a = await analysisFor(params.textDocument.uri, token);
    if (!a || a instanceof ResponseError) return a;
    return getFoldingRanges(a.determination, a.lines);
  });

  connection.onDefinition(async (params: DefinitionParams, token): Promise<Location | ResponseError<void> | null> => {
    const a = await analysisFor(params.textDocument.uri, token);
    if (!a || a instanceof ResponseError) return a;
    return findDefinition(a.determination, a.index, params.position);
  });

  connection.onCodeAction(async (params: CodeActionParams, token): Promise<CodeAction[] | ResponseError<void> | null> => {
    const a = await analysisFor(params.textDocument.uri, token);
    if (!a || a instanceof ResponseError) return a;
    const config = a.problem ? undefined : a.config;
    return getCodeActions({
      uri: a.uri,
      version: a.version,
      text: a.text,
      diagnostics: refreshStale(params.context.diagnostics, a),
      findings: a.problem ? [] : a.findings,
      // fix-all re-lints with the letter's own configuration and index (the engine's fix loop), on
      // this thread but within the time budget (an overrun pass has no fixes: the loop stops)
      lint: config ? (text) => lintWithinBudget({ text, config, index: a.index }, budgetOf(a.settings), 'warning').findings : undefined,
      only: params.context.only,
      versionedEdits: deps.versionedEdits(),
      reasonSelection: deps.reasonSelection(),
    });
  });

  connection.onRequest(DOCUMENT_STATS_REQUEST, async (params: DocumentStatsParams, token): Promise<DocumentStats | ResponseError<void> | null> => {
    const a = await analysisFor(params.textDocument.uri, token);
    if (!a || a instanceof ResponseError) return a;
    return documentStats(a.determination, a.index.label);
  });

  connection.onRequest(INDEX_TOPICS_REQUEST, async (params: IndexTopicsParams | undefined, token): Promise<IndexTopicEntry[] | ResponseError<void>> => {
    const index = await deps.indexFor(params?.textDocument?.uri);
    if (token.isCancellationRequested) return cancelled();
    return indexTopics(index);
  });

  connection.onRequest(VERIFY_INDEX_REQUEST, async (params: VerifyIndexParams): Promise<VerifyIndexResult> => verifyIndexRequest(params, await deps.indexFor(params.textDocument?.uri)));
}

/**
 * Diagnostics echoed by the client carry the fix of the version they were published for. When the
 * letter changed since (onSave mode, or a request racing the debounce), the same finding of the
 * current version — same rule, message and (client-adjusted) range — supplies a current fix.
 */
function refreshStale(diagnostics: readonly Diagnostic[], a: Analysis): Diagnostic[] {
  return diagnostics.map((d) => {
    const data = diagnosticData(d);
    if (!data || data.version === undefined || data.version === a.version) return d;
    const fresh = a.findings.find(
      (f) =>
        f.ruleId === data.ruleId &&
        f.message === d.message &&
        f.range.start.line === d.range.start.line &&
        f.range.start.character === d.range.start.character &&
        f.range.end.line === d.range.end.line &&
        f.range.end.character === d.range.end.character,
    );
    return fresh ? { ...d, data: toDiagnostic(fresh, a.uri, a.version).data } : d;
  });
}
