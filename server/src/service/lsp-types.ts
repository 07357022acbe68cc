/**
 * LSP data types for the language service, in the protocol version vscode-languageserver 9 speaks.
 *
 * They come through `vscode-languageserver` (which re-exports vscode-languageserver-types 3.17)
 * rather than from `vscode-languageserver-types` directly: the top-level copy of that package is
 * 3.18 (pulled in by the vscode-languageserver-protocol 3.18 dev dependency) and its types differ
 * (a Diagnostic message may be markup there). Nothing here creates a connection; when the top-level
 * copy is 3.17 again, point this file at 'vscode-languageserver-types'.
 */
export {
  CodeAction,
  CodeActionKind,
  Command,
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  DocumentSymbol,
  FoldingRange,
  FoldingRangeKind,
  Hover,
  InsertTextFormat,
  Location,
  MarkupKind,
  Position,
  Range,
  SymbolKind,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
