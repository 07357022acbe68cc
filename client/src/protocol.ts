/**
 * Client-side view of the custom messages of the IMR language server (server/src/lsp/protocol.ts).
 * Only method names and payload shapes live here — no import from the server tree, so the client
 * bundle stays free of server code. Keep in sync with the server's protocol module.
 */

/** `imr/documentStats` request: counts for one letter, shown in the status bar. */
export const DOCUMENT_STATS = 'imr/documentStats';
export interface DocumentStatsParams {
  textDocument: { uri: string };
}
export interface DocumentStats {
  upheld: number;
  overturned: number;
  items: number;
  /** Which MTUS index is in use, e.g. "bundled MTUS index v1" (plus extra files). */
  index: string | { label?: string; name?: string; files?: string[]; version?: string | number } | undefined;
}

/** `imr/indexTopics` request: every MTUS topic, ready for a quick pick. */
export const INDEX_TOPICS = 'imr/indexTopics';
export interface IndexTopicsParams {
  textDocument?: { uri: string };
}
export interface IndexTopic {
  label: string;
  detail?: string;
  insertText: string;
  guideline?: string;
}

/** `imr/trustChanged` notification: the workspace trust state (sent when trust is granted). */
export const TRUST_CHANGED = 'imr/trustChanged';
export interface TrustChangedParams {
  trusted: boolean;
}

/** initializationOptions sent by the client. */
export interface ImrInitializationOptions {
  trusted: boolean;
}

/**
 * `imr/lintFiles` request (optional on the server): lint files from disk and publish their
 * diagnostics, so "Lint All Letters in Workspace" fills the Problems panel without opening editors.
 * When the server does not know it (MethodNotFound), the client opens the files as text documents.
 */
export const LINT_FILES = 'imr/lintFiles';
export interface LintFilesParams {
  uris: string[];
}
export interface LintFilesResult {
  files: number;
  problems?: number;
}
