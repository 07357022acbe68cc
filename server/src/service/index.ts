/**
 * The IMR language service: plain functions over the engine's model and the document text, no LSP
 * connection inside (results are LSP-shaped objects from vscode-languageserver-types). The language
 * server in ../lsp and the tests call these.
 */
export { doComplete, CompletionInput } from './completion';
export { doHover, HoverInput } from './hover';
export { findDocumentSymbols, MAX_SYMBOLS } from './symbols';
export { getFoldingRanges, MAX_FOLDING_RANGES } from './folding';
export { findDefinition, fileUri } from './definition';
export { getCodeActions, nonOverlappingEdits, disableFileEdit, disableLineEdit, kindWanted, CodeActionInput, DisableEdit, ReasonSelection, REASON_PLACEHOLDER, SOURCE_FIX_ALL_IMR } from './code-actions';
export { toDiagnostic, toDiagnostics, toDiagnosticSeverity, diagnosticData, DiagnosticData, DIAGNOSTIC_SOURCE } from './diagnostics';
export { loadSnippets, parseSnippets, SnippetDefinition, SnippetLoad } from './snippets';
export { documentStats } from './stats';
export { indexTopics } from './index-topics';
export { headerIntervals } from './dates';
export { splitLines } from './text';
